"""Autosave of minutes: version-checked, a stale save is refused with 409 and nothing is overwritten."""

from django.urls import reverse

from councils.models import LogEntry
from meetings.models import AgendaItem

JSON = {"HTTP_ACCEPT": "application/json"}


def save(client, item, text, version):
    return client.post(reverse("meetings:item_minutes_save", args=[item.pk]), {"minutes": text, "version": version}, **JSON)


def test_a_save_on_the_current_version_is_stored_and_bumps_the_version(coordinator_client, item):
    response = save(coordinator_client, item, "<p>Polisen informerade.</p>", item.version)
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == item.version + 1
    assert data["saved_at"]
    item.refresh_from_db()
    assert item.minutes == "<p>Polisen informerade.</p>"
    assert item.minutes_updated_by is not None


def test_a_save_on_a_stale_version_is_refused_and_overwrites_nothing(coordinator_client, secretary_client, item):
    assert save(coordinator_client, item, "<p>Första texten</p>", 1).status_code == 200
    response = save(secretary_client, item, "<p>Andra texten</p>", 1)
    assert response.status_code == 409
    assert response.json()["minutes"] == "<p>Första texten</p>"
    assert response.json()["version"] == 2
    item.refresh_from_db()
    assert item.minutes == "<p>Första texten</p>" and item.version == 2


def test_without_javascript_a_conflict_shows_both_texts(coordinator_client, secretary_client, item):
    save(coordinator_client, item, "<p>Första texten</p>", 1)
    response = secretary_client.post(reverse("meetings:item_minutes_save", args=[item.pk]),
                                     {"minutes": "<p>Andra texten</p>", "version": 1})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Första texten" in page and "Andra texten" in page
    assert "Inget är överskrivet" in page


def test_saved_minutes_are_sanitised(coordinator_client, item):
    save(coordinator_client, item, '<p onclick="x()">Text<script>alert(1)</script></p>', 1)
    item.refresh_from_db()
    assert item.minutes == "<p>Text</p>"


def test_a_save_without_version_is_a_bad_request(coordinator_client, item):
    response = coordinator_client.post(reverse("meetings:item_minutes_save", args=[item.pk]), {"minutes": "x"}, **JSON)
    assert response.status_code == 400


def test_member_cannot_save_minutes(member_client, item):
    assert save(member_client, item, "<p>Nej</p>", 1).status_code == 403
    assert AgendaItem.objects.get(pk=item.pk).minutes == ""


def test_outsider_cannot_save_minutes(outsider_client, item):
    assert save(outsider_client, item, "<p>Nej</p>", 1).status_code == 404


def test_autosave_only_accepts_post(coordinator_client, item):
    assert coordinator_client.get(reverse("meetings:item_minutes_save", args=[item.pk])).status_code == 405


def test_repeated_autosaves_by_the_same_writer_leave_one_audit_entry(coordinator_client, item):
    for version in (1, 2, 3):
        assert save(coordinator_client, item, f"<p>v{version}</p>", version).status_code == 200
    assert LogEntry.objects.filter(action="meetings.minutes.saved").count() == 1


def test_an_autosave_round_trip_takes_a_handful_of_queries(coordinator_client, item, django_assert_max_num_queries):
    save(coordinator_client, item, "<p>uppvärmning</p>", 1)
    with django_assert_max_num_queries(9):  # 8 + the protocol lock check (meetings/protocol_models.py)
        assert save(coordinator_client, item, "<p>Mer text</p>", 2).status_code == 200


def test_the_saved_time_is_written_as_lobra_writes_times(coordinator_client, item):
    saved_at = save(coordinator_client, item, "<p>Text</p>", 1).json()["saved_at"]
    assert len(saved_at) == 5 and saved_at[2] == "."


def test_minutes_over_the_stated_size_are_refused_with_a_message_and_nothing_changes(coordinator_client, item):
    from meetings.sanitize import MINUTES_MAX_LENGTH

    save(coordinator_client, item, "<p>Kort text</p>", 1)
    response = save(coordinator_client, item, "<p>" + "ord " * (MINUTES_MAX_LENGTH // 4) + "</p>", 2)
    assert response.status_code == 413
    assert "Texten är för lång för en punkt (högst 200 000 tecken" in response.json()["error"]
    assert "finns kvar i webbläsaren" in response.json()["error"]
    item.refresh_from_db()
    assert item.minutes == "<p>Kort text</p>" and item.version == 2


def test_a_body_over_djangos_upload_limit_gets_the_same_message(coordinator_client, item):
    response = save(coordinator_client, item, "<p>" + "x" * 3_000_000 + "</p>", 1)
    assert response.status_code == 413
    assert "Texten är för lång" in response.json()["error"]
    item.refresh_from_db()
    assert item.minutes == "" and item.version == 1


def test_without_javascript_too_long_minutes_come_back_with_the_message(coordinator_client, item):
    response = coordinator_client.post(reverse("meetings:item_minutes_save", args=[item.pk]),
                                       {"minutes": "<p>" + "ord " * 60_000 + "</p>", "version": 1}, follow=True)
    assert "Texten är för lång" in response.content.decode()
    item.refresh_from_db()
    assert item.minutes == ""
