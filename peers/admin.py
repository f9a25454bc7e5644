"""The peer statistics, for a site administrator to look at: read-only, since they are
derived (`manage.py rebuild_peer_statistics` recounts them)."""

from django.contrib import admin

from peers.models import PeerGroup


@admin.register(PeerGroup)
class PeerGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "businesses", "unpublished_changes"]
    list_filter = ["edition"]
    list_select_related = ["edition"]
    fields = ["edition", "sector", "size", "unpublished_changes", "published"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
