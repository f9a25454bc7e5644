"""Admin for questionnaire content. Published editions are read-only; to change content,
make a draft copy, edit its questions and options, then publish it."""

from django.contrib import admin, messages

from questionnaire.content import ContentError, copy_as_draft, publish
from questionnaire.models import Answer, Audit, Business, Edition, Option, Question


class FrozenWhenPublishedAdmin(admin.ModelAdmin):
    """Editing is allowed only on draft editions and what belongs to them (the models
    refuse the rest too: questionnaire.models.FrozenWhenPublished)."""

    def edition_of(self, obj):
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.edition_of(obj).is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.edition_of(obj).is_published:
            return False
        return super().has_delete_permission(request, obj)


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["number", "key", "dimension", "kind", "text", "weight"]
    show_change_link = True
    extra = 0

    def has_add_permission(self, request, obj=None):
        return obj is not None and not obj.is_published

    def has_change_permission(self, request, obj=None):
        return obj is not None and not obj.is_published

    has_delete_permission = has_change_permission


@admin.register(Edition)
class EditionAdmin(FrozenWhenPublishedAdmin):
    list_display = ["name", "number", "title", "published_at", "created_at", "based_on"]
    readonly_fields = ["number", "source", "based_on", "published_at", "created_at"]
    inlines = [QuestionInline]
    actions = ["make_draft_copy", "publish_drafts"]

    def edition_of(self, obj):
        return obj

    @admin.action(description="Make an editable draft copy")
    def make_draft_copy(self, request, queryset):
        for edition in queryset:
            draft = copy_as_draft(edition)
            self.message_user(
                request, f"Created the draft “{draft.name}” from edition {edition.name}."
            )

    @admin.action(description="Publish selected drafts")
    def publish_drafts(self, request, queryset):
        for edition in queryset.filter(published_at__isnull=True):
            try:
                publish(edition)
            except ContentError as error:
                self.message_user(request, f"Edition {edition.name}: {error}", messages.ERROR)
            else:
                self.message_user(request, f"Published edition {edition.name}.")


class OptionInline(admin.TabularInline):
    model = Option
    fields = ["position", "key", "label", "score", "is_dont_know", "advice", "traits"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return obj is not None and not obj.edition.is_published

    def has_change_permission(self, request, obj=None):
        return obj is not None and not obj.edition.is_published

    has_delete_permission = has_change_permission


@admin.register(Question)
class QuestionAdmin(FrozenWhenPublishedAdmin):
    list_display = ["number", "text", "dimension", "kind", "edition"]
    list_filter = ["edition", "dimension"]
    inlines = [OptionInline]

    def edition_of(self, obj):
        return obj.edition

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A question can only be put in (or moved to) a draft edition."""
        if db_field.name == "edition":
            kwargs["queryset"] = Edition.objects.filter(published_at__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Business)
class BusinessAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "sector", "size", "sells_to", "created_at"]
    list_filter = ["sector", "sells_to"]
    search_fields = ["name", "owner__email"]
    raw_id_fields = ["owner"]


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ("question", "choices", "note")
    readonly_fields = ("question", "choices", "note")
    extra = 0
    can_delete = False


@admin.register(Audit)
class AuditAdmin(admin.ModelAdmin):
    list_display = ["business", "status", "edition", "created_at", "updated_at", "submitted_at"]
    list_filter = ["status", "edition"]
    search_fields = ["business__name", "business__owner__email"]
    readonly_fields = ["edition", "profile", "submitted_at"]
    raw_id_fields = ["business"]
    inlines = [AnswerInline]
