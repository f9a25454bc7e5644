from django.apps import AppConfig


class ConsultingConfig(AppConfig):
    name = "consulting"
    verbose_name = "Consulting"

    def ready(self) -> None:
        from consulting import handlers
        from questionnaire import signals
        from questionnaire.models import Audit

        signals.audit_submitted.connect(handlers.email_consultants_on_submit, sender=Audit)
        signals.audit_reviewed.connect(handlers.email_owner_on_review, sender=Audit)
