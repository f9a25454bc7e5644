from django.apps import AppConfig


class ConsultingConfig(AppConfig):
    name = "consulting"
    verbose_name = "Consulting"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from consulting import handlers
        from consulting.models import Recommendation, ScoreOverride
        from questionnaire import signals
        from questionnaire.models import Audit

        signals.audit_submitted.connect(handlers.email_consultants_on_submit, sender=Audit)
        signals.audit_reviewed.connect(handlers.email_owner_on_review, sender=Audit)
        signals.dimension_adjustments.connect(handlers.consultant_figures, sender=Audit)
        for changed in (post_save, post_delete):
            for review_item in (Recommendation, ScoreOverride):
                changed.connect(handlers.count_review_change, sender=review_item)
