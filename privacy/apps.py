from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Owners' data"

    def ready(self) -> None:
        from common.jobs import housekeeping
        from privacy import expiry

        housekeeping.connect(expiry.on_housekeeping, dispatch_uid="expire_drafts")
