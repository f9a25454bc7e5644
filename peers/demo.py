"""Demo businesses enough for a real peer comparison: a dozen and more cafés of the demo
café's size, and others across sectors and sizes, each with random but valid answers."""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from questionnaire import flow
from questionnaire.demo import fill_answers
from questionnaire.models import Audit, Business, Edition
from questionnaire.profile import Sector, SellsTo, Size

NAMES = ["Harbour", "Corner", "North", "Green", "Blue", "Old Town", "River", "Station", "Hill"]
KINDS = {
    "hospitality": ["Café", "Bistro", "Tea Room", "Kitchen", "Bakery"],
    "retail": ["Books", "Florist", "Hardware", "Gifts"],
    "health_beauty": ["Yoga", "Barbers", "Physio", "Salon"],
    "trades": ["Plumbing", "Roofing", "Electrics", "Joinery"],
    "professional": ["Accounts", "Legal", "Advisers"],
    "manufacturing": ["Fabrication", "Engineering", "Plastics"],
    "technology": ["Software", "Digital", "Data"],
    "creative": ["Studio", "Events", "Films"],
    "charity": ["Trust", "Community Hub", "Foodbank"],
    "food_drink": ["Brewery", "Dairy", "Preserves"],
    "pet_personal": ["Grooming", "Tutors", "Dog Walkers"],
    "architecture": ["Architects", "Interiors", "Lettings"],
    "facilities": ["Cleaning", "Security", "Maintenance"],
    "other": ["Ventures", "Co-op"],
}
SAME_AS_CAFE = 14  # hospitality, 2 to 9 people: ten others are needed for a comparison
OTHERS = 46


def random_answers(edition: Edition, rng: random.Random) -> dict[str, list[str]]:
    """Better answers a little more likely than worse ones, as among real owners who chose
    to take an audit."""
    answers = {}
    for question in edition.questions.prefetch_related("options"):
        options = sorted(
            (option for option in question.options.all() if not option.is_dont_know),
            key=lambda option: option.score,
        )
        keys = [option.key for option in options]
        if question.kind == question.Kind.MULTIPLE:
            answers[question.key] = rng.sample(keys, rng.randint(1, 3))
        else:
            answers[question.key] = rng.choices(keys, weights=range(1, len(keys) + 1))
    return answers


def create_peers(rng: random.Random) -> list[Business]:
    """The demo's other businesses, each with one audit submitted in the last ten months."""
    profiles = [("hospitality", "micro", "consumers")] * SAME_AS_CAFE + [
        (rng.choice(Sector.values), rng.choice(Size.values), rng.choice(SellsTo.values))
        for _ in range(OTHERS)
    ]
    password = make_password(None)  # nobody logs in as them
    businesses = []
    for number, (sector, size, sells_to) in enumerate(profiles, start=1):
        owner = get_user_model().objects.create(
            username=f"peer{number}@demo.example",
            email=f"peer{number}@demo.example",
            password=password,
        )
        name = f"{rng.choice(NAMES)} {rng.choice(KINDS[sector])}"
        business = Business.objects.create(
            owner=owner, name=name, sector=sector, size=size, sells_to=sells_to
        )
        submit_demo_audit(business, rng, days_ago=rng.randint(1, 300))
        businesses.append(business)
    return businesses


def submit_demo_audit(business: Business, rng: random.Random, days_ago: int) -> Audit:
    """An audit with random answers, submitted quietly (no email, no render) days ago."""
    audit = flow.start_audit(business)
    fill_answers(audit, random_answers(audit.edition, rng))
    audit = flow.submit_audit(audit, announce=False)
    when = timezone.now() - timedelta(days=days_ago, minutes=rng.randint(0, 600))
    Audit.objects.filter(pk=audit.pk).update(created_at=when, submitted_at=when)
    audit.submitted_at = when
    return audit
