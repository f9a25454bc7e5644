from django.apps import AppConfig


class QuestionnaireConfig(AppConfig):
    name = "questionnaire"
    verbose_name = "Questionnaire and audits"

    def ready(self):
        from common.jobs import housekeeping
        from questionnaire import (
            guest,  # noqa: F401  (connects the claim at log-in)
            reminders,
        )

        housekeeping.connect(reminders.on_housekeeping, dispatch_uid="send_reminders")
