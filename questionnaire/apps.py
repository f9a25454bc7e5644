from django.apps import AppConfig


class QuestionnaireConfig(AppConfig):
    name = "questionnaire"
    verbose_name = "Questionnaire and audits"
