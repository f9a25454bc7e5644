"""Admin for questionnaire content. Published versions are read-only; to change content,
make a draft copy, edit its questions and options, then publish it."""

from django.contrib import admin, messages

from questionnaire.content import ContentError, copy_as_draft, publish
from questionnaire.models import Answer, Audit, Business, Option, Question, QuestionnaireVersion


class FrozenWhenPublishedAdmin(admin.ModelAdmin):
    """Editing is allowed only on draft versions and what belongs to them (the models
    refuse the rest too: questionnaire.models.FrozenWhenPublished)."""

    def version_of(self, obj):
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.version_of(obj).is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.version_of(obj).is_published:
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


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(FrozenWhenPublishedAdmin):
    list_display = ["edition", "number", "title", "published_at", "created_at", "based_on"]
    readonly_fields = ["number", "source", "based_on", "published_at", "created_at"]
    inlines = [QuestionInline]
    actions = ["make_draft_copy", "publish_drafts"]

    def version_of(self, obj):
        return obj

    @admin.action(description="Make an editable draft copy")
    def make_draft_copy(self, request, queryset):
        for version in queryset:
            draft = copy_as_draft(version)
            self.message_user(
                request, f"Created the draft “{draft.name}” from edition {version.name}."
            )

    @admin.action(description="Publish selected drafts")
    def publish_drafts(self, request, queryset):
        for version in queryset.filter(published_at__isnull=True):
            try:
                publish(version)
            except ContentError as error:
                self.message_user(request, f"Edition {version.name}: {error}", messages.ERROR)
            else:
                self.message_user(request, f"Published edition {version.name}.")


class OptionInline(admin.TabularInline):
    model = Option
    fields = ["position", "key", "label", "score", "is_dont_know", "advice", "traits"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return obj is not None and not obj.version.is_published

    def has_change_permission(self, request, obj=None):
        return obj is not None and not obj.version.is_published

    has_delete_permission = has_change_permission


@admin.register(Question)
class QuestionAdmin(FrozenWhenPublishedAdmin):
    list_display = ["number", "text", "dimension", "kind", "version"]
    list_filter = ["version", "dimension"]
    inlines = [OptionInline]

    def version_of(self, obj):
        return obj.version

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A question can only be put in (or moved to) a draft version."""
        if db_field.name == "version":
            kwargs["queryset"] = QuestionnaireVersion.objects.filter(published_at__isnull=True)
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
    list_display = ["business", "status", "version", "created_at", "updated_at", "submitted_at"]
    list_filter = ["status", "version"]
    search_fields = ["business__name", "business__owner__email"]
    readonly_fields = ["version", "profile", "submitted_at"]
    raw_id_fields = ["business"]
    inlines = [AnswerInline]
