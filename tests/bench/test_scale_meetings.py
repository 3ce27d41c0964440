import io
from pathlib import Path

import pytest
from django.core.management import call_command

from benchmarks.pages import PAGES
from benchmarks.scale import meetings as scale
from benchmarks.scale import todo as todo_scale
from councils.models import Council
from meetings.models import AgendaItem, Attachment, Attendance, CalendarFeed, Decision, Meeting


@pytest.fixture
def scale_data(db, media, scale_snapshots):
    scale_snapshots(2, 2).load_into(media)
    return list(Council.objects.order_by("pk"))


def test_meetings_are_four_a_year_with_twelve_items_attendance_and_two_attachments(scale_data, media):
    full, young = scale_data

    assert Meeting.objects.filter(council=full).count() == 4 * 2
    assert Meeting.objects.filter(council=young).count() == 4  # the young council started this year
    meetings = Meeting.objects.count()
    assert AgendaItem.objects.count() == meetings * scale.ITEMS_PER_MEETING
    assert Attachment.objects.count() == meetings * scale.ATTACHMENTS_PER_MEETING
    for attachment in Attachment.objects.all():
        path = Path(media) / attachment.file.name
        assert path.is_file() and path.stat().st_size == attachment.size
    for meeting in Meeting.objects.all():
        assert meeting.attendances.count() >= 15
        assert meeting.adjusters.exclude(user__username=todo_scale.USERNAME).count() == 1
    held = Meeting.objects.filter(status=Meeting.Status.HELD)
    assert held.exists()
    assert not AgendaItem.objects.filter(meeting__in=held, minutes="").exists()
    assert Decision.objects.filter(agenda_item__meeting__in=held, kind=Decision.Kind.TASK).exists()
    assert Attendance.objects.filter(meeting__in=held, status=Attendance.Status.PRESENT).exists()
    assert CalendarFeed.objects.count() == 2


def test_minutes_are_a_few_paragraphs(scale_data):
    item = AgendaItem.objects.filter(meeting__status=Meeting.Status.HELD, position=3).first()

    assert 2 <= item.minutes.count("<p>") <= 4
    assert len(item.minutes) > 400


def test_replace_removes_the_attachment_files_of_the_old_data(transactional_db, scale_data, media):
    # transactional: --replace flushes the database, which PostgreSQL refuses inside the test's transaction
    # while the inserted rows' deferred foreign-key checks are still pending.
    old = [Path(media) / a.file.name for a in Attachment.objects.all()]

    call_command("generate_scale_data", councils=1, years=1, replace=True, stdout=io.StringIO())

    assert old and not any(path.exists() for path in old)
    assert all((Path(media) / a.file.name).is_file() for a in Attachment.objects.all())


def test_bench_times_the_meeting_pages(scale_data):
    out = io.StringIO()
    call_command("bench", no_load=True, no_pdf=True, requests=2, warmup=1, no_write=True, stdout=out)

    lines = out.getvalue().splitlines()
    for key in ("meeting_list", "meeting", "autosave", "ics"):
        row = next(line for line in lines if line.startswith(PAGES[key]))
        assert "n/a" not in row and "HTTP" not in row, row


def test_bench_pdf_yields_a_short_and_a_long_protocol_and_leaves_nothing_behind(scale_data, monkeypatch):
    from benchmarks.scale import protocols as protocol_scale
    from protocols.models import ProtocolVersion

    # A smoke test: the sizes make bench's figures, not the test's coverage.
    monkeypatch.setattr(protocol_scale, "PDF_PAGES", 2)
    monkeypatch.setattr(protocol_scale, "PDF_MANY_ITEMS", 4)
    meetings_before, versions_before = Meeting.objects.count(), ProtocolVersion.objects.count()

    with protocol_scale.bench_pdf(scale_data[0]) as cases:
        labels = [label for label, _signed, _plain in cases]
        signed, plain = cases[-1][1], cases[-1][2]
        assert signed().startswith(b"%PDF") and plain().startswith(b"%PDF")

    assert labels[0].startswith("2-page protocol")
    assert labels[1].startswith("4-item protocol")
    assert Meeting.objects.count() == meetings_before
    assert ProtocolVersion.objects.count() == versions_before  # the scale data's one final protocol


def test_bench_approval_times_the_last_approval_and_the_sealing_and_leaves_nothing_behind(scale_data, monkeypatch):
    from benchmarks.scale import protocols as protocol_scale
    from protocols.models import ProtocolVersion

    monkeypatch.setattr(protocol_scale, "APPROVAL_CASES", (("short", 1), ("long", 3)))  # smoke test, small PDFs
    meetings_before, versions_before = Meeting.objects.count(), ProtocolVersion.objects.count()
    with protocol_scale.bench_approval(scale_data[0]) as cases:
        assert [label.split(" ")[0] for label, _approve, _seal in cases] == ["short", "long"]
        assert all(approve > 0 and seal > 0 for _label, approve, seal in cases)
    assert Meeting.objects.count() == meetings_before
    assert ProtocolVersion.objects.count() == versions_before
