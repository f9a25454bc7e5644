"""The owner's pages: my audits, the profile, one question per screen, review and submit."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from common.csrf import sent_or_kept
from questionnaire import flow, reminders
from questionnaire.access import ANSWER, READ, audit_or_404, business_or_404
from questionnaire.forms import BusinessProfileForm
from questionnaire.history import audit_history
from questionnaire.models import Answer, Audit, Business, NoReminders
from questionnaire.steps import answer_step

LOCKED_MESSAGE = "This audit has been submitted, so its answers can no longer be changed."


@login_required
def my_audits(request):
    businesses = Business.objects.for_owner(request.user).prefetch_related(
        Prefetch("audits", queryset=Audit.objects.order_by("-created_at"))
    )
    return render(request, "questionnaire/my_audits.html", {"businesses": businesses})


@login_required
def new_audit(request):
    """Describe a new business and start its first audit."""
    form = BusinessProfileForm(sent_or_kept(request))
    if request.method == "POST" and form.is_valid():
        business = form.save(commit=False)
        business.owner = request.user
        business.save()
        return _start(request, business, first_page="step")
    businesses = Business.objects.for_owner(request.user)
    return render(request, "questionnaire/new_audit.html", {"form": form, "businesses": businesses})


@login_required
@require_POST
def start_business_audit(request, business_id: int):
    """Run the audit again for a business: continue its draft, or start a fresh one."""
    business = business_or_404(request.user, business_id)
    return _start(request, business, first_page="profile")


def _start(request, business: Business, first_page: str):
    try:
        audit = flow.start_audit(business)
    except flow.NoPublishedQuestionnaire:
        messages.error(request, "The questionnaire is not published yet; please try later.")
        return redirect("questionnaire:my_audits")
    if first_page == "profile":
        return redirect("questionnaire:audit_profile", audit_id=audit.pk)
    return redirect("questionnaire:audit_step", audit_id=audit.pk, number=1)


@login_required
def business_detail(request, business_id: int):
    business = business_or_404(request.user, business_id)
    context = {"business": business, "history": audit_history(business)}
    return render(request, "questionnaire/business_detail.html", context)


@login_required
def audit_detail(request, audit_id: int):
    """A draft resumes at its first unanswered question; a submitted audit shows its results."""
    audit = audit_or_404(request.user, audit_id, READ)
    if audit.is_draft:
        number = flow.first_unanswered_step(audit)
        if number is None:
            return redirect("questionnaire:audit_review", audit_id=audit.pk)
        return redirect("questionnaire:audit_step", audit_id=audit.pk, number=number)
    return redirect("reports:audit_results", audit_id=audit.pk)


@login_required
def audit_profile(request, audit_id: int):
    audit = audit_or_404(request.user, audit_id, ANSWER)
    if not audit.is_draft:
        messages.warning(request, LOCKED_MESSAGE)
        return redirect("questionnaire:audit_detail", audit_id=audit.pk)
    form = BusinessProfileForm(sent_or_kept(request), instance=audit.business)
    if request.method == "POST" and form.is_valid():
        try:
            flow.save_profile(form.save(commit=False), form.cleaned_data["revision"])
        except flow.ProfileConflict as conflict:
            form = _profile_conflict_form(request.POST, conflict.current)
        else:
            return redirect("questionnaire:audit_step", audit_id=audit.pk, number=1)
    return render(
        request,
        "questionnaire/audit_profile.html",
        {"audit": audit, "form": form, "total": len(flow.questions_of(audit))},
    )


@login_required
def audit_step(request, audit_id: int, number: int):
    audit = audit_or_404(request.user, audit_id, ANSWER)
    if audit.is_draft:
        try:
            return answer_step(request, KeptInAudit(audit), number)
        except flow.AuditLocked:  # submitted in another tab while this one was open
            pass
    messages.warning(request, LOCKED_MESSAGE)
    return redirect("questionnaire:audit_detail", audit_id=audit.pk)


class KeptInAudit:
    """An owner's answers, saved on their draft audit (steps.Draft)."""

    def __init__(self, audit: Audit):
        self.audit = audit
        self.business_name = audit.business.name
        self.questions = flow.questions_of(audit)

    def answers(self) -> dict[int, Answer]:
        return flow.answers_by_question(self.audit)

    def keep(self, question, given: flow.StepInput) -> None:
        flow.save_answer(self.audit, question, given)

    def step_url(self, number: int) -> str:
        return reverse("questionnaire:audit_step", args=[self.audit.pk, number])

    def before_first_url(self) -> str:
        return reverse("questionnaire:audit_profile", args=[self.audit.pk])

    def review_url(self) -> str:
        return reverse("questionnaire:audit_review", args=[self.audit.pk])

    def away_for_now(self, request) -> str:
        messages.success(request, _saved_for_later(self.audit))
        return reverse("questionnaire:my_audits")


def _saved_for_later(audit: Audit) -> str:
    return (
        f"Saved. Your audit of {audit.business.name} is kept as it is: press Continue "
        "below whenever you are ready, on this device or any other."
    )


def _profile_conflict_form(posted, current: Business) -> BusinessProfileForm:
    """Re-show what this tab posted, say what the other one saved, and let a second save win."""
    data = posted.copy()
    data["revision"] = current.revision
    form = BusinessProfileForm(data, instance=Business.objects.get(pk=current.pk))
    form.is_valid()
    form.add_error(
        None,
        f"These details were changed in another window while this page was open (they now "
        f"say: {current.name}, {current.get_sector_display()}, {current.get_size_display()}, "
        f"sells to {current.get_sells_to_display().lower()}). Your edition is shown below: "
        "save again to keep it.",
    )
    return form


@login_required
def audit_review(request, audit_id: int):
    audit = audit_or_404(request.user, audit_id, ANSWER)
    if not audit.is_draft:
        return redirect("questionnaire:audit_detail", audit_id=audit.pk)
    rows = flow.answer_rows(audit)
    missing = [row.question for row in rows if not row.is_complete]
    context = {
        "audit": audit,
        "rows": rows,
        "missing": missing,
        "progress": flow.Progress(len(rows) - len(missing), len(rows)),
    }
    return render(request, "questionnaire/audit_review.html", context)


@login_required
@require_POST
def audit_submit(request, audit_id: int):
    audit = audit_or_404(request.user, audit_id, ANSWER)
    try:
        flow.submit_audit(audit)
    except flow.IncompleteAudit as incomplete:
        numbers = ", ".join(str(q.number) for q in incomplete.missing)
        messages.error(
            request, f"Please answer every question before submitting (missing: {numbers})."
        )
        return redirect("questionnaire:audit_review", audit_id=audit.pk)
    except flow.AuditLocked:
        messages.warning(request, LOCKED_MESSAGE)
    else:
        messages.success(request, "Audit submitted. Thank you!")
    return redirect("questionnaire:audit_detail", audit_id=audit.pk)


# The signed link in a reminder is the credential, and a mail program's one-click
# unsubscribe (RFC 8058) posts to it without a form of ours, so there is no CSRF token.
@csrf_exempt
def stop_reminders(request, token: str):
    """Stop (or, having stopped, resume) the reminder emails: asked first on a GET, done on
    a POST."""
    user_id = reminders.user_id_of(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        raise Http404("This link is not valid.")
    if request.method == "POST":
        if request.POST.get("action") == "resume":
            NoReminders.objects.filter(user=user).delete()
        else:
            NoReminders.objects.get_or_create(user=user)
    stopped = NoReminders.objects.filter(user=user).exists()
    context = {"email": user.email, "stopped": stopped, "done": request.method == "POST"}
    return render(request, "questionnaire/stop_reminders.html", context)
