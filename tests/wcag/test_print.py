"""Printing a meeting or the plan gives the content: no menu, footer, tabs, buttons or filter form."""

import pytest

from tests.wcag.pages import PAGES

# django_db: pytest-django sets up the test database only for marked tests; each test is rolled back.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("name", ["meetings:meeting_detail", "measures:agreement_plan", "measures:measure_detail"])
def test_print_shows_the_content_without_menu_or_buttons(demo_site, pages_as, name):
    page = pages_as("samordnare")
    page.goto(demo_site.url + PAGES[name].path(name, demo_site.objects))
    page.emulate_media(media="print")
    try:
        assert page.locator("h1").first.is_visible()
        for hidden in ["header.site-header", "footer.site-footer", "main .btn", "main button", "form[role=search]",
                       ".nav-tabs"]:
            visible = [element for element in page.locator(hidden).all() if element.is_visible()]
            assert not visible, f"{hidden} syns i utskriften av {name}"
    finally:
        page.emulate_media(media="screen")
