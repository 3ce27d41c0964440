from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from councils.demo import DEMO_USERNAMES, demo_password

# Each app provides <module>.load(stdout); the order follows the dependencies.
DEMO_MODULES = ["councils.demo", "meetings.demo", "meetings.protocol_demo", "measures.demo", "assessments.demo"]
# The demo sends kallelser and justering requests; they must never reach the invented addresses.
DEMO_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = "Skapar eller uppdaterar demodata (påhittade namn); kan köras flera gånger. Skickar ingen e-post."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Visa vad som skulle skapas, spara inget.")

    def handle(self, *args, dry_run=False, **options):
        email_backend = settings.EMAIL_BACKEND
        settings.EMAIL_BACKEND = DEMO_EMAIL_BACKEND
        try:
            with transaction.atomic():
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
