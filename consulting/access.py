"""The consultant's side of the door: the role check for the workspace pages, and the
client audits a consultant may review (by the one policy in auditsite/access.py)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from questionnaire.access import REVIEW, audit_or_404
from questionnaire.models import Audit


def is_consultant(user) -> bool:
    return user.is_authenticated and hasattr(user, "consultant")


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
