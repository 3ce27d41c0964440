"""Demo meetings for Hägersten-Älvsjö's council, in the style of the seed minutes; every name is invented."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from councils.models import Council, Forum, Person
from meetings import services
from meetings.models import AgendaItem, Attachment, Attendance, Decision, Meeting
from meetings.sanitize import clean_minutes

COUNCIL = "Hägersten-Älvsjös lokala brottsförebyggande råd"
PLACE = "Hägersten-Älvsjö SDF, Telefonvägen 30, plan 9, besöksrum 1"
OPENING = ("<p>Sammanträdet öppnades av mötesordförande {chair}, deltagarna presenterade sig, föregående protokoll "
           "lades till handlingarna och dagordningen godkändes.</p>")


def _pdf(title):
    """A small, valid one-page PDF with a title, so demo attachments open in any viewer."""
    text = title.encode("latin-1", "replace")
    stream = b"BT /F1 18 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _at(date, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, minute)))


def _person(first, last):
    return Person.objects.get(first_name=first, last_name=last)


# Roster of the demo council: (first, last).
KARIN, ERIK, MAJA, LEILA = ("Karin", "Lindqvist"), ("Erik", "Sandberg"), ("Maja", "Ek"), ("Leila", "Haddad")
GORAN, ASA, JONAS, TOVE = ("Göran", "Nyström"), ("Åsa", "Berglund"), ("Jonas", "Wikström"), ("Tove", "Åkerlund")
PIA, SARA, MEHMET, HENRIK = ("Pia", "Sjöholm"), ("Sara", "Holm"), ("Mehmet", "Yilmaz"), ("Henrik", "Dahl")
LINA, OLOF = ("Lina", "Forsberg"), ("Olof", "Strand")

TABLE = """
<h3>Platssamverkan Liljeholmen – problem, åtgärder/insatser</h3>
<table><thead><tr><th>Problemområde</th><th>Åtgärd/insats</th><th>Deltagare</th><th>Sammankallande/ansvarig</th>
<th>Status/uppföljning</th></tr></thead><tbody>
<tr><td>Liljeholmstorget: ordningsstörningar och unga i destruktiva miljöer</td><td>Gemensam chattgrupp för
lägesbild</td><td>Polis, fältassistenter, mobila ordningsvakter</td><td>Polisen</td><td>Pågår, följs upp i realtid.</td></tr>
<tr><td>Trekantsparken: övergiven bod används för övernattning</td><td>Förvaltning och polis ser över och
avvisar enligt stadens rutin</td><td>Förvaltning, polis, EU-teamet</td><td>Trygghets- och säkerhetsstrateg</td>
<td>Kontakt med fastighetskontoret är tagen.</td></tr>
<tr><td>Nedskräpning och ordningsstörningar vid skolavslutning</td><td>Kontakt med gymnasieskolorna om datum och
upplägg</td><td></td><td>Trygghets- och säkerhetsstrateg</td><td>Följs upp vid nästa möte.</td></tr>
</tbody></table>
"""

# Each meeting: dict with meeting fields, attendance, items (title, number, presenter, minutes, decisions,
# confidential ground) and attachments (title, item index or None, number).
MEETINGS = [
    {
        "title": "Lokala brå", "kind": Meeting.Kind.NOTES, "date": datetime.date(2022, 2, 11), "hours": (9, 11),
        "place": PLACE, "status": Meeting.Status.HELD, "chair": ERIK, "secretary": TOVE, "adjusters": [LEILA],
        "department": "Samhällsplaneringsavdelningen", "document_date": datetime.date(2022, 3, 1),
        "present": [ERIK, KARIN, GORAN, ASA, JONAS, SARA, HENRIK, TOVE], "apologies": [MAJA, PIA, MEHMET],
        "co_opted": [LINA], "guests": [],
        "items": [
            ("Mötets öppnande", 1, None, OPENING.format(chair="Erik Sandberg"), [], ""),
            ("Information", 2, None, """
<h3>Lokal samverkansöverenskommelse mellan polis och kommun</h3>
<p>Överenskommelsen är undertecknad och gäller 2022–2024. Prioriterade områden är Liljeholmen, inbrott,
trafik och unga i riskmiljöer.</p>
<h3>Trygg hela veckan</h3>
<ul><li><strong>YOLO</strong> – nästan alla skolor har genomfört eller bokat programmet under läsåret.</li>
<li><strong>RoS</strong> – programmet erbjuds alla högstadieskolor under våren.</li></ul>
<h3>Polis</h3><p>Medborgarlöftet för Liljeholmen gäller fortsatt. Samverkanshelger genomförs minst 30 helger under
året. Läs mer på <a href="https://polisen.se/medborgarloften">polisen.se/medborgarloften</a>.</p>
<h3>Brand</h3><p>Räddningstjänsten följer nybyggnationen i stadsdelsområdet. Brandinstruktörerna presenterar sin
verksamhet vid nästa sammanträde.</p>
<h3>Samhällsplanering</h3><p>Tre olovliga bosättningar har hanterats sedan årsskiftet. Slyröjning längs E4:an sker
under våren för att öka insynen.</p>
<h3>Skola</h3><p>Skolorna rapporterar hög stressnivå bland elever. Elevhälsan förstärks under våren.</p>
<h3>Äldreomsorg</h3><p>Ingen information.</p>""", [], ""),
            ("Återrapportering från arbetsgrupper/uppföljning av prioriteringar", 3, None, """
<h3>Arbetsgruppen för tryggare och trivsammare centrum</h3><p>Planprocessen för Liljeholmen går långsamt.
Kostnaderna för klottersanering i kollektivtrafiken ökar.</p>
<h3>Arbetsgruppen för tryggare äldre</h3><p>Sammanträder efter mötet.</p>
<h3>Samverkan runt barn och unga</h3><p>Prioritering: en halvdag om våldsutsatthet bland barn 6–12 år.</p>""",
             [], ""),
            ("Övriga frågor", 4, None, "<p>Inga övriga frågor.</p>", [], ""),
            ("Prioriteringar utifrån problembild", 5, None,
             "<p>Planera för en medborgardialog dagtid i maj i Liljeholmen tillsammans med polisen.</p>",
             [(Decision.Kind.TASK, "Planera medborgardialog i Liljeholmen.", KARIN, datetime.date(2022, 5, 13))], ""),
            ("Tid för möten 2022", 6, None, "<ul><li>Fredagen den 13 maj klockan 9–11</li>"
             "<li>Fredagen den 16 september klockan 9–11</li><li>Fredagen den 2 december klockan 9–11</li></ul>",
             [], ""),
        ],
        "attachments": [("Gemensam åtgärdsplan 2022", None, 1)],
        "contact": (TOVE, "08-555 100 08, tove.akerlund@example.se"),
    },
    {
        "title": "Protokoll för lokala brå", "kind": Meeting.Kind.PROTOCOL, "date": datetime.date(2023, 2, 24),
        "hours": (9, 11), "place": PLACE, "status": Meeting.Status.HELD, "chair": ERIK, "secretary": TOVE,
        "adjusters": [LEILA], "present": [ERIK, KARIN, LEILA, GORAN, HENRIK, JONAS, ASA, TOVE, SARA],
        "apologies": [PIA], "co_opted": [LINA, OLOF],
        "guests": [("Rasmus Öberg", "Konsult, samverkan med näringslivet", "Öberg Samverkan AB")],
        "items": [
            ("Mötets öppnande", 1, None, OPENING.format(chair="Erik Sandberg"), [], ""),
            ("Aktuell uppföljning och utveckling av trygghet och säkerhet", 2, SARA, """
<p><strong>Brott och bränder i stadsdelsområdet (rapport från stadsledningskontoret och stadens mobila
ordningsvakter)</strong></p><p>Se presentationen, bilaga 1.</p>
<p>Flera skolor uppger att elever rånas av andra ungdomar i anslutning till skolan.</p>""", [], ""),
            ("Lokala lägesbilden utifrån prioriterade områden", 3, None, """
<p>Det centrala samverkansavtalet förlängs till och med september. Det lokala avtalet förlängs och ett nytt tecknas
när det centrala är klart.</p><p>Polisen bekräftar en ökning av personrån mot unga, främst i Liljeholmen.</p>""",
             [], ""),
            ("Beslutade insatser", 4, None,
             "<p>Personrånen mot unga görs till en prioritering i den lokala lägesbilden.</p>",
             [(Decision.Kind.DECISION, "Personrån mot unga blir en prioritering i den lokala lägesbilden; "
                                       "första steget är en kartläggning.", None, None)], ""),
            ("Samverkan med näringslivet", 5, None, """
<p>Rasmus Öberg är anlitad som konsult och arbetar med samverkan med närings- och föreningslivet tillsammans med
samordnaren. Två frukostseminarier och ett kvällsseminarium är bokade.</p>""", [], ""),
            ("Kommande möten", 6, None, """
<p>Nästa möte är den 12 maj klockan 9–11, Telefonvägen 30, plan 9, besöksrum 1.</p>
<p>Förslag: mötena flyttas till eftermiddagar i anslutning till presidiet.</p>""",
             [(Decision.Kind.TASK, "Undersöka om eftermiddagstider fungerar för dem som inte var på mötet.",
               KARIN, datetime.date(2023, 4, 28))], ""),
        ],
        "attachments": [("Brott och bränder i stadsdelsområdet", 1, 1)],
        "contact": (KARIN, "tel. 08-555 100 01, karin.lindqvist@example.se"),
    },
    {
        "title": "Lokala brå", "kind": Meeting.Kind.PROTOCOL, "date": datetime.date(2024, 9, 20), "hours": (9, 11),
        "place": "", "online": "Teams", "status": Meeting.Status.HELD, "chair": ERIK, "secretary": TOVE,
        "adjusters": [LEILA, MAJA],
        "present": [ERIK, GORAN, SARA, KARIN, MAJA, ASA, PIA, JONAS, MEHMET, TOVE, HENRIK, LEILA],
        "apologies": [], "co_opted": [OLOF, LINA], "guests": [],
        "items": [
            ("Mötets öppnande", None, None, "<p><strong>" + OPENING.format(chair="Erik Sandberg")[3:-4]
             + "</strong></p>", [], ""),
            ("Lokal lägesbild, prioriterade områden, insatser och uppföljning", 1, KARIN, """
<h3>Lokal lägesbild</h3><p>Förvaltningen och polisen uppdaterar lägesbilden kontinuerligt och stämmer av varannan
vecka. Lägesbilden bygger på trygghetsmätningar, information från arbets- och samverkansgrupper, boende och
verksamma samt statistik från stadsledningskontoret och polisen.</p>
<h3>Prioriterat område – unga i risk för kriminalitet</h3>
<ul><li>Polisens kontaktperson in till socialtjänsten</li><li>Konsultation och rådgivning</li>
<li>Hålla i ”Team samhandling”</li></ul>""" + TABLE, [], ""),
            ("Enskilt ärende om ungdomsgrupp", 2, ASA, """
<p>Socialtjänsten redogjorde för läget kring en namngiven grupp ungdomar. Uppgifterna omfattas av sekretess.</p>""",
             [(Decision.Kind.TASK, "Samordna insatser kring gruppen i Team samhandling.", ASA,
               datetime.date(2024, 10, 31))], "OSL 26 kap. 1 §"),
            ("Övrigt", 3, None, "<p>Inga övriga frågor.</p>", [], ""),
            ("Kommande möten", 4, None, "<p>Plats: Telefonvägen 30, lokal meddelas senare.</p>"
                                        "<p>Tid: fredagen den 13 december 2024 kl. 09.00–11.00.</p>", [], ""),
        ],
        "attachments": [("Kontaktvägar till fältassistenterna", None, 1)],
        "contact": (KARIN, "08-555 100 01"),
    },
]


def _create(council, spec, forum=None):
    start, end = spec["hours"]
    meeting = Meeting.objects.create(
        council=council, forum=forum, title=spec["title"], kind=spec["kind"],
        starts_at=_at(spec["date"], start), ends_at=_at(spec["date"], end), place=spec["place"],
        online_label=spec.get("online", ""), status=spec["status"], chair=_person(*spec["chair"]),
        secretary=_person(*spec["secretary"]), department=spec.get("department", ""),
        document_date=spec.get("document_date"), contact_person=_person(*spec["contact"][0]),
        contact_text=spec["contact"][1], notice_sent_at=_at(spec["date"] - datetime.timedelta(days=14), 10),
    )
    meeting.adjusters.set([_person(*p) for p in spec["adjusters"]])
    rows = [(p, Attendance.Status.PRESENT) for p in spec["present"]]
    rows += [(p, Attendance.Status.APOLOGIES) for p in spec["apologies"]]
    rows += [(p, Attendance.Status.CO_OPTED) for p in spec["co_opted"]]
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=_person(*p), status=status, position=n) for n, (p, status) in enumerate(rows)
    )
    for n, (name, title, organisation) in enumerate(spec["guests"], start=len(rows)):
        Attendance.objects.create(meeting=meeting, guest_name=name, guest_title=title, guest_organisation=organisation,
                                  status=Attendance.Status.CO_OPTED, position=n)
    items = []
    for n, (title, number, presenter, minutes, decisions, ground) in enumerate(spec["items"]):
        item = AgendaItem.objects.create(
            meeting=meeting, position=n, number=number, title=title, minutes=clean_minutes(minutes),
            presenter=_person(*presenter) if presenter else None, confidential=bool(ground),
            confidentiality_ground=ground, minutes_updated_at=meeting.ends_at,
            reports_follow_ups=title.startswith("Återrapportering"),
        )
        for k, (kind, text, responsible, due) in enumerate(decisions):
            Decision.objects.create(agenda_item=item, kind=kind, text=text, due_date=due, position=k,
                                    responsible=_person(*responsible) if responsible else None)
        items.append(item)
    for title, item_index, number in spec["attachments"]:
        data = _pdf(title)
        attachment = Attachment(meeting=meeting, agenda_item=items[item_index] if item_index is not None else None,
                                title=title, number=number, content_type="application/pdf", size=len(data),
                                original_name=f"{title}.pdf")
        attachment.file.save(f"{title}.pdf", ContentFile(data), save=False)
        attachment.save()
    return meeting


def load(stdout=None):
    """Create the demo meetings once; running it again changes nothing."""
    council = Council.objects.get(name=COUNCIL)
    created = 0
    for spec in MEETINGS:
        start = _at(spec["date"], spec["hours"][0])
        if not Meeting.objects.filter(council=council, starts_at=start).exists():
            _create(council, spec)
            created += 1
    forum = Forum.objects.get(council=council, name="Tryggare och trivsammare centrum")
    forum_start = _at(datetime.date(2024, 9, 11), 13)
    if not Meeting.objects.filter(council=council, forum=forum, starts_at=forum_start).exists():
        meeting = Meeting.objects.create(
            council=council, forum=forum, title="Arbetsgruppsmöte", kind=Meeting.Kind.NOTES, starts_at=forum_start,
            ends_at=forum_start + datetime.timedelta(hours=1, minutes=30), place="Liljeholmstorget, centrumkontoret",
            status=Meeting.Status.HELD, chair=_person(*KARIN), secretary=_person(*KARIN),
        )
        AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Läget på torget",
                                  minutes=clean_minutes("<p>Lugnare efter sommaren. Belysningen vid trappan är lagad.</p>"))
        created += 1
    if not Meeting.objects.filter(council=council, forum__isnull=True).upcoming().exists():
        today = timezone.localdate()
        friday = today + datetime.timedelta(days=(4 - today.weekday()) % 7 + 21)
        services.meeting_create(
            council=council, user=None,
            data={"title": "Lokala brå", "kind": Meeting.Kind.PROTOCOL, "starts_at": _at(friday, 9),
                  "ends_at": _at(friday, 11), "place": PLACE, "online_label": "Teams",
                  "chair": _person(*ERIK), "secretary": _person(*TOVE)},
            adjusters=[_person(*LEILA)],
        )
        created += 1
    if stdout:
        stdout.write(f"Möten: {created} nya, {Meeting.objects.filter(council=council).count()} totalt.")
