"""Access helpers for agreements, measures and places: outsiders get 404, members without the right 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Agreement, Measure, Place


def _check(council, user, write):
    if not council.is_member(user):
        raise Http404
    if write and not council.can_manage(user):
        raise PermissionDenied


def get_measure_for(user, pk, *, write=False, follow_up=False):
    """A measure of one of the user's councils.

    write needs the coordinator; follow_up needs the coordinator or a member who, or whose
    organisation, is responsible for the measure.
    """
    measure = get_object_or_404(
        Measure.objects.select_related("council", "priority_area__agreement", "place"), pk=pk
    )
    _check(measure.council, user, write)
    if follow_up and not measure.can_follow_up(user):
        raise PermissionDenied
    return measure


def get_agreement_for(user, pk, *, write=False):
    """An agreement of one of the user's councils; write needs the coordinator."""
    agreement = get_object_or_404(Agreement.objects.select_related("council"), pk=pk)
    _check(agreement.council, user, write)
    return agreement


def get_place_for(user, pk, *, write=False):
    """A place of one of the user's councils; write needs the coordinator."""
    place = get_object_or_404(Place.objects.select_related("council"), pk=pk)
    _check(place.council, user, write)
    return place
