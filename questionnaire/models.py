"""Questionnaire content (in editions), businesses, audits and their answers."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils import timezone

from questionnaire.profile import Reach, Sector, SellsTo, Size

NOTE_MAX_LENGTH = 5000  # long enough for a real explanation, short enough to render fast


class Dimension(models.TextChoices):
    CUSTOMERS = "customers", "Customers"
    VALUE = "value", "Value"
    NETWORK_FIT = "network_fit", "Network fit"
    SUSTAINABILITY = "sustainability", "Sustainability"
    SUCCESS = "success", "Success measures"


class EditionQuerySet(models.QuerySet):
    def published(self) -> EditionQuerySet:
        return self.filter(published_at__isnull=False)

    def current(self) -> Edition | None:
        """The newest published edition: the one new audits are answered on."""
        return self.published().order_by("-number").first()


class Edition(models.Model):
    """One edition of the questions, options, scoring weights and advice.

    Once published it never changes: editing means making a draft copy, changing the
    copy and publishing it. Audits keep the edition they were answered on.
    """

    # The order editions were made in; owners and consultants see the name.
    number = models.PositiveIntegerField(unique=True, editable=False)
    name = models.CharField(
        max_length=40,
        help_text="The name owners and consultants see, e.g. 2026.5; a draft copy is named "
        "after the edition it was copied from until you rename it.",
    )
    title = models.CharField(max_length=200)
    changelog = models.TextField(blank=True, help_text="What changed from the edition before.")
    scoring = models.JSONField(
        default=dict,
        blank=True,
        help_text="Scoring settings for the whole questionnaire: dimension weights per "
        "business model, band thresholds and rule parameters.",
    )
    source = models.CharField(
        max_length=200, blank=True, editable=False, help_text="The data file it was loaded from."
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        state = "published" if self.is_published else "draft"
        return f"Edition {self.name} ({state})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @staticmethod
    def next_number() -> int:
        return (Edition.objects.aggregate(top=Max("number"))["top"] or 0) + 1


class FrozenWhenPublished(models.Model):
    """Content that belongs to a edition: it cannot be added to, moved into or out of, changed
    in or deleted from a published edition, whichever way it is attempted (the admin, the
    shell, a script). Editing means a draft copy (questionnaire.content.copy_as_draft)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.clean()
        return super().delete(*args, **kwargs)

    def editions_touched(self) -> list[Edition]:
        """The edition this belongs to, and the one it belonged to when last saved."""
        raise NotImplementedError

    def clean(self) -> None:
        super().clean()
        for edition in self.editions_touched():
            if edition.is_published:
                raise ValidationError(
                    f"Edition {edition.name} is published, so its questions and options "
                    "cannot change. Make a draft copy of it and edit that."
                )


class Question(FrozenWhenPublished):
    class Kind(models.TextChoices):
        SINGLE = "single", "Choose one"
        MULTIPLE = "multiple", "Choose any"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=50, help_text="Stable name the scoring rules refer to.")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text = models.CharField(max_length=300)
    help_text = models.TextField(blank=True)
    note_prompt = models.CharField(
        max_length=300, blank=True, help_text="Invites the optional note in the owner's words."
    )
    weight = models.FloatField(default=1.0, help_text="Weight within its dimension.")
    advice = models.TextField(blank=True, help_text="General advice shown with this question.")

    class Meta:
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="question_number_unique"),
            models.UniqueConstraint(fields=["edition", "key"], name="question_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    def editions_touched(self) -> list[Edition]:
        editions = [self.edition] if self.edition_id else []
        stored = Question.objects.filter(pk=self.pk).select_related("edition").first()
        return editions + ([stored.edition] if stored else [])


class Option(FrozenWhenPublished):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=0)
    key = models.SlugField(max_length=50)
    label = models.CharField(max_length=300)
    score = models.IntegerField(
        default=0, help_text="Points, 0-100, this answer earns for its question's dimension."
    )
    is_dont_know = models.BooleanField(
        default=False, help_text="'I don't know': reported as a gap, never scored as an answer."
    )
    advice = models.TextField(blank=True, help_text="The action recommended to whoever picks this.")
    traits = models.JSONField(
        default=dict,
        blank=True,
        help_text='Facts the scoring rules read, e.g. {"broadcast": true} or '
        '{"fit": {"consumers": 90, "businesses": 30}}.',
    )

    class Meta:
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="option_key_unique"),
        ]

    def __str__(self) -> str:
        return self.label

    def editions_touched(self) -> list[Edition]:
        editions = [self.question.edition] if self.question_id else []
        stored = Option.objects.filter(pk=self.pk).select_related("question__edition").first()
        return editions + ([stored.question.edition] if stored else [])


class Band(models.TextChoices):
    """Readiness bands; the keys match `bands` in the content's scoring settings."""

    NOT_YET = "not_yet", "Not yet"
    FOUNDATIONS = "foundations", "Foundations"
    READY = "ready", "Ready"
    ADVANCED = "advanced", "Advanced"


class BusinessQuerySet(models.QuerySet):
    def for_owner(self, user) -> BusinessQuerySet:
        return self.filter(owner=user)


class Business(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="businesses"
    )
    name = models.CharField("Business name", max_length=120)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    size = models.CharField("Number of people", max_length=10, choices=Size.choices)
    sells_to = models.CharField("Who do you sell to?", max_length=12, choices=SellsTo.choices)
    reach = models.CharField(
        "Who do you want to reach on social media?",
        max_length=12,
        choices=Reach.choices,
        default=Reach.SAME,
    )
    networks = models.JSONField(
        "Networks you already use",
        default=list,
        blank=True,
        help_text="Keys from questionnaire.profile.Network.",
    )
    # Bumped on every save of the profile, so a second tab cannot silently undo this one.
    revision = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BusinessQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "businesses"

    def __str__(self) -> str:
        return self.name

    def profile(self) -> dict:
        """The profile as plain data: what the scoring reads and what an audit keeps."""
        return {
            "name": self.name,
            "sector": self.sector,
            "size": self.size,
            "sells_to": self.sells_to,
            "reach": self.reach,
            "networks": list(self.networks),
        }


# Which audit is a business's latest: the movement line, the peer statistics and the
# portfolio all mean the same one.
NEWEST_FIRST = ("-submitted_at", "-pk")


class AuditQuerySet(models.QuerySet):
    def for_owner(self, user) -> AuditQuerySet:
        return self.filter(business__owner=user)

    def drafts(self) -> AuditQuerySet:
        return self.filter(status=Audit.Status.DRAFT)

    def submitted(self) -> AuditQuerySet:
        return self.exclude(status=Audit.Status.DRAFT)

    def newest_first(self) -> AuditQuerySet:
        """Latest submitted first; of two submitted at the same moment, the later made."""
        return self.order_by(*NEWEST_FIRST)

    def latest_of_each_business(self) -> AuditQuerySet:
        """Each business's newest submitted audit: where it stands now."""
        newest = (
            Audit.objects.submitted()
            .filter(business=models.OuterRef("business"))
            .newest_first()
            .values("pk")[:1]
        )
        return self.submitted().filter(pk=models.Subquery(newest))


class Audit(models.Model):
    """One run of the questionnaire for one business."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        IN_REVIEW = "in_review", "In review"
        REVIEWED = "reviewed", "Reviewed"

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="audits")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="audits")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    profile = models.JSONField(
        default=dict, blank=True, help_text="The business profile as it was when submitted."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    review_started_at = models.DateTimeField(null=True, blank=True)
    review_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bumped whenever what a reviewer adds to the report (recommendations, score overrides)
    # changes, so the report's fingerprint reads one column instead of those rows.
    review_revision = models.PositiveIntegerField(default=0, editable=False)
    # Derived from the answers at submit (questionnaire.verdicts.record_verdict), kept only
    # so lists can filter and sort without rescoring; the report always recomputes. A market
    # the business does not sell to has no score and no band: it is not assessed.
    b2c_readiness = models.PositiveSmallIntegerField(null=True, blank=True)
    b2c_band = models.CharField(max_length=20, blank=True, choices=Band.choices)
    b2b_readiness = models.PositiveSmallIntegerField(null=True, blank=True)
    b2b_band = models.CharField(max_length=20, blank=True, choices=Band.choices)
    headline = models.CharField(max_length=200, blank=True)
    dimension_scores = models.JSONField(default=dict, blank=True)
    # The lowest-scoring dimension, for the consultant's portfolio and its filter.
    weakest_dimension = models.CharField(max_length=20, blank=True, choices=Dimension.choices)
    # The business's submitted audit before this one, fixed at submit: what this one moved
    # from ("48 -> 63 since March").
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # The dashboard's indexes are PostgreSQL-only: migrations/0004_postgres_indexes.py.
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.business} audit of {self.created_at:%d %b %Y}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def answered_profile(self) -> dict:
        """The profile this audit is about: frozen at submit, live while a draft."""
        return self.profile if self.profile else self.business.profile()


class Answer(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    choices = models.JSONField(default=list, blank=True, help_text="Keys of the chosen options.")
    note = models.TextField(blank=True, max_length=NOTE_MAX_LENGTH)
    # Bumped on every save, so a second browser tab cannot silently overwrite this one.
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["audit", "question"], name="one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id} in audit {self.audit_id}"

    @property
    def is_complete(self) -> bool:
        return bool(self.choices)


class Reminder(models.Model):
    """An email reminding an owner of an audit: a draft left unfinished, or a business due to
    run the audit again. Kept so that no audit gets more than a few (questionnaire.reminders)."""

    class Kind(models.TextChoices):
        UNFINISHED = "unfinished", "Unfinished draft"
        REAUDIT = "reaudit", "Time to run the audit again"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(default=1)  # the first, second… of its kind
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        # Two workers' housekeeping at once cannot both send the same reminder.
        constraints = [
            models.UniqueConstraint(fields=["audit", "kind", "number"], name="each_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder for {self.audit}"


class NoReminders(models.Model):
    """An owner who asked for no more reminders (the link in every reminder)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="no_reminders"
    )
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "owners who want no reminders"

    def __str__(self) -> str:
        return f"No reminders for {self.user}"
