"""One question step, for a visitor answering as a guest and for an owner alike: show the
question with the answer kept so far, keep what is sent, and go on, back, or away for now.
The two differ only in where the answers are kept (a guest's session, an owner's draft
audit) and where the pages around the step are: a `Draft` says both."""

from __future__ import annotations

from typing import Protocol

from django.http import Http404
from django.shortcuts import redirect, render

from common.csrf import kept_input
from questionnaire import flow
from questionnaire.forms import AnswerForm, answer_form
from questionnaire.models import Answer, Question


class Draft(Protocol):
    business_name: str
    questions: tuple[Question, ...]

    def answers(self) -> dict[int, Answer]:
        """The answers kept so far, by question id."""

    def keep(self, question: Question, given: flow.StepInput) -> None:
        """Keep one answer; raises flow.EditConflict if another tab changed it meanwhile."""

    def step_url(self, number: int) -> str: ...

    def before_first_url(self) -> str:
        """Where "Back" leads from the first question: the business's details."""

    def review_url(self) -> str: ...

    def away_for_now(self, request) -> str:
        """Where "Save and finish later" leads (having said how the answers are kept)."""


def answer_step(request, draft: Draft, number: int):
    if not 1 <= number <= len(draft.questions):
        raise Http404("No such question.")
    question = draft.questions[number - 1]
    if request.method == "POST":
        going_back, later = "back" in request.POST, "later" in request.POST
        # Going back or stopping for now keeps whatever was entered, even an incomplete answer.
        choice_needed = not (going_back or later)
        form = AnswerForm(question, request.POST, require_choice=choice_needed)
        if form.is_valid():
            try:
                draft.keep(question, form.step_input())
            except flow.EditConflict as conflict:
                form = _conflict_form(question, request.POST, conflict.current, choice_needed)
            else:
                if later:
                    return redirect(draft.away_for_now(request))
                return redirect(_next_page(request, draft, number, going_back))
    answers = draft.answers()  # this step's kept answer, and the progress
    if request.method != "POST":
        form = answer_form(question, answers.get(question.pk), kept_input(request))
    total = len(draft.questions)
    context = {
        "business_name": draft.business_name,
        "question": question,
        "form": form,
        "number": number,
        "total": total,
        "progress": flow.progress(answers, total),
        "return_to_review": request.GET.get("next") == "review",
    }
    return render(request, "questionnaire/audit_step.html", context)


def _next_page(request, draft: Draft, number: int, going_back: bool) -> str:
    if going_back:
        return draft.before_first_url() if number == 1 else draft.step_url(number - 1)
    if request.GET.get("next") == "review" or number == len(draft.questions):
        return draft.review_url()
    return draft.step_url(number + 1)


def _conflict_form(question, posted, current: Answer, choice_needed: bool) -> AnswerForm:
    """Re-show what this tab posted, say what the other one saved, and let a second save win."""
    data = posted.copy()
    data["revision"] = current.revision
    form = AnswerForm(question, data, require_choice=choice_needed)
    form.is_valid()
    labels = {option.key: option.label for option in question.options.all()}
    saved = ", ".join(labels.get(key, key) for key in current.choices) or "no answer"
    form.add_error(
        None,
        f"This answer was changed in another window while this page was open (it now says: "
        f"{saved}). Your version is shown below: save again to keep it.",
    )
    return form
