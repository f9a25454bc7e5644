# Run by benchmarks/run.py in `manage.py shell`: the demo owner's draft to answer and
# submitted audit to read, printed as JSON.
import json

from django.contrib.auth import get_user_model

from questionnaire import flow
from questionnaire.models import Audit, Business

owner = get_user_model().objects.get(email="owner@example.com")
business = Business.objects.filter(owner=owner).order_by("pk").first()
submitted = Audit.objects.filter(business=business).exclude(status="draft").order_by("pk").first()
draft = flow.start_audit(business)
print(json.dumps({"draft": draft.pk, "submitted": submitted.pk}))
