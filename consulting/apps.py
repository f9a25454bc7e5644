from django.apps import AppConfig


class ConsultingConfig(AppConfig):
    name = "consulting"
    verbose_name = "Consulting"

    def ready(self) -> None:
        from consulting import handlers
        from questionnaire import signals

        signals.audit_submitted.connect(handlers.email_consultants_on_submit)
        signals.audit_reviewed.connect(handlers.email_owner_on_review)
