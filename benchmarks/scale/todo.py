"""Scale data for `make bench`: one person in five councils, whose start page "Att göra" bench times.

The person coordinates the first council, is secretary of the second, chairs the third and sits in the
other two; answers for every measure of the five, is given their uppdrag and adjusts their meetings.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from councils.models import Membership, Organisation, Person
from measures.models import Measure
from meetings.models import Attendance, Decision, Meeting

from . import bulk

VERSION = 1
USERNAME = "skala-femrad"
COUNCILS = 5
ROLES = [Membership.Role.COORDINATOR, Membership.Role.SECRETARY, Membership.Role.CHAIR,
         Membership.Role.MEMBER, Membership.Role.MEMBER]


def generate(ctx):
    """Add the five-council person to the first five councils (fewer when the run has fewer)."""
    data = ctx.data[:COUNCILS]
    if not data:
        return
    user = get_user_model().objects.create(username=USERNAME, password=make_password(None),
                                           first_name="Fem", last_name="Råd")
    person = Person.objects.create(first_name="Fem", last_name="Råd", title="Trygghetsstrateg", user=user,
                                   organisation=Organisation.objects.get(pk=data[0].organisations["kommun"]),
                                   email="fem.rad@skala.example")
    bulk(Membership, [Membership(person=person, council_id=d.pk, role=role, valid_from=d.start)
                      for d, role in zip(data, ROLES, strict=False)])
    councils = [d.pk for d in data]
    bulk(Measure.responsible_people.through, [
        Measure.responsible_people.through(measure_id=pk, person_id=person.pk)
        for pk in Measure.objects.filter(council_id__in=councils).values_list("pk", flat=True)
    ])
    meetings = list(Meeting.objects.filter(council_id__in=councils).values_list("pk", flat=True))
    bulk(Meeting.adjusters.through, [Meeting.adjusters.through(meeting_id=pk, person_id=person.pk)
                                     for pk in meetings])
    bulk(Attendance, [Attendance(meeting_id=pk, person=person, position=99) for pk in meetings])
    tasks = Decision.objects.filter(kind=Decision.Kind.TASK, agenda_item__meeting__council_id__in=councils)
    ctx.counts["five-council person's uppdrag"] = tasks.update(responsible=person)
    ctx.counts["five-council person's meetings"] = len(meetings)


def bench_pages(council):
    return []
