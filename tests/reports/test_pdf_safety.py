"""Hostile answers cannot make WeasyPrint reach the network or the disk, or embed files."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from weasyprint import HTML

from reports.fetcher import BASE_URL, StaticOnlyURLFetcher
from tests.factories import GOOD_ANSWERS, make_audit
from tests.reports.pdf_text import pdf_reader, pdf_text
from tests.reports.test_pdf import download

PASSWD_LINES = [line for line in Path("/etc/passwd").read_text().splitlines() if line]


@pytest.fixture
def canary():
    """An HTTP server on loopback that records every request it gets."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def hostile_html(base: str) -> str:
    return (
        '<a rel="attachment" href="file:///etc/passwd">passwd</a>'
        f'<img src="{base}/img-canary">'
        f'<div style="background: url({base}/css-canary)">styled</div>'
        f"<style>@import url({base}/import-canary); body {{ background: url({base}/bg) }}</style>"
        f'<link rel="stylesheet" href="{base}/link-canary">'
        '<img src="file:///etc/passwd"><script>document.write("pwned")</script>'
        '<img src="/static/../../../../etc/passwd">'
    )


def assert_nothing_leaked(content: bytes, hits: list) -> None:
    assert hits == []
    assert pdf_reader(content).attachments == {}
    text = pdf_text(content)
    assert not any(line in text for line in PASSWD_LINES)


@pytest.mark.django_db
def test_hostile_answers_are_printed_as_text_and_fetch_nothing(owner_client, business, canary):
    base, hits = canary
    payload = hostile_html(base)
    audit = make_audit(
        business, GOOD_ANSWERS, submit=True, notes={"customers": payload, "success": payload}
    )
    _, content = download(owner_client, audit)
    assert_nothing_leaked(content, hits)
    assert '<a rel="attachment" href="file:///etc/passwd">passwd</a>' in pdf_text(content)


def test_the_fetcher_blocks_what_escaping_might_miss(canary):
    """The second wall: even raw hostile HTML rendered with the fetcher loads nothing."""
    base, hits = canary
    fetcher = StaticOnlyURLFetcher()
    content = HTML(
        string=f"<p>report</p>{hostile_html(base)}", base_url=BASE_URL, url_fetcher=fetcher
    ).write_pdf()
    assert_nothing_leaked(content, hits)
    assert any(url.startswith("file:") for url in fetcher.blocked)
    assert any(url.startswith(base) for url in fetcher.blocked)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.com/x.css",
        BASE_URL + "static/../../etc/passwd",
        BASE_URL + "static/%2e%2e/%2e%2e/etc/passwd",
        BASE_URL + "media/reports/1/x.pdf",
        BASE_URL + "static/css/not-there.css",
    ],
)
def test_the_fetcher_refuses(url):
    with pytest.raises(ValueError):
        StaticOnlyURLFetcher().fetch(url)


def test_the_fetcher_serves_the_apps_own_static_files_and_data_uris():
    fetcher = StaticOnlyURLFetcher()
    css = fetcher.fetch(BASE_URL + "static/css/report-pdf.css")
    assert b"@font-face" in css.read() and css.content_type == "text/css"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


@pytest.mark.django_db
def test_the_report_renderer_uses_the_fetcher_whatever_the_template_holds(
    business, canary, monkeypatch
):
    """The wiring of the second wall: a template that let raw HTML through still loads
    nothing, because the report's renderer hands WeasyPrint only the static-only fetcher."""
    from reports import pdf

    base, hits = canary
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    monkeypatch.setattr(pdf, "render_to_string", lambda *args, **kwargs: hostile_html(base))
    assert_nothing_leaked(pdf.render_pdf(audit), hits)
