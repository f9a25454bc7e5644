"""Write the worked examples' calibration table into docs/scoring.md, or check it is current."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from questionnaire.content import read_content_file
from questionnaire.scoring.examples import calibration_table
from questionnaire.scoring.rubric import Rubric

DOCUMENT = Path(settings.BASE_DIR) / "docs" / "scoring.md"
START, END = "<!-- calibration table: start -->\n", "<!-- calibration table: end -->\n"


class Command(BaseCommand):
    help = "Write the calibration table of the worked examples into docs/scoring.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail if the document is not current."
        )

    def handle(self, *args, check: bool, **options):
        text = DOCUMENT.read_text()
        if START not in text or END not in text:
            raise CommandError(f"{DOCUMENT} has no calibration table markers.")
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        table = calibration_table(Rubric.from_content(read_content_file()))
        current = before + START + table + END + after
        if check:
            if current != text:
                raise CommandError(
                    "docs/scoring.md is out of date: run `python manage.py calibration_table`."
                )
            self.stdout.write("docs/scoring.md's calibration table is current.")
            return
        DOCUMENT.write_text(current)
        self.stdout.write(f"Wrote the calibration table ({table.count(chr(10)) - 2} examples).")
