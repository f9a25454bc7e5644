"""Peer statistics, maintained as audits are submitted: how many businesses of each cohort
scored each value, so a results page reads a comparison instead of computing one."""

from __future__ import annotations

from django.db import models

from peers import distribution
from questionnaire.models import Edition

ANY = ""  # a cohort key that matches every sector or every size
# A cohort's published figures change only after this many changes to it, so no page ever
# shows the difference one business's audit makes (see docs in peers/comparison.py).
PUBLISH_AFTER_CHANGES = 5


class PeerGroup(models.Model):
    """One cohort of one questionnaire edition: a sector and a size band, a sector at any
    size, or every business. Each business counts once, with its latest submitted audit."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    sector = models.CharField(max_length=20, blank=True)
    size = models.CharField(max_length=10, blank=True)
    # measure ("b2c", "b2b" or a dimension) -> how many businesses scored 0, 1, … 100
    tallies = models.JSONField(default=dict)
    # measure -> the tallies' summary at the last publication (distribution.summary): what
    # pages show, a few numbers each, so a page reads little and works out nothing.
    published = models.JSONField(default=dict)
    unpublished_changes = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "sector", "size"], name="one_group_each"),
        ]

    def __str__(self) -> str:
        sector, size = self.sector or "every sector", self.size or "any size"
        return f"Edition {self.edition.name}: {sector}, {size}"

    @property
    def businesses(self) -> int:
        """How many businesses its last publication counts."""
        return self.published.get("customers", {}).get("count", 0)

    def count(self, scores: dict[str, int], step: int) -> None:
        """Add (step 1) or take away (step -1) one business's scores."""
        for measure, score in scores.items():
            tally = self.tallies.setdefault(measure, distribution.empty())
            tally[score] += step

    def changed(self) -> None:
        """One business's change has been counted: publish once enough have been."""
        self.unpublished_changes += 1
        if self.unpublished_changes >= PUBLISH_AFTER_CHANGES:
            self.publish()

    def publish(self) -> None:
        self.published = {
            measure: distribution.summary(tally)
            for measure, tally in self.tallies.items()
            if sum(tally)
        }
        self.unpublished_changes = 0


class CountedAudit(models.Model):
    """Which audit a business counts with in its edition's statistics, and the scores it
    added: so a recount takes out exactly what went in. Plain ids, not foreign keys: the
    row must outlive a deleted business until its scores are taken out again."""

    business_id = models.PositiveIntegerField()
    edition_id = models.PositiveIntegerField()
    audit_id = models.PositiveIntegerField()
    sector = models.CharField(max_length=20)
    size = models.CharField(max_length=10)
    scores = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["business_id", "edition_id"], name="counted_once"),
        ]

    def __str__(self) -> str:
        return f"Business {self.business_id} counts with audit {self.audit_id}"
