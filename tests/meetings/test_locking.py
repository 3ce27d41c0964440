"""The meeting lock and the sanitiser: a write that loses to "Skicka för justering" is refused, never "Sparat";
minutes stored any other way are cleaned where they are shown."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from meetings import access
from meetings.models import AgendaItem, Meeting


def lock(meeting, state=Meeting.ProtocolState.OUT_FOR_JUSTERING):
    Meeting.objects.filter(pk=meeting.pk).update(protocol_state=state)


def test_autosave_to_a_meeting_already_out_for_justering_answers_423_and_saves_nothing(secretary_client, item):
    lock(item.meeting)
    response = secretary_client.post(reverse("meetings:item_minutes_save", args=[item.pk]),
                                     {"minutes": "<p>För sent</p>", "version": item.version},
                                     HTTP_ACCEPT="application/json")
    assert response.status_code == 423
    assert "justering" in response.json()["error"]
    item.refresh_from_db()
    assert "För sent" not in item.minutes


def test_autosave_that_loses_the_race_answers_423_and_saves_nothing(secretary_client, item, monkeypatch):
    # The page's early check passed; the protocol went out before the save took the meeting's lock.
    monkeypatch.setattr(access, "ensure_editable", lambda meeting: None)
    lock(item.meeting)
    response = secretary_client.post(reverse("meetings:item_minutes_save", args=[item.pk]),
                                     {"minutes": "<p>För sent</p>", "version": item.version},
                                     HTTP_ACCEPT="application/json")
    assert response.status_code == 423
    assert "skickat för justering" in response.json()["error"]
    assert "saved_at" not in response.json()
    item.refresh_from_db()
    assert "För sent" not in item.minutes


@pytest.mark.parametrize("name, args, data", [
    ("meeting_agenda", "meeting", {"title": "Ny punkt"}),
    ("attendance_add", "meeting", {"guest-guest_name": "Gäst", "guest-status": "adjungerad"}),
    ("item_move", "item", {"direction": "up"}),
    ("item_delete", "item", {}),
    ("decision_add", "item", {"kind": "beslut", "text": "Nytt beslut"}),
])
def test_content_writes_after_the_protocol_went_out_are_refused(secretary_client, item, monkeypatch, name, args,
                                                                  data):
    monkeypatch.setattr(access, "ensure_editable", lambda meeting: None)
    lock(item.meeting)
    before = list(AgendaItem.objects.filter(meeting=item.meeting).values_list("pk", "position", "number", "title"))
    pk = item.meeting_id if args == "meeting" else item.pk
    response = secretary_client.post(reverse(f"meetings:{name}", args=[pk]), data)
    assert response.status_code == 403
    assert "skickat för justering" in response.content.decode()
    after = list(AgendaItem.objects.filter(meeting=item.meeting).values_list("pk", "position", "number", "title"))
    assert after == before
    assert not item.meeting.attendances.filter(guest_name="Gäst").exists()
    assert not item.decisions.exists()


def test_minutes_stored_without_the_service_are_cleaned_on_the_page(member_client, item):
    AgendaItem.objects.filter(pk=item.pk).update(minutes='<p onclick="x()">Hej<script>alert(1)</script></p>')
    html = member_client.get(reverse("meetings:meeting_detail", args=[item.meeting_id])).content.decode()
    assert "Hej" in html
    assert "<script>alert(1)" not in html and "onclick" not in html


def test_admin_cleans_minutes_when_it_saves_them(db, item):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    client = Client()
    client.force_login(admin)
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    client.post(url, {
        "meeting": item.meeting_id, "position": 1, "number": 2, "title": "Information",
        "minutes": '<p>Text<img src=x onerror="alert(1)"></p>', "presenter_text": "", "confidentiality_ground": "",
        "decisions-TOTAL_FORMS": 0, "decisions-INITIAL_FORMS": 0,
    })
    item.refresh_from_db()
    assert item.minutes == "<p>Text</p>"


def test_admin_cannot_change_a_locked_meetings_item(db, item):
    lock(item.meeting, Meeting.ProtocolState.FINAL)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("admin:meetings_agendaitem_change", args=[item.pk]), {
        "meeting": item.meeting_id, "position": 1, "number": 2, "title": "Ändrad", "minutes": "",
        "presenter_text": "", "confidentiality_ground": "",
        "decisions-TOTAL_FORMS": 0, "decisions-INITIAL_FORMS": 0,
    })
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title == "Information"
