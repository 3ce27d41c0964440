"""Fill in Lobra's statement as its developers know it; the site administrator names the organisation and contact."""

import datetime

from django.conf import settings
from django.db import migrations

METHOD = (
    "Självskattning. Lobras testsvit granskar varje sida för varje roll med axe-core (WCAG 2.0 och 2.1, nivå A "
    "och AA) i Chromium, även felmeddelanden i formulär, konfliktvyn och utfällda avsnitt. Testerna kontrollerar "
    "också att ingen sida behöver rullas i sidled vid 320 pixlars bredd, att hopplänken och felsammanfattningen "
    "fungerar med tangentbord och att varje fält har en egen etikett. Sidorna har granskats för hand vid 390 "
    "pixlars bredd, vid 200 % zoom och i utskrift. Ingen extern granskning och inget test med skärmläsare har "
    "gjorts än."
)
DEVIATIONS = [
    ("PDF-filerna (protokoll och åtgärdsplan) saknar taggar, så en skärmläsare kan inte följa rubriker, listor "
     "och tabeller i dem.", "1.3.1, 2.4.6",
     "Protokollen sparas som PDF/A-3b för långtidsarkivering och sigilleras; den varianten är inte taggad.",
     "Ta fram taggade PDF-filer (PDF/UA) med samma innehåll. Till dess finns samma innehåll som webbsida.",
     datetime.date(2027, 6, 30)),
    ("Text som skrivs i mötesanteckningar kan sakna rubrikstruktur eller innehålla tabeller utan rubrikceller, "
     "beroende på hur den som skriver formaterar texten.", "1.3.1",
     "Innehållet skrivs av användarna.",
     "Redigeraren ska bara erbjuda rubriknivåer som passar sidan och tabeller med rubrikrad.",
     datetime.date(2027, 3, 31)),
    ("Administrationsgränssnittet för webbplatsadministratörer (Djangos admin) ingår inte i Lobras automatiska "
     "granskning.", "",
     "Det används bara av ett fåtal administratörer och kommer från ramverket Django.",
     "Granska administrationssidorna med samma verktyg och rapportera brister till Django-projektet.",
     datetime.date(2027, 6, 30)),
]


def fill(apps, schema_editor):
    Statement = apps.get_model("accessibility", "Statement")
    Deviation = apps.get_model("accessibility", "Deviation")
    if Statement.objects.exists():
        return
    today = datetime.date(2026, 11, 22)
    statement = Statement.objects.create(
        id=1, organisation="Kommunen som driver Lobra (ändras i administrationen)", service_name="Lobra",
        compliance="delvis", contact_email=settings.DEFAULT_FROM_EMAIL,
        response_time="Vi svarar normalt inom fem arbetsdagar.",
        not_covered="Inskannade dokument och bilagor som laddats upp före 2018-09-23 omfattas inte av lagkraven.",
        assessment_method=METHOD, assessed_on=today, published_on=today,
    )
    for position, (description, criteria, reason, planned_fix, planned_by) in enumerate(DEVIATIONS):
        Deviation.objects.create(statement=statement, description=description, criteria=criteria, reason=reason,
                                 planned_fix=planned_fix, planned_by=planned_by, position=position)


class Migration(migrations.Migration):
    dependencies = [("accessibility", "0001_add_statement")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
