"""The forms a practice's lead fills in: the practice itself, its brand, its members."""

from __future__ import annotations

import io
import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from PIL import Image, UnidentifiedImageError

from common.branding import AA_CONTRAST, contrast_with_white
from common.text import CleanText
from consulting.models import Membership, Practice

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LOGO_FORMATS = {"PNG", "JPEG"}
LOGO_BOX = (600, 200)  # the largest a logo is shown: a PDF cover, an email header
LOGO_MOST_PIXELS = 25_000_000  # a larger image is refused before it is decoded


class PracticeForm(CleanText, forms.ModelForm):
    class Meta:
        model = Practice
        fields = ["name"]
        labels = {"name": "Practice name"}
        help_texts = {"name": "As your clients know you, e.g. “Harbour Marketing”."}
        error_messages = {"name": {"required": "Give the practice a name."}}

    def save(self, commit: bool = True) -> Practice:
        self.instance.slug = unique_slug(self.cleaned_data["name"])
        return super().save(commit)


# The guest pages' own addresses under /start/, which a start link must not take.
RESERVED_SLUGS = {"questions", "review", "saved"}


def unique_slug(name: str) -> str:
    base = slugify(name)[:40] or "practice"
    if base in RESERVED_SLUGS:
        base += "-practice"
    slug, number = base, 1
    while Practice.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class BrandForm(CleanText, forms.ModelForm):
    logo_upload = forms.FileField(
        label="Logo (PNG or JPEG, up to 1 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label="Remove the logo", required=False)

    class Meta:
        model = Practice
        fields = ["name", "accent_colour", "footer_text", "sender_name", "reply_to"]
        labels = {
            "name": "Practice name",
            "accent_colour": "Accent colour",
            "footer_text": "Footer text",
            "sender_name": "Emails come from (name)",
            "reply_to": "Replies go to (email address)",
        }
        help_texts = {
            "accent_colour": "The colour of headers and headings. It carries white text, so "
            "it must be dark enough to read (WCAG AA, a contrast of 4.5 to 1).",
            "footer_text": "On every page of the PDF and under every email, e.g. your address.",
            "sender_name": "Your clients see this as the sender; blank uses the practice name.",
            "reply_to": "Where your clients' replies to our emails go; blank: nowhere.",
        }
        widgets = {"accent_colour": forms.TextInput(attrs={"type": "color"})}
        error_messages = {"name": {"required": "Give the practice a name."}}

    def clean_accent_colour(self) -> str:
        colour = self.cleaned_data["accent_colour"].strip()
        if not HEX_COLOUR.match(colour):
            raise forms.ValidationError("Give the colour as # and six hex digits, e.g. #1f4e5f.")
        ratio = contrast_with_white(colour)
        if ratio < AA_CONTRAST:
            raise forms.ValidationError(
                f"White text on {colour} has a contrast of {ratio:.1f} to 1, below the 4.5 "
                "to 1 that people with low vision need (WCAG AA): choose a darker colour."
            )
        return colour.lower()

    def clean_logo_upload(self) -> bytes | None:
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        if upload.size > settings.LOGO_MAX_BYTES:
            raise forms.ValidationError(
                f"This file is {upload.size / 1024 / 1024:.1f} MB; a logo may be up to 1 MB."
            )
        return png_logo(upload.read())

    def save(self, commit: bool = True) -> Practice:
        if self.cleaned_data.get("remove_logo"):
            self.instance.logo = b""
        elif self.cleaned_data.get("logo_upload"):
            self.instance.logo = self.cleaned_data["logo_upload"]
        return super().save(commit)


def png_logo(data: bytes) -> bytes:
    """The upload as a PNG no larger than LOGO_BOX, or a ValidationError saying why not.
    Re-encoding keeps nothing of the file but its pixels (no metadata, no trailing bytes),
    and only PNG and JPEG are read: SVG can carry scripts and links."""
    refused = forms.ValidationError(
        "This is not a PNG or JPEG image. Upload your logo as a PNG or JPEG "
        "(SVG is not accepted: it can carry scripts)."
    )
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in LOGO_FORMATS:
                raise refused
            if image.width * image.height > LOGO_MOST_PIXELS:
                raise forms.ValidationError("This image is too large in pixels for a logo.")
            image.load()
            logo = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise refused from None
    logo.thumbnail(LOGO_BOX)
    out = io.BytesIO()
    logo.save(out, format="PNG", optimize=True)
    return out.getvalue()


class MemberForm(CleanText, forms.Form):
    email = forms.EmailField(
        label="Their email address",
        error_messages={"required": "Enter the email address of their account."},
    )
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices, initial="consultant")

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None or not hasattr(user, "consultant"):
            raise forms.ValidationError(
                f"{email} has no consultant account here. Ask them to sign up and become a "
                "consultant first, then add them."
            )
        if hasattr(user, "membership"):
            raise forms.ValidationError(f"{email} is already a member of a practice.")
        self.user = user
        return email
