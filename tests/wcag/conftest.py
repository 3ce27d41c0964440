"""The demo loaded once, served by one live server, and a logged-in browser page per demo role.

The tests in this package only read the demo (or change what they put back), so they share it instead of
paying for `load_demo` per test. pytest-django's `live_server` would flush the database after every test,
so the package runs its own server thread over the same test database and flushes once at the end.
"""

import os
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread

from tests.browser import launch, skip_module_without_chromium

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
DEMO_PASSWORD = "lobra-demo"  # the demo default; load_demo reads DEMO_PASSWORD only when set
ROLES = ["samordnare", "ledamot", "ordforande", "justerare", "annan"]

skip_module_without_chromium("tillgänglighetstesterna")

from playwright.sync_api import sync_playwright  # noqa: E402


def fill_statement():
    """The accessibility statement as its data migration writes it (a flush removes it)."""
    from django.apps import apps

    import_module("accessibility.migrations.0002_fill_initial_statement").fill(apps, None)


def demo_objects():
    """The demo objects whose pages the tests visit, found by what they are rather than by id."""
    from assessments.models import Assessment, Cause, CitizenPromise, Problem
    from councils.models import Council, Forum, Membership, Person
    from measures.models import Agreement, Measure, Place, PriorityArea
    from meetings.models import Attachment, Attendance, Decision, Meeting
    from protocols.models import ProtocolVersion
    from todo.access import settings_token

    council = Council.objects.get(name="Hägersten-Älvsjös lokala brottsförebyggande råd")
    meetings = council.meetings.order_by("-starts_at")
    planned = meetings.filter(status=Meeting.Status.PLANNED).first()
    agreement = Agreement.objects.filter(council=council).first()
    return SimpleNamespace(
        council=council,
        meeting=planned,
        item=planned.items.order_by("position").first(),
        held_meeting=meetings.exclude(status=Meeting.Status.PLANNED).first(),
        attendance=Attendance.objects.filter(meeting=planned).first()
        or Attendance.objects.filter(meeting__council=council).first(),
        attachment=Attachment.objects.filter(meeting__council=council).first(),
        decision=Decision.objects.filter(agenda_item__meeting__council=council).first(),
        assignment=Decision.objects.filter(agenda_item__meeting__council=council, kind=Decision.Kind.TASK).first(),
        sent_version=ProtocolVersion.objects.filter(meeting__council=council, status=ProtocolVersion.Status.SENT).first(),
        final_version=ProtocolVersion.objects.filter(meeting__council=council, status=ProtocolVersion.Status.FINAL).first(),
        agreement=agreement,
        area=PriorityArea.objects.filter(agreement=agreement).first(),
        measure=Measure.objects.filter(council=council).order_by("pk").first(),
        place=Place.objects.filter(council=council).first(),
        person=Person.objects.get(user__username="ledamot"),
        membership=Membership.objects.filter(council=council).first(),
        forum=Forum.objects.filter(council=council).first(),
        organisation=changeable_organisation(),
        assessment=Assessment.objects.filter(council=council).first(),
        problem=Problem.objects.of_council(council).first(),
        cause=Cause.objects.filter(problem__assessment__council=council).first(),
        promise=CitizenPromise.objects.filter(council=council).first(),
        settings_token=settings_token(Person.objects.get(user__username="ledamot")),
    )


def changeable_organisation():
    """An organisation the demo coordinator may change: one no council she does not coordinate uses."""
    from django.contrib.auth import get_user_model

    from councils.access import councils_using, may_change_organisation
    from councils.models import Organisation

    coordinator = get_user_model().objects.get(username="samordnare")
    return next(o for o in Organisation.objects.order_by("pk")
                if may_change_organisation(coordinator, councils_using(o)))


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo in the test database and a live server over it: `.url`, `.objects`."""
    with django_db_blocker.unblock():
        # Never load the demo into (and flush) a developer's database: only the test database will do.
        default = connections["default"]
        in_memory = default.vendor == "sqlite" and default.is_in_memory_db()
        assert in_memory or str(default.settings_dict["NAME"]).startswith("test_"), (
            "tests/wcag behöver testdatabasen (markera testet med django_db)")
        call_command("load_demo", stdout=open(os.devnull, "w"))
        fill_statement()
        objects = demo_objects()
        # An in-memory SQLite database is shared with the server thread by handing it the same connection.
        shared = {}
        for conn in connections.all():
            if conn.vendor == "sqlite" and conn.is_in_memory_db():
                conn.inc_thread_sharing()
                shared[conn.alias] = conn
        thread = LiveServerThread("localhost", StaticFilesHandler, connections_override=shared, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield SimpleNamespace(url=f"http://localhost:{thread.port}", objects=objects)
        finally:
            thread.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()
            call_command("flush", interactive=False, verbosity=0)
            fill_statement()  # a flush also removes what the migrations put in; later tests expect the statement


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the whole walk (the shared fixture in tests/browser.py is per module)."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def pages_as(browser, demo_site):
    """`pages_as(role)`: a logged-in page for a demo role (None: not logged in), one per role and package."""
    pages = {}

    def page_for(role):
        if role not in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
            page = context.new_page()
            page.set_default_timeout(15_000)
            if role:
                page.goto(demo_site.url + "/accounts/login/")
                page.fill("input[name=username]", role)
                page.fill("input[name=password]", DEMO_PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_url(lambda url: "/accounts/login/" not in url)
            pages[role] = page
        return pages[role]

    yield page_for
    for page in pages.values():
        page.context.close()
