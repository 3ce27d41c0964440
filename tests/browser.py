"""One Chromium page and one login for the browser tests that drive Debian's Chromium through Playwright."""

import os
import shutil

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def browser_page():
    if not shutil.which(CHROMIUM) and not os.environ.get("CI_REQUIRE_BROWSER"):
        pytest.skip(f"{CHROMIUM} saknas (sätt CI_REQUIRE_BROWSER för att kräva den)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser.new_page()
        browser.close()


def login(page, live_server, username):
    from tests.conftest import PASSWORD

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login" not in url)
