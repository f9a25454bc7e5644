from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from common.jobs import housekeeping
        from consulting.models import Recommendation, ScoreOverride
        from questionnaire import signals
        from questionnaire.models import Audit
        from reports import bundles, tasks

        # Render in the background whenever what a report shows changes.
        signals.audit_submitted.connect(tasks.on_audit_event, sender=Audit)
        signals.audit_reviewed.connect(tasks.on_audit_event, sender=Audit)
        post_delete.connect(tasks.on_audit_deleted, sender=Audit)
        for model in (Recommendation, ScoreOverride):
            post_save.connect(tasks.on_review_item_change, sender=model)
            post_delete.connect(tasks.on_review_item_change, sender=model)
        housekeeping.connect(bundles.on_housekeeping, dispatch_uid="remove_old_bundles")
