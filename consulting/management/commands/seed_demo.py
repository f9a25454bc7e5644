from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from consulting.demo import create_demo_data
from questionnaire.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create demo accounts with example audits (safe to run again) and print the logins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # The demo's accounts, a superuser among them, share a password printed in the
            # README: never on a site anyone else can reach.
            raise CommandError(
                "seed_demo creates accounts with a published password, so it runs only for "
                "local use (DJANGO_DEBUG=1), never in production."
            )
        # The demo's review emails would only clutter the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            logins = create_demo_data()
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for email, role in logins:
            self.stdout.write(f"  {email:<26} {role}")
