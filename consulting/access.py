"""Who is a consultant, and which client audits a consultant may reach (404 otherwise)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

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


def get_client_audit_for(user, audit_id: int) -> Audit:
    """A submitted audit of one of this consultant's clients."""
    audits = Audit.objects.for_consultant(user).submitted()
    return get_object_or_404(
        audits.select_related("business", "business__owner", "version"), pk=audit_id
    )
