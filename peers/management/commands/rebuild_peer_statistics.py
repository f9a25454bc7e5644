"""Recount the peer statistics from scratch: after a content edition, an import, or
anything else that changed audits without the usual events."""

import time

from django.core.management.base import BaseCommand

from peers.counting import rebuild


class Command(BaseCommand):
    help = "Rebuild every cohort's statistics from the submitted audits, and publish them."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counted = rebuild()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Counted {counted} businesses' latest audits in {seconds:.1f} s.")
