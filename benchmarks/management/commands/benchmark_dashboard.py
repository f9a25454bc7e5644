"""Time the consultant dashboard with many client audits: first page, a filter, a search and
the last page, at a small size and a large one. Meant for PostgreSQL (DATABASE_URL); the data
is made inside a transaction that is rolled back, so nothing is left behind."""

import random
import statistics
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from benchmarks.data import current_edition, rolled_back
from consulting.dashboard import SORTS, client_audits
from consulting.models import Consultant, Share
from consulting.views import dashboard, export_csv
from questionnaire.models import Audit, Band, Business
from questionnaire.profile import Sector

WORDS = ["Harbour", "Corner", "North", "Green", "Blue", "Old Town", "River", "Station", "Hill"]
TRADES = ["Bakery", "Garage", "Florist", "Studio", "Engineering", "Café", "Plumbing", "Books"]
BANDS = [Band.NOT_YET, Band.FOUNDATIONS, Band.READY, Band.ADVANCED]
CASES = {
    "first page": {},
    "a filter (reviewed, B2C ready)": {"status": "reviewed", "b2c_band": "ready"},
    'a search ("harbour bak")': {"q": "harbour bak"},
    "the last page": {"page": "last"},
    **{f"sorted by {prefix}{key}": {"sort": prefix + key} for key in SORTS for prefix in ("", "-")},
}


def band(score: int) -> str:
    return BANDS[min(3, max(0, (score - 20) // 20))]


class Command(BaseCommand):
    help = "Benchmark the consultant dashboard at two sizes (default 1,000 and 100,000 audits)."

    def add_arguments(self, parser):
        parser.add_argument("--small", type=int, default=1_000)
        parser.add_argument("--large", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=15)

    def handle(self, *args, small, large, runs, **options):
        edition = current_edition()
        self.stdout.write(f"Database: {connection.vendor}")
        with rolled_back():
            consultant = self.make_consultant()
            rng = random.Random(7)
            timings = {}
            for size in (small, large):
                self.add_audits(consultant, edition, size - self.count(consultant), rng)
                timings[size] = self.measure(consultant, runs, size)
            for case in CASES:
                ratio = timings[large][case] / timings[small][case]
                self.stdout.write(
                    f"  {case}: {large:,} audits take {ratio:.1f}x the {small:,} time"
                )

    def count(self, consultant) -> int:
        return client_audits(consultant, {}).count()

    def make_consultant(self):
        user = get_user_model().objects.create(
            username="bench-consultant", email="bench@example.invalid"
        )
        Consultant.objects.create(user=user, display_name="Benchmark")
        return user

    def add_audits(self, consultant, edition, count: int, rng: random.Random) -> None:
        started = time.perf_counter()
        User = get_user_model()
        start = User.objects.count()
        password = make_password(None)
        owners = User.objects.bulk_create(
            [
                User(
                    username=f"bench-{start + i}",
                    email=f"owner{start + i}@bench.example",
                    password=password,
                )
                for i in range(count // 5 + 1)
            ],
            batch_size=2000,
        )
        sectors = [s.value for s in Sector]
        businesses = Business.objects.bulk_create(
            [
                Business(
                    owner=owners[i // 5],
                    sector=rng.choice(sectors),
                    name=f"{rng.choice(WORDS)} {rng.choice(TRADES)} {start + i}",
                    size="micro",
                    sells_to=rng.choice(["consumers", "businesses", "both"]),
                )
                for i in range(count)
            ],
            batch_size=2000,
        )
        Share.objects.bulk_create(
            [Share(business=business, consultant=consultant) for business in businesses],
            batch_size=2000,
        )
        now = timezone.now()
        audits = []
        for business in businesses:
            status = rng.choice(["draft", "submitted", "in_review", "reviewed", "reviewed"])
            audit = Audit(business=business, edition=edition, status=status)
            if status != "draft":
                b2c, b2b = rng.randint(0, 100), rng.randint(0, 100)
                audit.submitted_at = now - timedelta(minutes=rng.randint(0, 500_000))
                audit.b2c_readiness, audit.b2c_band = b2c, band(b2c)
                audit.b2b_readiness, audit.b2b_band = b2b, band(b2b)
            audits.append(audit)
        Audit.objects.bulk_create(audits, batch_size=2000)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
                # A bulk load leaves the new rows in the trigram indexes' pending lists, which
                # every search reads through until (auto)vacuum merges them; merge them now,
                # as a live site's autovacuum would have.
                for index in ("questionnaire_business_name_trgm", "auth_user_email_trgm"):
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        self.stdout.write(f"Added {count:,} audits in {time.perf_counter() - started:.1f} s")

    def measure(self, consultant, runs: int, size: int) -> dict[str, float]:
        factory = RequestFactory()
        medians = {}
        for case, params in CASES.items():
            if params.get("page") == "last":
                params = {"page": str((size + 24) // 25)}
            times = []
            for _ in range(runs):
                request = factory.get("/consultant/", params)
                request.user = consultant
                started = time.perf_counter()
                response = dashboard(request)
                times.append(time.perf_counter() - started)
                assert response.status_code == 200
            medians[case] = statistics.median(times) * 1000
            self.stdout.write(f"{size:>7,} audits, {case}: median {medians[case]:.1f} ms")
        self.time_export(factory, consultant, size)
        return medians

    def time_export(self, factory, consultant, size: int) -> None:
        request = factory.get("/consultant/export.csv")
        request.user = consultant
        started = time.perf_counter()
        lines = sum(1 for _ in export_csv(request).streaming_content)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{size:>7,} audits, CSV export of {lines - 1:,} rows: {seconds:.2f} s")
