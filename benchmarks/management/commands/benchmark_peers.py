"""Time the peer comparison at scale: the statistics rebuilt for 100,000 submitted audits
across realistic sectors and sizes, a results page with the comparison against the same page
without it, and the portfolio of a consultant with 5,000 clients. Meant for PostgreSQL
(DATABASE_URL); the data is made inside a transaction that is rolled back."""

import random
import statistics
import time
from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks.data import current_edition, rolled_back
from consulting.models import Consultant, Share
from peers import counting
from peers.comparison import PeerComparison
from questionnaire.models import Audit, Band, Business, Dimension
from questionnaire.scoring.trace import weakest_dimension

# Roughly the shape of small-business populations: most are tiny, a few sectors dominate.
SIZES = {"solo": 35, "micro": 40, "small": 18, "medium": 7}
SECTORS = {
    "retail": 16, "hospitality": 14, "health_beauty": 12, "trades": 14, "professional": 12,
    "manufacturing": 6, "technology": 8, "creative": 8, "charity": 5, "other": 5,
}  # fmt: skip
SELLS_TO = {"consumers": 55, "businesses": 25, "both": 20}
BANDS = [Band.NOT_YET, Band.NOT_YET, Band.FOUNDATIONS, Band.READY, Band.ADVANCED]
NO_COMPARISON = PeerComparison((), (), {}, "")


def pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def band(score: int | None) -> str:
    return "" if score is None else BANDS[min(4, score // 20)]


def score(rng: random.Random) -> int:
    return max(0, min(100, round(rng.gauss(55, 20))))


class Command(BaseCommand):
    help = "Benchmark the peer comparison: rebuild, results page, portfolio (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--audits", type=int, default=100_000)
        parser.add_argument("--clients", type=int, default=5_000)
        parser.add_argument("--runs", type=int, default=30)

    def handle(self, *args, audits, clients, runs, **options):
        edition = current_edition()
        self.stdout.write(f"Database: {connection.vendor}")
        with rolled_back():
            consultant, owner_audit = self.make_data(edition, audits, clients)
            started = time.perf_counter()
            counted = counting.rebuild()
            self.stdout.write(
                f"Rebuild: {counted:,} businesses' latest audits counted "
                f"in {time.perf_counter() - started:.1f} s"
            )
            self.time_results(owner_audit, runs)
            self.time_portfolio(consultant, runs)

    def make_data(self, edition, audits: int, clients: int):
        """`audits` submitted audits: `clients` businesses shared with one consultant, each
        audited twice, and one audit each for the other businesses."""
        started = time.perf_counter()
        rng = random.Random(14)
        User = get_user_model()
        businesses_needed = audits - clients
        password = make_password(None)
        owners = User.objects.bulk_create(
            [
                User(username=f"peer-bench-{i}", email=f"o{i}@bench.example", password=password)
                for i in range(businesses_needed)
            ],
            batch_size=5000,
        )
        businesses = Business.objects.bulk_create(
            [
                Business(
                    owner=owner,
                    name=f"Business {i}",
                    sector=pick(rng, SECTORS),
                    size=pick(rng, SIZES),
                    sells_to=pick(rng, SELLS_TO),
                )
                for i, owner in enumerate(owners)
            ],
            batch_size=5000,
        )
        consultant = User.objects.create(username="peer-bench-consultant", email="c@bench.example")
        Consultant.objects.create(user=consultant, display_name="Benchmark")
        Share.objects.bulk_create(
            [Share(business=b, consultant=consultant) for b in businesses[:clients]],
            batch_size=5000,
        )
        now = timezone.now()
        first = [self.audit(rng, edition, b, now - timedelta(days=300)) for b in businesses]
        Audit.objects.bulk_create(first, batch_size=5000)
        second = [
            self.audit(rng, edition, b, now, previous=a)
            for b, a in zip(businesses[:clients], first[:clients], strict=True)
        ]
        Audit.objects.bulk_create(second, batch_size=5000)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"Made {len(first) + len(second):,} submitted audits of {len(businesses):,} "
            f"businesses ({clients:,} of them one consultant's clients) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        return consultant, second[0]

    def audit(self, rng, edition, business, when, previous=None) -> Audit:
        dimensions = {d.value: score(rng) for d in Dimension}
        b2c = score(rng) if business.sells_to != "businesses" else None
        b2b = score(rng) if business.sells_to != "consumers" else None
        return Audit(
            business=business,
            edition=edition,
            status=rng.choice(["submitted", "reviewed"]),
            profile=business.profile(),
            submitted_at=when - timedelta(minutes=rng.randint(0, 50_000)),
            b2c_readiness=b2c,
            b2c_band=band(b2c),
            b2b_readiness=b2b,
            b2b_band=band(b2b),
            headline="Benchmark",
            dimension_scores=dimensions,
            weakest_dimension=weakest_dimension(dimensions),
            previous=previous,
        )

    def time_results(self, audit: Audit, runs: int) -> None:
        """The owner's results page, a repeat view (the report itself is kept in the cache),
        with the comparison and with it taken out, interleaved."""
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(audit.business.owner)
        url = reverse("reports:audit_results", args=[audit.pk])
        with_it, without = [], []
        for _ in range(runs + 1):  # the first of each renders the report and keeps it
            with_it.append(timed(client, url))
            with mock.patch("reports.pdf.compare", return_value=NO_COMPARISON):
                without.append(timed(client, url))
        medians = [statistics.median(times[1:]) * 1000 for times in (with_it, without)]
        self.stdout.write(
            f"Results page: median {medians[0]:.1f} ms with the comparison, "
            f"{medians[1]:.1f} ms without: {medians[0] / medians[1]:.2f}x"
        )

    def time_portfolio(self, consultant, runs: int) -> None:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(consultant)
        url = reverse("consulting:portfolio")
        times = [timed(client, url) for _ in range(runs)]
        clients = Share.objects.filter(consultant=consultant).count()
        median, slowest = statistics.median(times) * 1000, max(times) * 1000
        self.stdout.write(
            f"Portfolio of {clients:,} clients: median {median:.1f} ms (slowest {slowest:.1f} ms)"
        )


def timed(client: Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url, secure=True)  # as through the TLS proxy, for production settings
    seconds = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return seconds
