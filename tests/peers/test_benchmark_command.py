"""`make benchmark-peers` runs on any database at a small size, prints every figure the
README quotes, and leaves nothing behind; `make benchmark` runs it with production settings."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from peers.models import CountedAudit, PeerGroup
from questionnaire.models import Audit, Business

pytestmark = pytest.mark.django_db


@override_settings(SECURE_SSL_REDIRECT=True)  # as `make benchmark` runs it, debug off
def test_the_benchmark_prints_its_figures_and_rolls_its_data_back(questionnaire):
    out = io.StringIO()
    call_command("benchmark_peers", audits=300, clients=40, runs=2, stdout=out)
    printed = out.getvalue()
    assert "Made 300 submitted audits of 260 businesses (40 of them" in printed
    assert "Rebuild: 260 businesses' latest audits counted" in printed
    assert "Results page: median" in printed and "without:" in printed
    assert "Portfolio of 40 clients: median" in printed
    assert not Audit.objects.exists() and not Business.objects.exists()
    assert not PeerGroup.objects.exists() and not CountedAudit.objects.exists()
