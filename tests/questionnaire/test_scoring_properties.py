"""Properties the scoring keeps for any answers and any business, checked with generated
audits."""

from hypothesis import given
from hypothesis import strategies as st

from questionnaire.content import read_content_file
from questionnaire.explain import Effect, _best_answer
from questionnaire.profile import Sector, SellsTo, Size
from questionnaire.rubric import MODELS, Profile, Rubric
from questionnaire.scoring import score

# Strategies are built from the content at import; every test scores with the `rubric`
# fixture, looking questions up by key, so nothing worked out in one test reaches another.
RUBRIC = Rubric.from_content(read_content_file())
PROFILES = st.builds(
    Profile,
    st.sampled_from(SellsTo.values),
    st.sampled_from(Sector.values),
    st.sampled_from(Size.values),
)
SINGLE = [q.key for q in RUBRIC.questions if not q.multiple]
FOCUSED = [q.key for q in RUBRIC.questions if RUBRIC.focus(q)]
ALL = [q.key for q in RUBRIC.questions]
ENGAGING = [q for q in RUBRIC.questions if "engages" in q.trait_names]


def answer_to(question, options=None):
    options = question.options if options is None else options
    dont_know = [o.key for o in options if o.dont_know]
    real = [o.key for o in options if not o.dont_know]
    if question.multiple:
        chosen = st.lists(st.sampled_from(real), min_size=1, unique=True)
        return st.one_of(st.just(dont_know), chosen) if dont_know else chosen
    return st.sampled_from(real + dont_know).map(lambda key: [key])


ANSWERS = st.fixed_dictionaries({q.key: answer_to(q) for q in RUBRIC.questions})


@given(ANSWERS, PROFILES)
def test_every_score_is_between_0_and_100(rubric, answers, profile):
    result = score(rubric, answers, profile)
    assert all(0 <= value <= 100 for value in result.verdict.scores.values())
    assert all(0 <= r.score <= 100 for r in result.verdict.readiness.values())
    assert all(0 <= action.gain <= 100 for action in result.actions)


@given(ANSWERS, PROFILES)
def test_the_same_answers_always_get_the_same_result(rubric, answers, profile):
    assert score(rubric, answers, profile) == score(rubric, dict(answers), profile)


@given(ANSWERS, PROFILES)
def test_a_market_the_business_does_not_serve_never_gets_a_score_or_band(rubric, answers, profile):
    result = score(rubric, answers, profile)
    assert set(result.verdict.readiness) == set(profile.markets)
    for market in result.markets:
        served = market.model in profile.markets
        assert (market.readiness is not None) == served
        assert market.readiness is None or market.readiness.band
    unserved_words = {"b2c": "consumers", "b2b": "business buyers"}
    for model in set(MODELS) - set(profile.markets):
        assert f"start with {unserved_words[model]}" not in result.headline


@given(ANSWERS, PROFILES, st.sampled_from(SINGLE), st.data())
def test_a_better_answer_never_lowers_its_dimension(rubric, answers, profile, key, data):
    question = rubric.questions_by_key[key]
    worse, better = sorted(
        data.draw(
            st.lists(st.sampled_from(question.real_options), min_size=2, max_size=2, unique=True)
        ),
        key=lambda option: option.score,
    )
    low = score(rubric, {**answers, question.key: [worse.key]}, profile)
    high = score(rubric, {**answers, question.key: [better.key]}, profile)
    assert high.verdict.scores[question.dimension] >= low.verdict.scores[question.dimension]


@given(ANSWERS, PROFILES, st.sampled_from(FOCUSED), st.data())
def test_ticking_more_never_beats_the_best_focused_answer(rubric, answers, profile, key, data):
    """Ticking an extra pathway stage or network never lifts a score above the best
    focused answer to that question: on the page (the business's own audience) and in each
    market it serves (that market's audience)."""
    question = rubric.questions_by_key[key]
    ticked = data.draw(answer_to(question, question.real_options))
    extra = data.draw(st.sampled_from(question.real_options)).key
    more = score(rubric, {**answers, key: sorted({*ticked, extra})}, profile)

    def best_for(audience_profile):
        best = _best_answer(rubric, question, audience_profile)
        return score(rubric, {**answers, key: best}, profile)

    on_page = best_for(profile).verdict.scores[question.dimension]
    assert on_page >= more.verdict.scores[question.dimension]
    for model, readiness in more.verdict.readiness.items():
        audience = {"b2c": "consumers", "b2b": "businesses"}[model]
        market = Profile(audience, profile.sector, profile.size)
        assert best_for(market).verdict.readiness[model].score >= readiness.score


@given(ANSWERS, PROFILES, st.sampled_from(ALL))
def test_dont_know_never_scores_above_the_best_real_answer(rubric, answers, profile, key):
    question = rubric.questions_by_key[key]
    dont_know = [o.key for o in question.options if o.dont_know]
    unsure = score(rubric, {**answers, question.key: dont_know}, profile)
    best = max(
        (score(rubric, {**answers, question.key: [o.key]}, profile) for o in question.real_options),
        key=lambda result: result.verdict.scores[question.dimension],
    )
    assert unsure.verdict.scores[question.dimension] <= best.verdict.scores[question.dimension]
    assert question.key in unsure.gaps


@given(ANSWERS, PROFILES)
def test_the_next_thing_is_the_first_action_and_never_a_strength(rubric, answers, profile):
    result = score(rubric, answers, profile)
    if not result.actions:
        assert result.summary == rubric.settings["summaries"]["keep_going"]
        return
    first = result.actions[0]
    assert first.topic in result.summary
    effects = {reason.effect for reason in result.dimension(first.dimension).reasons}
    assert effects != {Effect.STRENGTH}
    if result.verdict.outcome in ("nearly", "not_yet"):
        assert first.topic in result.headline


@given(ANSWERS, PROFILES)
def test_strong_answers_get_no_action_of_their_own(rubric, answers, profile):
    result = score(rubric, answers, profile)
    strong_from = rubric.settings["strong_from"]
    for action in result.actions:
        if len(action.question_numbers) == 1:
            points = result.question_points[action.question_key]
            assert points < strong_from or action.question_key in result.gaps


def broadcast_only_answers():
    """Answers where nothing listens, replies or converses and something broadcasts."""
    quiet = {
        q.key: answer_to(q, [o for o in q.options if not o.traits.get("engages")]) for q in ENGAGING
    }
    return st.fixed_dictionaries(
        {q.key: quiet.get(q.key, answer_to(q)) for q in RUBRIC.questions}
    ).filter(
        lambda answers: any(
            o.traits.get("broadcast")
            for q in ENGAGING
            for o in q.options
            if o.key in answers[q.key]
        )
    )


@given(broadcast_only_answers(), PROFILES)
def test_a_broadcast_only_plan_has_an_engagement_action_in_the_top_two(rubric, answers, profile):
    result = score(rubric, answers, profile)
    conversation = rubric.rule("no_conversation")["next"]
    assert conversation in [action.topic for action in result.actions[:2]]
    assert any("only pushes messages out" in r.text for r in result.dimension("value").reasons)


@given(ANSWERS, PROFILES)
def test_every_reason_and_action_points_at_an_answer_that_exists(rubric, answers, profile):
    result = score(rubric, answers, profile)
    numbers = {q.key: q.number for q in rubric.questions}
    pointers = [r for d in result.dimensions for r in d.reasons] + list(result.actions)
    assert pointers
    for pointer in pointers:
        assert pointer.question_key in answers
        assert pointer.question_number == numbers[pointer.question_key]
        assert pointer.text


@given(ANSWERS, PROFILES)
def test_one_fix_is_one_action(rubric, answers, profile):
    result = score(rubric, answers, profile)
    touched = [number for action in result.actions for number in action.question_numbers]
    assert len(touched) == len(set(touched))
    assert len({action.text for action in result.actions}) == len(result.actions)


def test_a_silent_plan_is_never_said_to_broadcast(rubric):
    quiet = {q.key: ["dont_know"] for q in rubric.questions}
    result = score(rubric, quiet, Profile("consumers"))
    assert not any("only pushes" in r.text for d in result.dimensions for r in d.reasons)
