"""The meeting lock under real concurrency: two transactions at once, many rounds, on PostgreSQL.

SQLite serialises whole-database writes and ignores select_for_update, so these races only mean something on
PostgreSQL; CI runs them there (DATABASE_URL).
"""

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from meetings import services as meeting_services
from meetings.locking import MeetingLocked
from meetings.models import AgendaItem, Attendance, Meeting
from protocols import services as justering
from protocols.models import Approval, ProtocolVersion

ROUNDS = 50

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="Races need PostgreSQL row locks; SQLite locks the whole database and ignores "
                              "select_for_update. CI runs these on PostgreSQL."),
]


@pytest.fixture(autouse=True)
def no_sealing(monkeypatch):
    """Sealing is not what these tests race; rendering PDFs each round would only make them slow."""
    monkeypatch.setattr(justering, "enqueue_seal", lambda version: None)


def race(*actions):
    """Run the actions at the same moment in their own threads (own connections); return result or exception."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # the outcome is what the test looks at
            outcomes[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(n, action)) for n, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def logged_in(person):
    client = Client()
    client.force_login(person.user)
    return client


def reopen(meeting, secretary):
    """Withdraw the version out for justering, if any, so the next round starts from an editable meeting."""
    meeting.refresh_from_db()
    if meeting.protocol_is_out:
        justering.protocol_withdraw(meeting=meeting, user=secretary.user)


def test_every_autosave_answered_sparat_is_in_the_frozen_version(held_meeting, secretary):
    writer, sender = logged_in(secretary), logged_in(secretary)
    item = held_meeting.items.get(number=2)
    save_url = reverse("meetings:item_minutes_save", args=[item.pk])
    send_url = reverse("protocols:protocol_send", args=[held_meeting.pk])
    refused = 0
    for n in range(ROUNDS):
        item.refresh_from_db()
        text = f"<p>Runda {n}: text skriven medan protokollet skickas.</p>"

        def save(text=text, base=item.version):
            return writer.post(save_url, {"minutes": text, "version": base},
                               HTTP_ACCEPT="application/json")

        saved, _sent = race(save, lambda: sender.post(send_url))
        version = ProtocolVersion.objects.filter(meeting=held_meeting).order_by("-number").first()
        frozen = next(i["minutes"] for i in version.content["items"] if i["id"] == item.pk)
        assert saved.status_code in (200, 423), saved.content
        if saved.status_code == 200:
            assert saved.json()["version"] == item.version + 1
            assert frozen == text, f"round {n}: 'Sparat' but not frozen"
        else:
            refused += 1
            assert "skickat för justering" in saved.json()["error"]
            item.refresh_from_db()
            assert item.minutes != text
        reopen(held_meeting, secretary)
    assert ProtocolVersion.objects.filter(meeting=held_meeting).count() == ROUNDS


def test_attendance_changes_race_sending_and_are_frozen_or_refused(held_meeting, secretary):
    row = held_meeting.attendances.filter(person__isnull=False).first()
    choices = [Attendance.Status.PRESENT, Attendance.Status.ABSENT]
    for n in range(ROUNDS):
        status = choices[n % 2]
        before = Attendance.objects.get(pk=row.pk).status
        changed, _version = race(
            lambda status=status: meeting_services.attendance_set(meeting=held_meeting, user=secretary.user,
                                                                  statuses={row.pk: status}),
            lambda: justering.protocol_send(meeting=held_meeting, user=secretary.user),
        )
        version = ProtocolVersion.objects.filter(meeting=held_meeting).order_by("-number").first()
        present = {p["name"] for p in version.content["attendance"]["present"]}
        final_status = Attendance.objects.get(pk=row.pk).status
        if isinstance(changed, MeetingLocked):
            assert final_status == before
        else:
            assert not isinstance(changed, Exception), changed
            assert final_status == status
        assert (row.name in present) == (final_status == Attendance.Status.PRESENT), f"round {n}"
        reopen(held_meeting, secretary)


def test_agenda_moves_race_sending_and_the_frozen_order_is_the_stored_one(held_meeting, secretary):
    first = held_meeting.items.get(number=1)
    for n in range(ROUNDS):
        moved, _version = race(
            lambda step=1 if n % 2 == 0 else -1: meeting_services.agenda_move(item=first, user=secretary.user,
                                                                            direction=step),
            lambda: justering.protocol_send(meeting=held_meeting, user=secretary.user),
        )
        assert moved is None or isinstance(moved, MeetingLocked), moved
        version = ProtocolVersion.objects.filter(meeting=held_meeting).order_by("-number").first()
        stored = list(AgendaItem.objects.filter(meeting=held_meeting).order_by("position").values_list("pk", "number"))
        frozen = [(i["id"], i["number"]) for i in version.content["items"]]
        assert frozen == stored, f"round {n}"
        reopen(held_meeting, secretary)


def test_last_approval_and_correction_start_never_leave_the_meeting_half_way(held_meeting, secretary, chair,
                                                                              adjuster):
    for n in range(ROUNDS):
        version = justering.protocol_send(meeting=held_meeting, user=secretary.user)
        justering.version_answer(version=version, user=chair.user, decision=Approval.Decision.APPROVED)
        approved, started = race(
            lambda version=version: justering.version_answer(version=version, user=adjuster.user,
                                                             decision=Approval.Decision.APPROVED),
            lambda reason=f"Runda {n}": justering.protocol_correction_start(meeting=held_meeting,
                                                                            user=secretary.user, reason=reason),
        )
        assert isinstance(approved, Approval), approved
        version.refresh_from_db()
        held_meeting.refresh_from_db()
        assert version.is_final
        if isinstance(started, Exception):
            assert isinstance(started, justering.JusteringError), started
            assert version.correction_started_at is None
            assert held_meeting.protocol_state == Meeting.ProtocolState.FINAL
            justering.protocol_correction_start(meeting=held_meeting, user=secretary.user, reason=f"Runda {n}")
        else:
            assert version.correction_started_at is not None
            assert held_meeting.protocol_state == Meeting.ProtocolState.IN_CORRECTION
