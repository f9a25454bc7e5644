"""Who will review a business's audits, as its owner's results page names them. Read on
every view of a results page, so kept in the shared cache (Redis in production) and cleared
whenever a share, a consultant's role or name, or their email changes."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache

from consulting.models import Share

KEEP_SECONDS = 24 * 60 * 60  # a safety net: every change that matters clears it at once


def _key(business_id: int) -> str:
    return f"reviewers:{business_id}"


def reviewer_names(business_id: int) -> list[str]:
    names = cache.get(_key(business_id))
    if names is None:
        shares = Share.objects.live().filter(business_id=business_id).order_by("created_at")
        pairs = shares.values_list("consultant__consultant__display_name", "consultant__email")
        names = [display_name or email for display_name, email in pairs]  # as consultant_name
        cache.set(_key(business_id), names, KEEP_SECONDS)
    return names


def forget(business_ids: Iterable[int]) -> None:
    cache.delete_many([_key(business_id) for business_id in business_ids])


def forget_share(sender, instance, **kwargs) -> None:
    forget([instance.business_id])


def forget_consultant(sender, instance, **kwargs) -> None:
    """A consultant's role (its name) or account (its email) changed: every business they see."""
    user_id = getattr(instance, "user_id", instance.pk)
    forget(Share.objects.filter(consultant_id=user_id).values_list("business_id", flat=True))
