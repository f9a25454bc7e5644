"""The site's plain pages: the home page (or each person's own landing page), how the score
is worked out, the privacy note, the favicon, and the support address every page offers."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from consulting.access import is_consultant
from questionnaire.editions import current_content


def home(request):
    if request.user.is_authenticated:
        return redirect(landing_page(request.user))
    return render(request, "home.html")


def landing_page(user) -> str:
    """Where someone's work is: an administrator's is the admin, a consultant's their client
    audits, an owner's their own audits."""
    if user.is_staff:
        return reverse("admin:index")
    if is_consultant(user):
        return reverse("consulting:dashboard")
    return reverse("questionnaire:my_audits")


def support_email(request) -> dict:
    return {"support_email": settings.SUPPORT_EMAIL}


def privacy(request):
    kept_for = {
        "draft_expiry_days": settings.DRAFT_EXPIRY_DAYS,
        "session_days": settings.SESSION_COOKIE_AGE // (24 * 60 * 60),
    }
    return render(request, "pages/privacy.html", kept_for)


def scoring(request):
    """How the score is worked out, with the current edition's bands and what each means."""
    edition = current_content()
    return render(request, "pages/scoring.html", {"bands": edition.bands if edition else ()})


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the real icon."""
    return redirect(staticfiles_storage.url("favicon.svg"), permanent=True)
