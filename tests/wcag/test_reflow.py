"""Reflow (WCAG 1.4.10): at 320 CSS px no page scrolls sideways; wide tables scroll inside their own box."""

import pytest

from tests.wcag.conftest import DEMO_PASSWORD
from tests.wcag.pages import PAGES, Page

# django_db: pytest-django sets up the test database only for marked tests; each test is rolled back.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The pages the issue measured too wide, then every other page a coordinator or member opens.
NAMED = ["meetings:meeting_detail", "measures:agreement_plan", "measures:measure_detail", "meetings:meeting_list", "councils:council_detail"]
REFLOW_SCANS = NAMED + [name for name, page in PAGES.items() if isinstance(page, Page) and name not in NAMED]


@pytest.fixture(scope="module")
def narrow_page(browser, demo_site):
    """A coordinator's page 320 CSS px wide (a 1280 px screen at 400 % zoom)."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(demo_site.url + "/accounts/login/")
    page.fill("input[name=username]", "samordnare")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    yield page
    context.close()


def page_overflow(page):
    """How many CSS px the page is wider than the window, and the widest elements that stick out."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const culprits = [];
        for (const element of document.querySelectorAll('body *')) {
            const box = element.getBoundingClientRect();
            if (box.right > width + 1 && !element.closest('.table-scroll')) {
                culprits.push(element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ').join('.') : '') + ' ' + Math.round(box.right));
            }
        }
        return [document.documentElement.scrollWidth - width, culprits.slice(0, 6)];
    }""")


@pytest.mark.parametrize("name", REFLOW_SCANS)
def test_page_does_not_scroll_sideways_at_320_px(demo_site, narrow_page, name):
    entry = PAGES[name]
    if "samordnare" not in entry.roles:
        pytest.skip("sidan öppnas inte av samordnaren")
    response = narrow_page.goto(demo_site.url + entry.path(name, demo_site.objects))
    assert response.status == 200
    overflow, culprits = page_overflow(narrow_page)
    assert overflow <= 0, f"{name}: {overflow} px för bred: {culprits}"


def test_the_menu_is_collapsed_behind_a_button_on_a_phone(demo_site, narrow_page):
    narrow_page.goto(demo_site.url + "/")
    menu = narrow_page.locator("#main-menu").get_by_role("link", name="Att göra")
    assert not menu.is_visible()
    toggle = narrow_page.get_by_role("button", name="Meny")
    toggle.click()
    menu.wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"


def test_a_wide_table_scrolls_in_a_named_keyboard_reachable_region(demo_site, narrow_page):
    narrow_page.goto(demo_site.url + PAGES["meetings:meeting_list"].path("meetings:meeting_list", demo_site.objects))
    region = narrow_page.locator(".table-scroll").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("aria-label")
