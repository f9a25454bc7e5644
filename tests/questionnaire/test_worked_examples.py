"""Worked examples: realistic businesses and the verdict an experienced consultant would sign.

Each test names the business in words; its answers are in questionnaire/calibration.py, which
also writes the calibration table in docs/scoring.md. Every test asserts the headline, which
markets are scored (and their bands), the strongest area the summary names, and the first
action, which the summary names as the next thing to work on. Pure scoring: no database."""

from questionnaire.calibration import EXAMPLES, EXAMPLES_BY_KEY
from questionnaire.content import read_content_file
from questionnaire.explain import strongest

KEEP_GOING = read_content_file()["scoring"]["summaries"]["keep_going"]


def result_of(rubric, key):
    return EXAMPLES_BY_KEY[key].result(rubric)


def bands(result):
    return {market: readiness.band for market, readiness in result.verdict.readiness.items()}


def assert_summary(rubric, result, strongest_area, first_questions):
    """The summary names the strongest area and, as the next thing, the first action."""
    assert strongest(rubric, result.verdict) == strongest_area
    assert rubric.dimension_text(strongest_area, "strength") in result.summary
    first = result.actions[0]
    assert first.question_numbers == first_questions
    assert f"the next thing to work on is to {first.topic}." in result.summary


def test_consumer_only_bakery_is_scored_for_consumers_only(rubric):
    """A bakery that sells to the public only, with a named person posting to Instagram and
    Facebook, replying to everyone and counting orders. Business buyers are not its market,
    so no B2B score exists (edition 2026.2 showed it "B2B 93 Advanced"). Ticking "Making
    sales" next to rapport and recommendations is fine for a bakery: no lecture about it."""
    result = result_of(rubric, "bakery")
    assert result.headline == "Yes: start with consumers"
    assert bands(result) == {"b2c": "advanced"}
    assert result.verdict.b2b is None
    assert result.summary == KEEP_GOING and result.actions == ()
    assert "Close the sale" in result.stages_text and result.stages_text.startswith("Social")


def test_valve_maker_on_linkedin_and_youtube_is_ready_for_business_buyers(rubric):
    """A 20-person valve maker selling to plant engineers: an engineer runs LinkedIn and
    YouTube demonstrations, an article a month, goals set but not reviewed."""
    result = result_of(rubric, "valve_maker")
    assert result.headline == "Yes: start with business buyers"
    assert bands(result) == {"b2b": "advanced"}
    assert_summary(rubric, result, "value", (9,))
    assert result.actions[0].text.startswith("Put a monthly half-hour in the diary")


def test_start_up_posting_in_bursts_must_first_set_time_aside(rubric):
    """A software start-up selling to consumers and companies: the founder runs X and
    LinkedIn himself but posts in bursts, buys ads for reach and watches likes. Its networks
    reach business buyers, not consumers, so it should start with businesses; the founder
    is named, so the first fix is time, not a person."""
    result = result_of(rubric, "startup")
    assert (
        result.headline
        == "Nearly: first set time aside for it every week, then start with business buyers"
    )
    assert bands(result) == {"b2c": "foundations", "b2b": "foundations"}
    assert result.verdict.b2b.score > result.verdict.b2c.score
    assert_summary(rubric, result, "value", (7,))
    assert result.actions[0].dimension == "sustainability"


def test_accountancy_tied_on_both_markets_starts_with_businesses_on_linkedin(rubric):
    """An accountancy serving small firms and households: partner-led LinkedIn, a monthly
    article, no way of measuring success. Both markets are capped at 59 by the missing
    measures; LinkedIn fits business buyers, so the tie goes to them (2026.2 said
    "suits your business best with consumers")."""
    result = result_of(rubric, "accountancy")
    assert result.verdict.b2c.score == result.verdict.b2b.score == 59
    assert result.verdict.leading == "b2b"
    assert result.headline == (
        "Nearly: first decide how you will measure success, then start with business buyers"
    )
    assert_summary(rubric, result, "value", (9,))


def test_sole_trader_wedding_photographer_can_say_she_runs_it_herself(rubric):
    """A wedding photographer working alone: she runs Instagram and Pinterest herself with a
    weekly routine. "I will, myself" is a named person: sustainability is a strength."""
    result = result_of(rubric, "wedding_photographer")
    assert result.headline == "Yes: start with consumers"
    assert bands(result) == {"b2c": "advanced"}
    assert result.verdict.scores["sustainability"] == 100
    assert result.summary == KEEP_GOING


def test_consultancy_talking_to_finance_directors_on_tiktok_is_told_to_move(rubric):
    """A software consultancy whose buyers are finance directors, planning to reach them on
    TikTok. Everything else is sound, but its network misses its audience: network fit is
    held down and that is the first thing to fix (2026.2 scored it "B2C 78 Ready")."""
    result = result_of(rubric, "consultancy_on_tiktok")
    assert bands(result) == {"b2b": "foundations"}
    assert result.verdict.scores["network_fit"] == 30
    assert result.headline == (
        "Nearly: first choose the networks and stages that fit your customers, "
        "then start with business buyers"
    )
    assert_summary(rubric, result, "value", (5,))
    network_reasons = [r.text for r in result.dimension("network_fit").reasons]
    assert "TikTok is little used by business buyers." in network_reasons


def test_garden_centre_reaching_landscapers_on_facebook_fits_both_markets(rubric):
    """A garden centre selling to households and to landscapers, on Facebook (where the
    trade groups are) and its Google Business Profile. For a retailer Facebook reaches
    business customers too, so both markets are ready (2026.2 called it "Partial")."""
    result = result_of(rubric, "garden_centre")
    assert result.headline == "Yes: with consumers and business buyers alike"
    assert bands(result) == {"b2c": "advanced", "b2b": "advanced"}
    assert all(r.effect == "strength" for r in result.dimension("network_fit").reasons)


def test_law_firm_with_a_monthly_article_is_not_marked_down_for_its_rhythm(rubric):
    """A commercial law firm: a named partner publishes one considered LinkedIn article a
    month with time set aside. For business buyers that rhythm is enough; questions 6 and 7
    no longer overlap, so no Limit line claims that nobody has time (2026.2: 98 → 59)."""
    result = result_of(rubric, "law_firm")
    assert result.headline == "Yes: start with business buyers"
    assert bands(result) == {"b2b": "advanced"}
    assert not [r for d in result.dimensions for r in d.reasons if r.effect == "limit"]


def test_plumber_who_only_posts_offers_is_told_broadcasting_is_the_problem(rubric):
    """A plumber working alone: Facebook and his Google profile, offers only, never replies,
    no measure of success. The broadcast-only plan is named as the problem and its fix,
    one action across questions 3, 4 and 8, comes first."""
    result = result_of(rubric, "plumber_broadcast")
    assert result.headline == (
        "Nearly: first turn broadcasting into conversation, then start with consumers"
    )
    assert bands(result) == {"b2c": "foundations"}
    assert_summary(rubric, result, "customers", (3, 4, 8))
    assert "only pushes messages out" in " ".join(r.text for r in result.dimension("value").reasons)
    assert "Reply to every comment and message" in result.actions[0].text


def test_dont_know_throughout_names_every_gap_and_claims_nothing_unsaid(rubric):
    """An owner selling to both markets who answers "I don't know" to every question. Both
    markets are scored 0, every gap is named, and no reason says the plan "only pushes
    messages out", which the owner never said."""
    result = result_of(rubric, "dont_know")
    assert result.headline == (
        "Not yet: first name who will run it and set time aside for it every week"
    )
    assert bands(result) == {"b2c": "not_yet", "b2b": "not_yet"}
    assert set(result.gaps) == {q.key for q in rubric.questions}
    reasons = " ".join(r.text for d in result.dimensions for r in d.reasons)
    assert "only pushes messages out" not in reasons
    assert "None of your answers yet involves listening" in reasons
    assert result.summary.startswith("None of the five areas is a strength yet")
    assert result.actions[0].question_numbers == (6, 7)
    assert result.stages_text == ""


def test_ticking_every_stage_and_network_loses_to_a_focused_plan(rubric):
    """A gift shop that ticks all six pathway stages and all ten networks, with an otherwise
    sound plan. Ticking everything never beats choosing well: network fit is weak and the
    first action is to cut back."""
    result = result_of(rubric, "everything_ticked")
    focused = EXAMPLES_BY_KEY["bakery"].result(rubric)
    assert result.verdict.scores["network_fit"] < focused.verdict.scores["network_fit"]
    assert result.headline.startswith("Nearly: first choose the networks and stages")
    assert bands(result) == {"b2c": "foundations"}
    assert_summary(rubric, result, "sustainability", (5,))
    assert result.actions[0].text.startswith("Cut back to the two or three networks")
    assert "You want social media to serve" in result.stages_text


def test_strong_cafe_counting_only_likes_is_told_to_measure_what_pays(rubric):
    """A café strong on every count but one: it will watch followers and likes. One weak
    area holds readiness below "Ready", and the summary names exactly that area next."""
    result = result_of(rubric, "strong_but_unmeasured")
    assert (
        result.headline
        == "Nearly: first decide how you will measure success, then start with consumers"
    )
    assert bands(result) == {"b2c": "foundations"}
    assert "Success measures is below 40" in result.verdict.b2c.limited_by
    assert_summary(rubric, result, "sustainability", (9,))


def test_hairdresser_on_her_own_gets_advice_for_one_person(rubric):
    """A hairdresser working alone, on Instagram and WhatsApp, posting when there is a spare
    moment. She is named (herself) but has no set time: the advice speaks to her own diary,
    not to "their job"."""
    result = result_of(rubric, "hairdresser_no_time")
    assert (
        result.headline
        == "Nearly: first set time aside for it every week, then start with consumers"
    )
    assert_summary(rubric, result, "customers", (7,))
    assert result.actions[0].text.startswith(
        "Block one or two fixed hours a week in your own diary"
    )
    assert "their job" not in " ".join(a.text for a in result.actions)


def test_dental_practice_with_only_an_agency_must_name_someone_inside(rubric):
    """A 15-person dental practice that hands social media to an agency with nobody inside
    to answer patients. Time is set aside, so the one missing piece is a person."""
    result = result_of(rubric, "dentist_agency")
    assert result.headline == "Nearly: first name who will run it, then start with consumers"
    assert_summary(rubric, result, "customers", (6,))
    assert "an agency cannot speak for you" in result.actions[0].text


def test_florist_with_nobody_and_no_time_is_not_yet_and_promised_nothing(rubric):
    """A florist who wants to be on every network, posting offers, with nobody to run it
    and no time. "Not yet" is the honest verdict, and the stages line promises nothing."""
    result = result_of(rubric, "florist_not_yet")
    assert result.headline == "Not yet: first turn broadcasting into conversation"
    assert bands(result) == {"b2c": "not_yet"}
    assert [a.question_numbers for a in result.actions[:2]] == [(3, 4, 8), (6, 7)]
    assert "Social media will serve" not in result.stages_text
    assert "waits until the foundations" in result.stages_text


def test_charity_run_by_spare_moment_volunteers_must_name_an_owner(rubric):
    """A local charity on Facebook and community groups, with set hours each week but run by
    whichever volunteer is free. One named owner is the first fix."""
    result = result_of(rubric, "charity_volunteers")
    assert result.headline == "Nearly: first name who will run it, then start with consumers"
    assert_summary(rubric, result, "customers", (6,))
    assert result.actions[0].text.startswith("Name one person to own social media")


def test_fabricator_selling_to_contractors_on_instagram_misses_its_buyers(rubric):
    """A metal fabricator whose customers are building contractors, planning Instagram and
    TikTok. Neither is where contractors' buyers look for suppliers."""
    result = result_of(rubric, "fabricator_on_instagram")
    assert bands(result) == {"b2b": "foundations"}
    assert result.verdict.scores["network_fit"] == 30
    assert_summary(rubric, result, "value", (5,))


def test_print_shop_much_like_its_competitors_is_ready_for_consumers_not_businesses(rubric):
    """A print shop serving households and local firms, friendly and reliable but "much like
    our competitors". The same answers are ready for consumers and not for business buyers,
    who need a stronger reason to follow a supplier."""
    result = result_of(rubric, "printer_both")
    assert result.headline == "Yes: start with consumers"
    assert bands(result) == {"b2c": "advanced", "b2b": "foundations"}
    assert "Value is below 70" in result.verdict.b2b.limited_by
    assert_summary(rubric, result, "sustainability", (2,))


def test_hotel_on_five_networks_is_ready_but_told_to_cut_back(rubric):
    """A small hotel with a strong plan on five networks at once. It is ready, and strong
    across the board; spreading over five networks is the one thing to refine."""
    result = result_of(rubric, "hotel_spread_thin")
    assert result.headline == "Yes: start with consumers"
    assert result.summary.startswith("You are strong across the board; to go further,")
    assert result.actions[0].text.startswith("Cut back to the two or three networks")
    reasons = [r.text for r in result.dimension("network_fit").reasons]
    assert "5 networks is a lot to keep up: each one beyond 3 costs 10 points." in reasons


def test_recruiter_with_freelancer_and_inhouse_consultant_is_ready(rubric):
    """A recruitment agency: a freelancer writes, a named consultant answers candidates and
    clients on LinkedIn. That is a named person with time: no sustainability cap."""
    result = result_of(rubric, "recruiter")
    assert result.headline == "Yes: start with business buyers"
    assert bands(result) == {"b2b": "advanced"}
    assert result.summary == KEEP_GOING


def test_mid_sized_manufacturer_gets_advice_for_a_team_not_a_sole_trader(rubric):
    """A 120-person manufacturer on LinkedIn and YouTube where whoever is free posts. At
    that size the fix is a job description and a deputy, not "do it yourself"."""
    result = result_of(rubric, "manufacturer_spare_moments")
    assert result.headline == "Nearly: first name who will run it, then start with business buyers"
    assert_summary(rubric, result, "value", (6,))
    assert "job description" in result.actions[0].text


def test_restaurant_pushing_offers_and_paying_for_reach_starts_with_conversation(rubric):
    """A restaurant that posts offers, sells through social media and pays for reach; it
    has a named person, time and good measures. Its broadcast-only plan is the problem."""
    result = result_of(rubric, "restaurant_ads")
    assert result.headline == (
        "Nearly: first turn broadcasting into conversation, then start with consumers"
    )
    assert_summary(rubric, result, "customers", (3, 4, 8))
    assert "Paid reach stops when the money does" in result.actions[0].text


def test_there_are_at_least_twenty_worked_examples_and_each_is_asserted_above():
    tests = [name for name in globals() if name.startswith("test_") and "twenty" not in name]
    assert len(EXAMPLES) >= 20 and len(tests) >= len(EXAMPLES)
