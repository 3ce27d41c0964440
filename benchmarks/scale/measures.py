"""Scale data for `make bench`: each council's action plan of 20 measures with monthly follow-ups."""

import datetime

from django.utils import timezone

from benchmarks import swedish
from councils.models import Membership
from measures.models import Activity, Agreement, Comment, FollowUp, Measure, Place, PriorityArea
from meetings.models import AgendaItem, Meeting

from . import Page, bulk
from .councils import SEATS

VERSION = 2
MEASURES_PER_COUNCIL = len(swedish.MEASURES)
REVIEW_ITEM = "Uppföljning av åtgärdsplanen"
REVIEWED_PER_MEETING = 5
PLACES = ["Centrum", "Stationsområdet", "Skolområdet"]
SEAT = {seat[0]: n for n, seat in reversed(list(enumerate(SEATS)))}
# Organisation keys (councils.ORGANISATION_KEYS) that answer for a measure, in turn.
RESPONSIBLE = [("polis", "kommun"), ("kommun",), ("kommun", "skola"), ("polis",), ("bostad", "kommun"),
               ("brand",), ("kommun", "civil")]
STATUSES = [FollowUp.Status.GREEN] * 7 + [FollowUp.Status.YELLOW] * 2 + [FollowUp.Status.RED]
KINDS = [FollowUp.Kind.PRODUCTION, FollowUp.Kind.PROCESS, FollowUp.Kind.EFFECT]


def _months(start, today):
    """The 15th of every month from start up to today."""
    year, month = start.year, start.month
    while True:
        day = datetime.date(year, month, 15)
        if day > today:
            return
        if day >= start:
            yield day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def generate(ctx):
    """One agreement per council over the whole period with its priority areas, measures and follow-ups."""
    rng = ctx.rng
    areas_names = list(dict.fromkeys(area for area, _title in swedish.MEASURES))
    agreements = bulk(Agreement, [
        Agreement(council_id=data.pk, title=f"Samverkansöverenskommelse {data.town} kommun och polisen",
                  valid_from=data.start, valid_to=datetime.date(ctx.today.year + 1, 12, 31), signed_on=data.start,
                  description="Kommunen och polisen har kommit överens om att samverka kring de prioriterade "
                              "områdena nedan.")
        for data in ctx.data
    ])
    bulk(Agreement.parties.through, [
        Agreement.parties.through(agreement_id=agreement.pk, organisation_id=data.organisations[key])
        for agreement, data in zip(agreements, ctx.data, strict=True) for key in ("kommun", "polis")
    ])
    places = bulk(Place, [Place(council_id=data.pk, name=name, position=n,
                                description=f"{name} i {data.town} med närliggande gångstråk.")
                          for data in ctx.data for n, name in enumerate(PLACES)])
    areas = bulk(PriorityArea, [
        PriorityArea(agreement=agreement, name=name, position=n,
                     goal=f"Ökad trygghet och minskad brottslighet inom området {name.lower()}.",
                     purpose="Att genom samverkan mellan kommun, polis och andra aktörer förebygga brott.",
                     target_primary="Boende och verksamma i kommunen", target_secondary="Föräldrar och skolpersonal")
        for agreement in agreements for n, name in enumerate(areas_names)
    ])

    measures = []
    for c, data in enumerate(ctx.data):
        my_areas = {a.name: a for a in areas[c * len(areas_names):(c + 1) * len(areas_names)]}
        my_places = places[c * len(PLACES):(c + 1) * len(PLACES)]
        for n, (area, title) in enumerate(swedish.MEASURES):
            place = my_places[n % len(PLACES)] if n % 4 == 3 else None
            measures.append(Measure(
                council_id=data.pk, priority_area=my_areas[area], place=place,
                kind=Measure.Kind.PROBLEM if place else Measure.Kind.PLAN, title=title, position=n,
                problem=f"Otrygghet och brott vid {place.name.lower()}." if place else "",
                responsible_text=" och ".join(RESPONSIBLE[n % len(RESPONSIBLE)]).capitalize(),
                police_contact="Kommunpolisen", police_commitment="Riktad närvaro och lägesbild varje månad.",
                admin_contact="Preventionssamordnaren", admin_commitment="Samordnar insatsen och följer upp.",
                other_actors="Fastighetsägare, kollektivtrafiken, föreningslivet", funding="Inom befintlig budget",
                communication="Information på kommunens webbplats och i sociala medier",
                follow_up_plan="Månadsvis uppföljning i arbetsgruppen, återrapport till rådet varje kvartal.",
                follow_up_due=ctx.today + datetime.timedelta(days=30 - 45 * (n % 5 == 0)),
            ))
    bulk(Measure, measures)

    # Each held council meeting takes up the plan under "Uppföljning av åtgärdsplanen": five measures in
    # turn are discussed there, and the month's follow-ups are the ones reported at that meeting.
    review = {}  # council pk -> [(meeting pk, year, month, agenda item pk)] of held meetings
    for item_pk, meeting_pk, council_pk, starts_at in (
        AgendaItem.objects.filter(title=REVIEW_ITEM, meeting__status=Meeting.Status.HELD)
        .order_by("meeting__starts_at")
        .values_list("pk", "meeting_id", "meeting__council_id", "meeting__starts_at")
    ):
        local = timezone.localtime(starts_at)
        review.setdefault(council_pk, []).append((meeting_pk, local.year, local.month, item_pk))

    links = {"organisations": [], "people": [], "forums": [], "agenda_items": []}
    activities, follow_ups, comments = [], [], []
    for c, data in enumerate(ctx.data):
        months = list(_months(data.start, ctx.today))
        meetings = review.get(data.pk, [])
        reported_at = {(year, month): meeting_pk for meeting_pk, year, month, _item in meetings}
        my_measures = measures[c * MEASURES_PER_COUNCIL:(c + 1) * MEASURES_PER_COUNCIL]
        for m, (_meeting, _year, _month, item_pk) in enumerate(meetings):
            for k in range(REVIEWED_PER_MEETING):
                measure = my_measures[(m * REVIEWED_PER_MEETING + k) % MEASURES_PER_COUNCIL]
                links["agenda_items"].append(Measure.agenda_items.through(measure_id=measure.pk,
                                                                          agendaitem_id=item_pk))
        for n, measure in enumerate(my_measures):
            for key in RESPONSIBLE[n % len(RESPONSIBLE)]:
                links["organisations"].append(Measure.responsible_organisations.through(
                    measure_id=measure.pk, organisation_id=data.organisations[key]))
            author = data.people[[0, 4, 7, 11][n % 4]]
            links["people"].append(Measure.responsible_people.through(measure_id=measure.pk, person_id=author))
            links["forums"].append(Measure.forums.through(measure_id=measure.pk,
                                                          forum_id=data.forums[n % len(data.forums)]))
            activities += [Activity(measure=measure, position=0, text=f"Kartlägga läget: {measure.title.lower()}."),
                           Activity(measure=measure, position=1, text="Genomföra insatsen och följa upp resultatet.")]
            for m, day in enumerate(months):
                follow_ups.append(FollowUp(measure=measure, date=day, status=rng.choice(STATUSES),
                                           kind=KINDS[m % len(KINDS)], note=rng.choice(swedish.FOLLOW_UPS),
                                           author_id=author, meeting_id=reported_at.get((day.year, day.month))))
            comments += [Comment(measure=measure, author_id=data.people[SEAT[Membership.Role.CHAIR]],
                                 text="Bra att insatsen följs upp regelbundet; hur går det med kommunikationen?"),
                         Comment(measure=measure, author_id=data.people[0],
                                 text="Vi återkommer med en sammanställning till nästa möte.")]
    bulk(Measure.responsible_organisations.through, links["organisations"])
    bulk(Measure.responsible_people.through, links["people"])
    bulk(Measure.forums.through, links["forums"])
    bulk(Measure.agenda_items.through, links["agenda_items"])
    bulk(Activity, activities)
    bulk(FollowUp, follow_ups)
    bulk(Comment, comments)
    ctx.counts.update({"measure–agenda item links": len(links["agenda_items"]), "agreements": len(agreements), "priority areas": len(areas), "places": len(places),
                       "measures": len(measures), "activities": len(activities), "follow-ups": len(follow_ups),
                       "comments": len(comments)})


def bench_pages(council):
    """The action plan with and without a filter, and a measure with its follow-up timeline."""
    agreement = Agreement.objects.filter(council=council).order_by("-valid_from").first()
    measure = Measure.objects.filter(council=council).order_by("position").first()
    if agreement is None or measure is None:
        return []
    return [
        Page("plan", "measures:agreement_plan", (agreement.pk,)),
        Page("plan_filtered", "measures:agreement_plan", (agreement.pk,), data={"status": "gron", "q": "polis"}),
        Page("measure", "measures:measure_detail", (measure.pk,)),
    ]
