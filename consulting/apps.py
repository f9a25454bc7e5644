from django.apps import AppConfig


class ConsultingConfig(AppConfig):
    name = "consulting"
    verbose_name = "Consulting"
