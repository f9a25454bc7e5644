"""A demo consultant with clients in every state, so the dashboard is not empty, and peers
enough for a real comparison and a portfolio worth reading."""

import random
from datetime import timedelta

from django.utils import timezone

from consulting.models import Consultant, Membership, Practice, Recommendation, Share
from peers.counting import rebuild
from peers.demo import create_peers, submit_demo_audit
from questionnaire import flow
from questionnaire.demo import create_owner_demo, demo_user, fill_answers
from questionnaire.models import Audit, Business

CLIENTS = [  # business, owner, sells to, sector, answers, how far the review has gone
    (
        "Gearworks Engineering",
        "gearworks@example.com",
        "businesses",
        "manufacturing",
        {
            "customers": ["clear"],
            "customer_value": ["distinctive"],
            "social_experience": ["useful"],
            "pathway": ["rapport", "understand", "demonstrate"],
            "networks": ["linkedin"],
            "who_develops": ["named_person"],
            "sustained": ["hours_no_plan"],
            "growth": ["invite", "reply"],
            "success": ["goals_unreviewed"],
        },
        "in_review",
    ),
    (
        "Bloom & Petal Florist",
        "bloom@example.com",
        "consumers",
        "retail",
        {
            "customers": ["general"],
            "customer_value": ["reliable"],
            "social_experience": ["offers"],
            "pathway": ["close"],
            "networks": ["everywhere"],
            "who_develops": ["nobody"],
            "sustained": ["no_time"],
            "growth": ["just_post"],
            "success": ["vanity"],
        },
        "reviewed",
    ),
    (
        "Harbour Yoga Studio",
        "yoga@example.com",
        "consumers",
        "health_beauty",
        {
            "customers": ["clear"],
            "customer_value": ["distinctive"],
            "social_experience": ["useful"],
            "pathway": ["rapport", "recommend"],
            "networks": ["instagram"],
            "who_develops": ["named_person"],
            "sustained": ["routine"],
            "growth": ["reply", "invite", "reviews"],
            "success": ["gut_feel"],
        },
        "submitted",
    ),
    (
        "Northside Plumbing",
        "plumbing@example.com",
        "both",
        "trades",
        {
            "customers": ["clear"],
            "customer_value": ["reliable"],
        },
        "draft",
    ),
]
RECOMMENDATION = (
    "Before opening any account, agree who will answer customers and block two hours a week "
    "for it. Start with Instagram only, and post how you make the arrangements."
)


def create_consultant_demo(existing_client: Business) -> str:
    """The demo consultant's email; their clients are created once."""
    user = demo_user("consultant@example.com")
    consultant, created = Consultant.objects.get_or_create(
        user=user, defaults={"display_name": "Dana Reyes, Reyes Consulting"}
    )
    if not created:
        return user.email
    Share.objects.create(business=existing_client, consultant=user)
    for name, email, sells_to, sector, answers, state in CLIENTS:
        business = Business.objects.create(
            owner=demo_user(email),
            name=name,
            sector=sector,
            size="micro",
            sells_to=sells_to,
        )
        Share.objects.create(business=business, consultant=user)
        audit = flow.start_audit(business)
        fill_answers(audit, answers)
        if state == "draft":
            continue
        audit = flow.submit_audit(audit)
        if state == "in_review":
            flow.start_review(audit, user)
        if state == "reviewed":
            Recommendation.objects.create(audit=audit, author=user, text=RECOMMENDATION)
            flow.finish_review(audit, user)
    add_portfolio(user, random.Random(2026))
    add_practice(user)
    return user.email


def add_practice(lead) -> None:
    """Dana leads her practice, whose brand her clients see; every client is its."""
    practice = Practice.objects.create(
        name="Reyes Consulting",
        slug="reyes-consulting",
        accent_colour="#5b2a86",
        footer_text="Reyes Consulting · 12 Market Street, Leeds",
        sender_name="Dana at Reyes Consulting",
        reply_to="dana@reyes.example",
    )
    Membership.objects.create(practice=practice, user=lead, role=Membership.Role.LEAD)
    Share.objects.filter(consultant=lead).update(practice=practice)


PORTFOLIO_CLIENTS = 24  # of the peers, shared with the demo consultant too
AUDITED_TWICE = 10  # of those, with an audit from months ago to compare with
REVIEWED = 12


def add_portfolio(user, rng: random.Random) -> None:
    """Peers that are also the consultant's clients: some audited twice, half reviewed."""
    peers = create_peers(rng)
    clients = rng.sample(peers, PORTFOLIO_CLIENTS)
    Share.objects.bulk_create([Share(business=b, consultant=user) for b in clients])
    for business in clients[:AUDITED_TWICE]:
        when = timezone.now() - timedelta(days=rng.randint(160, 300))
        business.audits.update(created_at=when, submitted_at=when)
        submit_demo_audit(business, rng, days_ago=rng.randint(1, 40))
    now = timezone.now()
    for business in clients[-REVIEWED:]:
        Audit.objects.filter(business=business).update(
            status=Audit.Status.REVIEWED, review_started_at=now, reviewed_at=now, reviewed_by=user
        )


def create_demo_data() -> list[tuple[str, str]]:
    """Create the demo accounts (once) and return their logins."""
    cafe, logins = create_owner_demo()
    consultant = create_consultant_demo(cafe)
    rebuild()  # the peer statistics, counted and published at once
    return [*logins, (consultant, "consultant with 29 clients")]
