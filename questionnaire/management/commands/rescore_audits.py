"""Recompute the figures stored on submitted audits (readiness, bands, headline, dimension
scores) after the scoring rules change. Answers and questionnaire editions are untouched."""

from django.core.management.base import BaseCommand
from django.db.models import Q

from questionnaire.models import Audit
from questionnaire.verdicts import VERDICT_FIELDS, record_verdict


class Command(BaseCommand):
    help = "Recompute the stored verdict of every submitted audit from its answers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Rescore every audit, not only those missing a stored figure.",
        )

    def handle(self, *args, all: bool, **options):
        audits = Audit.objects.submitted().select_related("business", "edition")
        if not all:
            audits = audits.filter(Q(headline="") | Q(weakest_dimension=""))
        count = 0
        for audit in audits.iterator(chunk_size=200):
            record_verdict(audit)
            audit.save(update_fields=VERDICT_FIELDS)
            count += 1
        self.stdout.write(f"Rescored {count} submitted audit{'s' if count != 1 else ''}.")
