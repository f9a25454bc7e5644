"""Properties the scoring keeps for any answers, checked with generated audits."""

from hypothesis import given
from hypothesis import strategies as st

from questionnaire.content import read_content_file
from questionnaire.rubric import Rubric
from questionnaire.scoring import score

RUBRIC = Rubric.from_content(read_content_file())
SELLS_TO = st.sampled_from(["consumers", "businesses", "both"])
SINGLE = [q for q in RUBRIC.questions if not q.multiple]


def answer_to(question):
    dont_know = [o.key for o in question.options if o.dont_know]
    real = [o.key for o in question.options if not o.dont_know]
    if question.multiple:
        return st.one_of(
            st.just(dont_know), st.lists(st.sampled_from(real), min_size=1, unique=True)
        )
    return st.sampled_from(real + dont_know).map(lambda key: [key])


ANSWERS = st.fixed_dictionaries({q.key: answer_to(q) for q in RUBRIC.questions})


@given(ANSWERS, SELLS_TO)
def test_every_score_is_between_0_and_100(answers, sells_to):
    result = score(RUBRIC, answers, sells_to)
    assert all(0 <= value <= 100 for value in result.verdict.scores.values())
    assert 0 <= result.verdict.b2c.score <= 100 and 0 <= result.verdict.b2b.score <= 100
    assert all(0 <= action.gain <= 100 for action in result.actions)


@given(ANSWERS, SELLS_TO)
def test_the_same_answers_always_get_the_same_result(answers, sells_to):
    assert score(RUBRIC, answers, sells_to) == score(RUBRIC, dict(answers), sells_to)


@given(ANSWERS, SELLS_TO, st.sampled_from(SINGLE), st.data())
def test_a_better_answer_never_lowers_its_dimension(answers, sells_to, question, data):
    worse, better = sorted(
        data.draw(
            st.lists(
                st.sampled_from([o for o in question.options if not o.dont_know]),
                min_size=2,
                max_size=2,
                unique=True,
            )
        ),
        key=lambda option: option.score,
    )
    low = score(RUBRIC, {**answers, question.key: [worse.key]}, sells_to)
    high = score(RUBRIC, {**answers, question.key: [better.key]}, sells_to)
    assert high.verdict.scores[question.dimension] >= low.verdict.scores[question.dimension]


@given(ANSWERS, SELLS_TO, st.data())
def test_adding_a_pathway_stage_never_lowers_network_fit(answers, sells_to, data):
    pathway = RUBRIC.questions_by_key["pathway"]
    stages = [o.key for o in pathway.options if not o.dont_know]
    chosen = data.draw(st.lists(st.sampled_from(stages), min_size=1, unique=True))
    extra = data.draw(st.sampled_from(stages))
    before = score(RUBRIC, {**answers, "pathway": chosen}, sells_to)
    after = score(RUBRIC, {**answers, "pathway": sorted({*chosen, extra})}, sells_to)
    assert after.verdict.scores["network_fit"] >= before.verdict.scores["network_fit"]


@given(ANSWERS, SELLS_TO, st.sampled_from(RUBRIC.questions))
def test_dont_know_never_scores_above_the_best_real_answer(answers, sells_to, question):
    dont_know = [o.key for o in question.options if o.dont_know]
    unsure = score(RUBRIC, {**answers, question.key: dont_know}, sells_to)
    best = max(
        (
            score(RUBRIC, {**answers, question.key: [o.key]}, sells_to)
            for o in question.options
            if not o.dont_know
        ),
        key=lambda result: result.verdict.scores[question.dimension],
    )
    assert unsure.verdict.scores[question.dimension] <= best.verdict.scores[question.dimension]
    assert question.key in unsure.gaps


@given(ANSWERS, SELLS_TO)
def test_every_reason_and_action_points_at_an_answer_that_exists(answers, sells_to):
    result = score(RUBRIC, answers, sells_to)
    numbers = {q.key: q.number for q in RUBRIC.questions}
    pointers = [r for d in result.dimensions for r in d.reasons] + list(result.actions)
    assert pointers
    for pointer in pointers:
        assert pointer.question_key in answers
        assert pointer.question_number == numbers[pointer.question_key]
        assert pointer.text
