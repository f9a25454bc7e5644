"""Production settings: `check --deploy` is clean, and a missing secret key stops the start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from common.env import env_bool, env_list

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k" * 30 + "-a-long-random-production-secret-value",
        DJANGO_ALLOWED_HOSTS="audit.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="audit.example.com")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_with_nothing_set_the_site_is_in_production_mode():
    """Fail closed: forgetting DJANGO_DEBUG must never mean debug pages and a public key."""
    result = manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_the_demo_data_refuses_to_be_seeded_in_production():
    result = manage(
        "seed_demo",
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ALLOWED_HOSTS="audit.example.com",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode != 0
    assert "runs only for local use (DJANGO_DEBUG=1)" in result.stderr


def test_a_bad_boolean_fails_loudly(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG must be one of"):
        env_bool("DJANGO_DEBUG", False)


def test_host_lists_are_split_and_trimmed(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", " a.example.com, ,b.example.com ")
    assert env_list("DJANGO_ALLOWED_HOSTS") == ["a.example.com", "b.example.com"]


@pytest.mark.django_db
def test_every_page_carries_a_strict_content_security_policy_and_permissions_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "script-src" not in policy  # default-src 'self'
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_health_endpoint_reports_the_database_and_the_cache(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert set(response.json()) == {"Database(alias='default')", "Cache(alias='default')"}
