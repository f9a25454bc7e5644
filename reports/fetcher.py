"""The only way WeasyPrint may load anything: the app's own static files and data: URIs.

No file:, no http(s):, no redirects. User text is escaped into the HTML, so it cannot add
a resource; this is the second wall, for whatever might slip through the first.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The base URL reports render against: "/static/css/x.css" resolves to BASE_URL + that path.
BASE_URL = "https://report.invalid/"
STATIC_PREFIX = BASE_URL + "static/"


class BlockedURL(ValueError):
    """A report tried to load something other than the app's own static files."""


class StaticOnlyURLFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)
        self.blocked: list[str] = []  # what the render asked for and did not get

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = _static_file(url)
        if path is None:
            self.blocked.append(url)
            raise BlockedURL(f"reports load only the app's own static files, not {url!r}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def _static_file(url: str) -> Path | None:
    if not url.startswith(STATIC_PREFIX):
        return None
    relative = url.removeprefix(STATIC_PREFIX).split("?")[0].split("#")[0]
    if not relative or ".." in relative.split("/") or "\\" in relative or "%" in relative:
        return None
    found = finders.find(relative)
    return Path(found) if found else None
