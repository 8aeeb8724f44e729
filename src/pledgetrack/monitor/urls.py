from django.urls import path

from pledgetrack.monitor import views

app_name = "monitor"
urlpatterns = [
    path("", views.alert_list, name="alerts"),
    path("alerts/<int:pk>/read/", views.alert_read, name="read"),
    path("alerts/read-all/", views.alert_read_all, name="read_all"),
    path("watches/new/", views.watch_add, name="watch_add"),
]
