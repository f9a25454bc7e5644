"""Time the PDF report: first render, cached download, and memory after many renders.

Works on a throwaway audit inside a transaction that is rolled back, with stored files in a
temporary folder, so it leaves nothing behind.
"""

import gc
import statistics
import tempfile
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.test import RequestFactory, override_settings

from benchmarks.data import current_edition, rolled_back
from consulting.models import (
    RECOMMENDATIONS_PER_AUDIT,
    TEXT_MAX_LENGTH,
    Recommendation,
    ScoreOverride,
)
from questionnaire import flow
from questionnaire.demo import fill_answers
from questionnaire.models import NOTE_MAX_LENGTH, Business, Dimension
from reports import pdf
from reports.views import audit_pdf

# Middling answers, so the report has reasons and an action plan in every section.
ANSWERS = {
    "customers": ["general"],
    "customer_value": ["believed"],
    "social_experience": ["offers"],
    "pathway": ["rapport", "demonstrate", "close"],
    "networks": ["instagram", "facebook", "tiktok", "linkedin"],
    "who_develops": ["spare_moments"],
    "sustained": ["when_inspired"],
    "growth": ["paid"],
    "success": ["vanity"],
}
NOTE = ("We are a family bakery with two shops and a market stall; " * 18).strip()
WORST_NOTE = "Wir backen jeden Morgen frisch, und unsere Kunden kommen wegen der Beratung. " * 80


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Command(BaseCommand):
    help = "Benchmark the PDF report: median first render, median cached download, memory."

    def add_arguments(self, parser):
        parser.add_argument("--renders", type=int, default=20, help="timed first renders")
        parser.add_argument("--downloads", type=int, default=200, help="timed cached downloads")
        parser.add_argument("--memory-renders", type=int, default=200)
        parser.add_argument("--worst-case-renders", type=int, default=3)

    def handle(self, *args, renders, downloads, memory_renders, worst_case_renders, **options):
        current_edition()
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            with rolled_back():
                self.run(renders, downloads, memory_renders)
                self.worst_case(worst_case_renders)

    def run(self, renders: int, downloads: int, memory_renders: int) -> None:
        audit = self.make_audit()
        request = RequestFactory().get("/")
        request.user = audit.business.owner

        def download() -> bytes:
            return b"".join(audit_pdf(request, audit.pk).streaming_content)

        first = []
        for _ in range(renders):
            default_storage.delete(pdf.report_for(audit).name)
            started = time.perf_counter()
            size = len(download())
            first.append(time.perf_counter() - started)
        cached = []
        for _ in range(downloads):
            started = time.perf_counter()
            download()
            cached.append(time.perf_counter() - started)
        first_ms = statistics.median(first) * 1000
        cached_ms = statistics.median(cached) * 1000
        self.stdout.write(f"Report: {size / 1024:.0f} KB")
        self.stdout.write(f"First render (nothing stored): median {first_ms:.0f} ms of {renders}")
        self.stdout.write(
            f"Cached download: median {cached_ms:.1f} ms of {downloads}, "
            f"{first_ms / cached_ms:.0f}x faster"
        )

        gc.collect()
        before = rss_mb()
        for _ in range(memory_renders):
            pdf.render_pdf(audit)
        gc.collect()
        after = rss_mb()
        self.stdout.write(
            f"Memory: RSS {before:.0f} MB before, {after:.0f} MB after {memory_renders} renders "
            f"(growth {after - before:+.1f} MB)"
        )

    def worst_case(self, renders: int) -> None:
        """The largest report the input caps allow: every note, recommendation and override
        reason at its longest, as many recommendations and overrides as an audit may carry."""
        audit = self.make_audit(note=WORST_NOTE[:NOTE_MAX_LENGTH], email="worst@example.invalid")
        author = audit.business.owner
        Recommendation.objects.bulk_create(
            Recommendation(audit=audit, author=author, text=WORST_NOTE[:TEXT_MAX_LENGTH])
            for _ in range(RECOMMENDATIONS_PER_AUDIT)
        )
        ScoreOverride.objects.bulk_create(
            ScoreOverride(
                audit=audit, author=author, dimension=key, score=50, reason=WORST_NOTE[:1000]
            )
            for key in Dimension.values
        )
        times, size = [], 0
        for _ in range(renders):
            started = time.perf_counter()
            size = len(pdf.render_pdf(audit))
            times.append(time.perf_counter() - started)
        self.stdout.write(
            f"Worst case ({RECOMMENDATIONS_PER_AUDIT} recommendations, every text at its cap): "
            f"{size / 1024:.0f} KB, median {statistics.median(times) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.0f} ms of {renders}"
        )

    def make_audit(self, note: str = "", email: str = "benchmark@example.invalid"):
        owner = get_user_model().objects.create_user(email)
        business = Business.objects.create(
            owner=owner,
            name="Harbour Bakery & Café",
            sector="hospitality",
            size="micro",
            sells_to="both",
            networks=["instagram", "facebook"],
        )
        audit = flow.start_audit(business)
        fill_answers(audit, ANSWERS, {key: note or NOTE for key in ANSWERS})
        return flow.submit_audit(audit)
