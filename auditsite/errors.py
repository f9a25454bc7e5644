"""The site's own error pages: the site's look and navigation, and a 503 with Retry-After
(not a 500) when the database cannot be reached, so a person and a load balancer alike know
to come back shortly."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
CONTEXT = {"support_email": settings.SUPPORT_EMAIL}  # the footer's way on, with no request


def server_error(request) -> HttpResponse:
    """Django's handler500, called while the exception is being handled. Rendered without
    the request, so no context processor touches the session or the database."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        response = HttpResponse(loader.render_to_string("503.html", CONTEXT), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html", CONTEXT))


def bad_request(request, exception) -> HttpResponse:
    """Django's handler400 (an unknown host, a malformed request), as the 500 page is made."""
    return HttpResponseBadRequest(loader.render_to_string("400.html", CONTEXT))
