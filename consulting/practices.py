"""A consultant's practice: made by its first lead, who sets its brand, adds and removes
members and reads its log; its start link brings new clients straight to it. Every view
that changes it asks the policy for "manage_practice" of the practice it is about."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from common.mail import site_link
from common.text import parse_id
from consulting.access import consultant_required
from consulting.branding import START_PRACTICE_KEY, brand_of
from consulting.models import AuditOpened, Membership, Practice, Share, practice_of
from consulting.practice_forms import BrandForm, MemberForm, PracticeForm
from questionnaire import guest
from questionnaire.access import allowed
from questionnaire.models import Audit, Business

LOG_PAGE_SIZE = 50


def _led_practice(request) -> Practice:
    """The practice the user leads: a member who is not a lead, or anyone else, gets a 404."""
    practice = practice_of(request.user)
    if practice is None or not allowed(request.user, "manage_practice", practice):
        raise Http404("Not a lead of a practice.")
    return practice


@consultant_required
def practice_page(request, brand_form=None, member_form=None, status=200):
    practice = practice_of(request.user)
    if practice is None:
        return _start_a_practice(request)
    is_lead = allowed(request.user, "manage_practice", practice)
    context = {
        "practice": practice,
        "is_lead": is_lead,
        "members": practice.memberships.select_related("user__consultant"),
        "leads": practice.lead_memberships().count(),
        "start_link": site_link(reverse("consulting:practice_start", args=[practice.slug])),
        "brand_form": brand_form or BrandForm(instance=practice),
        "member_form": member_form or MemberForm(),
    }
    return render(request, "consulting/practice.html", context, status=status)


def _start_a_practice(request):
    form = PracticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            practice = form.save()
            Membership.objects.create(
                practice=practice, user=request.user, role=Membership.Role.LEAD
            )
        messages.success(request, f"{practice.name} is set up, with you as its lead.")
        return redirect("consulting:practice")
    return render(request, "consulting/practice_new.html", {"form": form})


@consultant_required
@require_POST
def change_brand(request):
    practice = _led_practice(request)
    form = BrandForm(request.POST, request.FILES, instance=practice)
    if not form.is_valid():
        practice.refresh_from_db()  # the page's heading keeps the saved name
        return practice_page(request, brand_form=form, status=400)
    form.save()
    messages.success(request, "The brand is saved: your clients' pages, PDFs and emails use it.")
    return redirect(reverse("consulting:practice") + "#brand")


@consultant_required
@require_POST
def add_member(request):
    practice = _led_practice(request)
    form = MemberForm(request.POST)
    if not form.is_valid():
        return practice_page(request, member_form=form, status=400)
    Membership.objects.create(practice=practice, user=form.user, role=form.cleaned_data["role"])
    messages.success(request, f"{form.cleaned_data['email']} is now a member of {practice.name}.")
    return redirect(reverse("consulting:practice") + "#members")


@consultant_required
@require_POST
def change_member(request, membership_id: int):
    """Remove a member, or make them a lead or a consultant. A practice keeps one lead."""
    practice = _led_practice(request)
    member = get_object_or_404(practice.memberships.select_related("user"), pk=membership_id)
    action = request.POST.get("action")
    if action not in ("remove", Membership.Role.LEAD, Membership.Role.CONSULTANT):
        raise Http404("No such change.")
    with transaction.atomic():
        leads = practice.memberships.select_for_update().filter(role=Membership.Role.LEAD)
        if member.is_lead and action != Membership.Role.LEAD and leads.count() == 1:
            messages.error(request, "A practice needs a lead: make someone else lead first.")
            return redirect(reverse("consulting:practice") + "#members")
        if action == "remove":
            member.delete()
            messages.success(
                request, f"{member.user.email} is no longer a member and sees none of its clients."
            )
        else:
            member.role = action
            member.save(update_fields=["role"])
            messages.success(request, f"{member.user.email} is now a {member.get_role_display()}.")
    if member.user == request.user:
        return redirect("consulting:dashboard")
    return redirect(reverse("consulting:practice") + "#members")


@consultant_required
def practice_log(request):
    """Every opening of the practice's clients' audits, by anyone but their owners."""
    practice = _led_practice(request)
    openings = (
        AuditOpened.objects.filter(audit__business__shares__practice=practice)
        .select_related("by__consultant", "audit__business")
        .distinct()
    )
    page = Paginator(openings, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "consulting/practice_log.html", {"practice": practice, "page": page})


def practice_logo(request, slug: str):
    """The logo, public: it is on invitation pages and in emails, for anyone to see."""
    practice = get_object_or_404(Practice.objects.only("logo"), slug=slug)
    if not practice.logo:
        raise Http404("This practice has no logo.")
    response = HttpResponse(bytes(practice.logo), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"  # links carry ?v=<brand revision>
    return response


def practice_start(request, slug: str):
    """The practice's start link: a visitor starts an audit as a guest, and is asked, once
    they have an account, whether to share the business with the practice."""
    practice = get_object_or_404(Practice, slug=slug)
    consent = reverse("consulting:share_with_practice", args=[slug])
    if request.user.is_authenticated:
        return redirect(consent)
    request.session[guest.AFTER_CLAIM_KEY] = consent
    request.session[START_PRACTICE_KEY] = practice.slug  # its brand, on every page on the way
    return render(request, "consulting/practice_start.html", {"practice": practice})


@login_required
def share_with_practice(request, slug: str):
    """The owner's explicit choice: share one of their businesses with the practice, or not."""
    practice = get_object_or_404(Practice, slug=slug)
    lead = practice.lead_memberships().first()
    shareable = Business.objects.for_owner(request.user).exclude(shares__practice=practice)
    audit_id = parse_id(request.GET.get("audit", "")) or 0
    audit = Audit.objects.filter(pk=audit_id, business__owner=request.user).first()
    after = (
        reverse("questionnaire:audit_review", args=[audit.pk])
        if audit and audit.is_draft
        else reverse("questionnaire:my_audits")
    )
    if request.method == "POST":
        request.session.pop(START_PRACTICE_KEY, None)  # chosen: the site's own brand again
        if "share" in request.POST and lead is not None:
            business = get_object_or_404(shareable, pk=parse_id(request.POST.get("business", "")))
            Share.make(business, lead.user, practice)
            messages.success(request, f"{business.name} is now shared with {practice.name}.")
        else:
            messages.info(request, f"Nothing is shared with {practice.name}.")
        return redirect(after)
    context = {
        "practice": practice,
        "brand": brand_of(practice),
        "shareable": shareable,
        "chosen": audit.business_id if audit else None,
        "has_lead": lead is not None,
        "after": after,
    }
    return render(request, "consulting/practice_share.html", context)
