"""The consultant role: through the public sign-up while it is open."""

import pytest
from django.urls import reverse

from consulting.models import Consultant, SignupSetting

pytestmark = pytest.mark.django_db


def test_an_account_becomes_a_consultant_while_signup_is_open(owner, owner_client):
    SignupSetting.objects.create(pk=1, consultant_signup_open=True)
    assert owner_client.get(reverse("consulting:dashboard")).status_code == 404
    response = owner_client.post(
        reverse("consulting:become_consultant"), {"display_name": "Olive & Co"}
    )
    assert response["Location"] == reverse("consulting:invitations")
    assert Consultant.objects.get(user=owner).name == "Olive & Co"
    assert owner_client.get(reverse("consulting:dashboard")).status_code == 200


def test_signup_is_closed_until_the_administrator_opens_it(owner, owner_client):
    response = owner_client.post(reverse("consulting:become_consultant"), {"display_name": "X"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Consultant sign-up is closed" in page
    assert "mailto:help@localhost?subject=Consultant%20account" in page  # who to ask, and how
    assert not Consultant.objects.exists()
