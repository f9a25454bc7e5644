"""One ZIP of several clients' current PDFs: asked for on the dashboard, built by the worker
(each PDF rendered if it is not stored yet), with its progress saved after every PDF so the
page can show it, then stored for a download. Access is checked again for each audit as it
is added: a member removed from a practice while the ZIP is being built gets no more."""

from __future__ import annotations

import logging
import secrets
import tempfile
import zipfile
from datetime import timedelta

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from consulting import opened
from consulting.models import AuditOpened
from questionnaire.access import REVIEW, allowed
from questionnaire.models import Audit
from reports import pdf
from reports.models import ReportBundle

logger = logging.getLogger(__name__)

MOST_AUDITS = 200  # a ZIP of more would take the worker minutes; filter the list first
KEPT_FOR = timedelta(days=7)
STORAGE_DIR = "bundles"


@task()
def build_bundle(bundle_id: int) -> None:
    bundle = ReportBundle.objects.select_related("requested_by").filter(pk=bundle_id).first()
    if bundle is None or bundle.is_finished:
        return
    ReportBundle.objects.filter(pk=bundle_id).update(state=ReportBundle.State.BUILDING, done=0)
    try:
        with tempfile.TemporaryFile() as spool:
            included = _write_zip(bundle, spool)
            spool.seek(0)
            name = f"{STORAGE_DIR}/{bundle.pk}/{secrets.token_hex(8)}.zip"
            name = default_storage.save(name, File(spool))
    except Exception:
        logger.exception("Could not build report bundle %s", bundle_id)
        ReportBundle.objects.filter(pk=bundle_id).update(
            state=ReportBundle.State.FAILED, finished_at=timezone.now()
        )
        raise
    ReportBundle.objects.filter(pk=bundle_id).update(
        state=ReportBundle.State.READY,
        file_name=name,
        included=included,
        finished_at=timezone.now(),
    )


def _write_zip(bundle: ReportBundle, spool) -> int:
    """Each audit's PDF the requester may still review, under its download name; returns
    how many went in. PDFs are compressed already, so they are stored as they are (the
    ZIP's default)."""
    user, included = bundle.requested_by, 0
    names: set[str] = set()
    with zipfile.ZipFile(spool, "w") as archive:
        for audit_id in bundle.audit_ids:
            audit = Audit.objects.select_related("business").filter(pk=audit_id).first()
            if audit is not None and allowed(user, REVIEW, audit):
                report = pdf.report_for(audit)
                pdf.ensure_rendered(audit, report)
                with default_storage.open(report.name) as stored:
                    archive.writestr(_unique(report.filename, names), stored.read())
                opened.record(user, audit, AuditOpened.What.PDF)
                included += 1
            ReportBundle.objects.filter(pk=bundle.pk).update(done=F("done") + 1)
    return included


def _unique(filename: str, taken: set[str]) -> str:
    """Two clients of the same name submitting on the same day: number the second."""
    name, number = filename, 1
    while name in taken:
        number += 1
        name = filename.replace(".pdf", f"-{number}.pdf")
    taken.add(name)
    return name


def remove_old(now=None) -> int:
    """Bundles older than KEPT_FOR, their ZIPs with them (the worker's housekeeping)."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    old = ReportBundle.objects.filter(created_at__lt=cutoff)
    for name in old.exclude(file_name="").values_list("file_name", flat=True):
        default_storage.delete(name)
    return old.delete()[0]


def on_housekeeping(sender, **kwargs) -> None:
    remove_old()
