"""The search form: the text and the filters (council, kind, year), all from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from councils.models import today

from .query import MAX_LENGTH
from .sources import SOURCES


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sök efter"), required=False, max_length=MAX_LENGTH,
        error_messages={"max_length": _("Skriv högst %(limit_value)d tecken; sökningen hade %(show_value)d.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    council = forms.TypedChoiceField(label=_("Råd"), required=False, coerce=int, empty_value=None,
                                     error_messages={"invalid_choice": _("Välj ett av dina råd.")})
    kind = forms.ChoiceField(label=_("Typ"), required=False,
                             choices=[("", _("Alla typer")), *((s.kind, s.label) for s in SOURCES)],
                             error_messages={"invalid_choice": _("Välj en av typerna i listan.")})
    year = forms.TypedChoiceField(label=_("År"), required=False, coerce=int, empty_value=None,
                                  error_messages={"invalid_choice": _("Välj ett av åren i listan.")})
    page = forms.IntegerField(required=False, min_value=1, max_value=500, widget=forms.HiddenInput,
                              error_messages={"invalid": _("Sidnumret måste vara ett heltal."),
                                              "min_value": _("Sidnumret måste vara minst 1."),
                                              "max_value": _("Sidnumret får vara högst 500.")})

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.councils = {council.pk: council for council in councils}
        self.fields["council"].choices = [("", _("Alla mina råd")),
                                          *((council.pk, council.name) for council in councils)]
        first = min((council.valid_from.year for council in councils), default=today().year)
        self.fields["year"].choices = [("", _("Alla år")),
                                       *((year, str(year)) for year in range(today().year + 1, first - 1, -1))]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_council(self):
        pk = self.cleaned_data["council"]
        return self.councils[pk] if pk is not None else None
