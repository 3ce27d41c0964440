"""Forms for agreements, priority areas, places, measures, follow-ups, comments and CSV import."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from councils.forms import DateField
from councils.models import Forum, Membership, Person
from meetings.files import check_new_upload
from meetings.models import AgendaItem, Meeting

from . import fields as plan_fields
from .models import Agreement, Comment, FollowUp, Measure, Place, PriorityArea
from .spreadsheet import MAX_IMPORT_BYTES, MAX_IMPORT_ROWS


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "parties", "valid_from", "valid_to", "extended_to", "signed_on", "signed_by",
                  "decision_reference", "document", "description", "causes_text", "measurable_goals",
                  "documentation", "follow_up_method"]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 3}) for name in (
                "signed_by", "causes_text", "measurable_goals", "documentation", "follow_up_method")},
        }
        field_classes = {name: DateField for name in ("valid_from", "valid_to", "extended_to", "signed_on")}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council

    def clean_document(self):
        return check_new_upload(self.cleaned_data.get("document"))


class PriorityAreaForm(forms.ModelForm):
    class Meta:
        model = PriorityArea
        fields = ["section", "name", "goal", "purpose", "cooperation", "target_primary", "target_secondary",
                  "position"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ("goal", "purpose", "cooperation", "target_primary", "target_secondary")}

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agreement = agreement


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = ["name", "description", "position"]

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council


def agenda_item_label(item):
    return f"{item.meeting.starts_at:%Y-%m-%d} {item.meeting.body} – {item}"


def meeting_label(meeting):
    return f"{meeting.starts_at:%Y-%m-%d} {meeting.body}"


class MeasureForm(forms.ModelForm):
    activities = forms.CharField(
        label=plan_fields.BY_NAME["activities"].label, required=False,
        widget=forms.Textarea(attrs={"rows": plan_fields.BY_NAME["activities"].rows}),
        help_text=_("En aktivitet per rad."),
    )

    class Meta:
        model = Measure
        fields = [field.name for field in plan_fields.form_fields()]
        widgets = {
            "forums": forms.CheckboxSelectMultiple,
            "responsible_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "responsible_people": forms.SelectMultiple(attrs={"size": 8}),
            "agenda_items": forms.SelectMultiple(attrs={"size": 8}),
            **{field.name: forms.Textarea(attrs={"rows": field.rows})
               for field in plan_fields.form_fields() if field.rows and field.model_field is not None},
        }
        field_classes = {"follow_up_due": DateField}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council
        self.fields["priority_area"].queryset = PriorityArea.objects.filter(
            agreement__council=council).select_related("agreement")
        self.fields["place"].queryset = Place.objects.filter(council=council)
        self.fields["forums"].queryset = Forum.objects.filter(council=council)
        # Current members, and anyone already responsible (who may have left since) so a save does not drop them.
        chosen = self.instance.responsible_people.values("pk") if self.instance.pk else Person.objects.none()
        self.fields["responsible_people"].queryset = Person.objects.filter(
            Q(pk__in=Membership.objects.current().filter(council=council).values("person_id")) | Q(pk__in=chosen))
        self.fields["agenda_items"].queryset = (
            AgendaItem.objects.filter(meeting__council=council).select_related("meeting__council", "meeting__forum")
            .order_by("-meeting__starts_at", "position")
        )
        self.fields["agenda_items"].label_from_instance = agenda_item_label
        if self.instance.pk:
            # Activities that came from a meeting's task are kept apart (measures.services.activities_set).
            self.initial["activities"] = "\n".join(
                a.text for a in self.instance.activities.all() if a.decision_id is None)

    def measure_fields(self):
        """The measure's field values for measures.services.measure_save."""
        return {name: value for name, value in self.cleaned_data.items() if name != "activities"}

    def activity_lines(self):
        return self.cleaned_data["activities"].splitlines()


class FollowUpForm(forms.ModelForm):
    next_due = DateField(
        label=_("Nästa uppföljning senast"), required=False,
        help_text=_("ÅÅÅÅ-MM-DD. Lämna tomt för tre månader efter uppföljningens datum."),
    )

    class Meta:
        model = FollowUp
        fields = ["date", "status", "kind", "note", "meeting"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"date": DateField}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(council=council).exclude(status=Meeting.Status.CANCELLED)
            .select_related("council", "forum").order_by("-starts_at")
        )
        self.fields["meeting"].label_from_instance = meeting_label
        self.fields["meeting"].help_text = _("Mötet där uppföljningen rapporterades, om den togs upp på ett möte.")

    def clean(self):
        cleaned = super().clean()
        date, next_due = cleaned.get("date"), cleaned.get("next_due")
        if date and next_due and next_due < date:
            self.add_error("next_due", _("Nästa uppföljning kan inte vara före denna uppföljning."))
        return cleaned


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV-fil"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Samma format som exporten: UTF-8, semikolon. Högst %(size)s MB och %(rows)s åtgärder per fil."
        ) % {"size": MAX_IMPORT_BYTES // (1024 * 1024), "rows": f"{MAX_IMPORT_ROWS:,}".replace(",", " ")}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            check_import_size(upload.size)
            try:
                cleaned["text"] = upload.read(MAX_IMPORT_BYTES + 1).decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("Filen är inte sparad som UTF-8.")) from None
        elif cleaned.get("content"):
            check_import_size(len(cleaned["content"].encode()))
            cleaned["text"] = cleaned["content"]
        else:
            raise forms.ValidationError(_("Välj en CSV-fil."))
        return cleaned


def check_import_size(size):
    """Refuse a file past the import limit before reading any of it."""
    if size > MAX_IMPORT_BYTES:
        raise forms.ValidationError(
            _("Filen är för stor (%(size)s MB). Största tillåtna storlek för import är %(max)s MB.")
            % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "max": MAX_IMPORT_BYTES // (1024 * 1024)}
        )


class DecisionActivityForm(forms.Form):
    """Turn a task (uppdrag) from a meeting into a prioritised activity of a measure."""

    measure = forms.ModelChoiceField(label=_("Åtgärd"), queryset=None)
    text = forms.CharField(label=_("Aktivitet"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = (
            Measure.objects.filter(council=council)
            .select_related("priority_area", "place").order_by("priority_area__position", "position", "pk")
        )


class ItemMeasureForm(forms.Form):
    """One measure to link to an agenda item or unlink from it; only the council's own measures."""

    action = forms.ChoiceField(choices=[("add", "add"), ("remove", "remove")])
    measure = forms.ModelChoiceField(
        queryset=Measure.objects.none(),
        error_messages={"invalid_choice": _("Åtgärden finns inte i rådets plan."),
                        "required": _("Välj en åtgärd.")},
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(council=council)
