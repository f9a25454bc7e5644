"""Score N random audits against the current questionnaire and print how long it took."""

import random
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from questionnaire.models import QuestionnaireVersion
from questionnaire.profile import Sector, Size
from questionnaire.results import rubric_for
from questionnaire.rubric import Profile, Rubric
from questionnaire.scoring import score, verdict

SELLS_TO = ("consumers", "businesses", "both")


def random_answers(rubric: Rubric, rng: random.Random) -> dict[str, list[str]]:
    answers = {}
    for question in rubric.questions:
        keys = [option.key for option in question.options]
        count = rng.randint(1, 3) if question.multiple else 1
        answers[question.key] = rng.sample(keys, count)
    return answers


def random_profile(rng: random.Random) -> Profile:
    return Profile(rng.choice(SELLS_TO), rng.choice(Sector.values), rng.choice(Size.values))


class Command(BaseCommand):
    help = "Benchmark questionnaire.scoring: score random audits and print the time taken."

    def add_arguments(self, parser):
        parser.add_argument("--audits", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, audits: int, seed: int, **options):
        version = QuestionnaireVersion.objects.current()
        if version is None:
            raise CommandError("No published questionnaire: run `manage.py load_questionnaire`.")
        rubric = rubric_for(version)
        rng = random.Random(seed)
        cases = [(random_answers(rubric, rng), random_profile(rng)) for _ in range(audits)]

        self.timed("verdict (scores, readiness, bands)", verdict, rubric, cases)
        results = self.timed(
            "full result (headline, reasons, ranked actions)", score, rubric, cases
        )
        counts = Counter(result.verdict.outcome for result in results)
        self.stdout.write("Outcomes: " + ", ".join(f"{o} {n:,}" for o, n in counts.most_common()))

    def timed(self, what: str, function, rubric: Rubric, cases: list) -> list:
        started = time.perf_counter()
        results = [function(rubric, answers, profile) for answers, profile in cases]
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{len(cases):,} random audits, {what}: {elapsed:.3f} s "
            f"({elapsed / len(cases) * 1e6:.0f} µs each)"
        )
        return results
