"""Check a running site the way its users reach it: log in, follow every link, fetch every
asset, and fail on any server error, missing asset or missing security header.

    python scripts/check_site.py https://audit.example.com \
        --login owner@example.com:PASSWORD --login consultant@example.com:PASSWORD \
        --admin admin@example.com:PASSWORD

Run it after every deploy (README, "Running it in production"). Only GET requests are made
after logging in, so it changes nothing. Over plain HTTP on a loopback address, add
--behind-proxy to send `X-Forwarded-Proto: https` as the TLS proxy would.
Standard library only, so it runs from any Python 3.11.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "Permissions-Policy": "camera=()",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=",
}
# Links that change something or end the session; the check only looks.
SKIP = ("logout", "/delete/", "/stop/", "/admin/r/")
MAX_PAGES_PER_LOGIN = 400


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[str] = []
        self.assets: list[str] = []
        self.csrf = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.pages.append(found["href"] or "")
        elif tag == "link" and found.get("href") and found.get("rel") in ("stylesheet", "icon"):
            self.assets.append(found["href"] or "")
        elif tag in ("img", "script") and found.get("src"):
            self.assets.append(found["src"] or "")
        elif tag == "input" and found.get("name") == "csrfmiddlewaretoken":
            self.csrf = found.get("value") or ""


class Form(HTMLParser):
    """The fields of a page's form, filled as a hurried user would: what is already there,
    else the first option offered."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        name = found.get("name", "")
        if tag == "input" and name:
            kind = found.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in found or name not in self.fields:
                    self.fields[name] = found.get("value", "on")
            elif kind not in ("submit", "button"):
                self.fields.setdefault(name, found.get("value", ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and found.get("value"):
            if "selected" in found or self._select not in self.fields:
                self.fields[self._select] = found["value"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


@dataclass
class Browser:
    base: str
    behind_proxy: bool
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, url: str, data: dict | None = None) -> tuple[int, dict, bytes]:
        headers = {"User-Agent": "check_site", "Accept": "text/html,*/*"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.behind_proxy:
            headers["X-Forwarded-Proto"] = "https"
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            origin = "https://" + urllib.parse.urlsplit(self.base).netloc
            headers.update(Origin=origin, Referer=origin + "/")
        request = urllib.request.Request(url, data=body, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        return response.status, dict(response.headers), response.read()

    def get(self, path: str, follow: int = 5) -> tuple[int, dict, bytes, str]:
        url = urllib.parse.urljoin(self.base, path)
        status, headers, body = self.request(url)
        while status in (301, 302, 303) and follow:
            url = urllib.parse.urljoin(url, headers["Location"])
            status, headers, body = self.request(url)
            follow -= 1
        return status, headers, body, url

    def log_in(self, path: str, fields: dict, email: str, password: str) -> None:
        status, _, body, url = self.get(path)
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        data = {"csrfmiddlewaretoken": parser.csrf, fields["user"]: email, "password": password}
        status, headers, _ = self.request(url, data)
        if status != 302:
            raise SystemExit(f"FAIL: could not log in as {email} at {path} (status {status})")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def same_site(base: str, link: str) -> str | None:
    url = urllib.parse.urljoin(base, link.split("#")[0])
    parts = urllib.parse.urlsplit(url)
    if parts.netloc != urllib.parse.urlsplit(base).netloc or not parts.path:
        return None
    return urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))


def crawl(browser: Browser, who: str, start: str, problems: list[str]) -> tuple[int, set[str]]:
    queue, seen, assets = deque([start]), {start}, set()
    pages = 0
    while queue and pages < MAX_PAGES_PER_LOGIN:
        path = queue.popleft()
        status, headers, body, _ = browser.get(path)
        pages += 1
        if status >= 500:
            problems.append(f"{who}: {path} answered {status}")
            continue
        kind = headers.get("Content-Type", "")
        if not kind.startswith("text/html"):
            continue
        for name, expected in SECURITY_HEADERS.items():
            if expected not in headers.get(name, ""):
                problems.append(f"{who}: {path} lacks the header {name}: {expected}…")
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        assets.update(filter(None, (same_site(browser.base, a) for a in parser.assets)))
        for link in filter(None, (same_site(browser.base, p) for p in parser.pages)):
            if link not in seen and not any(skip in link for skip in SKIP):
                seen.add(link)
                queue.append(link)
    return pages, assets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the site's address, e.g. https://audit.example.com")
    parser.add_argument("--login", action="append", default=[], help="EMAIL:PASSWORD")
    parser.add_argument("--admin", action="append", default=[], help="EMAIL:PASSWORD (staff)")
    parser.add_argument("--behind-proxy", action="store_true")
    args = parser.parse_args()
    base = args.base.rstrip("/") + "/"

    problems: list[str] = []
    assets: set[str] = set()
    visits = [("visitor", None, None, None)]
    visits += [(who, "/accounts/login/", {"user": "login"}, "/") for who in args.login]
    # Administrators log in through the same page (the admin's own login redirects there).
    visits += [(who, "/accounts/login/", {"user": "login"}, "/admin/") for who in args.admin]
    for who, login_path, fields, start in visits:
        browser = Browser(base, args.behind_proxy)
        name = who.split(":")[0]
        if login_path:
            email, password = who.split(":", 1)
            browser.log_in(login_path, fields, email, password)
        pages, found = crawl(browser, name, start or "/", problems)
        assets |= found
        print(f"{name}: {pages} pages")
    browser = Browser(base, args.behind_proxy)
    for asset in sorted(assets):
        status, _, body, _ = browser.get(asset)
        if status != 200 or not body:
            problems.append(f"asset {asset} answered {status}")
    print(f"{len(assets)} assets")
    for problem in problems:
        print("FAIL:", problem)
    print("OK: no server error, missing asset or missing header" if not problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
