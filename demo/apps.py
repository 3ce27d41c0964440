from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development data: invented councils, people, meetings and an action plan (`load_demo`)."""

    name = "demo"
    verbose_name = "Demodata"
