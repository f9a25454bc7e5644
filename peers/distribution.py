"""A distribution of scores 0-100 kept as counts per score, and the coarse positions read
from it. Pure functions: no database."""

from __future__ import annotations

SCORES = 101  # 0 to 100

# A position in quarters, lowest first, as a sentence reads it: "Sustainability: better
# than most shops of your size".
QUARTERS = ("behind most", "in the bottom half of", "in the top half of", "better than most")


def empty() -> list[int]:
    return [0] * SCORES


def share_below(tally: list[int], score: int) -> float:
    """The share of the distribution below the score, ties counted half (a mid-rank)."""
    below, tied = sum(tally[:score]), tally[score]
    return (below + tied / 2) / sum(tally)


def quarter(tally: list[int], score: int) -> int:
    """0 (the bottom quarter) to 3 (the top quarter)."""
    return min(3, int(share_below(tally, score) * 4))


def score_at(tally: list[int], share: float) -> int:
    """The lowest score that at least this share of the distribution reaches or falls
    below: share 0.5 gives the median (nearest rank)."""
    needed, seen = share * sum(tally), 0
    for score, count in enumerate(tally):
        seen += count
        if count and seen >= needed:
            return score
    raise ValueError("an empty distribution has no scores")


def middle_half(tally: list[int]) -> tuple[int, int, int]:
    """The scores at a quarter, a half and three quarters of the way up."""
    return score_at(tally, 0.25), score_at(tally, 0.5), score_at(tally, 0.75)


def quarter_ranges(tally: list[int]) -> list[tuple[int, int] | None]:
    """For each quarter, lowest first, the scores placed in it (None if none is)."""
    ranges: list[tuple[int, int] | None] = [None] * 4
    for score in range(SCORES):
        placed = quarter(tally, score)
        low = ranges[placed][0] if ranges[placed] else score  # type: ignore[index]
        ranges[placed] = (low, score)
    return ranges


def summary(tally: list[int]) -> dict:
    """What a page needs of a distribution, worked out once when it is published: how many
    it holds, the scores of each quarter, and its middle half."""
    return {"count": sum(tally), "quarters": quarter_ranges(tally), "middle": middle_half(tally)}


def quarter_of(published: dict, score: int) -> int:
    """The quarter a score falls in, read from a published summary."""
    for quarter, scores in enumerate(published["quarters"]):
        if scores and scores[0] <= score <= scores[1]:
            return quarter
    raise ValueError(f"score {score} outside 0-100")
