from django.contrib import admin

from pledgetrack.monitor.models import Alert, WatchedSource

admin.site.register(WatchedSource)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "proposal", "verdict", "read")
    list_filter = ("read", "actor")
