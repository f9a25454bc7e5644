"""Write the home page's sample report (static/sample-report.pdf) from the demo data: the
consultant's reviewed client audit, so the sample shows recommendations too. Run after
`seed_demo` whenever the report's look changes; tests/reports/test_sample_report.py checks
the committed file still reads like a report."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from questionnaire.models import Audit
from reports.pdf import render_pdf

SAMPLE = Path(settings.BASE_DIR) / "static" / "sample-report.pdf"


class Command(BaseCommand):
    help = "Render the sample report shown on the home page from the demo data."

    def handle(self, *args, **options):
        audit = (
            Audit.objects.filter(
                status=Audit.Status.REVIEWED, business__owner__email__endswith="example.com"
            )
            .order_by("pk")
            .first()
        )
        if audit is None:
            raise CommandError("No reviewed demo audit: run `manage.py seed_demo` first.")
        SAMPLE.write_bytes(render_pdf(audit))
        self.stdout.write(f"Wrote {SAMPLE} from the audit of {audit.business.name}")
