"""`make run` seeds the demo data before it serves: if the demo breaks, the first command of
the README does. Every demo login must find its pages working."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from peers.demo import KINDS
from questionnaire.models import Audit
from questionnaire.profile import Sector


def test_every_sector_has_demo_business_names():
    assert set(KINDS) == set(Sector.values)


def test_the_demo_gives_the_owner_and_the_consultant_working_pages(questionnaire, client, settings):
    settings.DEBUG = True  # seed_demo refuses to run in production
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # safe to run again

    client.login(username="owner@example.com", password="demo-audit-2026")
    latest = Audit.objects.submitted().filter(business__owner__email="owner@example.com")
    results = client.get(reverse("reports:audit_results", args=[latest.latest("submitted_at").pk]))
    assert results.status_code == 200
    assert "How you compare" in results.content.decode()

    client.login(username="consultant@example.com", password="demo-audit-2026")
    dashboard = client.get(reverse("consulting:dashboard"))
    assert dashboard.status_code == 200
    assert dashboard.content.decode().count("<tr") > 20  # the 29 clients' audits
