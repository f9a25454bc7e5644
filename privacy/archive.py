"""Everything the site holds about a person, as one ZIP they can download: their account,
their businesses and who they are shared with, every audit with its answers, verdict and
the consultant's recommendations, each submitted audit's PDF and, for a consultant, what
they wrote and whom they invited. JSON, so any program can read it back."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

from allauth.account.models import EmailAddress
from django.core.files.storage import default_storage
from django.utils.text import slugify

from consulting.models import AuditNote, Invitation, Recommendation, TextChange
from questionnaire.models import Audit, Business
from reports import pdf

README = """What the social-media strategy audit holds about {email}, as of {made}.

account.json        your account: its email addresses, when you joined and last logged in
consultant.json     (consultants only) invitations sent, recommendations and notes written
businesses/         a folder per business:
  business.json       the business as you described it, and whom it is shared with
  audits/*.json       each audit: its answers and notes, the verdict, recommendations
  audits/*.pdf        the report of each submitted audit

Passwords are stored only as a one-way hash, and are not included.
"""


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def _folder(business: Business) -> str:
    return f"businesses/{business.pk}-{slugify(business.name) or 'business'}"


def account(user) -> dict:
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "joined": user.date_joined,
        "last_login": user.last_login,
    }


def business_data(business: Business) -> dict:
    return {
        "name": business.name,
        "sector": business.get_sector_display(),
        "size": business.get_size_display(),
        "sells_to": business.get_sells_to_display(),
        "reaches_on_social_media": business.get_reach_display(),
        "networks": business.networks,
        "created": business.created_at,
        "shared_with": [
            {
                "consultant": share.consultant_name,
                "email": share.consultant.email,
                "since": share.created_at,
            }
            for share in business.shares.select_related("consultant__consultant")
        ],
    }


def audit_data(audit: Audit) -> dict:
    labels = {
        (option.question_id, option.key): option.label
        for question in audit.edition.questions.prefetch_related("options")
        for option in question.options.all()
    }
    return {
        "status": audit.get_status_display(),
        "questionnaire_edition": audit.edition.name,
        "started": audit.created_at,
        "submitted": audit.submitted_at,
        "reviewed": audit.reviewed_at,
        "answers": [
            {
                "question": answer.question.number,
                "asked": answer.question.text,
                "answer": [labels.get((answer.question_id, key), key) for key in answer.choices],
                "note": answer.note,
            }
            for answer in audit.answers.select_related("question").order_by("question__number")
        ],
        "verdict": {
            "headline": audit.headline,
            "b2c_readiness": audit.b2c_readiness,
            "b2c_band": audit.get_b2c_band_display(),
            "b2b_readiness": audit.b2b_readiness,
            "b2b_band": audit.get_b2b_band_display(),
            "dimension_scores": audit.dimension_scores,
        },
        "recommendations": [
            {"by": item.author_name, "written": item.created_at, "text": item.text}
            for item in audit.recommendations.select_related("author__consultant")
        ],
        "score_overrides": [
            {"dimension": item.get_dimension_display(), "score": item.score, "reason": item.reason}
            for item in audit.score_overrides.all()
        ],
    }


def _written(items) -> list[dict]:
    """A consultant's recommendations or notes, each with the business it is about."""
    return [
        {
            "business": item.audit.business.name,
            "audit": item.audit_id,
            "written": item.created_at,
            "text": item.text,
        }
        for item in items.select_related("audit__business")
    ]


def consultant_data(user) -> dict:
    return {
        "name": user.consultant.name,
        "invitations_sent": [
            {
                "to": item.email,
                "sent": item.created_at,
                "sent_again": item.last_sent_at if item.was_sent_again else None,
                "state": item.state,
                "accepted": item.accepted_at,
                "revoked": item.revoked_at,
                "message": item.message,
            }
            for item in Invitation.objects.filter(consultant=user)
        ],
        "recommendations_written": _written(Recommendation.objects.filter(author=user)),
        "private_notes_written": _written(AuditNote.objects.filter(author=user)),
        "earlier_wordings": [
            {
                "of": change.get_kind_display(),
                "business": change.audit.business.name,
                "audit": change.audit_id,
                change.action: change.changed_at,
                "text": change.text,
            }
            for change in TextChange.objects.filter(changed_by=user).select_related(
                "audit__business"
            )
        ],
    }


def _stored_pdf(audit: Audit) -> bytes:
    report = pdf.report_for(audit)
    pdf.ensure_rendered(audit, report)
    with default_storage.open(report.name) as stored:
        return stored.read()


def archive(user, made: datetime) -> bytes:
    """The ZIP of everything about `user`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(
            "README.txt", README.format(email=user.email, made=f"{made:%d %B %Y %H:%M} UTC")
        )
        zipped.writestr("account.json", _dumps(account(user)))
        for business in Business.objects.filter(owner=user):
            folder = _folder(business)
            zipped.writestr(f"{folder}/business.json", _dumps(business_data(business)))
            for audit in business.audits.select_related("edition"):
                name = f"{folder}/audits/{audit.created_at:%Y-%m-%d}-audit-{audit.pk}"
                zipped.writestr(f"{name}.json", _dumps(audit_data(audit)))
                if not audit.is_draft:
                    zipped.writestr(f"{name}.pdf", _stored_pdf(audit))
        if hasattr(user, "consultant"):
            zipped.writestr("consultant.json", _dumps(consultant_data(user)))
    return out.getvalue()
