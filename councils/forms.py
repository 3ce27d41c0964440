"""Forms for people, memberships, forums and organisations."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Forum, Membership, Organisation, Person, today


class DateInput(forms.DateInput):
    """A date field that always shows and takes ISO dates (2026-11-22).

    A plain text input on purpose: the browser's native date picker shows the operating system's format
    (often 11/22/2026 on English Windows), and Swedish municipal practice is ISO dates.
    """

    def __init__(self, attrs=None):
        attrs = {"placeholder": "ÅÅÅÅ-MM-DD", "inputmode": "numeric", "autocomplete": "off",
                 "pattern": r"\d{4}-\d{2}-\d{2}", "title": _("Datum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22"), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d")


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
    valid_from = forms.DateField(initial=today, label=_("Från"), widget=DateInput())

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.limit_forums(council)


class MembershipForm(MembershipFieldsMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "forum", "role", "valid_from", "valid_to", "note"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

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
    valid_to = forms.DateField(label=_("Sista dag"), initial=today, widget=DateInput())

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
