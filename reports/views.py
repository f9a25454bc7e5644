"""The report pages: results on screen (and, in reports.pdf, the same report as a PDF)."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from consulting import opened
from consulting.models import AuditOpened
from consulting.reviewers import reviewer_names
from questionnaire.access import READ, audit_or_404
from questionnaire.profile import describe
from reports import pdf
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
        "report": report_html(audit, report.fingerprint, report.comparison),
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
