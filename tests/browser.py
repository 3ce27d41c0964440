"""Debian's Chromium through Playwright, for every browser test: the launch, a skip when it is missing, a
browser per test module and a login.

Import the fixtures into a test module (`from tests.browser import browser, login`) to use them there."""

import os
import shutil

import pytest
from django.urls import reverse

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_missing():
    """True when Chromium is not installed and CI has not said it must be (CI_REQUIRE_BROWSER)."""
    return not shutil.which(CHROMIUM) and not os.environ.get("CI_REQUIRE_BROWSER")


def skip_module_without_chromium(what="webbläsartesterna"):
    if chromium_missing():
        pytest.skip(f"{CHROMIUM} saknas (Debian-paketet chromium); {what} hoppas över.", allow_module_level=True)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the tests of a module; each login gets its own context."""
    if chromium_missing():
        pytest.skip(f"{CHROMIUM} saknas (sätt CI_REQUIRE_BROWSER för att kräva den)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.fixture
def login(browser, live_server):
    """login(person, width=1280, height=900): a page of a fresh context, logged in as the person."""

    contexts = []

    def login(person, *, width=1280, height=900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, live_server, person.user.username)
        return page

    yield login
    for context in contexts:
        context.close()


def log_in(page, live_server, username):
    """Log the page in through the login form."""
    from tests.conftest import PASSWORD

    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login" not in url)
