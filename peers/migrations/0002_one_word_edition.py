"""A questionnaire "version" is called an edition everywhere (questionnaire 0012)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("peers", "0001_initial"),
        ("questionnaire", "0012_one_word_edition"),
    ]

    operations = [
        # Constraints name their fields, and renaming a field does not rename it in them.
        migrations.RemoveConstraint("countedaudit", "counted_once"),
        migrations.RemoveConstraint("peergroup", "one_group_each"),
        migrations.RenameField("peergroup", "version", "edition"),
        migrations.RenameField("countedaudit", "version_id", "edition_id"),
        migrations.AlterField(
            "peergroup",
            "edition",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="questionnaire.edition",
            ),
        ),
        migrations.AddConstraint(
            "countedaudit",
            models.UniqueConstraint(fields=("business_id", "edition_id"), name="counted_once"),
        ),
        migrations.AddConstraint(
            "peergroup",
            models.UniqueConstraint(fields=("edition", "sector", "size"), name="one_group_each"),
        ),
    ]
