"""The report pages: results on screen (and, in reports.pdf, the same report as a PDF)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from questionnaire.access import get_audit_for
from reports.report import report_context


@login_required
def audit_results(request, audit_id: int):
    audit = get_audit_for(request.user, audit_id)
    if audit.is_draft:
        return redirect("questionnaire:audit_detail", audit_id=audit.pk)
    return render(request, "reports/results.html", report_context(audit))
