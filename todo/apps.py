from django.apps import AppConfig


class TodoConfig(AppConfig):
    """Att göra: the start page, reminders by e-mail and in-app notifications."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "todo"
    verbose_name = "Att göra"
