from django.apps import AppConfig


class ConsultingConfig(AppConfig):
    name = "consulting"
    verbose_name = "Consulting"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save, pre_delete

        from consulting import handlers
        from consulting.models import Recommendation, ScoreOverride
        from questionnaire import signals
        from questionnaire.models import Audit

        signals.audit_submitted.connect(handlers.email_consultants_on_submit, sender=Audit)
        signals.audit_reviewed.connect(handlers.email_owner_on_review, sender=Audit)
        signals.dimension_adjustments.connect(handlers.consultant_figures, sender=Audit)
        pre_delete.connect(
            handlers.keep_practice_clients,
            sender=get_user_model(),
            dispatch_uid="keep_practice_clients",
        )
        for changed in (post_save, post_delete):
            for review_item in (Recommendation, ScoreOverride):
                changed.connect(handlers.count_review_change, sender=review_item)
