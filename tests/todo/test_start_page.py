"""The start page "Att göra": each entry, the empty state, a person without a council, the query count."""

import pytest
from django.urls import reverse

from councils.models import Council, Membership, Organisation
from meetings.models import AgendaItem

from ..conftest import START, logged_in
from .conftest import days

pytestmark = pytest.mark.django_db
URL = reverse("todo:start")


def page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_login_lands_on_att_gora(client, member):
    response = client.post(reverse("login"), {"username": "ledamot", "password": "test-lösenord-123"})
    assert response["Location"] == URL


def test_coordinator_is_asked_to_prepare_the_next_meeting(coordinator_client, make_meeting, member):
    meeting = make_meeting(day=days(10), notice_sent=False, called=[member])
    AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Information")
    body = page(coordinator_client)
    assert "Möten att förbereda" in body
    assert "Kallelsen är inte skickad" in body and "1 punkt saknar föredragande" in body
    assert reverse("meetings:meeting_notice", args=[meeting.pk]) in body


def test_a_prepared_meeting_is_not_an_entry(coordinator_client, make_meeting, chair):
    meeting = make_meeting(day=days(10), notice_sent=True)
    AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Information", presenter=chair)
    assert "Möten att förbereda" not in page(coordinator_client)


def test_members_are_not_asked_to_prepare_meetings(member_client, make_meeting):
    make_meeting(day=days(10), notice_sent=False)
    assert "Möten att förbereda" not in page(member_client)


def test_coordinator_sees_a_held_meeting_whose_protocol_is_not_sent(coordinator_client, make_meeting, council):
    meeting = make_meeting(day=days(-3), title="Höstmötet")
    body = page(coordinator_client)
    assert "Skicka protokollet från Höstmötet" in body
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in body
    assert days(council.justering_days - 3).isoformat() in body  # the deadline


def test_the_justering_deadline_follows_the_council_setting(coordinator_client, make_meeting, council):
    council.justering_days = 21
    council.save()
    make_meeting(day=days(-3), title="Höstmötet")
    assert days(18).isoformat() in page(coordinator_client)


def test_member_sees_own_and_organisation_measures_due_within_a_week(
    member_client, make_measure, member, police, coordinator
):
    make_measure("Trygghetsvandring i centrum", due=days(5), people=[member])
    make_measure("Polisens närvaro vid stationen", due=days(-2), organisations=[police])
    make_measure("Långt fram", due=days(30), people=[member])
    make_measure("Någon annans", due=days(1), people=[coordinator])
    body = page(member_client)
    assert "Trygghetsvandring i centrum" in body and "Polisens närvaro vid stationen" in body
    assert "Långt fram" not in body and "Någon annans" not in body
    assert "Försenad" in body


def test_member_sees_uppdrag_given_to_her(member_client, make_task, member, coordinator):
    task = make_task("Ta fram en lägesbild för stationen", responsible=member, due=days(6))
    make_task("Boka lokal", responsible=coordinator, due=days(6))
    body = page(member_client)
    assert "Ta fram en lägesbild för stationen" in body and "Boka lokal" not in body
    assert f"#item-{task.agenda_item_id}" in body


def test_member_sees_meetings_she_is_called_to_with_ics(member_client, make_meeting, member):
    called = make_meeting(day=days(12), title="Vintermötet", called=[member])
    make_meeting(day=days(14), title="Inte kallad")
    body = page(member_client)
    assert "Vintermötet" in body and "Inte kallad" not in body
    assert reverse("meetings:meeting_ics", args=[called.pk]) in body


def test_nothing_to_do_says_so(member_client):
    assert "Du har inget att göra just nu" in page(member_client)


def test_a_person_without_a_council_is_told_whom_to_contact(make_person, council, coordinator, settings):
    settings.SUPPORT_EMAIL = "lobra@teststad.se"
    former = make_person("tidigare")
    Membership.objects.create(person=former, council=council, role=Membership.Role.MEMBER,
                              valid_from=START, valid_to=days(-10))
    body = page(logged_in(former))
    assert "Du är inte med i något råd just nu" in body
    assert coordinator.full_name in body and coordinator.email in body
    assert "lobra@teststad.se" in body


def test_the_page_shows_only_the_persons_councils(member_client, make_meeting, other_council, make_person):
    stranger = make_person("granne")
    Membership.objects.create(person=stranger, council=other_council, role=Membership.Role.COORDINATOR)
    make_meeting(day=days(-2), title="Grannmötet", council=other_council)
    assert "Grannmötet" not in page(member_client)


def _add_history(person, councils, make_meeting, make_measure, make_task, rounds):
    for council in councils:
        for h in rounds:
            make_meeting(day=days(-3 - h), council=council, called=[person])
            make_meeting(day=days(5 + h), council=council, called=[person], notice_sent=False)
            make_measure(f"Åtgärd {council.pk}.{h}", due=days(h - 1), people=[person], council=council)
            make_task(f"Uppdrag {council.pk}.{h}", responsible=person, due=days(h + 1), council=council)


def test_the_page_for_a_person_in_five_councils_takes_the_same_queries_for_more_history(
    make_person, make_meeting, make_measure, make_task, django_assert_max_num_queries
):
    person = make_person("femrad")
    organisation = Organisation.objects.create(name="Femkommun", kind="kommun")
    councils = []
    for n in range(5):
        council = Council.objects.create(name=f"Råd {n}", organisation=organisation, valid_from=START)
        role = Membership.Role.COORDINATOR if n < 2 else Membership.Role.MEMBER
        Membership.objects.create(person=person, council=council, role=role, valid_from=START)
        councils.append(council)
    client = logged_in(person)
    _add_history(person, councils, make_meeting, make_measure, make_task, range(1))
    with django_assert_max_num_queries(20) as few:
        body = page(client)
    assert "Uppdrag till dig" in body and "Åtgärder att följa upp" in body and "Råd 4" in body
    _add_history(person, councils, make_meeting, make_measure, make_task, range(1, 4))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client)
