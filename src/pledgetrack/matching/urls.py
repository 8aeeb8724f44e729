from django.urls import path

from pledgetrack.matching import views

app_name = "matching"
urlpatterns = [path("cells/<int:pk>/review/", views.review, name="review")]
