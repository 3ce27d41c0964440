from django.core.management.base import BaseCommand

from todo.reminders import reminders_send


class Command(BaseCommand):
    help = "Skickar dagens påminnelser (justering, uppföljning, uppdrag); en andra körning samma dag skickar inget."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Räkna bara det som skulle skickas.")

    def handle(self, *args, dry_run=False, **options):
        result = reminders_send(dry_run=dry_run)
        prefix = "Torrkörning: " if dry_run else ""
        self.stdout.write(f"{prefix}{result}")
