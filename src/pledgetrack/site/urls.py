"""URL configuration: the pages of each capability, the API under /api/, and the admin."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.views import serve as static_serve
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework import permissions, routers
from rest_framework.authtoken.views import obtain_auth_token

from pledgetrack.advocacy.api import BudgetAskViewSet, MeetingViewSet
from pledgetrack.documents.api import DocumentViewSet
from pledgetrack.matching.api import CellViewSet, ReviewViewSet
from pledgetrack.registry.api import ActorViewSet, ProposalViewSet
from pledgetrack.reports.views import DOWNLOADS, dashboard_view, report_download
from pledgetrack.site import views
from pledgetrack.site.api import CampaignViewSet
from pledgetrack.site.campaign import select_campaign

admin.site.site_header = "공약 반영 추적기 관리"
admin.site.site_title = "pledgetrack 관리"

router = routers.DefaultRouter()
router.register("campaigns", CampaignViewSet)
router.register("proposals", ProposalViewSet)
router.register("actors", ActorViewSet)
router.register("documents", DocumentViewSet)
router.register("cells", CellViewSet)
router.register("reviews", ReviewViewSet, basename="review")
router.register("meetings", MeetingViewSet)
router.register("budget-asks", BudgetAskViewSet)

handler403 = views.permission_denied
handler404 = views.not_found

urlpatterns = [
    path("", dashboard_view, name="dashboard"),
    path("campaign/", select_campaign, name="select_campaign"),
    re_path(rf"^reports/download\.(?P<fmt>{'|'.join(DOWNLOADS)})$", report_download, name="report_download"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("pledgetrack.registry.urls")),
    path("", include("pledgetrack.matching.urls")),
    path("documents/", include("pledgetrack.documents.urls")),
    path("advocacy/", include("pledgetrack.advocacy.urls")),
    path("audit/", include("pledgetrack.audit.urls")),
    path("monitor/", include("pledgetrack.monitor.urls")),
    path("vendor/plotly.min.js", views.plotly_js, name="plotly_js"),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(permission_classes=[permissions.IsAuthenticated]),
        name="api-schema",
    ),
    path("api/token/", obtain_auth_token, name="api-token"),
    path("api/", include(router.urls)),
    path("admin/", admin.site.urls),
    re_path(r"^static/(?P<path>.*)$", static_serve, {"insecure": True}),
]
