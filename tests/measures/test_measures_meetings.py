"""The action plan at meetings: follow-ups since the previous meeting, measures on agenda items,
a follow-up reported at a meeting, a task (uppdrag) that becomes an activity."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import LogEntry
from measures.models import Activity, FollowUp
from measures.selectors import follow_ups_for_meeting
from meetings.models import AgendaItem, Decision, Meeting


def make_meeting(council, day, **extra):
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts,
                                  ends_at=starts + datetime.timedelta(hours=2), **extra)


def follow(measure, day, note, **extra):
    return FollowUp.objects.create(measure=measure, date=day, status="gul", note=note, **extra)


@pytest.fixture
def spring(council):
    return make_meeting(council, datetime.date(2025, 3, 14), status=Meeting.Status.HELD)


@pytest.fixture
def autumn(council, spring):
    meeting = make_meeting(council, datetime.date(2025, 9, 19))
    AgendaItem.objects.create(meeting=meeting, number=1, position=1, title="Lokal lägesbild")
    AgendaItem.objects.create(meeting=meeting, number=2, position=2,
                              title="Återrapportering från arbetsgrupper/uppföljning av prioriteringar",
                              reports_follow_ups=True)
    return meeting


def test_follow_ups_since_the_previous_meeting(autumn, spring, police_measure, municipal_measure, other_council):
    follow(police_measure, datetime.date(2025, 3, 14), "samma dag som förra mötet")
    inside = follow(police_measure, datetime.date(2025, 3, 15), "dagen efter förra mötet")
    last = follow(municipal_measure, datetime.date(2025, 9, 19), "mötesdagen")
    follow(municipal_measure, datetime.date(2025, 9, 20), "efter mötet")
    assert list(follow_ups_for_meeting(autumn)) == [last, inside]
    assert follow_ups_for_meeting(autumn)[0].previous_day == datetime.date(2025, 3, 14)


def test_cancelled_meetings_and_other_bodies_do_not_count_as_previous(council, autumn, spring, forum,
                                                                      police_measure):
    make_meeting(council, datetime.date(2025, 6, 1), status=Meeting.Status.CANCELLED)
    make_meeting(council, datetime.date(2025, 7, 1), forum=forum)
    may = follow(police_measure, datetime.date(2025, 5, 1), "i maj")
    assert list(follow_ups_for_meeting(autumn)) == [may]


def test_follow_up_named_for_the_meeting_shows_even_when_older(autumn, police_measure):
    old = follow(police_measure, datetime.date(2024, 1, 10), "gammal men rapporterad nu", meeting=autumn)
    follow(police_measure, datetime.date(2024, 1, 11), "gammal")
    assert list(follow_ups_for_meeting(autumn)) == [old]


def test_first_meeting_shows_everything_up_to_its_day(spring, police_measure):
    early = follow(police_measure, datetime.date(2020, 1, 1), "tidigt")
    assert list(follow_ups_for_meeting(spring)) == [early]


def test_meeting_page_shows_follow_ups_under_the_aterrapportering_item(member_client, autumn, spring,
                                                                       police_measure):
    follow(police_measure, datetime.date(2025, 5, 2), "Arbetsgruppen har träffats två gånger.")
    page = member_client.get(reverse("meetings:meeting_detail", args=[autumn.pk])).content.decode()
    assert "Uppföljning av åtgärdsplanen" in page
    assert "sedan föregående möte 2025-03-14" in page
    assert page.index("Återrapportering från arbetsgrupper") < page.index("Arbetsgruppen har träffats två gånger.")
    assert page.index("Lokal lägesbild") < page.index("Uppföljning av åtgärdsplanen")


def test_meeting_page_lists_the_measures_an_item_reports_on(member_client, autumn, police_measure):
    item = autumn.items.get(number=1)
    police_measure.agenda_items.add(item)
    page = member_client.get(reverse("meetings:meeting_detail", args=[autumn.pk])).content.decode()
    assert "Åtgärder som punkten tar upp:" in page
    assert police_measure.get_absolute_url() in page
    measure_page = member_client.get(police_measure.get_absolute_url()).content.decode()
    assert "Tagits upp på möten" in measure_page
    assert f"#item-{item.pk}" in measure_page


def test_member_reports_a_follow_up_at_a_meeting(member_client, autumn, police_measure):
    data = {"date": "2025-09-19", "status": "gron", "kind": "process", "note": "Rapporterat på mötet.",
            "meeting": autumn.pk}
    response = member_client.post(reverse("measures:follow_up_add", args=[police_measure.pk]), data)
    assert response.status_code == 302
    assert FollowUp.objects.get().meeting == autumn
    assert "Rapporterad vid" in member_client.get(police_measure.get_absolute_url()).content.decode()


def test_follow_up_cannot_name_another_councils_meeting(member_client, other_council, police_measure):
    foreign = make_meeting(other_council, datetime.date(2025, 1, 10))
    data = {"date": "2025-01-10", "status": "gron", "kind": "process", "note": "x", "meeting": foreign.pk}
    response = member_client.post(reverse("measures:follow_up_add", args=[police_measure.pk]), data)
    assert response.status_code == 400
    assert not FollowUp.objects.exists()


def test_deleting_a_meeting_keeps_its_follow_ups(autumn, police_measure):
    follow_up = follow(police_measure, datetime.date(2025, 9, 1), "x", meeting=autumn)
    autumn.items.all().delete()
    autumn.delete()
    follow_up.refresh_from_db()
    assert follow_up.meeting is None


@pytest.fixture
def task(autumn, member):
    item = autumn.items.get(number=2)
    return Decision.objects.create(agenda_item=item, kind=Decision.Kind.TASK, responsible=member,
                                   text="Ta fram en rutin för avvisning", due_date=datetime.date(2025, 12, 1))


def test_coordinator_turns_a_task_into_an_activity(coordinator_client, task, police_measure):
    url = reverse("measures:decision_activity", args=[task.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Ta fram en rutin för avvisning (ansvarig: Sara" in page
    response = coordinator_client.post(url, {"measure": police_measure.pk, "text": "Ta fram en rutin för avvisning"})
    assert response.status_code == 302
    activity = police_measure.activities.get(decision=task)
    assert activity.position == 1
    assert LogEntry.objects.filter(action="measures.activity.from_decision").exists()
    again = coordinator_client.post(url, {"measure": police_measure.pk, "text": "igen"})
    assert again.status_code == 302
    assert Activity.objects.filter(decision=task).count() == 1


def test_meeting_page_offers_the_coordinator_to_turn_tasks_into_activities(coordinator_client, member_client, task):
    url = reverse("measures:decision_activity", args=[task.pk])
    assert url in coordinator_client.get(reverse("meetings:meeting_detail", args=[task.agenda_item.meeting_id])).content.decode()
    assert url not in member_client.get(reverse("meetings:meeting_detail", args=[task.agenda_item.meeting_id])).content.decode()


def test_meeting_page_hides_tasks_that_already_are_activities(coordinator_client, task, police_measure):
    url = reverse("measures:decision_activity", args=[task.pk])
    page_url = reverse("meetings:meeting_detail", args=[task.agenda_item.meeting_id])
    police_measure.agenda_items.add(task.agenda_item)
    Activity.objects.create(measure=police_measure, decision=task, text="Rutin", position=5)
    page = coordinator_client.get(page_url).content.decode()
    assert url not in page
    assert "Åtgärder som punkten tar upp:" in page


def test_member_cannot_turn_a_task_into_an_activity(member_client, task, police_measure):
    url = reverse("measures:decision_activity", args=[task.pk])
    assert member_client.post(url, {"measure": police_measure.pk, "text": "x"}).status_code == 403
    assert not Activity.objects.filter(decision=task).exists()


def test_outsider_cannot_turn_a_task_into_an_activity(outsider_client, task):
    assert outsider_client.get(reverse("measures:decision_activity", args=[task.pk])).status_code == 404


def test_a_plain_decision_is_not_a_task(coordinator_client, autumn):
    decision = Decision.objects.create(agenda_item=autumn.items.first(), kind=Decision.Kind.DECISION, text="Beslut")
    assert coordinator_client.get(reverse("measures:decision_activity", args=[decision.pk])).status_code == 404


def test_task_cannot_go_to_another_councils_measure(coordinator_client, task, other_council):
    from measures.models import Measure

    foreign = Measure.objects.create(council=other_council, title="Främmande")
    response = coordinator_client.post(reverse("measures:decision_activity", args=[task.pk]),
                                       {"measure": foreign.pk, "text": "x"})
    assert response.status_code == 200
    assert not Activity.objects.filter(decision=task).exists()


def test_measure_page_query_count_with_meetings_is_constant(member_client, autumn, police_measure,
                                                            django_assert_max_num_queries):
    item = autumn.items.first()
    police_measure.agenda_items.add(item)
    follow(police_measure, datetime.date(2025, 5, 1), "a", meeting=autumn)
    url = police_measure.get_absolute_url()
    with django_assert_max_num_queries(40) as few:
        member_client.get(url)
    for n in range(10):
        later = make_meeting(autumn.council, datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
        police_measure.agenda_items.add(AgendaItem.objects.create(meeting=later, title=f"Punkt {n}"))
        follow(police_measure, datetime.date(2025, 6, 1), f"b{n}", meeting=later)
    with django_assert_max_num_queries(len(few.captured_queries)):
        member_client.get(url)


def test_a_task_made_an_activity_survives_editing_the_measure(coordinator_client, coordinator, task, police_measure):
    from measures import services

    services.task_to_activity(decision=task, measure=police_measure, text="Rutin för avvisning", user=coordinator.user)
    services.activities_set(measure=police_measure, lines=["Ny egen aktivitet"])
    assert [(a.text, a.decision_id) for a in police_measure.activities.order_by("position")] == [
        ("Ny egen aktivitet", None), ("Rutin för avvisning", task.pk)]


def test_a_task_becomes_an_activity_only_once_and_the_second_try_changes_nothing(coordinator, task, police_measure):
    from django.core.exceptions import ValidationError

    from measures import services

    services.task_to_activity(decision=task, measure=police_measure, text="Rutin", user=coordinator.user)
    with pytest.raises(ValidationError):
        services.task_to_activity(decision=task, measure=police_measure, text="Igen", user=coordinator.user)
    assert list(Activity.objects.filter(decision=task).values_list("text", flat=True)) == ["Rutin"]


def test_follow_ups_show_under_the_item_marked_for_aterrapportering_whatever_its_title(member_client, autumn, spring,
                                                                                      police_measure):
    follow(police_measure, datetime.date(2025, 5, 2), "Arbetsgruppen har träffats två gånger.")
    autumn.items.update(reports_follow_ups=False)
    autumn.items.filter(number=1).update(reports_follow_ups=True)
    page = member_client.get(reverse("meetings:meeting_detail", args=[autumn.pk])).content.decode()
    assert page.index("Lokal lägesbild") < page.index("Arbetsgruppen har träffats två gånger.") < page.index(
        "Återrapportering från arbetsgrupper")


def test_a_new_meeting_marks_the_aterrapportering_item_of_the_default_agenda(coordinator, council):
    from meetings.services import meeting_create

    starts = timezone.make_aware(datetime.datetime(2026, 2, 1, 9))
    meeting = meeting_create(council=council, user=coordinator.user, data={
        "title": "Lokala brå", "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2),
        "place": "Rådhuset"})
    assert [i.number for i in meeting.items.filter(reports_follow_ups=True)] == [3]
