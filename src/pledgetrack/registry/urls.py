from django.urls import path

from pledgetrack.registry import views

app_name = "registry"
urlpatterns = [
    path("proposals/", views.proposals, name="proposals"),
    path("proposals/new/", views.proposal_edit, name="proposal_new"),
    path("proposals/<int:pk>/", views.proposal_page, name="proposal"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("actors/", views.actors, name="actors"),
    path("actors/new/", views.actor_edit, name="actor_new"),
    path("actors/<int:pk>/edit/", views.actor_edit, name="actor_edit"),
]
