from django.core.management.base import BaseCommand

from questionnaire.content import CONTENT_FILE, load_content_file


class Command(BaseCommand):
    help = "Publish the questionnaire content file as a new version, unless already loaded."

    def handle(self, *args, **options):
        version = load_content_file(CONTENT_FILE)
        if version is None:
            self.stdout.write("Questionnaire content is up to date.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Published questionnaire {version}."))
