"""Everything the site holds about a person, downloaded as one ZIP and read back."""

import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consulting.models import AuditNote, Invitation, Recommendation, ScoreOverride
from questionnaire.models import Dimension
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_consultant
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

NOTE = 'Families on weekends; "commuters" <before 9>'


def download(client) -> zipfile.ZipFile:
    response = client.get(reverse("privacy:export"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="social-media-audit')
    return zipfile.ZipFile(io.BytesIO(response.content))


def read(archive: zipfile.ZipFile, ending: str):
    [name] = [name for name in archive.namelist() if name.endswith(ending)]
    return json.loads(archive.read(name)) if name.endswith(".json") else archive.read(name)


@pytest.fixture
def shared_business(owner, questionnaire):
    carla = make_consultant("carla.consultant@example.com", "Carla Jones")
    business = make_business(owner, "Corner Café", networks=["instagram"])
    business.shares.create(consultant=carla)
    audit = make_audit(business, GOOD_ANSWERS, submit=True, notes={"customers": NOTE})
    Recommendation.objects.create(audit=audit, author=carla, text="Answer every review.")
    ScoreOverride.objects.create(
        audit=audit, dimension="value", score=45, reason="Prices match the chain down the road",
        author=carla,
    )  # fmt: skip
    AuditNote.objects.create(audit=audit, author=carla, text="Carla's own thoughts")
    make_audit(business, {"customers": ["general"]})  # a draft, begun since
    return business, carla


def test_the_archive_holds_the_account_businesses_audits_and_reports(
    owner_client, owner, shared_business, other_owner
):
    business, _ = shared_business
    make_business(other_owner, "Oscar's Garage")
    archive = download(owner_client)
    names = archive.namelist()
    folder = f"businesses/{business.pk}-corner-cafe"
    assert "README.txt" in names and "account.json" in names
    readme = archive.read("README.txt").decode()
    assert readme.startswith(
        f"What the social-media strategy audit holds about {owner.email}, as of"
    )
    assert f"{timezone.now():%d %B %Y}" in readme.splitlines()[0]
    assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    account = read(archive, "account.json")
    owner.refresh_from_db()  # logged in by the client
    assert account == {
        "email": owner.email,
        "email_addresses": [{"email": owner.email, "verified": True, "primary": True}],
        "joined": str(owner.date_joined),
        "last_login": str(owner.last_login),
    }
    raw = archive.read(f"{folder}/business.json").decode("utf-8")
    assert '\n  "name": "Corner Café",\n' in raw  # readable: indented, accents as they are
    profile = read(archive, f"{folder}/business.json")
    assert profile.pop("created").startswith(f"{business.created_at:%Y-%m-%d}")
    assert profile.pop("shared_with")[0] | {"since": "-"} == {
        "consultant": "Carla Jones",
        "email": "carla.consultant@example.com",
        "since": "-",
    }
    assert profile == {
        "name": "Corner Café",
        "sector": "Café, restaurant, hotel or venue",
        "size": "2 to 9 people",
        "sells_to": "Consumers (the public)",
        "reaches_on_social_media": business.get_reach_display(),
        "networks": ["instagram"],
    }

    audits = sorted(name for name in names if name.startswith(f"{folder}/audits/"))
    assert [name.rsplit(".", 1)[1] for name in audits].count("json") == 2
    submitted = next(
        json.loads(archive.read(name))
        for name in audits
        if name.endswith(".json") and json.loads(archive.read(name))["submitted"]
    )
    assert set(submitted) == {
        "status", "questionnaire_edition", "started", "submitted", "reviewed", "answers",
        "verdict", "recommendations", "score_overrides",
    }  # fmt: skip
    assert submitted["status"] == "Submitted" and submitted["reviewed"] is None
    assert submitted["questionnaire_edition"] == business.audits.first().edition.name
    assert set(submitted["verdict"]) == {
        "headline", "b2c_readiness", "b2c_band", "b2b_readiness", "b2b_band", "dimension_scores",
    }  # fmt: skip
    assert submitted["verdict"]["b2b_readiness"] is None and submitted["verdict"]["b2c_band"]
    assert set(submitted["verdict"]["dimension_scores"]) == {d.value for d in Dimension}
    assert submitted["score_overrides"] == [
        {"dimension": "Value", "score": 45, "reason": "Prices match the chain down the road"}
    ]
    assert submitted["recommendations"][0]["by"] == "Carla Jones"
    assert set(submitted["recommendations"][0]) == {"by", "written", "text"}
    first = submitted["answers"][0]
    assert first["asked"] == business.audits.first().edition.questions.get(number=1).text
    assert first["question"] == 1 and first["note"] == NOTE  # as typed: JSON, not HTML
    assert first["answer"] == ["I can name our main customer groups (or, before launch, the "
                               "ones we are for), what each buys and why"]  # fmt: skip
    assert submitted["verdict"]["headline"] and submitted["verdict"]["b2c_readiness"] > 0
    assert submitted["recommendations"][0]["text"] == "Answer every review."
    [report] = [name for name in audits if name.endswith(".pdf")]
    assert "Corner Café" in pdf_text(archive.read(report))
    everything = b"".join(archive.read(name) for name in names if not name.endswith(".pdf"))
    assert b"Oscar" not in everything  # another owner's business
    assert b"Carla's own thoughts" not in everything  # a consultant's private note


def test_a_consultants_archive_holds_what_they_wrote_and_whom_they_invited(shared_business):
    business, carla = shared_business
    Invitation.issue(carla, "dan@example.com", "Shall we look at your plans?")
    client = Client()
    client.force_login(carla)
    written = read(download(client), "consultant.json")
    assert written["name"] == "Carla Jones"
    [invitation] = written["invitations_sent"]
    assert invitation["to"] == "dan@example.com" and invitation["accepted"] is None
    assert invitation["message"] == "Shall we look at your plans?" and invitation["sent"]
    [recommendation] = written["recommendations_written"]
    [note] = written["private_notes_written"]
    audit = business.audits.get(status="submitted")
    for item, text in ((recommendation, "Answer every review."), (note, "Carla's own thoughts")):
        assert item["text"] == text and item["business"] == "Corner Café"
        assert item["audit"] == audit.pk and item["written"].startswith(f"{audit.created_at:%Y}")


def test_a_business_with_no_letters_in_its_name_still_gets_a_folder(owner_client, owner):
    business = make_business(owner, "???")
    names = download(owner_client).namelist()
    assert f"businesses/{business.pk}-business/business.json" in names


def test_a_visitor_is_sent_to_log_in(visitor):
    response = visitor.get(reverse("privacy:export"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
