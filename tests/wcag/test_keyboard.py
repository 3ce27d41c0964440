"""What a keyboard and screen-reader user meets: skip link, error summary with focus, confirmations, unique labels."""

import pytest
from django.urls import reverse

# django_db: pytest-django sets up the test database only for marked tests; each test is rolled back.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(demo_site, pages_as):
    page = pages_as("samordnare")
    page.goto(demo_site.url + reverse("councils:council_list"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_failed_submit_focuses_an_error_summary_naming_the_fields(demo_site, pages_as):
    page = pages_as("samordnare")
    page.goto(demo_site.url + reverse("meetings:meeting_create", args=[demo_site.objects.council.pk]))
    page.fill("#id_date", "20/11/2026")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.title().startswith("Fel: ")
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    summary = page.locator("#error-summary")
    assert "Datum" in summary.inner_text() and "ÅÅÅÅ-MM-DD" in summary.inner_text()
    summary.get_by_role("link", name="Datum").click()
    assert page.evaluate("document.activeElement.id") == "id_date"


def test_removing_an_agenda_item_asks_first_and_names_the_item(demo_site, pages_as):
    page = pages_as("samordnare")
    meeting = demo_site.objects.meeting
    page.goto(demo_site.url + reverse("meetings:meeting_agenda", args=[meeting.pk]))
    before = page.locator("main ol > li").count()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    empty = meeting.items.filter(minutes="").first()  # an item with text gets a confirmation page instead
    page.get_by_role("button", name=f"Ta bort § {empty.number} {empty.title}").click()
    assert asked and empty.title in asked[0]
    page.goto(demo_site.url + reverse("meetings:meeting_agenda", args=[meeting.pk]))
    assert page.locator("main ol > li").count() == before


def test_each_comment_box_in_the_justering_answer_names_its_item(demo_site, pages_as):
    page = pages_as("justerare")
    page.goto(demo_site.url + reverse("protocols:protocol_version", args=[demo_site.objects.sent_version.pk]))
    labels = page.locator("main textarea").evaluate_all(
        "boxes => boxes.map(box => box.labels[0] ? box.labels[0].textContent.trim() : '')")
    assert labels and all(labels) and len(set(labels)) == len(labels)
    assert any(label.startswith("Kommentar till §") for label in labels)
    legend = page.locator("fieldset legend", has_text="Ditt svar")
    assert legend.count() == 1


def test_after_moving_an_item_focus_is_back_on_the_button_that_moved_it(demo_site, pages_as):
    page = pages_as("samordnare")
    meeting = demo_site.objects.meeting
    first = demo_site.objects.item
    page.goto(demo_site.url + reverse("meetings:meeting_agenda", args=[meeting.pk]))
    page.get_by_role("button", name=f"Flytta ned: {first.title}").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_function("label => document.activeElement.getAttribute('aria-label') === label",
                           arg=f"Flytta ned: {first.title}")
    with page.expect_navigation():  # put the item back for the other tests
        page.get_by_role("button", name=f"Flytta upp: {first.title}").click()
