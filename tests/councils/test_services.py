"""Council services take data, validate it, and log the change in the same transaction."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from councils import services
from councils.models import LogEntry, Membership, Person


def test_person_create_adds_the_person_with_a_role_and_logs_it(council, coordinator):
    person = services.person_create(
        council=council, user=coordinator.user, forum=None, role=Membership.Role.MEMBER,
        valid_from=datetime.date(2026, 1, 1),
        person={"first_name": "Ny", "last_name": "Ledamot", "title": "Rektor",
                "organisation": council.organisation, "email": "ny@example.se", "phone": ""},
    )
    assert council.current_memberships().filter(person=person).exists()
    assert LogEntry.objects.filter(council=council, action="councils.person.created").exists()


def test_a_membership_that_ends_before_it_starts_is_refused_and_changes_nothing(council, coordinator, member):
    membership = member.memberships.get()
    with pytest.raises(ValidationError):
        services.membership_end(membership=membership, user=coordinator.user, valid_to=datetime.date(2000, 1, 1))
    membership.refresh_from_db()
    assert membership.valid_to is None
    assert not LogEntry.objects.filter(action="councils.membership.ended").exists()


def test_an_organisation_people_belong_to_cannot_be_deleted(council, coordinator):
    organisation = coordinator.organisation
    with pytest.raises(ValidationError, match="kan inte tas bort"):
        services.organisation_delete(user=coordinator.user, organisation=organisation)
    assert Person.objects.filter(organisation=organisation).exists()


def test_the_audit_log_stores_a_code_and_shows_its_label_in_the_readers_language(council, coordinator, member):
    from django.utils import translation

    services.membership_end(membership=member.memberships.get(), user=coordinator.user, valid_to=datetime.date.today())
    entry = LogEntry.objects.get(action="councils.membership.ended")
    with translation.override("en"):
        assert entry.action_label == "Role ended"
