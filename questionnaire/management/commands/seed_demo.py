from django.core.management.base import BaseCommand
from django.test import override_settings

from questionnaire.demo import DEMO_PASSWORD, create_demo_data


class Command(BaseCommand):
    help = "Create demo accounts with example audits (safe to run again) and print the logins."

    def handle(self, *args, **options):
        # The demo's review emails would only clutter the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            logins = create_demo_data()
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for email, role in logins:
            self.stdout.write(f"  {email:<26} {role}")
