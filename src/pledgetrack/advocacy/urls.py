from django.urls import path

from pledgetrack.advocacy import views

app_name = "advocacy"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("meetings/new/", views.meeting_edit, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("office-days/new/", views.office_day_edit, name="office_day_new"),
    path("office-days/<int:pk>/edit/", views.office_day_edit, name="office_day_edit"),
    path("budget-asks/new/", views.budget_ask_edit, name="budget_ask_new"),
    path("budget-asks/<int:pk>/edit/", views.budget_ask_edit, name="budget_ask_edit"),
]
