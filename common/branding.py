"""Whose brand a client sees: the site's own, or that of the practice their business is
shared with (consulting.branding makes a practice's). Pages, PDFs and emails take a `Brand`
and never ask where it came from, so the layers below consulting can send a branded email
through `brand_for_business`, which asks the lookup named in settings.BRAND_LOOKUP."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

SITE_NAME = "Social audit"
SITE_ACCENT = "#1f4e5f"  # as static/css/site.css and report-pdf.css
# WCAG 2 level AA for normal text: the accent carries white text (headers, buttons) and is
# itself the colour of headings on white, so it must contrast with white this much.
AA_CONTRAST = 4.5


@dataclass(frozen=True)
class Brand:
    name: str = SITE_NAME
    accent: str = SITE_ACCENT
    logo_url: str = ""  # on the site, for its pages (logo_link in emails)
    logo_data_uri: str = ""  # for the PDF, which loads nothing from the network
    footer: str = ""
    sender_name: str = ""
    reply_to: str = ""
    revision: str = ""  # changes whenever the brand does: part of a report's fingerprint

    @property
    def logo_link(self) -> str:
        """The logo's address for an email, on the site's one configured address."""
        return settings.SITE_URL.rstrip("/") + self.logo_url if self.logo_url else ""

    @property
    def is_site(self) -> bool:
        return not self.revision  # a practice's brand always has one


SITE_BRAND = Brand()


def brand_for_business(business_id: int) -> Brand:
    return import_string(settings.BRAND_LOOKUP)(business_id)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2's relative luminance of a colour written #rrggbb."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(hex_colour: str) -> float:
    """WCAG 2's contrast ratio of the colour against white: 1 (white) to 21 (black)."""
    return 1.05 / (relative_luminance(hex_colour) + 0.05)
