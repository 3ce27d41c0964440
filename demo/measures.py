"""Demo action plan: the whole seed plan 2017–2019 and the 2021 place-based working documents.

Every field comes from the seed texts; the few people named in the seeds are replaced by invented names.
"""

import datetime

from councils.models import Council, Forum, Organisation, Person
from measures.models import Activity, Agreement, Comment, FollowUp, Measure, Place, PriorityArea
from meetings.models import Decision, Meeting

from .dates import recent

COUNCIL = "Hägersten-Älvsjös lokala brottsförebyggande råd"
SDF = "Hägersten-Älvsjö stadsdelsförvaltning"
POLICE = "Polisen, lokalpolisområde Skärholmen"
CENTRUM = "Tryggare och trivsammare centrum"
YOUNG = "Samverkan runt barn och unga"

FUNDING = "Respektive part bär sina egna personalkostnader och kostnader för den verksamhet man ansvarar för"
COMMUNICATION_PLAN = (
    "Internt inom polisen: enligt kommunikationsplan\n"
    "Internt inom stadsdelsförvaltningen: enligt kommunikationsplan\n"
    "Mellan stadsdelsförvaltningen och polis: enligt kommunikationsplan"
)

AGREEMENT = {
    "title": "Åtgärdsplan gemensam Hägersten-Liljeholmen och polisen",
    "valid_from": datetime.date(2017, 1, 1),
    "valid_to": datetime.date(2019, 6, 30),
    "extended_to": datetime.date(2019, 9, 30),
    "description": (
        "Det ordinarie brottsförebyggande och trygghetsskapande arbetet inordnas under det lokala "
        "Brottsförebyggande råd och den samverkansstruktur och de arbetsgrupper som ligger under rådet. "
        "Målet för arbetet är ett för boende, dagbefolkning och besökare tryggt, trivsamt, öppet och "
        "inkluderande stadsdelsområde."
    ),
}

# Each area: its fields and its measures. A measure's "forums" name forums of the demo council;
# "orgs" the responsible organisations; "people" e-mail addresses of demo people who answer for it.
AREAS = [
    {
        "name": "Liljeholmen",
        "goal": "Liljeholmens centrum med närområde ska vara tryggt och trivsamt för boende, besökare och "
                "näringsidkare.",
        "purpose": "Genom att öka den kollektiva förmågan så att allmänheten fungerar som kapabla väktare blir det "
                   "svårare och obekvämare för potentiella gärningsmän att bryta mot alkoholförtäringsförbudet "
                   "eller att begå andra brott.",
        "target_primary": "Boende, besökare och näringsidkare i området.",
        "target_secondary": "Presumtiva ordningsstörare.",
        "measures": [{
            "title": "Öka den kollektiva förmågan hos allmänheten",
            "responsible_text": "Stadsdelsförvaltning och polis",
            "orgs": [SDF, POLICE],
            "people": ["karin.lindqvist@example.se", "sara.holm@example.se"],
            "place": "Liljeholmen",
            "forum_text": "Arbetsgruppen för Tryggare och trivsammare centrum",
            "forums": [CENTRUM],
            "activities": [
                "Kommunicera Tyck till appen till allmänheten",
                "Sprida information om alkoholförtäringsförbudsområden",
                "Erbjuda närmiljövandringar",
            ],
            "police_contact": "Kommunpolis",
            "police_commitment": "Sprida kunskap och delta på möten",
            "admin_contact": "Preventionssamordnare",
            "admin_commitment": "Sprida kunskap och ansvara för samverkansforumet",
            "other_actors": "Trafikkontoret, SL, MTR, boende och besökare i sdo",
            "communication": "Till allmänheten: enligt kommunikationsplan\n" + COMMUNICATION_PLAN,
            "follow_up_plan": "Minnesanteckningar från möten\nStatistik",
        }],
    },
    {
        "name": "Liljeholmen, narkotika",
        "goal": "Unga och unga vuxna använder inte narkotika och ingen försäljning av narkotika sker i området.",
        "purpose": "En minskad tillgänglighet av narkotika gör att risken minskar för att unga och unga vuxna kommer "
                   "i kontakt med och drabbas av drogberoende. Den upplevda och den faktiska tryggheten ökar, för "
                   "boende och besökare med få eller inga narkotikapåverkade i området.",
        "target_primary": "Unga och unga vuxna.",
        "target_secondary": "Boende och besökare i området.",
        "measures": [{
            "title": "Planerade insatser mot narkotikabrott ska koordineras mellan parterna",
            "responsible_text": "Polis",
            "orgs": [POLICE],
            "people": ["sara.holm@example.se"],
            "place": "Liljeholmen",
            "forum_text": "Arbetsgrupperna: Samverkan runt barn och unga samt Tryggare och trivsammare centrum",
            "forums": [YOUNG, CENTRUM],
            "activities": [
                "Polisen involverar stadsdelsförvaltningen i planeringen av riktade insatser mot narkotika",
                "Kontinuerligt dela information inom ramen för ordinarie arbete",
            ],
            "police_contact": "Kommunpolis",
            "police_commitment": "Delge information om planerade insatser och planera tillsammans med "
                                 "stadsdelsförvaltningen",
            "admin_contact": "Social omsorg (vuxenenheten, barn- och ungdomsenheten)",
            "admin_commitment": "Planera tillsammans med polisen\nErbjuda vård och behandling",
            "other_actors": "Bjuds efter behov\nSocialtjänst i andra stadsdelsområden/kommuner\n"
                            "Stockholms stads socialförvaltning",
            "communication": "Till allmänheten: enligt kommunikationsplan\n" + COMMUNICATION_PLAN,
            "follow_up_plan": "Arbetsgruppen följer upp aktiviteterna",
        }],
    },
    {
        "name": "Ungdomar",
        "goal": "Barn och unga har goda uppväxtvillkor",
        "purpose": "Alla ungdomar ska få en bra uppväxt, förutsättningar till bra resultat i skolan, god fritid och "
                   "senare i livet vidareutbildning och sysselsättning.",
        "cooperation": "Stadsdelsförvaltning, polis, utbildningsförvaltningen, idrottsförvaltningen och "
                       "kulturförvaltningen",
        "target_primary": "Alla barn och unga som bor eller går i skola i stadsdelsområdet.",
        "measures": [{
            "title": "Trygga uppväxten för barn och unga",
            "responsible_text": "Stadsdelsförvaltning och polis",
            "orgs": [SDF, POLICE],
            "people": ["karin.lindqvist@example.se"],
            "forum_text": "Arbetsgrupper för samverkan runt barn och unga",
            "forums": [YOUNG],
            "activities": [
                "Helgsamverkan",
                "Utskick runt ANDT enligt årshjul",
                "Folköl- och tobakstillsyn, minst två polis-stadsdelsförvaltningsgemensamma tillsynspass per år",
                "YOLO – du har bara ett liv, ta hand om det",
                "RoS – respekt och självrespekt",
            ],
            "police_contact": "Kommunpolis",
            "police_commitment": "Sammankallande till utsättningsmötet på fredagar och vara sammanhållande under "
                                 "helgens arbetspass\nUtskick på sociala medier och delta på möten\n"
                                 "Delta i gemensamma tillsynsbesök\nSprida kunskap om och om möjligt delta i",
            "admin_contact": "Preventionssamordnare och fältassistenter",
            "admin_commitment": "Delta på utsättningsmötet och i kontaktnätet\n"
                                "Ansvarar för utskick till skolor och andra aktörer\n"
                                "Delta och planera och dokumentera tillsynsbesöken\n"
                                "Driva ärenden enligt alkohol- och tobakslagen\n"
                                "Erbjuda YOLO till alla skolor med årskurs 7 i stadsdelsområdet och genomföra i "
                                "samarbete med skolan\n"
                                "Erbjuda RoS till alla skolor med årskurs 8 i stadsdelsområdet och genomföra i "
                                "samarbete med skolan",
            "other_actors": "Bevakningsbolag, nattvandrare, Lugna gatan, SL, MTR, polisens volontärer, "
                            "socialförvaltningen, utbildningsförvaltningen",
            "communication": "Deltagare i arbetsgrupp: Minnesanteckningar\n" + COMMUNICATION_PLAN,
            "follow_up_plan": "Minnesanteckningar från möten\nStatistik",
        }],
    },
    {
        "name": "Västertorp",
        "goal": "I nästa trygghetsmätning 2020 rapporterar invånarna i Västertorp mindre grad av utsatthet för brott "
                "och otrygghet.",
        "purpose": "Genom att öka den kollektiva förmågan så att allmänheten fungerar som kapabla väktare ökar den "
                   "egna känslan av kontroll och det blir svårare och obekvämare för potentiella gärningsmän att "
                   "begå brott.",
        "target_primary": "Invånarna i Västertorp.",
        "measures": [{
            "title": "Motverka otrygghet och brottsutsatthet i Västertorp",
            "responsible_text": "Stadsdelsförvaltning och polis",
            "orgs": [SDF, POLICE],
            "people": ["jonas.wikstrom@example.se"],
            "place": "Fruängen/Västertorp/Hägerstensåsen",
            "forum_text": "",
            "forums": [],
            "activities": [
                "Erbjuda närmiljövandringar",
                "Skapa trygga fysiska miljöer",
                "Ökad information om situationen i Västertorp från polis och stadsdel till invånarna",
                "Helgsamverkan",
                "Stötta och motivera goda krafter i lokala civilsamhället",
            ],
            "police_contact": "Kommunpolisen/lokalpolisen",
            "police_commitment": "Planera och genomföra prioriterade aktiviteter",
            "admin_contact": "Preventionssamordnaren\nAvdelningen för samhällsplanering",
            "admin_commitment": "Planera och genomföra prioriterade aktiviteter",
            "other_actors": "Fackförvaltningar, SL/MTR med flera samarbetsparter",
            "communication": "Till allmänheten: enligt kommunikationsplan\n" + COMMUNICATION_PLAN,
            "follow_up_plan": "Minnesanteckningar från möten\nStatistik",
        }],
    },
    {
        "section": "Olovliga bosättningar/påträngande tiggeri",
        "name": "Olovliga bosättningar",
        "goal": "Trygga boende och besökare som frimodigt använder parker, naturmark och annan allmän plats inom "
                "stadsdelsområdet.",
        "purpose": "Effektivisera hanteringen av olovliga bosättningar i stadsdelsområdet genom tidig upptäckt och på "
                   "ett humant sätt avbryta de brottsliga handlingarna (egenmäktigt förfarande, skadegörelse, "
                   "nedskräpning, ordningsstörningar med mera).",
        "target_primary": "Personer som olovligen bosätter sig på annans mark.",
        "target_secondary": "Boende och besökare inom stadsdelsområdet.",
        "measures": [{
            "title": "Tidig upptäckt och etisk avvisning av olovliga bosättningar",
            "responsible_text": "Stadsdelsförvaltningen",
            "orgs": [SDF],
            "people": ["karin.lindqvist@example.se"],
            "forum_text": "Arbetsgruppen för Tryggare och trivsammare centrum",
            "forums": [CENTRUM],
            "activities": [
                "Jobba enligt framtagna rutiner för tidig upptäckt av olovliga bosättningar",
                "Tillämpa rutiner för avvisande enligt Polislagen §13 vid olovliga bosättningar",
            ],
            "police_contact": "Brottssamordnare och Kommunpolis",
            "police_commitment": "Medverka i samverkansforumet och arbetsgrupp",
            "admin_contact": "Parkingenjör och preventionssamordnare",
            "admin_commitment": "Medverka i och ansvara för arbetet",
            "other_actors": "Socialförvaltningens uppsökarenhet, Trafikkontoret, Exploateringskontoret, Markägare\n"
                            "Enskede-Årsta-Vantörs, Älvsjös och Södermalms stadsdelsförvaltningar och Huddinge kommun",
            "communication": "Deltagare i arbetsgruppen: minnesanteckningar\n"
                             "Till allmänheten: enligt kommunikationsplan\n" + COMMUNICATION_PLAN,
            "follow_up_plan": "Beredningsgruppen rapporterar till styrgruppen",
        }],
    },
    {
        "section": "Olovliga bosättningar/påträngande tiggeri",
        "name": "Påträngande tiggeri",
        "goal": "Människor känner sig trygga på allmän plats i sin vardagliga miljö.",
        "purpose": "På ett humant sätt begränsa problematiken med ofredande, i form av påträngande tiggeri genom att "
                   "tillämpa den befintliga lagstiftningen och stadens allmänna ordningsföreskrifter",
        "target_primary": "Människor som på ett påträngande och insisterande sätt ber om gåvor.",
        "target_secondary": "Alla som bor eller besöker stadsdelsområdet.",
        "measures": [{
            "title": "Motverka påträngande tiggeri",
            "responsible_text": "Polis",
            "orgs": [POLICE],
            "people": ["sara.holm@example.se"],
            "forum_text": "Arbetsgruppen för Tryggare och trivsammare centrum",
            "forums": [CENTRUM],
            "activities": [
                "Översyn av befintlig lagstiftningen och stadens allmänna ordningsföreskrifter gällande påträngande "
                "tiggeri och ordningsstörningar kopplat till tiggeriet klart maj 2018",
                "Tillämpa och implementera eventuella nya arbetssätt hösten 2018",
            ],
            "police_contact": "Kommunpolis",
            "police_commitment": "Medverka i och ansvara för arbetsgruppen",
            "admin_contact": "Preventionssamordnare",
            "admin_commitment": "Medverka i arbetsgruppen",
            "other_actors": "Socialförvaltningen, uppsökarenheten, Trafikkontoret, Centrumägare/förvaltare, "
                            "Näringsidkare, SL/MTR, Bevakningsbolag",
            "communication": "Deltagare i arbetsgruppen: Minnesanteckningar förs vid möten och delges "
                             "samverkansforumet\n" + COMMUNICATION_PLAN,
            "follow_up_plan": "Uppföljning av översyn av befintlig lagstiftningen och stadens allmänna "
                              "ordningsföreskrifter i juni 2018\nuppföljning av implementering av arbetssätt i "
                              "december 2018\nBeredningsgruppen rapporterar till styrgruppen",
        }],
    },
    {
        "name": "Våldsbejakande extremism",
        "goal": "Ett stadsdelsområde fritt från och utan rädsla för våldsbejakande extremism, där människor känner "
                "sig inkluderade och delaktiga i den demokratiska processen.",
        "purpose": "Alla barn och unga ska få en bra uppväxt, förutsättningar till bra resultat i skolan, god fritid "
                   "och senare i livet vidareutbildning och sysselsättning med jämlika jämställda levnadsvillkor",
        "target_primary": "Personer som riskerar att attraheras av våldsbejakande och våldsutövande "
                          "extremistmiljöer.",
        "target_secondary": "Alla boende och besökare inom stadsdelsområdet.",
        "measures": [{
            "title": "Motverka våldsbejakande extremism",
            "responsible_text": "Stadsdelsförvaltning",
            "orgs": [SDF],
            "people": ["karin.lindqvist@example.se"],
            "forum_text": "Arbetsgrupp bildas i januari 2017",
            "forums": [],
            "activities": [
                "Följa framtagen handlingsplan mot våldsbejakande extremism.",
                "Ingå i nätverk gällande våldsbejakande extremism",
            ],
            "police_contact": "Kommunpolis",
            "police_commitment": "Lämna underlag till lägesbild, kartläggning\nDelaktig i framtagande av åtgärder\n"
                                 "Lämna underlag för uppföljning",
            "admin_contact": "Preventionssamordnare",
            "admin_commitment": "Implementera handlingsplan",
            "other_actors": "Stadsledningskontoret (samordnare mot VBE), Utbildningsförvaltningen, "
                            "Idrottsförvaltningen, kulturförvaltningen med flera",
            "communication": COMMUNICATION_PLAN,
            "follow_up_plan": "Beredningsgruppen rapporterar till styrgruppen\nUppföljning i verksamhetsberättelse",
        }],
    },
]

# The 2021 place-based working documents. Rows: (problem or development area, åtgärd/insats, deltagare,
# sammankallande/ansvarig, status/uppföljning). People named in the seed are replaced by invented names.
PLACES = [
    {
        "name": "Liljeholmen",
        "description": "Centrummiljö och närliggande område. Ungdomar som begår brott och stör ordningen, påverkade "
                       "personer på offentlig plats, narkotikaförsäljning.",
        "problem": [
            ("Liljeholmen, Trekantsparken: Ordningsstörningar, brottslighet och unga i destruktiva miljöer.",
             "Whats.App grupp", "Polis, fältassistenter, ungdomsjouren, Sth.stads mobila OV, gallerians OV.",
             "Polis adm. ansvarig", "Pågående insatser som följs upp i realtid."),
            ("Liljeholmen, Trekantsparken: Ordningsstörningar", "LOV 3 OV och väktare",
             "Stockholms stads mobila OV och väktare", "SLK/Avarn",
             "Pågående utifrån beviljade LOV3 Trekantsparken (220902) och befintliga LOV2 områden"),
            ("Liljeholmen, Trekantsparken: Ungdomar som stör ordningen, begår brott och vistas i destruktiva miljöer.",
             "Team Samhandling. Samverkan kring kartlagd mindre grupp och individer",
             "Preventionssamordnare, fält, polis, skola, socialtjänst/ familjeenheten", "",
             "Pågående insats med 6-7 individer. Formerna för Team Samhandling är under utv."),
            ("Trekantsparken: Byggnad/Fiskeklubbens hus används som olovlig bosättning",
             "Förvaltning och polis ser över och avvisar enl. Sth. stads rutin. Se över om det går att förbättra "
             "låsen på dörrarna på baksidan.", "Förvaltning, polis, EU-teamet", "Förvaltning, polis",
             "Kontakt med Fastighetskontoret är tagen. Info säger att byggnaden ska rivas men ej bekräftat."),
            ("Ordningsstörningar och nedskräpning vid skolavslutning",
             "Kontakt tas med gymnasieskolorna för att få upplägg och datum för skolavslutning", "",
             "Trygg- och säkerhetsstrateg SDF", "Följs upp vid mötet den 1/6."),
            ("Katrinebergsbacken: Missbrukare som samlas i backen och skapar otrygghet.",
             "Se över möjligheterna att söka alkoholförbud på platsen.", "", "Trygg- och säkerhetsstrateg SDF",
             "Inga kontakter tagna än."),
            ("Lövholmsvägen 18: Jensens och Iris vuxenutb. EU-migranter, olovliga bosättningar, nedskräpning, fester, "
             "otrygghet", "Erbjuda skolorna kontaktvägar in till förvaltning och polis för snabb avhysning.",
             "Förvaltning, polis, EU-teamet", "Förvaltning, polis", "Skolorna har fått kontaktvägar och rutiner"),
        ],
        "utveckling": [
            ("Liljeholmstorget: Utveckla torget, öka trygghet och trivsel", "Utveckla idéer och insatser i samverkan",
             "Parkingenjör, samhällsplanerare, kommunikatör, T&S strateg SDF, TK, CityCon, resurs H-Å SDF",
             "Resurs H-Å SDF/Olof Strand",
             "Insats om hur torget ska utvecklas på kort sikt pågår. Dialog ska föras så att den kopplas till "
             "planarbetet."),
            ("Liljeholmen: Utveckling av samverkan mellan företagare, föreningar och SDF", "Företagsdialog 22 oktober",
             "SDF, företagarföreningar, företagare, föreningar", "Sammankallande Resurs H-Å SDF/Olof Strand",
             "Företagsdialog 22 oktober"),
            ("Liljeholmen: Långsiktig utveckling av området", "Programarbete",
             "Exploateringskontoret, samhällsplanerare, T&S strateg, kommunpolis", "Exploateringskontoret",
             "Planering av utbyggnad och utformning av Liljeholmen pågår"),
            ("Utveckling av Trekantsparken", "Samordning kring programförslag", "SDF, Explo, TK",
             "Exploateringskontoret", "Möte 12 oktober"),
            ("Tryggt och trivsamt torg", "Sommarjobbare på torget mellan 14/6-8/8",
             "Program med olika gäster under sommaren", "Social omsorg och kommunikatör Elin Norberg",
             "Avslutad 8/8"),
        ],
    },
    {
        "name": "Fruängen/Västertorp/Hägerstensåsen",
        "description": "Centrummiljö och närliggande område. Ungdomar som stör ordningen och begår brott, "
                       "narkotikaförsäljning. Problem för näringsidkare och vid förskolegårdar i området.",
        "problem": [
            ("Fruängen, otrygghet i området centrum/skola etc",
             "Anlägga utegym för att aktivera platsen med kapabla väktare", "", "Parkingenjör",
             "Utegymmet i och kommer under vår/so"),
            ("Mälarhöjdens IP: mörkt och otryggt på väg till IP.",
             "Ny parkväg med belysning till Mälarhöjdens IP i Fruängen",
             "Samverkan mellan SDF, TK och Idrottsförvaltningen", "Parkingenjör",
             "Insatsen genomförd. Den mörka stigen är asfalterad och ska vara på plats helst. Utvärdering samverkan"),
            ("Västertorp, Störtloppsvägen: mörkt och otrygg lekplats Västertorp. Langning av sprit och droger.",
             "Ökad belysning", "", "Parkingenjör", "Insatsen genomförd"),
            ("Ordningsstörningar, brottslighet och unga i destruktiva miljöer.", "Whats.App grupp",
             "Fältassistenter, OV, polis", "Polis adm. ansvarig", "Pågående insatser som följs upp i realtid."),
            ("Ordningsstörningar", "LOV 3 OV och väktare", "Stockholms stads mobila OV och väktare", "SLK/Avarn",
             "Pågående utifrån beviljade LOV3 och befintliga LOV2 områden"),
            ("Ungdomar som stör ordningen och begår brott vid tunnelbanestationer och i butiker",
             "Två butiker har ansökt om tillträdesförbud för två ungdomar", "", "",
             "Lugnare vid tunnelbanestation och i butiker under den senaste tiden. Statistiskt mycket "
             "orosanmälningar maj-juni men övrig info säger mindre ordningsstörningar och ökad trygghet. Försöka "
             "följa upp vad som ligger bakom det."),
            ("Drogförsäljning SHIS, inbrott, ungdomshäng, droger i Stockholmshems fastigheter i Västertorp.",
             "Möte mellan SDF, polis, SHIS, Stockholmshem för lägesbild och ev insatser",
             "SDF, polis, SHIS, Stockholmshem", "Trygg- och säkerhetsstrateg SDF", ""),
            ("Ungdomar som stör ordningen och begår brott i F/V/H och SDO.",
             "Team Samhandling. Samverkan kring kartlagd mindre grupp och individer",
             "Preventionssamordnare, fält, polis, skola, socialtjänst/familjeenheten",
             "Sammankallande preventionssamordnare", "Pågående insats"),
        ],
        "utveckling": [
            ("Fruängen: långsiktig utveckling av området", "Programarbete",
             "Exploateringskontoret, samhällsplanerare, T&S strateg, kommunpolis", "Exploateringskontoret", ""),
            ("Hägerstensåsen Mellanbergsparken: långsiktig utveckling av området", "Programarbete",
             "Exploateringskontoret, samhällsplanerare, T&S strateg, kommunpolis", "Exploateringskontoret", ""),
            ("Utveckling av samverkan mellan företagare, föreningar och SDF", "Företagsdialog 22 oktober mm",
             "SDF, företagarföreningar, företagare, föreningar", "Sammankallande Olof Strand", ""),
            ("Samverkan/trygghet Västertorp", "Västertorps höstmarknad 2/10", "", "", ""),
        ],
    },
    {
        "name": "Älvsjö/Solberga",
        "description": "Centrummiljö och närliggande område. Bedömts som utsatt område och öppen drogscen av polisen. "
                       "Närvaro av kriminellt nätverk. Ungdomar/unga vuxna som begår brott, stör ordningen. Problem "
                       "för näringsidkare och vid fastigheter i området.",
        "problem": [
            ("Älvsjö centrum/Solberga Ordningsstörningar, brottslighet och unga i destruktiva miljöer.",
             "Whats.App grupp", "Sth.stads mobila OV, fältassistenter, Ungdomens hus, polis.",
             "Sth.stads mobila OV adm. ansvarig", "Pågående insatser som följs upp i realtid."),
            ("Älvsjö centrum Ordningsstörningar", "LOV 3 OV och väktare", "Stockholms stads mobila OV och väktare",
             "SLK/Avarn", "Pågående utifrån beviljade LOV3 och befintliga LOV2 områden"),
            ("Oro, drogförsäljning, skadegörelse vid studenthotellet, SHIS. Behov av samverkan kring ungdomar",
             "Initiera samverkan mellan berörda aktörer.",
             "Stockholmshem, SHIS, Ungdomens hus, Fält, Rainbow stödboende", "Trygg- och säkerhetsstrateg sammankallar.",
             "Följs upp vid nästa möte"),
            ("Misstankar om tobaksförsäljning till minderåriga", "Kontakt med Socialförvaltningen för tillsyn", "",
             "Preventionssamordnare", "Socialförvaltningen har informerats"),
            ("Inbrott, trapphäng i fastigheter.",
             "Kommunpolis kan vara behjälplig med att initiera samverkan, orsaksanalyser och förmedla tips.", "", "",
             "Följs upp vid nästa möte"),
        ],
        "utveckling": [
            ("Älvsjö/Solberga Utveckling av samverkan mellan företagare, föreningar och SDF",
             "Företagsdialog 22 oktober mm", "SDF, företagarföreningar, företagare, föreningar",
             "Sammankallande Resurs H-Å SDF/Olof Strand", ""),
            ("Öka trygghet", "Anslagstavlor", "", "SDF", ""),
            ("Tryggt Älvsjö", "Möte 11/10 kl. 17.00–18.30\nTrygghetsvandring oktober/november",
             "Fastighetsägare, BRF, företagare, polis, SDF", "Samhällsplanerare Hanna Lövgren SDF", ""),
            ("Tryggare och trivsammare torg",
             "Aktivera och samverka vid Älvsjö torg. SDF sommarjobbare med handledare på torget mellan 14/6-8/8",
             "SDF, polis, kyrkan, FHDBF, Zliprosd Fencing, Älvsjö jujutsu, If Swihlod, KIF Söderort",
             "SDF kommunikatör Elin Norberg och Avdelningen för social omsorg", "Avslutad 8/8"),
        ],
    },
]

# (measure title, date, status, kind, note, author e-mail); authors are invented demo people.
FOLLOW_UPS = [
    ("Öka den kollektiva förmågan hos allmänheten", datetime.date(2018, 3, 9), "gron", "produktion",
     "Tyck till-appen presenterad på Liljeholmstorget; två närmiljövandringar genomförda.", "karin.lindqvist@example.se"),
    ("Öka den kollektiva förmågan hos allmänheten", datetime.date(2018, 11, 16), "gul", "process",
     "Informationen om alkoholförtäringsförbudsområden når inte besökarna; ny skyltning behövs.",
     "sara.holm@example.se"),
    ("Öka den kollektiva förmågan hos allmänheten", recent(datetime.date(2026, 9, 18)), "gron", "effekt",
     "Färre anmälningar om ordningsstörning vid torget jämfört med samma period förra året.",
     "karin.lindqvist@example.se"),
    ("Planerade insatser mot narkotikabrott ska koordineras mellan parterna", datetime.date(2018, 6, 1), "rod",
     "process", "Två riktade insatser planerades utan att stadsdelsförvaltningen var involverad.",
     "karin.lindqvist@example.se"),
    ("Planerade insatser mot narkotikabrott ska koordineras mellan parterna", recent(datetime.date(2026, 3, 20)), "gul",
     "process", "Gemensam planering varannan vecka har kommit igång; informationsdelningen behöver rutiner.",
     "sara.holm@example.se"),
    ("Trygga uppväxten för barn och unga", datetime.date(2018, 5, 25), "gron", "produktion",
     "YOLO genomfört i fyra av fem skolor med årskurs 7; två gemensamma tillsynspass.", "karin.lindqvist@example.se"),
    ("Trygga uppväxten för barn och unga", recent(datetime.date(2026, 10, 2)), "gron", "produktion",
     "RoS erbjudet alla skolor med årskurs 8; helgsamverkan varje fredag.", "karin.lindqvist@example.se"),
    ("Motverka otrygghet och brottsutsatthet i Västertorp", datetime.date(2019, 2, 15), "gul", "produktion",
     "Belysning vid lekplatsen beställd; närmiljövandring flyttad till våren.", "jonas.wikstrom@example.se"),
    ("Tidig upptäckt och etisk avvisning av olovliga bosättningar", datetime.date(2018, 9, 14), "gron", "process",
     "Rutinen för tidig upptäckt används; tre bosättningar avvisade enligt rutin.", "karin.lindqvist@example.se"),
    ("Motverka påträngande tiggeri", datetime.date(2018, 6, 29), "gron", "produktion",
     "Översynen av ordningsföreskrifterna klar i juni 2018.", "sara.holm@example.se"),
    ("Motverka påträngande tiggeri", datetime.date(2018, 12, 14), "rod", "effekt",
     "Nya arbetssätt inte implementerade; arbetsgruppen har inte träffats under hösten.", "sara.holm@example.se"),
    ("Whats.App grupp", recent(datetime.date(2026, 8, 28)), "gron", "process",
     "Gruppen används dagligen under sommaren; snabb kontakt mellan OV och fältassistenter.",
     "sara.holm@example.se"),
    ("Se över möjligheterna att söka alkoholförbud på platsen.", recent(datetime.date(2026, 5, 15)), "rod", "produktion",
     "Inga kontakter tagna än.", "karin.lindqvist@example.se"),
]

# Next follow-up due (some overdue) per measure title.
DUE = {
    "Öka den kollektiva förmågan hos allmänheten": recent(datetime.date(2026, 12, 18)),
    "Planerade insatser mot narkotikabrott ska koordineras mellan parterna": recent(datetime.date(2026, 6, 20)),
    "Trygga uppväxten för barn och unga": datetime.date(2027, 1, 2),
    "Motverka otrygghet och brottsutsatthet i Västertorp": recent(datetime.date(2026, 10, 1)),
    "Motverka påträngande tiggeri": recent(datetime.date(2026, 9, 30)),
    "Se över möjligheterna att söka alkoholförbud på platsen.": recent(datetime.date(2026, 8, 15)),
}

# Follow-ups reported at the demo council's meeting of 2024-09-20 (see demo/meetings.py).
MEETING_DAY = datetime.date(2024, 9, 20)
MEETING_FOLLOW_UPS = [
    ("Öka den kollektiva förmågan hos allmänheten", datetime.date(2024, 5, 17), "gron", "produktion",
     "Närmiljövandring i Trekantsparken genomförd med boende, fältassistenter och polis.",
     "karin.lindqvist@example.se", True),
    ("Team Samhandling. Samverkan kring kartlagd mindre grupp och individer", datetime.date(2024, 6, 14), "gul",
     "process", "Utvärderingen visar att samarbetet behöver vässas; sekretess och informationsdelning är en "
     "utmaning.", "asa.berglund@example.se", False),
    ("Planerade insatser mot narkotikabrott ska koordineras mellan parterna", datetime.date(2024, 9, 6), "gron",
     "process", "Stadsdelsförvaltningen deltog i planeringen av två riktade insatser i Liljeholmen.",
     "sara.holm@example.se", True),
]
# Measures the meeting's follow-up item reported on, and the task (uppdrag) that became an activity.
MEETING_ITEM = "Lokal lägesbild, prioriterade områden, insatser och uppföljning"
MEETING_MEASURES = ["Planerade insatser mot narkotikabrott ska koordineras mellan parterna",
                    "Team Samhandling. Samverkan kring kartlagd mindre grupp och individer"]
MEETING_TASK = ("Samordna insatser kring gruppen i Team samhandling.",
                "Team Samhandling. Samverkan kring kartlagd mindre grupp och individer")

COMMENTS = [
    ("Planerade insatser mot narkotikabrott ska koordineras mellan parterna", "mehmet.yilmaz@example.se",
     "Lpo Globen vill också vara med i planeringen när insatserna gäller gränsen mot Årsta."),
    ("Motverka otrygghet och brottsutsatthet i Västertorp", "birgitta.lund@example.se",
     "Stockholmshem kan bidra med belysning i gårdsmiljöerna kring Störtloppsvägen."),
]

PLAIN_FIELDS = ["responsible_text", "forum_text", "police_contact", "police_commitment", "admin_contact",
                "admin_commitment", "other_actors", "communication", "follow_up_plan"]


def _save_measure(council, *, key, fields, orgs=(), forums=(), people=(), activities=()):
    measure = Measure.objects.filter(council=council, **key).first() or Measure(council=council, **key)
    changed = measure.pk is None
    for name, value in fields.items():
        if getattr(measure, name) != value:
            setattr(measure, name, value)
            changed = True
    if changed:
        measure.save()
    measure.responsible_organisations.set(Organisation.objects.filter(name__in=orgs))
    measure.forums.set(Forum.objects.filter(council=council, name__in=forums))
    measure.responsible_people.set(Person.objects.filter(email__in=people))
    own = [a for a in measure.activities.all() if a.decision_id is None]  # tasks from meetings stay
    if [a.text for a in own] != list(activities):
        measure.activities.filter(decision__isnull=True).delete()
        Activity.objects.bulk_create(
            Activity(measure=measure, text=text, position=i) for i, text in enumerate(activities)
        )
    return measure


def _link_meeting(council, measures):
    """Tie the plan to the demo meeting of 2024-09-20: follow-ups reported there, measures on its
    follow-up item, and its task that became an activity."""
    meeting = Meeting.objects.filter(council=council, forum=None, starts_at__date=MEETING_DAY).first()
    if meeting is None:  # the meetings demo did not run
        return
    for title, date, status, kind, note, email, reported_there in MEETING_FOLLOW_UPS:
        FollowUp.objects.update_or_create(
            measure=measures[title], date=date, note=note,
            defaults={"status": status, "kind": kind, "author": Person.objects.get(email=email),
                      "meeting": meeting if reported_there else None},
        )
    item = meeting.items.filter(title=MEETING_ITEM).first()
    if item is not None:
        # This meeting had no återrapportering item; the follow-ups were reported under the plan's item.
        if not meeting.items.filter(reports_follow_ups=True).exists():
            meeting.items.filter(pk=item.pk).update(reports_follow_ups=True)
        for title in MEETING_MEASURES:
            measures[title].agenda_items.add(item)
    task = Decision.objects.filter(agenda_item__meeting=meeting, kind=Decision.Kind.TASK,
                                   text=MEETING_TASK[0]).first()
    if task is not None:
        Activity.objects.get_or_create(decision=task, defaults={
            "measure": measures[MEETING_TASK[1]], "text": f"{task.text} (uppdrag {MEETING_DAY:%Y-%m-%d})"})


def load(stdout=None):
    """Create or update the demo plan and places; running it again changes nothing."""
    council = Council.objects.get(name=COUNCIL)
    places = {}
    for position, data in enumerate(PLACES):
        places[data["name"]], _ = Place.objects.update_or_create(
            council=council, name=data["name"], defaults={"description": data["description"], "position": position}
        )
    agreement, _ = Agreement.objects.update_or_create(
        council=council, title=AGREEMENT["title"],
        defaults={key: value for key, value in AGREEMENT.items() if key != "title"},
    )
    agreement.parties.set(Organisation.objects.filter(name__in=[SDF, POLICE]))
    position = 0
    for area_position, data in enumerate(AREAS):
        area, _ = PriorityArea.objects.update_or_create(
            agreement=agreement, name=data["name"],
            defaults={"position": area_position, "section": data.get("section", ""), "goal": data["goal"],
                      "purpose": data["purpose"], "cooperation": data.get("cooperation", ""),
                      "target_primary": data.get("target_primary", ""),
                      "target_secondary": data.get("target_secondary", "")},
        )
        for m in data["measures"]:
            position += 1
            fields = {name: m[name] for name in PLAIN_FIELDS}
            fields.update(kind=Measure.Kind.PLAN, place=places.get(m.get("place")), funding=FUNDING,
                          position=position, follow_up_due=DUE.get(m["title"]))
            _save_measure(council, key={"priority_area": area, "title": m["title"]}, fields=fields,
                          orgs=m["orgs"], forums=m["forums"], people=m["people"], activities=m["activities"])
    for data in PLACES:
        place = places[data["name"]]
        for kind in (Measure.Kind.PROBLEM, Measure.Kind.DEVELOPMENT):
            for problem, title, participants, convener, status in data[kind]:
                position += 1
                _save_measure(
                    council, key={"place": place, "kind": kind, "title": title, "problem": problem},
                    fields={"participants": participants, "convener": convener, "status_text": status,
                            "position": position, "follow_up_due": DUE.get(title)},
                )
    measures = {m.title: m for m in Measure.objects.filter(council=council).order_by("-pk")}
    for title, date, status, kind, note, email in FOLLOW_UPS:
        FollowUp.objects.update_or_create(
            measure=measures[title], date=date, note=note,
            defaults={"status": status, "kind": kind, "author": Person.objects.get(email=email)},
        )
    _link_meeting(council, measures)
    for title, email, text in COMMENTS:
        Comment.objects.get_or_create(measure=measures[title], author=Person.objects.get(email=email), text=text)
    if stdout:
        stdout.write(f"Åtgärdsplan: {agreement}, {Measure.objects.filter(council=council).count()} åtgärder, "
                     f"{len(places)} platser.")
    return agreement
