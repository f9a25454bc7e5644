"""Worked examples: archetypal businesses and the verdict an honest adviser would give them.

Pure scoring against the shipped content file: no database."""

import pytest

from questionnaire.content import read_content_file
from questionnaire.explain import Effect
from questionnaire.rubric import Rubric
from questionnaire.scoring import score

RUBRIC = Rubric.from_content(read_content_file())

CAFE = {  # a consumer café; a named person posts daily and answers customers
    "customers": ["clear"],
    "customer_value": ["distinctive"],
    "social_experience": ["conversation"],
    "pathway": ["rapport", "recommend", "support"],
    "networks": ["instagram", "facebook"],
    "who_develops": ["named_person"],
    "sustained": ["routine"],
    "growth": ["earned"],
    "success": ["business_goals"],
}
ENGINEERING = {  # sells to businesses; thought leadership on one professional network
    "customers": ["clear"],
    "customer_value": ["distinctive"],
    "social_experience": ["useful"],
    "pathway": ["rapport", "understand", "demonstrate"],
    "networks": ["linkedin"],
    "who_develops": ["named_person"],
    "sustained": ["routine"],
    "growth": ["invite"],
    "success": ["business_goals"],
}
EVERYWHERE = {  # "be on every network", nobody to do it and no time
    "customers": ["general"],
    "customer_value": ["reliable"],
    "social_experience": ["offers"],
    "pathway": ["close"],
    "networks": ["everywhere"],
    "who_develops": ["nobody"],
    "sustained": ["no_time"],
    "growth": ["hope"],
    "success": ["vanity"],
}
NO_MEASURES = {**CAFE, "success": ["gut_feel"]}  # good intentions, no success measures
DONT_KNOW = {question.key: ["dont_know"] for question in RUBRIC.questions}


def effects(result, dimension):
    return [reason.effect for reason in result.dimension(dimension).reasons]


def test_cafe_with_a_named_person_is_ready_for_consumers():
    result = score(RUBRIC, CAFE, "consumers")
    assert result.verdict.fit == "b2c_led"
    assert result.verdict.b2c.band == "advanced"
    assert result.verdict.b2c.score > result.verdict.b2b.score  # B2B asks more of the same answers
    assert "consumers (B2C)" in result.summary
    assert all(effect == Effect.STRENGTH for effect in effects(result, "sustainability"))
    assert result.stages == ("Build rapport", "Recommend", "Support customers")
    assert result.gaps == ()


def test_engineering_firm_on_linkedin_is_b2b_led():
    result = score(RUBRIC, ENGINEERING, "businesses")
    assert result.verdict.fit == "b2b_led"
    assert result.verdict.b2b.band in ("ready", "advanced")
    assert result.verdict.scores["network_fit"] >= 70  # LinkedIn fits business buyers
    assert "business buyers (B2B)" in result.summary


def test_the_same_networks_do_not_fit_a_consumer_audience():
    as_consumer = score(RUBRIC, ENGINEERING, "consumers")
    as_b2b = score(RUBRIC, ENGINEERING, "businesses")
    assert as_consumer.verdict.scores["network_fit"] < as_b2b.verdict.scores["network_fit"]
    reasons = [r.text for r in as_consumer.dimension("network_fit").reasons]
    assert "LinkedIn is little used by consumers." in reasons


def test_everywhere_with_no_people_or_time_is_not_yet():
    result = score(RUBRIC, EVERYWHERE, "consumers")
    assert result.verdict.fit == "not_yet"
    assert result.verdict.b2c.band == result.verdict.b2b.band == "not_yet"
    assert result.summary.startswith("Not yet: fix the foundations first")
    assert "people and time" in result.summary
    assert result.verdict.scores["sustainability"] <= 30
    assert Effect.LIMIT in effects(result, "sustainability")
    assert Effect.LIMIT in effects(result, "value")  # nothing listens or converses
    # The top action is to name someone and find the time, tied to that answer.
    top = result.actions[0]
    assert top.question_key in ("who_develops", "sustained") and top.gain > 0
    assert "Name an owner" in " ".join(a.text for a in result.actions[:2])


def test_good_intentions_without_success_measures_stop_short_of_ready():
    result = score(RUBRIC, NO_MEASURES, "consumers")
    assert result.verdict.b2c.band == "foundations"
    assert "Success measures" in result.verdict.b2c.limited_by
    assert result.verdict.scores["success"] < 35
    assert "measure success" in result.summary
    assert result.actions[0].question_key == "success"
    assert effects(result, "success") == [Effect.WEAKNESS]


def test_dont_know_throughout_is_not_yet_with_every_gap_named():
    result = score(RUBRIC, DONT_KNOW, "both")
    assert result.verdict.fit == "not_yet"
    assert result.verdict.b2c.score == result.verdict.b2b.score == 0
    assert set(result.gaps) == {q.key for q in RUBRIC.questions}
    for dimension in result.dimensions:
        assert Effect.GAP in [r.effect for r in dimension.reasons]
    assert len(result.actions) == 9  # one way to find out, per question


@pytest.mark.parametrize("sells_to", ["consumers", "businesses", "both"])
def test_b2b_readiness_needs_more_value_than_b2c(sells_to):
    modest_value = {**CAFE, "customer_value": ["reliable"], "social_experience": ["offers"]}
    result = score(RUBRIC, modest_value, sells_to)
    assert result.verdict.b2b.score < result.verdict.b2c.score


def test_a_broadcast_only_plan_scores_low_on_value_and_network_fit():
    broadcast = {
        **CAFE,
        "social_experience": ["offers"],
        "pathway": ["close"],
        "growth": ["paid"],
    }
    result = score(RUBRIC, broadcast, "consumers")
    assert result.verdict.scores["value"] <= 35
    assert result.verdict.scores["network_fit"] <= 35
    assert any("only pushes messages out" in r.text for r in result.dimension("value").reasons)


def test_seller_to_both_who_is_strong_everywhere_fits_both():
    result = score(RUBRIC, {**ENGINEERING, "networks": ["youtube"]}, "both")
    assert result.verdict.fit == "both"
    assert result.verdict.b2c.band in ("ready", "advanced")
    assert result.verdict.b2b.band in ("ready", "advanced")
