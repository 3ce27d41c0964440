"""The filter form of the action plan; its state lives in the URL's query string."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from councils.models import Forum, Organisation, Person, today

from . import fields as plan_fields
from .models import Activity, FollowUp, Measure, Place

NO_FOLLOW_UP = "ingen"


class MeasureFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Fritext"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Senaste status"), method="filter_status",
        choices=[(FollowUp.Status.GREEN, _("Grön")), (FollowUp.Status.YELLOW, _("Gul")), (FollowUp.Status.RED, _("Röd")),
                 (NO_FOLLOW_UP, _("Ingen uppföljning"))],
        empty_label=_("Alla"),
    )
    forum = django_filters.ModelChoiceFilter(
        label=_("Samverkansforum"), field_name="forums", queryset=Forum.objects.none(), empty_label=_("Alla")
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Ansvarig organisation"), field_name="responsible_organisations",
        queryset=Organisation.objects.none(), empty_label=_("Alla"),
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Ansvarig person"), field_name="responsible_people", queryset=Person.objects.none(),
        empty_label=_("Alla"),
    )
    place = django_filters.ModelChoiceFilter(
        label=_("Plats"), field_name="place", queryset=Place.objects.none(), empty_label=_("Alla")
    )
    overdue = django_filters.BooleanFilter(
        label=_("Försenad uppföljning"), method="filter_overdue",
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    class Meta:
        model = Measure
        fields = []

    def __init__(self, data=None, *args, council, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["forum"].queryset = Forum.objects.filter(council=council)
        self.filters["organisation"].queryset = Organisation.objects.filter(
            pk__in=Measure.responsible_organisations.through.objects.filter(
                measure__council=council).values("organisation_id")
        )
        self.filters["person"].queryset = Person.objects.filter(
            pk__in=Measure.responsible_people.through.objects.filter(measure__council=council).values("person_id")
        )
        self.filters["place"].queryset = Place.objects.filter(council=council)

    @property
    def is_active(self):
        return self.is_bound and any(
            value not in (None, "", False) for value in self.form.cleaned_data.values()
        ) if self.form.is_valid() else False

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for field in plan_fields.search_fields():
            condition |= Q(**{f"{field}__icontains": value})
        activity = Activity.objects.filter(measure=OuterRef("pk"), text__icontains=value)
        return queryset.filter(condition | Q(Exists(activity)))

    def filter_status(self, queryset, name, value):
        if value == NO_FOLLOW_UP:
            return queryset.filter(latest_status__isnull=True)
        return queryset.filter(latest_status=value)

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(follow_up_due__lt=today())
