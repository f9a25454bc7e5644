# Run by benchmarks/run.py in `manage.py shell`: keeps the worker rendering PDFs back to back
# (each submitted audit's stored file removed and its render queued again) until stopped.
import time

from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult

from questionnaire.models import Audit
from reports import pdf
from reports.tasks import render_report

audits = list(Audit.objects.exclude(status="draft"))
while True:
    for audit in audits:
        while DBTaskResult.objects.filter(status="READY").count() >= 2:
            time.sleep(0.2)
        default_storage.delete(pdf.report_for(audit).name)
        render_report.enqueue(audit.pk)
