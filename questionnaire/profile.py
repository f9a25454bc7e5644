"""The business profile's fixed choices. They are context for the scoring, not questions,
so they live in code; the network keys match the options of the networks question."""

from django.db import models


class Sector(models.TextChoices):
    RETAIL = "retail", "Shop or retail"
    HOSPITALITY = "hospitality", "Café, restaurant, hotel or venue"
    FOOD_DRINK = "food_drink", "Food or drink producer (bakery, brewery, farm, maker)"
    HEALTH_BEAUTY = "health_beauty", "Health, beauty or fitness (salons, tattoo, clinics, gyms)"
    PET_PERSONAL = (
        "pet_personal",
        "Pet care or personal services (grooming, tutoring, cleaning homes)",
    )
    TRADES = "trades", "Trades, building or home services"
    ARCHITECTURE = "architecture", "Architecture, interiors or property"
    PROFESSIONAL = "professional", "Professional services (legal, finance, consulting, recruitment)"
    FACILITIES = (
        "facilities",
        "Facilities or commercial services (office cleaning, security, maintenance)",
    )
    MANUFACTURING = "manufacturing", "Manufacturing or engineering"
    TECHNOLOGY = "technology", "Software or technology"
    CREATIVE = "creative", "Creative, media or events"
    CHARITY = "charity", "Charity or community organisation"
    OTHER = "other", "Something else"


class Size(models.TextChoices):
    SOLO = "solo", "Just me"
    MICRO = "micro", "2 to 9 people"
    SMALL = "small", "10 to 49 people"
    MEDIUM = "medium", "50 to 249 people"


class SellsTo(models.TextChoices):
    CONSUMERS = "consumers", "Consumers (the public)"
    BUSINESSES = "businesses", "Other businesses"
    BOTH = "both", "Both"


class Reach(models.TextChoices):
    """Whom the business means to reach on social media, when not the people who pay it (a
    brewery paid by pubs that talks to drinkers; a recruiter paid by employers that talks to
    candidates): the networks and the value are judged for that audience."""

    SAME = "same", "The people who buy from us"
    CONSUMERS = (
        "consumers",
        "Mainly the public (for example drinkers, job seekers or patients), "
        "though businesses pay us",
    )
    BUSINESSES = (
        "businesses",
        "Mainly businesses (for example stockists or referrers), though the public pays us",
    )


class Network(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X (Twitter)"
    PINTEREST = "pinterest", "Pinterest"
    GOOGLE_BUSINESS = "google_business", "Google Business Profile"
    WHATSAPP = "whatsapp", "WhatsApp Business or other messaging"
    LOCAL_GROUPS = "local_groups", "Nextdoor or local community groups"


def describe(profile: dict) -> dict:
    """The profile's stored keys as the words people read."""
    return {
        "name": profile["name"],
        "sector": Sector(profile["sector"]).label,
        "size": Size(profile["size"]).label,
        "sells_to": SellsTo(profile["sells_to"]).label,
        "reach": Reach(profile.get("reach", Reach.SAME)).label,
        "reaches_others": profile.get("reach", Reach.SAME) != Reach.SAME,
        "networks": [Network(key).label for key in profile.get("networks", [])],
    }
