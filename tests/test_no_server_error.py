"""Every URL a user reaches, replayed by every other kind of visitor, by GET and by POST,
and again with ids that name nothing: a page, a 404, a 410 or a redirect, never a server
error. The visitors are the access table's (tests/test_access_policy.py); the URLs are
found by following each logged-in visitor's links and forms, as an attacker would collect
them, so a new page is replayed without being listed here."""

from __future__ import annotations

import re
from collections import deque
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone

from consulting.models import Invitation
from tests.factories import make_consultant
from tests.test_access_policy import ROLES, TABLE, site, url_for  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

START = ["/", "/audits/", "/consultant/", "/consultant/invitations/", "/consultant/portfolio/"]
LEAVE_ALONE = ("/accounts/logout/", "/admin/", "/static/")  # ends the session; staff; files
PAGES_PER_VISITOR = 60
# Ids that name nothing: one past any row here, and one past the largest 64-bit integer.
NO_SUCH_IDS = ("987654", str(2**64))


class Page(HTMLParser):
    """A page's same-site links, and its forms with the values a hurried user would send."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._fields: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "a" and found.get("href", "").startswith("/"):
            self.links.append(found["href"].split("#")[0])
        elif tag == "form" and found.get("method", "").lower() == "post":
            self._fields = {}
            self.forms.append((found.get("action", ""), self._fields))
        elif tag in ("input", "textarea", "select", "button") and self._fields is not None:
            if found.get("name"):
                self._fields.setdefault(found["name"], found.get("value") or "Some text")

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self._fields = None


def collect(client: Client, start: list[str]) -> tuple[set[str], dict[str, dict[str, str]]]:
    """The pages a visitor reaches by following links, and the forms on them."""
    queue, seen, forms = deque(start), set(), {}
    while queue and len(seen) < PAGES_PER_VISITOR:
        url = queue.popleft()
        if url in seen or url.startswith(LEAVE_ALONE):
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if "Location" in response:
            queue.append(response["Location"])
        if response.get("Content-Type", "").startswith("text/html"):
            page = Page()
            page.feed(response.content.decode())
            queue.extend(page.links)
            for action, fields in page.forms:
                if not (action or url).startswith(LEAVE_ALONE):
                    forms.setdefault(action or url, fields)
    return seen, forms


def with_ids_that_name_nothing(url: str) -> list[str]:
    return [re.sub(r"/\d+/", f"/{no_id}/", url, count=1) for no_id in NO_SUCH_IDS]


@pytest.fixture
def invitation_links(site):  # noqa: F811
    """An open invitation, a used one, an expired one, and one from a consultant who has
    since lost the role."""
    ida = make_consultant("ida@example.com", "Ida")
    links = []
    for state in ("open", "used", "expired"):
        invitation, token = Invitation.issue(ida, "client@example.com")
        links.append(f"/invitations/{token}/")
        if state == "used":
            invitation.accepted_at = timezone.now()
        if state == "expired":
            invitation.expires_at = timezone.now() - timedelta(days=1)
        invitation.save()
    left, token = Invitation.issue(make_consultant("len@example.com", "Len"), "c@example.com")
    left.consultant.consultant.delete()
    return [*links, f"/invitations/{token}/"]


def test_no_replayed_url_is_a_server_error(site, invitation_links):  # noqa: F811
    clients, objects = site
    for client in clients.values():
        client.raise_request_exception = False
    # Where each visitor starts: the site's own entry points and every id-taking URL of
    # the access table, then whatever their pages link to.
    start = START + [url_for(name, objects) for name in sorted(TABLE)] + invitation_links
    pages: set[str] = set(start)
    forms: dict[str, dict[str, str]] = {link: {"business": "1"} for link in invitation_links}
    for client in clients.values():
        seen, found = collect(client, start)
        pages |= seen
        forms.update(found)

    errors = []
    for url in sorted(pages | forms.keys()):
        for replayed in [url, *with_ids_that_name_nothing(url)]:
            for role in ROLES:
                get = clients[role].get(replayed)
                post = clients[role].post(replayed, forms.get(url, {}))
                errors += [
                    f"{role} {method} {replayed}: {response.status_code}"
                    for method, response in (("GET", get), ("POST", post))
                    if response.status_code >= 500
                ]
    assert errors == []
