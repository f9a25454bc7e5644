"""The consultant's dashboard: every client audit, filtered, searched and sorted in the
database (a fixed number of queries, whatever the number of audits)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet, Window

from common.text import CleanText
from consulting.models import Share
from questionnaire.models import Audit, AuditQuerySet, Band, Business, Dimension
from questionnaire.profile import Sector

# Sortable columns: the name in the URL -> (the column heading, the database ordering). Each
# ordering is served by an index on PostgreSQL (questionnaire/migrations/0008), ties broken
# by the audit's id, so a page costs the same at 100,000 audits as at 1,000.
SORTS = {
    "business": ("Business", ("business__name",)),
    "sector": ("Sector", ("business__sector", "business__name")),
    "status": ("Status", ("status",)),
    "submitted": ("Submitted", ("submitted_at",)),
    "b2c": ("B2C readiness", ("b2c_readiness",)),
    "b2b": ("B2B readiness", ("b2b_readiness",)),
}
# Drafts have no date or scores yet: they sort last either way, on every database.
SORTS_WITH_BLANKS = {"submitted", "b2c", "b2b"}
DEFAULT_SORT = "-submitted"


NOT_ASSESSED = "none"  # the band filter's value for a market the business does not sell to


def _blank(choices) -> list:
    return [("", "Any"), *choices]


def _bands() -> list:
    return [*_blank(Band.choices), (NOT_ASSESSED, "Not assessed")]


MOVED = {"up": "Improved", "down": "Fell back"}  # since the client's previous audit
MARKETS = ("b2c", "b2b")


def _readiness_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=100)


class DashboardFilters(CleanText, forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=100, help_text="Business name or owner email"
    )
    status = forms.ChoiceField(required=False, choices=_blank(Audit.Status.choices))
    b2c_band = forms.ChoiceField(label="B2C band", required=False, choices=_bands())
    b2b_band = forms.ChoiceField(label="B2B band", required=False, choices=_bands())
    sector = forms.ChoiceField(required=False, choices=_blank(Sector.choices))
    submitted_from = forms.DateField(
        label="Submitted from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    submitted_to = forms.DateField(
        label="Submitted to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    # The portfolio's figures link here with these (consulting/portfolio.py).
    latest = forms.BooleanField(label="Each client's latest audit only", required=False)
    weakest = forms.ChoiceField(
        label="Weakest dimension", required=False, choices=_blank(Dimension.choices)
    )
    moved = forms.ChoiceField(
        label="Since their previous audit", required=False, choices=_blank(MOVED.items())
    )
    b2c_from = _readiness_field("B2C readiness from")
    b2c_to = _readiness_field("B2C readiness to")
    b2b_from = _readiness_field("B2B readiness from")
    b2b_to = _readiness_field("B2B readiness to")
    edition = forms.CharField(
        label="Questionnaire edition", required=False, max_length=40, help_text="e.g. 2026.5"
    )
    sort = forms.ChoiceField(
        required=False, choices=[(prefix + key, key) for key in SORTS for prefix in ("", "-")]
    )

    MORE = ("latest", "weakest", "moved", "b2c_from", "b2c_to", "b2b_from", "b2b_to", "edition")

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("submitted_from"), data.get("submitted_to")
        if start and end and start > end:
            self.add_error("submitted_to", "The end date is before the start date.")
        for market in MARKETS:
            low, high = data.get(f"{market}_from"), data.get(f"{market}_to")
            if low is not None and high is not None and low > high:
                self.add_error(f"{market}_to", "This is below the lowest readiness asked for.")
        return data

    def more_filters_used(self) -> bool:
        """Whether to show the less common filters open."""
        return any(self.data.get(name) for name in self.MORE)


def client_audits(consultant, filters: dict) -> QuerySet[Audit]:
    """The consultant's client audits matching the (cleaned) filters, sorted."""
    audits = Audit.objects.filter(business__in=shared_businesses(consultant))
    audits = audits.select_related("business__owner")
    if filters.get("status"):
        audits = audits.filter(status=filters["status"])
    for field in ("b2c_band", "b2b_band"):
        if filters.get(field) == NOT_ASSESSED:
            audits = audits.submitted().filter(**{field: ""})
        elif filters.get(field):
            audits = audits.filter(**{field: filters[field]})
    if filters.get("sector"):
        audits = audits.filter(business__sector=filters["sector"])
    if filters.get("submitted_from"):
        audits = audits.filter(submitted_at__date__gte=filters["submitted_from"])
    if filters.get("submitted_to"):
        audits = audits.filter(submitted_at__date__lte=filters["submitted_to"])
    if filters.get("q"):
        audits = audits.filter(_search(filters["q"]))
    audits = _portfolio_filters(audits, filters)
    return audits.order_by(*_ordering(filters.get("sort") or DEFAULT_SORT))


def _portfolio_filters(audits: AuditQuerySet, filters: dict) -> AuditQuerySet:
    if filters.get("latest"):
        audits = audits.latest_of_each_business()
    if filters.get("weakest"):
        audits = audits.filter(weakest_dimension=filters["weakest"])
    if filters.get("moved"):
        audits = audits.filter(moved(filters["moved"]))
    for market in MARKETS:
        if filters.get(f"{market}_from") is not None:
            audits = audits.filter(**{f"{market}_readiness__gte": filters[f"{market}_from"]})
        if filters.get(f"{market}_to") is not None:
            audits = audits.filter(**{f"{market}_readiness__lte": filters[f"{market}_to"]})
    if filters.get("edition"):
        audits = audits.filter(edition__name=filters["edition"])
    return audits


def moved(direction: str) -> Q:
    """Readiness rose ("up") or fell ("down") in a market assessed in both this audit and
    the business's previous one."""
    lookup = "gt" if direction == "up" else "lt"
    return Q(**{f"b2c_readiness__{lookup}": F("previous__b2c_readiness")}) | Q(
        **{f"b2b_readiness__{lookup}": F("previous__b2b_readiness")}
    )


def shared_businesses(consultant) -> QuerySet[Share, Any]:
    """The businesses whose owners share them with this consultant, or with their practice,
    now: the same shares the access policy asks about (Share.objects.granting)."""
    return Share.objects.granting(consultant).order_by().values("business_id")


def _search(text: str) -> Q:
    """Business name or owner email containing the text. Each side is its own subquery, so
    on PostgreSQL each is answered from its trigram index (migrations/0004)."""
    by_name = Business.objects.filter(name__icontains=text).order_by().values("pk")
    owners = get_user_model().objects.filter(email__icontains=text).values("pk")
    by_owner = Business.objects.filter(owner__in=owners).order_by().values("pk")
    return Q(business__in=by_name.union(by_owner))


def page_of(audits: QuerySet[Audit], filters: dict, number, per_page: int) -> Page:
    """One page of the audits. A search finds all its matches to sort them anyway, so it
    counts them in the same query; a plain list counts apart and reads its page from an index."""
    paginator_class = SearchPaginator if filters.get("q") else TwoEndedPaginator
    return paginator_class(audits, per_page).get_page(number)


class SearchPaginator(Paginator):
    """The page's rows carry the number of matches (a window count), so the matches are found
    once, not once for the page and again for a COUNT query."""

    def get_page(self, number):
        try:
            number = max(1, int(number))
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        counted = cast(QuerySet, self.object_list).annotate(matches=Window(Count("pk")))
        rows = list(counted[bottom : bottom + self.per_page])
        if not rows:  # no match, or past the last page: count, and show the last page
            return super().get_page(number)
        self.count = rows[0].matches
        return Page(rows, number, self)


class TwoEndedPaginator(Paginator):
    """Pages past the middle are read from the far end (reversed order, a small offset), so
    the last page of 100,000 audits costs what the first does."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if bottom <= self.count // 2:
            return super().page(number)
        audits = cast(QuerySet, self.object_list)
        from_end = audits.reverse()[self.count - top : self.count - bottom]
        return Page(list(from_end)[::-1], number, self)


def _ordering(sort: str) -> list:
    key = sort.lstrip("-")  # one of SORTS: the filter form accepts nothing else
    column, *ties = [F(name) for name in (*SORTS[key][1], "pk")]
    blanks_last = True if key in SORTS_WITH_BLANKS else None
    if sort.startswith("-"):
        return [column.desc(nulls_last=blanks_last), *(tie.desc() for tie in ties)]
    return [column.asc(nulls_last=blanks_last), *(tie.asc() for tie in ties)]
