"""Invitations can be sent again and revoked: when the latest link went out, and when (if)
the consultant withdrew it."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def sent_when_made(apps, schema_editor):
    apps.get_model("consulting", "Invitation").objects.update(last_sent_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("consulting", "0003_signup_closed_by_default")]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="last_sent_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="invitation",
            name="revoked_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(sent_when_made, migrations.RunPython.noop),
    ]
