"""One word for one thing: a questionnaire "version" is called an edition everywhere, in the
code as on the pages (its name, e.g. 2026.5, was the `edition` field; it is now `name`)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("questionnaire", "0011_edition_and_reach")]

    operations = [
        # Constraints name their fields, and renaming a field does not rename it in them.
        migrations.RemoveConstraint("question", "question_number_unique"),
        migrations.RemoveConstraint("question", "question_key_unique"),
        migrations.RenameField("questionnaireversion", "edition", "name"),
        migrations.AlterField(
            "questionnaireversion",
            "name",
            models.CharField(
                max_length=40,
                help_text="The name owners and consultants see, e.g. 2026.5; a draft copy is "
                "named after the edition it was copied from until you rename it.",
            ),
        ),
        migrations.RenameModel("QuestionnaireVersion", "Edition"),
        migrations.RenameField("question", "version", "edition"),
        migrations.RenameField("audit", "version", "edition"),
        migrations.AlterModelOptions("question", {"ordering": ["edition", "number"]}),
        migrations.AlterField(
            "edition",
            "changelog",
            models.TextField(blank=True, help_text="What changed from the edition before."),
        ),
        migrations.AddConstraint(
            "question",
            models.UniqueConstraint(fields=("edition", "number"), name="question_number_unique"),
        ),
        migrations.AddConstraint(
            "question",
            models.UniqueConstraint(fields=("edition", "key"), name="question_key_unique"),
        ),
    ]
