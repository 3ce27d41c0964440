"""Check a protocol PDF's seal and find its version in Lobra; exit 0 only for an intact Lobra protocol."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from protocols import services as justering
from protocols import signing


class Command(BaseCommand):
    help = "Kontrollerar en protokoll-PDF: underskriften, om filen ändrats och vilket möte och vilken version den är."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Sökväg till PDF-filen.")

    def handle(self, *args, file, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Kan inte läsa {file}: {error.strerror}", returncode=1) from error
        result = signing.verify_pdf(data)
        version, edition, exact = justering.find_version_for_pdf(data)
        write = self.stdout.write
        write(f"Signerad: {'ja' if result.signed else 'nej'}")
        if result.signed:
            write(f"Underskriften hel och giltig: {'ja' if result.intact and result.valid else 'nej'}")
            write(f"Täcker hela filen: {'ja' if result.covers_whole_file else 'nej'}")
            write(f"Betrott certifikat: {'ja' if result.trusted else 'nej'}")
            write(f"Signerad av: {result.signer_name}" + (f", {result.signer_organisation}"
                                                        if result.signer_organisation else ""))
            if result.is_test_certificate:
                write("Observera: Lobras testcertifikat, inte organisationens sigill.")
        if version:
            label = "rättelse" if version.is_correction else "version"
            kind = "offentlig" if edition == "public" else "fullständig"
            write(f"Protokoll: {version.meeting.council} – {version.meeting}, {label} {version.number} ({kind})")
            write("Filen är byte för byte den Lobra utfärdade." if exact
                  else "Filen hänvisar till versionen men är inte den fil Lobra utfärdade.")
        else:
            write("Protokoll: ingen version i Lobra motsvarar filen.")
        for problem in result.problems:
            self.stderr.write(problem)
        if result.ok and version is not None:
            self.stdout.write(self.style.SUCCESS("OK: ett oförändrat, signerat protokoll från Lobra."))
            return
        if result.ok:
            self.stderr.write("Filen är inte ett protokoll från Lobra.")
        raise CommandError("Kontrollen misslyckades.", returncode=1)
