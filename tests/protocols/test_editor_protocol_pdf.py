"""From keyboard to signed PDF: a table typed and a Word fragment pasted in the editor reach the justered protocol."""

import subprocess

import pytest
from django.urls import reverse

from protocols.models import ProtocolVersion
from tests.meetings.test_editor_browser import HEADER, draft_meeting, write_platssamverkan_and_word_paste

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_text(data, tmp_path):
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_table_typed_by_keyboard_keeps_its_header_row_in_order_in_the_signed_pdf(
    login, live_server, council, coordinator, secretary, chair, signing_dir, tmp_path
):
    meeting = draft_meeting(council, secretary, chair)
    page = login(coordinator)
    write_platssamverkan_and_word_paste(page, live_server, meeting)

    page.goto(live_server.url + reverse("protocols:protocol_meeting", args=[meeting.pk]))
    page.get_by_role("button", name="Skicka för justering").click()
    page.get_by_text("är skickad för justering").wait_for()
    version = ProtocolVersion.objects.get(meeting=meeting)

    approver = login(chair)
    approver.goto(live_server.url + reverse("protocols:protocol_version", args=[version.pk]))
    approver.get_by_label("Jag justerar protokollet").check()
    approver.get_by_role("button", name="Skicka svar").click()
    approver.wait_for_load_state()

    version.refresh_from_db()
    assert version.is_final and version.is_sealed  # tests seal with the immediate task backend
    text = pdf_text(version.signed_pdf.read(), tmp_path)
    # Narrow columns wrap "Åtgärd/insats" after the slash: the first parts stand in order on the header line, the
    # second parts in order on the line below it.
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if "Problemområde" in line)
    first = [lines[at].find(title.split("/")[0]) for title in HEADER]
    assert -1 not in first and first == sorted(first), lines[at]
    second = [lines[at + 1].find(title.split("/")[1]) for title in HEADER if "/" in title]
    assert -1 not in second and second == sorted(second), lines[at + 1]
    assert "Trygg hela veckan fortsätter under våren." in " ".join(text.split())
    assert "Nattvandring fredagar" in text and "Kommentar från Word" not in text
