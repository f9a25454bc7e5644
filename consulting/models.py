"""Consultants, their invitations, and what they add to a client's audit."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from common.branding import SITE_ACCENT
from questionnaire.models import Audit, Business, Dimension

TEXT_MAX_LENGTH = 5000  # notes and recommendations: room to explain, capped for the PDF
# How many of each one audit may carry: enough for a thorough review, few enough that the
# largest possible PDF renders in a few seconds (`make benchmark-pdf` reports it).
RECOMMENDATIONS_PER_AUDIT = 15
NOTES_PER_AUDIT = 50


def consultant_name(user) -> str:
    """How a consultant is named to clients; their email once the role has been removed."""
    role = getattr(user, "consultant", None)
    return role.name if role else user.email


class Consultant(models.Model):
    """The consultant role: granted in the admin, or through the consultant sign-up."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultant"
    )
    display_name = models.CharField(
        max_length=120, blank=True, help_text="How clients see the consultant's name."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.user.email


class Practice(models.Model):
    """A consultancy: its members, its clients (the businesses shared with it) and the brand
    its clients see on their results, their PDF and every email (consulting.branding)."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True, help_text="The practice's start link: /start/<slug>/.")
    # The brand, set by a lead (forms.BrandForm checks each part).
    accent_colour = models.CharField(max_length=7, default=SITE_ACCENT)
    logo = models.BinaryField(blank=True, default=b"", editable=False)  # a PNG we re-encoded
    footer_text = models.CharField(max_length=300, blank=True)
    sender_name = models.CharField(max_length=120, blank=True)
    reply_to = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # a new brand renders new PDFs

    def __str__(self) -> str:
        return self.name

    def lead_memberships(self):
        return self.memberships.filter(role=Membership.Role.LEAD).select_related("user")


class Membership(models.Model):
    """A consultant's place in a practice (one practice each). Every member sees every
    client shared with the practice; a lead also manages its brand and members, and reads
    its log. Removing the row ends the member's access to those clients at once."""

    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        CONSULTANT = "consultant", "Consultant"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="memberships")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.CONSULTANT)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.user} in {self.practice} ({self.get_role_display()})"

    @property
    def is_lead(self) -> bool:
        return self.role == self.Role.LEAD


def practice_of(user) -> Practice | None:
    membership = getattr(user, "membership", None)
    return membership.practice if membership else None


class ShareQuerySet(models.QuerySet):
    def live(self) -> ShareQuerySet:
        """Shares that grant anyone access: with a practice, or with someone who still
        holds the consultant role."""
        return self.filter(Q(practice__isnull=False) | Q(consultant__consultant__isnull=False))

    def granting(self, user) -> ShareQuerySet:
        """The shares that let this user see a business now: their own, made outside any
        practice, and every share with the practice they are a member of today."""
        return self.filter(
            Q(consultant_id=user.pk, practice__isnull=True) | Q(practice__memberships__user=user)
        )


class Share(models.Model):
    """A business shared with a consultant, by its owner accepting an invitation. The owner
    can stop sharing at any time: the row is deleted and the consultant's access ends."""

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="shares")
    # Who the client shared it with: the consultant who invited them, or a lead of the
    # practice whose start link they used.
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares"
    )
    # Shared with the consultant's practice: every member sees it, and only while a member.
    practice = models.ForeignKey(
        Practice, null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["business", "consultant"], name="one_share_each"),
        ]

    def __str__(self) -> str:
        return f"{self.business} shared with {self.consultant}"

    @classmethod
    def make(cls, business: Business, consultant, practice: Practice | None) -> None:
        """Share the business with the consultant, and with their practice if they have one."""
        share, _ = cls.objects.get_or_create(business=business, consultant=consultant)
        if share.practice_id is None and practice is not None:
            share.practice = practice
            share.save(update_fields=["practice"])

    def contacts(self) -> list:
        """Whom to tell when the client submits an audit."""
        practice = self.practice
        if practice is None or practice.memberships.filter(user=self.consultant).exists():
            return [self.consultant]
        return [membership.user for membership in practice.lead_memberships()]

    @property
    def consultant_name(self) -> str:
        """Who the client shared with, as they know them: the practice, or the consultant."""
        return self.practice.name if self.practice else consultant_name(self.consultant)


class SignupSetting(models.Model):
    """Site-wide switch for the public consultant sign-up (one row, edited in the admin)."""

    # Closed unless the administrator opens it: a consultant can email invitations in the
    # site's name, so the role is not for anyone who asks.
    consultant_signup_open = models.BooleanField(
        default=False, help_text="Anyone with an account may become a consultant while this is on."
    )

    class Meta:
        verbose_name = "consultant sign-up setting"

    def __str__(self) -> str:
        return "Consultant sign-up is " + ("open" if self.consultant_signup_open else "closed")

    @classmethod
    def current(cls) -> SignupSetting:
        return cls.objects.get_or_create(pk=1)[0]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def for_consultant(self, user) -> InvitationQuerySet:
        return self.filter(consultant=user)


class Invitation(models.Model):
    """A single-use link that lets a client share a business with a consultant. Only a hash
    of the token is stored: the link in the email is the only copy."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    email = models.EmailField()
    message = models.TextField(blank=True, max_length=1000)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # When its latest link was emailed: a resend makes a new link and closes the old one.
    last_sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.email}"

    @classmethod
    def issue(cls, consultant, email: str, message: str = "") -> tuple[Invitation, str]:
        """A new invitation and its token (to put in the link; it is not stored)."""
        invitation = cls(consultant=consultant, email=email, message=message)
        return invitation, invitation.new_link()

    def new_link(self) -> str:
        """A fresh token, valid for the full period from now, saved; the earlier link (if
        any) stops working. The token goes in the email and is not stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.last_sent_at = timezone.now()
        self.expires_at = self.last_sent_at + timedelta(days=settings.INVITATION_VALID_DAYS)
        self.save()
        return token

    @classmethod
    def sent_recently(cls, consultant) -> int:
        """How many invitations this consultant sent, or sent again, in the last 24 hours."""
        since = timezone.now() - timedelta(days=1)
        return cls.objects.filter(consultant=consultant, last_sent_at__gte=since).count()

    @property
    def state(self) -> str:
        """Sent (waiting), accepted, revoked or expired, as the consultant's list shows it."""
        if self.is_used:
            return "accepted"
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.is_expired else "sent"

    @property
    def was_sent_again(self) -> bool:
        # the first link goes out as the row is made, a moment before `created_at` is set
        return self.last_sent_at - self.created_at > timedelta(seconds=1)

    @property
    def can_be_sent_again(self) -> bool:
        return self.state in ("sent", "expired")

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def sender_left(self) -> bool:
        """The sender no longer holds the consultant role: sharing with them would grant
        nothing, so the link is closed."""
        return not hasattr(self.consultant, "consultant")

    @property
    def is_open(self) -> bool:
        return self.state == "sent" and not self.sender_left

    @property
    def sender_name(self) -> str:
        return consultant_name(self.consultant)


class AuditNoteQuerySet(models.QuerySet):
    def readable_by(self, user) -> AuditNoteQuerySet:
        """A private note is read by its author alone: not the client, not another
        consultant the business is shared with, and not a consultant whose share or role
        ended (their notes stay theirs, unread by anyone, should the client share again)."""
        return self.filter(author_id=user.pk)


class AuditNote(models.Model):
    """A consultant's private note: for its author alone, never shown to the client or to
    another consultant, never in the PDF."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="private_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditNoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Private note on {self.audit}"


class Recommendation(models.Model):
    """Advice for the client: on the client's results page and in the PDF."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="recommendations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Recommendation for {self.audit}"

    @property
    def author_name(self) -> str:
        return consultant_name(self.author)


class ScoreOverride(models.Model):
    """A consultant's own assessment of one dimension. Shown as such next to the computed
    score, which is kept."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="score_overrides")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    score = models.PositiveSmallIntegerField()
    reason = models.TextField(max_length=1000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "dimension"], name="one_override_per_dimension"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=100), name="override_score_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_dimension_display()} override on {self.audit}"


class TextChange(models.Model):
    """A recommendation or private note as it read before someone edited or deleted it,
    with who changed it and when. The review page lists a recommendation's changes to every
    consultant on the business, and a private note's to its author alone (the only one who
    can change it)."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Recommendation"
        NOTE = "note", "Private note"

    class Action(models.TextChoices):
        EDITED = "edited", "Edited"
        DELETED = "deleted", "Deleted"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    item_id = models.PositiveIntegerField()  # the recommendation or note, which may be gone
    action = models.CharField(max_length=10, choices=Action.choices)
    text = models.TextField()  # the wording before the change
    # Leaves with its author, as their recommendations and notes do.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.action} on {self.audit}"

    @classmethod
    def record(cls, item, action: str, user, text: str | None = None) -> None:
        """Keep the item's wording before `action` changes it (`text`, if the form has
        already put the new wording on the item)."""
        kind = cls.Kind.NOTE if isinstance(item, AuditNote) else cls.Kind.RECOMMENDATION
        cls.objects.create(
            audit_id=item.audit_id,
            kind=kind,
            item_id=item.pk,
            action=action,
            text=item.text if text is None else text,
            changed_by=user,
        )

    @property
    def changed_by_name(self) -> str:
        return consultant_name(self.changed_by)


class AuditOpened(models.Model):
    """Someone other than its owner opening a client's audit: its results page, its review,
    its PDF, or a CSV export that lists it (consulting.opened). The owner sees who, on their
    results page; each consultant sees it on the review page."""

    class What(models.TextChoices):
        RESULTS = "results", "Results page"
        REVIEW = "review", "Review page"
        PDF = "pdf", "PDF"
        EXPORT = "export", "CSV export"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="+")
    # Kept when the consultant leaves: the owner still learns that their audit was opened.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.CharField(max_length=10, choices=What.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["audit", "at"])]
        verbose_name_plural = "audits opened"

    def __str__(self) -> str:
        return f"{self.get_what_display()} of {self.audit} opened"
