"""Template source mistakes that show on the page as stray text."""

import re
from pathlib import Path

from django.conf import settings

# Django's {# #} comment ends at the line's end: one that runs over two lines is not a
# comment at all, and its text appears on the page ({% comment %} spans lines).
UNCLOSED_COMMENT = re.compile(r"\{#(?:(?!#\}).)*$", re.MULTILINE)


def test_no_template_has_a_comment_that_spans_lines():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)[:60]}"
        for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*.*"))
        for match in UNCLOSED_COMMENT.finditer(path.read_text())
    ]
    assert found == []


def test_the_check_finds_one():
    assert UNCLOSED_COMMENT.search("{# this note\n runs on #}")
    assert not UNCLOSED_COMMENT.search("{# one line #}\n<p>{# two #}</p>")
