# Run by benchmarks/run.py in the baseline's `django shell`: its one user, logged in, and
# its one row; prints the session as JSON.
import json

from django.contrib.auth import get_user_model
from django.test import Client

from benchmarks.baseline.models import Note

user = get_user_model().objects.create_user("bench", "bench@example.com", "unused-password")
Note.objects.create(key="bench", text="")
client = Client()
client.force_login(user)
print(json.dumps({"baseline_session": client.cookies["sessionid"].value}))
