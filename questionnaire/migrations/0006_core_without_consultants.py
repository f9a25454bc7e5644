"""The core forgets consultants: who a business is shared with now lives in the consulting
app (its migration 0002 copies the links before this one drops them).

Until now the dashboard's order was served by an index on (consultant, submitted_at); on
PostgreSQL that index goes with the column, and a plain index on the submission order
takes its place: the dashboard reads a consultant's newest audits from it.
"""

from django.db import migrations

AUDIT_ORDER = (
    "questionnaire_audit_submitted_order",
    "questionnaire_audit (submitted_at DESC NULLS LAST, id DESC)",
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {AUDIT_ORDER[0]} ON {AUDIT_ORDER[1]}")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {AUDIT_ORDER[0]}")


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaire", "0005_headline_and_unserved_markets"),
    ]

    operations = [
        migrations.RemoveField(model_name="audit", name="consultant"),
        migrations.RemoveField(model_name="business", name="consultant"),
        migrations.RunPython(create_index, drop_index),
    ]
