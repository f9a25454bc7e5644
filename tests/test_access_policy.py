"""Every URL that takes an id, for every kind of visitor, by GET and by POST: the status
each one gets. The policy is auditsite/access.py; this table is what it must answer.

A new URL with an id fails `test_every_id_taking_url_is_in_the_table` until it is added
here (or, for a link whose token is the credential, to TOKEN_URLS with the reason).
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from consulting.models import AuditNote, Invitation, Recommendation, ScoreOverride
from tests.factories import (
    GOOD_ANSWERS,
    make_audit,
    make_business,
    make_consultant,
    make_user,
    share_business,
)
from tests.test_practice_access import TABLE as PRACTICE_TABLE

pytestmark = pytest.mark.django_db

ROLES = (
    "owner",  # Olive, whose business it is
    "other_owner",  # Oscar, another client of the site
    "consultant",  # Carla, whom Olive shares the business with
    "co_consultant",  # Dora, whom Olive shares it with as well
    "other_consultant",  # Connor, who consults for Oscar but was never shared Olive's
    "revoked",  # Rita: Olive shares it with her, but her consultant role was removed
    "withdrawn",  # Walt: a consultant Olive shared it with, then stopped sharing
    "anonymous",
)

# Rows of statuses, in the order of ROLES.
OWNER_SEES = "200 404 404 404 404 404 404 302"
OWNER_ACTS = "302 404 404 404 404 404 404 302"  # done, and sent on to the next page
CLIENT_READERS_SEE = "200 404 200 200 404 404 404 302"
CONSULTANT_SEES = "404 404 200 200 404 404 404 302"
CONSULTANT_ACTS = "404 404 302 302 404 404 404 302"
# A GET to a POST-only page is refused before the id is read (after the role check, on
# the consultant's pages), so it says nothing about whose the object is.
POST_ONLY = "405 405 405 405 405 405 405 302"
CONSULTANT_POST_ONLY = "404 404 405 405 405 404 405 302"
# What is Carla's own (her private note, her invitation): Carla alone.
AUTHOR_SEES = "404 404 200 404 404 404 404 302"
AUTHOR_ACTS = "404 404 302 404 404 404 404 302"

# URL name: (what it is about, statuses for GET, statuses for POST). "draft" and
# "submitted" are two audits of Olive's business.
TABLE = {
    "questionnaire:audit_detail": ("submitted", "302 404 302 302 404 404 404 302", "same"),
    "questionnaire:audit_profile": ("draft", OWNER_SEES, "same"),
    "questionnaire:audit_step": ("draft", OWNER_SEES, "same"),
    "questionnaire:audit_review": ("draft", OWNER_SEES, "same"),
    "questionnaire:audit_submit": ("draft", POST_ONLY, OWNER_ACTS),
    "questionnaire:business_detail": ("business", OWNER_SEES, "same"),
    "questionnaire:start_business_audit": ("business", POST_ONLY, OWNER_ACTS),
    "reports:audit_results": ("submitted", CLIENT_READERS_SEE, "same"),
    "reports:audit_pdf": ("submitted", CLIENT_READERS_SEE, "same"),
    "consulting:review": ("submitted", CONSULTANT_SEES, "same"),
    "consulting:add_note": ("submitted", CONSULTANT_POST_ONLY, CONSULTANT_SEES),
    "consulting:add_recommendation": ("submitted", CONSULTANT_POST_ONLY, CONSULTANT_SEES),
    "consulting:delete_recommendation": ("recommendation", CONSULTANT_POST_ONLY, CONSULTANT_ACTS),
    "consulting:edit_recommendation": ("recommendation", CONSULTANT_SEES, "same"),
    "consulting:edit_note": ("note", AUTHOR_SEES, "same"),
    "consulting:delete_note": ("note", CONSULTANT_POST_ONLY, AUTHOR_ACTS),
    "consulting:confirm_reviewed": ("submitted", CONSULTANT_SEES, "same"),
    "consulting:resend_invitation": ("invitation", CONSULTANT_POST_ONLY, AUTHOR_ACTS),
    "consulting:revoke_invitation": ("invitation", CONSULTANT_POST_ONLY, AUTHOR_ACTS),
    "consulting:override": ("submitted", CONSULTANT_POST_ONLY, CONSULTANT_SEES),
    "consulting:remove_override": ("override", CONSULTANT_POST_ONLY, CONSULTANT_ACTS),
    "consulting:status": ("submitted", CONSULTANT_POST_ONLY, CONSULTANT_ACTS),
    "consulting:stop_sharing": ("share", OWNER_SEES, OWNER_ACTS),
    "privacy:delete_business": ("business", OWNER_SEES, OWNER_ACTS),
    "consulting:audit_openings": ("submitted", OWNER_SEES, "same"),
}

# Links whose secret token is the credential: anyone holding it may open them.
TOKEN_URLS = {
    "consulting:accept_invitation": "the invitation link (tests/consulting/test_invitations.py)",
    "questionnaire:stop_reminders": "the signed link in a reminder (tests/questionnaire/"
    "test_reminders.py)",
    "account_confirm_email": "allauth's email confirmation link",
    "account_reset_password_from_key": "allauth's password reset link",
}
# Public pages named by a practice's slug: its start link and logo are for anyone, and
# the page that asks an owner to share with it acts only on the owner's own businesses
# (tests/consulting/test_practices.py).
SLUG_URLS = {
    "consulting:practice_start": "a practice's start link",
    "consulting:practice_logo": "a practice's logo, on its invitations and emails",
    "consulting:share_with_practice": "an owner's choice to share with a practice",
}
# Parameters that name no stored object: a visitor's draft lives in their own session.
SESSION_URLS = {
    "questionnaire:guest_step": "a question number of the visitor's own session draft "
    "(tests/questionnaire/test_guest.py)",
}

# What each POST sends: enough to be a real request, so the owner's and the consultant's
# cells show what the view does, and everyone else's show that nothing was done.
POST_DATA = {"step": "start", "name": "Changed", "text": "", "dimension": "value"}


def id_taking_url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    """Every named URL in the site with a parameter, except the admin's (staff only)."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                inner = pattern.namespace or namespace
                names |= id_taking_url_names(pattern, inner)
        elif pattern.pattern.regex.groups:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_id_taking_url_is_in_the_table():
    """Here, or in the practices' table (tests/test_practice_access.py)."""
    unlisted = id_taking_url_names() - TOKEN_URLS.keys() - SESSION_URLS.keys() - SLUG_URLS.keys()
    assert unlisted == TABLE.keys() | PRACTICE_TABLE.keys()


@pytest.fixture
def site(questionnaire):
    """Olive's business with a submitted audit and a draft, and everyone in ROLES."""
    olive, carla = make_user("olive@example.com"), make_consultant("carla@example.com", "Carla")
    business = make_business(olive, "Olive's Bakery")
    share = share_business(business, carla)
    submitted = make_audit(business, GOOD_ANSWERS, submit=True)
    draft = make_audit(business, {"customers": ["clear"]})
    dora = make_consultant("dora@example.com", "Dora")
    share_business(business, dora)
    rita = make_consultant("rita@example.com", "Rita")
    share_business(business, rita)
    walt = make_consultant("walt@example.com", "Walt")
    walts_share = share_business(business, walt)
    for author in (carla, dora, rita, walt):  # each writes while they may
        AuditNote.objects.create(audit=submitted, author=author, text=NOTE_BY[author.email])
    rita.consultant.delete()
    oscar, connor = make_user("oscar@example.com"), make_consultant("connor@example.com", "Connor")
    share_business(make_business(oscar, "Oscar's Garage"), connor)
    clients = {role: Client() for role in ROLES}
    for role, user in [
        ("owner", olive),
        ("other_owner", oscar),
        ("consultant", carla),
        ("co_consultant", dora),
        ("other_consultant", connor),
        ("revoked", rita),
        ("withdrawn", walt),
    ]:
        clients[role].force_login(user)
    stopped = clients["owner"].post(
        reverse("consulting:stop_sharing", args=[business.pk, walts_share.pk])
    )
    assert stopped.status_code == 302
    advice = Recommendation.objects.create(audit=submitted, author=carla, text="Hi")
    carlas_note = AuditNote.objects.get(author=carla)
    invitation, _ = Invitation.issue(carla, "someone@example.com")
    override = ScoreOverride.objects.create(
        audit=submitted, author=carla, dimension="value", score=50, reason="Seen"
    )
    objects = {
        "business": [business.pk],
        "draft": [draft.pk],
        "submitted": [submitted.pk],
        "recommendation": [submitted.pk, advice.pk],
        "override": [submitted.pk, override.pk],
        "share": [business.pk, share.pk],
        "note": [submitted.pk, carlas_note.pk],
        "invitation": [invitation.pk],
    }
    return clients, objects


# Each consultant's private note on the submitted audit, and who may read it: its author
# alone (Rita's role and Walt's share have ended, so they reach no review page at all).
NOTE_BY = {
    "carla@example.com": "Carla thinks the owner undersells the team",
    "dora@example.com": "Dora would drop Instagram",
    "rita@example.com": "Rita's notes from before her role was removed",
    "walt@example.com": "Walt's notes from before the owner stopped sharing",
}
NOTES_SEEN = {"consultant": "carla@example.com", "co_consultant": "dora@example.com"}


@pytest.mark.parametrize("role", ROLES)
def test_a_private_note_is_read_by_its_author_alone(site, role):
    clients, objects = site
    page = clients[role].get(reverse("consulting:review", args=objects["submitted"]))
    shown = {email for email, text in NOTE_BY.items() if text in page.content.decode()}
    assert shown == ({NOTES_SEEN[role]} if role in NOTES_SEEN else set())


def url_for(name: str, objects: dict) -> str:
    args = list(objects[TABLE[name][0]])
    if name == "questionnaire:audit_step":
        args.append(1)  # the first question
    return reverse(name, args=args)


def expected(statuses: str, role: str) -> int:
    return int(statuses.split()[ROLES.index(role)])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_visitor_gets_the_status_the_policy_gives(site, name, role):
    clients, objects = site
    url = url_for(name, objects)
    _, on_get, on_post = TABLE[name]
    on_post = on_get if on_post == "same" else on_post
    got = clients[role].get(url).status_code, clients[role].post(url, POST_DATA).status_code
    assert got == (expected(on_get, role), expected(on_post, role))
