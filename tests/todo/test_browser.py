"""In a real browser: the adjuster goes from the start page to her approval without typing an address."""

import re

import pytest

from protocols.services import protocol_send
from tests.browser import skip_module_without_chromium

from .conftest import days

skip_module_without_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

from playwright.sync_api import expect  # noqa: E402


def test_the_adjuster_follows_a_justering_from_her_start_page_to_approval(
    login, make_meeting, chair, adjuster, coordinator, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    meeting = make_meeting(day=days(-2), title="Höstmötet", chair=chair, called=[chair, adjuster])
    meeting.adjusters.set([adjuster])
    version = protocol_send(meeting=meeting, user=coordinator.user)
    page = login(adjuster, width=390, height=844)

    expect(page.get_by_role("heading", name=re.compile("Att justera"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Justera protokollet från Höstmötet")).click()
    page.wait_for_url(re.compile(re.escape(version.get_absolute_url()) + "$"))
    page.get_by_label("Jag justerar protokollet").check()
    page.get_by_role("button", name="Skicka svar").click()
    expect(page.get_by_text(re.compile("Du har justerat"))).to_be_visible()

    page.get_by_role("link", name="Att göra", exact=True).first.click()
    expect(page.get_by_text("Du har inget att göra just nu")).to_be_visible()
