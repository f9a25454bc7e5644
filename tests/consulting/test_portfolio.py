"""The consultant's portfolio, against a small set of clients whose figures are worked out
by hand below; every figure links to a dashboard list of exactly what it counts."""

import re

import pytest
from django.urls import reverse

from consulting.models import Share
from consulting.portfolio import portfolio
from peers import counting
from questionnaire.models import Audit
from tests.peers.conftest import add_audit, scored_business

pytestmark = pytest.mark.django_db
SUBMITTED, REVIEWED, DRAFT = Audit.Status.SUBMITTED, Audit.Status.REVIEWED, Audit.Status.DRAFT


def dims(weakest: str, low: int = 20) -> dict:
    scores = dict.fromkeys(["customers", "value", "network_fit", "sustainability", "success"], 70)
    return {**scores, weakest: low}


@pytest.fixture
def clients(carla, connor, questionnaire):
    """Carla's five clients and Connor's one; twelve other businesses on the site."""
    v = questionnaire
    alpha = scored_business(v, name="Alpha Bakery", b2c=40, dimensions=dims("value"), days_ago=200)
    add_audit(alpha, v, b2c=70, dimensions=dims("value"), days_ago=1)  # improved 40 -> 70
    beta = scored_business(v, name="Beta Books", b2c=85, dimensions=dims("value"), days_ago=30)
    gamma = scored_business(
        v, name="Gamma Gears", b2c=None, b2b=60, dimensions=dims("success"), days_ago=90
    )
    add_audit(gamma, v, b2c=None, b2b=45, dimensions=dims("success"), days_ago=5)  # fell 15
    delta = scored_business(
        v, name="Delta Deli", b2c=20, dimensions=dims("sustainability"), status=REVIEWED
    )
    echo = scored_business(v, name="Echo Events", status=DRAFT)
    for business in (alpha, beta, gamma, delta, echo):
        Share.objects.create(business=business, consultant=carla)
    foxtrot = scored_business(v, name="Foxtrot Farm", b2c=99)
    Share.objects.create(business=foxtrot, consultant=connor)
    for score in range(30, 90, 5):  # 30, 35 … 85
        scored_business(v, b2c=score, sector="retail")
    counting.rebuild()
    return {"alpha": alpha, "beta": beta, "gamma": gamma, "delta": delta}


def counts(figures) -> dict:
    return {figure.label: figure.count for figure in figures}


def test_the_figures_match_the_hand_checked_clients(carla, clients):
    p = portfolio(carla)
    assert (p.clients, p.audited) == (5, 4)  # Echo has only a draft; Foxtrot is Connor's
    assert counts(p.bands["Readiness for consumers"]) == {
        "Advanced": 1,  # Beta 85
        "Ready": 1,  # Alpha 70, its latest audit (its first was 40)
        "Foundations": 0,
        "Not yet": 1,  # Delta 20
        "Not assessed": 1,  # Gamma sells to businesses only
    }
    assert counts(p.bands["Readiness for business buyers"])["Foundations"] == 1  # Gamma 45
    assert counts(p.weakest) == {"Value": 2, "Success measures": 1, "Sustainability": 1}
    assert p.weakest[0].label == "Value"
    assert [(m.name, m.biggest, m.changes) for m in p.improved] == [
        ("Alpha Bakery", 30, ["Readiness for consumers: 40 → 70"])
    ]
    assert [(m.name, m.biggest) for m in p.fell_back] == [("Gamma Gears", -15)]
    # latest audits still submitted, longest waiting first; Delta is reviewed
    assert [a["business__name"] for a in p.waiting] == ["Beta Books", "Gamma Gears", "Alpha Bakery"]
    assert p.waiting_count == 3


def test_the_clients_are_placed_among_every_business_on_the_site(carla, clients):
    [consumers] = portfolio(carla).site  # too few businesses sell to businesses to compare
    # the site's 16 consumer scores: 20 30 35 40 45 50 55 60 65 70 70 75 80 85 85 99
    # Alpha's 70: 9 below and 2 tied, (9 + 1) / 16 = 0.63, the top half;
    # Beta's 85: 13 below, (13 + 1) / 16 = 0.88, the top quarter; Delta's 20: the bottom.
    # Where the quarters meet: 41 has 4 below (0.25); 61 has 8 (0.5); 76 has 12 (0.75).
    assert counts(consumers.quarters) == {
        "Better than most businesses on the site (76-100)": 1,
        "In the top half of businesses on the site (61-75)": 1,
        "In the bottom half of businesses on the site (41-60)": 0,
        "Behind most businesses on the site (0-40)": 1,
    }
    assert (consumers.clients_median, consumers.site_median) == (70, 60)
    assert consumers.words == "in the top half of businesses on the site"


def listed(client, query: str) -> int:
    page = client.get(f"{reverse('consulting:dashboard')}?{query}").content.decode()
    return int(re.search(r"(\d+) audits?\b", page).group(1))


def test_every_figure_links_to_the_list_of_what_it_counts(carla, carla_client, clients):
    p = portfolio(carla)
    figures = [*p.weakest, *p.site[0].quarters]
    for market in p.bands.values():
        figures += market
    for figure in figures:
        assert listed(carla_client, figure.query) == figure.count, figure.label
    page = carla_client.get(reverse("consulting:portfolio")).content.decode()
    for figure in figures:
        assert f"?{figure.query.replace('&', '&amp;')}" in page
    assert listed(carla_client, "latest=on&moved=up") == len(p.improved) == 1
    assert listed(carla_client, "latest=on&moved=down") == len(p.fell_back) == 1
    assert listed(carla_client, "latest=on&status=submitted&sort=submitted") == p.waiting_count


def test_the_page_names_the_clients_to_act_on(carla_client, clients):
    page = carla_client.get(reverse("consulting:portfolio")).content.decode()
    assert "5 clients, 4 with a submitted audit" in page
    assert "<strong>Value</strong> is the weakest dimension for 2 of 4 clients" in page
    assert 'Alpha Bakery</a> <span class="text-muted">Readiness for consumers: 40 → 70' in page
    assert 'Gamma Gears</a> <span class="text-muted">Readiness for business buyers: 60 → 45' in page
    review = reverse("consulting:review", args=[clients["beta"].audits.get().pk])
    assert f'<a href="{review}">Beta Books</a>' in page
    assert "Foxtrot" not in page  # Connor's client


def test_a_consultant_without_clients_is_told_what_the_page_will_show(connor_client, questionnaire):
    Share.objects.all().delete()
    page = connor_client.get(reverse("consulting:portfolio")).content.decode()
    assert "0 clients, 0 with a submitted audit" in page
    assert "When your clients submit their audits" in page


def test_the_portfolio_costs_the_same_queries_however_many_clients(
    carla, carla_client, clients, questionnaire, django_assert_num_queries
):
    url = reverse("consulting:portfolio")
    carla_client.get(url)
    # session, user with role, the clients' latest audits, the number of clients, the
    # current edition, the site's figures
    with django_assert_num_queries(6):
        carla_client.get(url)
    for _ in range(10):
        Share.objects.create(business=scored_business(questionnaire), consultant=carla)
    with django_assert_num_queries(6):
        assert "15 clients" in carla_client.get(url).content.decode()


def test_movers_are_ranked_by_their_largest_change_either_way(carla, questionnaire):
    v = questionnaire
    changes = {  # name: (b2c before, after), (b2b before, after)
        "Zed Zinc": ((50, 51), (None, None)),  # one point counts
        "Able Arts": ((40, 70), (None, None)),
        "Mixed Metals": ((50, 55), (60, 40)),  # up for consumers, down for businesses
        "Baker Bros": ((80, 60), (None, None)),
        "Still Studio": ((50, 50), (None, None)),  # no change: in neither list
    }
    for name, ((b2c_was, b2c), (b2b_was, b2b)) in changes.items():
        business = scored_business(v, name=name, b2c=b2c_was, b2b=b2b_was, days_ago=100)
        add_audit(business, v, b2c=b2c, b2b=b2b, days_ago=1)
        Share.objects.create(business=business, consultant=carla)
    p = portfolio(carla)
    assert [(m.name, m.biggest) for m in p.improved] == [
        ("Able Arts", 30),
        ("Mixed Metals", 5),
        ("Zed Zinc", 1),
    ]
    # a tie in size is broken by name
    assert [(m.name, m.biggest) for m in p.fell_back] == [
        ("Baker Bros", -20),
        ("Mixed Metals", -20),
    ]


@pytest.fixture
def two_editions(carla, questionnaire):
    """Twelve businesses and Carla's client Ada on edition 1; then edition 2, with ten
    businesses and Carla's client Bo, who scored what Ada did."""
    from questionnaire.content import copy_as_draft, publish

    for score in range(30, 90, 5):
        scored_business(questionnaire, b2c=score)
    ada = scored_business(questionnaire, name="Ada's Attic", b2c=90)
    draft = copy_as_draft(questionnaire)
    draft.name = "2027.1"
    draft.save()
    newer = publish(draft)
    for score in range(10, 60, 5):
        scored_business(newer, b2c=score)
    bo = scored_business(newer, name="Bo's Barbers", b2c=90)
    for client in (ada, bo):
        Share.objects.create(business=client, consultant=carla)
    counting.rebuild()
    return newer


def test_the_site_comparison_uses_the_current_questionnaire_alone(
    carla, carla_client, two_editions
):
    p = portfolio(carla)
    [consumers] = p.site  # the 11 of edition 2: Bo and ten others, just enough
    assert consumers.label == "Readiness for consumers"
    assert [f.count for f in consumers.quarters] == [1, 0, 0, 0]  # Bo; Ada is on edition 1
    # edition 2's scores: 10 15 … 55 and Bo's 90: 50 has eight below and itself, (8 + 0.5)
    # / 11 = 0.77, the top quarter; 49 has 8 / 11 = 0.73. Edition 1's would start it higher.
    assert consumers.quarters[0].label == "Better than most businesses on the site (50-100)"
    [top] = [f for f in consumers.quarters if f.count]
    assert listed(carla_client, top.query) == 1  # Bo only: Ada scored 90 on edition 1
    page = carla_client.get(reverse("consulting:portfolio")).content.decode()
    assert "Clients whose latest audit used edition 2027.1 of the questionnaire" in page


def test_a_quarter_no_score_falls_in_is_left_out_and_the_rest_still_listed(carla, questionnaire):
    for _ in range(11):
        scored_business(questionnaire, b2c=50)
    client = scored_business(questionnaire, name="Client", b2c=20)
    Share.objects.create(business=client, consultant=carla)
    counting.rebuild()
    [consumers] = portfolio(carla).site
    # twelve scores, eleven of them 50: no score is placed in the second quarter
    assert [f.label for f in consumers.quarters] == [
        "Better than most businesses on the site (51-100)",
        "In the top half of businesses on the site (50-50)",
        "Behind most businesses on the site (0-49)",
    ]
    assert consumers.quarters[-1].count == 1
