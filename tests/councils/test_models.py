import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from councils.models import Council, Forum, Membership, Organisation

D = datetime.date


def test_membership_that_ends_before_it_starts_is_refused_by_the_database(council, make_person):
    person = make_person()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=person, council=council, valid_from=D(2025, 5, 1), valid_to=D(2025, 4, 1))


def test_membership_that_ends_before_it_starts_gets_swedish_message(council, make_person):
    membership = Membership(person=make_person(), council=council, valid_from=D(2025, 5, 1), valid_to=D(2025, 4, 1))
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "kan inte sluta innan det börjar" in str(error.value)


def test_two_open_memberships_with_same_role_are_refused_by_the_database(council, make_person):
    person = make_person()
    Membership.objects.create(person=person, council=council, role="ledamot", valid_from=D(2024, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=person, council=council, role="ledamot", valid_from=D(2025, 1, 1))


def test_overlapping_closed_period_is_refused_in_validation(council, make_person):
    person = make_person()
    Membership.objects.create(person=person, council=council, role="ledamot", valid_from=D(2024, 1, 1),
                              valid_to=D(2024, 12, 31))
    overlapping = Membership(person=person, council=council, role="ledamot", valid_from=D(2024, 6, 1),
                             valid_to=D(2025, 6, 1))
    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()
    assert "har redan rollen ledamot" in str(error.value)


def test_a_new_period_after_an_ended_one_is_allowed(council, make_person):
    person = make_person()
    Membership.objects.create(person=person, council=council, role="ledamot", valid_from=D(2024, 1, 1),
                              valid_to=D(2024, 12, 31))
    again = Membership(person=person, council=council, role="ledamot", valid_from=D(2025, 1, 1))
    again.full_clean()
    again.save()
    assert person.memberships.count() == 2


def test_same_person_may_hold_the_role_in_council_and_in_forum(council, forum, make_person):
    person = make_person()
    Membership.objects.create(person=person, council=council, role="ledamot", valid_from=D(2024, 1, 1))
    in_forum = Membership(person=person, council=council, forum=forum, role="ledamot", valid_from=D(2024, 1, 1))
    in_forum.full_clean()
    in_forum.save()


def test_two_open_forum_memberships_with_same_role_are_refused_by_the_database(council, forum, make_person):
    person = make_person()
    Membership.objects.create(person=person, council=council, forum=forum, role="ledamot", valid_from=D(2024, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=person, council=council, forum=forum, role="ledamot",
                                  valid_from=D(2025, 1, 1))


def test_forum_of_another_council_is_refused(council, other_council, make_person):
    foreign = Forum.objects.create(council=other_council, name="Annat forum")
    membership = Membership(person=make_person(), council=council, forum=foreign, valid_from=D(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "hör inte till det här rådet" in str(error.value)


def test_ending_a_membership_keeps_it_as_history(council, make_person):
    membership = Membership.objects.create(person=make_person(), council=council, valid_from=D(2024, 1, 1))
    membership.end(D(2024, 6, 30))
    assert list(council.past_memberships()) == [membership]
    assert list(council.current_memberships()) == []


def test_council_validity_must_not_end_before_it_starts(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Council.objects.filter(pk=council.pk).update(valid_to=D(2000, 1, 1))


def test_merged_council_points_to_its_successor(council, other_council):
    council.successor = other_council
    council.valid_to = D(2024, 12, 31)
    council.save()
    assert list(other_council.predecessors.all()) == [council]


def test_organisation_with_people_cannot_be_deleted(make_person):
    person = make_person()
    with pytest.raises(ProtectedError):
        person.organisation.delete()
    assert Organisation.objects.filter(pk=person.organisation_id).exists()


def test_forum_cannot_be_its_own_ancestor(forum):
    child = Forum.objects.create(council=forum.council, name="Barnforum", parent=forum)
    forum.parent = child
    with pytest.raises(ValidationError):
        forum.full_clean()


def test_roles_decide_what_a_user_may_do(council, coordinator, secretary, member, outsider):
    assert council.has_perm(coordinator.user, "council.manage")
    assert not council.has_perm(secretary.user, "council.manage")
    assert council.has_perm(secretary.user, "meetings.write")
    assert not council.has_perm(member.user, "meetings.write")
    assert council.perms_of(member.user) == frozenset()
    assert council.is_member(member.user)
    assert not council.is_member(outsider.user)
    assert not council.has_perm(outsider.user, "meetings.write")


def test_a_misspelt_permission_fails_loudly_instead_of_refusing_everyone(council, coordinator):
    with pytest.raises(ValueError):
        council.has_perm(coordinator.user, "meeting.write")


def test_a_site_admin_holds_every_permission(council, django_user_model):
    from councils.permissions import PERMISSIONS

    admin = django_user_model.objects.create_superuser("admin", password="x")
    assert council.perms_of(admin) == frozenset(PERMISSIONS)


def test_ended_membership_gives_no_access(council, make_person):
    person = make_person("tidigare")
    Membership.objects.create(person=person, council=council, role="samordnare", valid_from=D(2020, 1, 1),
                              valid_to=D(2021, 1, 1))
    assert not council.is_member(person.user)
    assert not council.has_perm(person.user, "council.manage")
