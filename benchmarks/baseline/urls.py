from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path

from benchmarks.baseline.models import Note


@login_required
def page(request):
    if request.method == "POST":  # one indexed SELECT and one UPDATE
        note = Note.objects.get(key="bench")
        Note.objects.filter(pk=note.pk).update(text=request.POST.get("text", ""))
        return redirect("page")
    return render(request, "page.html", {"note": Note.objects.get(key="bench")})


urlpatterns = [path("", page, name="page")]
