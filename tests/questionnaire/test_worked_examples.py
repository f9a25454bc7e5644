"""Worked examples: realistic businesses and the verdict an experienced consultant would sign.

Each row names the business in words (its answers are in questionnaire/scoring/examples.py,
which also writes the calibration table in docs/scoring.md) and what the verdict must say:
the headline, which markets are scored and in which band, and the questions of the plan's
first step (none: nothing to fix), which the headline or the summary names. Pure scoring:
no database."""

import pytest

from questionnaire.scoring.examples import EXAMPLES, EXAMPLES_BY_KEY

NOTHING = ()
# key: (headline, {market: band}, the first step's questions)
EXPECTED = {
    # Posts to Instagram and Facebook with a named person, replies, counts orders; "Making
    # sales" beside rapport and recommendations costs a bakery nothing.
    "bakery": ("Yes: go ahead with consumers", {"b2c": "advanced"}, NOTHING),
    # Engineers on LinkedIn and YouTube; goals set but not reviewed: the one step.
    "valve_maker": ("Yes: go ahead with business buyers", {"b2b": "advanced"}, (9,)),
    # The founder posts in bursts: time first, for both markets alike.
    "startup": (
        "Nearly with consumers and business buyers: first set time aside for it every week",
        {"b2c": "foundations", "b2b": "foundations"},
        (7,),
    ),
    # Partner-led LinkedIn with "we'll know it when we see it": measures first.
    "accountancy": (
        "Nearly with consumers and business buyers: first count what social media brings",
        {"b2c": "foundations", "b2b": "foundations"},
        (9,),
    ),
    "wedding_photographer": ("Yes: go ahead with consumers", {"b2c": "advanced"}, NOTHING),
    # Finance directors are not on TikTok: networks, named for business buyers.
    "consultancy_on_tiktok": (
        "Nearly: first choose networks where business buyers are",
        {"b2b": "foundations"},
        (5,),
    ),
    "garden_centre": (
        "Yes: with consumers and business buyers alike",
        {"b2c": "advanced", "b2b": "advanced"},
        NOTHING,
    ),
    # A monthly article with time set aside is a routine for business buyers.
    "law_firm": ("Yes: go ahead with business buyers", {"b2b": "advanced"}, NOTHING),
    # Offers only, no replies, sales only: the conversation gate fails, one step fixes it.
    "plumber_broadcast": (
        "Not yet: first turn posting into a conversation",
        {"b2c": "not_yet"},
        (3, 4, 8),
    ),
    # "I don't know" throughout: everything is something to find out, nothing a failure.
    "dont_know": (
        "Not yet: first find out who your customers are and where they spend time online",
        {"b2c": "not_yet", "b2b": "not_yet"},
        (1, 5),
    ),
    # Every stage and every network: more than anyone keeps up.
    "everything_ticked": (
        "Nearly: first keep to the networks you can keep up",
        {"b2c": "foundations"},
        (5,),
    ),
    "strong_but_unmeasured": (
        "Nearly: first count what social media brings the business",
        {"b2c": "foundations"},
        (9,),
    ),
    "hairdresser_no_time": (
        "Nearly: first set time aside for it every week",
        {"b2c": "foundations"},
        (7,),
    ),
    "dentist_agency": ("Nearly: first name who will run it", {"b2c": "foundations"}, (6,)),
    # Broadcast only and nobody with time: two failed gates; conversation comes first.
    "florist_not_yet": (
        "Not yet: first turn posting into a conversation",
        {"b2c": "not_yet"},
        (3, 4, 8),
    ),
    "charity_volunteers": ("Nearly: first name who will run it", {"b2c": "foundations"}, (6,)),
    "fabricator_on_instagram": (
        "Nearly: first choose networks where business buyers are",
        {"b2b": "foundations"},
        (5,),
    ),
    # Much like its competitors: fine for consumers, not yet a reason for business buyers.
    "printer_both": (
        "Yes with consumers; nearly with business buyers",
        {"b2c": "advanced", "b2b": "foundations"},
        (2,),
    ),
    "hotel_spread_thin": (
        "Nearly: first keep to the networks you can keep up",
        {"b2c": "foundations"},
        (5,),
    ),
    "recruiter": ("Yes: go ahead with business buyers", {"b2b": "advanced"}, NOTHING),
    "manufacturer_spare_moments": (
        "Nearly: first name who will run it",
        {"b2b": "foundations"},
        (6,),
    ),
    # Offers and paid reach, nobody answering: two conversation facets missing.
    "restaurant_ads": (
        "Not yet: first give followers something worth their time and reply to comments",
        {"b2c": "not_yet"},
        (3, 8),
    ),
    # Project photos carry a sole trader's conversation; a monthly post is a routine.
    "landscaper_showcase": ("Yes: go ahead with consumers", {"b2c": "advanced"}, NOTHING),
    # Paid by pubs and shops, talks to drinkers: judged on reaching the public.
    "brewery_two_sided": ("Yes: go ahead with the public", {"b2b": "advanced"}, NOTHING),
    # Before launch, still finding out who will book: not a failing, a small first step.
    "dog_groomer_prelaunch": ("Yes: go ahead with consumers", {"b2c": "advanced"}, (1,)),
    # Good posts, nobody answering: never Ready until someone replies.
    "physio_no_replies": (
        "Nearly: first reply to comments and messages",
        {"b2c": "foundations"},
        (8,),
    ),
    # Much like its competitors: business buyers need a clearer reason to follow.
    "cleaning_firm_b2b": (
        "Nearly: first find what sets you apart for business buyers",
        {"b2b": "foundations"},
        (2,),
    ),
}


def test_every_worked_example_has_its_expected_verdict():
    assert set(EXPECTED) == set(EXAMPLES_BY_KEY)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.key)
def test_the_verdict_a_consultant_would_sign(rubric, example):
    headline, bands, first_questions = EXPECTED[example.key]
    result = example.result(rubric)
    assert result.headline.text.startswith(headline)
    assert {m: r.band for m, r in result.verdict.readiness.items()} == bands
    first = result.steps[0] if result.steps else None
    numbers = tuple(q.number for q in first.step.questions) if first else ()
    assert numbers == first_questions
    if first is None:
        assert result.empty_plan is not None and not result.rerun
    else:
        # The summary names the plan's first step as the next thing to work on.
        assert first.topic in result.summary_text
