from django.core.management.base import BaseCommand

from questionnaire.content import CONTENT_FILE, load_content_file


class Command(BaseCommand):
    help = "Publish the questionnaire content file as a new edition, unless already loaded."

    def handle(self, *args, **options):
        edition = load_content_file(CONTENT_FILE)
        if edition is None:
            self.stdout.write("Questionnaire content is up to date.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Published questionnaire {edition}."))
