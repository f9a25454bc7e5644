"""The dashboard's filtered list as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import QuerySet

from consulting.models import Recommendation
from questionnaire.models import Audit, Band
from questionnaire.profile import Sector

HEADER = [
    "Business",
    "Owner email",
    "Sector",
    "Status",
    "Submitted",
    "Reviewed",
    "B2C readiness",
    "B2C band",
    "B2B readiness",
    "B2B band",
    "Verdict",
    "Recommendations",
]
NOT_ASSESSED = "Not assessed"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell a spreadsheet will show as text: anything that starts like a formula gets a
    leading apostrophe (OWASP's advice against CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# Read as plain values with label maps rather than model objects: 100,000 rows in seconds.
COLUMNS = (
    "pk",
    "business__name",
    "business__owner__email",
    "business__sector",
    "status",
    "submitted_at",
    "reviewed_at",
    "b2c_readiness",
    "b2c_band",
    "b2b_readiness",
    "b2b_band",
    "headline",
)
SECTORS = dict(Sector.choices)
STATUSES = dict(Audit.Status.choices)
BANDS = dict(Band.choices)  # a market not (yet) assessed has no band: an empty cell
BATCH = 2000


def rows(audits: QuerySet[Audit], each_batch=None) -> Iterator[list[str]]:
    """The CSV's rows; `each_batch` is told the ids of each batch of audits listed."""
    yield HEADER
    values = audits.values_list(*COLUMNS).iterator(chunk_size=BATCH)
    while batch := list(islice(values, BATCH)):
        if each_batch:
            each_batch([row[0] for row in batch])
        recommendations = _recommendations([row[0] for row in batch])
        for pk, name, email, sector, status, submitted, reviewed, *markets, headline in batch:
            b2c, b2c_band, b2b, b2b_band = markets
            draft = status == Audit.Status.DRAFT
            yield [
                safe_cell(value)
                for value in (
                    name,
                    email,
                    SECTORS[sector],
                    STATUSES[status],
                    _day(submitted),
                    _day(reviewed),
                    *_market(draft, b2c, BANDS.get(b2c_band)),
                    *_market(draft, b2b, BANDS.get(b2b_band)),
                    headline,
                    "\n\n".join(recommendations.get(pk, ())),
                )
            ]


def _recommendations(audit_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    texts = Recommendation.objects.filter(audit_id__in=audit_ids).order_by("created_at", "pk")
    for audit_id, text in texts.values_list("audit_id", "text"):
        found.setdefault(audit_id, []).append(text)
    return found


def _day(moment) -> str:
    return moment.date().isoformat() if moment else ""


def _market(draft: bool, readiness: int | None, band: str | None) -> tuple:
    """A market's score and band; a market the business does not sell to is not assessed."""
    if readiness is None and not draft:
        return "", NOT_ASSESSED
    return readiness, band


class Echo:
    """A file-like object whose write() hands the line back, for streaming a CSV."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(Echo())
    return (writer.writerow(row) for row in table)
