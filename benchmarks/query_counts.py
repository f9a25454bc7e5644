# Run by benchmarks/run.py in `manage.py shell` with the production settings: database
# queries per request on the busiest pages, after one warm-up request each.
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from questionnaire.models import Audit

owner = get_user_model().objects.get(email="owner@example.com")
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(owner)
draft = Audit.objects.filter(business__owner=owner, status="draft").first()
submitted = Audit.objects.filter(business__owner=owner).exclude(status="draft").first()
step = reverse("questionnaire:audit_step", args=[draft.pk, 2])
option = draft.edition.questions.get(number=2).options.first().key
cases = {
    "step GET": lambda: client.get(step, secure=True),
    "step POST": lambda: client.post(step, {"choices": option}, secure=True),
    "results GET": lambda: client.get(
        reverse("reports:audit_results", args=[submitted.pk]), secure=True
    ),
    "cached PDF": lambda: b"".join(
        client.get(reverse("reports:audit_pdf", args=[submitted.pk]), secure=True)
    ),
}
for name, request in cases.items():
    request()
    with CaptureQueriesContext(connection) as queries:
        request()
    print(f"  {name:12} {len(queries)}")
