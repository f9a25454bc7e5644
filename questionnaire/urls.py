from django.urls import path

from questionnaire import guest, views

app_name = "questionnaire"

urlpatterns = [
    # A visitor's draft, kept in their session until they sign up or log in (guest.py).
    path("start/", guest.start, name="guest_start"),
    path("start/questions/<int:number>/", guest.step, name="guest_step"),
    path("start/review/", guest.review, name="guest_review"),
    path("start/saved/", guest.claimed, name="guest_claimed"),
    path("audits/", views.my_audits, name="my_audits"),
    path("audits/new/", views.new_audit, name="new_audit"),
    path("audits/<int:audit_id>/", views.audit_detail, name="audit_detail"),
    path("audits/<int:audit_id>/profile/", views.audit_profile, name="audit_profile"),
    path("audits/<int:audit_id>/questions/<int:number>/", views.audit_step, name="audit_step"),
    path("audits/<int:audit_id>/review/", views.audit_review, name="audit_review"),
    path("audits/<int:audit_id>/submit/", views.audit_submit, name="audit_submit"),
    path("businesses/<int:business_id>/", views.business_detail, name="business_detail"),
    path("reminders/stop/<str:token>/", views.stop_reminders, name="stop_reminders"),
    path(
        "businesses/<int:business_id>/audits/new/",
        views.start_business_audit,
        name="start_business_audit",
    ),
]
