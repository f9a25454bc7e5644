from django.contrib import admin
from django.urls import include, path

from questionnaire.views import home

admin.site.site_header = "Social audit administration"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("questionnaire.urls")),
    path("", include("reports.urls")),
    path("", include("consulting.urls")),
]
