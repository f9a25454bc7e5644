"""The dashboard's filtered list as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from questionnaire.models import Audit

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


def rows(audits: QuerySet[Audit]) -> Iterator[list[str]]:
    yield HEADER
    for audit in audits.prefetch_related("recommendations").iterator(chunk_size=500):
        yield [
            safe_cell(value)
            for value in (
                audit.business.name,
                audit.business.owner.email,
                audit.business.get_sector_display(),
                audit.get_status_display(),
                audit.submitted_at.date().isoformat() if audit.submitted_at else "",
                audit.reviewed_at.date().isoformat() if audit.reviewed_at else "",
                *_market(audit, audit.b2c_readiness, audit.get_b2c_band_display()),
                *_market(audit, audit.b2b_readiness, audit.get_b2b_band_display()),
                audit.headline,
                "\n\n".join(r.text for r in audit.recommendations.all()),
            )
        ]


def _market(audit: Audit, readiness: int | None, band: str) -> tuple:
    """A market's score and band; a market the business does not sell to is not assessed."""
    if readiness is None and not audit.is_draft:
        return "", NOT_ASSESSED
    return readiness, band


class Echo:
    """A file-like object whose write() hands the line back, for streaming a CSV."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(Echo())
    return (writer.writerow(row) for row in table)
