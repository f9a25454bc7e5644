"""A consultant's clients at a glance: where they stand, what most often holds them back,
who moved, who is waiting, and how they compare as a group with every business on the site.
Every figure carries the dashboard filters that list the audits behind it.

Each client counts once, with their latest submitted audit. A fixed number of queries,
whatever the number of clients: the figures are counted in Python from one read of the
latest audits (5,000 clients are a few thousand small rows)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from consulting.dashboard import NOT_ASSESSED, shared_businesses
from peers import distribution
from peers.comparison import EVERYONE, MIN_COUNTED
from peers.models import ANY, PeerGroup
from questionnaire.history import READINESS_LABELS
from questionnaire.models import Audit, Band, Dimension, Edition

SHOWN = 5  # clients per list: the ones to act on first; the link lists the rest
LATEST = {"latest": "on"}


@dataclass(frozen=True)
class Figure:
    """A count with the dashboard filters that list what it counts."""

    label: str
    count: int
    filters: dict

    @property
    def query(self) -> str:
        return urlencode(self.filters)


@dataclass(frozen=True)
class Mover:
    audit_id: int
    name: str
    changes: list[str]  # "consumers 48 → 63"
    biggest: int  # the largest rise (or fall) of any market, in points


@dataclass(frozen=True)
class SiteStanding:
    """One market: the clients in each quarter of every business on the site."""

    label: str
    quarters: list[Figure]  # top quarter first
    clients_median: int
    site_median: int
    words: str  # the group's median placed on the site: "in the top half of …"


@dataclass
class Portfolio:
    clients: int  # businesses shared with the consultant
    audited: int  # of those, with a submitted audit
    bands: dict[str, list[Figure]] = field(default_factory=dict)  # market label -> figures
    weakest: list[Figure] = field(default_factory=list)  # most often weakest first
    improved: list[Mover] = field(default_factory=list)
    fell_back: list[Mover] = field(default_factory=list)
    waiting: list[dict] = field(default_factory=list)  # latest audits, longest waiting first
    waiting_count: int = 0
    edition: str = ""  # the name of the edition the site comparison uses
    site: list[SiteStanding] = field(default_factory=list)


LATEST_FIELDS = (
    "pk",
    "business__name",
    "status",
    "submitted_at",
    "edition_id",
    "b2c_readiness",
    "b2b_readiness",
    "b2c_band",
    "b2b_band",
    "weakest_dimension",
    "previous__b2c_readiness",
    "previous__b2b_readiness",
)


def portfolio(consultant) -> Portfolio:
    clients = shared_businesses(consultant)
    latest = list(
        Audit.objects.filter(business__in=clients).latest_of_each_business().values(*LATEST_FIELDS)
    )
    result = Portfolio(clients=clients.count(), audited=len(latest))
    result.bands = {READINESS_LABELS[m]: _band_spread(latest, m) for m in ("b2c", "b2b")}
    result.weakest = _weakest(latest)
    result.improved, result.fell_back = _movers(latest, rising=True), _movers(latest, rising=False)
    waiting = [audit for audit in latest if audit["status"] == Audit.Status.SUBMITTED]
    waiting.sort(key=lambda audit: (audit["submitted_at"], audit["pk"]))
    result.waiting_count, result.waiting = len(waiting), waiting[:SHOWN]
    _against_site(result, latest)
    return result


def _band_spread(latest: list[dict], market: str) -> list[Figure]:
    counts = Counter(audit[f"{market}_band"] or NOT_ASSESSED for audit in latest)
    bands = [*reversed(Band.choices), (NOT_ASSESSED, "Not assessed")]
    return [Figure(label, counts[key], {**LATEST, f"{market}_band": key}) for key, label in bands]


def _weakest(latest: list[dict]) -> list[Figure]:
    counts = Counter(audit["weakest_dimension"] for audit in latest if audit["weakest_dimension"])
    return [
        Figure(Dimension(key).label, count, {**LATEST, "weakest": key})
        for key, count in counts.most_common()
    ]


def _movers(latest: list[dict], rising: bool) -> list[Mover]:
    """The clients whose readiness rose (or fell) most in any market since their previous
    audit; as the dashboard's "moved" filter counts them."""
    movers = []
    for audit in latest:
        changes, steps = [], []
        for market in ("b2c", "b2b"):
            now, before = audit[f"{market}_readiness"], audit[f"previous__{market}_readiness"]
            if now is not None and before is not None:
                changes.append(f"{READINESS_LABELS[market]}: {before} → {now}")
                steps.append(now - before)
        biggest = max(steps, default=0) if rising else min(steps, default=0)
        if (biggest > 0) if rising else (biggest < 0):
            movers.append(Mover(audit["pk"], audit["business__name"], changes, biggest))
    movers.sort(key=lambda mover: (-abs(mover.biggest), mover.name))
    return movers[:SHOWN]


def _against_site(result: Portfolio, latest: list[dict]) -> None:
    """The clients on the current edition, placed on every business's published scores
    (the same privacy rules as an owner's comparison)."""
    edition = Edition.objects.current()
    if edition is None:
        return
    result.edition = edition.name
    everyone = PeerGroup.objects.filter(edition=edition, sector=ANY, size=ANY)
    published = everyone.values_list("published", flat=True).first() or {}
    for market in ("b2c", "b2b"):
        figures = published.get(market)
        scores = [
            audit[f"{market}_readiness"]
            for audit in latest
            if audit["edition_id"] == edition.pk and audit[f"{market}_readiness"] is not None
        ]
        if figures and figures["count"] >= MIN_COUNTED and scores:
            result.site.append(_standing(market, figures, scores, edition.name))


def _standing(market: str, figures: dict, scores: list[int], edition: str) -> SiteStanding:
    in_quarter = Counter(distribution.quarter_of(figures, score) for score in scores)
    quarters = []
    for quarter, scores_in in reversed(list(enumerate(figures["quarters"]))):
        if scores_in is None:
            continue
        low, high = scores_in
        filters = {**LATEST, "edition": edition, f"{market}_from": low, f"{market}_to": high}
        label = f"{distribution.QUARTERS[quarter].capitalize()} {EVERYONE} ({low}-{high})"
        quarters.append(Figure(label, in_quarter[quarter], filters))
    median = round(statistics.median(scores))
    words = f"{distribution.QUARTERS[distribution.quarter_of(figures, median)]} {EVERYONE}"
    site_median = figures["middle"][1]
    return SiteStanding(READINESS_LABELS[market], quarters, median, site_median, words)
