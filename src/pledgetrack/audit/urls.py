from django.urls import path, re_path

from pledgetrack.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_list, name="list"),
    re_path(r"^export\.(?P<fmt>csv|json)$", views.audit_export, name="export"),
]
