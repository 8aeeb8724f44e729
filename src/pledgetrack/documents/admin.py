from django.contrib import admin

from pledgetrack.documents.models import Document, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "actor", "kind", "campaign")
    list_filter = ("kind", "actor")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("filename", "version", "source", "status", "progress", "created_at")
    list_filter = ("status", "format")
    search_fields = ("filename", "sha256")
    exclude = ("text",)
    readonly_fields = ("sha256", "stored_path", "size_bytes")
