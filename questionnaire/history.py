"""A business's audits side by side: what changed since the audit before."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format

from questionnaire.models import Audit, Business, Dimension

READINESS_LABELS = {"b2c": "Readiness for consumers", "b2b": "Readiness for business buyers"}


@dataclass
class HistoryRow:
    audit: Audit
    b2c_change: int | None = None  # readiness points since the previous submitted audit
    b2b_change: int | None = None
    improved: list[str] = field(default_factory=list)  # dimension labels that went up
    declined: list[str] = field(default_factory=list)
    is_first: bool = False  # the first submitted audit: nothing to compare with


def audit_history(business: Business) -> list[HistoryRow]:
    """Every audit of the business, newest first, each compared with the submitted one before."""
    rows, previous = [], None
    for audit in business.audits.select_related("edition").order_by("created_at"):
        row = HistoryRow(audit)
        if not audit.is_draft:
            if previous is None:
                row.is_first = True
            else:
                _compare(row, audit, previous)
            previous = audit
        rows.append(row)
    return rows[::-1]


def _compare(row: HistoryRow, audit: Audit, previous: Audit) -> None:
    row.b2c_change = _change(audit.b2c_readiness, previous.b2c_readiness)
    row.b2b_change = _change(audit.b2b_readiness, previous.b2b_readiness)
    for dimension in Dimension:
        now = audit.dimension_scores.get(dimension.value, 0)
        before = previous.dimension_scores.get(dimension.value, 0)
        if now > before:
            row.improved.append(dimension.label)
        elif now < before:
            row.declined.append(dimension.label)


def _change(now: int | None, before: int | None) -> int | None:
    """Readiness points gained; None when either audit did not assess that market."""
    return None if now is None or before is None else now - before


def movement(audit: Audit) -> list[str]:
    """How the audit moved since the business's previous one, per market assessed in both:
    "Readiness for consumers: 48 → 63 since March"."""
    previous = audit.previous  # submitted, as this one is: set when this one was
    if previous is None:
        return []
    since = timezone.localtime(previous.submitted_at)
    same_year = since.year == timezone.localtime(audit.submitted_at).year
    when = date_format(since, "F" if same_year else "F Y")
    edition = "" if previous.edition_id == audit.edition_id else " (an earlier questionnaire)"
    lines = []
    for market, label in READINESS_LABELS.items():
        now = getattr(audit, f"{market}_readiness")
        before = getattr(previous, f"{market}_readiness")
        if now is not None and before is not None:
            lines.append(f"{label}: {before} → {now} since {when}{edition}")
    return lines
