"""Access to lägesbilder and what hangs on them: members read, coordinators write, outsiders get 404.

The only module of the app that asks the council about roles, so the permission table (#16) changes one place.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from councils.access import get_council_for

from .models import Assessment, Cause, CitizenPromise, Problem, Source


def can_write(council, user):
    """Whether the user may change the council's lägesbilder, problems, causes and promises."""
    return council.can_manage(user)


def _check(council, user, write):
    if not council.is_member(user):
        raise Http404
    if write and not can_write(council, user):
        raise PermissionDenied


def get_council_for_assessments(user, council_pk, *, write=False):
    """The council, if the user is a member; write needs the coordinator."""
    return get_council_for(user, council_pk, manage=write)


def get_assessment_for(user, council_pk, pk, *, write=False):
    """A lägesbild of the council in the URL, if the user is a member of it."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("council__organisation"), pk=pk, council_id=council_pk
    )
    _check(assessment.council, user, write)
    return assessment


def get_problem_for(user, council_pk, pk, *, write=False):
    """A problem of one of the council's lägesbilder."""
    problem = get_object_or_404(
        Problem.objects.select_related("assessment__council__organisation"), pk=pk,
        assessment__council_id=council_pk,
    )
    _check(problem.assessment.council, user, write)
    return problem


def get_cause_for(user, council_pk, pk, *, write=False):
    """A cause of a problem of the council."""
    cause = get_object_or_404(
        Cause.objects.select_related("problem__assessment__council"), pk=pk,
        problem__assessment__council_id=council_pk,
    )
    _check(cause.problem.assessment.council, user, write)
    return cause


def get_promise_for(user, council_pk, pk, *, write=False):
    """A medborgarlöfte of the council."""
    promise = get_object_or_404(CitizenPromise.objects.select_related("council"), pk=pk, council_id=council_pk)
    _check(promise.council, user, write)
    return promise


def get_source_for(user, council_pk, pk):
    """A source of one of the council's lägesbilder (read only)."""
    source = get_object_or_404(Source.objects.select_related("assessment__council"), pk=pk,
                               assessment__council_id=council_pk)
    _check(source.assessment.council, user, False)
    return source
