"""The login throttle is right in production: the client address comes from the trusted
proxies, a spray from elsewhere never locks the real owner out, the admin login is
throttled too, and every worker shares the counters (issue 11, observation 2)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.1"  # the TLS proxy every request arrives from


@pytest.fixture
def behind_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def from_address(address: str | None) -> Client:
    headers = {"REMOTE_ADDR": PROXY}
    if address:
        headers["HTTP_X_FORWARDED_FOR"] = address
    return Client(**headers)


def log_in(client: Client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def is_logged_in(client: Client) -> bool:
    return client.get(reverse("questionnaire:my_audits")).status_code == 200


def test_a_spray_from_one_client_does_not_block_other_clients(behind_proxy, owner, other_owner):
    attacker = from_address("203.0.113.9")
    for n in range(12):
        log_in(attacker, f"someone{n}@example.com", "guess")
    owner_browser = from_address("198.51.100.7")
    log_in(owner_browser, owner.email, PASSWORD)
    assert is_logged_in(owner_browser)


def test_wrong_passwords_for_an_account_from_elsewhere_do_not_lock_its_owner_out(
    behind_proxy, owner
):
    attacker = from_address("203.0.113.9")
    for _ in range(6):
        log_in(attacker, owner.email, "guess")
    assert (
        "Too many failed login attempts" in log_in(attacker, owner.email, PASSWORD).content.decode()
    )
    owner_browser = from_address("198.51.100.7")
    log_in(owner_browser, owner.email, PASSWORD)
    assert is_logged_in(owner_browser)


def test_a_forged_forwarded_for_is_not_believed_without_a_trusted_proxy(owner):
    for n in range(6):
        log_in(from_address(f"203.0.113.{n}"), owner.email, "guess")
    response = log_in(from_address("198.51.100.7"), owner.email, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()


def test_the_admin_login_goes_through_the_same_throttle(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", PASSWORD)
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("admin:login"))
    login_page = client.get(response["Location"])
    assert login_page["Location"].startswith(reverse("account_login"))
    for _ in range(6):
        log_in(client, admin.email, "guess")
    assert (
        "Too many failed login attempts" in log_in(client, admin.email, PASSWORD).content.decode()
    )
    assert client.get("/admin/").status_code == 302


def test_the_counters_live_in_a_cache_every_worker_shares():
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend.endswith(("DatabaseCache", "RedisCache"))
