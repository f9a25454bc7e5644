"""A practice: set up by its first lead, who sets its brand (checked: logo type and size,
accent contrast) and its members; its start link brings a client who chooses to share;
its brand is on the client's results, PDF, invitation page and emails."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from PIL import Image

from consulting.models import Membership, Practice, Share
from questionnaire.models import Audit
from tests.consulting.conftest import logged_in
from tests.factories import (
    GOOD_ANSWERS,
    PASSWORD,
    make_audit,
    make_business,
    make_consultant,
    make_practice,
    make_user,
)
from tests.questionnaire.test_guest import answer_three
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

BRAND = {
    "name": "Harbour Marketing",
    "accent_colour": "#7a1f3d",
    "footer_text": "Harbour Marketing Ltd, 4 Quay Street, Bristol",
    "sender_name": "Lena at Harbour",
    "reply_to": "lena@harbour.example",
}


def image_bytes(fmt: str, size=(1200, 400), colour=(200, 30, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def lena(db):
    return make_consultant("lena@example.com", "Lena Fox")


@pytest.fixture
def harbour(lena):
    return make_practice(lena, "Harbour Marketing")


@pytest.fixture
def lena_client(lena):
    return logged_in(lena)


def branded(lena_client, **changes):
    return lena_client.post(reverse("consulting:change_brand"), {**BRAND, **changes})


def test_a_consultant_sets_up_a_practice_and_leads_it(db):
    sam = make_consultant("sam@example.com", "Sam")
    client = logged_in(sam)
    assert "Set up your practice" in client.get(reverse("consulting:practice")).content.decode()
    empty = client.post(reverse("consulting:practice"), {"name": ""})
    assert "Give the practice a name." in empty.content.decode()
    client.post(reverse("consulting:practice"), {"name": "Review & Co"})
    practice = Practice.objects.get()
    assert practice.slug == "review-co"
    assert Membership.objects.get(user=sam).role == "lead"
    page = client.get(reverse("consulting:practice")).content.decode()
    assert "http://127.0.0.1:8000/start/review-co/" in page and "Brand" in page


def test_a_slug_never_takes_a_guest_page_address(db):
    for name in ("Review", "Review"):
        client = logged_in(make_consultant(f"{len(Practice.objects.all())}@x.example"))
        client.post(reverse("consulting:practice"), {"name": name})
    assert sorted(Practice.objects.values_list("slug", flat=True)) == [
        "review-practice",
        "review-practice-2",
    ]


def test_the_brand_is_saved_and_a_png_logo_is_made_small(lena_client, harbour):
    answer = branded(lena_client, logo_upload=upload("logo.png", image_bytes("PNG"), "image/png"))
    assert answer.status_code == 302
    harbour.refresh_from_db()
    assert harbour.sender_name == "Lena at Harbour" and harbour.accent_colour == "#7a1f3d"
    logo = Image.open(io.BytesIO(bytes(harbour.logo)))
    assert logo.format == "PNG" and logo.size == (600, 200)
    served = Client().get(reverse("consulting:practice_logo", args=[harbour.slug]))
    assert served["Content-Type"] == "image/png" and served.content == bytes(harbour.logo)


def test_a_jpeg_logo_is_accepted_and_can_be_removed(lena_client, harbour):
    branded(
        lena_client, logo_upload=upload("logo.jpg", image_bytes("JPEG", (300, 100)), "image/jpeg")
    )
    harbour.refresh_from_db()
    assert Image.open(io.BytesIO(bytes(harbour.logo))).size == (300, 100)
    branded(lena_client, remove_logo="on")
    harbour.refresh_from_db()
    assert bytes(harbour.logo) == b""
    assert Client().get(reverse("consulting:practice_logo", args=[harbour.slug])).status_code == 404


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "name, content, content_type, message",
    [
        ("logo.svg", SVG, "image/svg+xml", "SVG is not accepted"),
        ("logo.png", b"not an image at all", "image/png", "This is not a PNG or JPEG image"),
        ("logo.gif", None, "image/gif", "This is not a PNG or JPEG image"),
        ("logo.png", b"\x89PNG" + b"0" * (1024 * 1024), "image/png", "a logo may be up to 1 MB"),
    ],
)
def test_a_logo_that_is_not_a_small_png_or_jpeg_is_refused_with_the_reason(
    lena_client, harbour, name, content, content_type, message
):
    content = image_bytes("GIF") if content is None else content
    answer = branded(
        lena_client, name="Harbour Renamed", logo_upload=upload(name, content, content_type)
    )
    page = answer.content.decode()
    assert answer.status_code == 400 and message in page
    assert 'value="Harbour Renamed"' in page  # what was typed is kept
    harbour.refresh_from_db()
    assert harbour.name == "Harbour Marketing" and bytes(harbour.logo) == b""


@pytest.mark.parametrize(
    "colour, accepted",
    [("#767676", True), ("#777777", False), ("#ffd34d", False), ("#1F4E5F", True), ("red", False)],
)
def test_an_accent_colour_is_refused_below_wcag_aa_contrast(lena_client, harbour, colour, accepted):
    answer = branded(lena_client, accent_colour=colour)
    harbour.refresh_from_db()
    assert (harbour.accent_colour == colour.lower()) is accepted
    if not accepted:
        assert answer.status_code == 400
        assert re.search(r"below the 4.5 to 1|six hex digits", answer.content.decode())


@pytest.fixture
def olive_shared(harbour, questionnaire):
    """Olive's submitted audit, her business shared with Harbour Marketing."""
    olive = make_user("olive@example.com")
    business = make_business(olive, "Olive's Bakery")
    lead = harbour.memberships.get().user
    Share.make(business, lead, harbour)
    return make_audit(business, GOOD_ANSWERS, submit=True)


def test_the_brand_is_on_the_clients_results_and_pdf(lena_client, harbour, olive_shared):
    branded(lena_client, logo_upload=upload("logo.png", image_bytes("PNG"), "image/png"))
    olive = logged_in(olive_shared.business.owner)
    results = olive.get(reverse("reports:audit_results", args=[olive_shared.pk]))
    page = results.content.decode()
    assert 'alt="Harbour Marketing"' in page and "#7a1f3d" in page
    assert "nonce-" in results["Content-Security-Policy"]  # the accent's <style> may apply
    pdf = b"".join(
        olive.get(reverse("reports:audit_pdf", args=[olive_shared.pk])).streaming_content
    )
    text = pdf_text(pdf)
    assert "Harbour Marketing" in text
    assert "Harbour Marketing Ltd, 4 Quay Street, Bristol" in text  # the footer, every page
    assert text.count("4 Quay Street") >= 4


def test_a_new_brand_renders_a_new_pdf(lena_client, harbour, olive_shared):
    olive = logged_in(olive_shared.business.owner)
    url = reverse("reports:audit_pdf", args=[olive_shared.pk])
    before = b"".join(olive.get(url).streaming_content)
    branded(lena_client, name="Harbour & Sons")
    after = pdf_text(b"".join(olive.get(url).streaming_content))
    assert "Harbour & Sons" in after and "Harbour & Sons" not in pdf_text(before)


def test_a_client_of_no_practice_sees_the_sites_own_brand(questionnaire):
    olive = make_user("olive@example.com")
    audit = make_audit(make_business(olive, "Olive's Bakery"), GOOD_ANSWERS, submit=True)
    page = logged_in(olive).get(reverse("reports:audit_results", args=[audit.pk])).content.decode()
    assert "brand-banner" not in page


def test_the_invitation_email_and_page_carry_the_brand(
    lena_client, harbour, django_capture_on_commit_callbacks
):
    branded(lena_client)
    with django_capture_on_commit_callbacks(execute=True):
        lena_client.post(reverse("consulting:invitations"), {"email": "olive@example.com"})
    [message] = mail.outbox
    assert message.from_email == "Lena at Harbour <audit@localhost>"
    assert message.reply_to == ["lena@harbour.example"]
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "#7a1f3d" in html and BRAND["footer_text"] in html
    link = re.search(r"https?://[^/\s]+(/invitations/\S+/)", message.body).group(1)
    assert link in html  # the same link in both parts
    page = Client().get(link).content.decode()
    assert "Harbour Marketing" in page and "brand-banner" in page


def test_the_review_done_email_carries_the_brand(lena_client, harbour, olive_shared):
    from consulting import emails

    branded(lena_client)
    emails.review_done(olive_shared)
    [message] = mail.outbox
    assert message.to == ["olive@example.com"]
    assert message.from_email == "Lena at Harbour <audit@localhost>"
    assert "Harbour Marketing Ltd" in message.alternatives[0][0]


def test_an_email_escapes_what_a_lead_typed(lena_client, harbour, olive_shared):
    from consulting import emails

    branded(lena_client, footer_text="<img src=x onerror=alert(1)>")
    emails.review_done(olive_shared)
    html = mail.outbox[0].alternatives[0][0]
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_a_visitor_from_the_start_link_chooses_to_share_and_appears_on_the_dashboard(
    lena_client, harbour, questionnaire
):
    visitor = Client()
    landing = visitor.get(reverse("consulting:practice_start", args=[harbour.slug]))
    assert "A social-media audit, with Harbour Marketing" in landing.content.decode()
    answer_three(visitor)
    question = visitor.get(reverse("questionnaire:guest_step", args=[4])).content.decode()
    assert "brand-banner" in question  # the practice's brand all the way
    signup = f"{reverse('account_signup')}?next={reverse('questionnaire:guest_claimed')}"
    visitor.post(signup, {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD})
    audit = Audit.objects.get(business__owner__email="new@example.com")
    asked = visitor.get(reverse("questionnaire:guest_claimed"))
    consent = reverse("consulting:share_with_practice", args=[harbour.slug])
    assert asked["Location"] == f"{consent}?audit={audit.pk}"
    page = visitor.get(asked["Location"]).content.decode()
    assert "Share your business with Harbour Marketing?" in page and "checked" in page
    assert not Share.objects.exists()  # nothing shared until the owner chooses
    shared = visitor.post(asked["Location"], {"business": audit.business_id, "share": "1"})
    assert shared["Location"] == reverse("questionnaire:audit_review", args=[audit.pk])
    share = Share.objects.get()
    assert share.practice == harbour and share.business == audit.business
    after = visitor.get(reverse("questionnaire:my_audits")).content.decode()
    assert "brand-banner" not in after  # chosen: the site's own pages again
    # the client shows on the practice's dashboard once the audit is submitted
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.SUBMITTED)
    assert "Harbour Bakery" in lena_client.get(reverse("consulting:dashboard")).content.decode()


def test_declining_shares_nothing(harbour, questionnaire):
    olive = make_user("olive@example.com")
    business = make_business(olive, "Olive's Bakery")
    client = logged_in(olive)
    went = client.get(reverse("consulting:practice_start", args=[harbour.slug]))
    consent = reverse("consulting:share_with_practice", args=[harbour.slug])
    assert went["Location"] == consent  # signed in already: asked straight away
    client.post(consent, {"business": business.pk, "not_now": "1"})
    assert not Share.objects.exists()


def test_an_owner_cannot_share_someone_elses_business(harbour, questionnaire):
    oscar_business = make_business(make_user("oscar@example.com"), "Oscar's Garage")
    client = logged_in(make_user("olive@example.com"))
    consent = reverse("consulting:share_with_practice", args=[harbour.slug])
    answer = client.post(consent, {"business": oscar_business.pk, "share": "1"})
    assert answer.status_code == 404 and not Share.objects.exists()


def test_the_lead_adds_only_consultants_who_have_no_practice(lena_client, harbour):
    make_user("plain@example.com")
    otto = make_consultant("otto@example.com")
    make_practice(otto, "Otto & Co")
    max_ = make_consultant("max@example.com", "Max")
    for email, message in [
        ("plain@example.com", "has no consultant account here"),
        ("otto@example.com", "is already a member of a practice"),
    ]:
        answer = lena_client.post(
            reverse("consulting:add_member"), {"email": email, "role": "consultant"}
        )
        assert answer.status_code == 400 and message in answer.content.decode()
        assert f'value="{email}"' in answer.content.decode()
    lena_client.post(
        reverse("consulting:add_member"), {"email": "MAX@example.com", "role": "consultant"}
    )
    assert Membership.objects.get(user=max_).practice == harbour


def test_a_lead_can_hand_over_and_step_down(lena_client, lena, harbour):
    max_ = make_consultant("max@example.com", "Max")
    maxs = Membership.objects.create(practice=harbour, user=max_)
    lena_client.post(reverse("consulting:change_member", args=[maxs.pk]), {"action": "lead"})
    lenas = Membership.objects.get(user=lena)
    lena_client.post(reverse("consulting:change_member", args=[lenas.pk]), {"action": "consultant"})
    assert dict(harbour.memberships.values_list("user__email", "role")) == {
        "lena@example.com": "consultant",
        "max@example.com": "lead",
    }
    assert lena_client.get(reverse("consulting:practice_log")).status_code == 404


def test_a_practice_share_notifies_the_member_who_brought_the_client(lena, harbour, questionnaire):
    from consulting.handlers import email_consultants_on_submit

    max_ = make_consultant("max@example.com", "Max")
    maxs = Membership.objects.create(practice=harbour, user=max_)
    audit = make_audit(make_business(make_user("olive@example.com")), GOOD_ANSWERS, submit=True)
    Share.make(audit.business, max_, harbour)
    email_consultants_on_submit(None, audit)
    assert [m.to for m in mail.outbox] == [["max@example.com"]]
    maxs.delete()  # once Max has left, the leads hear instead
    email_consultants_on_submit(None, audit)
    assert mail.outbox[-1].to == ["lena@example.com"]


def test_the_practice_log_lists_openings_of_its_clients_only(
    lena_client, lena, harbour, olive_shared
):
    max_ = make_consultant("max@example.com", "Max Byrne")
    Membership.objects.create(practice=harbour, user=max_)
    logged_in(max_).get(reverse("consulting:review", args=[olive_shared.pk]))
    otto = make_consultant("otto@example.com", "Otto")
    other = make_audit(
        make_business(make_user("oscar@example.com"), "Oscar's Garage"), GOOD_ANSWERS, submit=True
    )
    Share.make(other.business, otto, None)
    logged_in(otto).get(reverse("consulting:review", args=[other.pk]))
    page = lena_client.get(reverse("consulting:practice_log")).content.decode()
    assert "Max Byrne" in page and "Review page" in page and "Olive&#x27;s Bakery" in page
    assert "Oscar" not in page and "Otto" not in page


def test_clients_stay_with_the_practice_when_the_member_who_brought_them_leaves_the_site(
    lena, harbour, questionnaire
):
    max_ = make_consultant("max@example.com", "Max")
    Membership.objects.create(practice=harbour, user=max_)
    audit = make_audit(make_business(make_user("olive@example.com")), GOOD_ANSWERS, submit=True)
    Share.make(audit.business, max_, harbour)
    max_.delete()  # as deleting his account does
    share = Share.objects.get(business=audit.business)
    assert (share.consultant, share.practice) == (lena, harbour)
    review = logged_in(lena).get(reverse("consulting:review", args=[audit.pk]))
    assert review.status_code == 200


def test_a_consultants_own_clients_go_with_their_account(db, questionnaire):
    sam = make_consultant("sam@example.com")
    audit = make_audit(make_business(make_user("olive@example.com")), GOOD_ANSWERS, submit=True)
    Share.make(audit.business, sam, None)
    sam.delete()
    assert not Share.objects.exists()


def test_setting_up_says_who_leads(db):
    client = logged_in(make_consultant("sam@example.com", "Sam"))
    page = client.post(reverse("consulting:practice"), {"name": "Sam & Co"}, follow=True)
    assert "Sam &amp; Co is set up, with you as its lead." in page.content.decode()


def test_a_slug_is_short_and_never_empty(db):
    for email, name in [("a@x.example", "A" * 20 + " " + "B" * 60), ("b@x.example", "!!!")]:
        logged_in(make_consultant(email)).post(reverse("consulting:practice"), {"name": name})
    assert sorted(Practice.objects.values_list("slug", flat=True)) == [
        "a" * 20 + "-" + "b" * 19,
        "practice",
    ]


def test_each_start_link_and_logo_is_its_own_practices(lena_client, harbour):
    branded(lena_client, logo_upload=upload("logo.png", image_bytes("PNG"), "image/png"))
    otto = make_consultant("otto@example.com", "Otto")
    other = make_practice(otto, "Otto & Co")
    logo_client = logged_in(otto)
    logo_client.post(
        reverse("consulting:change_brand"),
        {
            **BRAND,
            "name": "Otto & Co",
            "logo_upload": upload("o.png", image_bytes("PNG", (50, 50)), "image/png"),
        },
    )
    for practice, size in [(harbour, (600, 200)), (other, (50, 50))]:
        served = Client().get(reverse("consulting:practice_logo", args=[practice.slug]))
        assert Image.open(io.BytesIO(served.content)).size == size
        assert served["Cache-Control"] == "public, max-age=86400"
    start = Client().get(reverse("consulting:practice_start", args=[other.slug])).content.decode()
    assert "A social-media audit, with Otto &amp; Co" in start and "brand-banner" in start


def test_a_logo_keeps_its_transparency(lena_client, harbour):
    image = Image.new("P", (40, 40))
    image.info["transparency"] = 0
    out = io.BytesIO()
    image.save(out, format="PNG")
    branded(lena_client, logo_upload=upload("logo.png", out.getvalue(), "image/png"))
    harbour.refresh_from_db()
    assert Image.open(io.BytesIO(bytes(harbour.logo))).mode == "RGBA"


def test_an_image_too_large_in_pixels_is_refused_before_it_is_decoded(lena_client, harbour):
    out = io.BytesIO()
    Image.new("1", (6000, 5000)).save(out, format="PNG")  # 30 million pixels, a small file
    answer = branded(lena_client, logo_upload=upload("huge.png", out.getvalue(), "image/png"))
    assert "This image is too large in pixels for a logo." in answer.content.decode()


def test_the_refusal_says_what_to_upload_instead(lena_client, harbour):
    answer = branded(lena_client, logo_upload=upload("logo.svg", SVG, "image/svg+xml"))
    assert (
        "This is not a PNG or JPEG image. Upload your logo as a PNG or JPEG "
        "(SVG is not accepted: it can carry scripts)."
    ) in answer.content.decode()


def test_a_member_must_have_a_consultant_account_first(lena_client, harbour):
    make_user("plain@example.com")
    answer = lena_client.post(reverse("consulting:add_member"), {"email": "plain@example.com"})
    assert (
        "plain@example.com has no consultant account here. Ask them to sign up and become a "
        "consultant first, then add them."
    ) in answer.content.decode()


def test_a_reminder_to_a_practice_client_carries_its_brand(lena_client, harbour, questionnaire):
    from datetime import timedelta

    from django.utils import timezone

    from questionnaire import reminders

    branded(lena_client)
    draft = make_audit(make_business(make_user("olive@example.com")), {"customers": ["clear"]})
    Share.make(draft.business, harbour.memberships.get().user, harbour)
    Audit.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - timedelta(days=4))
    assert reminders.send_due() == 1
    [message] = mail.outbox
    assert message.from_email == "Lena at Harbour <audit@localhost>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert BRAND["footer_text"] in message.alternatives[0][0]


@pytest.mark.parametrize(
    "colour, ratio",
    [("#000000", 21.0), ("#0a0a0a", 19.8), ("#767676", 4.54), ("#ff0000", 4.0), ("#ffffff", 1.0)],
)
def test_contrast_is_measured_as_wcag_does(colour, ratio):
    from common.branding import contrast_with_white

    assert round(contrast_with_white(colour), 2 if ratio == 4.54 else 1) == ratio


@pytest.mark.parametrize(
    "colour, message",
    [
        ("1f4e5f", "Give the colour as # and six hex digits, e.g. #1f4e5f."),
        (
            "#ff0000",
            "White text on #ff0000 has a contrast of 4.0 to 1, below the 4.5 to 1 that people "
            "with low vision need (WCAG AA): choose a darker colour.",
        ),
    ],
)
def test_a_refused_colour_says_why(lena_client, harbour, colour, message):
    page = branded(lena_client, accent_colour=colour).content.decode()
    assert message.replace("'", "&#x27;") in page


def padded_png(total: int) -> bytes:
    """A real PNG, made exactly `total` bytes long (readers ignore bytes after its end)."""
    image = image_bytes("PNG", (10, 10))
    return image + b"\0" * (total - len(image))


def test_a_logo_of_exactly_1_mb_is_taken_and_a_larger_one_told_its_size(lena_client, harbour):
    assert (
        branded(
            lena_client, logo_upload=upload("a.png", padded_png(1024 * 1024), "image/png")
        ).status_code
        == 302
    )
    larger = branded(lena_client, logo_upload=upload("b.png", padded_png(1_730_483), "image/png"))
    assert "This file is 1.7 MB; a logo may be up to 1 MB." in larger.content.decode()


def test_the_logo_is_in_the_pdf_and_a_new_logo_has_a_new_address(
    lena_client, harbour, olive_shared
):
    from tests.reports.pdf_text import pdf_reader

    olive = logged_in(olive_shared.business.owner)
    results = reverse("reports:audit_results", args=[olive_shared.pk])
    plain = olive.get(results).content.decode()
    assert '<span class="brand-name">Harbour Marketing</span>' in plain and "<img" not in plain
    url = reverse("reports:audit_pdf", args=[olive_shared.pk])
    before = b"".join(olive.get(url).streaming_content)
    assert not any(page.images for page in pdf_reader(before).pages)
    branded(lena_client, logo_upload=upload("logo.png", image_bytes("PNG"), "image/png"))
    logo = re.search(
        r'<img src="([^"]+)" alt="Harbour Marketing"', olive.get(results).content.decode()
    )
    assert re.fullmatch(r"/practices/harbour-marketing/logo\.png\?v=\d{10}", logo.group(1))
    after = b"".join(olive.get(url).streaming_content)
    assert len(pdf_reader(after).pages[0].images) == 1  # on the cover
