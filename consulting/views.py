"""The consultant's workspace: dashboard, export, invitations, review. Every view that
takes an id fetches through consulting.access, so another consultant's client is a 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from common.text import parse_id
from consulting import emails, export, opened
from consulting.access import client_audit_or_404, consultant_required, is_consultant
from consulting.branding import brand_of_consultant
from consulting.dashboard import (
    DEFAULT_SORT,
    SORTS,
    DashboardFilters,
    client_audits,
    page_of,
)
from consulting.forms import (
    ConsultantSignupForm,
    InvitationForm,
    NoteForm,
    OverrideForm,
    RecommendationForm,
)
from consulting.models import (
    AuditOpened,
    Consultant,
    Invitation,
    Share,
    SignupSetting,
    TextChange,
    hash_token,
    practice_of,
)
from consulting.portfolio import portfolio
from questionnaire import flow
from questionnaire.access import MANAGE, READ, allowed, audit_or_404, business_or_404
from questionnaire.forms import BusinessProfileForm
from questionnaire.models import Audit, Business, Dimension
from questionnaire.verdicts import refresh_verdict, result_for

PAGE_SIZE = 25


def _filtered(request):
    """The filter form and the audits it selects: none while a filter is wrong, since a list
    under an error would look filtered when it is not."""
    form = DashboardFilters(request.GET or None)
    if not form.is_bound:
        return form, {}, client_audits(request.user, {})
    if not form.is_valid():
        return form, {}, Audit.objects.none()
    return form, form.cleaned_data, client_audits(request.user, form.cleaned_data)


@consultant_required
def dashboard(request):
    form, filters, audits = _filtered(request)
    page = page_of(audits, filters, request.GET.get("page"), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    sort = request.GET.get("sort") or DEFAULT_SORT
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "columns": _sort_links(request, sort),
    }
    return render(request, "consulting/dashboard.html", context)


def _sort_links(request, sort: str) -> list[dict]:
    """Each sortable column's heading: a link that sorts by it, or flips it if it is on."""
    columns = []
    for key, (title, _) in SORTS.items():
        query = request.GET.copy()
        query.pop("page", None)
        active = sort.lstrip("-") == key
        query["sort"] = key if active and sort.startswith("-") else f"-{key}"
        direction = ("descending" if sort.startswith("-") else "ascending") if active else ""
        columns.append({"title": title, "query": query.urlencode(), "direction": direction})
    return columns


@consultant_required
def portfolio_page(request):
    return render(request, "consulting/portfolio.html", {"portfolio": portfolio(request.user)})


@consultant_required
def export_csv(request):
    _, _, audits = _filtered(request)
    listed = export.rows(audits, each_batch=lambda ids: opened.record_export(request.user, ids))
    response = StreamingHttpResponse(
        export.csv_lines(listed), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="client-audits-{stamp}.csv"'
    return response


def _over_the_daily_limit(consultant) -> str:
    """Why no more invitations can go out today, or "" while they can."""
    limit = settings.INVITATIONS_PER_DAY
    if Invitation.sent_recently(consultant) < limit:
        return ""
    return (
        f"You have sent {limit} invitations in the last 24 hours, "
        "the most the site allows; please send this one tomorrow."
    )


@consultant_required
def invitations(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and (too_many := _over_the_daily_limit(request.user)):
        form.add_error(None, too_many)
    if request.method == "POST" and form.is_valid():
        invitation, token = Invitation.issue(
            request.user, form.cleaned_data["email"], form.cleaned_data["message"]
        )
        transaction.on_commit(lambda: emails.invitation(invitation, token), robust=True)
        messages.success(request, f"Invitation sent to {invitation.email}.")
        return redirect("consulting:invitations")
    sent = Invitation.objects.for_consultant(request.user).select_related("consultant__consultant")
    context = {"form": form, "sent": sent[:50], "valid_days": settings.INVITATION_VALID_DAYS}
    return render(request, "consulting/invitations.html", context)


def _own_invitation(request, invitation_id: int) -> Invitation:
    """One of this consultant's invitations: anyone else's is a 404."""
    return get_object_or_404(Invitation.objects.for_consultant(request.user), pk=invitation_id)


@consultant_required
@require_POST
def resend_invitation(request, invitation_id: int):
    """A new link (the old one stops working), valid for the full period, emailed again."""
    invitation = _own_invitation(request, invitation_id)
    if not invitation.can_be_sent_again:
        messages.warning(request, f"The invitation to {invitation.email} is {invitation.state}.")
    elif too_many := _over_the_daily_limit(request.user):
        messages.error(request, too_many)
    else:
        token = invitation.new_link()
        transaction.on_commit(lambda: emails.invitation(invitation, token), robust=True)
        messages.success(
            request,
            f"Sent again to {invitation.email}: the new link works until "
            f"{date_format(timezone.localtime(invitation.expires_at), 'j F')}, and the earlier "
            "one no longer does.",
        )
    return redirect("consulting:invitations")


@consultant_required
@require_POST
def revoke_invitation(request, invitation_id: int):
    """Withdraw an invitation not yet accepted: its link stops working at once."""
    invitation = _own_invitation(request, invitation_id)
    if invitation.is_used:
        messages.warning(
            request,
            f"{invitation.email} has already accepted; only they can stop sharing their business.",
        )
    elif invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        messages.success(request, f"The invitation to {invitation.email} is revoked.")
    return redirect("consulting:invitations")


def accept_invitation(request, token: str):
    """Anyone with the link may open it; accepting needs an account, and works once."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("consultant__consultant"), token_hash=hash_token(token)
    )
    brand = brand_of_consultant(invitation.consultant)
    context: dict[str, object] = {"invitation": invitation, "brand": brand}
    if invitation.is_used and request.user == invitation.accepted_by:
        return _already_accepted(request, invitation)
    if not invitation.is_open:
        return render(request, "consulting/invitation_closed.html", context, status=410)
    if not request.user.is_authenticated:
        return render(request, "consulting/invitation_welcome.html", context)
    if request.user == invitation.consultant:
        messages.warning(request, "This is your own invitation: send the link to your client.")
        return redirect("consulting:invitations")

    shareable = Business.objects.for_owner(request.user).exclude(
        shares__consultant=invitation.consultant
    )
    form = BusinessProfileForm(request.POST if "new_business" in request.POST else None)
    if request.method == "POST":
        if "business" in request.POST:
            business = get_object_or_404(shareable, pk=parse_id(request.POST["business"]))
            return _accept(request, invitation, business, next_url="questionnaire:my_audits")
        if form.is_valid():
            business = form.save(commit=False)
            business.owner = request.user
            business.save()
            return _accept(request, invitation, business, next_url=None)
    context.update(form=form, shareable=shareable)
    return render(request, "consulting/invitation_accept.html", context)


def _already_accepted(request, invitation: Invitation):
    """The client who accepted opens the link again: to the business they shared."""
    shared = Business.objects.for_owner(request.user).filter(
        shares__consultant=invitation.consultant
    )
    business = shared.order_by("shares__created_at").first()
    if business is None:  # they have stopped sharing since
        messages.info(request, f"You accepted this invitation from {invitation.sender_name}.")
        return redirect("questionnaire:my_audits")
    messages.info(request, f"{business.name} is shared with {invitation.sender_name}.")
    return redirect("questionnaire:business_detail", business_id=business.pk)


@transaction.atomic
def _accept(request, invitation: Invitation, business: Business, next_url: str | None):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:  # accepted in another tab a moment ago, say
        raise Http404("This invitation can no longer be accepted.")
    invitation.accepted_at, invitation.accepted_by = timezone.now(), request.user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    Share.make(business, invitation.consultant, practice_of(invitation.consultant))
    messages.success(request, f"{business.name} is now shared with {invitation.sender_name}.")
    if next_url:
        return redirect(next_url)
    audit = flow.start_audit(business)
    return redirect("questionnaire:audit_step", audit_id=audit.pk, number=1)


@login_required
def become_consultant(request):
    """The public consultant sign-up, while the site administrator leaves it open."""
    if is_consultant(request.user):
        return redirect("consulting:dashboard")
    if not SignupSetting.current().consultant_signup_open:
        return render(request, "consulting/signup_closed.html", status=403)
    form = ConsultantSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["display_name"]
        Consultant.objects.get_or_create(user=request.user, defaults={"display_name": name})
        messages.success(request, "You are now a consultant: invite your first client.")
        return redirect("consulting:invitations")
    return render(request, "consulting/become_consultant.html", {"form": form})


@consultant_required
def review_page(request, audit_id: int):
    audit = client_audit_or_404(request.user, audit_id)
    opened.record(request.user, audit, AuditOpened.What.REVIEW)
    return _render_review(request, audit)


@login_required
def audit_openings(request, audit_id: int):
    """For the owner: who has opened their audit, what and when."""
    audit = audit_or_404(request.user, audit_id, READ)
    if not allowed(request.user, MANAGE, audit.business):
        raise Http404
    context = {"audit": audit, "openings": opened.openings(audit), "shown": opened.SHOWN}
    return render(request, "consulting/audit_openings.html", context)


def _render_review(request, audit, forms: dict | None = None):
    """The review page; `forms` holds a form that failed, to show with what was typed."""
    result = result_for(audit)
    overrides = {o.dimension: o for o in audit.score_overrides.all()}
    reasons_by_question: dict[str, list] = {}
    for dimension in result.dimensions:
        for reason in dimension.reasons:
            reasons_by_question.setdefault(reason.question_key, []).append(reason)
    rows = [
        {
            "row": row,
            "points": result.question_points(row.question.key),
            "reasons": reasons_by_question.get(row.question.key, []),
        }
        for row in flow.answer_rows(audit)
    ]
    forms = {
        "note_form": NoteForm(),
        "recommendation_form": RecommendationForm(),
        "override_form": OverrideForm(),
        **(forms or {}),
    }
    context = {
        "audit": audit,
        "result": result,
        "rows": rows,
        "dimensions": [(d, overrides.get(d.key)) for d in result.dimensions],
        "notes": audit.private_notes.readable_by(request.user),
        "recommendations": audit.recommendations.select_related("author__consultant"),
        **_changes(audit, request.user),
        "openings": opened.openings(audit),
        **forms,
    }
    return render(request, "consulting/review.html", context)


def _changes(audit, user) -> dict:
    """Earlier wordings: every consultant's of the recommendations, one's own of one's notes."""
    changes = TextChange.objects.filter(audit=audit).select_related("changed_by__consultant")
    recommendations = changes.filter(kind=TextChange.Kind.RECOMMENDATION)
    notes = changes.filter(kind=TextChange.Kind.NOTE, changed_by=user)
    return {"recommendation_changes": recommendations, "note_changes": notes}


# Where on the review page each kind of work is, so that saving returns to it.
SECTION = {"note_form": "notes", "recommendation_form": "recommendations"}


def _back_to(audit, section: str):
    return redirect(reverse("consulting:review", args=[audit.pk]) + f"#{section}")


def _add(request, audit_id: int, form_class, name: str, saved: str):
    """Save a note, recommendation or override; on an error, show the page with the input."""
    audit = client_audit_or_404(request.user, audit_id)
    form = form_class(
        request.POST, instance=form_class._meta.model(audit=audit, author=request.user)
    )
    if form.is_valid():
        form.save()
        messages.success(request, saved)
        return _back_to(audit, SECTION[name])
    return _render_review(request, audit, forms={name: form})


@consultant_required
@require_POST
def add_note(request, audit_id: int):
    return _add(request, audit_id, NoteForm, "note_form", "Private note saved.")


@consultant_required
@require_POST
def add_recommendation(request, audit_id: int):
    return _add(
        request,
        audit_id,
        RecommendationForm,
        "recommendation_form",
        "Recommendation saved: your client sees it on the results page and in the PDF.",
    )


def _edit(request, audit, item, form_class, section: str, saved: str):
    """Change a recommendation's or note's wording, keeping the earlier one (TextChange)."""
    before = item.text
    form = form_class(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["text"] != before:
            TextChange.record(item, TextChange.Action.EDITED, request.user, before)
            form.save()
            messages.success(request, saved)
        return _back_to(audit, section)
    context = {"audit": audit, "form": form, "section": section}
    return render(request, "consulting/edit_text.html", context)


@consultant_required
def edit_recommendation(request, audit_id: int, recommendation_id: int):
    audit = client_audit_or_404(request.user, audit_id)
    recommendation = get_object_or_404(audit.recommendations, pk=recommendation_id)
    saved = "Recommendation changed: your client sees the new wording."
    return _edit(request, audit, recommendation, RecommendationForm, "recommendations", saved)


@consultant_required
@require_POST
def delete_recommendation(request, audit_id: int, recommendation_id: int):
    audit = client_audit_or_404(request.user, audit_id)
    recommendation = get_object_or_404(audit.recommendations, pk=recommendation_id)
    TextChange.record(recommendation, TextChange.Action.DELETED, request.user)
    recommendation.delete()
    messages.success(request, "Recommendation removed.")
    return _back_to(audit, "recommendations")


def _own_note(request, audit_id: int, note_id: int):
    """A private note of this consultant's on a client's audit: anyone else's is a 404."""
    audit = client_audit_or_404(request.user, audit_id)
    return audit, get_object_or_404(audit.private_notes.readable_by(request.user), pk=note_id)


@consultant_required
def edit_note(request, audit_id: int, note_id: int):
    audit, note = _own_note(request, audit_id, note_id)
    return _edit(request, audit, note, NoteForm, "notes", "Private note changed.")


@consultant_required
@require_POST
def delete_note(request, audit_id: int, note_id: int):
    audit, note = _own_note(request, audit_id, note_id)
    TextChange.record(note, TextChange.Action.DELETED, request.user)
    note.delete()
    messages.success(request, "Private note deleted.")
    return _back_to(audit, "notes")


@consultant_required
@require_POST
def override_score(request, audit_id: int):
    audit = client_audit_or_404(request.user, audit_id)
    dimension = request.POST.get("dimension", "")
    known = dimension in Dimension.values  # the form says what is wrong with anything else
    existing = audit.score_overrides.filter(dimension=dimension).first() if known else None
    form = OverrideForm(request.POST, instance=existing)
    if not form.is_valid():
        return _render_review(request, audit, forms={"override_form": form})
    override = form.save(commit=False)
    override.audit, override.author = audit, request.user
    try:
        override.save()
    except IntegrityError:  # the same dimension overridden in another tab just now
        messages.warning(request, "That score was just changed elsewhere; please check it.")
    else:
        refresh_verdict(audit)  # the dashboard, the CSV and the headline use the new figure
        messages.success(request, f"{override.get_dimension_display()} score overridden.")
    return _back_to(audit, "scores")


@consultant_required
@require_POST
def remove_override(request, audit_id: int, override_id: int):
    audit = client_audit_or_404(request.user, audit_id)
    get_object_or_404(audit.score_overrides, pk=override_id).delete()
    refresh_verdict(audit)
    messages.success(request, "Override removed: the computed score applies again.")
    return _back_to(audit, "scores")


@consultant_required
def confirm_reviewed(request, audit_id: int):
    """ "Mark as reviewed" asks first: it emails the client and closes the review."""
    audit = client_audit_or_404(request.user, audit_id)
    if audit.status == Audit.Status.REVIEWED:
        return redirect("consulting:review", audit_id=audit.pk)
    context = {"audit": audit, "recommendations": audit.recommendations.count()}
    return render(request, "consulting/confirm_reviewed.html", context)


@consultant_required
@require_POST
def change_status(request, audit_id: int):
    audit = client_audit_or_404(request.user, audit_id)
    step = {"start": flow.start_review, "finish": flow.finish_review}.get(request.POST.get("step"))
    if step is None:
        raise Http404("No such step.")
    try:
        audit = step(audit, request.user)
    except flow.WrongStatus:
        messages.warning(request, f"This audit is already {audit.get_status_display().lower()}.")
    else:
        done = {
            "in_review": "Review started.",
            "reviewed": "Marked as reviewed; the client has been emailed.",
        }
        messages.success(request, done[audit.status])
    return redirect("consulting:review", audit_id=audit.pk)


@login_required
def stop_sharing(request, business_id: int, share_id: int):
    """The owner withdraws a business from a consultant: access ends with the next request."""
    business = business_or_404(request.user, business_id)
    share = get_object_or_404(business.shares.select_related("consultant"), pk=share_id)
    if request.method == "POST":
        share.delete()
        messages.success(
            request, f"{business.name} is no longer shared with {share.consultant_name}."
        )
        return redirect("questionnaire:business_detail", business_id=business.pk)
    return render(request, "consulting/stop_sharing.html", {"business": business, "share": share})
