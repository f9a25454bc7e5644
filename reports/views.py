"""The report pages: results on screen (and, in reports.pdf, the same report as a PDF)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from common.text import parse_id
from consulting import opened
from consulting.access import consultant_required
from consulting.models import AuditOpened
from consulting.reviewers import reviewer_names
from questionnaire.access import READ, REVIEW, allowed, audit_or_404
from questionnaire.models import Audit
from questionnaire.profile import describe
from reports import bundles, pdf
from reports.models import ReportBundle
from reports.report import report_html


@login_required
def audit_results(request, audit_id: int):
    audit = audit_or_404(request.user, audit_id, READ)
    if audit.is_draft:
        return redirect("questionnaire:audit_detail", audit_id=audit.pk)
    opened.record(request.user, audit, AuditOpened.What.RESULTS)
    report = pdf.report_for(audit)
    context = {
        "audit": audit,
        "profile": describe(audit.answered_profile()),
        "report": report_html(audit, report),
        "brand": report.brand,
        "reviewers": _reviewers_to_come(audit, request.user),
    }
    return render(request, "reports/results.html", context)


def _reviewers_to_come(audit, user) -> list[str]:
    """For the owner of an audit no one has opened yet: who will review it (no query else)."""
    if audit.business.owner_id != user.pk or audit.status != audit.Status.SUBMITTED:
        return []
    return reviewer_names(audit.business_id)


@login_required
def audit_pdf(request, audit_id: int):
    """The strategy summary as a PDF download, served from storage after the first render."""
    audit = audit_or_404(request.user, audit_id, READ)
    if audit.is_draft:
        raise Http404("A draft has no report yet.")
    opened.record(request.user, audit, AuditOpened.What.PDF)
    report = pdf.report_for(audit)
    etag = f'"{report.fingerprint}"'
    response: HttpResponseBase
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        pdf.ensure_rendered(audit, report)
        response = FileResponse(
            default_storage.open(report.name),
            as_attachment=True,
            filename=report.filename,
            content_type="application/pdf",
        )
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response


@consultant_required
@require_POST
def new_bundle(request):
    """The PDFs of the audits ticked on the dashboard, as one ZIP the worker builds."""
    chosen = [parse_id(value) for value in request.POST.getlist("audit")]
    reviewable = [
        audit.pk
        for audit in Audit.objects.filter(pk__in=[pk for pk in chosen if pk]).select_related(
            "business"
        )
        if allowed(request.user, REVIEW, audit)
    ]
    if not reviewable:
        messages.error(request, "Tick the submitted audits whose PDFs you want, then ask again.")
        return redirect("consulting:dashboard")
    if len(reviewable) > bundles.MOST_AUDITS:
        messages.error(
            request,
            f"{len(reviewable)} audits are ticked; one ZIP holds at most {bundles.MOST_AUDITS}.",
        )
        return redirect("consulting:dashboard")
    bundle = ReportBundle.objects.create(requested_by=request.user, audit_ids=sorted(reviewable))
    transaction.on_commit(lambda: bundles.build_bundle.enqueue(bundle.pk))
    return redirect("reports:bundle", bundle_id=bundle.pk)


def _own_bundle(request, bundle_id: int) -> ReportBundle:
    return get_object_or_404(ReportBundle, pk=bundle_id, requested_by=request.user)


@consultant_required
def bundle_page(request, bundle_id: int):
    return render(request, "reports/bundle.html", {"bundle": _own_bundle(request, bundle_id)})


@consultant_required
def bundle_download(request, bundle_id: int):
    bundle = _own_bundle(request, bundle_id)
    if bundle.state != ReportBundle.State.READY:
        raise Http404("This ZIP is not ready.")
    stamp = f"{bundle.created_at:%Y-%m-%d}"
    return FileResponse(
        default_storage.open(bundle.file_name),
        as_attachment=True,
        filename=f"client-reports-{stamp}.zip",
        content_type="application/zip",
    )
