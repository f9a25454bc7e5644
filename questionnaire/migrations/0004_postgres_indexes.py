"""Indexes for the consultant dashboard at scale, on PostgreSQL only (SQLite, the embedded
default, serves small installations without them and supports neither kind).

- trigram (GIN) indexes for searching business names and owner emails: Django's
  `icontains` is `UPPER(column) LIKE UPPER('%text%')`, which these serve;
- the dashboard's default order: a consultant's audits, newest submitted first, drafts last.
"""

from django.db import migrations

INDEXES = {
    "questionnaire_business_name_trgm": (
        "questionnaire_business USING gin (UPPER(name) gin_trgm_ops)"
    ),
    "auth_user_email_trgm": "auth_user USING gin (UPPER(email) gin_trgm_ops)",
    "questionnaire_audit_dashboard_order": (
        "questionnaire_audit (consultant_id, submitted_at DESC NULLS LAST, id DESC)"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaire", "0003_consultants_and_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, drop)]
