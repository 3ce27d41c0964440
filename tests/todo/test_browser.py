"""In a real browser: the adjuster goes from the start page to her approval without typing an address."""

import os
import re
import shutil

import pytest
from django.urls import reverse

from protocols.services import protocol_send

from .conftest import days

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
CHROMIUM = "/usr/bin/chromium"

if not shutil.which(CHROMIUM) and not os.environ.get("CI_REQUIRE_BROWSER"):
    pytest.skip(f"{CHROMIUM} saknas (Debian-paketet chromium); webbläsartesterna hoppas över.",
                allow_module_level=True)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.conftest import PASSWORD  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def test_the_adjuster_follows_a_justering_from_her_start_page_to_approval(
    browser, live_server, make_meeting, chair, adjuster, coordinator, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    meeting = make_meeting(day=days(-2), title="Höstmötet", chair=chair, called=[chair, adjuster])
    meeting.adjusters.set([adjuster])
    version = protocol_send(meeting=meeting, user=coordinator.user)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", adjuster.user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")

    expect(page.get_by_role("heading", name=re.compile("Att justera"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Justera protokollet från Höstmötet")).click()
    page.wait_for_url(re.compile(re.escape(version.get_absolute_url()) + "$"))
    page.get_by_label("Jag justerar protokollet").check()
    page.get_by_role("button", name="Skicka svar").click()
    expect(page.get_by_text(re.compile("Du har justerat"))).to_be_visible()

    page.get_by_role("link", name="Att göra", exact=True).first.click()
    expect(page.get_by_text("Du har inget att göra just nu")).to_be_visible()
    context.close()
