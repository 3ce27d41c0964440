"""Demo councils, forums and people, shaped like the seed documents; every name is invented."""

import datetime
import os

from django.contrib.auth import get_user_model

from councils.models import Council, Forum, Membership, Organisation, Person

DEMO_USERNAMES = {
    "samordnare": "samordnare i Hägersten-Älvsjös råd",
    "ledamot": "ledamot (kommunpolis) i Hägersten-Älvsjös råd",
    "ordforande": "ordförande i Hägersten-Älvsjös råd",
    "justerare": "ledamot och justerare i Hägersten-Älvsjös råd",
    "annan": "samordnare i Skärholmens råd (ser inget av Hägersten-Älvsjö)",
}

ORGANISATIONS = [
    ("Hägersten-Älvsjö stadsdelsförvaltning", "SDF H-Å", Organisation.Kind.MUNICIPALITY),
    ("Hägersten-Älvsjö stadsdelsnämnd", "SDN H-Å", Organisation.Kind.POLITICAL),
    ("Polisen, lokalpolisområde Skärholmen", "Lpo Skärholmen", Organisation.Kind.POLICE),
    ("Polisen, lokalpolisområde Globen", "Lpo Globen", Organisation.Kind.POLICE),
    ("Storstockholms brandförsvar", "SSBF", Organisation.Kind.FIRE),
    ("Mälarhöjdens skola", "", Organisation.Kind.SCHOOL),
    ("Socialförvaltningen, Stockholms stad", "", Organisation.Kind.SOCIAL),
    ("Stockholmshem", "", Organisation.Kind.PROPERTY),
    ("Skärholmens stadsdelsförvaltning", "SDF Skärholmen", Organisation.Kind.MUNICIPALITY),
]

# (username, first, last, title, organisation, email, phone, [(role, forum or None, from, to)])
SDF = "Hägersten-Älvsjö stadsdelsförvaltning"
SDN = "Hägersten-Älvsjö stadsdelsnämnd"
START = datetime.date(2021, 1, 1)
PEOPLE = [
    ("samordnare", "Karin", "Lindqvist", "Trygghets- och säkerhetsstrateg", SDF, "karin.lindqvist@example.se",
     "08-555 100 01", [("samordnare", None, START, None), ("samordnare", "Tryggare och trivsammare centrum", START, None),
                       ("samordnare", "Samverkan runt barn och unga", START, None), ("ledamot", "Trygg hela veckan", START, None)]),
    ("ordforande", "Erik", "Sandberg", "Ordförande stadsdelsnämnden", SDN, "erik.sandberg@example.se",
     "08-555 100 02", [("ordforande", None, START, None)]),
    ("", "Maja", "Ek", "Vice ordförande stadsdelsnämnden", SDN, "maja.ek@example.se", "08-555 100 03",
     [("vice_ordforande", None, START, None)]),
    ("justerare", "Leila", "Haddad", "Nämndledamot", SDN, "leila.haddad@example.se", "08-555 100 04",
     [("ledamot", None, START, None)]),
    ("", "Göran", "Nyström", "Stadsdelsdirektör", SDF, "goran.nystrom@example.se", "08-555 100 05",
     [("ledamot", None, datetime.date(2021, 3, 1), None)]),
    ("", "Åsa", "Berglund", "Avdelningschef social omsorg", SDF, "asa.berglund@example.se", "08-555 100 06",
     [("ledamot", None, START, None), ("ledamot", "Samverkan runt barn och unga", START, None)]),
    ("", "Jonas", "Wikström", "Avdelningschef samhällsplanering", SDF, "jonas.wikstrom@example.se", "08-555 100 07",
     [("ledamot", None, START, None), ("ledamot", "Tryggare äldre", START, None)]),
    ("", "Tove", "Åkerlund", "Verksamhetscontroller, avd. social omsorg", SDF, "tove.akerlund@example.se",
     "08-555 100 08", [("sekreterare", None, START, None)]),
    ("", "Pia", "Sjöholm", "Grundskolechef", SDF, "pia.sjoholm@example.se", "08-555 100 09",
     [("ledamot", None, START, None)]),
    ("ledamot", "Sara", "Holm", "Kommunpolis Lpo Skärholmen", "Polisen, lokalpolisområde Skärholmen",
     "sara.holm@example.se", "010-555 10 10", [("ledamot", None, START, None),
                                                ("ledamot", "Tryggare och trivsammare centrum", START, None),
                                                ("ledamot", "Samba", START, None)]),
    ("", "Mehmet", "Yilmaz", "Kommunpolis Lpo Globen", "Polisen, lokalpolisområde Globen",
     "mehmet.yilmaz@example.se", "010-555 10 11", [("ledamot", None, START, None)]),
    ("", "Henrik", "Dahl", "Brandmästare", "Storstockholms brandförsvar", "henrik.dahl@example.se",
     "08-555 100 12", [("ledamot", None, START, None), ("ledamot", "Tryggare äldre", START, None)]),
    ("", "Lina", "Forsberg", "Kurator", "Mälarhöjdens skola", "lina.forsberg@example.se", "08-555 100 13",
     [("adjungerad", None, START, None), ("ledamot", "Samba", START, None)]),
    ("", "Amir", "Karimi", "Fältassistent", "Socialförvaltningen, Stockholms stad", "amir.karimi@example.se",
     "08-555 100 14", [("ledamot", "Samba", START, None), ("ledamot", "YOLO", START, None),
                       ("ledamot", "RoS", START, None)]),
    ("", "Birgitta", "Lund", "Trygghetsansvarig", "Stockholmshem", "birgitta.lund@example.se", "08-555 100 15",
     [("adjungerad", None, datetime.date(2022, 2, 1), None)]),
    ("", "Olof", "Strand", "Projektledare utveckling av närings- och föreningsliv", SDF,
     "olof.strand@example.se", "08-555 100 16", [("adjungerad", None, START, None)]),
    # History: people who have left the council.
    ("", "Gunnel", "Ahl", "Stadsdelsdirektör", SDF, "gunnel.ahl@example.se", "08-555 100 17",
     [("ledamot", None, START, datetime.date(2021, 2, 28))]),
    ("", "Rolf", "Persson", "Nämndledamot", SDN, "rolf.persson@example.se", "08-555 100 18",
     [("ledamot", None, START, datetime.date(2022, 12, 31))]),
]

FORUMS = [
    # (name, kind, parent, meets, description)
    ("Samverkan runt barn och unga", Forum.Kind.FORUM, None, "Möts onsdag innan LoBRÅ",
     "Strukturell samverkan runt ungdomar i högstadieåldern: skolledningar, lokalpolis, "
     "fältassistenter och preventionssamordnare."),
    ("Samba", Forum.Kind.FORUM, None, "Varannan vecka",
     "Operativ samverkan runt barn och unga: kuratorer, ungdomsgårdar, fältassistenter, lokalpolis."),
    ("Tryggare äldre", Forum.Kind.WORKING_GROUP, None, "Fyra gånger per år",
     "Samverkansforum för en trygg ålderdom."),
    ("Tryggare och trivsammare centrum", Forum.Kind.WORKING_GROUP, None, "En gång i månaden",
     "Situationell prevention och trygga stadsdelar: centrumägare, fastighetsägare, trafikkontoret, "
     "lokalpolis, kollektivtrafik och preventionssamordnaren."),
    ("Trygg hela veckan", Forum.Kind.UMBRELLA, None, "",
     "Projektparaply: jämlika livschanser, trygga stadsdelar, ungdomar som slipper tobak, alkohol och narkotika."),
    ("YOLO", Forum.Kind.PROGRAMME, "Trygg hela veckan", "",
     "YOLO – du har bara ett liv, ta hand om det. Drogförebyggande program för årskurs 7."),
    ("RoS", Forum.Kind.PROGRAMME, "Trygg hela veckan", "",
     "Respekt och självrespekt: värderingsövningar om respekt, självbild, gränsdragningar och samtycke."),
    ("Interaktiva närmiljövandringar", Forum.Kind.PROGRAMME, "Trygg hela veckan", "",
     "Tyck till-appen och närmiljövandringar vid behov."),
]

OTHER_PEOPLE = [
    ("annan", "Nora", "Bäckström", "Preventionssamordnare", "Skärholmens stadsdelsförvaltning",
     "nora.backstrom@example.se", "08-555 200 01", "samordnare"),
    ("", "Ali", "Hassan", "Stadsdelsdirektör", "Skärholmens stadsdelsförvaltning", "ali.hassan@example.se",
     "08-555 200 02", "ordforande"),
    ("", "Emma", "Falk", "Kommunpolis Lpo Skärholmen", "Polisen, lokalpolisområde Skärholmen",
     "emma.falk@example.se", "010-555 20 03", "ledamot"),
    ("", "Johan", "Lindgren", "Brandmästare", "Storstockholms brandförsvar", "johan.lindgren@example.se",
     "08-555 200 04", "ledamot"),
]


def demo_password():
    return os.environ.get("DEMO_PASSWORD", "lobra-demo")


def ensure_user(username):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(demo_password())
    user.save()
    return user


def ensure_person(username, first, last, title, organisation, email, phone):
    person, _ = Person.objects.update_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "title": title, "phone": phone,
                  "organisation": Organisation.objects.get(name=organisation)},
    )
    if username:
        person.user = ensure_user(username)
        person.save(update_fields=["user"])
    return person


def ensure_membership(person, council, role, forum, valid_from, valid_to):
    Membership.objects.update_or_create(
        person=person, council=council, forum=forum, role=role, valid_from=valid_from,
        defaults={"valid_to": valid_to},
    )


def load(stdout=None):
    """Create or update the demo councils; running it again changes nothing."""
    for name, short, kind in ORGANISATIONS:
        Organisation.objects.update_or_create(name=name, defaults={"short_name": short, "kind": kind})

    sdf = Organisation.objects.get(name=SDF)
    old = {}
    for name in ("Hägersten-Liljeholmens lokala brottsförebyggande råd", "Älvsjö lokala brottsförebyggande råd"):
        old[name], _ = Council.objects.update_or_create(
            name=name,
            defaults={"organisation": sdf, "valid_from": datetime.date(2010, 1, 1),
                      "valid_to": datetime.date(2020, 12, 31)},
        )
    council, _ = Council.objects.update_or_create(
        name="Hägersten-Älvsjös lokala brottsförebyggande råd",
        defaults={
            "organisation": sdf,
            "valid_from": START,
            "default_place": "Hägersten-Älvsjö SDF, Telefonvägen 30, plan 9, besöksrum 1",
            "description": (
                "Samverkar på strategisk nivå och är styrgrupp för arbetsgrupperna runt barn och unga, "
                "äldre och miljön i centrumområden samt verksamheten under paraplyet Trygg hela veckan. "
                "Möten hålls fyra gånger per år."
            ),
        },
    )
    Council.objects.filter(pk__in=[c.pk for c in old.values()]).update(successor=council)

    for position, (name, kind, parent, meets, description) in enumerate(FORUMS):
        Forum.objects.update_or_create(
            council=council, name=name,
            defaults={"kind": kind, "meets": meets, "description": description, "position": position,
                      "valid_from": START,
                      "parent": Forum.objects.get(council=council, name=parent) if parent else None},
        )

    for username, first, last, title, organisation, email, phone, roles in PEOPLE:
        person = ensure_person(username, first, last, title, organisation, email, phone)
        for role, forum_name, valid_from, valid_to in roles:
            forum = Forum.objects.get(council=council, name=forum_name) if forum_name else None
            ensure_membership(person, council, role, forum, valid_from, valid_to)

    other, _ = Council.objects.update_or_create(
        name="Skärholmens lokala brottsförebyggande råd",
        defaults={"organisation": Organisation.objects.get(name="Skärholmens stadsdelsförvaltning"),
                  "valid_from": datetime.date(2015, 1, 1),
                  "default_place": "Skärholmens SDF, Skärholmsvägen 1"},
    )
    Forum.objects.update_or_create(
        council=other, name="Tryggt Skärholmen centrum",
        defaults={"kind": Forum.Kind.WORKING_GROUP, "valid_from": datetime.date(2015, 1, 1)},
    )
    for username, first, last, title, organisation, email, phone, role in OTHER_PEOPLE:
        person = ensure_person(username, first, last, title, organisation, email, phone)
        ensure_membership(person, other, role, None, datetime.date(2015, 1, 1), None)

    if stdout:
        stdout.write(f"Råd: {council} och {other}; {Person.objects.count()} personer.")
    return council, other
