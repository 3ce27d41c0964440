"""The minutes editor by keyboard in a real browser: tables, Tab out of the editor, the toolbar, Word paste."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["Problemområde", "Åtgärd/insats", "Deltagare", "Sammankallande/ansvarig", "Status/uppföljning"]
# The platssamverkan working document of the 2021-09-17 seed protocol, first three rows.
ROWS = [
    ["Liljeholmen, Trekantsparken: Ordningsstörningar, brottslighet och unga i destruktiva miljöer.", "Whats.App grupp",
     "Polis, fältassistenter, ungdomsjouren", "Polis adm. ansvarig", "Pågående insatser som följs upp i realtid."],
    ["Liljeholmen, Trekantsparken: Ordningsstörningar", "LOV 3 OV och vaktare",
     "Stockholms stads mobila OV och vaktare", "SLK/Avarn", "Pågående utifrån beviljade LOV3"],
    ["Trekantsparken: Byggnad används som olovlig bosättning", "Förvaltning och polis ser över och avvisar",
     "Förvaltning, polis, EU-teamet", "Förvaltning, polis", "Kontakt med Fastighetskontoret är tagen."],
]
WORD_HTML = (
    "<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body><!--StartFragment-->"
    "<p class=MsoNormal style='margin:0'><b><span style='font-family:Arial;color:red'>Trygg hela veckan</span></b> "
    "fortsätter <i>under våren</i>.<span class=MsoCommentReference>Kommentar från Word</span></p>"
    "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·&nbsp;</span>"
    "Nattvandring fredagar</p><p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>"
    "<span style='mso-list:Ignore'>·&nbsp;</span>Fältassistenter på torget</p>"
    "<p><img src='file:///C:/Users/bild.png' width=200></p>"
    "<table class=MsoTableGrid><tr><td><b>Plats</b></td><td><b>Insats</b></td></tr>"
    "<tr><td>Liljeholmstorget</td><td>Trygghetsvandring</td></tr></table><!--EndFragment--></body></html>"
)


def draft_meeting(council, secretary, chair):
    starts = timezone.make_aware(datetime.datetime(2026, 12, 4, 9))
    meeting = Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts, chair=chair,
                                     secretary=secretary, ends_at=starts + datetime.timedelta(hours=2),
                                     place="Telefonvägen 30")
    AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Platssamverkan Liljeholmen")
    AgendaItem.objects.create(meeting=meeting, position=1, number=2, title="Trygg hela veckan")
    AgendaItem.objects.create(meeting=meeting, position=2, number=3, title="Övriga frågor")
    return meeting


def open_minutes(page, live_server, meeting):
    page.goto(live_server.url + reverse("meetings:meeting_minutes", args=[meeting.pk]))
    page.wait_for_selector("html[data-minutes-ready]")


def focus_editor(page, item):
    page.locator(f"#item-{item.pk} .ProseMirror").click()
    wait_in_editor(page, item)


CARET_IN_FIRST_CELL = """(selector) => {
    const dom = document.querySelector(selector);
    const editor = dom.editor, cell = dom.querySelector('th');
    const start = editor.view.posAtDOM(cell, 0), end = start + cell.textContent.length + 1;
    return editor.state.selection.from >= start && editor.state.selection.from <= end;
}"""


def wait_in_editor(page, item):
    """Focus moves in the browser's own time; on a loaded machine a check right after a key can come too early.
    The predicates are functions: a bare expression is polled through eval(), which the page's CSP forbids."""
    page.wait_for_function(
        f"() => document.querySelector('#item-{item.pk} .ProseMirror').contains(document.activeElement)",
        timeout=5000)


def in_editor(page, item):
    return page.evaluate(f"document.querySelector('#item-{item.pk} .ProseMirror').contains(document.activeElement)")


def insert_table_by_keyboard(page, item, rows, cols):
    """From inside the editor: Shift+Tab to the toolbar, arrows to "Infoga tabell", fill the dialog, Enter; then
    wait for the caret in the new table's first cell (the dialog closes and the table arrives in the page's time)."""
    page.keyboard.press("Shift+Tab")
    for _ in range(20):
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Infoga tabell":
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.get_by_label("Rader (med rubrikraden)").fill(str(rows))
    page.get_by_label("Kolumner").fill(str(cols))
    assert page.get_by_label("Första raden är rubrikrad").is_checked()
    page.get_by_label("Kolumner").press("Enter")
    page.wait_for_function(CARET_IN_FIRST_CELL, arg=f"#item-{item.pk} .ProseMirror")


def type_table(page, rows):
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            page.keyboard.type(text)
            if (r, c) != (len(rows) - 1, len(row) - 1):
                page.keyboard.press("Tab")


def paste_html(page, item, html):
    focus_editor(page, item)
    page.evaluate("""([selector, html]) => {
        const target = document.querySelector(selector)
        const data = new DataTransfer()
        data.setData("text/html", html)
        data.setData("text/plain", "")
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }))
    }""", [f"#item-{item.pk} .ProseMirror", html])


def wait_saved(page, item):
    from playwright.sync_api import expect

    expect(page.locator(f"#status-{item.pk}")).to_contain_text("Sparat", timeout=15_000)


def write_platssamverkan_and_word_paste(page, live_server, meeting):
    """The keyboard part of the protocol test, shared with the justering test in tests/protocol/."""
    table_item, paste_item, _ = meeting.items.order_by("position")
    open_minutes(page, live_server, meeting)
    focus_editor(page, table_item)
    page.keyboard.type("Arbetsdokument för problem, åtgärder/insatser och utveckling")
    insert_table_by_keyboard(page, table_item, rows=4, cols=5)
    type_table(page, [HEADER, *ROWS])
    page.keyboard.press("Tab")  # out of the last cell: leaves the editor, which saves at once
    assert not in_editor(page, table_item)
    wait_saved(page, table_item)
    paste_html(page, paste_item, WORD_HTML)
    page.keyboard.press("Tab")
    wait_saved(page, paste_item)
    return table_item, paste_item


def test_the_five_column_platssamverkan_table_typed_by_keyboard_is_stored_with_its_header_row(
    login, live_server, council, coordinator, secretary, chair
):
    meeting = draft_meeting(council, secretary, chair)
    page = login(coordinator)
    table_item, paste_item = write_platssamverkan_and_word_paste(page, live_server, meeting)

    stored = AgendaItem.objects.get(pk=table_item.pk).minutes
    assert stored.startswith("<p>Arbetsdokument för problem, åtgärder/insatser och utveckling</p><table><thead><tr>")
    assert "".join(f"<th><p>{title}</p></th>" for title in HEADER) in stored
    assert stored.count("<tr>") == 4 and stored.count("<td>") == 15
    assert "<td><p>Whats.App grupp</p></td>" in stored  # typed text that looks like an address stays text
    pasted = AgendaItem.objects.get(pk=paste_item.pk).minutes
    assert "<strong>Trygg hela veckan</strong> fortsätter <em>under våren</em>." in pasted
    assert "<ul><li><p>Nattvandring fredagar</p></li><li><p>Fältassistenter på torget</p></li></ul>" in pasted
    assert "<td><p><strong>Plats</strong></p></td>" in pasted and "Trygghetsvandring" in pasted
    for gone in ("Kommentar från Word", "style", "class", "img", "bild.png", "Calibri", "·"):
        assert gone not in pasted

    page.reload()
    page.wait_for_selector("html[data-minutes-ready]")
    header_cells = page.locator(f"#item-{table_item.pk} .ProseMirror th")
    assert header_cells.all_inner_texts() == HEADER


def test_tab_moves_through_the_cells_and_leaves_the_editor_after_the_last_one(
    login, live_server, council, coordinator, secretary, chair
):
    meeting = draft_meeting(council, secretary, chair)
    first = meeting.items.order_by("position")[0]
    page = login(coordinator)
    open_minutes(page, live_server, meeting)
    focus_editor(page, first)
    insert_table_by_keyboard(page, first, rows=2, cols=2)
    page.keyboard.type("A")
    page.keyboard.press("Tab")
    page.keyboard.type("B")
    page.keyboard.press("Tab")
    assert in_editor(page, first)
    page.keyboard.type("C")
    page.keyboard.press("Control+Enter")  # the shortcut adds a row and moves into it
    page.keyboard.type("E")
    assert page.locator(f"#item-{first.pk} .ProseMirror tr").count() == 3
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # last cell: Tab leaves the editor instead of adding a row
    assert not in_editor(page, first)
    assert page.locator(f"#item-{first.pk} .ProseMirror tr").count() == 3
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    # Back in, Shift+Tab from the first cell leaves backwards to the item's toolbar.
    page.locator(f"#item-{first.pk} .ProseMirror th").first.click()
    # The toolbar shows for the focused item only: wait until it is there before leaving backwards.
    page.wait_for_function(f"() => document.activeElement.closest('#item-{first.pk} .ProseMirror') !== null")
    page.locator(f"#item-{first.pk} [role=toolbar]").wait_for(state="visible")
    # The click reaches the editor's own state a moment later (ProseMirror reads the browser's selectionchange
    # event); a key pressed before that acts from the cell the caret last stood in (the last one).
    page.wait_for_function(CARET_IN_FIRST_CELL, arg=f"#item-{first.pk} .ProseMirror")
    page.keyboard.press("Shift+Tab")
    page.wait_for_function("() => document.activeElement.closest('[role=toolbar]') !== null", timeout=5000)


def test_the_toolbar_has_swedish_names_pressed_states_and_one_tab_stop(
    login, live_server, council, coordinator, secretary, chair
):
    meeting = draft_meeting(council, secretary, chair)
    first = meeting.items.order_by("position")[0]
    page = login(coordinator)
    open_minutes(page, live_server, meeting)
    focus_editor(page, first)
    toolbar = page.get_by_role("toolbar", name="Formatering, Platssamverkan Liljeholmen")
    bold = toolbar.get_by_role("button", name="Fetstil")
    assert bold.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Control+b")
    page.keyboard.type("Viktigt")
    assert bold.get_attribute("aria-pressed") == "true"
    assert [b for b in toolbar.get_by_role("button").all() if b.get_attribute("tabindex") == "0"].__len__() == 1
    # Only the item being written shows a toolbar.
    assert page.get_by_role("toolbar").count() == 1


def test_the_caret_lands_at_the_end_and_alt_page_down_goes_to_the_next_item(
    login, live_server, council, coordinator, secretary, chair
):
    meeting = draft_meeting(council, secretary, chair)
    first, second, _ = meeting.items.order_by("position")
    AgendaItem.objects.filter(pk=second.pk).update(minutes="<p>Tidigare text.</p>")
    page = login(coordinator)
    open_minutes(page, live_server, meeting)
    focus_editor(page, first)
    page.keyboard.press("Alt+PageDown")
    wait_in_editor(page, second)
    page.keyboard.type(" Mer text.")
    wait_saved(page, second)
    assert AgendaItem.objects.get(pk=second.pk).minutes == "<p>Tidigare text. Mer text.</p>"


def test_save_status_is_announced_only_when_saved(login, live_server, council, coordinator, secretary, chair):
    meeting = draft_meeting(council, secretary, chair)
    first = meeting.items.order_by("position")[0]
    page = login(coordinator)
    open_minutes(page, live_server, meeting)
    page.evaluate("""() => {
        window.announcements = []
        new MutationObserver(() => window.announcements.push(document.getElementById("minutes-announcer").textContent))
            .observe(document.getElementById("minutes-announcer"), { childList: true, characterData: true, subtree: true })
    }""")
    focus_editor(page, first)
    page.keyboard.type("Polisen rapporterade färre inbrott i Västberga.", delay=10)
    wait_saved(page, first)
    spoken = [text for text in page.evaluate("window.announcements") if text]
    assert len(spoken) == 1 and spoken[0].startswith("§ 1 Platssamverkan Liljeholmen: Sparat ")
    assert page.locator(f"#status-{first.pk}").get_attribute("aria-live") is None


def test_pasting_five_megabytes_of_html_gives_a_swedish_message_and_loses_nothing(
    login, live_server, council, coordinator, secretary, chair
):
    from playwright.sync_api import expect

    meeting = draft_meeting(council, secretary, chair)
    first = meeting.items.order_by("position")[0]
    AgendaItem.objects.filter(pk=first.pk).update(minutes="<p>Sparad text före klistringen.</p>")
    row = ("<tr><td style='font-family:Arial'><img src='x.png'>Klotter vid torget<script>alert(1)</script></td>"
           "<td><table><tr><td>Inre tabell</td></tr></table>Sanering</td></tr>")
    huge = "<table>" + row * (5_000_000 // len(row)) + "</table>"
    page = login(coordinator)
    open_minutes(page, live_server, meeting)
    paste_html(page, first, huge)
    expect(page.locator(f"#status-{first.pk}")).to_contain_text("Det du klistrade in är för stort för en punkt")
    assert page.locator(f"#item-{first.pk} .ProseMirror").inner_text() == "Sparad text före klistringen."

    # A normal-sized paste of the same junk comes out clean: no images, scripts, styles or nested tables.
    paste_html(page, first, "<table>" + row * 3 + "</table>")
    page.keyboard.press("Tab")
    wait_saved(page, first)
    stored = AgendaItem.objects.get(pk=first.pk).minutes
    assert stored.startswith("<p>Sparad text före klistringen.</p>") and stored.count("Klotter vid torget") == 3
    for bad in ("<img", "script", "style", "font-family"):
        assert bad not in stored
    assert stored.count("<table>") == 1 and "<p>Inre tabell</p>" in stored


def test_a_save_refused_because_the_protocol_went_out_for_justering_keeps_the_text(
    login, live_server, council, coordinator, secretary, chair
):
    from playwright.sync_api import expect

    from protocols.services import protocol_send

    meeting = draft_meeting(council, secretary, chair)
    first = meeting.items.order_by("position")[0]
    page = login(coordinator)
    open_minutes(page, live_server, meeting)
    focus_editor(page, first)
    page.keyboard.type("Första meningen.")
    wait_saved(page, first)
    protocol_send(meeting=Meeting.objects.get(pk=meeting.pk), user=coordinator.user)
    page.keyboard.type(" Skrivet efter att protokollet skickades.")
    status = page.locator(f"#status-{first.pk}")
    expect(status).not_to_contain_text("Sparat", timeout=15_000)
    expect(status).to_have_class("minutes-status small status-error", timeout=15_000)
    assert "Skrivet efter" not in AgendaItem.objects.get(pk=first.pk).minutes
    draft = page.evaluate(f"JSON.parse(localStorage.getItem('lobra:minutes:{first.pk}')).html")
    assert "Första meningen. Skrivet efter att protokollet skickades." in draft
