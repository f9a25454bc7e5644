"""The coarse positions, checked against distributions small enough to work out by hand."""

import pytest

from peers import distribution


def tally_of(*scores: int) -> list[int]:
    tally = distribution.empty()
    for score in scores:
        tally[score] += 1
    return tally


TWELVE = tally_of(10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 100)


def test_a_score_is_placed_in_its_quarter_by_the_share_below_it():
    # 12 scores: 30 has 2 below and itself (half counted): 2.5 / 12 = 0.21, the bottom quarter
    assert distribution.share_below(TWELVE, 30) == 2.5 / 12
    assert distribution.quarter(TWELVE, 30) == 0
    assert distribution.quarter(TWELVE, 40) == 1  # 3.5 / 12 = 0.29
    assert distribution.quarter(TWELVE, 70) == 2  # 6.5 / 12 = 0.54
    assert distribution.quarter(TWELVE, 95) == 3  # 9.5 / 12 = 0.79
    assert distribution.quarter(TWELVE, 0) == 0 and distribution.quarter(TWELVE, 100) == 3


def test_a_score_nobody_else_has_is_placed_between_its_neighbours():
    assert distribution.share_below(TWELVE, 55) == 5 / 12
    assert distribution.quarter(TWELVE, 55) == 1


def test_ties_count_half_so_a_crowd_on_one_score_is_the_middle():
    crowd = tally_of(*[60] * 11, 20)
    assert distribution.share_below(crowd, 60) == (1 + 5.5) / 12
    assert distribution.quarter(crowd, 60) == 2


def test_the_middle_half_is_read_at_a_quarter_a_half_and_three_quarters():
    # nearest rank: the 3rd, 6th and 9th of twelve
    assert distribution.middle_half(TWELVE) == (30, 60, 90)
    assert distribution.score_at(TWELVE, 1.0) == 100


def test_the_scores_of_each_quarter_form_ranges_that_cover_zero_to_one_hundred():
    ranges = distribution.quarter_ranges(TWELVE)
    # 31 has three below (0.25 of twelve); 61, six (0.5); 91, nine (0.75)
    assert ranges == [(0, 30), (31, 60), (61, 90), (91, 100)]
    for score in range(101):
        low, high = ranges[distribution.quarter(TWELVE, score)]
        assert low <= score <= high


def test_a_quarter_no_score_falls_in_has_no_range():
    everyone_equal = tally_of(*[50] * 12)
    assert distribution.quarter_ranges(everyone_equal) == [(0, 49), None, (50, 50), (51, 100)]


def test_a_published_summary_places_a_score_as_the_full_tally_does():
    published = distribution.summary(TWELVE)
    assert published["count"] == 12 and published["middle"] == (30, 60, 90)
    for score in range(101):
        assert distribution.quarter_of(published, score) == distribution.quarter(TWELVE, score)


def test_an_empty_distribution_has_no_middle():
    with pytest.raises(ValueError):
        distribution.middle_half(distribution.empty())
