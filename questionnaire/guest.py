"""Starting before creating an account. A visitor's draft (the business profile and the
answers) lives only in their own session, so no other visitor can reach it, whatever id
they try: there is none. When the visitor signs up or logs in, the draft is claimed: it
becomes a business of theirs with a draft audit holding every answer, and the session copy
is dropped. Submitting needs the account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from common.csrf import move_kept_input, sent_or_kept
from questionnaire import flow
from questionnaire.editions import current_content
from questionnaire.forms import BusinessProfileForm
from questionnaire.models import Answer, Audit, Business, Question
from questionnaire.steps import answer_step

PROFILE_FIELDS = BusinessProfileForm.Meta.fields
SESSION_KEY = "guest_draft"
CLAIMED_KEY = "guest_claimed_audit"
# Where to go once the draft is claimed, if not its review page: set by a page above this
# layer (a practice's start link asks there whether to share the business with it).
AFTER_CLAIM_KEY = "guest_after_claim"


def _draft(request) -> dict:
    return request.session.get(SESSION_KEY) or {"profile": None, "answers": {}}


def _questions() -> tuple[Question, ...]:
    edition = current_content()
    if edition is None:
        raise Http404("The questionnaire is not published yet.")
    return edition.questions


def _answers(draft: dict, questions) -> dict[int, Answer]:
    """The draft's answers as unsaved Answer objects, keyed as the flow keys saved ones."""
    saved = draft["answers"]
    return {q.pk: Answer(**saved[q.key]) for q in questions if q.key in saved}


def _business_name(draft: dict) -> str:
    return (draft["profile"] or {}).get("name", "")


def start(request):
    if request.user.is_authenticated:
        move_kept_input(request, reverse("questionnaire:new_audit"))
        return redirect("questionnaire:new_audit")
    draft = _draft(request)
    form = BusinessProfileForm(sent_or_kept(request), initial=draft["profile"])
    if request.method == "POST" and form.is_valid():
        draft["profile"] = {field: form.cleaned_data[field] for field in PROFILE_FIELDS}
        request.session[SESSION_KEY] = draft
        return redirect("questionnaire:guest_step", number=1)
    return render(request, "questionnaire/new_audit.html", {"form": form, "guest": True})


def _elsewhere(request, signed_in_to: str):
    """Where to send someone with no guest draft to work on: a signed-in person to their own
    pages, a visitor who has not described the business yet to the start. None: stay."""
    if request.user.is_authenticated:
        return redirect(signed_in_to)
    if _draft(request)["profile"] is None:
        return redirect("questionnaire:guest_start")
    return None


def step(request, number: int):
    if request.user.is_authenticated and (draft_audit := _latest_draft(request.user)):
        # Signed in (in another tab, say) while answering as a guest: the same question of
        # the draft the answers went to, with anything entered here meanwhile.
        same_step = reverse("questionnaire:audit_step", args=[draft_audit.pk, number])
        move_kept_input(request, same_step)
        return redirect(same_step)
    if elsewhere := _elsewhere(request, "questionnaire:new_audit"):
        return elsewhere
    return answer_step(request, KeptInSession(request), number)


class KeptInSession:
    """A guest's answers, kept in their session until they sign up or log in (steps.Draft)."""

    def __init__(self, request):
        self.session = request.session
        self.draft = _draft(request)
        self.business_name = _business_name(self.draft)
        self.questions = _questions()

    def answers(self) -> dict[int, Answer]:
        return _answers(self.draft, self.questions)

    def keep(self, question: Question, given: flow.StepInput) -> None:
        self.draft["answers"][question.key] = {"choices": given.choices, "note": given.note}
        self.session[SESSION_KEY] = self.draft

    def step_url(self, number: int) -> str:
        return reverse("questionnaire:guest_step", args=[number])

    def before_first_url(self) -> str:
        return reverse("questionnaire:guest_start")

    def review_url(self) -> str:
        return reverse("questionnaire:guest_review")

    def away_for_now(self, request) -> str:
        messages.info(request, KEPT_MESSAGE)
        return f"{reverse('account_signup')}?next={reverse('questionnaire:guest_claimed')}"


def _latest_draft(user) -> Audit | None:
    drafts = Audit.objects.filter(business__owner=user, status=Audit.Status.DRAFT)
    return drafts.order_by("-created_at").first()


KEPT_MESSAGE = (
    "Your answers are kept in this browser for now. Create a free account (or log in) to "
    "keep them for good and finish on any device."
)


def review(request):
    if elsewhere := _elsewhere(request, "questionnaire:my_audits"):
        return elsewhere
    draft = _draft(request)
    questions = _questions()
    answers = _answers(draft, questions)
    rows = [flow.AnswerRow(question, answers.get(question.pk)) for question in questions]
    missing = [row.question for row in rows if not row.is_complete]
    context = {
        "business_name": _business_name(draft),
        "rows": rows,
        "missing": missing,
        "progress": flow.Progress(len(rows) - len(missing), len(rows)),
        "claim_next": reverse("questionnaire:guest_claimed"),
    }
    return render(request, "questionnaire/guest_review.html", context)


@receiver(user_logged_in, dispatch_uid="claim_guest_draft")
def claim_on_log_in(sender, request, user, **kwargs) -> None:
    """Signing up logs in too, so this claims the draft on either."""
    if request is None or not request.session.get(SESSION_KEY):
        return
    try:
        audit = claim(request.session[SESSION_KEY], user)
    except flow.NoPublishedQuestionnaire:  # kept in the session for a later log-in
        return
    del request.session[SESSION_KEY]
    if audit is not None:
        request.session[CLAIMED_KEY] = audit.pk


def claim(draft: dict, user) -> Audit | None:
    """The session's draft as a business of this user's, with a draft audit of every answer."""
    if not draft.get("profile"):
        return None
    with transaction.atomic():
        business = Business.objects.create(owner=user, **draft["profile"])
        audit = flow.start_audit(business)
        for question in flow.questions_of(audit):  # the current edition, by question key
            if question.key in draft["answers"]:
                given = draft["answers"][question.key]
                saved = flow.StepInput(given["choices"], given["note"], None)
                flow.save_answer(audit, question, saved)
    return audit


def claimed(request):
    """Where sign-up and log-in lead from a guest draft: its review page, now the owner's."""
    audit_id = request.session.pop(CLAIMED_KEY, None)
    after_claim = request.session.pop(AFTER_CLAIM_KEY, None)
    if audit_id is None or not request.user.is_authenticated:
        return redirect("questionnaire:my_audits")
    messages.success(request, "Your answers are saved to your account.")
    if after_claim:
        return redirect(f"{after_claim}?audit={audit_id}")
    return redirect("questionnaire:audit_review", audit_id=audit_id)
