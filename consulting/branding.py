"""A practice's brand as pages, PDFs and emails take it (common.branding.Brand), and which
practice's a client sees: that of the first practice their business was shared with."""

from __future__ import annotations

import base64

from django.urls import reverse

from common.branding import SITE_BRAND, Brand
from consulting.models import Practice, practice_of


def brand_of(practice: Practice | None) -> Brand:
    if practice is None:
        return SITE_BRAND
    revision = practice.updated_at.isoformat()
    logo = bytes(practice.logo)
    logo_url = ""
    if logo:
        path = reverse("consulting:practice_logo", args=[practice.slug])
        logo_url = path + "?v=" + str(int(practice.updated_at.timestamp()))
    return Brand(
        name=practice.name,
        accent=practice.accent_colour,
        logo_url=logo_url,
        logo_data_uri="data:image/png;base64," + base64.b64encode(logo).decode() if logo else "",
        footer=practice.footer_text,
        sender_name=practice.sender_name,
        reply_to=practice.reply_to,
        revision=revision,
    )


def practice_of_business(business_id: int) -> Practice | None:
    return (
        Practice.objects.filter(shares__business_id=business_id)
        .order_by("shares__created_at", "shares__pk")
        .first()
    )


def brand_for_business(business_id: int) -> Brand:
    return brand_of(practice_of_business(business_id))


# A visitor who came through a practice's start link, until they choose whether to share.
START_PRACTICE_KEY = "start_practice"


def start_link_brand(request) -> dict:
    """A context processor: the start link's practice brands every page the visitor sees
    on the way (the questions, the sign-up) until they choose whether to share with it.
    A page that names its own brand (a client's results, an invitation) keeps that one."""
    session = getattr(request, "session", None)
    slug = session.get(START_PRACTICE_KEY) if session is not None else None
    practice = Practice.objects.filter(slug=slug).first() if slug else None
    return {"brand": brand_of(practice)} if practice else {}


def brand_of_consultant(user) -> Brand:
    """The brand a consultant's invitations carry: their practice's, or the site's."""
    return brand_of(practice_of(user))
