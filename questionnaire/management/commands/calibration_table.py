"""Write the worked examples' calibration table and the network fits into docs/scoring.md, or
check that both are current."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from questionnaire.content import read_content_file
from questionnaire.profile import Sector
from questionnaire.scoring.examples import calibration_table, network_table
from questionnaire.scoring.rubric import Rubric

DOCUMENT = Path(settings.BASE_DIR) / "docs" / "scoring.md"


def replaced(text: str, name: str, table: str) -> str:
    start, end = f"<!-- {name}: start -->\n", f"<!-- {name}: end -->\n"
    if start not in text or end not in text:
        raise CommandError(f"{DOCUMENT} has no {name} markers.")
    before, rest = text.split(start, 1)
    return before + start + table + end + rest.split(end, 1)[1]


class Command(BaseCommand):
    help = "Write the calibration table and the network fits into docs/scoring.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail if the document is not current."
        )

    def handle(self, *args, check: bool, **options):
        text = DOCUMENT.read_text()
        rubric = Rubric.from_content(read_content_file())
        sectors = {key: label.split(" (")[0] for key, label in Sector.choices}
        current = replaced(text, "calibration table", calibration_table(rubric))
        current = replaced(current, "network fits", network_table(rubric, sectors))
        if check:
            if current != text:
                raise CommandError(
                    "docs/scoring.md is out of date: run `python manage.py calibration_table`."
                )
            self.stdout.write("docs/scoring.md's calibration table is current.")
            return
        DOCUMENT.write_text(current)
        self.stdout.write("Wrote the calibration table and the network fits.")
