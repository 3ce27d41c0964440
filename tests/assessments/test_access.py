"""Members read, coordinators write, outsiders get 404, anonymous users go to the login page."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import CitizenPromise


@pytest.fixture
def promise(council, problem):
    return CitizenPromise.objects.create(council=council, problem=problem, promise="Mer vuxennärvaro.",
                                         valid_from=datetime.date(2026, 1, 1), valid_to=datetime.date(2026, 12, 31))


@pytest.fixture
def objects(council, assessment, problem, root_cause, linked_measure, promise):
    return {"council": council.pk, "assessment": assessment.pk, "problem": problem.pk, "cause": root_cause.pk,
            "measure": linked_measure.pk, "promise": promise.pk}


READ = [
    ("assessment_list", ()), ("assessment_detail", ("assessment",)), ("assessment_pdf", ("assessment",)),
    ("assessment_csv", ("assessment",)), ("problem_detail", ("problem",)), ("compliance_detail", ()),
    ("annualcycle_detail", ()),
]
WRITE = [
    ("assessment_create", ()), ("assessment_edit", ("assessment",)), ("source_create", ("assessment",)),
    ("problem_create", ("assessment",)), ("problem_edit", ("problem",)), ("indicator_create", ("problem",)),
    ("cause_create", ("problem",)), ("cause_edit", ("cause",)), ("measure_create", ("problem",)),
    ("measure_links", ("measure",)), ("followup_create", ("measure",)), ("promise_create", ()),
    ("promise_edit", ("promise",)),
]


def url(name, keys, objects):
    return reverse(f"assessments:{name}", args=[objects["council"], *(objects[key] for key in keys)])


@pytest.mark.parametrize(("name", "keys"), READ + WRITE)
def test_anonymous_users_are_sent_to_the_login_page(objects, name, keys):
    response = Client().get(url(name, keys, objects))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("name", "keys"), READ + WRITE)
def test_outsiders_get_404(outsider_client, objects, name, keys):
    assert outsider_client.get(url(name, keys, objects)).status_code == 404


@pytest.mark.parametrize(("name", "keys"), READ)
def test_members_read(member_client, objects, name, keys):
    assert member_client.get(url(name, keys, objects)).status_code == 200


@pytest.mark.parametrize(("name", "keys"), WRITE)
def test_members_may_not_write(member_client, objects, name, keys):
    assert member_client.get(url(name, keys, objects)).status_code == 403


@pytest.mark.parametrize(("name", "keys"), READ + WRITE)
def test_coordinators_read_and_write(coordinator_client, objects, name, keys):
    assert coordinator_client.get(url(name, keys, objects)).status_code == 200


def test_a_problem_is_not_found_under_another_councils_address(outsider_client, other_council, problem):
    response = outsider_client.get(reverse("assessments:problem_detail", args=[other_council.pk, problem.pk]))

    assert response.status_code == 404


def test_a_member_cannot_post_a_problem(member_client, council, assessment):
    response = member_client.post(reverse("assessments:problem_create", args=[council.pk, assessment.pk]),
                                  {"title": "Nytt", "priority": "1"})

    assert response.status_code == 403
    assert not assessment.problems.filter(title="Nytt").exists()
