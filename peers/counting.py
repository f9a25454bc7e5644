"""Keeping the peer statistics in step with the audits: one business at a time as its
audits change (through the task queue), or every business at once (`manage.py
rebuild_peer_statistics`, after a content edition or an import)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Q

from peers.models import ANY, CountedAudit, PeerGroup
from questionnaire.models import NEWEST_FIRST, Audit

# What an audit counts with: read as plain values, not model objects.
COUNTED_FIELDS = (
    "pk",
    "business_id",
    "edition_id",
    "profile",
    "b2c_readiness",
    "b2b_readiness",
    "dimension_scores",
)


def cohorts_of(sector: str, size: str) -> list[tuple[str, str]]:
    """The cohorts a business counts in: its sector and size, its sector, everyone."""
    return [(sector, size), (sector, ANY), (ANY, ANY)]


def scores_of(audit: dict) -> dict[str, int]:
    """What one audit adds: its readiness for each market it serves (a market the business
    does not sell to never counts) and its five dimension scores."""
    readiness = {"b2c": audit["b2c_readiness"], "b2b": audit["b2b_readiness"]}
    served = {market: score for market, score in readiness.items() if score is not None}
    return {**served, **audit["dimension_scores"]}


def recount(business_id: int, edition_id: int) -> bool:
    """Make the business count with its latest submitted audit of the edition, or not at
    all if it has none (a deleted business or audit); True if the statistics changed.
    Running it twice changes nothing the second time, so a retried job is harmless."""
    with transaction.atomic():
        # Every recount of an edition takes the lock on its everyone-cohort first, so they
        # run one at a time and each reads what the one before wrote.
        _locked_groups(edition_id, [(ANY, ANY)])
        latest = (
            Audit.objects.submitted()
            .filter(business_id=business_id, edition_id=edition_id)
            .newest_first()
            .values(*COUNTED_FIELDS)
            .first()
        )
        counted = CountedAudit.objects.filter(business_id=business_id, edition_id=edition_id)
        before = counted.first()
        after = _entry(latest) if latest else None
        if _same(before, after):
            return False
        _count(edition_id, before, after)
        if before:
            before.delete()
        if after:
            after.save()
        return True


def _entry(audit: dict) -> CountedAudit:
    return CountedAudit(
        business_id=audit["business_id"],
        edition_id=audit["edition_id"],
        audit_id=audit["pk"],
        sector=audit["profile"]["sector"],
        size=audit["profile"]["size"],
        scores=scores_of(audit),
    )


def _same(before: CountedAudit | None, after: CountedAudit | None) -> bool:
    if before is None or after is None:
        return before is after
    fields = ("audit_id", "sector", "size", "scores")
    return all(getattr(before, name) == getattr(after, name) for name in fields)


def _count(edition_id: int, before: CountedAudit | None, after: CountedAudit | None) -> None:
    """Take the old scores out of their cohorts and put the new ones in: one change to each
    cohort touched, however many of its tallies moved."""
    moves = [(entry, step) for entry, step in ((before, -1), (after, 1)) if entry]
    keys = list(
        dict.fromkeys(k for entry, _ in moves for k in cohorts_of(entry.sector, entry.size))
    )
    groups = _locked_groups(edition_id, keys)
    for entry, step in moves:
        for key in cohorts_of(entry.sector, entry.size):
            groups[key].count(entry.scores, step)
    for group in groups.values():
        group.changed()
        group.save()


def _locked_groups(
    edition_id: int, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], PeerGroup]:
    new = [PeerGroup(edition_id=edition_id, sector=sector, size=size) for sector, size in keys]
    PeerGroup.objects.bulk_create(new, ignore_conflicts=True)
    groups = PeerGroup.objects.select_for_update().filter(edition_id=edition_id)
    return {(g.sector, g.size): g for g in groups.filter(_any_of(keys)).order_by("pk")}


def _any_of(keys: list[tuple[str, str]]) -> Q:
    condition = Q(pk__in=[])
    for sector, size in keys:
        condition |= Q(sector=sector, size=size)
    return condition


def rebuild() -> int:
    """Recount every business of every edition from scratch, publishing at once; returns
    how many businesses were counted."""
    with transaction.atomic():
        PeerGroup.objects.all().delete()
        CountedAudit.objects.all().delete()
        entries = list(_latest_entries())
        groups: dict[tuple[int, str, str], PeerGroup] = {}
        for entry in entries:
            for sector, size in cohorts_of(entry.sector, entry.size):
                key = (entry.edition_id, sector, size)
                if key not in groups:
                    groups[key] = PeerGroup(edition_id=entry.edition_id, sector=sector, size=size)
                groups[key].count(entry.scores, step=1)
        for group in groups.values():
            group.publish()
        CountedAudit.objects.bulk_create(entries, batch_size=5000)
        PeerGroup.objects.bulk_create(groups.values())  # a few dozen per edition
        return len(entries)


def _latest_entries() -> Iterator[CountedAudit]:
    """Each business's latest submitted audit of each edition, as an entry."""
    audits: Iterable[dict] = (
        Audit.objects.submitted()
        .order_by("business_id", "edition_id", *NEWEST_FIRST)
        .values(*COUNTED_FIELDS)
        .iterator(chunk_size=5000)
    )
    last = None
    for audit in audits:
        key = (audit["business_id"], audit["edition_id"])
        if key != last:
            last = key
            yield _entry(audit)
