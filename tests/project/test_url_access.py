"""Every URL that needs a login has its access cases: an outsider gets 404, a member without the permission 403,
an anonymous visitor the login page. A new URL without an entry in ROUTES fails the first test."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from assessments.models import Assessment, Cause, CitizenPromise, Problem, Source
from councils.models import Organisation
from measures.models import Agreement, Measure, Place, PriorityArea
from meetings.models import AgendaItem, Attachment, Attendance, Decision, Meeting
from protocols.models import ProtocolVersion
from todo.models import Notification, ReminderKind


@dataclass(frozen=True)
class Case:
    """How to reach a route with the fixture objects, and who must be turned away."""

    args: Callable  # objects -> URL arguments
    method: str = "get"
    # The fixture (<name>_client) of a council member who lacks the permission (403); None when every member may do it.
    wrong: str | None = "member"
    # False when the page belongs to no council (an outsider is just another user there).
    outsider: bool = True


def on(attribute):
    return lambda o: [getattr(o, attribute).pk]


# The role that lacks each permission: the secretary writes meetings but manages neither members nor the plan.
NO_COUNCIL_MANAGE = NO_MEASURES_WRITE = NO_ASSESSMENTS_WRITE = "secretary"


def under_council(attribute):
    """Assessments' addresses are nested under the council: council pk, then the object's."""
    return lambda o: [o.council.pk, getattr(o, attribute).pk]

ROUTES = {
    "councils:council_list": Case(lambda o: [], wrong=None, outsider=False),
    # Search belongs to no council: every user searches their own councils (tests/search: another council never shows).
    "search:results": Case(lambda o: [], wrong=None, outsider=False),
    "councils:account_settings": Case(lambda o: [], wrong=None, outsider=False),
    "councils:council_detail": Case(on("council"), wrong=None),
    "councils:person_create": Case(on("council"), wrong=NO_COUNCIL_MANAGE),
    "councils:membership_create": Case(on("council"), wrong=NO_COUNCIL_MANAGE),
    "councils:forum_create": Case(on("council"), wrong=NO_COUNCIL_MANAGE),
    "councils:forum_edit": Case(lambda o: [o.council.pk, o.forum.pk], wrong=NO_COUNCIL_MANAGE),
    "councils:person_detail": Case(on("member"), wrong=None),
    "councils:person_edit": Case(on("member"), wrong=NO_COUNCIL_MANAGE),
    "councils:membership_edit": Case(on("membership"), wrong=NO_COUNCIL_MANAGE),
    "councils:membership_end": Case(on("membership"), wrong=NO_COUNCIL_MANAGE),
    # Organisations are shared: a coordinator of any council maintains them, so the outsider may.
    "councils:organisation_list": Case(lambda o: [], outsider=False),
    "councils:organisation_create": Case(lambda o: [], outsider=False),
    "councils:organisation_detail": Case(on("organisation"), outsider=False),
    "councils:organisation_edit": Case(on("organisation"), outsider=False),
    "councils:organisation_delete": Case(on("organisation"), method="post", outsider=False),
    "meetings:meeting_list": Case(on("council"), wrong=None),
    "meetings:meeting_create": Case(on("council")),
    "meetings:calendar_feed": Case(on("council"), wrong=None),
    "meetings:meeting_detail": Case(on("meeting"), wrong=None),
    "meetings:meeting_edit": Case(on("meeting")),
    "meetings:meeting_minutes": Case(on("meeting")),
    "meetings:meeting_agenda": Case(on("meeting")),
    "meetings:agenda_template_save": Case(on("meeting"), method="post"),
    "meetings:meeting_attendance": Case(on("meeting")),
    "meetings:attendance_add": Case(on("meeting"), method="post"),
    "meetings:meeting_notice": Case(on("meeting"), method="post"),
    "meetings:meeting_ics": Case(on("meeting"), wrong=None),
    "meetings:attachment_upload": Case(on("meeting")),
    "meetings:attendance_delete": Case(on("attendance"), method="post"),
    "meetings:item_minutes_save": Case(on("item"), method="post"),
    "meetings:item_edit": Case(on("item")),
    "meetings:item_move": Case(on("item"), method="post"),
    "meetings:item_delete": Case(on("item"), method="post"),
    "meetings:decision_add": Case(on("item"), method="post"),
    "meetings:decision_delete": Case(on("decision"), method="post"),
    "meetings:attachment_download": Case(on("attachment"), wrong=None),
    "meetings:attachment_delete": Case(on("attachment"), method="post"),
    "protocols:protocol_meeting": Case(on("meeting"), wrong=None),
    "protocols:protocol_send": Case(on("meeting"), method="post"),
    "protocols:protocol_draft_pdf": Case(on("meeting")),
    "protocols:protocol_withdraw": Case(on("meeting"), method="post"),
    "protocols:protocol_correction": Case(on("meeting"), method="post"),
    "protocols:protocol_pdf": Case(on("meeting"), wrong=None),
    "protocols:protocol_version": Case(on("version"), wrong=None),
    "protocols:protocol_answer": Case(on("version"), method="post"),  # the member is no adjuster
    "protocols:protocol_preview": Case(on("version"), wrong=None),
    "protocols:protocol_version_pdf": Case(on("version"), wrong=None),
    "protocols:protocol_seal_retry": Case(on("version"), method="post"),
    "protocols:protocol_seal_status": Case(on("version"), wrong=None),
    "measures:council_measures": Case(on("council"), wrong=None),
    "measures:my_measures": Case(on("council"), wrong=None),
    "measures:stale_measures": Case(on("council"), wrong=NO_MEASURES_WRITE),
    "measures:measure_create": Case(on("council"), wrong=NO_MEASURES_WRITE),
    "measures:agreement_create": Case(on("council"), wrong=NO_MEASURES_WRITE),
    "measures:place_create": Case(on("council"), wrong=NO_MEASURES_WRITE),
    "measures:agreement_plan": Case(on("agreement"), wrong=None),
    "measures:agreement_plan_pdf": Case(on("agreement"), wrong=None),
    "measures:agreement_plan_csv": Case(on("agreement"), wrong=None),
    "measures:agreement_plan_import": Case(on("agreement"), wrong=NO_MEASURES_WRITE),
    "measures:agreement_edit": Case(on("agreement"), wrong=NO_MEASURES_WRITE),
    # The fixture's agreement has no document (404 for members); anonymous and outsider are what is checked.
    "measures:agreement_document": Case(on("agreement"), wrong=None),
    "measures:area_create": Case(on("agreement"), wrong=NO_MEASURES_WRITE),
    "measures:area_edit": Case(on("area"), wrong=NO_MEASURES_WRITE),
    "measures:measure_detail": Case(on("measure"), wrong=None),
    "measures:measure_edit": Case(on("measure"), wrong=NO_MEASURES_WRITE),
    # Following up is open to the members who answer for the measure; the secretary does not.
    "measures:follow_up_add": Case(on("measure"), method="post", wrong=NO_MEASURES_WRITE),
    "measures:comment_add": Case(on("measure"), method="post", wrong=None),
    "measures:place_detail": Case(on("place"), wrong=None),
    "measures:decision_activity": Case(on("task"), wrong=NO_MEASURES_WRITE),
    "measures:item_measures": Case(on("item"), wrong=NO_MEASURES_WRITE),
    "councils:council_settings": Case(on("council"), wrong=NO_COUNCIL_MANAGE),
    "todo:start": Case(lambda o: [], wrong=None, outsider=False),
    "todo:council_switch": Case(on("council"), wrong=None),
    "todo:notification_list": Case(lambda o: [], wrong=None, outsider=False),
    # Someone else's notification is 404, like an outsider's view of a council.
    "todo:notification_open": Case(on("notification"), wrong=None),
    "todo:notifications_read": Case(lambda o: [], method="post", wrong=None, outsider=False),
    "todo:reminder_settings": Case(lambda o: [], wrong=None, outsider=False),
    "assessments:assessment_list": Case(on("council"), wrong=None),
    "assessments:assessment_create": Case(on("council"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:assessment_detail": Case(under_council("assessment"), wrong=None),
    "assessments:assessment_edit": Case(under_council("assessment"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:assessment_pdf": Case(under_council("assessment"), wrong=None),
    "assessments:assessment_csv": Case(under_council("assessment"), wrong=None),
    "assessments:source_create": Case(under_council("assessment"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:problem_create": Case(under_council("assessment"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:source_attachment": Case(under_council("source"), wrong=None),
    "assessments:problem_detail": Case(under_council("problem"), wrong=None),
    "assessments:problem_edit": Case(under_council("problem"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:indicator_create": Case(under_council("problem"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:cause_create": Case(under_council("problem"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:measure_create": Case(under_council("problem"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:cause_edit": Case(under_council("cause"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:measure_links": Case(under_council("measure"), wrong=NO_MEASURES_WRITE),
    "assessments:followup_create": Case(under_council("measure"), wrong=NO_MEASURES_WRITE),
    "assessments:compliance_detail": Case(on("council"), wrong=None),
    "assessments:annualcycle_detail": Case(on("council"), wrong=None),
    "assessments:promise_create": Case(on("council"), wrong=NO_ASSESSMENTS_WRITE),
    "assessments:promise_edit": Case(under_council("promise"), wrong=NO_ASSESSMENTS_WRITE),
}

# Open to anyone, on purpose.
PUBLIC = {
    "meetings:calendar_feed_ics": "a secret token in the URL stands in for the login (calendar apps cannot log in)",
    "protocols:protocol_public_pdf": "the published, redacted protocol (offentlighetsprincipen)",
    "protocols:protocol_version_public_pdf": "the published, redacted protocol of one version",
    "protocols:protocol_verify": "anyone may verify a printed or mailed protocol PDF",
    "accessibility:statement": "the accessibility statement must be public by law (lagen om tillgänglighet)",
    "todo:reminder_settings_token": "a signed token from the person's own reminder e-mail stands in for the login",
}


def walk(patterns, namespace=""):
    """The names of all routes, with namespaces; Django's own views (admin, login) are Django's business."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if pattern.callback.__module__.startswith("django."):
                continue
            yield namespace + pattern.name


def test_every_url_has_its_access_cases():
    routes = set(walk(get_resolver().url_patterns))
    assert routes - set(ROUTES) - set(PUBLIC) == set(), "add the new URL to ROUTES (or PUBLIC, saying why)"
    assert (set(ROUTES) | set(PUBLIC)) - routes == set(), "a route in the table no longer exists"


class Objects:
    """One of everything, in the shared test council."""


@pytest.fixture
def objects(council, forum, coordinator, secretary, chair, adjuster, member, make_person, police):
    o = Objects()
    o.council, o.forum, o.member = council, forum, member
    o.membership = member.memberships.get()
    o.organisation = Organisation.objects.create(name="Fastighetsbolaget", kind=Organisation.Kind.PROPERTY)
    starts = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 0))
    o.meeting = Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts,
                                       ends_at=starts + datetime.timedelta(hours=2), chair=chair, secretary=secretary)
    o.attendance = Attendance.objects.create(meeting=o.meeting, person=member, position=0)
    o.item = AgendaItem.objects.create(meeting=o.meeting, position=0, number=1, title="Information")
    o.decision = o.task = Decision.objects.create(agenda_item=o.item, text="Samla in lägesbilden.",
                                                  kind=Decision.Kind.TASK)
    o.attachment = Attachment.objects.create(meeting=o.meeting, title="Lägesbild", file="a.pdf",
                                             content_type="application/pdf", number=1)
    o.version = ProtocolVersion.objects.create(meeting=o.meeting, number=1, content={}, sha256="0" * 64,
                                               due_date=datetime.date(2026, 12, 18))
    o.agreement = Agreement.objects.create(council=council, title="Åtgärdsplan",
                                         valid_from=datetime.date(2024, 1, 1), valid_to=datetime.date(2026, 12, 31))
    o.area = PriorityArea.objects.create(agreement=o.agreement, name="Centrum", position=1)
    o.place = Place.objects.create(council=council, name="Torget")
    o.measure = Measure.objects.create(council=council, priority_area=o.area, title="Belysning", position=1)
    o.measure.responsible_organisations.set([police])  # the member (a police officer) may follow it up
    o.notification = Notification.objects.create(user=member.user, council=council, kind=ReminderKind.TASK_DUE,
                                                 text="Uppdrag", url="/")
    o.assessment = Assessment.objects.create(council=council, title="Lägesbild 2026",
                                             period_start=datetime.date(2026, 1, 1),
                                             period_end=datetime.date(2026, 12, 31))
    o.source = Source.objects.create(assessment=o.assessment, kind=Source.Kind.choices[0][0], title="Anmälda brott")
    o.problem = Problem.objects.create(assessment=o.assessment, title="Rån i centrum")
    o.cause = Cause.objects.create(problem=o.problem, side=Cause.Side.choices[0][0], description="Mörka gångvägar")
    o.promise = CitizenPromise.objects.create(council=council, promise="Tryggare torg",
                                              valid_from=datetime.date(2026, 1, 1), valid_to=datetime.date(2026, 12, 31))
    return o


def send(client, case, objects, name):
    url = reverse(name, args=case.args(objects))
    return client.post(url) if case.method == "post" else client.get(url)


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_anonymous_visitor_is_sent_to_login(client, objects, name):
    response = send(client, ROUTES[name], objects, name)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("name", sorted(n for n, case in ROUTES.items() if case.outsider))
def test_outsider_of_the_council_gets_404(outsider_client, objects, name):
    assert send(outsider_client, ROUTES[name], objects, name).status_code == 404


@pytest.mark.parametrize("name", sorted(n for n, case in ROUTES.items() if case.wrong))
def test_member_without_the_permission_gets_403(request, objects, name):
    case = ROUTES[name]
    client = request.getfixturevalue(f"{case.wrong}_client")
    assert send(client, case, objects, name).status_code == 403
