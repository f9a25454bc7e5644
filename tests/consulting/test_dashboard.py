"""The dashboard: every client audit in one table, filtered, searched, sorted, paginated,
in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from questionnaire.models import Audit
from tests.factories import GOOD_ANSWERS, make_client_audit, make_user

pytestmark = pytest.mark.django_db

# Nobody named to run it: one problem, which keeps readiness in Foundations.
WEAK = {**GOOD_ANSWERS, "who_develops": ["nobody"]}


def dashboard(client, **params):
    return client.get(reverse("consulting:dashboard"), params).content.decode()


@pytest.fixture
def clients(carla, questionnaire):
    bakery = make_client_audit(carla, make_user("bea@bakery.example"), "Harbour Bakery")
    garage = make_client_audit(
        carla, make_user("gus@garage.example"), "Gus's Garage", answers=WEAK, sector="trades"
    )
    draft = make_client_audit(
        carla, make_user("dora@draft.example"), "Draft Designs", answers={}, submit=False
    )
    return bakery, garage, draft


def test_lists_every_client_audit_with_readiness(carla_client, clients, oscar_audit):
    page = dashboard(carla_client)
    assert "Harbour Bakery" in page and "Gus&#x27;s Garage" in page and "Draft Designs" in page
    assert "Oscar&#x27;s Garage" not in page  # Connor's client
    assert "3 audits" in page
    bakery = clients[0]
    assert f'{bakery.b2c_readiness} <span class="small">Advanced</span>' in page


def test_a_market_the_client_does_not_serve_shows_not_assessed(carla, carla_client, clients):
    firm = make_client_audit(
        carla,
        make_user("fay@firm.example"),
        "Fay's Firm",
        sells_to="businesses",
        sector="professional",
    )
    page = dashboard(carla_client)
    cells = page.count('<span class="small text-muted">Not assessed</span>')
    assert cells == 3  # B2B for the two consumer businesses, B2C for Fay
    assert "Yes: go ahead with consumers" in page
    assert firm.b2c_readiness is None and firm.headline
    page = dashboard(carla_client, b2b_band="none")
    assert "Harbour Bakery" in page and "Gus&#x27;s Garage" in page
    assert "Fay&#x27;s Firm" not in page and "Draft Designs" not in page
    page = dashboard(carla_client, b2c_band="none")
    assert "Fay&#x27;s Firm" in page and "Harbour Bakery" not in page


def test_filter_by_status_band_and_sector(carla_client, clients):
    assert "Harbour Bakery" not in dashboard(carla_client, status="draft")
    assert "Draft Designs" in dashboard(carla_client, status="draft")
    page = dashboard(carla_client, b2c_band="foundations")
    assert "Gus&#x27;s Garage" in page and "Harbour Bakery" not in page
    page = dashboard(carla_client, sector="trades")
    assert "Gus&#x27;s Garage" in page and "Harbour Bakery" not in page


def test_filter_by_submitted_date_range(carla_client, clients):
    bakery, garage, _ = clients
    Audit.objects.filter(pk=bakery.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=40)
    )
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    page = dashboard(carla_client, submitted_from=since)
    assert "Gus&#x27;s Garage" in page and "Harbour Bakery" not in page


def test_an_inverted_date_range_says_so_and_keeps_the_dates(carla_client, clients):
    page = dashboard(carla_client, submitted_from="2026-05-01", submitted_to="2026-04-01")
    assert "The end date is before the start date." in page
    assert 'value="2026-05-01"' in page and 'value="2026-04-01"' in page
    # said of the "to" field, which the summary links to
    assert 'href="#id_submitted_to">The end date is before the start date.' in page


def test_search_by_business_name_or_owner_email(carla_client, clients):
    page = dashboard(carla_client, q="bakery")
    assert "Harbour Bakery" in page and "Gus&#x27;s Garage" not in page
    page = dashboard(carla_client, q="gus@garage")
    assert "Gus&#x27;s Garage" in page and "Harbour Bakery" not in page


def test_sort_by_readiness_both_ways(carla_client, clients):
    ascending = dashboard(carla_client, sort="b2c")
    assert ascending.index("Gus&#x27;s Garage") < ascending.index("Harbour Bakery")
    descending = dashboard(carla_client, sort="-b2c")
    assert descending.index("Harbour Bakery") < descending.index("Gus&#x27;s Garage")
    assert descending.index("Gus&#x27;s Garage") < descending.index(
        "Draft Designs"
    )  # no score last
    assert 'aria-sort="descending"' in descending


def test_paginates(carla, carla_client, questionnaire):
    owner = make_user("many@example.com")
    for number in range(27):
        make_client_audit(carla, owner, f"Shop {number:02d}", answers={}, submit=False)
    first = dashboard(carla_client, sort="business")
    assert "Shop 00" in first and "Shop 25" not in first and "page 1 of 2" in first
    second = dashboard(carla_client, sort="business", page=2)
    assert "Shop 25" in second and "Shop 26" in second and "Shop 00" not in second


def test_query_count_does_not_grow_with_the_number_of_audits(
    carla, carla_client, questionnaire, django_assert_max_num_queries, django_assert_num_queries
):
    owner = make_user("count@example.com")
    for number in range(3):
        make_client_audit(carla, owner, f"Few {number}")
    with django_assert_max_num_queries(12) as few:
        dashboard(carla_client)
    for number in range(20):
        make_client_audit(carla, owner, f"Many {number}", answers={}, submit=False)
    with django_assert_num_queries(len(few.captured_queries)):
        page = dashboard(carla_client)
    assert "23 audits" in page


NAMES = ["Avocado Café", "Draft Designs", "Gus&#x27;s Garage", "Harbour Bakery"]


def listed(page: str) -> list[str]:
    return sorted(NAMES, key=page.index)


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("business", ["Avocado Café", "Draft Designs", "Gus&#x27;s Garage", "Harbour Bakery"]),
        ("-business", ["Harbour Bakery", "Gus&#x27;s Garage", "Draft Designs", "Avocado Café"]),
        # by sector, then by name within a sector
        ("sector", ["Avocado Café", "Draft Designs", "Harbour Bakery", "Gus&#x27;s Garage"]),
        ("-sector", ["Gus&#x27;s Garage", "Harbour Bakery", "Draft Designs", "Avocado Café"]),
        # drafts before submitted; audits of the same status oldest first, or newest first
        ("status", ["Draft Designs", "Harbour Bakery", "Gus&#x27;s Garage", "Avocado Café"]),
        ("-status", ["Avocado Café", "Gus&#x27;s Garage", "Harbour Bakery", "Draft Designs"]),
        # a draft has no date: last either way
        ("submitted", ["Harbour Bakery", "Gus&#x27;s Garage", "Avocado Café", "Draft Designs"]),
        ("-submitted", ["Avocado Café", "Gus&#x27;s Garage", "Harbour Bakery", "Draft Designs"]),
    ],
)
def test_every_column_sorts_both_ways(carla, carla_client, clients, sort, order):
    make_client_audit(carla, make_user("ava@cafe.example"), "Avocado Café")
    assert listed(dashboard(carla_client, sort=sort)) == order


def test_a_one_day_range_and_an_end_date_filter(carla_client, clients):
    today = timezone.localdate()
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    page = dashboard(carla_client, submitted_from=today.isoformat(), submitted_to=today.isoformat())
    assert "Harbour Bakery" in page and "Draft Designs" not in page
    page = dashboard(carla_client, submitted_to=yesterday)
    assert "Harbour Bakery" not in page


def test_a_search_counts_and_pages_its_matches(carla, carla_client, questionnaire):
    owner = make_user("many@example.com")
    for number in range(27):
        make_client_audit(carla, owner, f"Harbour Shop {number:02d}", answers={}, submit=False)
    make_client_audit(carla, owner, "Inland Stall", answers={}, submit=False)
    first = dashboard(carla_client, q="harbour", sort="business")
    assert "27 audits · page 1 of 2" in first
    assert "Harbour Shop 00" in first and "Harbour Shop 25" not in first
    second = dashboard(carla_client, q="harbour", sort="business", page=2)
    assert "27 audits · page 2 of 2" in second
    assert "Harbour Shop 25" in second and "Harbour Shop 26" in second
    assert "Harbour Shop 24" not in second and "Inland Stall" not in second
    # page 1 asked for by number is the first page; 0, a page past the end or not a number
    # shows the first page, the last, or the first
    assert "Harbour Shop 00" in dashboard(carla_client, q="harbour", sort="business", page=1)
    assert "page 1 of 2" in dashboard(carla_client, q="harbour", sort="business", page=0)
    assert "Harbour Shop 26" in dashboard(carla_client, q="harbour", sort="business", page=9)
    assert "Harbour Shop 00" in dashboard(carla_client, q="harbour", sort="business", page="x")
    nothing = dashboard(carla_client, q="lighthouse")
    assert "0 audits" in nothing and "Harbour Shop" not in nothing


def test_a_search_finds_its_matches_once(
    carla, carla_client, questionnaire, django_assert_max_num_queries
):
    owner = make_user("count@example.com")
    for number in range(3):
        make_client_audit(carla, owner, f"Harbour {number}")
    with django_assert_max_num_queries(12) as listing:
        dashboard(carla_client)
    # the page's query also counts the matches: no COUNT query of its own
    with django_assert_max_num_queries(len(listing.captured_queries) - 1) as search:
        assert "3 audits" in dashboard(carla_client, q="harbour")
    assert not any("COUNT(*)" in query["sql"] for query in search.captured_queries)


def test_an_inverted_readiness_range_says_so_keeps_the_numbers_and_opens_the_filters(
    carla_client, clients
):
    page = dashboard(carla_client, b2c_from="70", b2c_to="40")
    assert 'href="#id_b2c_to">This is below the lowest readiness asked for.' in page
    assert 'value="70"' in page and 'value="40"' in page
    assert '<details class="col-12 more-filters" open>' in page
    assert '<details class="col-12 more-filters">' in dashboard(carla_client)


def test_a_readiness_out_of_range_is_refused(carla_client, clients):
    page = dashboard(carla_client, b2b_to="101")
    assert "Ensure this value is less than or equal to 100." in page


@pytest.mark.parametrize(
    "params",
    [{"submitted_from": "2026-05-01", "submitted_to": "2026-04-01"}, {"b2b_to": "101"}],
)
def test_a_wrong_filter_lists_no_audits_under_its_error(carla_client, clients, params):
    """Every audit under the error would look like the filtered list when it is not."""
    page = dashboard(carla_client, **params)
    assert "Harbour Bakery" not in page and "Gus&#x27;s Garage" not in page
    assert "Correct the filters above to see client audits." in page
    assert "Harbour Bakery" in dashboard(carla_client)


def test_filter_by_readiness_range_edition_and_weakest_dimension(carla_client, clients):
    bakery, garage, _ = clients
    low, high = sorted([bakery.b2c_readiness, garage.b2c_readiness])
    assert "Gus&#x27;s Garage" in dashboard(carla_client, b2c_to=low)
    assert "Harbour Bakery" not in dashboard(carla_client, b2c_to=low)
    one_score = dashboard(carla_client, b2c_from=high, b2c_to=high)  # a range of one
    assert "Harbour Bakery" in one_score and "1 audit" in one_score
    assert "1 audit" in dashboard(carla_client, b2c_from=high)
    assert "3 audits" in dashboard(carla_client, edition=bakery.edition.name)  # the draft too
    assert "0 audits" in dashboard(carla_client, edition="2027.1")
    page = dashboard(carla_client, weakest=garage.weakest_dimension)
    assert "Gus&#x27;s Garage" in page
    # stored at submit: the dimension with the lowest score
    scores = garage.dimension_scores
    assert garage.weakest_dimension == "sustainability" and scores["sustainability"] == min(
        scores.values()
    )


def test_latest_only_lists_each_client_once_and_moved_compares_with_the_one_before(
    carla, carla_client, clients
):
    from tests.factories import make_audit

    bakery, garage, _ = clients
    again = make_audit(bakery.business, WEAK, submit=True)  # the bakery fell back
    assert again.previous == bakery and again.b2c_readiness < bakery.b2c_readiness
    assert "4 audits" in dashboard(carla_client)
    assert "2 audits" in dashboard(carla_client, latest="on")  # the draft is not submitted
    fell = dashboard(carla_client, latest="on", moved="down")
    assert "1 audit" in fell and "Harbour Bakery" in fell
    assert "0 audits" in dashboard(carla_client, latest="on", moved="up")
