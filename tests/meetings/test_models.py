import datetime

import pytest
from django.db import IntegrityError, transaction

from meetings.models import AgendaItem, Attachment, Attendance, Meeting


def test_a_person_attends_a_meeting_only_once(meeting, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, person=member, status=Attendance.Status.PRESENT)


def test_several_guests_may_attend_the_same_meeting(meeting):
    Attendance.objects.create(meeting=meeting, guest_name="Gäst Ett", guest_title="Konsult")
    Attendance.objects.create(meeting=meeting, guest_name="Gäst Två")
    assert meeting.attendances.filter(person__isnull=True).count() == 2


def test_attendance_needs_a_person_or_a_guest_name(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting)


def test_a_meeting_cannot_end_before_it_starts(council):
    starts = datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(council=council, title="Fel", starts_at=starts, ends_at=starts - datetime.timedelta(1))


def test_a_confidential_item_needs_its_legal_ground(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, position=9, title="Hemligt", confidential=True)
    item = AgendaItem.objects.create(
        meeting=meeting, position=9, title="Hemligt", confidential=True, confidentiality_ground="OSL 26 kap. 1 §"
    )
    assert item.confidentiality_ground == "OSL 26 kap. 1 §"


def test_paragraph_numbers_are_unique_within_a_meeting_but_may_be_left_out(meeting):
    AgendaItem.objects.create(meeting=meeting, position=5, title="Öppnande utan nummer")
    AgendaItem.objects.create(meeting=meeting, position=6, title="Också utan nummer")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, position=7, number=1, title="Dubblett")


def test_attachment_numbers_are_unique_within_a_meeting(meeting):
    Attachment.objects.create(meeting=meeting, title="A", file="x.pdf", content_type="application/pdf", number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attachment.objects.create(meeting=meeting, title="B", file="y.pdf", content_type="application/pdf", number=1)
