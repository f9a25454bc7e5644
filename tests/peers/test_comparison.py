"""Where an audit stands against its peers: which cohort, which quarter, and what never
counts."""

import pytest

from peers import counting
from peers.comparison import PEERS_IN_SECTOR, compare
from peers.models import CountedAudit, PeerGroup
from questionnaire.models import Audit
from questionnaire.profile import Sector
from tests.peers.conftest import add_audit, scored_business

pytestmark = pytest.mark.django_db


def peers(edition, how_many: int, **figures) -> list:
    return [scored_business(edition, **figures) for _ in range(how_many)]


def viewed(edition, **figures) -> Audit:
    business = scored_business(edition, name="Corner Café", **figures)
    return business.audits.get()


def cohort_of(position) -> tuple[str, str]:
    return position.cohort.sector, position.cohort.size


def test_ten_other_businesses_of_the_same_sector_and_size_make_a_cohort(questionnaire):
    audit = viewed(questionnaire, b2c=70)
    peers(questionnaire, 10, b2c=40)
    counting.rebuild()
    comparison = compare(audit)
    [readiness] = comparison.readiness
    assert cohort_of(readiness) == ("hospitality", "micro")
    assert readiness.cohort.count == 11  # the café itself among them
    assert readiness.words == (
        "better than most cafés, restaurants and venues of your size that sell to consumers"
    )
    assert {cohort_of(p) for p in comparison.dimensions} == {("hospitality", "micro")}
    assert comparison.narrowed == ""


def test_with_nine_others_the_sector_at_any_size_is_used_and_the_page_says_so(questionnaire):
    audit = viewed(questionnaire)
    peers(questionnaire, 9)
    peers(questionnaire, 2, size="small")
    counting.rebuild()
    comparison = compare(audit)
    assert {cohort_of(p) for p in (*comparison.readiness, *comparison.dimensions)} == {
        ("hospitality", "")
    }
    assert comparison.readiness[0].cohort.peers == "cafés, restaurants and venues"
    assert comparison.cohorts[0].described == "the 12 cafés, restaurants and venues of any size"
    assert comparison.narrowed == (
        "Where fewer than 10 other cafés, restaurants and venues of 2 to 9 people can be "
        "compared, a broader group is used, so that no one business can be singled out."
    )


@pytest.mark.parametrize("sector", [s.value for s in Sector])
def test_every_sector_is_named_when_a_broader_group_is_used(questionnaire, sector):
    """A sector added to the profile must have words here too, or its PDF answers 500."""
    audit = scored_business(questionnaire, sector=sector).audits.get()
    peers(questionnaire, 9, sector=sector)
    peers(questionnaire, 2, sector=sector, size="small")
    counting.rebuild()
    narrowed = compare(audit).narrowed
    assert narrowed.startswith(f"Where fewer than 10 other {PEERS_IN_SECTOR[Sector(sector)]} of")


def test_then_every_business_on_the_site(questionnaire):
    audit = viewed(questionnaire)
    peers(questionnaire, 9)
    peers(questionnaire, 1, sector="retail")
    counting.rebuild()
    [readiness] = compare(audit).readiness
    assert cohort_of(readiness) == ("", "")
    assert readiness.words.endswith("businesses on the site that sell to consumers")
    assert readiness.cohort.described == "all 11 businesses on the site"


def test_with_too_few_businesses_anywhere_there_is_no_comparison(questionnaire):
    audit = viewed(questionnaire)
    peers(questionnaire, 9, sector="retail")
    counting.rebuild()
    assert compare(audit).is_empty
    assert compare(audit).cohorts == []


def test_drafts_never_count(questionnaire):
    audit = viewed(questionnaire)
    peers(questionnaire, 9)
    peers(questionnaire, 3, status=Audit.Status.DRAFT)
    counting.rebuild()
    assert compare(audit).is_empty
    assert CountedAudit.objects.count() == 10


def test_a_market_the_business_does_not_sell_to_never_counts(questionnaire):
    audit = viewed(questionnaire, b2c=60, b2b=60)
    peers(questionnaire, 10, b2c=50, b2b=None)  # consumers only
    counting.rebuild()
    comparison = compare(audit)
    assert [p.label for p in comparison.readiness] == ["Readiness for consumers"]
    group = PeerGroup.objects.get(sector="hospitality", size="micro")
    assert group.published["b2c"]["count"] == 11 and group.published["b2b"]["count"] == 1


def test_a_readiness_is_compared_among_those_selling_to_that_market(questionnaire):
    audit = viewed(questionnaire, b2c=None, b2b=60)
    peers(questionnaire, 10, b2c=None, b2b=50)
    peers(questionnaire, 5, b2c=70)  # consumers only: in the cohort, not in this comparison
    counting.rebuild()
    [readiness] = compare(audit).readiness
    assert readiness.words.endswith("of your size that sell to other businesses")
    assert readiness.quarter == 3  # above the ten 50s; the 70s sell to consumers
    assert readiness.cohort.described == "the 16 cafés, restaurants and venues of 2 to 9 people"


def test_positions_are_quarters_in_words(questionnaire):
    audit = viewed(
        questionnaire,
        b2c=90,
        dimensions={
            "customers": 20,
            "value": 55,
            "network_fit": 45,
            "sustainability": 50,
            "success": 90,
        },
    )
    for score in (10, 20, 30, 40, 50, 60, 60, 60, 60, 70):
        scored_business(questionnaire, b2c=score, dimensions=score)
    counting.rebuild()
    comparison = compare(audit)
    assert comparison.readiness[0].words.startswith("better than most ")
    words = {p.label: p.words.split(" cafés")[0] for p in comparison.dimensions}
    assert words == {
        # the share of the eleven below, the café itself (and any tie) counted half
        "Customers": "behind most",  # 2 of 11
        "Value": "in the top half of",  # 5.5
        "Network fit": "in the bottom half of",  # 4.5
        "Sustainability": "in the bottom half of",  # 5
        "Success measures": "better than most",  # 10.5
    }
    # the chart's marks, the cohort's 3rd, 6th and 9th of eleven:
    # 10 20 [20] 30 40 [50] 60 60 [60] 60 70
    assert comparison.middles["customers"] == (20, 50, 60)


def test_each_business_counts_once_with_its_latest_audit(questionnaire):
    audit = viewed(questionnaire, b2c=50)
    [changed, *_] = peers(questionnaire, 10, b2c=40)
    add_audit(changed, questionnaire, b2c=95, days_ago=1)
    counting.rebuild()
    group = PeerGroup.objects.get(sector="hospitality", size="micro")
    assert group.published["b2c"]["count"] == 11
    assert group.tallies["b2c"][95] == 1 and group.tallies["b2c"][40] == 9
    assert compare(audit).readiness[0].quarter == 3  # above nine 40s: 9.5 of 11


def test_an_older_edition_is_compared_only_with_its_own_edition(questionnaire):
    from questionnaire.content import copy_as_draft, publish

    audit = viewed(questionnaire)
    newer = publish(copy_as_draft(questionnaire))
    peers(newer, 12)
    counting.rebuild()
    assert compare(audit).is_empty
