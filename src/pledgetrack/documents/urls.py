from django.urls import path

from pledgetrack.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("progress/", views.progress, name="progress"),
    path("<int:pk>/", views.viewer, name="viewer"),
]
