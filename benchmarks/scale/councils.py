"""Scale data for `make bench`: councils, forums, people and memberships, bulk-inserted."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from councils.models import Council, Forum, Membership, Organisation, Person

from . import BATCH, Page, bulk, signature

VERSION = 1

# Per council: current council members, former ones (ended memberships) and forum seats.
CURRENT_MEMBERS = 15
FORMER_MEMBERS = 3
FORUMS = 4
FORUM_SEATS = 5
MEMBERSHIPS_PER_COUNCIL = CURRENT_MEMBERS + FORMER_MEMBERS + FORUMS * FORUM_SEATS
USERS_PER_COUNCIL = 4
ORGANISATION_KEYS = ["kommun", "politik", "skola", "bostad", "polis", "brand", "trafik", "civil"]
# Councils sharing one police area, one fire service, one public-transport authority.
POLICE_GROUP, FIRE_GROUP, TRANSPORT_GROUP = 3, 10, 15

PREFIXES = ["Ek", "Björk", "Sjö", "Berg", "Lind", "Ås", "Hag", "Sand", "Strand", "Norr",
            "Söder", "Väster", "Öster", "Al", "Gran", "Tall", "Löv", "Mal", "Kvarn", "Äng"]
SUFFIXES = ["vik", "by", "köping", "hamn", "holm", "torp", "sala", "stad", "berga", "ås",
            "dal", "näs", "fors", "ryd", "hult"]
FIRST_NAMES = ["Anna", "Johan", "Eva", "Lars", "Karin", "Per", "Maria", "Anders", "Elin", "Mikael",
               "Sofia", "Fredrik", "Ida", "Magnus", "Lena", "Daniel", "Sanna", "Patrik", "Emma", "Jonas",
               "Hanna", "Niklas", "Malin", "Oskar", "Amira", "Yusuf", "Ingrid", "Tomas", "Frida", "Reza"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
              "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
              "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindholm",
              "Axelsson", "Bergström", "Lundberg", "Mohammadi", "Ali", "Hussein", "Berg", "Sjöberg"]

# (role, organisation key, title, has login); the order is the council's member list.
SEATS = [
    (Membership.Role.COORDINATOR, "kommun", "Preventionssamordnare", True),
    (Membership.Role.CHAIR, "politik", "Kommunstyrelsens ordförande", True),
    (Membership.Role.VICE_CHAIR, "politik", "Kommunstyrelsens vice ordförande", False),
    (Membership.Role.SECRETARY, "kommun", "Nämndsekreterare", True),
    (Membership.Role.MEMBER, "polis", "Kommunpolis", False),
    (Membership.Role.MEMBER, "polis", "Områdespolis", False),
    (Membership.Role.MEMBER, "brand", "Brandinspektör", False),
    (Membership.Role.MEMBER, "skola", "Rektor", False),
    (Membership.Role.MEMBER, "kommun", "Socialchef", False),
    (Membership.Role.MEMBER, "kommun", "Fritidschef", False),
    (Membership.Role.MEMBER, "politik", "Ledamot i kommunstyrelsen", True),
    (Membership.Role.MEMBER, "bostad", "Trygghetsvärd", False),
    (Membership.Role.CO_OPTED, "trafik", "Säkerhetssamordnare", False),
    (Membership.Role.CO_OPTED, "civil", "Ordförande, nattvandrarföreningen", False),
    (Membership.Role.DEPUTY, "politik", "Ersättare i kommunstyrelsen", False),
]
FORMER = [
    ("kommun", "Kommundirektör"),
    ("polis", "Kommunpolis"),
    ("politik", "Ledamot i kommunstyrelsen"),
]
# (name, kind, parent index, meets); forum seats are the coordinator plus four members in turn.
FORUM_SPECS = [
    ("Samverkan runt barn och unga", Forum.Kind.FORUM, None, "Möts onsdag innan rådet"),
    ("Trygg hela veckan", Forum.Kind.UMBRELLA, None, ""),
    ("Nattvandring och helgkvällar", Forum.Kind.PROGRAMME, 1, "Fredagar udda veckor"),
    ("Tryggare centrum", Forum.Kind.WORKING_GROUP, None, "En gång i månaden"),
]
assert len(SEATS) == CURRENT_MEMBERS and len(FORMER) == FORMER_MEMBERS and len(FORUM_SPECS) == FORUMS


@dataclass
class CouncilData:
    """What the other generators need to know about one generated council."""

    pk: int
    town: str
    start: datetime.date
    people: list = field(default_factory=list)  # current members' person pks, in SEATS order
    users: dict = field(default_factory=dict)  # role -> user pk of the people with a login
    forums: list = field(default_factory=list)  # forum pks, in FORUM_SPECS order
    former: list = field(default_factory=list)  # (person pk, date they left) of former members
    organisations: dict = field(default_factory=dict)  # organisation key ("kommun", "polis" …) -> pk


def town_name(index):
    name = PREFIXES[index % len(PREFIXES)] + SUFFIXES[(index // len(PREFIXES)) % len(SUFFIXES)]
    round_ = index // (len(PREFIXES) * len(SUFFIXES))
    return f"{name} {round_ + 1}" if round_ else name


def _organisations(ctx, towns):
    """Each council has its own municipality, board, school and housing company; police areas,
    fire services and transport authorities are shared by neighbouring councils; one civil-society
    organisation works nationally."""
    K = Organisation.Kind
    orgs = {}
    for i, town in enumerate(towns):
        orgs[("kommun", i)] = Organisation(name=f"{town} kommun", short_name=town, kind=K.MUNICIPALITY)
        orgs[("politik", i)] = Organisation(name=f"Kommunstyrelsen i {town}", kind=K.POLITICAL)
        orgs[("skola", i)] = Organisation(name=f"{town}skolan", kind=K.SCHOOL)
        orgs[("bostad", i)] = Organisation(name=f"{town}hem AB", kind=K.PROPERTY)
        if i % POLICE_GROUP == 0:
            orgs[("polis", i)] = Organisation(name=f"Polisen, lokalpolisområde {town}", kind=K.POLICE)
        if i % FIRE_GROUP == 0:
            orgs[("brand", i)] = Organisation(name=f"Räddningstjänsten {town} med omnejd", kind=K.FIRE)
        if i % TRANSPORT_GROUP == 0:
            orgs[("trafik", i)] = Organisation(name=f"Länstrafiken {town}", kind=K.TRANSPORT)
    orgs[("civil", 0)] = Organisation(name="Trygga vuxna i samverkan", kind=K.CIVIL)
    bulk(Organisation, list(orgs.values()))

    def org_for(key, i):
        group = {"polis": POLICE_GROUP, "brand": FIRE_GROUP, "trafik": TRANSPORT_GROUP, "civil": None}
        if key in group:
            i = 0 if group[key] is None else i - i % group[key]
        return orgs[(key, i)]

    ctx.counts["organisations"] = len(orgs)
    return org_for


def generate(ctx):
    """Create ctx.councils councils with their forums, people, logins and memberships."""
    towns = [town_name(i) for i in range(ctx.councils)]
    org_for = _organisations(ctx, towns)
    mark = signature(ctx.councils, ctx.years)

    councils = bulk(Council, [
        Council(
            name=f"Lokala brottsförebyggande rådet i {town}",
            organisation=org_for("kommun", i),
            description=mark,
            default_place=f"Kommunhuset i {town}, sammanträdesrum Tryggheten",
            valid_from=ctx.council_start(i),
        )
        for i, town in enumerate(towns)
    ])
    ctx.data = [CouncilData(pk=c.pk, town=town, start=c.valid_from) for c, town in zip(councils, towns, strict=True)]

    forums = []
    for c in councils:
        for position, (name, kind, _parent, meets) in enumerate(FORUM_SPECS):
            forums.append(Forum(council=c, name=name, kind=kind, meets=meets, position=position,
                                valid_from=c.valid_from))
    bulk(Forum, forums)
    children = []
    for i, data in enumerate(ctx.data):
        mine = forums[i * FORUMS:(i + 1) * FORUMS]
        data.forums = [f.pk for f in mine]
        for forum, (_name, _kind, parent, _meets) in zip(mine, FORUM_SPECS, strict=True):
            if parent is not None:
                forum.parent = mine[parent]
                children.append(forum)
    Forum.objects.bulk_update(children, ["parent"], batch_size=BATCH)

    password = make_password(None)  # no one logs in with a password; bench uses sessions
    User = get_user_model()
    users, people, seats = [], [], []
    rng = ctx.rng
    for i, (c, data) in enumerate(zip(councils, ctx.data, strict=True)):
        data.organisations = {key: org_for(key, i).pk for key in ORGANISATION_KEYS}
        for n, (role, org_key, title, login) in enumerate(SEATS + [(None, k, t, False) for k, t in FORMER]):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            user = None
            if login:
                user = User(username=f"skala{i + 1:03d}-{role}", password=password,
                            first_name=first, last_name=last)
                users.append(user)
            people.append(Person(
                first_name=first, last_name=last, title=title, organisation=org_for(org_key, i),
                email=f"{first}.{last}.{i + 1:03d}{n:02d}@skala.example".lower(), phone=f"010-{i:03d} {n:02d} 00",
                user=user,
            ))
            seats.append((c, data, role))
    bulk(User, users)
    for person in people:
        person.user_id = person.user.pk if person.user else None
    bulk(Person, people)

    memberships = []
    for person, (c, data, role) in zip(people, seats, strict=True):
        if role is None:  # a former member: joined at the start, left halfway to today
            left = c.valid_from + (ctx.today - c.valid_from) / 2
            memberships.append(Membership(person=person, council=c, role=Membership.Role.MEMBER,
                                          valid_from=c.valid_from, valid_to=left))
            data.former.append((person.pk, left))
            continue
        data.people.append(person.pk)
        if person.user_id:
            data.users[role] = person.user_id
        memberships.append(Membership(person=person, council=c, role=role, valid_from=c.valid_from))
    for data in ctx.data:
        for f, forum_pk in enumerate(data.forums):
            seated = [data.people[0]] + [data.people[1 + (f * 3 + s) % (CURRENT_MEMBERS - 1)]
                                         for s in range(FORUM_SEATS - 1)]
            for person_pk in seated:
                memberships.append(Membership(person_id=person_pk, council_id=data.pk, forum_id=forum_pk,
                                              role=Membership.Role.MEMBER, valid_from=data.start))
    bulk(Membership, memberships)

    ctx.counts.update(councils=len(councils), forums=len(forums), people=len(people), users=len(users),
                      memberships=len(memberships))


def bench_pages(council):
    """Pages of this app that `bench` times, for a coordinator of the council."""
    return [Page("overview", "councils:council_list"), Page("council", "councils:council_detail", (council.pk,))]
