from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReminderKind


class ReminderSettingsForm(forms.Form):
    """Which kinds of reminder the person wants by e-mail."""

    kinds = forms.MultipleChoiceField(
        label=_("Skicka e-post när"), choices=ReminderKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Det som du stänger av här syns ändå under Notiser och på sidan Att göra."),
    )
