"""The worker keeps the statistics in step: a submitted audit is counted, a deleted one
taken out, through the task queue (as in production, with real commits)."""

import threading

import pytest
from django.db import connection

from peers import counting
from peers.models import CountedAudit, PeerGroup
from tests.factories import GOOD_ANSWERS, make_audit
from tests.jobs import queued, run_background_jobs
from tests.peers.conftest import scored_business

pytestmark = pytest.mark.django_db(transaction=True)
RECOUNT = "peers.tasks.recount_business"


def cohort(sector="hospitality", size="micro") -> PeerGroup:
    return PeerGroup.objects.get(sector=sector, size=size)


def test_a_submitted_audit_is_counted_by_the_worker(business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    assert queued(RECOUNT).count() == 1
    run_background_jobs()
    counted = CountedAudit.objects.get(business_id=business.pk)
    assert counted.audit_id == audit.pk
    assert counted.scores["b2c"] == audit.b2c_readiness and "b2b" not in counted.scores
    assert cohort().tallies["b2c"][audit.b2c_readiness] == 1
    assert cohort("", "").tallies["sustainability"][audit.dimension_scores["sustainability"]] == 1


def test_a_deleted_business_is_taken_out_by_the_worker(questionnaire):
    gone = scored_business(questionnaire, b2c=77)
    assert cohort().tallies["b2c"][77] == 1
    gone.owner.delete()  # the account, its business and its audits
    run_background_jobs()
    assert cohort().tallies["b2c"][77] == 0
    assert not CountedAudit.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only")
def test_recounts_at_the_same_moment_lose_nothing(questionnaire):
    """Eight workers recount eight businesses of one cohort at once: every one is counted,
    none overwrites another's tallies."""
    businesses = [scored_business(questionnaire, b2c=10 + n, count_it=False) for n in range(8)]

    def recount(business):
        counting.recount(business.pk, questionnaire.pk)
        connection.close()

    threads = [threading.Thread(target=recount, args=(b,)) for b in businesses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally = cohort().tallies["b2c"]
    assert [tally[10 + n] for n in range(8)] == [1] * 8
    assert sum(cohort("", "").tallies["customers"]) == 8
    assert CountedAudit.objects.count() == 8
    assert cohort().published["b2c"]["count"] == 5  # published once, after the fifth
    assert cohort().unpublished_changes == 3
