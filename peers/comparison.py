"""Where an audit stands against its peers, as the results page and the PDF show it.

Privacy first:
- a cohort is used only when it holds at least MIN_OTHERS other businesses; otherwise the
  comparison falls back to the sector at any size, then to every business, and says so;
- positions are quarters ("better than most"), never ranks or percentiles;
- the figures come from a cohort's last publication (peers.models.PeerGroup), which moves
  only after several businesses' changes, so no page ever differs by one audit alone;
- drafts never count, nor a market the business does not sell to.
"""

from __future__ import annotations

from dataclasses import dataclass

from peers import distribution
from peers.counting import cohorts_of
from peers.models import ANY, PeerGroup
from questionnaire.history import READINESS_LABELS
from questionnaire.models import Audit, Dimension
from questionnaire.profile import Sector, Size

MIN_OTHERS = 10
# The published count is taken to include the business itself, so a cohort is used only
# when it surely holds MIN_OTHERS others.
MIN_COUNTED = MIN_OTHERS + 1

PEERS_IN_SECTOR = {
    Sector.RETAIL: "shops and retailers",
    Sector.HOSPITALITY: "cafés, restaurants and venues",
    Sector.FOOD_DRINK: "food and drink producers",
    Sector.HEALTH_BEAUTY: "health, beauty and fitness businesses",
    Sector.PET_PERSONAL: "pet-care and personal-service businesses",
    Sector.TRADES: "trades and home-service businesses",
    Sector.ARCHITECTURE: "architecture, interiors and property firms",
    Sector.PROFESSIONAL: "professional-service firms",
    Sector.FACILITIES: "facilities and commercial-service firms",
    Sector.MANUFACTURING: "manufacturers and engineering firms",
    Sector.TECHNOLOGY: "software and technology firms",
    Sector.CREATIVE: "creative, media and events businesses",
    Sector.CHARITY: "charities and community groups",
    Sector.OTHER: "businesses outside the listed sectors",
}
OF_SIZE = {
    Size.SOLO: "run by one person",
    Size.MICRO: "of 2 to 9 people",
    Size.SMALL: "of 10 to 49 people",
    Size.MEDIUM: "of 50 to 249 people",
}
EVERYONE = "businesses on the site"
SELLING_TO = {"b2c": "consumers", "b2b": "other businesses"}


@dataclass(frozen=True)
class Cohort:
    sector: str
    size: str
    count: int  # businesses in its last publication

    @property
    def peers(self) -> str:
        """As a position names it: "better than most cafés, restaurants and venues of your size"."""
        if self.sector == ANY:
            return EVERYONE
        return PEERS_IN_SECTOR[Sector(self.sector)] + (" of your size" if self.size else "")

    @property
    def described(self) -> str:
        """In full, with the size band spelled out: "the 16 cafés, restaurants and venues of
        2 to 9 people" (the count may include the business compared)."""
        if self.sector == ANY:
            return f"all {self.count} {EVERYONE}"
        sector = PEERS_IN_SECTOR[Sector(self.sector)]
        size = OF_SIZE[Size(self.size)] if self.size else "of any size"
        return f"the {self.count} {sector} {size}"


@dataclass(frozen=True)
class Position:
    label: str  # "Readiness for consumers", "Sustainability"
    quarter: int  # 0 (behind most) to 3 (better than most)
    cohort: Cohort
    among: str = ""  # a readiness is compared only among those selling to that market

    @property
    def words(self) -> str:
        return f"{distribution.QUARTERS[self.quarter]} {self.cohort.peers}{self.among}"


@dataclass(frozen=True)
class PeerComparison:
    readiness: tuple[Position, ...]  # the markets the business sells to that can be compared
    dimensions: tuple[Position, ...]  # all five, or none
    # dimension -> the scores at a quarter, half and three quarters of its cohort, for the chart
    middles: dict[str, tuple[int, int, int]]
    narrowed: str  # why a broader cohort than the business's own is used; "" if it is not

    @property
    def cohorts(self) -> list[Cohort]:
        """Each cohort used, once, in the order the page names them."""
        return list(dict.fromkeys(p.cohort for p in (*self.readiness, *self.dimensions)))

    @property
    def is_empty(self) -> bool:
        return not self.readiness and not self.dimensions


def published_figures(edition_id: int, keys: list[tuple[str, str]]) -> dict:
    """(sector, size) -> the published figures of those cohorts of the edition: one query
    (for the few groups of those sectors and sizes; those that are not cohorts of the
    business are left out here)."""
    sectors, sizes = {sector for sector, _ in keys}, {size for _, size in keys}
    groups = PeerGroup.objects.filter(edition_id=edition_id, sector__in=sectors, size__in=sizes)
    rows = groups.values_list("sector", "size", "published")
    return {(sector, size): published for sector, size, published in rows if (sector, size) in keys}


def compare(audit: Audit) -> PeerComparison:
    """The audit placed against its peers (from the cohorts' last publication)."""
    profile = audit.answered_profile()
    keys = cohorts_of(profile["sector"], profile["size"])
    published = published_figures(audit.edition_id, keys)
    readiness = _readiness(audit, keys, published)
    dimensions, middles = _dimensions(audit, keys, published)
    narrowed = _why_broader(keys[0], [*readiness, *dimensions])
    return PeerComparison(tuple(readiness), tuple(dimensions), middles, narrowed)


def _readiness(audit: Audit, keys, published) -> list[Position]:
    """Each market the business sells to, among the peers that sell to it too."""
    positions = []
    for market, score in (("b2c", audit.b2c_readiness), ("b2b", audit.b2b_readiness)):
        cohort = _cohort_for(market, keys, published)
        if score is not None and cohort:
            figures = published[(cohort.sector, cohort.size)][market]
            quarter = distribution.quarter_of(figures, score)
            among = f" that sell to {SELLING_TO[market]}"
            positions.append(Position(READINESS_LABELS[market], quarter, cohort, among))
    return positions


def _dimensions(audit: Audit, keys, published) -> tuple[list[Position], dict]:
    """The five dimensions, and the middle half of the peers' scores on each."""
    cohort = _cohort_for(Dimension.CUSTOMERS, keys, published)
    if cohort is None:
        return [], {}
    positions, middles = [], {}
    for dimension in Dimension:
        figures = published[(cohort.sector, cohort.size)][dimension]
        quarter = distribution.quarter_of(figures, audit.dimension_scores[dimension])
        positions.append(Position(dimension.label, quarter, cohort))
        middles[dimension.value] = tuple(figures["middle"])
    return positions, middles


def _cohort_for(measure: str, keys, published) -> Cohort | None:
    """The narrowest cohort with enough businesses scored on the measure."""
    for sector, size in keys:
        figures = published.get((sector, size), {})
        if measure in figures and figures[measure]["count"] >= MIN_COUNTED:
            # every business in the cohort has dimension scores: its size
            return Cohort(sector, size, figures[Dimension.CUSTOMERS]["count"])
    return None


def _why_broader(own: tuple[str, str], positions: list[Position]) -> str:
    if all((p.cohort.sector, p.cohort.size) == own for p in positions):
        return ""
    sector, size = PEERS_IN_SECTOR[Sector(own[0])], OF_SIZE[Size(own[1])]
    return (
        f"Where fewer than {MIN_OTHERS} other {sector} {size} can be compared, a broader group "
        "is used, so that no one business can be singled out."
    )
