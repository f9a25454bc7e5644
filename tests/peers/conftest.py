"""Businesses with audits whose stored figures are set by hand, so that every statistic can
be checked against numbers worked out on paper."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.utils import timezone

from peers import counting
from questionnaire.models import Audit, Business, Dimension, Edition

_numbers = count(1)
DIMENSIONS = [d.value for d in Dimension]


def band(score: int | None) -> str:
    """The content's bands: not yet below 40, foundations below 60, ready below 80."""
    if score is None:
        return ""
    return ["not_yet", "not_yet", "foundations", "ready", "advanced"][min(4, score // 20)]


def scored_business(
    edition: Edition,
    b2c: int | None = 50,
    b2b: int | None = None,
    dimensions: int | dict = 50,
    sector: str = "hospitality",
    size: str = "micro",
    days_ago: int = 10,
    name: str = "",
    status: str = Audit.Status.SUBMITTED,
    count_it: bool = True,
) -> Business:
    """A business with one audit carrying these figures, counted in the statistics."""
    number = next(_numbers)
    owner = get_user_model().objects.create(username=f"peer{number}", email=f"p{number}@x.test")
    sells_to = {(True, False): "consumers", (False, True): "businesses"}.get(
        (b2c is not None, b2b is not None), "both"
    )
    business = Business.objects.create(
        owner=owner, name=name or f"Peer {number}", sector=sector, size=size, sells_to=sells_to
    )
    add_audit(business, edition, b2c, b2b, dimensions, days_ago, status, count_it)
    return business


def add_audit(
    business: Business,
    edition: Edition,
    b2c: int | None = 50,
    b2b: int | None = None,
    dimensions: int | dict = 50,
    days_ago: int = 10,
    status: str = Audit.Status.SUBMITTED,
    count_it: bool = True,
) -> Audit:
    scores = dimensions if isinstance(dimensions, dict) else dict.fromkeys(DIMENSIONS, dimensions)
    when = timezone.now() - timedelta(days=days_ago)
    previous = business.audits.submitted().order_by("-submitted_at").first()
    audit = Audit.objects.create(
        business=business,
        edition=edition,
        status=status,
        profile=business.profile(),
        submitted_at=None if status == Audit.Status.DRAFT else when,
        b2c_readiness=b2c,
        b2c_band=band(b2c),
        b2b_readiness=b2b,
        b2b_band=band(b2b),
        dimension_scores=scores,
        weakest_dimension=min(scores, key=lambda d: scores[d]),
        previous=previous if status != Audit.Status.DRAFT else None,
    )
    if count_it:
        counting.recount(business.pk, edition.pk)
    return audit
