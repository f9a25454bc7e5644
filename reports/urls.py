from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("audits/<int:audit_id>/results/", views.audit_results, name="audit_results"),
    path("audits/<int:audit_id>/report.pdf", views.audit_pdf, name="audit_pdf"),
]
