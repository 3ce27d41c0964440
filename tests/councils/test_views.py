import datetime

import pytest
from django.urls import reverse

from councils.models import LogEntry, Membership, Organisation, Person

D = datetime.date


@pytest.fixture
def council_url(council):
    return reverse("councils:council_detail", args=[council.pk])


def test_login_page_is_swedish(client):
    response = client.get(reverse("login"))
    assert "Logga in i Lobra" in response.content.decode()


def test_anonymous_user_is_sent_to_login(client, council_url):
    response = client.get(council_url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_overview_lists_only_my_councils(member_client, council, other_council):
    body = member_client.get(reverse("councils:council_list")).content.decode()
    assert council.name in body
    assert other_council.name not in body


def test_council_page_groups_members_by_organisation(member_client, council_url, member, coordinator, police):
    body = member_client.get(council_url).content.decode()
    assert police.name in body
    assert member.full_name in body and coordinator.full_name in body
    assert "Kommunpolis" in body


def test_council_page_shows_forum_tree(member_client, council_url, forum):
    from councils.models import Forum

    Forum.objects.create(council=forum.council, name="YOLO", parent=forum, kind="program")
    body = member_client.get(council_url).content.decode()
    assert body.index("Tryggare centrum") < body.index("YOLO")


def test_outsider_cannot_see_council(outsider_client, council_url):
    assert outsider_client.get(council_url).status_code == 404


def test_member_sees_no_management_buttons(member_client, council_url, council):
    body = member_client.get(council_url).content.decode()
    assert reverse("councils:person_create", args=[council.pk]) not in body


def test_coordinator_adds_person_with_role(coordinator_client, council, forum):
    organisation = Organisation.objects.create(name="Räddningstjänsten Test", kind="raddningstjanst")
    response = coordinator_client.post(
        reverse("councils:person_create", args=[council.pk]),
        {"first_name": "Henrik", "last_name": "Dahl", "title": "Brandmästare", "organisation": organisation.pk,
         "email": "henrik@example.se", "phone": "08-1", "forum": forum.pk, "role": "ledamot",
         "valid_from": "2025-02-01"},
    )
    assert response.status_code == 302
    person = Person.objects.get(last_name="Dahl")
    membership = person.memberships.get()
    assert (membership.forum, membership.role, membership.valid_from) == (forum, "ledamot", D(2025, 2, 1))
    assert LogEntry.objects.filter(council=council, action="councils.person.created").exists()


def test_invalid_email_gets_swedish_message_and_saves_nothing(coordinator_client, council):
    before = Person.objects.count()
    response = coordinator_client.post(
        reverse("councils:person_create", args=[council.pk]),
        {"first_name": "A", "last_name": "B", "organisation": council.organisation.pk, "email": "inte-en-adress",
         "role": "ledamot", "valid_from": "2025-02-01"},
    )
    assert response.status_code == 200
    assert "Ange en giltig e-postadress" in response.content.decode()
    assert Person.objects.count() == before


def test_member_cannot_add_person(member_client, council):
    assert member_client.get(reverse("councils:person_create", args=[council.pk])).status_code == 403


def test_outsider_cannot_add_person(outsider_client, council):
    assert outsider_client.get(reverse("councils:person_create", args=[council.pk])).status_code == 404


def test_coordinator_gives_existing_person_a_forum_role(coordinator_client, council, forum, member):
    response = coordinator_client.post(
        reverse("councils:membership_create", args=[council.pk]),
        {"person": member.pk, "forum": forum.pk, "role": "sekreterare", "valid_from": "2025-03-01"},
    )
    assert response.status_code == 302
    assert member.memberships.filter(forum=forum, role="sekreterare").exists()


def test_duplicate_active_membership_gets_clear_message(coordinator_client, council, member):
    before = Membership.objects.count()
    response = coordinator_client.post(
        reverse("councils:membership_create", args=[council.pk]),
        {"person": member.pk, "forum": "", "role": "ledamot", "valid_from": "2025-03-01"},
    )
    assert response.status_code == 200
    assert "har redan rollen ledamot" in response.content.decode()
    assert Membership.objects.count() == before


def test_membership_ending_before_start_gets_clear_message(coordinator_client, council, member):
    membership = member.memberships.get()
    response = coordinator_client.post(
        reverse("councils:membership_end", args=[membership.pk]), {"valid_to": "2020-01-01"}
    )
    assert response.status_code == 200
    assert "kan inte vara före startdatum 2024-01-01" in response.content.decode()
    membership.refresh_from_db()
    assert membership.valid_to is None


def test_coordinator_ends_membership_and_history_stays(coordinator_client, council, member, council_url):
    membership = member.memberships.get()
    response = coordinator_client.post(
        reverse("councils:membership_end", args=[membership.pk]), {"valid_to": "2024-06-30"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.valid_to == D(2024, 6, 30)
    body = coordinator_client.get(council_url).content.decode()
    assert "Tidigare medlemmar" in body and "2024-01-01 – 2024-06-30" in body


def test_member_cannot_end_membership(member_client, coordinator):
    membership = coordinator.memberships.get()
    assert member_client.post(reverse("councils:membership_end", args=[membership.pk]),
                              {"valid_to": "2024-06-30"}).status_code == 403
    membership.refresh_from_db()
    assert membership.valid_to is None


def test_outsider_cannot_end_membership(outsider_client, member):
    membership = member.memberships.get()
    assert outsider_client.post(reverse("councils:membership_end", args=[membership.pk]),
                                {"valid_to": "2024-06-30"}).status_code == 404


def test_coordinator_edits_person(coordinator_client, member):
    response = coordinator_client.post(
        reverse("councils:person_edit", args=[member.pk]),
        {"first_name": "Sara", "last_name": "Holm", "title": "Lokalpolisområdeschef",
         "organisation": member.organisation.pk, "email": "sara@example.se", "phone": ""},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.title == "Lokalpolisområdeschef"


def test_member_cannot_edit_person(member_client, coordinator):
    assert member_client.get(reverse("councils:person_edit", args=[coordinator.pk])).status_code == 403


def test_outsider_cannot_see_person(outsider_client, member):
    assert outsider_client.get(reverse("councils:person_detail", args=[member.pk])).status_code == 404


def test_member_sees_colleague(member_client, coordinator):
    assert coordinator.email in member_client.get(reverse("councils:person_detail", args=[coordinator.pk])).content.decode()


def test_coordinator_creates_forum_under_parent(coordinator_client, council, forum):
    response = coordinator_client.post(
        reverse("councils:forum_create", args=[council.pk]),
        {"name": "RoS", "kind": "program", "parent": forum.pk, "position": 1},
    )
    assert response.status_code == 302
    assert forum.children.get().name == "RoS"


def test_member_cannot_create_forum(member_client, council):
    assert member_client.get(reverse("councils:forum_create", args=[council.pk])).status_code == 403


def test_deleting_organisation_with_people_is_refused_with_message(coordinator_client, member, police):
    response = coordinator_client.post(reverse("councils:organisation_delete", args=[police.pk]), follow=True)
    assert "kan inte tas bort eftersom personer" in response.content.decode()
    assert Organisation.objects.filter(pk=police.pk).exists()


def test_unused_organisation_can_be_deleted(coordinator_client):
    unused = Organisation.objects.create(name="Nedlagd förening")
    coordinator_client.post(reverse("councils:organisation_delete", args=[unused.pk]))
    assert not Organisation.objects.filter(pk=unused.pk).exists()


def test_member_cannot_manage_organisations(member_client, police):
    assert member_client.post(reverse("councils:organisation_delete", args=[police.pk])).status_code == 403
    assert Organisation.objects.filter(pk=police.pk).exists()


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_council_page_query_count_does_not_grow_with_members(member_client, council_url, council, make_person, forum):
    count_queries(member_client, council_url)  # warm-up: session and per-request caches
    few = count_queries(member_client, council_url)
    for _ in range(30):
        person = make_person()
        Membership.objects.create(person=person, council=council, valid_from=D(2024, 1, 1))
        Membership.objects.create(person=person, council=council, forum=forum, valid_from=D(2024, 1, 1),
                                  valid_to=D(2024, 6, 1))
    assert count_queries(member_client, council_url) == few


def test_date_in_another_format_gets_swedish_message_and_changes_nothing(coordinator_client, member):
    membership = member.memberships.get()
    response = coordinator_client.post(reverse("councils:membership_end", args=[membership.pk]),
                                       {"valid_to": "11/22/2026"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Skriv datumet som ÅÅÅÅ-MM-DD" in body and 'placeholder="ÅÅÅÅ-MM-DD"' in body
    membership.refresh_from_db()
    assert membership.valid_to is None


def test_council_page_gathers_the_meetings_and_measures_panels_in_its_view(coordinator_client, council):
    from django.urls import reverse

    response = coordinator_client.get(reverse("councils:council_detail", args=[council.pk]))
    templates = [template for template, _panel in response.context["panels"]]
    assert templates == ["meetings/_council_panel.html", "measures/_council_panel.html"]
    assert response.context["panels"][0][1]["can_write"] is True


def test_a_member_switches_the_interface_to_english_on_the_settings_page(member_client):
    from django.urls import reverse

    page = member_client.get(reverse("councils:account_settings"))
    assert page.status_code == 200 and '<html lang="sv">' in page.content.decode()
    response = member_client.post(reverse("set_language"),
                                  {"language": "en", "next": reverse("councils:account_settings")})
    assert response.status_code == 302
    assert '<html lang="en">' in member_client.get(reverse("councils:account_settings")).content.decode()


def test_an_english_browser_still_gets_swedish_until_english_is_chosen(member_client, council):
    from django.urls import reverse

    url = reverse("councils:council_detail", args=[council.pk])
    assert "Att göra" in member_client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    member_client.post(reverse("set_language"), {"language": "en", "next": url})
    assert "To do" in member_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
