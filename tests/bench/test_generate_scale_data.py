import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from benchmarks.scale import councils as scale
from benchmarks.scale import todo as todo_scale
from councils.models import Council, Forum, Membership, Person

# The Att göra benchmark adds one person to five councils; these tests count each council's own people.
FIVE_COUNCIL_PERSON = {"person__user__username": todo_scale.USERNAME}


def generate(**options):
    out = io.StringIO()
    call_command("generate_scale_data", stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_generate_scale_data_creates_the_councils_members_and_forums_it_promises():
    output = generate(councils=2, years=1)

    assert Council.objects.count() == 2
    assert Forum.objects.count() == 2 * scale.FORUMS
    assert Forum.objects.filter(parent__isnull=False).count() == 2
    assert Person.objects.exclude(user__username=todo_scale.USERNAME).count() == 2 * (
        scale.CURRENT_MEMBERS + scale.FORMER_MEMBERS)
    assert Membership.objects.exclude(**FIVE_COUNCIL_PERSON).count() == 2 * scale.MEMBERSHIPS_PER_COUNCIL
    assert get_user_model().objects.exclude(username=todo_scale.USERNAME).count() == 2 * scale.USERS_PER_COUNCIL
    for council in Council.objects.all():
        assert council.current_memberships().exclude(**FIVE_COUNCIL_PERSON).count() == scale.CURRENT_MEMBERS
        assert council.past_memberships().exclude(**FIVE_COUNCIL_PERSON).count() == scale.FORMER_MEMBERS
        assert council.memberships.filter(forum__isnull=False).count() == scale.FORUMS * scale.FORUM_SEATS
        coordinator = council.memberships.exclude(**FIVE_COUNCIL_PERSON).get(role=Membership.Role.COORDINATOR,
                                                                             forum__isnull=True)
        assert council.has_perm(coordinator.person.user, "council.manage")
    assert "2 råd × 1 år" in output
    assert "Databasens storlek" in output


@pytest.mark.django_db
def test_organisations_are_shared_between_neighbouring_councils():
    generate(councils=4, years=1)

    police = Person.objects.filter(title="Kommunpolis").values_list("organisation", flat=True)
    assert len(set(police)) == 2  # one police area per three councils
    assert Council.objects.values("organisation").distinct().count() == 4


@pytest.mark.django_db
def test_running_it_twice_does_not_duplicate():
    generate(councils=2, years=1)
    counts = (Council.objects.count(), Membership.objects.count(), Forum.objects.count(), Person.objects.count())

    output = generate(councils=2, years=1)

    assert "finns redan" in output
    assert counts == (Council.objects.count(), Membership.objects.count(), Forum.objects.count(),
                      Person.objects.count())


@pytest.mark.django_db
def test_other_parameters_are_refused_without_replace():
    generate(councils=2, years=1)

    with pytest.raises(CommandError, match="--replace"):
        generate(councils=3, years=1)
    assert Council.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_replace_generates_anew_when_only_scale_data_is_there():
    generate(councils=2, years=1)

    generate(councils=3, years=2, replace=True)

    assert Council.objects.count() == 3
    assert Membership.objects.exclude(**FIVE_COUNCIL_PERSON).count() == 3 * scale.MEMBERSHIPS_PER_COUNCIL
    assert set(Council.objects.values_list("description", flat=True)) == {scale.signature(3, 2)}


@pytest.mark.django_db
def test_replace_never_empties_a_database_with_real_councils(council):
    with pytest.raises(CommandError, match="inte är skalningsdata"):
        generate(councils=2, years=1, replace=True)
    assert Council.objects.get() == council


@pytest.mark.django_db
def test_dry_run_saves_nothing():
    output = generate(councils=2, years=1, dry_run=True)

    assert "Torrkörning" in output
    assert not Council.objects.exists()


@pytest.mark.django_db
def test_the_young_council_starts_this_year_and_the_others_at_the_start_of_the_period():
    generate(councils=3, years=4)

    starts = list(Council.objects.order_by("pk").values_list("valid_from", flat=True))
    assert starts[0] == starts[1]
    assert starts[0].year == starts[2].year - 3
