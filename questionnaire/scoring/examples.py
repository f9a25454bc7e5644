"""Worked examples: realistic businesses, their answers, and the table of what the scoring
makes of them (with the table of how each network fits, which docs/scoring.md shows too).
The tests (tests/questionnaire/test_worked_examples.py) assert each verdict;
`manage.py calibration_table` writes the table into docs/scoring.md, so the document is
produced from the same data and cannot drift from the code."""

from __future__ import annotations

from dataclasses import dataclass

from questionnaire.scoring import score
from questionnaire.scoring.rubric import Profile, Rubric
from questionnaire.scoring.trace import AuditResult


@dataclass(frozen=True)
class Example:
    key: str
    title: str
    profile: Profile
    answers: dict[str, list[str]]

    def result(self, rubric: Rubric) -> AuditResult:
        return score(rubric, self.answers, self.profile)


# A sound plan: the base most examples vary one or two answers of.
SOUND = {
    "customers": ["clear"],
    "customer_value": ["distinctive"],
    "social_experience": ["useful"],
    "pathway": ["rapport", "understand"],
    "networks": ["instagram"],
    "who_develops": ["named_person"],
    "sustained": ["routine"],
    "growth": ["reply", "invite"],
    "success": ["business_goals"],
}
BROADCAST_ONLY = {
    "social_experience": ["offers"],
    "pathway": ["close"],
    "growth": ["just_post"],
}
ALL_STAGES = ["rapport", "understand", "demonstrate", "recommend", "close", "support"]
ALL_NETWORKS = [
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "linkedin",
    "x",
    "pinterest",
    "google_business",
    "whatsapp",
    "local_groups",
]


def _example(key: str, title: str, profile: Profile, **answers: list[str]) -> Example:
    return Example(key, title, profile, {**SOUND, **answers})


EXAMPLES = (
    _example(
        "bakery",
        "Consumer-only bakery on Instagram and Facebook",
        Profile("consumers", "hospitality", "micro"),
        social_experience=["conversation"],
        pathway=["rapport", "recommend", "close"],
        networks=["instagram", "facebook"],
    ),
    _example(
        "valve_maker",
        "Valve maker selling to engineers, on LinkedIn and YouTube",
        Profile("businesses", "manufacturing", "small"),
        pathway=["understand", "demonstrate", "support"],
        networks=["linkedin", "youtube"],
        sustained=["steady_monthly"],
        growth=["invite", "reply"],
        success=["goals_unreviewed"],
    ),
    _example(
        "startup",
        "Software start-up, founder posting in bursts and buying ads",
        Profile("both", "technology", "micro"),
        customers=["general"],
        customer_value=["believed"],
        networks=["x", "linkedin"],
        who_develops=["owner_self"],
        sustained=["bursts"],
        growth=["paid", "reply"],
        success=["vanity"],
    ),
    _example(
        "accountancy",
        "Accountancy for small firms and households, partner-led LinkedIn, no measures",
        Profile("both", "professional", "micro"),
        networks=["linkedin"],
        sustained=["steady_monthly"],
        growth=["invite", "reply"],
        success=["gut_feel"],
    ),
    _example(
        "wedding_photographer",
        "Wedding photographer working alone, on Instagram and Pinterest",
        Profile("consumers", "creative", "solo"),
        social_experience=["conversation"],
        pathway=["rapport", "demonstrate", "recommend"],
        networks=["instagram", "pinterest"],
        who_develops=["owner_self"],
    ),
    _example(
        "consultancy_on_tiktok",
        "Software consultancy talking to finance directors on TikTok",
        Profile("businesses", "technology", "small"),
        networks=["tiktok"],
    ),
    _example(
        "garden_centre",
        "Garden centre selling to households and to landscapers, on Facebook",
        Profile("both", "retail", "small"),
        pathway=["rapport", "understand", "support"],
        networks=["facebook", "google_business"],
    ),
    _example(
        "law_firm",
        "Commercial law firm publishing a monthly article on LinkedIn",
        Profile("businesses", "professional", "small"),
        pathway=["rapport", "understand", "demonstrate"],
        networks=["linkedin"],
        sustained=["steady_monthly"],
    ),
    _example(
        "plumber_broadcast",
        "Sole-trader plumber who posts offers and never replies",
        Profile("consumers", "trades", "solo"),
        customer_value=["reliable"],
        networks=["facebook", "google_business"],
        who_develops=["owner_self"],
        success=["gut_feel"],
        **BROADCAST_ONLY,
    ),
    Example(
        "dont_know",
        "An owner who answers “I don't know” throughout",
        Profile("both", "other", "micro"),
        {key: ["dont_know"] for key in SOUND},
    ),
    _example(
        "everything_ticked",
        "Gift shop that ticks every stage and every network",
        Profile("consumers", "retail", "micro"),
        pathway=ALL_STAGES,
        networks=ALL_NETWORKS,
    ),
    _example(
        "strong_but_unmeasured",
        "Café strong everywhere but counting only likes",
        Profile("consumers", "hospitality", "micro"),
        networks=["instagram", "google_business"],
        success=["vanity"],
    ),
    _example(
        "hairdresser_no_time",
        "Hairdresser on her own, posting whenever there is a spare moment",
        Profile("consumers", "health_beauty", "solo"),
        networks=["instagram", "whatsapp"],
        who_develops=["owner_self"],
        sustained=["bursts"],
    ),
    _example(
        "dentist_agency",
        "Dental practice that hands everything to an agency",
        Profile("consumers", "health_beauty", "small"),
        networks=["facebook", "google_business"],
        who_develops=["agency_only"],
    ),
    _example(
        "florist_not_yet",
        "Florist who wants to be everywhere, with nobody and no time",
        Profile("consumers", "retail", "micro"),
        customers=["general"],
        customer_value=["reliable"],
        social_experience=["offers"],
        pathway=["close"],
        networks=["everywhere"],
        who_develops=["nobody"],
        sustained=["no_time"],
        growth=["just_post"],
        success=["vanity"],
    ),
    _example(
        "charity_volunteers",
        "Local charity run by whichever volunteer has a moment",
        Profile("consumers", "charity", "small"),
        social_experience=["conversation"],
        networks=["facebook", "local_groups"],
        who_develops=["spare_moments"],
        sustained=["hours_no_plan"],
    ),
    _example(
        "fabricator_on_instagram",
        "Metal fabricator selling to contractors, on Instagram and TikTok",
        Profile("businesses", "manufacturing", "micro"),
        networks=["instagram", "tiktok"],
    ),
    _example(
        "printer_both",
        "Print shop for households and firms, friendly but much like its competitors",
        Profile("both", "retail", "micro"),
        customer_value=["reliable"],
        social_experience=["conversation"],
        networks=["facebook", "google_business", "linkedin"],
    ),
    _example(
        "hotel_spread_thin",
        "Small hotel on five networks at once",
        Profile("consumers", "hospitality", "small"),
        networks=["instagram", "facebook", "tiktok", "google_business", "whatsapp"],
    ),
    _example(
        "recruiter",
        "Recruitment agency with a freelancer and an in-house consultant on LinkedIn",
        Profile("businesses", "professional", "small"),
        networks=["linkedin"],
        who_develops=["agency_with_owner"],
    ),
    _example(
        "manufacturer_spare_moments",
        "Mid-sized manufacturer where whoever is free posts",
        Profile("businesses", "manufacturing", "medium"),
        networks=["linkedin", "youtube"],
        who_develops=["spare_moments"],
        sustained=["hours_no_plan"],
    ),
    _example(
        "restaurant_ads",
        "Restaurant that pushes offers and pays for reach",
        Profile("consumers", "hospitality", "small"),
        social_experience=["offers"],
        pathway=["close", "demonstrate"],
        networks=["instagram", "facebook"],
        growth=["paid"],
    ),
    _example(
        "landscaper_showcase",
        "Landscape gardener working alone, posting photos of finished gardens",
        Profile("consumers", "trades", "solo"),
        social_experience=["showcase"],
        pathway=["demonstrate", "recommend"],
        networks=["instagram", "facebook"],
        who_develops=["owner_self"],
        sustained=["steady_monthly"],
        growth=["reply", "reviews"],
    ),
    _example(
        "brewery_two_sided",
        "Craft brewery selling to pubs and shops, talking to drinkers with humour",
        Profile("businesses", "food_drink", "small", reach="consumers"),
        social_experience=["entertainment"],
        pathway=["rapport", "recommend"],
        networks=["instagram", "tiktok"],
    ),
    _example(
        "dog_groomer_prelaunch",
        "Mobile dog groomer about to launch, still finding out who will book",
        Profile("consumers", "pet_personal", "solo"),
        customers=["testing"],
        customer_value=["believed"],
        networks=["facebook", "local_groups"],
        who_develops=["owner_self"],
        growth=["reply", "invite", "reviews"],
    ),
    _example(
        "physio_no_replies",
        "Physiotherapy clinic with good posts and nobody answering messages",
        Profile("consumers", "health_beauty", "small"),
        networks=["facebook", "google_business"],
        growth=["paid", "just_post"],
    ),
    _example(
        "cleaning_firm_b2b",
        "Office cleaning firm on LinkedIn, much like its competitors",
        Profile("businesses", "facilities", "small"),
        customer_value=["reliable"],
        social_experience=["showcase"],
        networks=["linkedin", "google_business"],
    ),
)
EXAMPLES_BY_KEY = {example.key: example for example in EXAMPLES}


def _readiness(result: AuditResult, model: str) -> str:
    readiness = result.verdict.readiness.get(model)
    return f"{readiness.score} {readiness.band_label}" if readiness else "not assessed"


def _first_step(result: AuditResult) -> str:
    if not result.steps:
        return "nothing to fix"
    step = result.steps[0]
    numbers = " + ".join(f"Q{q.number}" for q in step.step.questions)
    return f"{numbers}: {step.topic} ({', '.join(f'+{gain}' for _, gain in step.gains)})"


def calibration_table(rubric: Rubric) -> str:
    """Every worked example with its headline, readiness and first step, as Markdown."""
    lines = [
        "| business | sells to | headline | B2C | B2B | first step |",
        "|---|---|---|---|---|---|",
    ]
    for example in EXAMPLES:
        result = example.result(rubric)
        lines.append(
            f"| {example.title} | {example.profile.sells_to} | {result.headline.text} "
            f"| {_readiness(result, 'b2c')} | {_readiness(result, 'b2b')} "
            f"| {_first_step(result)} |"
        )
    return "\n".join(lines) + "\n"


def network_table(rubric: Rubric, sector_labels: dict[str, str]) -> str:
    """How each network fits each audience, with every sector that differs, as Markdown."""
    lines = [
        "| network | consumers | business buyers | sectors that differ (consumers / businesses) |",
        "|---|---|---|---|",
    ]
    for option in rubric.questions_by_key["networks"].real_options:
        fit = option.traits["fit"]
        exceptions = [
            f"{sector_labels.get(sector, sector)}: "
            f"{found.get('consumers', fit['consumers'])} / "
            f"{found.get('businesses', fit['businesses'])}"
            for sector, found in fit.get("sectors", {}).items()
        ]
        lines.append(
            f"| {option.label.split(' (')[0]} | {fit['consumers']} | {fit['businesses']} "
            f"| {'; '.join(exceptions) or 'none'} |"
        )
    return "\n".join(lines) + "\n"
