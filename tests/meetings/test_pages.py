"""The meeting list with its filters, the meeting page and its query count, the council page panel, demo data."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from councils.models import Forum, Person
from meetings.models import AgendaItem, Attachment, Attendance, Decision, Meeting


def make_meeting(council, when, title="Lokala brå", **extra):
    starts = timezone.make_aware(datetime.datetime.combine(when, datetime.time(9)))
    return Meeting.objects.create(council=council, title=title, starts_at=starts,
                                  ends_at=starts + datetime.timedelta(hours=2), place="Telefonvägen 30", **extra)


@pytest.fixture
def meetings(council):
    forum = Forum.objects.create(council=council, name="Samba")
    old = make_meeting(council, datetime.date(2023, 2, 24), status=Meeting.Status.HELD, protocol_state=Meeting.ProtocolState.FINAL)
    AgendaItem.objects.create(meeting=old, title="Lägesbild", minutes="<p>Personrån mot unga ökar.</p>")
    held = make_meeting(council, datetime.date(2024, 9, 20), status=Meeting.Status.HELD)
    group = make_meeting(council, datetime.date(2024, 10, 2), title="Sambamöte", forum=forum,
                         status=Meeting.Status.HELD)
    return {"old": old, "held": held, "group": group, "forum": forum}


def listed(client, council, **query):
    response = client.get(reverse("meetings:meeting_list", args=[council.pk]), query)
    return set(response.context["meetings"])


def test_the_list_filters_by_year_status_forum_and_text(member_client, council, meetings):
    assert listed(member_client, council) == {meetings["old"], meetings["held"], meetings["group"]}
    assert listed(member_client, council, year=2024) == {meetings["held"], meetings["group"]}
    assert listed(member_client, council, protocol="final") == {meetings["old"]}
    assert listed(member_client, council, forum=meetings["forum"].pk) == {meetings["group"]}
    assert listed(member_client, council, q="personrån") == {meetings["old"]}
    assert listed(member_client, council, q="samba") == {meetings["group"]}


def test_the_list_never_shows_another_councils_meetings(member_client, council, other_council, meetings):
    make_meeting(other_council, datetime.date(2024, 9, 20), title="Grannmöte")
    assert "Grannmöte" not in member_client.get(reverse("meetings:meeting_list", args=[council.pk])).content.decode()


def test_the_council_page_links_to_meetings_and_shows_next_and_recent(member_client, council, meetings):
    upcoming = make_meeting(council, timezone.localdate() + datetime.timedelta(days=10), title="Nästa möte")
    page = member_client.get(reverse("councils:council_detail", args=[council.pk])).content.decode()
    assert reverse("meetings:meeting_list", args=[council.pk]) in page
    assert upcoming.get_absolute_url() in page and meetings["group"].get_absolute_url() in page


def fill(meeting, people, *, items, attachments):
    for n, person in enumerate(people):
        Attendance.objects.create(meeting=meeting, person=person, position=n,
                                  status=Attendance.Status.PRESENT if n % 3 else Attendance.Status.APOLOGIES)
    meeting.adjusters.set(people[:2])
    rows = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=n, number=n + 1, title=f"Punkt {n + 1}", presenter=people[n % 5],
                   minutes=f"<p>Text {n}</p><table><tr><td>Problem</td><td>Åtgärd</td></tr></table>")
        for n in range(items)
    )
    for n, item in enumerate(rows):
        Decision.objects.create(agenda_item=item, kind="uppdrag", text=f"Uppdrag {n}", responsible=people[n % 7])
    for n in range(attachments):
        attachment = Attachment(meeting=meeting, agenda_item=rows[n] if n % 2 else None, title=f"Bilaga {n}",
                                number=n + 1, content_type="application/pdf", size=10)
        attachment.file.save(f"b{n}.pdf", ContentFile(b"%PDF-1.4"), save=False)
        attachment.save()


def page_queries(client, meeting, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["meetings:meeting_detail", "meetings:meeting_minutes"])
def test_the_meeting_page_query_count_does_not_grow_with_its_rows(
    coordinator_client, council, make_person, settings, tmp_path, name, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    people = [make_person() for _ in range(20)]
    small = make_meeting(council, datetime.date(2024, 1, 5))
    fill(small, people[:3], items=2, attachments=1)
    large = make_meeting(council, datetime.date(2024, 2, 5))
    fill(large, people, items=30, attachments=10)
    baseline = page_queries(coordinator_client, small, name)
    with django_assert_max_num_queries(baseline):
        response = coordinator_client.get(reverse(name, args=[large.pk]))
    assert response.status_code == 200
    assert "Punkt 30" in response.content.decode()
    print(f"{name}: {baseline} queries")
    assert baseline <= 15  # 14 + the protocol lock check on the write pages


def test_demo_data_is_idempotent_and_shaped_like_the_seeds(demo):
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), Attendance.objects.count(),
              Decision.objects.count(), Attachment.objects.count())
    call_command("load_demo")
    assert counts == (Meeting.objects.count(), AgendaItem.objects.count(), Attendance.objects.count(),
                      Decision.objects.count(), Attachment.objects.count())
    assert AgendaItem.objects.filter(confidential=True, confidentiality_ground="OSL 26 kap. 1 §").exists()
    assert AgendaItem.objects.filter(minutes__contains="<th>Status/uppföljning</th>").exists()
    assert Meeting.objects.filter(starts_at__gte=timezone.now()).exists()
    assert Meeting.objects.exclude(contact_text="").exists()
    assert Attendance.objects.filter(person__isnull=True).exists()
    assert Attendance.objects.filter(status=Attendance.Status.APOLOGIES).exists()
    assert Decision.objects.filter(kind="uppdrag", responsible__isnull=False, due_date__isnull=False).exists()
    assert not Person.objects.filter(last_name__in=["Dundar", "Cederlid", "Lundmark", "Jormtun"]).exists()
