from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("your-data/export.zip", views.export, name="export"),
    path("your-data/delete-account/", views.delete_account, name="delete_account"),
    path("businesses/<int:business_id>/delete/", views.delete_business, name="delete_business"),
]
