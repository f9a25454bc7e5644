from django.apps import AppConfig


class PeersConfig(AppConfig):
    name = "peers"
    verbose_name = "Peer comparison"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from peers import tasks
        from questionnaire import signals
        from questionnaire.models import Audit

        # Statistics follow every change to which audit a business counts with.
        signals.audit_submitted.connect(tasks.on_audit_event, sender=Audit)
        signals.audit_reviewed.connect(tasks.on_audit_event, sender=Audit)
        post_delete.connect(tasks.on_audit_deleted, sender=Audit)
