"""An index for every way the consultant dashboard sorts, on PostgreSQL only (like 0004 and
0006): each reads the first page of 100,000 audits from an index instead of sorting them
all. Nullable columns (drafts have no date or score) sort blanks last in both directions,
which a backward scan cannot give, so they have one index per direction."""

from django.db import migrations

INDEXES = {
    "questionnaire_business_name_order": "questionnaire_business (name)",
    "questionnaire_business_sector_order": "questionnaire_business (sector, name)",
    "questionnaire_audit_status_order": "questionnaire_audit (status, id)",
    "questionnaire_audit_submitted_asc": "questionnaire_audit (submitted_at, id)",
    "questionnaire_audit_b2c_asc": "questionnaire_audit (b2c_readiness, id)",
    "questionnaire_audit_b2c_desc": "questionnaire_audit (b2c_readiness DESC NULLS LAST, id DESC)",
    "questionnaire_audit_b2b_asc": "questionnaire_audit (b2b_readiness, id)",
    "questionnaire_audit_b2b_desc": "questionnaire_audit (b2b_readiness DESC NULLS LAST, id DESC)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("questionnaire", "0007_business_revision")]

    operations = [migrations.RunPython(create, drop)]
