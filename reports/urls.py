from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("audits/<int:audit_id>/results/", views.audit_results, name="audit_results"),
    path("audits/<int:audit_id>/report.pdf", views.audit_pdf, name="audit_pdf"),
    path("consultant/reports/", views.new_bundle, name="new_bundle"),
    path("consultant/reports/<int:bundle_id>/", views.bundle_page, name="bundle"),
    path(
        "consultant/reports/<int:bundle_id>/download/",
        views.bundle_download,
        name="bundle_download",
    ),
]
