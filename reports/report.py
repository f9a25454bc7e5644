"""Everything a report shows, gathered once for the results page and the PDF alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from common.branding import SITE_BRAND, Brand
from consulting.models import Recommendation, ScoreOverride, consultant_name
from peers.comparison import PeerComparison, compare
from questionnaire.flow import answer_rows
from questionnaire.history import movement
from questionnaire.models import Audit
from questionnaire.profile import describe
from questionnaire.scoring.trace import (
    GAP,
    PARTIAL,
    STRENGTH,
    WEAKNESS,
    DimensionView,
    Reason,
    StepView,
)
from questionnaire.verdicts import result_for
from reports.charts import dimension_chart

if TYPE_CHECKING:
    from reports.pdf import StoredReport

# The action plan: the highest-impact actions first, a couple per month.
TIME_FRAMES = (("First 30 days", 2), ("Days 31 to 60", 2), ("Days 61 to 90", None))


@dataclass(frozen=True)
class PlanPeriod:
    time_frame: str
    steps: tuple[StepView, ...]
    first_number: int  # steps are numbered 1, 2, 3 … across the whole plan

    def numbered(self) -> list[tuple[int, StepView]]:
        return list(enumerate(self.steps, start=self.first_number))


def action_plan(steps: tuple[StepView, ...]) -> list[PlanPeriod]:
    """Ranked steps split into 30 / 60 / 90-day periods; empty periods are left out."""
    periods, start = [], 0
    for time_frame, count in TIME_FRAMES:
        chunk = steps[start : start + count] if count else steps[start:]
        if chunk:
            periods.append(PlanPeriod(time_frame, chunk, start + 1))
        start += len(chunk)
    return periods


# A dimension's reasons, grouped so that what works and what holds it back read at a glance.
FINDING_GROUPS = (
    ("Working", STRENGTH, {STRENGTH}),
    ("Partly there", PARTIAL, {PARTIAL}),
    ("Holding it back", WEAKNESS, {WEAKNESS}),
    ("Not known yet", GAP, {GAP}),
)


@dataclass(frozen=True)
class Finding:
    dimension: DimensionView
    override: ScoreOverride | None
    groups: list[tuple[str, str, list[Reason]]]  # (heading, style, reasons), none empty


def finding(dimension: DimensionView, override: ScoreOverride | None) -> Finding:
    groups = [
        (heading, style, [r for r in dimension.reasons if r.effect in effects])
        for heading, style, effects in FINDING_GROUPS
    ]
    return Finding(dimension, override, [group for group in groups if group[2]])


def report_context(
    audit: Audit, comparison: PeerComparison | None = None, brand: Brand = SITE_BRAND
) -> dict:
    """What the results page and the PDF show; private notes are never part of it."""
    prefetch_related_objects([audit], "answers")  # the verdict and the answer list share them
    result = result_for(audit)
    comparison = comparison or compare(audit)
    overrides = {
        override.dimension: override for override in ScoreOverride.objects.filter(audit=audit)
    }
    return {
        "audit": audit,
        "profile": describe(audit.answered_profile()),
        "result": result,
        "verdict": result.verdict,
        "chart": dimension_chart(result.dimensions, result.bands, comparison),
        "comparison": comparison,
        "movement": movement(audit),
        "plan": action_plan(result.steps),
        "rows": answer_rows(audit),
        "findings": [finding(d, overrides.get(d.key)) for d in result.dimensions],
        "recommendations": list(
            Recommendation.objects.filter(audit=audit).select_related("author__consultant")
        ),
        "prepared_by": _reviewer(audit),
        "first_steps": result.steps[:3],
        "brand": brand,
    }


def _reviewer(audit: Audit) -> str:
    """Who reviewed the audit, as clients know them; empty for a self-assessment."""
    if audit.reviewed_by_id is None:
        return ""
    reviewer = get_user_model().objects.select_related("consultant").get(pk=audit.reviewed_by_id)
    return consultant_name(reviewer)


REPORT_HTML_SECONDS = 7 * 24 * 60 * 60  # a week: rendering again costs a few milliseconds


def _html_key(audit_id: int) -> str:
    return f"report-html:{audit_id}"


def report_html(audit: Audit, report: StoredReport) -> SafeString:
    """The report as the results page shows it, rendered once per set of inputs (the PDF's
    fingerprint, the peer comparison included) and kept in the shared cache: a repeat view
    costs no scoring or drawing. One entry per audit, so forgetting an audit forgets it."""
    kept = caches["reports"].get(_html_key(audit.pk))
    if kept is not None and kept[0] == report.fingerprint:
        return SafeString(kept[1])
    context = report_context(audit, report.comparison, report.brand)
    html = render_to_string("reports/_report.html", context)
    entry = (report.fingerprint, html)
    caches["reports"].set(_html_key(audit.pk), entry, timeout=REPORT_HTML_SECONDS)
    return SafeString(html)


def forget_html(audit_id: int) -> None:
    caches["reports"].delete(_html_key(audit_id))
