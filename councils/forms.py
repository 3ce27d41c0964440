"""Forms for people, memberships, forums and organisations."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Forum, Membership, Organisation, Person, today


class DateInput(forms.DateInput):
    """A text input that shows ISO dates (2026-11-22).

    A plain text input on purpose: the browser's native date picker shows the operating system's format
    (often 11/22/2026 on English Windows), and Swedish municipal practice is ISO dates. No `inputmode=numeric`:
    an iPhone's number pad has no "-".
    """

    def __init__(self, attrs=None):
        attrs = {"placeholder": "ÅÅÅÅ-MM-DD", "autocomplete": "off", "size": 10, **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date field that takes 2026-11-22 or 20261122 and says so beside the field and in its error."""

    widget = DateInput
    input_formats = ["%Y-%m-%d", "%Y%m%d"]
    default_error_messages = {"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-22.")}

    def __init__(self, *, help_text="", **kwargs):
        # Django ties help text to the input with aria-describedby; model fields pass an empty one.
        super().__init__(help_text=help_text or _("ÅÅÅÅ-MM-DD, till exempel 2026-11-22"), **kwargs)


class TimeInput(forms.TimeInput):
    """A text input that shows times as Swedish protocols write them (09.00), not the system's 09:00 AM."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": "TT.MM", "autocomplete": "off", "size": 5, **(attrs or {})}
        super().__init__(attrs=attrs, format="%H.%M")


class TimeField(forms.TimeField):
    """A time field that takes 09.00, 09:00, 0900 or 9 and names the format in its help text and error."""

    widget = TimeInput
    input_formats = ["%H.%M", "%H:%M", "%H%M", "%H"]
    default_error_messages = {"invalid": _("Skriv tiden som TT.MM, till exempel 09.00.")}

    def __init__(self, *, help_text="", **kwargs):
        super().__init__(help_text=help_text or _("TT.MM, till exempel 09.00"), **kwargs)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "title", "organisation", "email", "phone"]
        error_messages = {"email": {"invalid": _("Ange en giltig e-postadress, t.ex. namn@kommun.se.")}}


class MembershipFieldsMixin:
    """Limits the forum choices to the council's forums."""

    def limit_forums(self, council):
        self.fields["forum"].queryset = Forum.objects.filter(council=council)
        self.fields["forum"].empty_label = _("– Själva rådet –")


class PersonCreateForm(MembershipFieldsMixin, PersonForm):
    """A new person together with their first role in the council or one of its forums."""

    forum = forms.ModelChoiceField(queryset=Forum.objects.none(), required=False, label=_("Forum"))
    role = forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.MEMBER, label=_("Roll"))
    valid_from = DateField(initial=today, label=_("Från"))

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.limit_forums(council)


class MembershipForm(MembershipFieldsMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "forum", "role", "valid_from", "valid_to", "note"]
        field_classes = {"valid_from": DateField, "valid_to": DateField}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council
        self.limit_forums(council)
        self.fields["person"].queryset = Person.objects.select_related("organisation").filter(
            Q(memberships__council=council) | Q(memberships__isnull=True)
        ).distinct()
        if self.instance.pk:
            self.fields["person"].disabled = True


class MembershipEndForm(forms.Form):
    valid_to = DateField(label=_("Sista dag"), initial=today)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_valid_to(self):
        valid_to = self.cleaned_data["valid_to"]
        if valid_to < self.membership.valid_from:
            raise forms.ValidationError(
                _("Sista dag kan inte vara före startdatum %(date)s."),
                params={"date": self.membership.valid_from.isoformat()},
            )
        return valid_to


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = ["name", "kind", "parent", "description", "meets", "position"]

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council
        parents = Forum.objects.filter(council=council)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind"]


class CouncilSettingsForm(forms.Form):
    justering_days = forms.IntegerField(
        label=_("Dagar för justering"), min_value=1, max_value=90,
        help_text=_("Protokollet ska vara justerat så här många dagar efter mötet. Vanligt är 14 dagar."),
        error_messages={"min_value": _("Ange minst 1 dag."), "max_value": _("Ange högst 90 dagar."),
                        "invalid": _("Ange ett helt antal dagar.")},
    )
