"""The consultant's side of the door, asked of the one policy (auditsite/access.py): may
this user use the consultant's workspace, and which client audit may they review."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from questionnaire.access import REVIEW, allowed, audit_or_404
from questionnaire.models import Audit


def is_consultant(user) -> bool:
    return allowed(user, "work_as_consultant", None)


def consultant_required(view):
    """Logged-in consultants only; anyone else logged in gets a 404, as if it were not there."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_consultant(request.user):
            raise Http404("Not a consultant.")
        return view(request, *args, **kwargs)

    return wrapper


def client_audit_or_404(user, audit_id: int) -> Audit:
    """A submitted audit of a business its owner shares with this consultant."""
    return audit_or_404(user, audit_id, REVIEW)
