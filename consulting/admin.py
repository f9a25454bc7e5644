"""Admin: grant the consultant role, switch the public consultant sign-up on or off, and see
invitations (their tokens are stored only as hashes)."""

from django.contrib import admin

from consulting.models import (
    Consultant,
    Invitation,
    Membership,
    Practice,
    Recommendation,
    SignupSetting,
)


@admin.register(Consultant)
class ConsultantAdmin(admin.ModelAdmin):
    list_display = ["user", "display_name", "created_at"]
    search_fields = ["user__email", "display_name"]
    raw_id_fields = ["user"]


@admin.register(SignupSetting)
class SignupSettingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "consultant_signup_open"]

    def has_add_permission(self, request):
        return not SignupSetting.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "consultant", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email", "consultant__email"]
    readonly_fields = ["consultant", "email", "message", "created_at", "accepted_at", "accepted_by"]
    exclude = ["token_hash"]

    def has_add_permission(self, request):
        return False  # consultants send invitations from their workspace, where the link is made


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["audit", "author", "created_at"]
    raw_id_fields = ["audit", "author"]


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    """Practices are run by their leads; the administrator can see them and, when a lead
    has gone, name another."""

    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug", "created_at", "updated_at"]
    inlines = [MembershipInline]
