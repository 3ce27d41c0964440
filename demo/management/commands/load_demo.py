from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from demo.councils import DEMO_USERNAMES, demo_password

# One module per domain app, each with load(stdout); the order follows the dependencies.
DEMO_MODULES = ["demo.councils", "demo.meetings", "demo.protocols", "demo.measures", "demo.assessments"]
# The demo sends kallelser and justering requests; they must never reach the invented addresses.
DEMO_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = "Skapar eller uppdaterar demodata (påhittade namn); kan köras flera gånger. Skickar ingen e-post."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Visa vad som skulle skapas, spara inget.")

    def handle(self, *args, dry_run=False, **options):
        email_backend = settings.EMAIL_BACKEND
        settings.EMAIL_BACKEND = DEMO_EMAIL_BACKEND
        try:
            # Tasks (sealing, e-mail) run here and now, while the locmem mail backend is in place: a worker
            # must never send the demo's mail later.
            with override_settings(TASKS=DEMO_TASKS), transaction.atomic():
                for name in DEMO_MODULES:
                    import_module(name).load(stdout=self.stdout)
                if dry_run:
                    transaction.set_rollback(True)
                    self.stdout.write("Torrkörning: inget sparades.")
        finally:
            settings.EMAIL_BACKEND = email_backend
        self.stdout.write(self.style.SUCCESS("Demodata klar. Inloggningar (lösenord: %s):" % demo_password()))
        for username, what in DEMO_USERNAMES.items():
            self.stdout.write(f"  {username:<12} {what}")
