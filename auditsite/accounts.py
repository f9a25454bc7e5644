"""How logins work here: allauth's adapter (settings.ACCOUNT_ADAPTER) and authentication
backend (settings.AUTHENTICATION_BACKENDS), each adjusted in one place."""

from allauth.account import auth_backends as allauth_backends
from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model


class AccountAdapter(DefaultAccountAdapter):
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
