from django.contrib import admin

from pledgetrack.registry.models import Actor, ActorAlias, Campaign, Proposal


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "party")
    search_fields = ("name", "aliases__alias")
    inlines = (AliasInline,)


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "parent", "level", "owner", "budget_won")
    list_filter = ("campaign", "level", "owner")
    search_fields = ("code", "title")
    raw_id_fields = ("parent",)


admin.site.register(Campaign)
