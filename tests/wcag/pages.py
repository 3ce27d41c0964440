"""Every named URL in Lobra and how an accessibility test reaches it with the demo's objects.

A route missing here fails `test_every_named_url_has_an_entry`, so a new page is scanned without anyone
remembering to add it to a list of pages: the person adding it is told to say how to reach it.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

COORDINATOR_AND_MEMBER = ("samordnare", "ledamot")
COORDINATOR = ("samordnare",)
ANONYMOUS = (None,)


@dataclass(frozen=True)
class Page:
    """An HTML page: the route's arguments from the demo objects and the roles to scan it as."""

    args: object = None  # callable(objects) -> list of URL arguments
    roles: tuple = COORDINATOR_AND_MEMBER
    query: str = ""

    def path(self, name, objects):
        from django.urls import reverse

        return reverse(name, args=self.args(objects) if self.args else []) + self.query


@dataclass(frozen=True)
class NotAPage:
    """A route with nothing for axe to scan (a POST action or a file), and why."""

    reason: str = field(default="")


POST = NotAPage("tar bara emot POST och skickar vidare")
REDIRECT = NotAPage("skickar bara vidare till en annan sida, som själv finns i listan")
FILE = NotAPage("en fil (PDF, ICS, CSV), ingen HTML-sida")

# Django's own admin is left to Django; it is used by site administrators only (see the statement).
SKIPPED_NAMESPACES = {"admin"}

PAGES = {
    # Accounts
    "login": Page(roles=ANONYMOUS),
    "logout": POST,
    "password_change": Page(roles=COORDINATOR),
    "password_change_done": Page(roles=COORDINATOR),
    "password_reset": Page(roles=ANONYMOUS),
    "password_reset_done": Page(roles=ANONYMOUS),
    "password_reset_confirm": Page(lambda o: ["MQ", "set-password"], roles=ANONYMOUS),
    "password_reset_complete": Page(roles=ANONYMOUS),
    "set_language": POST,
    # Accessibility statement: public, so also for visitors who are not logged in
    "accessibility:statement": Page(roles=(None, "ledamot")),
    # Councils
    "councils:council_list": Page(roles=("samordnare", "ledamot", "ordforande", "justerare", "annan")),
    "councils:council_detail": Page(lambda o: [o.council.pk]),
    "councils:person_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "councils:membership_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "councils:forum_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "councils:forum_edit": Page(lambda o: [o.council.pk, o.forum.pk], roles=COORDINATOR),
    "councils:person_detail": Page(lambda o: [o.person.pk]),
    "councils:person_edit": Page(lambda o: [o.person.pk], roles=COORDINATOR),
    "councils:membership_edit": Page(lambda o: [o.membership.pk], roles=COORDINATOR),
    "councils:membership_end": Page(lambda o: [o.membership.pk], roles=COORDINATOR),
    "councils:organisation_list": Page(roles=COORDINATOR),
    "councils:organisation_create": Page(roles=COORDINATOR),
    "councils:organisation_edit": Page(lambda o: [o.organisation.pk], roles=COORDINATOR),
    "councils:organisation_delete": POST,
    "councils:organisation_detail": Page(lambda o: [o.organisation.pk], roles=COORDINATOR),
    "councils:account_settings": Page(roles=COORDINATOR_AND_MEMBER),
    "councils:council_settings": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    # Att göra: start page, notifications, reminders
    "todo:start": Page(roles=("samordnare", "ledamot", "ordforande", "justerare", "annan")),
    "todo:council_switch": REDIRECT,
    "todo:notification_list": Page(),
    "todo:notification_open": REDIRECT,
    "todo:notifications_read": POST,
    "todo:reminder_settings": Page(),
    # Reached from the reminder e-mail without logging in.
    "todo:reminder_settings_token": Page(lambda o: [o.settings_token], roles=ANONYMOUS),
    # Search
    "search:results": Page(roles=COORDINATOR_AND_MEMBER, query="?q=trygghet"),
    # Meetings
    "meetings:meeting_list": Page(lambda o: [o.council.pk]),
    "meetings:meeting_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "meetings:calendar_feed": Page(lambda o: [o.council.pk]),
    "meetings:calendar_feed_ics": FILE,
    "meetings:meeting_detail": Page(lambda o: [o.meeting.pk], roles=("samordnare", "ledamot", "justerare")),
    "meetings:meeting_edit": Page(lambda o: [o.meeting.pk], roles=COORDINATOR),
    "meetings:meeting_minutes": Page(lambda o: [o.meeting.pk], roles=COORDINATOR),
    "meetings:meeting_agenda": Page(lambda o: [o.meeting.pk], roles=COORDINATOR),
    "meetings:agenda_template_save": POST,
    "meetings:meeting_attendance": Page(lambda o: [o.meeting.pk], roles=COORDINATOR),
    "meetings:attendance_add": POST,
    "meetings:meeting_notice": Page(lambda o: [o.meeting.pk], roles=COORDINATOR),
    "meetings:meeting_ics": FILE,
    "meetings:attachment_upload": Page(lambda o: [o.meeting.pk], roles=COORDINATOR),
    "meetings:attendance_delete": POST,
    "meetings:item_minutes_save": POST,
    "meetings:item_edit": Page(lambda o: [o.item.pk], roles=COORDINATOR),
    "meetings:item_move": POST,
    "meetings:item_delete": POST,
    "meetings:decision_add": POST,
    "meetings:decision_delete": POST,
    "meetings:attachment_download": FILE,
    "meetings:attachment_delete": POST,
    # Justering
    "protocols:protocol_meeting": Page(lambda o: [o.held_meeting.pk], roles=("samordnare", "justerare")),
    "protocols:protocol_send": POST,
    "protocols:protocol_draft_pdf": FILE,
    "protocols:protocol_withdraw": POST,
    "protocols:protocol_correction": POST,
    "protocols:protocol_pdf": FILE,
    "protocols:protocol_public_pdf": FILE,
    "protocols:protocol_version": Page(lambda o: [o.sent_version.pk], roles=("samordnare", "ordforande", "justerare")),
    "protocols:protocol_answer": POST,
    "protocols:protocol_seal_retry": POST,
    "protocols:protocol_seal_status": NotAPage("ett JSON-svar som sidan frågar efter medan sigillet skapas"),
    "protocols:protocol_preview": FILE,
    "protocols:protocol_version_pdf": FILE,
    "protocols:protocol_version_public_pdf": FILE,
    "protocols:protocol_verify": Page(roles=(None, "samordnare")),
    # Measures
    "measures:council_measures": Page(lambda o: [o.council.pk]),
    "measures:my_measures": Page(lambda o: [o.council.pk], roles=("ledamot",)),
    "measures:stale_measures": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "measures:measure_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "measures:agreement_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "measures:place_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "measures:agreement_plan": Page(lambda o: [o.agreement.pk]),
    "measures:agreement_plan_pdf": FILE,
    "measures:agreement_plan_csv": FILE,
    "measures:agreement_document": FILE,
    "measures:agreement_plan_import": Page(lambda o: [o.agreement.pk], roles=COORDINATOR),
    "measures:agreement_edit": Page(lambda o: [o.agreement.pk], roles=COORDINATOR),
    "measures:area_create": Page(lambda o: [o.agreement.pk], roles=COORDINATOR),
    "measures:area_edit": Page(lambda o: [o.area.pk], roles=COORDINATOR),
    "measures:measure_detail": Page(lambda o: [o.measure.pk]),
    "measures:measure_edit": Page(lambda o: [o.measure.pk], roles=COORDINATOR),
    "measures:follow_up_add": POST,
    "measures:comment_add": POST,
    "measures:place_detail": Page(lambda o: [o.place.pk]),
    "measures:decision_activity": Page(lambda o: [o.assignment.pk], roles=COORDINATOR),
    "measures:item_measures": Page(lambda o: [o.item.pk], roles=COORDINATOR),
    # Assessments (lägesbild, problems, causes, medborgarlöften, årshjul): nested under their council
    "assessments:assessment_list": Page(lambda o: [o.council.pk]),
    "assessments:assessment_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "assessments:assessment_detail": Page(lambda o: [o.council.pk, o.assessment.pk]),
    "assessments:assessment_edit": Page(lambda o: [o.council.pk, o.assessment.pk], roles=COORDINATOR),
    "assessments:assessment_pdf": FILE,
    "assessments:assessment_csv": FILE,
    "assessments:source_create": Page(lambda o: [o.council.pk, o.assessment.pk], roles=COORDINATOR),
    "assessments:problem_create": Page(lambda o: [o.council.pk, o.assessment.pk], roles=COORDINATOR),
    "assessments:source_attachment": FILE,
    "assessments:problem_detail": Page(lambda o: [o.council.pk, o.problem.pk]),
    "assessments:problem_edit": Page(lambda o: [o.council.pk, o.problem.pk], roles=COORDINATOR),
    "assessments:indicator_create": Page(lambda o: [o.council.pk, o.problem.pk], roles=COORDINATOR),
    "assessments:cause_create": Page(lambda o: [o.council.pk, o.problem.pk], roles=COORDINATOR),
    "assessments:measure_create": Page(lambda o: [o.council.pk, o.problem.pk], roles=COORDINATOR),
    "assessments:cause_edit": Page(lambda o: [o.council.pk, o.cause.pk], roles=COORDINATOR),
    "assessments:measure_links": Page(lambda o: [o.council.pk, o.measure.pk], roles=COORDINATOR),
    "assessments:followup_create": Page(lambda o: [o.council.pk, o.measure.pk], roles=COORDINATOR),
    "assessments:compliance_detail": Page(lambda o: [o.council.pk]),
    "assessments:annualcycle_detail": Page(lambda o: [o.council.pk]),
    "assessments:promise_create": Page(lambda o: [o.council.pk], roles=COORDINATOR),
    "assessments:promise_edit": Page(lambda o: [o.council.pk, o.promise.pk], roles=COORDINATOR),
}

# Pages a user meets when something is refused: (route, role) that must answer 403 or 404.
ERROR_PAGES = [
    ("councils:council_detail", "annan", 404),
    ("meetings:meeting_edit", "ledamot", 403),
]


def named_routes(resolver=None, namespace=""):
    """Every named route under the resolver as "namespace:name"."""
    resolver = resolver or get_resolver()
    names = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in SKIPPED_NAMESPACES:
                names += named_routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(namespace + entry.name)
    return names


def scans():
    """(route, role) pairs to scan with axe."""
    return [(name, role) for name, page in PAGES.items() if isinstance(page, Page) for role in page.roles]
