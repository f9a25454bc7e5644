"""The review page respects the consultant's work: saving returns to the same part of the
page, errors show where they are with the text kept, recommendations and notes can be
edited and deleted with their earlier wording kept (who and when), "Mark as reviewed" asks
first, and the recommendations lead the client's results page and the PDF's summary."""

import pytest
from django.core import mail
from django.urls import reverse

from consulting.models import AuditNote, Recommendation, TextChange
from tests.consulting.conftest import logged_in
from tests.factories import make_consultant, share_business
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def review(client, audit) -> str:
    return client.get(reverse("consulting:review", args=[audit.pk])).content.decode()


def test_saving_returns_to_the_part_of_the_page_it_was_sent_from(carla_client, olive_audit):
    base = reverse("consulting:review", args=[olive_audit.pk])
    sent = {
        "add_recommendation": ({"text": "Post the weekly bake"}, "#recommendations"),
        "add_note": ({"text": "Ask about the second shop"}, "#notes"),
        "override": ({"dimension": "value", "score": 50, "reason": "Seen it"}, "#scores"),
    }
    for name, (data, place) in sent.items():
        response = carla_client.post(reverse(f"consulting:{name}", args=[olive_audit.pk]), data)
        assert response["Location"] == base + place, name
    page = review(carla_client, olive_audit)
    for place in ("recommendations", "notes", "override"):  # each form posts to its place
        assert f'#{place}" novalidate>' in page


def test_an_error_is_shown_by_its_form_with_the_text_kept(carla, carla_client, olive_audit):
    for number in range(15):
        Recommendation.objects.create(audit=olive_audit, author=carla, text=f"r{number}")
    url = reverse("consulting:add_recommendation", args=[olive_audit.pk])
    page = carla_client.post(url, {"text": "One more <idea>"}).content.decode()
    assert "at most 15 recommendations" in page and "One more &lt;idea&gt;</textarea>" in page
    assert f'action="{url}#recommendations"' in page  # the page opens at the form


def test_a_recommendation_is_edited_and_its_earlier_wording_kept(
    carla, carla_client, olive_audit, owner_client
):
    recommendation = Recommendation.objects.create(
        audit=olive_audit, author=carla, text="Post twice a week"
    )
    url = reverse("consulting:edit_recommendation", args=[olive_audit.pk, recommendation.pk])
    form = carla_client.get(url).content.decode()
    assert "Post twice a week</textarea>" in form and "Edit the recommendation" in form
    assert 'name="csrfmiddlewaretoken"' in form  # a real browser can send it
    back = reverse("consulting:review", args=[olive_audit.pk]) + "#recommendations"
    assert f'href="{back}">Cancel' in form  # and back to where it was
    response = carla_client.post(url, {"text": "Post three times a week"}, follow=True)
    assert response.redirect_chain[-1][0] == back
    assert "Recommendation changed: your client sees the new wording." in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.text == "Post three times a week"
    page = review(carla_client, olive_audit)
    assert "Earlier wordings of recommendations (1)" in page
    assert "Edited by Carla Jones" in page and "Post twice a week" in page
    assert "Earlier wordings of your notes" not in page  # a recommendation's, not a note's
    results = reverse("reports:audit_results", args=[olive_audit.pk])
    client_page = owner_client.get(results).content.decode()
    assert "Post three times a week" in client_page and "Post twice a week" not in client_page


def test_a_co_consultant_sees_who_deleted_a_recommendation(carla, carla_client, olive_audit):
    dora = make_consultant("dora@example.com", "Dora Lee")
    share_business(olive_audit.business, dora)
    recommendation = Recommendation.objects.create(audit=olive_audit, author=carla, text="Drop X")
    delete = reverse("consulting:delete_recommendation", args=[olive_audit.pk, recommendation.pk])
    assert carla_client.post(delete)["Location"].endswith("#recommendations")
    assert not Recommendation.objects.exists()
    page = review(logged_in(dora), olive_audit)
    assert "Deleted by Carla Jones" in page and "Drop X" in page


def test_a_private_note_is_edited_and_deleted_by_its_author_alone(carla, carla_client, olive_audit):
    dora = make_consultant("dora@example.com", "Dora Lee")
    share_business(olive_audit.business, dora)
    dora_client = logged_in(dora)
    note = AuditNote.objects.create(audit=olive_audit, author=carla, text="Owner is unsure")
    edit = reverse("consulting:edit_note", args=[olive_audit.pk, note.pk])
    delete = reverse("consulting:delete_note", args=[olive_audit.pk, note.pk])
    assert dora_client.get(edit).status_code == 404
    assert dora_client.post(edit, {"text": "Hijacked"}).status_code == 404
    assert dora_client.post(delete).status_code == 404
    assert carla_client.post(edit, {"text": "Owner is keen"})["Location"].endswith("#notes")
    assert carla_client.post(delete)["Location"].endswith("#notes")
    assert not AuditNote.objects.exists()
    mine = review(carla_client, olive_audit)
    assert "Earlier wordings of your notes (2)" in mine and "Owner is unsure" in mine
    theirs = review(dora_client, olive_audit)
    assert "Owner is unsure" not in theirs and "Owner is keen" not in theirs
    assert TextChange.objects.filter(kind="note").count() == 2


def test_an_unchanged_edit_keeps_no_history(carla, carla_client, olive_audit):
    note = AuditNote.objects.create(audit=olive_audit, author=carla, text="Same")
    carla_client.post(
        reverse("consulting:edit_note", args=[olive_audit.pk, note.pk]), {"text": "Same"}
    )
    assert not TextChange.objects.exists()


def test_editing_at_the_limit_is_allowed(carla, carla_client, olive_audit):
    notes = [AuditNote(audit=olive_audit, author=carla, text=f"n{i}") for i in range(50)]
    AuditNote.objects.bulk_create(notes)
    note = AuditNote.objects.filter(audit=olive_audit).first()
    url = reverse("consulting:edit_note", args=[olive_audit.pk, note.pk])
    assert carla_client.post(url, {"text": "n0, rewritten"}).status_code == 302
    note.refresh_from_db()
    assert note.text == "n0, rewritten"


def test_mark_as_reviewed_asks_first(carla_client, olive_audit, django_capture_on_commit_callbacks):
    page = review(carla_client, olive_audit)
    confirm = reverse("consulting:confirm_reviewed", args=[olive_audit.pk])
    assert f'href="{confirm}">Mark as reviewed' in page and 'value="finish"' not in page
    asked = carla_client.get(confirm).content.decode()
    assert "olive.owner@example.com is emailed at once" in asked
    assert "You have written no recommendations" in asked
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        carla_client.post(reverse("consulting:status", args=[olive_audit.pk]), {"step": "finish"})
    olive_audit.refresh_from_db()
    assert olive_audit.status == "reviewed" and len(mail.outbox) == 1
    assert carla_client.get(confirm)["Location"] == reverse(
        "consulting:review", args=[olive_audit.pk]
    )


def test_recommendations_lead_the_results_page_and_the_pdf_summary(
    carla, olive_audit, owner_client
):
    Recommendation.objects.create(audit=olive_audit, author=carla, text="Film the kneading")
    page = owner_client.get(reverse("reports:audit_results", args=[olive_audit.pk]))
    text = page.content.decode()
    assert text.index("Film the kneading") < text.index("How you compare")
    assert text.index("Film the kneading") < text.index("Action plan")
    download = owner_client.get(reverse("reports:audit_pdf", args=[olive_audit.pk]))
    pdf = pdf_text(b"".join(download.streaming_content))
    summary = pdf.index("Executive summary")
    assert summary < pdf.index("Film the kneading") < pdf.index("What the bands mean")
    assert pdf.count("Film the kneading") == 1  # not again in the body
