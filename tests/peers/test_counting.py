"""The statistics are maintained as audits change, through the task queue, and published
in rounds, so that no page ever shows the difference one business's audit makes."""

import re

import pytest
from django.urls import reverse

from peers import counting
from peers.models import PUBLISH_AFTER_CHANGES, CountedAudit, PeerGroup
from questionnaire.models import Audit, Business
from tests.peers.conftest import add_audit, scored_business

pytestmark = pytest.mark.django_db


def cohort(sector="hospitality", size="micro") -> PeerGroup:
    return PeerGroup.objects.get(sector=sector, size=size)


def test_a_new_audit_replaces_the_business_s_earlier_one(questionnaire):
    business = scored_business(questionnaire, b2c=30)
    add_audit(business, questionnaire, b2c=80, days_ago=1)
    tally = cohort().tallies["b2c"]
    assert (tally[30], tally[80], sum(tally)) == (0, 1, 1)
    assert CountedAudit.objects.get().audit_id == business.audits.order_by("-pk").first().pk


def test_a_business_that_changed_sector_moves_cohort(questionnaire):
    business = scored_business(questionnaire, b2c=30)
    Business.objects.filter(pk=business.pk).update(sector="retail")
    business.refresh_from_db()
    add_audit(business, questionnaire, b2c=40, days_ago=1)
    assert sum(cohort().tallies["b2c"]) == 0
    assert cohort("retail", "micro").tallies["b2c"][40] == 1


def test_a_recount_twice_changes_nothing_the_second_time(questionnaire):
    business = scored_business(questionnaire, b2c=30, count_it=False)
    assert counting.recount(business.pk, questionnaire.pk) is True
    assert counting.recount(business.pk, questionnaire.pk) is False
    assert sum(cohort().tallies["b2c"]) == 1 and cohort().unpublished_changes == 1


def test_figures_are_published_after_every_few_changes(questionnaire):
    for number in range(1, PUBLISH_AFTER_CHANGES):
        scored_business(questionnaire, b2c=50)
        assert cohort().published == {}, f"published after {number} changes"
        assert cohort().unpublished_changes == number
    scored_business(questionnaire, b2c=50)
    assert cohort().published["b2c"]["count"] == PUBLISH_AFTER_CHANGES
    assert cohort().unpublished_changes == 0


def test_counted_as_audits_arrive_equals_counted_from_scratch(questionnaire):
    for score in range(0, 100, 7):
        business = scored_business(questionnaire, b2c=score, sector="retail", size="small")
        add_audit(business, questionnaire, b2c=100 - score, days_ago=1)
    scored_business(questionnaire, b2c=None, b2b=64)
    gone = scored_business(questionnaire, b2c=12)
    gone_id = gone.pk
    gone.delete()
    counting.recount(gone_id, questionnaire.pk)
    maintained = tallies(PeerGroup.objects.all())
    counting.rebuild()
    assert tallies(PeerGroup.objects.all()) == maintained
    assert sum(maintained[("retail", "small")]["b2c"]) == 15
    assert maintained[("", "")]["b2b"][64] == 1


def tallies(groups) -> dict:
    """Each cohort's tallies, leaving out what counts nobody (a business taken out leaves
    zeros behind; counting from scratch leaves nothing)."""
    result = {}
    for group in groups:
        counted = {m: t for m, t in group.tallies.items() if sum(t)}
        if counted:
            result[(group.sector, group.size)] = counted
    return result


# Privacy: what an owner sees does not change when one more audit arrives or one goes.


def comparison_seen(client, audit) -> str:
    page = client.get(reverse("reports:audit_results", args=[audit.pk])).content.decode()
    compared = re.search(r'<section class="report-section peers".*?</section>', page, re.S)
    chart = re.search(r"<svg.*?</svg>", page, re.S)
    assert compared and chart
    return compared.group(0) + chart.group(0)


def pdf_etag(client, audit) -> str:
    return client.get(reverse("reports:audit_pdf", args=[audit.pk]))["ETag"]


@pytest.mark.parametrize("known_scores", [0, 59, 100])
def test_one_more_audit_or_one_fewer_reveals_nothing_of_its_scores(
    business, owner_client, questionnaire, known_scores
):
    mine = add_audit(business, questionnaire, b2c=60, dimensions=60)
    for score in (20, 35, 40, 45, 55, 65, 70, 75, 80, 90, 95, 100):
        scored_business(questionnaire, b2c=score, dimensions=score)
    counting.rebuild()  # everything published
    before = comparison_seen(owner_client, mine)
    etag = pdf_etag(owner_client, mine)
    assert "in the bottom half of cafés" in before  # 5.5 of the 13 below 60

    known = scored_business(
        questionnaire, name="Known Bakery", b2c=known_scores, dimensions=known_scores
    )
    assert comparison_seen(owner_client, mine) == before, "one more audit showed"
    assert pdf_etag(owner_client, mine) == etag

    known_id = known.pk
    known.delete()
    assert counting.recount(known_id, questionnaire.pk) is True
    assert comparison_seen(owner_client, mine) == before, "one audit fewer showed"
    assert pdf_etag(owner_client, mine) == etag


def test_the_comparison_does_move_once_enough_audits_have_changed(
    business, owner_client, questionnaire
):
    mine = add_audit(business, questionnaire, b2c=60, dimensions=60)
    for score in range(30, 70, 4):
        scored_business(questionnaire, b2c=score, dimensions=score)
    counting.rebuild()
    before = comparison_seen(owner_client, mine)
    assert "the 11 cafés" in before
    for _ in range(PUBLISH_AFTER_CHANGES):
        scored_business(questionnaire, b2c=100, dimensions=100)
    after = comparison_seen(owner_client, mine)
    assert "the 16 cafés" in after and after != before


def test_the_latest_audit_is_the_last_submitted_not_the_last_made(questionnaire):
    business = scored_business(questionnaire, b2c=70, days_ago=1)
    add_audit(business, questionnaire, b2c=30, days_ago=100)  # made later, submitted earlier
    tally = cohort().tallies["b2c"]
    assert (tally[70], tally[30]) == (1, 0)
    counting.rebuild()
    assert CountedAudit.objects.get().scores["b2c"] == 70


def test_of_two_submitted_at_the_same_moment_the_later_made_counts(questionnaire):
    business = scored_business(questionnaire, b2c=70, days_ago=5)
    second = add_audit(business, questionnaire, b2c=30, days_ago=5)
    Audit.objects.filter(business=business).update(submitted_at=second.submitted_at)
    for count in (lambda: counting.recount(business.pk, questionnaire.pk), counting.rebuild):
        count()
        assert CountedAudit.objects.get().audit_id == second.pk


def test_each_edition_counts_the_business_s_latest_audit_on_it(questionnaire):
    from questionnaire.content import copy_as_draft, publish

    newer = publish(copy_as_draft(questionnaire))
    business = scored_business(questionnaire, b2c=10, days_ago=30)
    add_audit(business, newer, b2c=20, days_ago=20)
    add_audit(business, questionnaire, b2c=30, days_ago=10)  # a draft begun on edition 1
    for count in (lambda: counting.recount(business.pk, newer.pk), counting.rebuild):
        count()
        scores = dict(CountedAudit.objects.values_list("edition_id", "scores__b2c"))
        assert scores == {questionnaire.pk: 30, newer.pk: 20}
    assert counting.recount(business.pk, questionnaire.pk) is False  # nothing to change
    assert PeerGroup.objects.get(edition=questionnaire, sector="", size="").tallies["b2c"][30] == 1
