"""The filtered meeting list."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from councils.models import Forum

from .models import Meeting


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Sök"), method="search")
    year = django_filters.ChoiceFilter(label=_("År"), field_name="starts_at__year", choices=[],
                                     empty_label=_("Alla år"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Meeting.Status.choices,
                                       empty_label=_("Alla"))
    protocol = django_filters.ChoiceFilter(label=_("Protokoll"), field_name="protocol_state",
                                           choices=Meeting.ProtocolState.choices, empty_label=_("Alla"))
    forum = django_filters.ModelChoiceFilter(label=_("Forum"), queryset=Forum.objects.none(),
                                             empty_label=_("Alla (rådet och forum)"))

    class Meta:
        model = Meeting
        fields = ["q", "year", "status", "protocol", "forum"]

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["forum"].queryset = Forum.objects.filter(council=council)
        years = Meeting.objects.filter(council=council).dates("starts_at", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(d.year, d.year) for d in years]

    def search(self, queryset, name, value):
        matching = Meeting.objects.filter(
            Q(title__icontains=value) | Q(place__icontains=value) | Q(items__title__icontains=value)
            | Q(items__minutes__icontains=value)
        ).values("pk")
        return queryset.filter(pk__in=matching)
