"""The measure page and the plan are cached per council revision: a follow-up, a comment or an edit shows on
the next request, and a filter or a page of the plan never answers for another."""

import datetime

from django.urls import reverse

from measures import services
from measures.models import FollowUp


def get(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_a_follow_up_and_a_comment_show_on_the_measure_page_at_once(member_client, member, police_measure):
    url = police_measure.get_absolute_url()
    assert "Ingen uppföljning ännu." in get(member_client, url)  # now cached
    response = member_client.post(reverse("measures:follow_up_add", args=[police_measure.pk]), {
        "date": "2026-11-20", "status": "gron", "kind": "process", "note": "Trygghetsvandring genomförd."})
    assert response.status_code == 302
    services.comment_add(measure=police_measure, user=member.user, text="Bra jobbat med vandringen.")
    html = get(member_client, url)
    assert "Trygghetsvandring genomförd." in html and "Bra jobbat med vandringen." in html
    assert "Ingen uppföljning ännu." not in html


def test_the_follow_up_form_shows_only_to_those_who_may_follow_up(member_client, coordinator_client,
                                                                  municipal_measure):
    # The police member does not answer for the municipality's measure; the coordinator may follow up any.
    assert "Spara uppföljning" in get(coordinator_client, municipal_measure.get_absolute_url())
    assert "Spara uppföljning" not in get(member_client, municipal_measure.get_absolute_url())


def test_the_plan_shows_a_new_status_at_once_and_keeps_filters_apart(member_client, member, agreement,
                                                                     police_measure, municipal_measure):
    url = reverse("measures:agreement_plan", args=[agreement.pk])
    get(member_client, url)
    only_police = get(member_client, url, {"q": "tiggeri"})
    assert police_measure.title in only_police and municipal_measure.title not in only_police
    everything = get(member_client, url)
    assert police_measure.title in everything and municipal_measure.title in everything
    services.follow_up_add(measure=municipal_measure, user=member.user, fields={
        "date": datetime.date(2026, 11, 20), "status": FollowUp.Status.RED, "kind": FollowUp.Kind.PROCESS,
        "note": "Försenat."})
    html = get(member_client, url)
    row = html[html.index(municipal_measure.title):]
    assert "Röd" in row[:3000]
