import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from benchmarks.machine import database_size
from benchmarks.scale import ScaleContext, scale_councils, scale_modules, signature
from councils.models import Council


class Command(BaseCommand):
    help = (
        "Skapar skalningsdata för make bench (standard 300 råd × 10 år) med bulkinsättningar; "
        "hoppar över om samma data redan finns."
    )

    def add_arguments(self, parser):
        parser.add_argument("--councils", type=int, default=300, help="Antal råd (standard 300).")
        parser.add_argument("--years", type=int, default=10, help="År av historik (standard 10).")
        parser.add_argument(
            "--replace", action="store_true",
            help="Töm databasen och skapa om när den bara innehåller skalningsdata med andra parametrar.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Skapa allt och rulla tillbaka.")

    def handle(self, *args, councils, years, replace, dry_run, **options):
        if councils < 1 or years < 1:
            raise CommandError("--councils och --years måste vara minst 1.")
        wanted = signature(councils, years)
        existing = set(scale_councils().values_list("description", flat=True).distinct())
        if existing == {wanted} and scale_councils().count() == councils:
            self.stdout.write(f"Skalningsdata finns redan ({wanted}); inget att göra.")
            self.report_size()
            return
        if existing or (replace and Council.objects.exists()):
            if not replace:
                raise CommandError(
                    f"Databasen har annan skalningsdata ({', '.join(sorted(existing))}). "
                    "Kör med --replace för att tömma den och skapa om."
                )
            if Council.objects.exclude(pk__in=scale_councils()).exists():
                raise CommandError("Databasen innehåller råd som inte är skalningsdata; --replace tömmer den inte.")
            self.stdout.write("Tömmer databasen (bara skalningsdata fanns) …")
            call_command("flush", interactive=False, verbosity=0)
            for module in scale_modules():
                if hasattr(module, "clear"):
                    module.clear()  # files the rows pointed to, such as attachments

        ctx = ScaleContext(councils=councils, years=years, stdout=self.stdout)
        started = time.perf_counter()
        with transaction.atomic():
            for module in scale_modules():
                if not hasattr(module, "generate"):
                    continue  # a module with bench pages only (search reads the others' rows)
                step = time.perf_counter()
                module.generate(ctx)
                self.stdout.write(f"  {module.__name__}: {time.perf_counter() - step:.1f} s")
            if dry_run:
                transaction.set_rollback(True)
        elapsed = time.perf_counter() - started
        if connection.vendor == "postgresql" and not dry_run:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        for label, count in ctx.counts.items():
            self.stdout.write(f"  {label}: {count}")
        verb = "Torrkörning klar (inget sparades)" if dry_run else "Skalningsdata skapad"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {wanted} på {elapsed:.1f} s."))
        self.report_size()

    def report_size(self):
        self.stdout.write(f"Databasens storlek: {database_size() / 1e6:.1f} MB ({connection.vendor}).")
