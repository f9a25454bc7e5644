"""The door every view that takes an id goes through: fetch the object, ask the access
policy whether this user may do this with it, and answer 404 if not (so another user's
object looks exactly like one that does not exist).

The policy itself is the rule table in auditsite/access.py; the core asks it by name.
"""

from __future__ import annotations

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from questionnaire.models import Audit, Business

READ = "read_audit"
ANSWER = "answer_audit"
REVIEW = "review_audit"
MANAGE = "manage_business"


def allowed(user, action: str, obj) -> bool:
    return rules.test_rule(action, user, obj)


def audit_or_404(user, audit_id: int, action: str) -> Audit:
    # The edition's name and title are on its pages; its content is read through
    # questionnaire.editions, so its scoring settings are left in the database.
    audits = Audit.objects.select_related("business", "edition").defer("edition__scoring")
    audit = audits.filter(pk=audit_id).first()
    if audit is None or not allowed(user, action, audit):
        raise Http404
    return audit


def business_or_404(user, business_id: int) -> Business:
    business = get_object_or_404(Business, pk=business_id)
    if not allowed(user, MANAGE, business):
        raise Http404
    return business
