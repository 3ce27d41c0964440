"""Forms for meetings, agenda items, attendance, decisions and attachments."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.forms import DateField, TimeField
from councils.models import Forum, Membership, Person

from .files import check_upload
from .models import AgendaItem, Attachment, Attendance, Decision, Meeting


def council_people(council, *, keep=()):
    """The council's members today, for a picker; `keep` adds people already chosen who have left since."""
    current = Membership.objects.current().filter(council=council).values("person_id")
    return Person.objects.filter(Q(pk__in=current) | Q(pk__in=[pk for pk in keep if pk])).select_related("organisation")


class MeetingForm(forms.ModelForm):
    """Meeting details; the date and times are separate fields as people say them ("fredag 9–11")."""

    date = DateField(label=_("Datum"))
    start_time = TimeField(label=_("Börjar"), initial=datetime.time(9, 0))
    end_time = TimeField(label=_("Slutar"), initial=datetime.time(11, 0))
    online_url = forms.URLField(label=_("Länk till digitalt möte"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = ["title", "forum", "kind", "date", "start_time", "end_time", "place", "online_label", "online_url",
                  "chair", "secretary", "adjusters", "status", "department", "contact_person", "contact_text",
                  "notice_text"]
        widgets = {"notice_text": forms.Textarea(attrs={"rows": 3}), "adjusters": forms.CheckboxSelectMultiple}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["forum"].queryset = Forum.objects.filter(council=council)
        chosen = []
        if self.instance.pk:
            chosen = [self.instance.chair_id, self.instance.secretary_id, self.instance.contact_person_id,
                      *self.instance.adjusters.values_list("pk", flat=True)]
        people = council_people(council, keep=chosen)
        for name in ("chair", "secretary", "adjusters", "contact_person"):
            self.fields[name].queryset = people
        if self.instance.pk:
            start = timezone.localtime(self.instance.starts_at)
            self.initial.update(date=start.date(), start_time=start.time(),
                                end_time=timezone.localtime(self.instance.ends_at).time())
        else:
            self.initial.setdefault("place", council.default_place)
            self.initial.setdefault("title", _("Lokala brå"))
            del self.fields["status"]

    def clean(self):
        data = super().clean()
        date, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if date and start and end:
            if end <= start:
                self.add_error("end_time", _("Mötet måste sluta efter att det börjar."))
            else:
                self.instance.starts_at = timezone.make_aware(datetime.datetime.combine(date, start))
                self.instance.ends_at = timezone.make_aware(datetime.datetime.combine(date, end))
        if not data.get("place") and not data.get("online_url") and not data.get("online_label"):
            self.add_error("place", _("Ange en plats eller ett digitalt möte."))
        return data

    def meeting_data(self):
        """Field values for meeting_create (without the many-to-many adjusters)."""
        data = {k: v for k, v in self.cleaned_data.items()
                if k in self._meta.fields and k not in {"date", "start_time", "end_time", "adjusters"}}
        data.update(starts_at=self.instance.starts_at, ends_at=self.instance.ends_at)
        return data


class AgendaItemForm(forms.ModelForm):
    numbered = forms.BooleanField(label=_("Numrerad punkt (§)"), required=False, initial=True)

    class Meta:
        model = AgendaItem
        fields = ["title", "presenter", "presenter_text", "reports_follow_ups", "confidential", "confidentiality_ground"]

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = council_people(council, keep=[self.instance.presenter_id])
        if self.instance.pk:
            self.initial["numbered"] = self.instance.number is not None

    def clean(self):
        data = super().clean()
        if data.get("confidential") and not data.get("confidentiality_ground"):
            self.add_error("confidentiality_ground", _("Ange sekretessgrund, t.ex. \"OSL 26 kap. 1 §\"."))
        return data


class AgendaItemAddForm(forms.Form):
    title = forms.CharField(label=_("Ny punkt"), max_length=300)


class AttendanceStatusForm(forms.Form):
    """One select per attendance row, named status-<pk>."""

    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for row in attendances:
            name = f"status-{row.pk}"
            self.fields[name] = forms.ChoiceField(label=row.name, choices=Attendance.Status.choices,
                                                  initial=row.status)
            self.rows.append((row, name))

    def statuses(self):
        return {row.pk: self.cleaned_data[name] for row, name in self.rows}


class GuestForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["guest_name", "guest_title", "guest_organisation", "status"]
        labels = {"guest_name": _("Namn"), "guest_title": _("Titel"), "guest_organisation": _("Organisation")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guest_name"].required = True
        self.initial.setdefault("status", Attendance.Status.CO_OPTED)


class AddPersonForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = council_people(meeting.council).exclude(attendances__meeting=meeting)


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["kind", "text", "responsible", "responsible_text", "due_date"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"due_date": DateField}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = council_people(council, keep=[self.instance.responsible_id])

    def clean(self):
        data = super().clean()
        if data.get("kind") == Decision.Kind.TASK and not (data.get("responsible") or data.get("responsible_text")):
            self.add_error("responsible", _("Ett uppdrag behöver en ansvarig."))
        return data


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file", "title", "agenda_item", "number"]
        help_texts = {"file": _("PDF, DOCX, XLSX, ODT, PNG eller JPEG, högst 20 MB."),
                      "number": _("Lämna tomt för nästa lediga nummer.")}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["agenda_item"].queryset = meeting.items.all()
        self.fields["title"].required = False
        taken = [a.number for a in meeting.attachments.all() if a.number]
        self.initial.setdefault("number", max(taken, default=0) + 1)

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.content_type = check_upload(uploaded)
        return uploaded

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if number and self.meeting.attachments.filter(number=number).exists():
            raise forms.ValidationError(_("Bilaga %(n)s finns redan.") % {"n": number})
        return number

    def save(self, commit=True):
        attachment = super().save(commit=False)
        attachment.meeting = self.meeting
        attachment.content_type = self.content_type
        attachment.size = attachment.file.size
        attachment.original_name = attachment.file.name[:255]
        attachment.title = attachment.title or attachment.file.name.rsplit(".", 1)[0]
        if attachment.number is None:
            attachment.number = max([a.number or 0 for a in self.meeting.attachments.all()], default=0) + 1
        if commit:
            attachment.save()
        return attachment
