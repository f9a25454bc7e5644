"""The strategy summary as a PDF: rendered once per set of inputs, then served from storage.

A report is stored under a fingerprint of everything that goes into it (the submitted
answers, the profile, the questionnaire edition, the consultant's recommendations and score
overrides, the peer comparison, and the code and templates that turn them into a page), so
a repeat download costs a few queries, and any change to those inputs renders a new file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.text import slugify
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from common.branding import Brand
from consulting.branding import brand_for_business
from peers.comparison import PeerComparison, compare
from questionnaire.models import Audit
from reports.fetcher import BASE_URL, StaticOnlyURLFetcher
from reports.report import report_context

STORAGE_DIR = "reports"
STYLESHEET_URL = BASE_URL + "static/css/report-pdf.css"
# What a report depends on besides its data: the code, templates and styles of the site. Every
# file of these is hashed (once per process), so no list can go stale as the code grows.
REPORT_SOURCES = ("auditsite", "questionnaire", "reports", "consulting", "peers", "templates")
REPORT_STYLES = "static/css"
SOURCE_SUFFIXES = {".py", ".html", ".svg", ".txt", ".toml", ".css"}


@dataclass(frozen=True)
class StoredReport:
    name: str  # path in the default storage
    fingerprint: str  # also the ETag
    filename: str  # what the download is called
    comparison: PeerComparison  # where it stands against its peers, as the report shows
    brand: Brand  # whose name, logo and colour it carries


def source_files() -> list[Path]:
    base = Path(settings.BASE_DIR)
    folders = [base / name for name in (*REPORT_SOURCES, REPORT_STYLES)]
    found = [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in SOURCE_SUFFIXES and "migrations" not in path.parts
    ]
    return sorted(found)


@cache
def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for path in source_files():
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(audit: Audit, comparison: PeerComparison, brand: Brand) -> str:
    """Of a submitted audit: its answers are frozen from the moment it is submitted (the
    flow refuses a late answer, the admin shows them read-only), so the submission time
    stands for them; so are the previous audit's, which the movement line shows."""
    inputs = {
        "audit": audit.pk,
        "edition": audit.edition_id,
        "submitted_at": audit.submitted_at.isoformat() if audit.submitted_at else None,
        "reviewed_by": audit.reviewed_by_id,  # the cover's "prepared by"
        "profile": audit.answered_profile(),
        "previous": audit.previous_id,
        "peers": asdict(comparison),
        # the consultant's recommendations and score overrides, counted on the audit
        "review": audit.review_revision,
        "brand": brand.revision,  # the practice's brand, as last saved
        "code": _code_fingerprint(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


def download_filename(audit: Audit) -> str:
    name = slugify(audit.answered_profile()["name"]) or "business"
    return f"{name}-social-media-audit-{audit.submitted_at:%Y-%m-%d}.pdf"


@cache
def _print_setup() -> tuple[FontConfiguration, CSS]:
    """One font configuration and one parsed stylesheet per process. WeasyPrint registers
    the stylesheet's @font-face fonts with the configuration it is given; a fresh one for
    every render (its default) costs time and leaks a little memory each time."""
    fonts = FontConfiguration()
    stylesheet = CSS(url=STYLESHEET_URL, font_config=fonts, url_fetcher=StaticOnlyURLFetcher())
    return fonts, stylesheet


def render_pdf(audit: Audit, report: StoredReport | None = None) -> bytes:
    report = report or report_for(audit)
    context = report_context(audit, report.comparison, report.brand)
    html = render_to_string("reports/report_pdf.html", context)
    fonts, stylesheet = _print_setup()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher())
    # Tagged (headings, lists, tables and reading order for screen readers); the language
    # comes from the template's <html lang>.
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts, pdf_tags=True)


def report_for(audit: Audit) -> StoredReport:
    """Where the PDF of the audit as it stands now is (or will be) stored; nothing rendered."""
    comparison = compare(audit)
    brand = brand_for_business(audit.business_id)
    key = fingerprint(audit, comparison, brand)
    name = f"{STORAGE_DIR}/{audit.pk}/{key}.pdf"
    return StoredReport(name, key, download_filename(audit), comparison, brand)


def ensure_rendered(audit: Audit, report: StoredReport) -> None:
    """Render the report into storage unless these inputs have been rendered already.

    Renders once per fingerprint however many workers and downloads ask at the same time:
    each takes the audit's row lock first, so one that waits finds the file stored when it
    gets the lock. (SQLite, for local use only, has no row locks: there two at once may both
    render the same file.)"""
    if default_storage.exists(report.name):
        return
    with transaction.atomic():
        Audit.objects.select_for_update().values("pk").get(pk=audit.pk)
        if not default_storage.exists(report.name):
            default_storage.save(report.name, ContentFile(render_pdf(audit, report)))
            remove_stored(audit.pk, keep=report.name)


def remove_stored(audit_id: int, keep: str = "") -> None:
    """Every stored PDF of the audit but `keep` (all of them once the audit is deleted)."""
    folder = f"{STORAGE_DIR}/{audit_id}"
    try:
        names = default_storage.listdir(folder)[1]
    except FileNotFoundError:  # never rendered, on local disk
        return
    for name in names:
        if name.endswith(".pdf") and f"{folder}/{name}" != keep:  # not another's file mid-write
            default_storage.delete(f"{folder}/{name}")
