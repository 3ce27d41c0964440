"""Before justering the secretary sees what is missing (people, empty items, template left over) and a draft PDF."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import AgendaItem
from protocols.models import ProtocolVersion


def page(client, meeting):
    return client.get(reverse("protocols:protocol_meeting", args=[meeting.pk]))


def findings(client, meeting):
    return [finding.text for finding in page(client, meeting).context["preflight"]]


def test_a_ready_meeting_has_no_findings(secretary_client, held_meeting):
    body = page(secretary_client, held_meeting).content.decode()
    assert findings(secretary_client, held_meeting) == []
    assert "ingen mallrubrik står utan text" in body


def test_missing_chair_and_adjusters_are_named(secretary_client, held_meeting):
    held_meeting.adjusters.clear()
    assert findings(secretary_client, held_meeting) == ["Ingen justerare är angiven; bara ordföranden justerar."]
    type(held_meeting).objects.filter(pk=held_meeting.pk).update(chair=None)
    [finding] = page(secretary_client, held_meeting).context["preflight"]
    assert finding.blocks and "ingen kan justera" in finding.text


def test_empty_items_and_template_headings_without_text_are_named(secretary_client, held_meeting):
    AgendaItem.objects.create(meeting=held_meeting, position=5, number=4, title="Övriga frågor", minutes="<p><br></p>")
    AgendaItem.objects.create(meeting=held_meeting, position=6, number=5, title="Information från parterna",
                              minutes="<h3>Polis</h3><p>Lugn höst.</p><h3>Räddningstjänst</h3><p><br></p>"
                                      "<h3>Skola</h3>")
    assert findings(secretary_client, held_meeting) == [
        "§ 4 Övriga frågor är tom: ingen text och inga beslut.",
        "§ 5 Information från parterna: rubriken ”Räddningstjänst” har ingen text under sig (kvar från mallen?).",
        "§ 5 Information från parterna: rubriken ”Skola” har ingen text under sig (kvar från mallen?).",
    ]


def test_the_draft_pdf_shows_the_protocol_and_freezes_nothing(secretary_client, held_meeting):
    response = secretary_client.get(reverse("protocols:protocol_draft_pdf", args=[held_meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Lägesbild från polisen" in text and "Förhandsgranskning" in text
    assert not ProtocolVersion.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("member_client", 403), ("outsider_client", 404)])
def test_only_the_writers_get_the_draft_pdf(request, held_meeting, who, status):
    client = request.getfixturevalue(who)
    assert client.get(reverse("protocols:protocol_draft_pdf", args=[held_meeting.pk])).status_code == status
