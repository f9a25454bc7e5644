"""Edition 2026.3: a plain-English headline replaces the "B2C-led" fit, and a market the
business does not sell to keeps no score or band. `manage.py rescore_audits` recomputes the
headline (and everything else stored) for audits submitted before this migration."""

from django.db import migrations, models

UNSERVED = {"consumers": "b2b", "businesses": "b2c"}  # sells to -> the market it does not


def forget_unserved_markets(apps, schema_editor):
    Audit = apps.get_model("questionnaire", "Audit")
    for sells_to, market in UNSERVED.items():
        Audit.objects.filter(profile__sells_to=sells_to).update(
            **{f"{market}_readiness": None, f"{market}_band": ""}
        )


class Migration(migrations.Migration):
    dependencies = [("questionnaire", "0004_postgres_indexes")]

    operations = [
        migrations.RemoveField(model_name="audit", name="model_fit"),
        migrations.AddField(
            model_name="audit",
            name="headline",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.RunPython(forget_unserved_markets, migrations.RunPython.noop),
    ]
