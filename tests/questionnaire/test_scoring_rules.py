"""Short tests, one rule or boundary each: band edges, the focus limit, people without time,
the network threshold, tie-breaks, the figures for a business that sells to both, and audits
answered on an earlier edition. Pure scoring: no database."""

import copy

import pytest

from questionnaire import explain
from questionnaire.calibration import EXAMPLES_BY_KEY, SOUND
from questionnaire.content import complete_scoring_settings, read_content_file
from questionnaire.explain import Effect
from questionnaire.points import band_for, question_points, readiness_points
from questionnaire.rubric import Profile, Rubric
from questionnaire.scoring import Readiness, Verdict, _leading, _outcome, score

CONTENT = read_content_file()
CAFE = Profile("consumers", "hospitality", "micro")


def points(rubric, key, keys, profile=CAFE):
    question = rubric.questions_by_key[key]
    return question_points(rubric, question, {question.key: keys}, profile)


def result(rubric, profile=CAFE, **answers):
    return score(rubric, {**SOUND, **answers}, profile)


def reasons(outcome, dimension):
    return [(r.effect, r.question_number, r.text) for r in outcome.dimension(dimension).reasons]


# --- bands and readiness -------------------------------------------------------------------


@pytest.mark.parametrize(
    "score, band",
    [(0, "not_yet"), (39, "not_yet"), (40, "foundations"), (59, "foundations")]
    + [(60, "ready"), (79, "ready"), (80, "advanced"), (100, "advanced")],
)
def test_band_edges(rubric, score, band):
    assert band_for(rubric, score)["key"] == band


def test_a_weak_dimension_holds_readiness_at_59_and_says_which(rubric):
    outcome = result(rubric, success=["vanity"])  # success 30: below the floor of 40
    assert outcome.verdict.b2c.score == 59 and outcome.verdict.b2c.uncapped > 59
    assert outcome.verdict.b2c.limited_by.startswith("Success measures is below 40")


def test_a_dimension_at_the_floor_is_not_weak(rubric):
    # Customers "general" scores 60; growth "paid" brings sustainability to exactly 78.
    outcome = result(rubric, success=["goals_unreviewed"])  # success 55, above the floor
    assert outcome.verdict.b2c.limited_by == "" and outcome.verdict.b2c.score >= 60


def test_readiness_already_below_the_cap_is_left_alone(rubric):
    outcome = result(
        rubric,
        who_develops=["nobody"],
        sustained=["no_time"],
        customers=["varied"],
        success=["vanity"],
    )
    assert outcome.verdict.b2c.score == outcome.verdict.b2c.uncapped < 59
    assert outcome.verdict.b2c.limited_by == ""


def test_the_figures_for_a_business_that_sells_to_both(rubric):
    """The print shop: value 65 counts as 50 for business buyers, whose readiness is then
    held at 59 because for them value must reach 70; consumers get the plain weighted sum."""
    outcome = EXAMPLES_BY_KEY["printer_both"].result(rubric)
    scores = outcome.verdict.scores
    assert scores == {
        "customers": 100,
        "value": 65,
        "network_fit": 84,
        "sustainability": 100,
        "success": 100,
    }
    b2c = 0.20 * 100 + 0.20 * 65 + 0.20 * 84.17 + 0.25 * 100 + 0.15 * 100
    b2b = 0.15 * 100 + 0.30 * 50 + 0.15 * 84.17 + 0.25 * 100 + 0.15 * 100
    assert outcome.verdict.b2c.score == round(b2c) == 90
    assert outcome.verdict.b2b.uncapped == round(b2b) == 83
    assert outcome.verdict.b2b.score == 59
    assert outcome.verdict.b2b.limited_by.startswith("Value is below 70")
    assert outcome.verdict.b2c.limited_by == ""


def test_value_at_70_is_enough_for_business_buyers(rubric):
    firm = Profile("businesses", "professional")
    outcome = result(rubric, firm, customer_value=["believed"], networks=["linkedin"])
    assert outcome.verdict.scores["value"] == 82  # (65 + 100) / 2
    assert outcome.verdict.b2b.limited_by == ""
    below = result(rubric, firm, customer_value=["reliable"], networks=["linkedin"])  # value 72
    assert below.verdict.b2b.limited_by == ""
    weak = result(rubric, firm, customer_value=["price"], networks=["linkedin"])  # value 60
    assert weak.verdict.b2b.limited_by.startswith("Value is below 70")


# --- which market, and the outcome ----------------------------------------------------------


def readiness(model, score, uncapped=None):
    return Readiness(model, score, "", "", "", score if uncapped is None else uncapped)


def test_the_higher_market_leads():
    assert _leading({"b2c": readiness("b2c", 58), "b2b": readiness("b2b", 59)}) == "b2b"
    assert _leading({"b2c": readiness("b2c", 59), "b2b": readiness("b2b", 58)}) == "b2c"


def test_a_capped_tie_goes_to_the_market_higher_before_the_cap():
    tied = {"b2c": readiness("b2c", 59, 70), "b2b": readiness("b2b", 59, 80)}
    assert _leading(tied) == "b2b"


def test_a_dead_heat_goes_to_consumers():
    assert _leading({"b2c": readiness("b2c", 59), "b2b": readiness("b2b", 59)}) == "b2c"
    assert _leading({"b2b": readiness("b2b", 59), "b2c": readiness("b2c", 59)}) == "b2c"


@pytest.mark.parametrize(
    "score, outcome", [(100, "yes"), (60, "yes"), (59, "nearly"), (40, "nearly"), (39, "not_yet")]
)
def test_the_outcome_follows_the_leading_markets_band(rubric, score, outcome):
    assert _outcome(rubric, {"b2c": readiness("b2c", score)}, "b2c") == outcome


def test_yes_both_needs_both_markets_ready(rubric):
    both = {"b2c": readiness("b2c", 60), "b2b": readiness("b2b", 60)}
    assert _outcome(rubric, both, "b2c") == "yes_both"
    one = {"b2c": readiness("b2c", 60), "b2b": readiness("b2b", 59)}
    assert _outcome(rubric, one, "b2c") == "yes"


# --- focus: the pathway and the networks ----------------------------------------------------


def test_three_networks_are_averaged_and_a_fourth_costs_ten(rubric):
    three = ["instagram", "facebook", "google_business"]
    assert points(rubric, "networks", three) == pytest.approx((90 + 85 + 90) / 3)
    four = [*three, "whatsapp"]
    assert points(rubric, "networks", four) == pytest.approx((90 + 85 + 90 + 75) / 4 - 10)


def test_spreading_thin_never_goes_below_zero(rubric):
    assert points(rubric, "networks", ["tiktok", "linkedin", "x", "pinterest", "youtube"]) >= 0
    every = [o.key for o in rubric.questions_by_key["networks"].real_options]
    assert points(rubric, "networks", every, Profile("businesses")) == 0


def test_the_pathway_rewards_the_early_stages_over_ticking_everything(rubric):
    assert points(rubric, "pathway", ["rapport", "understand"]) == 100
    every = ["rapport", "understand", "demonstrate", "recommend", "close", "support"]
    assert points(rubric, "pathway", every) == pytest.approx(
        (100 + 100 + 70 + 85 + 40 + 90) / 6 - 30
    )
    assert points(rubric, "pathway", ["close"]) == 40


def test_dont_know_and_all_of_them_earn_nothing(rubric):
    assert points(rubric, "networks", ["dont_know"]) == 0
    assert points(rubric, "networks", ["everywhere", "instagram"]) == 0


def test_the_best_focused_answer_keeps_every_top_option_up_to_the_limit(rubric):
    assert explain._best_answer(rubric, rubric.questions_by_key["pathway"], CAFE) == (
        "rapport",
        "understand",
    )
    shop = Profile("consumers", "retail")
    assert explain._best_answer(rubric, rubric.questions_by_key["networks"], shop) == (
        "instagram",
        "google_business",
    )
    firm = Profile("businesses", "professional")
    assert explain._best_answer(rubric, rubric.questions_by_key["networks"], firm) == ("linkedin",)


def test_a_multiple_choice_question_without_a_focus_rule_adds_up_to_100(rubric):
    unfocused = copy.deepcopy(CONTENT)
    del unfocused["scoring"]["focus"]["pathway"]
    rubric = Rubric.from_content(unfocused)
    pathway = rubric.questions_by_key["pathway"]
    chosen = {"pathway": ["rapport", "close"]}
    assert question_points(rubric, pathway, chosen, CAFE) == 100
    assert question_points(rubric, pathway, {"pathway": ["close"]}, CAFE) == 40


def test_over_the_focus_limit_the_reason_and_the_advice_say_so(rubric):
    four = ["rapport", "understand", "demonstrate", "close"]
    outcome = result(rubric, pathway=four)
    assert (Effect.WEAKNESS, 4, PATHWAY_REASON.format(count=4)) in reasons(outcome, "network_fit")
    advice = next(a.text for a in outcome.actions if a.question_key == "pathway")
    assert advice.endswith(rubric.focus(rubric.questions_by_key["pathway"])["advice"])
    three = result(rubric, pathway=["rapport", "understand", "close"])
    assert not [r for r in reasons(three, "network_fit") if "stages at once" in r[2]]


PATHWAY_REASON = (
    "{count} stages at once spreads a small team thin: each one beyond 3 costs 10 points."
)


# --- networks against audience and sector ---------------------------------------------------


def test_a_network_fits_each_audience_and_sector_differently(rubric):
    facebook = rubric.questions_by_key["networks"].options_by_key["facebook"]
    assert facebook.points("consumers", "retail") == 85
    assert facebook.points("businesses", "other") == 35
    assert facebook.points("businesses", "trades") == 65
    assert facebook.points("both", "trades") == (85 + 65) / 2


def test_networks_that_miss_the_audience_hold_network_fit_at_30(rubric):
    outcome = result(rubric, Profile("businesses", "manufacturing"), networks=["facebook"])
    assert outcome.verdict.scores["network_fit"] == 30
    limit = "Taken together, the networks you chose are little used by business buyers"
    assert any(
        r[0] == Effect.LIMIT and r[2].startswith(limit) for r in reasons(outcome, "network_fit")
    )
    assert "Facebook (a page or groups) is little used by business buyers." in [
        r[2] for r in reasons(outcome, "network_fit")
    ]


def test_a_network_exactly_at_the_threshold_fits(rubric):
    outcome = result(rubric, Profile("businesses", "other"), networks=["whatsapp"])  # fit 50
    assert not [r for r in reasons(outcome, "network_fit") if r[0] == Effect.LIMIT]
    assert outcome.verdict.scores["network_fit"] == 75


def test_a_seller_to_both_is_told_when_a_network_misses_both_audiences(rubric):
    outcome = result(rubric, Profile("both", "other"), networks=["x"])  # 35 and 45
    texts = [r[2] for r in reasons(outcome, "network_fit")]
    assert "X (Twitter) is little used by either of the audiences you sell to." in texts


def test_one_fitting_network_is_not_called_a_misfit(rubric):
    outcome = result(rubric, Profile("businesses", "other"), networks=["linkedin", "instagram"])
    texts = [r[2] for r in reasons(outcome, "network_fit")]
    assert "Instagram is little used by business buyers." in texts
    assert not [t for t in texts if t.startswith("Taken together")]


# --- people and time; conversation ----------------------------------------------------------


def test_people_without_time_caps_sustainability_and_blames_question_7(rubric):
    outcome = result(rubric, sustained=["bursts"])
    assert outcome.verdict.scores["sustainability"] == 30
    limit = [r for r in reasons(outcome, "sustainability") if r[0] == Effect.LIMIT]
    assert limit == [
        (
            Effect.LIMIT,
            7,
            "Because no regular time is set aside for it, sustainability is held at 30 or "
            "below however good the rest of the plan is.",
        )
    ]
    assert outcome.actions[0].question_numbers == (7,)
    assert outcome.actions[0].topic == "set time aside for it every week"


def test_time_without_people_caps_sustainability_and_blames_question_6(rubric):
    outcome = result(rubric, who_develops=["agency_only"])
    limit = [r for r in reasons(outcome, "sustainability") if r[0] == Effect.LIMIT]
    assert [(r[1], r[2].split(",")[0]) for r in limit] == [
        (6, "Because nobody is named to run the presence")
    ]
    assert outcome.actions[0].question_numbers == (6,)


def test_people_and_time_together_lift_the_cap(rubric):
    outcome = result(rubric, who_develops=["owner_self"], sustained=["steady_monthly"])
    assert outcome.verdict.scores["sustainability"] == 93
    assert not [r for r in reasons(outcome, "sustainability") if r[0] == Effect.LIMIT]


def test_naming_someone_and_finding_time_is_one_action_with_the_whole_gain(rubric):
    outcome = result(rubric, who_develops=["nobody"], sustained=["no_time"])
    first = outcome.actions[0]
    assert first.question_numbers == (6, 7) and first.dimension == "sustainability"
    assert first.text.startswith("Name an owner before you start")
    assert "Free up two to three hours a week" in first.text
    alone = result(rubric, sustained=["no_time"]).actions[0].gain  # time alone lifts the cap too
    assert first.gain > 0 and alone > 0
    assert not [a for a in outcome.actions[1:] if {6, 7} & set(a.question_numbers)]


def test_broadcasting_alone_holds_value_and_network_fit_at_30(rubric):
    outcome = result(rubric, social_experience=["offers"], pathway=["close"], growth=["paid"])
    assert outcome.verdict.scores["value"] == 30
    assert outcome.verdict.scores["network_fit"] == 30
    assert outcome.actions[0].question_numbers == (3, 4, 8)
    assert outcome.actions[0].dimension == "value"


def test_one_conversation_is_enough_to_lift_the_broadcast_cap(rubric):
    outcome = result(rubric, social_experience=["offers"], pathway=["close"], growth=["invite"])
    assert outcome.verdict.scores["value"] > 30
    assert not [r for r in reasons(outcome, "value") if r[0] == Effect.LIMIT]
    conversation = rubric.rule("no_conversation")["next"]
    assert conversation not in [a.topic for a in outcome.actions]


def test_a_plan_without_conversation_or_broadcast_is_not_called_a_broadcaster(rubric):
    outcome = result(
        rubric, social_experience=["unsure"], pathway=["demonstrate"], growth=["dont_know"]
    )
    texts = [r[2] for r in reasons(outcome, "value")]
    assert any(t.startswith("None of your answers yet involves listening") for t in texts)
    assert not any("only pushes" in t for t in texts)
    assert not [a for a in outcome.actions if len(a.question_numbers) > 1]


# --- actions and advice --------------------------------------------------------------------


def test_a_strong_answer_gets_no_action_even_with_advice_on_an_option(rubric):
    # "Making sales" carries advice, but next to rapport and recommendations it is strong.
    outcome = result(rubric, pathway=["rapport", "recommend", "close"])
    assert not [a for a in outcome.actions if a.question_key == "pathway"]


def test_a_partial_answer_without_advice_gets_the_dimensions_advice(rubric):
    outcome = result(rubric, Profile("businesses", "professional"), networks=["linkedin", "tiktok"])
    action = next(a for a in outcome.actions if a.question_key == "networks")
    assert action.text == rubric.dimension_text("network_fit", "advice")


def test_advice_speaks_to_the_size_of_the_business(rubric):
    spare = rubric.questions_by_key["who_develops"].options_by_key["spare_moments"]
    assert spare.advice_for("solo").startswith("Decide that social media is your job")
    assert "job description" in spare.advice_for("medium")
    assert spare.advice_for("micro") == spare.advice


def test_foundation_fixes_come_before_bigger_gains(rubric):
    outcome = EXAMPLES_BY_KEY["dont_know"].result(rubric)
    assert outcome.actions[0].question_numbers == (6, 7)
    assert outcome.actions[1].gain > outcome.actions[0].gain


def test_other_actions_are_ranked_by_gain_then_question(rubric):
    outcome = result(rubric, customers=["varied"], success=["gut_feel"], customer_value=["price"])
    gains = [(-a.gain, a.question_number) for a in outcome.actions]
    assert gains == sorted(gains)


def test_a_gain_is_what_the_fix_adds_to_the_markets_the_business_serves(rubric):
    firm = Profile("businesses", "professional")
    before = result(rubric, firm, networks=["linkedin"], success=["vanity"])
    after = result(rubric, firm, networks=["linkedin"])
    assert before.actions[0].question_key == "success"
    assert before.actions[0].gain == after.verdict.b2b.score - before.verdict.b2b.score == 41


# --- the summary and the headline -----------------------------------------------------------


def verdict_with(scores, leading="b2c", outcome="yes"):
    return Verdict(scores, {leading: readiness(leading, 80)}, leading, outcome)


def test_a_tie_for_strongest_goes_to_what_counts_most_for_the_market(rubric):
    tied = dict.fromkeys(["customers", "value", "network_fit", "sustainability", "success"], 90)
    assert explain.strongest(rubric, verdict_with(tied, "b2c")) == "sustainability"
    assert explain.strongest(rubric, verdict_with(tied, "b2b")) == "value"
    tied_low_weight = {**tied, "sustainability": 80, "value": 80}
    assert explain.strongest(rubric, verdict_with(tied_low_weight, "b2c")) == "customers"


def test_summary_names_no_strength_below_70_and_one_at_70(rubric):
    low = dict.fromkeys(["customers", "value", "network_fit", "sustainability", "success"], 30)
    action = explain.Action("success", 9, "success", "Do it.", 5, "decide how to measure")
    assert explain.summary(rubric, verdict_with({**low, "customers": 69}), [action]).startswith(
        "None of the five areas is a strength yet"
    )
    at_70 = explain.summary(rubric, verdict_with({**low, "customers": 70}), [action])
    assert at_70 == (
        "Your strongest area is knowing who your customers are; "
        "the next thing to work on is to decide how to measure."
    )


def test_strong_across_the_board_says_what_next_or_what_to_keep_doing(rubric):
    strong = dict.fromkeys(["customers", "value", "network_fit", "sustainability", "success"], 70)
    action = explain.Action("networks", 5, "network_fit", "Cut back.", 3, "cut back")
    assert explain.summary(rubric, verdict_with(strong), [action]) == (
        "You are strong across the board; to go further, cut back."
    )
    keep = explain.summary(rubric, verdict_with(strong), [])
    assert keep == rubric.settings["summaries"]["keep_going"] and "three months" in keep
    one_below = {**strong, "success": 69}
    assert explain.summary(rubric, verdict_with(one_below), [action]).startswith("Your strongest")


def test_headline_without_actions_names_the_weakest_area(rubric):
    scores = {"customers": 50, "value": 20, "network_fit": 50, "sustainability": 50, "success": 20}
    headline = explain.headline(rubric, verdict_with(scores, outcome="not_yet"), [])
    assert headline == "Not yet: first give followers something worth their time"


def test_stages_are_promised_only_with_a_yes(rubric):
    chosen = ("Build rapport", "Support customers")
    yes = explain.stages_text(rubric, verdict_with({}, outcome="yes"), chosen)
    assert yes == (
        "Social media will serve these stages of winning and keeping customers: "
        "Build rapport and Support customers."
    )
    both = explain.stages_text(rubric, verdict_with({}, outcome="yes_both"), chosen)
    assert both == yes
    for outcome in ("nearly", "not_yet"):
        text = explain.stages_text(rubric, verdict_with({}, outcome=outcome), chosen)
        assert text.startswith("You want social media to serve Build rapport and Support")
    assert explain.stages_text(rubric, verdict_with({}), ()) == ""


# --- markets served ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sells_to, scored", [("consumers", {"b2c"}), ("businesses", {"b2b"}), ("both", {"b2c", "b2b"})]
)
def test_only_the_markets_the_business_serves_are_scored(rubric, sells_to, scored):
    outcome = result(rubric, Profile(sells_to))
    assert set(outcome.verdict.readiness) == scored
    shown = {m.model: m.readiness for m in outcome.markets}
    assert {m for m, r in shown.items() if r is not None} == scored
    texts = {m.model: m.not_assessed for m in outcome.markets}
    assert texts["b2b"] == "Not assessed: you told us you sell to consumers only."
    assert texts["b2c"] == "Not assessed: you told us you sell to other businesses only."


def test_dimension_scores_for_a_seller_to_both_average_the_two_audiences(rubric):
    outcome = result(rubric, Profile("both", "other"), networks=["linkedin"])
    # Network fit on the page: pathway 100 and LinkedIn (20 + 95) / 2.
    assert outcome.verdict.scores["network_fit"] == round((100 + 57.5) / 2)
    # Each market is judged on its own audience: LinkedIn misses consumers.
    assert outcome.verdict.b2b.score == 100
    assert outcome.verdict.b2c.score == 59
    assert outcome.verdict.b2c.limited_by.startswith("Network fit is below 40")
    assert outcome.headline == "Yes: start with business buyers"


# --- audits answered on an earlier edition --------------------------------------------------


def edition_2026_2_settings():
    settings = copy.deepcopy(CONTENT["scoring"])
    for key in ("focus", "headlines", "summaries", "markets", "strong_from", "partial_from"):
        settings.pop(key)
    settings["rules"].pop("misfit_networks")
    settings["rules"]["weak_dimension"] = {"floor": 35, "readiness_cap": 59, "reason": "old"}
    settings.update(network_spread_limit=2, network_spread_penalty=15)
    return settings


def test_an_earlier_edition_keeps_its_own_numbers_and_gains_the_new_words():
    completed = complete_scoring_settings(edition_2026_2_settings())
    assert completed["rules"]["weak_dimension"] == {
        "floor": 35,
        "readiness_cap": 59,
        "reason": "old",
    }
    assert completed["headlines"] == CONTENT["scoring"]["headlines"]
    assert completed["strong_from"] == 70 and completed["partial_from"] == 40
    # A rule added since does not apply to it: no misfit cap, no B2B value floor.
    assert "misfit_networks" not in completed["rules"]
    old = copy.deepcopy(CONTENT)
    old["scoring"] = completed
    tiktok_firm = Rubric.from_content(old)
    outcome = score(tiktok_firm, {**SOUND, "networks": ["tiktok"]}, Profile("businesses"))
    assert outcome.verdict.b2b.score > 59 and outcome.headline.startswith("Yes")


def test_an_earlier_edition_focuses_only_its_networks_question_with_its_own_numbers():
    completed = complete_scoring_settings(edition_2026_2_settings())
    assert set(completed["focus"]) == {"networks"}
    assert completed["focus"]["networks"]["limit"] == 2
    assert completed["focus"]["networks"]["penalty"] == 15
    assert (
        completed["focus"]["networks"]["reason"]
        == CONTENT["scoring"]["focus"]["networks"]["reason"]
    )


def test_the_current_edition_is_left_as_it_is():
    assert complete_scoring_settings(CONTENT["scoring"]) == CONTENT["scoring"]


# --- the words of each reason ---------------------------------------------------------------


def test_each_reason_says_what_the_owner_chose_and_what_it_did(rubric):
    outcome = result(rubric, pathway=["demonstrate"], customers=["general"], success=["dont_know"])
    assert reasons(outcome, "network_fit")[0] == (
        Effect.STRENGTH,  # exactly 70 points is a strength
        4,
        "You said “Showing what we do: examples, results, how it works”: "
        "this counts in your favour.",
    )
    assert reasons(outcome, "customers") == [
        (
            Effect.PARTIAL,
            1,
            "You said “I have a general picture, but it is not written down anywhere”: "
            "this counts for part of the points.",
        )
    ]
    assert reasons(outcome, "success") == [
        (
            Effect.GAP,
            9,
            "You don't know yet: “How will you know whether it is successful?” This is a gap "
            "in the plan, and it earns no points until you find out.",
        )
    ]


def test_an_answer_of_exactly_40_is_partial_and_below_is_a_weakness(rubric):
    outcome = result(rubric, pathway=["close"], networks=["instagram", "google_business"])
    assert reasons(outcome, "network_fit")[0][:2] == (Effect.PARTIAL, 4)  # 40 points
    outcome = result(rubric, customers=["varied"])  # 25 points
    assert reasons(outcome, "customers")[0] == (
        Effect.WEAKNESS,
        1,
        "You said “Our customers are so varied I could not describe a typical one”: "
        "this holds this score down.",
    )


def test_several_chosen_options_are_all_quoted(rubric):
    outcome = result(rubric, pathway=["rapport", "support"])
    assert reasons(outcome, "network_fit")[0][2] == (
        "You said “Getting known and building trust with people who don't know us yet”; "
        "“Looking after existing customers: questions, service and problems”: "
        "this counts in your favour."
    )


def test_an_answer_of_exactly_70_needs_no_action(rubric):
    outcome = result(rubric, pathway=["demonstrate"])
    assert not [a for a in outcome.actions if a.question_key == "pathway"]


def test_a_misfit_is_named_beside_what_the_owner_said(rubric):
    outcome = result(rubric, Profile("businesses", "other"), networks=["tiktok", "pinterest"])
    network_reasons = [r for r in reasons(outcome, "network_fit") if r[1] == 5]
    assert network_reasons[0][2].startswith("You said “TikTok”; “Pinterest”")
    assert network_reasons[1] == (
        Effect.WEAKNESS,
        5,
        "TikTok and Pinterest are little used by business buyers.",
    )


def test_a_network_that_fits_one_of_two_audiences_is_no_misfit(rubric):
    # Pinterest: 55 for consumers, 10 for business buyers (a mean of 32.5).
    outcome = result(rubric, Profile("both", "other"), networks=["pinterest"])
    assert not [r for r in reasons(outcome, "network_fit") if "little used" in r[2]]
    assert outcome.verdict.b2c.limited_by == ""
    # Business buyers are judged on their own: Pinterest misses them.
    assert outcome.verdict.b2b.limited_by.startswith("Network fit is below 40")


def test_a_sector_can_make_a_network_fit(rubric):
    # Facebook reaches business buyers in the trades (65), not in general (35).
    trades = result(rubric, Profile("businesses", "trades"), networks=["facebook", "linkedin"])
    assert not [r for r in reasons(trades, "network_fit") if "little used" in r[2]]
    other = result(rubric, Profile("businesses", "other"), networks=["facebook", "linkedin"])
    assert [r for r in reasons(other, "network_fit") if "little used" in r[2]]


def test_a_network_at_exactly_the_threshold_is_not_called_little_used(rubric):
    outcome = result(rubric, Profile("businesses", "other"), networks=["whatsapp"])  # fit 50
    assert not [r for r in reasons(outcome, "network_fit") if "little used" in r[2]]


def test_each_limit_states_its_cap_and_points_at_its_own_question(rubric):
    outcome = result(rubric, social_experience=["offers"], pathway=["close"], growth=["paid"])
    value_limit = [r for r in reasons(outcome, "value") if r[0] == Effect.LIMIT]
    network_limit = [r for r in reasons(outcome, "network_fit") if r[0] == Effect.LIMIT]
    assert [r[1] for r in value_limit] == [3] and [r[1] for r in network_limit] == [4]
    assert "held at 30 or below" in value_limit[0][2]
    misfit = result(rubric, Profile("businesses", "other"), networks=["facebook"])
    limit = [r for r in reasons(misfit, "network_fit") if r[0] == Effect.LIMIT]
    assert [(r[1], "held at 30 or below" in r[2]) for r in limit] == [(5, True)]


def test_both_rules_cap_together(rubric):
    outcome = result(
        rubric,
        who_develops=["agency_only"],  # time but no named person
        social_experience=["offers"],
        pathway=["close"],
        growth=["paid"],
    )
    assert outcome.verdict.scores["sustainability"] == 30  # (40 + 100 + 35) / 3 = 58 uncapped
    assert outcome.verdict.scores["value"] == 30


# --- the actions' words and gains -----------------------------------------------------------


def test_one_fix_reads_as_one_action_in_the_owners_terms(rubric):
    outcome = result(rubric, who_develops=["nobody"], sustained=["no_time"])
    assert outcome.actions[0].text == (
        "Name an owner before you start: an unattended account does more harm than no account. "
        "Free up two to three hours a week for one person before you start, or postpone: "
        "a half-kept presence costs trust."
    )


def test_a_strong_answer_inside_a_fix_adds_no_words_to_it(rubric):
    # "Showing what we do" scores 70 (strong) but, like the rest, never converses.
    outcome = result(
        rubric, social_experience=["offers"], pathway=["demonstrate"], growth=["no_replies"]
    )
    advice = {o.key: o.advice for q in rubric.questions for o in q.options}
    assert outcome.actions[0].question_numbers == (3, 4, 8)
    assert outcome.actions[0].text == f"{advice['offers']} {advice['no_replies']}"


def test_too_many_stages_adds_the_focus_advice_to_the_options_advice(rubric):
    outcome = result(rubric, pathway=["rapport", "understand", "demonstrate", "close"])
    pathway = rubric.questions_by_key["pathway"]
    action = next(a for a in outcome.actions if a.question_key == "pathway")
    close = pathway.options_by_key["close"].advice
    assert action.text == f"{close} {rubric.focus(pathway)['advice']}"


def test_an_action_that_would_add_nothing_says_no_points(rubric):
    charity = EXAMPLES_BY_KEY["charity_volunteers"].result(rubric)
    assert [(a.question_numbers, a.gain) for a in charity.actions][-1] == ((7,), 0)


def test_the_best_networks_depend_on_the_sector(rubric):
    networks = rubric.questions_by_key["networks"]
    software = Profile("consumers", "technology")
    # Google Business Profile does little for software (45), so Instagram alone is best.
    assert explain._best_answer(rubric, networks, software) == ("instagram",)


def test_a_gain_counts_what_the_best_networks_for_this_sector_would_add(rubric):
    software = Profile("consumers", "technology")
    before = result(rubric, software, networks=["linkedin"])
    after = result(rubric, software, networks=["instagram"])
    action = next(a for a in before.actions if a.question_key == "networks")
    assert action.gain == after.verdict.b2c.score - before.verdict.b2c.score > 0


def test_without_any_focus_rule_multiple_choices_add_up(rubric):
    content = copy.deepcopy(CONTENT)
    del content["scoring"]["focus"]
    unfocused = Rubric.from_content(content)
    outcome = score(unfocused, {**SOUND, "networks": ["linkedin", "instagram"]}, CAFE)
    assert outcome.question_points["networks"] == 100  # 20 + 90, capped at 100
    assert outcome.question_points["pathway"] == 100
    weak = score(unfocused, {**SOUND, "pathway": ["close"]}, CAFE)
    action = next(a for a in weak.actions if a.question_key == "pathway")
    assert action.gain > 0  # the best answer ticks every stage that earns points


def test_a_question_left_out_of_the_answers_is_a_gap(rubric):
    answers = {key: value for key, value in SOUND.items() if key != "success"}
    outcome = score(rubric, answers, CAFE)
    assert outcome.gaps == ("success",)
    assert outcome.verdict.scores["success"] == 0


def test_a_dimension_without_questions_scores_nothing(rubric):
    content = copy.deepcopy(CONTENT)
    content["questions"] = [q for q in content["questions"] if q["dimension"] != "success"]
    outcome = score(Rubric.from_content(content), SOUND, CAFE)
    assert outcome.verdict.scores["success"] == 0


# --- readiness at its edges, on a tally built by hand ---------------------------------------


def tally(audience="consumers", **scores):
    """A tally whose dimensions score as given (each question at its dimension's score)."""
    from questionnaire.points import Tally

    full = {d: 100 for d in ("customers", "value", "network_fit", "sustainability", "success")}
    full.update(scores)
    per_question = {"customers": 1, "value": 2, "network_fit": 2, "sustainability": 3, "success": 1}
    totals = {d: full[d] * per_question[d] for d in full}
    traits = {"who": frozenset({"people", "time", "engages"})}
    return Tally(audience, "other", {}, traits, totals)


def test_a_dimension_exactly_at_the_floor_is_not_weak(rubric):
    points = readiness_points(rubric, tally(value=40, success=0), "b2c")
    assert points.capped_by == "success"
    points = readiness_points(rubric, tally(value=40), "b2c")
    assert points.capped_by is None and points.score == 88


def test_readiness_exactly_at_the_cap_is_not_said_to_be_capped(rubric):
    # 0.2 * 30 + 0.2 * 100 + 0.2 * 30 + 0.25 * 100 + 0.15 * 14 = 59.1
    exact = readiness_points(rubric, tally(customers=30, network_fit=30, success=14), "b2c")
    assert exact.uncapped == 59 and exact.score == 59 and exact.capped_by is None
    above = readiness_points(rubric, tally(customers=30, network_fit=30, success=24), "b2c")
    assert above.uncapped == 61 and above.score == 59 and above.capped_by == "success"


def test_the_dimension_named_is_the_one_furthest_below_its_floor(rubric):
    points = readiness_points(rubric, tally(customers=35, success=10), "b2c")
    assert points.capped_by == "success"
    # For business buyers value's floor is 70: 60 is further below it than success 35 is
    # below 40.
    points = readiness_points(rubric, tally("businesses", value=60, success=35), "b2b")
    assert points.capped_by == "value"


def test_value_counts_only_above_the_hurdle_for_business_buyers(rubric):
    from questionnaire.points import _as_market_weighs_them

    assert _as_market_weighs_them(rubric, 65, "b2b") == 50
    assert _as_market_weighs_them(rubric, 20, "b2b") == 0
    assert _as_market_weighs_them(rubric, 65, "b2c") == 65


# --- the result's parts ---------------------------------------------------------------------


def test_the_result_carries_labels_scores_stages_and_no_false_gaps(rubric):
    outcome = result(rubric, pathway=["rapport", "support"])
    assert [(d.key, d.label, d.score) for d in outcome.dimensions][:2] == [
        ("customers", "Customers", 100),
        ("value", "Value", 100),
    ]
    assert outcome.verdict.b2c.model == "b2c" and outcome.verdict.b2c.band_label == "Advanced"
    assert [m.label for m in outcome.markets] == [
        "Selling to consumers (B2C)",
        "Selling to businesses (B2B)",
    ]
    assert outcome.stages == ("Build rapport", "Support customers")
    assert outcome.gaps == ()
    assert outcome.question_points["pathway"] == 95


def test_the_verdict_alone_matches_the_full_result(rubric):
    from questionnaire.scoring import verdict

    for example in EXAMPLES_BY_KEY.values():
        assert verdict(rubric, example.answers, example.profile) == example.result(rubric).verdict


def test_a_fit_without_sector_exceptions_uses_the_audience_figure():
    from questionnaire.rubric import OptionSpec

    plain = OptionSpec("x", "X", traits={"fit": {"consumers": 80, "businesses": 20}})
    assert plain.points("consumers", "retail") == 80
    assert plain.points("both", "retail") == 50


def test_for_both_audiences_each_side_takes_its_sector_exception(rubric):
    youtube = rubric.questions_by_key["networks"].options_by_key["youtube"]
    assert youtube.points("both", "trades") == (85 + 65) / 2  # homeowners watch trades


def test_an_action_names_its_questions_in_words(rubric):
    outcome = result(rubric, social_experience=["offers"], pathway=["close"], growth=["paid"])
    assert outcome.actions[0].questions == "Questions 3, 4 and 8"
    assert result(rubric, success=["vanity"]).actions[0].questions == "Question 9"


def test_joining_three_items_reads_as_a_list():
    assert explain._join(["a", "b", "c"]) == "a, b and c"
    assert explain._join(["a", "b"]) == "a and b"


def test_the_band_legend_comes_from_the_edition(rubric):
    bands = result(rubric).bands
    assert [(b.key, b.label, b.low, b.high) for b in bands] == [
        ("not_yet", "Not yet", 0, 39),
        ("foundations", "Foundations", 40, 59),
        ("ready", "Ready", 60, 79),
        ("advanced", "Advanced", 80, 100),
    ]


def test_a_dimension_below_the_floor_is_marked_weak_and_one_at_it_is_not(rubric):
    outcome = result(rubric, success=["vanity"], customers=["general"])  # 30 and 60
    weak = {d.key: d.weak for d in outcome.dimensions}
    assert weak == {
        "customers": False,
        "value": False,
        "network_fit": False,
        "sustainability": False,
        "success": True,
    }
    content = copy.deepcopy(CONTENT)
    content["scoring"]["rules"]["weak_dimension"]["floor"] = 60
    stricter = score(Rubric.from_content(content), {**SOUND, "customers": ["general"]}, CAFE)
    assert stricter.dimension("customers").weak is False  # exactly at the floor
    content["scoring"]["rules"]["weak_dimension"]["floor"] = 61
    stricter = score(Rubric.from_content(content), {**SOUND, "customers": ["general"]}, CAFE)
    assert stricter.dimension("customers").weak is True
