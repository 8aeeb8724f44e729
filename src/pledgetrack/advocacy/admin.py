from django.contrib import admin

from pledgetrack.advocacy.models import BudgetAsk, FollowUp, Meeting, OfficeDay


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 1


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("date", "title", "actor", "place")
    list_filter = ("actor",)
    filter_horizontal = ("proposals",)
    inlines = (FollowUpInline,)


@admin.register(BudgetAsk)
class BudgetAskAdmin(admin.ModelAdmin):
    list_display = ("title", "budget_kind", "asked_won", "reflected_won", "status")
    list_filter = ("status",)


admin.site.register(OfficeDay)
