"""The meeting page's body is cached per council revision: every change shows on the next request, a cached
request reads little, and what differs per reader (permissions, CSRF tokens) is never shared."""

import datetime
import re
import threading
import time

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from councils import services as council_services
from councils.models import Council
from councils.pagecache import CSRF_PLACEHOLDER, cached_body
from meetings import services
from meetings.models import AgendaItem, Attachment, Attendance, CalendarFeed, Decision


def page(client, meeting):
    response = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_saved_text_shows_on_the_next_request(member_client, meeting, item, secretary):
    assert "Första texten" not in page(member_client, meeting)  # now cached
    saved = services.minutes_save(item=item, user=secretary.user, minutes="<p>Första texten</p>",
                                  base_version=item.version)
    assert "Första texten" in page(member_client, meeting)
    # A second save by the same person minutes later is not logged on its own; it still shows, and the
    # council's other pages keep their cached bodies (its revision stays).
    revision = Council.objects.get(pk=meeting.council_id).revision
    services.minutes_save(item=saved.item, user=secretary.user, minutes="<p>Andra texten</p>",
                          base_version=saved.item.version)
    assert "Andra texten" in page(member_client, meeting)
    assert Council.objects.get(pk=meeting.council_id).revision == revision


def test_a_decision_and_an_attendance_change_show_on_the_next_request(coordinator_client, member_client, meeting,
                                                                       item, member, coordinator):
    page(member_client, meeting)
    response = coordinator_client.post(reverse("meetings:decision_add", args=[item.pk]),
                                       {"kind": Decision.Kind.DECISION, "text": "Rådet beslutar att gå vidare."})
    assert response.status_code == 302
    services.attendance_set(meeting=meeting, user=coordinator.user,
                            statuses={meeting.attendances.get(person=member).pk: Attendance.Status.APOLOGIES})
    html = page(member_client, meeting)
    assert "Rådet beslutar att gå vidare." in html
    apologies = html[html.index("Anmält förhinder"):]
    assert member.full_name in apologies[:apologies.index("</table>")]


def test_a_renamed_person_and_organisation_show_on_the_next_request(member_client, meeting, chair, coordinator):
    page(member_client, meeting)
    council_services.person_update(person=chair, user=coordinator.user, fields={"last_name": "Omdöpt"})
    organisation = chair.organisation
    council_services.organisation_update(organisation=organisation, user=coordinator.user,
                                         data={"name": "Nya förvaltningen"})
    html = page(member_client, meeting)
    assert "Omdöpt" in html and "Nya förvaltningen" in html


def test_a_change_in_another_council_leaves_this_councils_cache_alone(member_client, meeting, other_council,
                                                                     outsider, council):
    page(member_client, meeting)
    before = Council.objects.get(pk=council.pk).revision
    council_services.council_settings_save(council=other_council, user=outsider.user, justering_days=20)
    assert Council.objects.get(pk=council.pk).revision == before


def test_a_cached_request_reads_only_the_meeting_and_the_readers_rights(member_client, meeting,
                                                                        django_assert_max_num_queries):
    for n in range(10):
        AgendaItem.objects.create(meeting=meeting, position=10 + n, number=3 + n, title=f"Punkt {n}")
    with django_assert_max_num_queries(40) as first:
        page(member_client, meeting)
    with django_assert_max_num_queries(len(first.captured_queries) - 5) as cached:
        html = page(member_client, meeting)
    assert "Punkt 9" in html
    sql = " ".join(q["sql"] for q in cached.captured_queries)
    assert "meetings_agendaitem" not in sql and "meetings_attendance" not in sql


def test_readers_with_other_rights_do_not_share_a_body(coordinator_client, member_client, meeting, item,
                                                       coordinator):
    Decision.objects.create(agenda_item=item, kind=Decision.Kind.TASK, text="Ta fram en trygghetsvandring.",
                            responsible=coordinator)
    assert "Gör uppdrag till aktivitet" in page(coordinator_client, meeting)
    assert "Gör uppdrag till aktivitet" not in page(member_client, meeting)


def tokens(html):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def test_each_reader_gets_their_own_csrf_token_in_the_cached_forms(coordinator, secretary, meeting, item):
    Attachment.objects.create(meeting=meeting, agenda_item=item, title="Lägesbild", file="a.pdf", number=1)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(coordinator.user)
    second.force_login(secretary.user)  # same rights: the same cached body
    one, two = page(first, meeting), page(second, meeting)
    assert "Ta bort" in one and "Ta bort" in two
    assert tokens(one) and tokens(two) and tokens(one).isdisjoint(tokens(two))
    assert CSRF_PLACEHOLDER not in one + two
    # The token in the page is one the server takes: the delete works for the second reader.
    response = second.post(reverse("meetings:attachment_delete", args=[meeting.attachments.get().pk]),
                           {"csrfmiddlewaretoken": tokens(two).pop()}, follow=False)
    assert response.status_code == 302


def test_a_body_with_a_real_csrf_token_is_never_cached(rf):
    request = rf.get("/")
    with pytest.raises(ValueError, match="body_context"):
        cached_body(request, "test", 1, render=lambda: '<input name="csrfmiddlewaretoken" value="abc123">')


def test_a_reader_who_chose_english_gets_the_english_body(member_client, meeting):
    assert ">Tidpunkt<" in page(member_client, meeting)  # the Swedish body is now cached
    member_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = page(member_client, meeting)
    assert ">Time<" in html and ">Tidpunkt<" not in html


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Concurrent transactions need PostgreSQL.")
def test_a_text_saved_before_a_request_starts_is_on_the_page_under_concurrent_saves(meeting, item, secretary,
                                                                                    member):
    """Readers and a writer at once, on their own connections: a request that starts after a save has
    committed always shows that text or a newer one, never an older cached body."""
    rounds, committed, seen = 40, [], []
    done = threading.Event()

    def write():
        try:
            version = item.version
            for n in range(rounds):
                services.minutes_save(item=AgendaItem.objects.get(pk=item.pk), user=secretary.user,
                                      minutes=f"<p>Runda {n:03d}</p>", base_version=version)
                version += 1
                committed.append(n)
                # Let the readers ask at least once in between, each round.
                asked = len(seen)
                for _ in range(200):
                    if len(seen) > asked + 1:
                        break
                    time.sleep(0.005)
        finally:
            done.set()
            close_old_connections()
            connection.close()

    def read():
        client = Client()
        client.force_login(member.user)
        try:
            while not done.is_set():
                floor = committed[-1] if committed else -1
                html = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
                start = html.find("Runda ")
                shown = int(html[start + 6:start + 9]) if start >= 0 else -1
                seen.append((floor, shown))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write), *(threading.Thread(target=read) for _ in range(2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(committed) == rounds
    assert len(seen) > rounds // 2
    stale = [(floor, shown) for floor, shown in seen if shown < floor]
    assert not stale, f"older text than already saved: {stale[:5]}"


def test_the_calendar_feed_shows_a_new_meeting_at_once(client, member, council, coordinator, meeting):
    feed = CalendarFeed.objects.create(user=member.user, council=council)
    url = reverse("meetings:calendar_feed_ics", args=[feed.token])
    assert client.get(url).content.decode().count("BEGIN:VEVENT") == 1  # now cached
    starts = meeting.starts_at + datetime.timedelta(days=30)
    services.meeting_create(council=council, user=coordinator.user, data={
        "title": "Extra möte", "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=1)})
    body = client.get(url).content.decode()
    assert body.count("BEGIN:VEVENT") == 2 and "Extra möte" in body


def test_the_meeting_list_shows_a_new_meeting_at_once_and_keeps_filters_apart(member_client, council, coordinator,
                                                                             meeting):
    url = reverse("meetings:meeting_list", args=[council.pk])
    assert "Extra möte" not in member_client.get(url).content.decode()  # now cached
    assert "Inga möten matchar urvalet." in member_client.get(url, {"q": "finns-inte"}).content.decode()
    starts = meeting.starts_at + datetime.timedelta(days=30)
    services.meeting_create(council=council, user=coordinator.user, data={
        "title": "Extra möte", "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=1)})
    assert "Extra möte" in member_client.get(url).content.decode()
    assert "Extra möte" not in member_client.get(url, {"q": "finns-inte"}).content.decode()


def test_an_autosave_renders_only_its_own_item_again(member_client, meeting, item, secretary, monkeypatch):
    from meetings import selectors

    rendered = []
    original = selectors.render_to_string

    def counting(template, context=None, *args, **kwargs):
        if template == "meetings/_item_document.html":
            rendered.append(context["item"].pk)
        return original(template, context, *args, **kwargs)

    monkeypatch.setattr(selectors, "render_to_string", counting)
    page(member_client, meeting)
    assert sorted(rendered) == sorted(meeting.items.values_list("pk", flat=True))
    rendered.clear()
    services.minutes_save(item=item, user=secretary.user, minutes="<p>Bara den här punkten</p>",
                          base_version=item.version)
    assert "Bara den här punkten" in page(member_client, meeting)
    assert rendered == [item.pk]
