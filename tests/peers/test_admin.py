"""A site administrator can look at the peer statistics, and cannot edit them: they are
derived from the audits."""

import pytest
from django.test import Client

from peers import counting
from peers.models import PeerGroup
from tests.factories import make_user
from tests.peers.conftest import scored_business

pytestmark = pytest.mark.django_db


def test_the_administrator_sees_each_cohort_and_how_many_it_counts(questionnaire):
    for _ in range(3):
        scored_business(questionnaire)
    scored_business(questionnaire, sector="retail", size="solo")
    counting.rebuild()
    admin = make_user("admin@example.com")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/peers/peergroup/").content.decode()
    assert 'Edition 2026.5: hospitality, micro</a></th><td class="field-businesses">3<' in page
    assert 'Edition 2026.5: every sector, any size</a></th><td class="field-businesses">4<' in page
    assert "/admin/peers/peergroup/add/" not in page
    group = PeerGroup.objects.get(sector="retail", size="solo")
    assert client.post(f"/admin/peers/peergroup/{group.pk}/change/", {}).status_code == 403
