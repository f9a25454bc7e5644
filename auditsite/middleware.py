"""Middleware the project adds to Django's."""

from django.conf import settings
from django.http import HttpResponse


def refuse_large_requests(get_response):
    """A request body larger than MAX_REQUEST_BODY (MAX_UPLOAD_BODY where a form takes a
    file) is answered 413 before anything reads it."""

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        most = (
            settings.MAX_UPLOAD_BODY
            if request.path in settings.UPLOAD_PATHS
            else settings.MAX_REQUEST_BODY
        )
        if length > most:
            return HttpResponse(
                "That request is too large for this site.", status=413, content_type="text/plain"
            )
        return get_response(request)

    return middleware
