"""Every page of Lobra, for every role that uses it, has no WCAG 2.0/2.1 A or AA violation axe can find."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.wcag.pages import ERROR_PAGES, PAGES, Page, named_routes, scans

# django_db: pytest-django sets up the test database only for marked tests; each test is rolled back.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best-practice rules behind the "landmarks and heading levels" (axe files them outside the WCAG tags).
STRUCTURE = ["heading-order", "page-has-heading-one", "landmark-one-main", "region", "landmark-unique",
             "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-banner-is-top-level",
             "landmark-contentinfo-is-top-level", "skip-link"]
axe = Axe()


def violations(page):
    """axe's WCAG A/AA violations on the page as it is now, with every disclosure opened."""
    page.eval_on_selector_all("details", "elements => elements.forEach(element => { element.open = true; })")
    results = axe.run(page, options={
        "runOnly": {"type": "tag", "values": WCAG_AA},
        "rules": {rule: {"enabled": True} for rule in STRUCTURE},
        "resultTypes": ["violations"],
    })
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(node["target"][0] if len(node["target"]) == 1 else str(node["target"])
                    for node in violation["nodes"][:5])
        + (f" … and {len(violation['nodes']) - 5} more" if len(violation["nodes"]) > 5 else "")
        for violation in results.response["violations"]
    ]


def assert_no_violations(page):
    found = violations(page)
    assert not found, f"{page.url}:\n" + "\n".join(found)


def test_every_named_url_has_an_entry():
    missing = sorted(set(named_routes()) - set(PAGES))
    assert not missing, f"Lägg till dessa i tests/wcag/pages.py PAGES: {missing}"


def test_the_table_names_no_url_that_is_gone():
    assert not sorted(set(PAGES) - set(named_routes()))


@pytest.mark.parametrize(("name", "role"), scans(), ids=[f"{name}-{role or 'anonym'}" for name, role in scans()])
def test_page_has_no_axe_violations(demo_site, pages_as, name, role):
    entry = PAGES[name]
    assert isinstance(entry, Page)
    page = pages_as(role)
    response = page.goto(demo_site.url + entry.path(name, demo_site.objects))
    assert response.status == 200, f"{name} som {role}: {response.status}"
    assert_no_violations(page)


@pytest.mark.parametrize(("name", "role", "status"), ERROR_PAGES)
def test_refusal_pages_have_no_axe_violations(demo_site, pages_as, name, role, status):
    page = pages_as(role)
    response = page.goto(demo_site.url + PAGES[name].path(name, demo_site.objects))
    assert response.status == status
    assert_no_violations(page)


def test_a_form_showing_its_errors_has_no_axe_violations(demo_site, pages_as):
    page = pages_as("samordnare")
    page.goto(demo_site.url + reverse("meetings:meeting_create", args=[demo_site.objects.council.pk]))
    page.fill("#id_date", "20/11/2026")
    page.fill("#id_place", "")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .errorlist").count() > 0
    assert_no_violations(page)


def test_the_measure_form_showing_its_errors_has_no_axe_violations(demo_site, pages_as):
    page = pages_as("samordnare")
    page.goto(demo_site.url + reverse("measures:measure_create", args=[demo_site.objects.council.pk]))
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .errorlist").count() > 0
    assert_no_violations(page)


def test_the_conflict_view_has_no_axe_violations(demo_site, pages_as):
    page = pages_as("samordnare")
    item = demo_site.objects.item
    page.goto(demo_site.url + reverse("meetings:meeting_minutes", args=[item.meeting_id]))
    # The form a browser without JavaScript posts, sent with a version someone else has already replaced.
    with page.expect_navigation():
        page.evaluate("""(url) => {
            const form = document.createElement('form');
            form.method = 'post'; form.action = url;
            for (const [name, value] of [['csrfmiddlewaretoken', document.querySelector('[name=csrfmiddlewaretoken]').value],
                                         ['version', '-1'], ['minutes', '<p>Min text</p>']]) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value; form.append(input);
            }
            document.body.append(form); form.submit();
        }""", reverse("meetings:item_minutes_save", args=[item.pk]))
    assert page.locator("h1").first.is_visible()
    assert_no_violations(page)


def test_the_confirmation_before_removing_an_item_with_text_has_no_axe_violations(demo_site, pages_as):
    page = pages_as("samordnare")
    item = demo_site.objects.item  # "Mötets öppnande" with the standard agenda's opening text
    page.goto(demo_site.url + reverse("meetings:meeting_agenda", args=[item.meeting_id]))
    page.get_by_role("button", name=f"Ta bort § {item.number} {item.title}").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Ta bort punkten och texten").is_visible()
    assert_no_violations(page)
    page.get_by_role("link", name="Behåll punkten").click()
