from django.contrib import admin

from pledgetrack.matching.models import MatchCell, MatchRun


@admin.register(MatchCell)
class MatchCellAdmin(admin.ModelAdmin):
    """Read-only here: reviews go through the review page so that they are audited."""

    list_display = ("proposal", "actor", "machine_verdict", "reviewed_verdict", "score")
    list_filter = ("machine_verdict", "reviewed_verdict", "actor")
    search_fields = ("proposal__code", "proposal__title")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "finished_at", "tool_version", "cells_written")
