"""Access to lägesbilder and what hangs on them: members read, assessments.write changes, outsiders get 404."""

from django.shortcuts import get_object_or_404

from councils.access import check_council_access, get_council_for

from .models import Assessment, Cause, CitizenPromise, Problem, Source

WRITE = "assessments.write"


def can_write(council, user):
    """Whether the user may change the council's lägesbilder, problems, causes and promises."""
    return council.has_perm(user, WRITE)


def _check(council, user, write):
    check_council_access(user, council, perm=WRITE if write else None)


def get_council_for_assessments(user, council_pk, *, write=False):
    """The council, if the user is a member; write needs assessments.write."""
    return get_council_for(user, council_pk, perm=WRITE if write else None)


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
