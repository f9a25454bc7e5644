"""Error pages a person can use: the site's look and navigation, and a 503 with Retry-After
while the database is unreachable (issue 11, observation 9)."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from tests.factories import make_audit, make_business, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_a_missing_page_is_the_sites_own_404(production, client):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in page and 'aria-label="Main"' in page  # the site's navigation
    assert "or it is not yours to see" in page


def test_another_owners_audit_reads_as_not_found(
    production, owner_client, other_owner, questionnaire
):
    audit = make_audit(make_business(other_owner))
    page = owner_client.get(f"/audits/{audit.pk}/").content.decode()
    assert "Page not found" in page


def test_a_database_outage_is_a_503_with_retry_after(production, questionnaire):
    user = make_user("dora@example.com")
    browser = Client(raise_request_exception=False)
    browser.force_login(user)
    with mock.patch("questionnaire.views.Business.objects.for_owner") as for_owner:
        for_owner.side_effect = OperationalError("connection refused")
        response = browser.get("/audits/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "cannot reach its database just now" in page and 'aria-label="Main"' in page


def test_any_other_failure_is_the_sites_own_500(production, questionnaire):
    browser = Client(raise_request_exception=False)
    browser.force_login(make_user("dora@example.com"))
    with mock.patch("questionnaire.views.Business.objects.for_owner") as for_owner:
        for_owner.side_effect = RuntimeError("a bug")
        response = browser.get("/audits/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_a_forbidden_page_is_the_sites_own_403(production, owner_client):
    response = owner_client.get("/admin/login/")  # logged in, but not staff
    page = response.content.decode()
    assert response.status_code == 403
    assert "Not allowed" in page and 'aria-label="Main"' in page
