"""`{{ business.name|isolate }}`: a name someone typed, shown so its text direction cannot
spill into the words around it (a right-to-left override in a name would otherwise
reverse the rest of the line, in the page and in the PDF).

It wraps the name in <bdi>, which browsers and WeasyPrint both isolate, rather than in
Unicode isolate characters, which would end up in link and button names that assistive
technology reads and voice control matches. (Not for <title>, which takes no markup.)"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def isolate(name) -> SafeString:
    return format_html("<bdi>{}</bdi>", name)
