from django.core.management.base import BaseCommand

from questionnaire.demo import DEMO_PASSWORD, create_demo_data


class Command(BaseCommand):
    help = "Create demo accounts with example audits (safe to run again) and print the logins."

    def handle(self, *args, **options):
        logins = create_demo_data()
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for email, role in logins:
            self.stdout.write(f"  {email:<26} {role}")
