"""A form sent with a stale security token (the page was open while its visitor logged in or
out in another tab, or for a very long time) is not saved, as the CSRF check requires; but
instead of a bare "403 Forbidden" the visitor is taken back to the form's page, told plainly
what happened, and finds what they had entered still there, to check and send again."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.http import HttpRequest, QueryDict
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

KEPT_KEY = "kept_input"
EXPIRED_MESSAGE = (
    "That page had expired (you may have logged in or out in another tab), so nothing was "
    "saved. What you entered is shown again below: check it and send it again."
)


def _never_kept(name: str) -> bool:
    return name == "csrfmiddlewaretoken" or "password" in name


def form_page(request: HttpRequest) -> str | None:
    """The page of this site the form was sent from (the site's pages send their address
    with a form), or None when it came from elsewhere."""
    referer = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(referer)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def csrf_failure(request: HttpRequest, reason: str = ""):
    """Django's CSRF_FAILURE_VIEW. A form sent from another site is refused, keeping
    nothing: it may be forged, and its input must not reach the visitor's forms."""
    page = form_page(request)
    if page is None:
        return render(request, "403_csrf.html", status=403)
    entered = {name: values for name, values in request.POST.lists() if not _never_kept(name)}
    if entered:
        request.session[KEPT_KEY] = {"page": page, "entered": entered}
    messages.warning(request, EXPIRED_MESSAGE)
    return redirect(page)


def kept_input(request: HttpRequest) -> QueryDict | None:
    """What was entered on this page before its token expired, once; None if nothing was."""
    kept = request.session.get(KEPT_KEY)
    if not kept or kept["page"] != request.get_full_path():
        return None
    del request.session[KEPT_KEY]
    entered = QueryDict(mutable=True)
    for name, values in kept["entered"].items():
        entered.setlist(name, values)
    return entered


def sent_or_kept(request: HttpRequest) -> QueryDict | None:
    """A form's data: what was sent, or what was entered before its page expired."""
    return request.POST if request.method == "POST" else kept_input(request)


def move_kept_input(request: HttpRequest, to_page: str) -> None:
    """This page sends its visitor on to another that shows the same form: the input goes
    along."""
    kept = request.session.get(KEPT_KEY)
    if kept and kept["page"] == request.get_full_path():
        request.session[KEPT_KEY] = {**kept, "page": to_page}
