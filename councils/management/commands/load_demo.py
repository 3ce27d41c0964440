from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from councils.demo import DEMO_USERNAMES, demo_password

# Each app that has demo data provides <app>.demo.load(stdout); the order follows the dependencies.
DEMO_MODULES = ["councils.demo", "meetings.demo", "meetings.protocol_demo", "measures.demo"]


class Command(BaseCommand):
    help = "Skapar eller uppdaterar demodata (påhittade namn); kan köras flera gånger."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Visa vad som skulle skapas, spara inget.")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as error:
                    if error.name != name:
                        raise
                    continue
                module.load(stdout=self.stdout)
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write("Torrkörning: inget sparades.")
        self.stdout.write(self.style.SUCCESS("Demodata klar. Inloggningar (lösenord: %s):" % demo_password()))
        for username, what in DEMO_USERNAMES.items():
            self.stdout.write(f"  {username:<12} {what}")
