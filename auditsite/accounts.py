"""How logins work here: allauth's adapter (settings.ACCOUNT_ADAPTER) and authentication
backend (settings.AUTHENTICATION_BACKENDS), each adjusted in one place."""

from allauth.account import auth_backends as allauth_backends
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model

from auditsite.pages import landing_page
from common.mail import site_link


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails, with every link on the one configured site address (SITE_URL),
        as the site's other emails: allauth builds its links from the address the request
        came to, which behind a proxy or on a second port is not the one people use."""
        request = allauth_context.request
        origin = request.build_absolute_uri("/") if request is not None else None
        on_site = {
            name: site_link(value[len(origin) - 1 :])
            if origin and isinstance(value, str) and value.startswith(origin)
            else value
            for name, value in context.items()
        }
        extra = {"site_url": settings.SITE_URL, "support_email": settings.SUPPORT_EMAIL}
        super().send_mail(template_prefix, email, {**on_site, **extra})

    def get_login_redirect_url(self, request) -> str:
        """After logging in (with no page asked for): where that person's work is."""
        return landing_page(request.user)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed logins are counted per account *and* client address, so someone spraying
        wrong passwords from elsewhere cannot lock the real owner out of their account (the
        per-address limit in ACCOUNT_RATE_LIMITS still stops a spray from one address)."""
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"


class AuthenticationBackend(allauth_backends.AuthenticationBackend):
    def get_user(self, user_id):
        """The logged-in user with their consultant role, if any, in one query: every page's
        navigation asks whether the user is a consultant."""
        user_model = get_user_model()
        try:  # get(), not first(): no ORDER BY to build on every page
            user = user_model._default_manager.select_related("consultant").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


def user_display(user) -> str:
    return user.email
