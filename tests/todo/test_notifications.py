"""In-app notifications: the count in the menu, the list, marked read when opened; only one's own."""

import pytest
from django.urls import reverse

from todo.models import Notification, ReminderKind
from todo.reminders import reminders_send

from .conftest import days

pytestmark = pytest.mark.django_db


def _notify(person, council, text="Protokoll att justera", url="/meetings/1/"):
    return Notification.objects.create(user=person.user, council=council, kind=ReminderKind.JUSTERING_REQUESTED,
                                       text=text, url=url)


def test_the_menu_counts_unread_notifications(member_client, member, council):
    _notify(member, council)
    _notify(member, council)
    body = member_client.get(reverse("todo:start")).content.decode()
    assert '2<span class="visually-hidden"> olästa</span>' in body


def test_the_list_shows_the_users_notifications(member_client, member, coordinator, council):
    _notify(member, council, text="Till Sara")
    _notify(coordinator, council, text="Till Karin")
    body = member_client.get(reverse("todo:notification_list")).content.decode()
    assert "Till Sara" in body and "Till Karin" not in body


def test_opening_a_notification_marks_it_read_and_goes_to_its_object(member_client, member, council):
    notification = _notify(member, council, url="/meetings/7/")
    response = member_client.get(notification.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == "/meetings/7/"
    notification.refresh_from_db()
    assert notification.is_read
    body = member_client.get(reverse("todo:start")).content.decode()
    assert "olästa" not in body


def test_someone_elses_notification_is_404(outsider_client, member, council):
    notification = _notify(member, council)
    assert outsider_client.get(notification.get_absolute_url()).status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_anonymous_cannot_see_notifications(client, member, council):
    notification = _notify(member, council)
    for url in (reverse("todo:notification_list"), notification.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_a_notification_never_leads_off_site(member_client, member, council):
    notification = _notify(member, council, url="https://evil.example/")
    assert member_client.get(notification.get_absolute_url())["Location"] == reverse("todo:notification_list")


def test_mark_all_read(member_client, member, council):
    _notify(member, council)
    _notify(member, council)
    member_client.post(reverse("todo:notifications_read"))
    assert not Notification.objects.unread().exists()


def test_a_reminder_becomes_a_notification_that_links_to_the_measure(member_client, make_measure, member):
    measure = make_measure("Trygghetsvandring", due=days(2), people=[member])
    reminders_send()
    notification = Notification.objects.get()
    assert member_client.get(notification.get_absolute_url())["Location"] == measure.get_absolute_url()
