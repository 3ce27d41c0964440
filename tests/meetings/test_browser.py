"""Live minutes in a real browser: create, attend, type, reload; conflicts; a lost connection loses nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Attendance, Meeting
from tests.browser import skip_module_without_chromium

skip_module_without_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

from playwright.sync_api import expect  # noqa: E402


def editor(page, item):
    return page.locator(f"#item-{item.pk} .ProseMirror")


def status(page, item):
    return page.locator(f"#status-{item.pk}")


def type_into(page, item, text):
    page.wait_for_selector("html[data-minutes-ready]")
    box = editor(page, item)
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text, delay=5)


def test_coordinator_creates_a_meeting_marks_attendance_and_finds_every_word_after_reload(
    login, live_server, council, coordinator, member, chair, secretary
):
    page = login(coordinator)
    page.goto(live_server.url + reverse("meetings:meeting_create", args=[council.pk]))
    page.fill("#id_date", "2026-12-04")
    page.fill("#id_start_time", "09:00")
    page.fill("#id_end_time", "11:00")
    page.fill("#id_place", "Telefonvägen 30, plan 9")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name="Dagordning – Lokala brå 2026-12-04")).to_be_visible()
    meeting = Meeting.objects.get()

    page.get_by_role("link", name="Närvaro").first.click()
    page.get_by_label(f"{member.full_name}: Närvarande").check()
    page.get_by_label(f"{chair.full_name}: Anmält förhinder").check()
    page.get_by_label(f"{coordinator.full_name}: Närvarande").check()
    page.get_by_role("button", name="Spara närvaro").click()
    expect(page.get_by_text("Närvaron är sparad (3 ändringar).")).to_be_visible()
    assert meeting.attendances.get(person=member).status == Attendance.Status.PRESENT
    assert meeting.attendances.get(person=chair).status == Attendance.Status.APOLOGIES

    page.goto(live_server.url + reverse("meetings:meeting_minutes", args=[meeting.pk]))
    first, second = meeting.items.all()[:2]
    type_into(page, first, " Ordföranden hälsade alla välkomna.")
    type_into(page, second, "Polisen rapporterade färre inbrott i Västberga.")
    editor(page, first).click()  # leaving the second field saves it at once
    expect(status(page, first)).to_contain_text("Sparat", timeout=10_000)
    expect(status(page, second)).to_contain_text("Sparat", timeout=10_000)

    page.reload()
    expect(editor(page, first)).to_contain_text("Ordföranden hälsade alla välkomna.")
    expect(editor(page, second)).to_contain_text("Polisen rapporterade färre inbrott i Västberga.")
    assert "dagordningen godkändes" in editor(page, first).inner_text()
    assert "Polisen rapporterade färre inbrott i Västberga." in AgendaItem.objects.get(pk=second.pk).minutes
    page.goto(live_server.url + reverse("meetings:meeting_detail", args=[meeting.pk]))
    expect(page.locator("article")).to_contain_text("Polisen rapporterade färre inbrott i Västberga.")


@pytest.fixture
def live_meeting(council, coordinator, secretary):
    starts = timezone.make_aware(datetime.datetime(2026, 12, 4, 9))
    meeting = Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts,
                                     ends_at=starts + datetime.timedelta(hours=2), place="Telefonvägen 30")
    AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Information")
    return meeting


def test_a_second_session_gets_the_conflict_instead_of_overwriting(login, live_server, live_meeting, coordinator,
                                                                     secretary):
    item = live_meeting.items.get()
    url = live_server.url + reverse("meetings:meeting_minutes", args=[live_meeting.pk])
    first, second = login(coordinator), login(secretary)
    first.goto(url)
    second.goto(url)
    type_into(first, item, "Karins text om lägesbilden.")
    expect(status(first, item)).to_contain_text("Sparat", timeout=10_000)

    type_into(second, item, "Toves text om samma sak.")
    panel = second.locator(f"#conflict-{item.pk}")
    expect(panel).to_be_visible(timeout=10_000)
    expect(panel.locator(".conflict-theirs")).to_contain_text("Karins text om lägesbilden.")
    expect(panel.locator(".conflict-mine")).to_contain_text("Toves text om samma sak.")
    expect(status(second, item)).to_contain_text("Konflikt")
    assert AgendaItem.objects.get(pk=item.pk).minutes == "<p>Karins text om lägesbilden.</p>"

    panel.get_by_role("button", name="Slå ihop (sparad text först, min text sist)").click()
    expect(status(second, item)).to_contain_text("Sparat", timeout=10_000)
    saved = AgendaItem.objects.get(pk=item.pk).minutes
    assert "Karins text om lägesbilden." in saved and "Toves text om samma sak." in saved


def test_text_typed_while_offline_is_saved_when_the_connection_returns(login, live_server, live_meeting, coordinator):
    item = live_meeting.items.get()
    page = login(coordinator)
    page.goto(live_server.url + reverse("meetings:meeting_minutes", args=[live_meeting.pk]))
    page.context.set_offline(True)
    type_into(page, item, "Skrivet utan nätverk, ord för ord.")
    expect(status(page, item)).to_contain_text("ingen anslutning", timeout=10_000)
    assert AgendaItem.objects.get(pk=item.pk).minutes == ""
    page.context.set_offline(False)
    expect(status(page, item)).to_contain_text("Sparat", timeout=15_000)
    assert AgendaItem.objects.get(pk=item.pk).minutes == "<p>Skrivet utan nätverk, ord för ord.</p>"


def test_unsaved_text_survives_a_reload_and_is_saved_afterwards(login, live_server, live_meeting, coordinator):
    item = live_meeting.items.get()
    page = login(coordinator)
    save_url = "**" + reverse("meetings:item_minutes_save", args=[item.pk])
    page.route(save_url, lambda route: route.abort())
    page.goto(live_server.url + reverse("meetings:meeting_minutes", args=[live_meeting.pk]))
    type_into(page, item, "Texten får inte försvinna.")
    expect(status(page, item)).to_contain_text("ingen anslutning", timeout=10_000)
    page.unroute(save_url)
    page.on("dialog", lambda dialog: dialog.accept())
    page.route(save_url, lambda route: route.abort())
    page.reload()
    expect(editor(page, item)).to_contain_text("Texten får inte försvinna.")
    page.unroute(save_url)
    expect(status(page, item)).to_contain_text("Sparat", timeout=15_000)
    assert AgendaItem.objects.get(pk=item.pk).minutes == "<p>Texten får inte försvinna.</p>"
