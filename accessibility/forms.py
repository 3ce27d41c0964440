"""The statement page's feedback form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("Vad fungerade inte?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Beskriv vad du försökte göra och på vilken sida. Nämn gärna hjälpmedel och webbläsare."),
        error_messages={"required": _("Skriv vad som inte fungerade.")},
    )
    page = forms.CharField(label=_("Sida (webbadress)"), max_length=500, required=False)
    email = forms.EmailField(
        label=_("Din e-postadress (om du vill ha svar)"), required=False,
        error_messages={"invalid": _("Ange en giltig e-postadress, t.ex. namn@kommun.se.")},
    )
