"""The audit trail: coded entries written with the change, labels translated when shown, history on the pages,
admin edits included, and the old AuditEntry rows carried over."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from councils.history import history_for, label
from councils.models import LogEntry, Organisation, log_action


def test_a_known_code_is_shown_as_its_swedish_label_and_an_unknown_one_as_it_is():
    assert label("councils.organisation.changed") == "Organisation ändrad"
    assert label("protocols.version.sent") == "Skickade protokoll för justering"
    assert label("Något som en äldre version skrev") == "Något som en äldre version skrev"


def test_an_entry_refers_to_its_object_and_keeps_what_changed(council, coordinator):
    entry = log_action(council=council, user=coordinator.user, action="councils.person.changed", obj=coordinator,
                       data={"changed": {"title": ["Handläggare", "Samordnare"]}})
    assert (entry.content_type.model, entry.object_id, entry.council) == ("person", coordinator.pk, council)
    rows = history_for(coordinator)
    assert rows[0].label == "Person ändrad"
    assert rows[0].details == ["Titel: ”Handläggare” → ”Samordnare”"]


def test_an_entry_survives_its_council(council, coordinator):
    log_action(council=council, user=coordinator.user, action="councils.person.changed", obj=coordinator)
    council.memberships.all().delete()
    council.delete()
    assert LogEntry.objects.get().council is None


def test_person_page_shows_the_history_of_edits(coordinator_client, member):
    coordinator_client.post(reverse("councils:person_edit", args=[member.pk]), {
        "first_name": member.first_name, "last_name": member.last_name, "title": "Områdespolis",
        "organisation": member.organisation.pk, "email": member.email, "phone": ""})
    page = coordinator_client.get(reverse("councils:person_detail", args=[member.pk])).content.decode()
    assert "Historik" in page and "Person ändrad" in page and "”Kommunpolis” → ”Områdespolis”" in page


def test_person_history_leaves_out_other_councils_entries(member_client, member, other_council, outsider):
    log_action(council=other_council, user=outsider.user, action="councils.membership.created", obj=member,
               data={"body": "Grannstadens hemliga grupp"})
    page = member_client.get(reverse("councils:person_detail", args=[member.pk])).content.decode()
    assert "Grannstadens hemliga grupp" not in page


def test_a_failed_change_leaves_no_entry(coordinator_client, coordinator, council):
    # The organisation name is unique: the second save fails and its entry goes with it.
    Organisation.objects.create(name="Upptaget namn")
    own = Organisation.objects.create(name="Eget namn")
    from councils import services

    with pytest.raises(Exception):  # noqa: B017 (the database refuses; what matters is what is left)
        services.organisation_update(organisation=own, user=coordinator.user, data={"name": "Upptaget namn"})
    assert not LogEntry.objects.exists()


def test_an_admin_edit_is_in_the_history(db, police):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("admin:councils_organisation_change", args=[police.pk]),
                           {"name": "Polisen Region Stockholm", "short_name": "", "kind": "polis"})
    assert response.status_code == 302
    entry = LogEntry.objects.get(action="admin.changed")
    assert entry.user == admin and entry.object_id == police.pk
    assert history_for(police)[0].label == "Ändrad i administrationen"


@pytest.mark.django_db(transaction=True)
def test_the_old_audit_entries_are_carried_over_as_codes():
    executor = MigrationExecutor(connection)
    executor.migrate([("councils", "0003_add_logentry")])
    apps = executor.loader.project_state([("councils", "0003_add_logentry")]).apps
    Organisation_ = apps.get_model("councils", "Organisation")
    Council_ = apps.get_model("councils", "Council")
    AuditEntry = apps.get_model("councils", "AuditEntry")
    council = Council_.objects.create(name="Gamla rådet", valid_from=datetime.date(2020, 1, 1),
                                      organisation=Organisation_.objects.create(name="Gamla kommunen"))
    when = timezone.make_aware(datetime.datetime(2025, 3, 1, 10, 0))
    for action in ["Möte skapat", "12 åtgärder importerade", "Något helt eget"]:
        entry = AuditEntry.objects.create(council=council, action=action, object_repr="Lokala brå 2025-03-01")
        AuditEntry.objects.filter(pk=entry.pk).update(created_at=when)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = {entry.action: entry for entry in LogEntry.objects.all()}
    assert set(rows) == {"meetings.meeting.created", "measures.agreement.imported", "Något helt eget"}
    assert rows["measures.agreement.imported"].data == {"count": 12}
    assert all(e.council_id == council.pk and e.created_at == when and e.object_repr == "Lokala brå 2025-03-01"
               for e in rows.values())
    assert label(rows["meetings.meeting.created"].action) == "Möte skapat"
