"""Score N random audits against the current questionnaire and print how long it took."""

import random
import time
from collections import Counter

from django.core.management.base import BaseCommand

from benchmarks.data import current_edition, random_answers, random_profile
from questionnaire.editions import content_of
from questionnaire.scoring import score, verdict
from questionnaire.scoring.rubric import Rubric


class Command(BaseCommand):
    help = "Benchmark questionnaire.scoring: score random audits and print the time taken."

    def add_arguments(self, parser):
        parser.add_argument("--audits", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--sells-to-only",
            action="store_true",
            help="Vary only whom the businesses sell to (one sector, one size), as the figures "
            "for edition 2026.2 did, to compare like with like.",
        )

    def handle(self, *args, audits: int, seed: int, sells_to_only: bool, **options):
        edition = current_edition()
        rubric = content_of(edition).rubric
        rng = random.Random(seed)
        cases = [
            (random_answers(rubric, rng), random_profile(rng, sells_to_only)) for _ in range(audits)
        ]

        self.timed("verdict (scores, readiness, bands)", verdict, rubric, cases)
        self.timed("full result (trace, plan and every sentence)", score, rubric, cases)
        counts = Counter(verdict(rubric, answers, profile).outcome for answers, profile in cases)
        self.stdout.write("Outcomes: " + ", ".join(f"{o} {n:,}" for o, n in counts.most_common()))

    def timed(self, what: str, function, rubric: Rubric, cases: list) -> None:
        # Each result is dropped at once, as a results page does: keeping 10,000 alive would
        # time the garbage collector rather than the scoring.
        started = time.perf_counter()
        for answers, profile in cases:
            function(rubric, answers, profile)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{len(cases):,} random audits, {what}: {elapsed:.3f} s "
            f"({elapsed / len(cases) * 1e6:.0f} µs each)"
        )
