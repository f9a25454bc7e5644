from django.apps import AppConfig


class AuditsiteConfig(AppConfig):
    """The project itself, as an app: it wires the apps together once they are loaded."""

    name = "auditsite"

    def ready(self) -> None:
        from auditsite import access  # noqa: F401 (registers the access policy's rules)
