"""CSV export: the filtered list, with formula-looking cells neutralised."""

import csv
import io

import pytest
from django.urls import reverse

from consulting.export import safe_cell
from consulting.models import Recommendation
from questionnaire import flow
from questionnaire.profile import Sector
from tests.factories import make_client_audit, make_user

pytestmark = pytest.mark.django_db


def export(client, **params) -> list[list[str]]:
    response = client.get(reverse("consulting:export_csv"), params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="client-audits-')
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_formula_looking_names_and_recommendations_are_neutralised(
    carla, carla_client, questionnaire
):
    audit = make_client_audit(carla, make_user("eve@example.com"), '=HYPERLINK("http://x","y")')
    Recommendation.objects.create(audit=audit, author=carla, text="@SUM(1+1)")
    make_client_audit(carla, make_user("minus@example.com"), "-2+3 Ltd")
    rows = export(carla_client, sort="business")
    header, *data = rows
    assert header[:4] == ["Business", "Owner email", "Sector", "Status"]
    names = [row[0] for row in data]
    assert '\'=HYPERLINK("http://x","y")' in names and "'-2+3 Ltd" in names
    hyperlink = next(row for row in data if row[0].startswith("'=HYPERLINK"))
    assert hyperlink[-1] == "'@SUM(1+1)"
    assert hyperlink[6] == str(audit.b2c_readiness) and hyperlink[7] == "Advanced"


def test_the_export_follows_the_filters(carla, carla_client, questionnaire, oscar_audit):
    make_client_audit(carla, make_user("a@example.com"), "Alpha Cafe")
    make_client_audit(carla, make_user("b@example.com"), "Beta Garage", sector="trades")
    names = [row[0] for row in export(carla_client, sector="trades")[1:]]
    assert names == ["Beta Garage"]
    everything = [row[0] for row in export(carla_client)[1:]]
    assert "Oscar's Garage" not in everything and len(everything) == 2


def test_a_wrong_filter_exports_no_rows(carla, carla_client, questionnaire):
    make_client_audit(carla, make_user("a@example.com"), "Alpha Cafe")
    assert len(export(carla_client, b2c_from="70", b2c_to="40")) == 1  # the header alone
    assert len(export(carla_client)) == 2


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\t=x", "'\t=x"),
        ("Plain", "Plain"),
        (None, ""),
        (42, "42"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_a_market_the_client_does_not_serve_is_not_assessed_in_the_csv(
    carla, carla_client, questionnaire
):
    make_client_audit(carla, make_user("bea@example.com"), "Bea's Bakery")  # consumers only
    make_client_audit(
        carla, make_user("dora@example.com"), "Dora's Draft", answers={}, submit=False
    )
    header, *rows = export(carla_client, sort="business")
    columns = dict(zip(header, rows[0], strict=True))
    assert columns["Business"] == "Bea's Bakery"
    assert columns["B2C band"] == "Advanced" and columns["B2C readiness"].isdigit()
    assert columns["B2B readiness"] == "" and columns["B2B band"] == "Not assessed"
    assert columns["Verdict"] == "Yes: go ahead with consumers"
    draft = dict(zip(header, rows[1], strict=True))
    assert draft["B2B band"] == "" and draft["Verdict"] == ""  # nothing to assess yet


def test_a_row_says_what_the_dashboard_says_in_words(carla, carla_client, questionnaire):
    owner = make_user("gia@example.com")
    audit = make_client_audit(carla, owner, "Gia's Garage", sector="trades", sells_to="both")
    flow.finish_review(audit, carla)
    for text in ("First, a weekly post.", "Then, answer every review."):
        Recommendation.objects.create(audit=audit, author=carla, text=text)
    make_client_audit(carla, make_user("hal@example.com"), "Hal's Draft", submit=False)
    header, *rows = export(carla_client, sort="business")
    gia, hal = (dict(zip(header, row, strict=True)) for row in rows)
    audit.refresh_from_db()
    assert gia["Owner email"] == "gia@example.com"
    assert gia["Sector"] == Sector.TRADES.label
    assert gia["Status"] == "Reviewed"
    assert gia["Submitted"] == audit.submitted_at.date().isoformat()
    assert gia["Reviewed"] == audit.reviewed_at.date().isoformat()
    assert gia["Recommendations"] == "First, a weekly post.\n\nThen, answer every review."
    assert gia["B2C readiness"] == str(audit.b2c_readiness)
    assert gia["B2B readiness"] == str(audit.b2b_readiness)
    assert gia["B2B band"] == audit.get_b2b_band_display() != ""
    assert (hal["Status"], hal["Submitted"], hal["Reviewed"]) == ("Draft", "", "")
    assert (hal["B2C readiness"], hal["B2C band"], hal["B2B band"]) == ("", "", "")
