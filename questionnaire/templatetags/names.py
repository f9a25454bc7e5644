"""`{{ business.name|isolate }}`: a name someone typed, shown so its text direction cannot
spill into the words around it (a right-to-left override in a name would otherwise
reverse the rest of the line, in the page and in the PDF)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


@register.filter
def isolate(name) -> SafeString:
    escaped = conditional_escape(name)
    return mark_safe(f"{FIRST_STRONG_ISOLATE}{escaped}{POP_DIRECTIONAL_ISOLATE}")  # noqa: S308
