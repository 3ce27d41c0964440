"""Invented Swedish council prose for scale data: agenda items, minutes paragraphs, decisions, measures."""

# The standard agenda of a council meeting; "{forum}" items report from the council's forums.
AGENDA = [
    "Mötets öppnande och godkännande av dagordningen",
    "Val av justerare",
    "Föregående protokoll",
    "Lokal lägesbild",
    "Polisens information och medborgarlöften",
    "Räddningstjänstens information",
    "Återrapportering från {forum0}",
    "Återrapportering från {forum1}",
    "Återrapportering från {forum3}",
    "Uppföljning av åtgärdsplanen",
    "Övriga frågor",
    "Kommande möten",
]

PLACES = ["centrum", "stationsområdet", "pendeltågsstationen", "idrottsplatsen", "torget", "skolgården vid {town}skolan",
          "parkeringshuset", "gångtunneln under leden", "badplatsen", "bibliotekets entré", "busstorget",
          "fritidsgården", "köpcentrumets parkering", "motionsspåret"]

SENTENCES = [
    "Stadsdelsförvaltningen och polisen uppdaterar lägesbilden kontinuerligt och har en avstämning varannan vecka.",
    "Lägesbilden baseras bland annat på trygghetsmätningar, information från arbets- och samverkansgrupper, "
    "synpunkter från boende och verksamma i området samt polisens statistik.",
    "Under perioden har det inkommit information om ungdomar som samlas vid {place} sena kvällar, "
    "mestadels är det lugnt men vid några tillfällen har det förekommit ordningsstörningar.",
    "Polis och fältassistenter har haft närvaro vid {place} under fredags- och lördagskvällar.",
    "Fastighetsägaren har förbättrat belysningen vid {place} och klippt ner buskage efter närmiljövandringen.",
    "Antalet anmälda bostadsinbrott har minskat jämfört med samma period föregående år, "
    "vilket bedöms hänga samman med grannsamverkan och informationsinsatserna.",
    "Skolorna rapporterar att programmet YOLO har genomförts i samtliga klasser i årskurs 7 under höstterminen.",
    "Räddningstjänsten informerade om ett antal anlagda bränder i soprum och containrar vid {place}; "
    "fastighetsägarna uppmanas att hålla soprummen låsta.",
    "Helgsamverkan har genomförts under {n} helger med deltagande från fältassistenter, nattvandrare och polis.",
    "Trygghetsvärdarna har under perioden haft kontakt med drygt {n0} boende och lämnat information om "
    "grannsamverkan och tyck till-appen.",
    "Rådet diskuterade hur samverkan med skolorna kan utvecklas inför vårterminen och om fler föräldrar kan "
    "engageras i nattvandringen.",
    "Kommunpolisen redogjorde för medborgarlöftet och de insatser som gjorts i kollektivtrafiken och vid {place}.",
    "Trygghetsmätningen visar att andelen som känner sig otrygga i området kvällstid har minskat något, "
    "men att otryggheten fortfarande är högre bland kvinnor och äldre.",
    "Arbetsgruppen har träffats {n} gånger sedan förra mötet och har fokuserat på situationell prevention vid {place}.",
    "Socialtjänsten informerade om att antalet orosanmälningar rörande barn och unga ligger på en fortsatt hög nivå.",
    "Frågan om kameraövervakning vid {place} har lyfts med fastighetsägaren och polisen, som återkommer med "
    "en bedömning till nästa möte.",
    "Det framfördes att kommunikationen till boende behöver bli tydligare och att information bör finnas på "
    "flera språk.",
    "En närmiljövandring genomfördes vid {place} med {n0} deltagare; synpunkterna har sammanställts och lämnats "
    "till berörda förvaltningar.",
    "Kollektivtrafiken rapporterar färre incidenter på nattbussarna efter att ordningsvakter börjat åka med "
    "under helgerna.",
    "Ordföranden tackade för redovisningen och betonade vikten av att insatserna följs upp mot målen i "
    "samverkansöverenskommelsen.",
]

DECISIONS = [
    "Rådet beslutade att lägga informationen till handlingarna.",
    "Rådet beslutade att ge samordnaren i uppdrag att sammanställa en lägesbild till nästa möte.",
    "Rådet beslutade att genomföra en närmiljövandring vid {place} under våren.",
    "Rådet beslutade att arbetsgruppen återrapporterar resultatet av insatsen vid nästa möte.",
    "Rådet beslutade att föreslå en utökad helgsamverkan under sommarlovet.",
    "Rådet beslutade att bjuda in fastighetsägarna i området till nästa möte.",
]

MEASURES = [
    ("Trygga uppväxtvillkor för barn och unga", "Helgsamverkan med fältassistenter, nattvandrare och polis"),
    ("Trygga uppväxtvillkor för barn och unga", "Drogförebyggande program i årskurs 7"),
    ("Trygga uppväxtvillkor för barn och unga", "Tillsyn av folköl- och tobaksförsäljning"),
    ("Trygga uppväxtvillkor för barn och unga", "Föräldrainformation enligt årshjul"),
    ("Trygga uppväxtvillkor för barn och unga", "Sommarjobb och lovaktiviteter för unga"),
    ("Trygga offentliga miljöer", "Närmiljövandringar med boende"),
    ("Trygga offentliga miljöer", "Belysning och röjning av buskage"),
    ("Trygga offentliga miljöer", "Platssamverkan vid stationsområdet"),
    ("Trygga offentliga miljöer", "Ordningsvakter i centrum kvällstid"),
    ("Trygga offentliga miljöer", "Snabb klotter- och skadegörelsesanering"),
    ("Minska inbrott och bedrägerier", "Grannsamverkan i villaområden"),
    ("Minska inbrott och bedrägerier", "Information till äldre om bedrägerier"),
    ("Minska inbrott och bedrägerier", "Trygghetsvandringar i flerbostadshus"),
    ("Trafiksäkerhet", "Hastighetskontroller vid skolor"),
    ("Trafiksäkerhet", "Trafiknykterhetskontroller"),
    ("Våldsbejakande extremism", "Lokal handlingsplan mot våldsbejakande extremism"),
    ("Våldsbejakande extremism", "Utbildning för skolpersonal"),
    ("Våld i nära relationer", "Samverkan kring våld i nära relationer"),
    ("Våld i nära relationer", "Information på vårdcentraler och i bibliotek"),
    ("Narkotika", "Gemensamma insatser mot öppen narkotikahandel"),
]

FOLLOW_UPS = [
    "Insatsen pågår enligt plan.",
    "Genomförd under perioden; resultatet sammanställs av arbetsgruppen.",
    "Försenad på grund av personalbrist; ny tidplan tas fram.",
    "Polisen och förvaltningen har stämt av insatsen; fortsätter oförändrat.",
    "Färre anmälda brott i området jämfört med föregående månad.",
    "Boende upplever ökad trygghet enligt närmiljövandringen.",
]


def paragraph(rng, town, sentences=4):
    """A paragraph of `sentences` invented minutes sentences about the town."""
    picked = rng.sample(SENTENCES, sentences)
    return " ".join(
        s.format(place=rng.choice(PLACES).format(town=town), n=rng.randint(2, 12), n0=rng.randint(20, 300))
        for s in picked
    )


def minutes(rng, town, paragraphs=3):
    """A few paragraphs of minutes text, separated by blank lines."""
    return "\n\n".join(paragraph(rng, town, rng.randint(3, 5)) for _ in range(paragraphs))


def decision(rng, town):
    return rng.choice(DECISIONS).format(place=rng.choice(PLACES).format(town=town))
