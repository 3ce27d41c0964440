from django.core.management.base import BaseCommand

from todo.reminders import reminders_send
from todo.tasks import send_reminders_daily


class Command(BaseCommand):
    help = ("Skickar dagens påminnelser (justering, uppföljning, uppdrag); en andra körning samma dag skickar inget. "
            "Med --enqueue läggs körningen i uppgiftskön åt arbetsprocessen (manage.py db_worker).")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Räkna bara det som skulle skickas.")
        parser.add_argument("--enqueue", action="store_true", help="Lägg körningen i uppgiftskön i stället.")

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if enqueue and not dry_run:
            result = send_reminders_daily.enqueue()
            self.stdout.write(f"Påminnelserna ligger i kön ({result.id}).")
            return
        result = reminders_send(dry_run=dry_run)
        self.stdout.write(f"{'Torrkörning: ' if dry_run else ''}{result}")
