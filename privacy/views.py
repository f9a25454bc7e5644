"""An owner's own data: download all of it, delete a business, delete the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from privacy import archive, deletion
from privacy.forms import ConfirmWithPassword
from questionnaire.access import business_or_404


@login_required
def export(request):
    made = timezone.now()
    response = HttpResponse(archive.archive(request.user, made), content_type="application/zip")
    filename = f"social-media-audit-data-{made:%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_business(request, business_id: int):
    business = business_or_404(request.user, business_id)
    if request.method == "POST":
        name = business.name
        deletion.delete_business(business)
        messages.success(request, f"{name} and everything about it has been deleted.")
        return redirect("questionnaire:my_audits")
    goes = deletion.what_goes_with_business(business)
    return render(request, "privacy/delete_business.html", {"business": business, "goes": goes})


@login_required
def delete_account(request):
    form = ConfirmWithPassword(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        deletion.delete_account(user)
        messages.success(request, "Your account and everything in it has been deleted.")
        return redirect("home")
    goes = deletion.what_goes_with_account(request.user)
    return render(request, "privacy/delete_account.html", {"form": form, "goes": goes})
