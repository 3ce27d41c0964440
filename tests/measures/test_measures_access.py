import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from councils.models import LogEntry
from measures.access import get_agreement_for, get_measure_for
from measures.models import Comment, FollowUp

FOLLOW_UP = {"date": "2025-06-01", "status": "gron", "kind": "produktion", "note": "Två tillsynspass genomförda."}


def test_coordinator_may_edit_any_measure(coordinator, police_measure):
    assert get_measure_for(coordinator.user, police_measure.pk, write=True) == police_measure


def test_member_may_read_but_not_edit_a_measure(member, police_measure):
    assert get_measure_for(member.user, police_measure.pk) == police_measure
    with pytest.raises(PermissionDenied):
        get_measure_for(member.user, police_measure.pk, write=True)


def test_member_whose_organisation_is_responsible_may_follow_up(member, police_measure):
    assert get_measure_for(member.user, police_measure.pk, follow_up=True) == police_measure


def test_member_named_responsible_may_follow_up(member, municipal_measure):
    municipal_measure.responsible_people.add(member)
    assert get_measure_for(member.user, municipal_measure.pk, follow_up=True) == municipal_measure


def test_member_not_responsible_may_not_follow_up(member, municipal_measure):
    with pytest.raises(PermissionDenied):
        get_measure_for(member.user, municipal_measure.pk, follow_up=True)


def test_outsider_cannot_see_measure(outsider, police_measure):
    with pytest.raises(Http404):
        get_measure_for(outsider.user, police_measure.pk)


def test_outsider_cannot_see_agreement(outsider, agreement):
    with pytest.raises(Http404):
        get_agreement_for(outsider.user, agreement.pk)


# Views


def test_outsider_gets_404_on_every_plan_page(outsider_client, agreement, police_measure, place, council):
    urls = [
        reverse("measures:agreement_plan", args=[agreement.pk]),
        reverse("measures:agreement_plan_pdf", args=[agreement.pk]),
        reverse("measures:agreement_plan_csv", args=[agreement.pk]),
        reverse("measures:agreement_plan_import", args=[agreement.pk]),
        reverse("measures:measure_detail", args=[police_measure.pk]),
        reverse("measures:measure_edit", args=[police_measure.pk]),
        reverse("measures:place_detail", args=[place.pk]),
        reverse("measures:council_measures", args=[council.pk]),
        reverse("measures:my_measures", args=[council.pk]),
        reverse("measures:stale_measures", args=[council.pk]),
    ]
    for url in urls:
        assert outsider_client.get(url).status_code == 404, url


def test_member_gets_403_on_coordinator_pages(member_client, agreement, police_measure, council, area):
    urls = [
        reverse("measures:measure_edit", args=[police_measure.pk]),
        reverse("measures:measure_create", args=[council.pk]),
        reverse("measures:agreement_plan_import", args=[agreement.pk]),
        reverse("measures:agreement_edit", args=[agreement.pk]),
        reverse("measures:agreement_create", args=[council.pk]),
        reverse("measures:area_create", args=[agreement.pk]),
        reverse("measures:area_edit", args=[area.pk]),
        reverse("measures:place_create", args=[council.pk]),
        reverse("measures:stale_measures", args=[council.pk]),
    ]
    for url in urls:
        assert member_client.get(url).status_code == 403, url


def test_responsible_member_adds_a_follow_up(member_client, member, police_measure):
    response = member_client.post(reverse("measures:follow_up_add", args=[police_measure.pk]), FOLLOW_UP)
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.author, follow_up.status, follow_up.date) == (member, "gron", datetime.date(2025, 6, 1))
    police_measure.refresh_from_db()
    assert police_measure.follow_up_due == datetime.date(2025, 9, 1)
    assert LogEntry.objects.filter(action="measures.followup.added").exists()


def test_member_not_responsible_cannot_add_a_follow_up(member_client, municipal_measure):
    response = member_client.post(reverse("measures:follow_up_add", args=[municipal_measure.pk]), FOLLOW_UP)
    assert response.status_code == 403
    assert not FollowUp.objects.exists()


def test_outsider_cannot_add_a_follow_up(outsider_client, police_measure):
    response = outsider_client.post(reverse("measures:follow_up_add", args=[police_measure.pk]), FOLLOW_UP)
    assert response.status_code == 404
    assert not FollowUp.objects.exists()


def test_coordinator_adds_a_follow_up_to_any_measure(coordinator_client, municipal_measure):
    data = {**FOLLOW_UP, "next_due": "2025-07-01"}
    response = coordinator_client.post(reverse("measures:follow_up_add", args=[municipal_measure.pk]), data)
    assert response.status_code == 302
    municipal_measure.refresh_from_db()
    assert municipal_measure.follow_up_due == datetime.date(2025, 7, 1)


def test_follow_up_in_the_future_is_refused_with_a_message(member_client, police_measure):
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = member_client.post(reverse("measures:follow_up_add", args=[police_measure.pk]),
                                  {**FOLLOW_UP, "date": future})
    assert response.status_code == 400
    assert "En uppföljning kan inte dateras i framtiden." in response.content.decode()
    assert not FollowUp.objects.exists()


def test_follow_up_needs_post(member_client, police_measure):
    assert member_client.get(reverse("measures:follow_up_add", args=[police_measure.pk])).status_code == 405


def test_member_comments_on_a_measure_she_is_not_responsible_for(member_client, member, municipal_measure):
    response = member_client.post(reverse("measures:comment_add", args=[municipal_measure.pk]),
                                  {"text": "Polisen kan bidra här."})
    assert response.status_code == 302
    assert Comment.objects.get().author == member


def test_outsider_cannot_comment(outsider_client, police_measure):
    response = outsider_client.post(reverse("measures:comment_add", args=[police_measure.pk]), {"text": "Hej"})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_measure_page_shows_the_follow_up_form_only_to_those_who_may_use_it(
    member_client, police_measure, municipal_measure
):
    own = member_client.get(reverse("measures:measure_detail", args=[police_measure.pk])).content.decode()
    other = member_client.get(reverse("measures:measure_detail", args=[municipal_measure.pk])).content.decode()
    assert "Lägg till uppföljning" in own
    assert "Lägg till uppföljning" not in other
    assert "Kommentera" in other


def test_coordinator_edits_a_measure_and_its_activities(coordinator_client, police_measure, area):
    url = reverse("measures:measure_edit", args=[police_measure.pk])
    assert coordinator_client.get(url).status_code == 200
    data = {"kind": "plan", "priority_area": area.pk, "title": "Motverka påträngande tiggeri",
            "activities": "Första\n\nAndra\n", "position": 1}
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    assert [a.text for a in police_measure.activities.all()] == ["Första", "Andra"]


def test_coordinator_creates_a_place_based_problem(coordinator_client, council, place):
    data = {"kind": "problem", "place": place.pk, "title": "Whats.App grupp", "problem": "Ordningsstörningar",
            "participants": "Polis, fältassistenter", "convener": "Polis", "status_text": "Pågående",
            "position": 0}
    response = coordinator_client.post(reverse("measures:measure_create", args=[council.pk]), data)
    assert response.status_code == 302
    assert place.measures.get().convener == "Polis"


def test_place_based_work_without_place_gets_a_message(coordinator_client, council):
    data = {"kind": "problem", "title": "Whats.App grupp", "problem": "Ordningsstörningar", "position": 0}
    response = coordinator_client.post(reverse("measures:measure_create", args=[council.pk]), data)
    assert response.status_code == 200
    assert "Platssamverkan måste höra till en plats." in response.content.decode()


def test_coordinator_creates_an_agreement_and_bad_dates_get_a_message(coordinator_client, council):
    url = reverse("measures:agreement_create", args=[council.pk])
    bad = {"title": "Ny plan", "valid_from": "2026-01-01", "valid_to": "2025-12-31"}
    response = coordinator_client.post(url, bad)
    assert response.status_code == 200
    assert "Överenskommelsen kan inte sluta gälla innan den börjar gälla." in response.content.decode()
    response = coordinator_client.post(url, {**bad, "valid_to": "2027-12-31"})
    assert response.status_code == 302
