import os

import pytest
from hypothesis import HealthCheck, Phase, settings

from questionnaire.content import read_content_file
from questionnaire.scoring.rubric import Rubric

# The property tests take the `rubric` fixture: one rubric per test is shared by its examples,
# which is safe (a rubric never changes; it only memoises what it works out).
settings.register_profile("default", suppress_health_check=[HealthCheck.function_scoped_fixture])
# `make mutation` runs the scoring tests once per mutant: fewer examples, the same each time,
# and no shrinking (a mutant is killed by the first failure; shrinking it would take minutes).
settings.register_profile(
    "mutation",
    max_examples=30,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.load_profile("mutation" if os.environ.get("MUTANT_UNDER_TEST") else "default")


@pytest.fixture
def rubric() -> Rubric:
    """The shipped content, read afresh for each test, so nothing the scoring memoises on a
    rubric carries from one test into the next (and a mutation tester sees every call)."""
    return Rubric.from_content(read_content_file())
