from django.urls import path

from consulting import practices, views

app_name = "consulting"

urlpatterns = [
    path("consultant/", views.dashboard, name="dashboard"),
    path("consultant/export.csv", views.export_csv, name="export_csv"),
    path("consultant/portfolio/", views.portfolio_page, name="portfolio"),
    path("consultant/invitations/", views.invitations, name="invitations"),
    path(
        "consultant/invitations/<int:invitation_id>/resend/",
        views.resend_invitation,
        name="resend_invitation",
    ),
    path(
        "consultant/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("consultant/practice/", practices.practice_page, name="practice"),
    path("consultant/practice/brand/", practices.change_brand, name="change_brand"),
    path("consultant/practice/members/", practices.add_member, name="add_member"),
    path(
        "consultant/practice/members/<int:membership_id>/",
        practices.change_member,
        name="change_member",
    ),
    path("consultant/practice/log/", practices.practice_log, name="practice_log"),
    path("practices/<slug:slug>/logo.png", practices.practice_logo, name="practice_logo"),
    path("start/<slug:slug>/", practices.practice_start, name="practice_start"),
    path("start/<slug:slug>/share/", practices.share_with_practice, name="share_with_practice"),
    path("consultant/join/", views.become_consultant, name="become_consultant"),
    path("consultant/audits/<int:audit_id>/", views.review_page, name="review"),
    path("consultant/audits/<int:audit_id>/notes/", views.add_note, name="add_note"),
    path(
        "consultant/audits/<int:audit_id>/recommendations/",
        views.add_recommendation,
        name="add_recommendation",
    ),
    path(
        "consultant/audits/<int:audit_id>/recommendations/<int:recommendation_id>/edit/",
        views.edit_recommendation,
        name="edit_recommendation",
    ),
    path(
        "consultant/audits/<int:audit_id>/notes/<int:note_id>/edit/",
        views.edit_note,
        name="edit_note",
    ),
    path(
        "consultant/audits/<int:audit_id>/notes/<int:note_id>/delete/",
        views.delete_note,
        name="delete_note",
    ),
    path(
        "consultant/audits/<int:audit_id>/reviewed/",
        views.confirm_reviewed,
        name="confirm_reviewed",
    ),
    path(
        "consultant/audits/<int:audit_id>/recommendations/<int:recommendation_id>/delete/",
        views.delete_recommendation,
        name="delete_recommendation",
    ),
    path("consultant/audits/<int:audit_id>/override/", views.override_score, name="override"),
    path(
        "consultant/audits/<int:audit_id>/override/<int:override_id>/delete/",
        views.remove_override,
        name="remove_override",
    ),
    path("consultant/audits/<int:audit_id>/status/", views.change_status, name="status"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("audits/<int:audit_id>/opened/", views.audit_openings, name="audit_openings"),
    path(
        "businesses/<int:business_id>/shares/<int:share_id>/stop/",
        views.stop_sharing,
        name="stop_sharing",
    ),
]
