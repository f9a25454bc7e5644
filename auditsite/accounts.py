"""How allauth treats logins here (settings.ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed logins are counted per account *and* client address, so someone spraying
        wrong passwords from elsewhere cannot lock the real owner out of their account (the
        per-address limit in ACCOUNT_RATE_LIMITS still stops a spray from one address)."""
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"
