"""Documents: drag-and-drop upload (ingested in the background), list with progress, viewer."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pledgetrack.documents import tasks
from pledgetrack.documents.forms import UploadForm
from pledgetrack.documents.models import Document
from pledgetrack.documents.selectors import document_rows, page_ranges, parse_spans, viewer_pages
from pledgetrack.registry.models import Actor
from pledgetrack.site.campaign import current_campaign
from pledgetrack.site.permissions import require
from pledgetrack.site.views import upload_too_large


def _list_context(request: HttpRequest, form: UploadForm | None = None) -> dict:
    campaign = current_campaign(request)
    return {
        "form": form or UploadForm(),
        "documents": document_rows(campaign),
        "tasks": tasks.recent_tasks(campaign_id=campaign.pk),
        "polling": tasks.any_active(),
        "can_upload": request.user.has_perm("documents.add_document"),
        "actors": list(Actor.objects.order_by("name").values_list("name", flat=True)),
        "max_mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024),
    }


def document_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Document)
    return render(request, "documents/list.html", _list_context(request))


def progress(request: HttpRequest) -> HttpResponse:
    """The tasks and documents tables, polled by HTMX every second while work is running."""
    require(request.user, Document)
    return render(request, "documents/_progress.html", _list_context(request))


@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    require(request.user, Document, "add")
    if getattr(request, "upload_too_large", False):
        return upload_too_large(request)
    form = UploadForm(request.POST)
    files = request.FILES.getlist("files")
    if getattr(request, "upload_too_large", False):
        return upload_too_large(request)
    if not files:
        form.add_error(None, "올릴 파일을 골라 주세요 (여러 개를 한꺼번에 끌어다 놓을 수 있습니다).")
    if not form.is_valid():
        status = 400
        template = "documents/_progress.html" if request.htmx else "documents/list.html"
        return render(
            request, template, _list_context(request, form) | {"upload_errors": form.errors}, status=status
        )
    tasks.accept_uploads(
        files,
        actor=form.cleaned_data["actor"],
        kind=form.cleaned_data["kind"],
        user_id=request.user.pk,
        campaign_id=current_campaign(request).pk,
    )
    messages.success(request, f"파일 {len(files)}개를 받았습니다. 처리 상태는 아래 표에서 볼 수 있습니다.")
    if request.htmx:
        return render(request, "documents/_progress.html", _list_context(request))
    return redirect("documents:list")


def viewer(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Document)
    document = get_object_or_404(Document.objects.select_related("source__actor"), pk=pk)
    spans = parse_spans(request.GET.getlist("hl"))
    page_param = request.GET.get("page", "")
    page = int(page_param) if page_param.isdigit() else None
    context = {
        "document": document,
        "pages": viewer_pages(document, spans, page),
        "page_numbers": [p for p, _, _ in page_ranges(document) if p is not None],
        "current": page,
        "hl": request.GET.getlist("hl"),
    }
    return render(request, "documents/viewer.html", context)
