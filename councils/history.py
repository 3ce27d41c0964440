"""The audit trail as people read it: action codes and their labels, what changed, an object's history."""

import datetime
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Council, LogEntry, log_action

# Code → label, translated when shown. A code not listed (an older entry's free text) is shown as it is.
LABELS = {
    "councils.person.created": _("Person tillagd"),
    "councils.person.changed": _("Person ändrad"),
    "councils.membership.created": _("Roll tilldelad"),
    "councils.membership.changed": _("Roll ändrad"),
    "councils.membership.ended": _("Roll avslutad"),
    "councils.forum.created": _("Forum skapat"),
    "councils.forum.changed": _("Forum ändrat"),
    "councils.organisation.created": _("Organisation skapad"),
    "councils.organisation.changed": _("Organisation ändrad"),
    "councils.organisation.deleted": _("Organisation borttagen"),
    "councils.council.settings_changed": _("Rådets inställningar ändrade"),
    "meetings.meeting.created": _("Möte skapat"),
    "meetings.meeting.changed": _("Möte ändrat"),
    "meetings.agenda.moved": _("Dagordning ändrad"),
    "meetings.agenda.made_standard": _("Standarddagordning ändrad"),
    "meetings.item.added": _("Dagordningspunkt tillagd"),
    "meetings.item.changed": _("Dagordningspunkt ändrad"),
    "meetings.item.deleted": _("Dagordningspunkt borttagen"),
    "meetings.minutes.saved": _("Anteckningar sparade"),
    "meetings.attendance.changed": _("Närvaro ändrad"),
    "meetings.attendance.added": _("Deltagare tillagd"),
    "meetings.attendance.deleted": _("Deltagare borttagen"),
    "meetings.decision.added": _("Beslut tillagt"),
    "meetings.decision.deleted": _("Beslut borttaget"),
    "meetings.attachment.added": _("Bilaga uppladdad"),
    "meetings.attachment.deleted": _("Bilaga borttagen"),
    "meetings.notice.sent": _("Kallelse skickad"),
    "protocols.version.sent": _("Skickade protokoll för justering"),
    "protocols.version.withdrawn": _("Återkallade protokoll från justering"),
    "protocols.version.returned": _("Skickade tillbaka protokoll"),
    "protocols.version.approved": _("Justerade protokoll"),
    "protocols.version.finalised": _("Protokollet blev justerat och signerat"),
    "protocols.version.seal_retried": _("Försökte försegla protokollet igen"),
    "protocols.version.sealed": _("Protokollet förseglades"),
    "protocols.correction.started": _("Påbörjade rättelse av protokoll"),
    "measures.measure.created": _("Åtgärd skapad"),
    "measures.measure.changed": _("Åtgärd ändrad"),
    "measures.measure.item_linked": _("Åtgärd kopplad till dagordningspunkt"),
    "measures.measure.item_unlinked": _("Åtgärd bortkopplad från dagordningspunkt"),
    "measures.followup.added": _("Uppföljning tillagd"),
    "measures.comment.added": _("Kommentar på åtgärd"),
    "measures.activity.from_decision": _("Uppdrag blev aktivitet"),
    "measures.agreement.created": _("Överenskommelse skapad"),
    "measures.agreement.changed": _("Överenskommelse ändrad"),
    "measures.agreement.imported": _("Åtgärder importerade"),
    "measures.area.created": _("Prioriterat område skapat"),
    "measures.area.changed": _("Prioriterat område ändrat"),
    "measures.place.created": _("Plats skapad"),
    "measures.place.changed": _("Plats ändrad"),
    "assessments.assessment.created": _("Lägesbild skapad"),
    "assessments.assessment.updated": _("Lägesbild ändrad"),
    "assessments.source.created": _("Källa tillagd"),
    "assessments.problem.created": _("Problem tillagt"),
    "assessments.problem.updated": _("Problem ändrat"),
    "assessments.cause.created": _("Orsak tillagd"),
    "assessments.cause.updated": _("Orsak ändrad"),
    "assessments.indicator.created": _("Indikator tillagd"),
    "assessments.measurement.created": _("Mätning registrerad"),
    "assessments.measure.linked": _("Åtgärd kopplad till problem eller orsak"),
    "assessments.promise.created": _("Medborgarlöfte skapat"),
    "assessments.promise.updated": _("Medborgarlöfte ändrat"),
    "todo.reminder.sent": _("Påminnelse skickad"),
    "todo.reminder.skipped": _("Påminnelse inte skickad"),
    "admin.added": _("Tillagd i administrationen"),
    "admin.changed": _("Ändrad i administrationen"),
    "admin.deleted": _("Borttagen i administrationen"),
}
# Names of what an entry's data records besides field changes (a field of the object gets its verbose name).
DATA_LABELS = {
    "item": _("Punkt"), "name": _("Namn"), "decision": _("Beslut"), "attachment": _("Bilaga"),
    "version": _("Version"), "body": _("Råd/forum"), "role": _("Roll"), "valid_from": _("Från"),
    "valid_to": _("Till"), "area": _("Prioriterat område"), "activity": _("Aktivitet"), "meeting": _("Möte"),
    "count": _("Antal"), "status": _("Status"), "date": _("Datum"), "username": _("Användarnamn"),
    "ip_address": _("Adress"), "failures": _("Misslyckade försök"), "object": _("Objekt"),
}
# The free texts the old AuditEntry stored, for carrying its rows over as codes.
OLD_TEXTS = {str(label): code for code, label in LABELS.items()} | {
    "Forum sparat": "councils.forum.changed",
}


def label(action):
    """The translated label of an action code; an unknown code as it is."""
    return LABELS.get(action, action)


def value_text(value):
    """A field value as it is stored in an entry's data: text a person can read later."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return ", ".join(value_text(item) for item in value)
    return str(value)


def apply_changes(obj, data):
    """Set data's fields on obj; {"changed": {field: [before, after]}} for those that differ ({} if none)."""
    changed = {}
    for name, value in data.items():
        before = getattr(obj, name)
        if before != value:
            changed[name] = [value_text(before), value_text(value)]
            setattr(obj, name, value)
    return {"changed": changed} if changed else {}


def form_changes(form):
    """{"changed": {field: [before, after]}} for the fields a bound, valid ModelForm changed."""
    changed = {}
    for name in form.changed_data:
        field = form.fields[name]
        before = form.initial.get(name, field.initial)
        # A ModelForm's initial holds pks for foreign keys and instances (or pks) for many-to-many fields.
        if hasattr(field, "queryset") and isinstance(before, list | tuple):
            pks = [item.pk if isinstance(item, models.Model) else item for item in before]
            before = list(field.queryset.model._default_manager.filter(pk__in=pks))
        elif hasattr(field, "queryset") and before is not None and not isinstance(before, models.Model):
            before = field.queryset.model._default_manager.filter(pk=before).first()
        changed[name] = [value_text(before), value_text(form.cleaned_data.get(name))]
    return {"changed": changed} if changed else {}


@dataclass
class HistoryRow:
    """One entry as the history list shows it."""

    entry: LogEntry
    label: str
    details: list


def field_label(model, name):
    if name in DATA_LABELS:
        return str(DATA_LABELS[name])
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except (FieldDoesNotExist, AttributeError):
        return name


def details_of(entry, model):
    """Readable lines from an entry's data: field changes first, then anything else it recorded."""
    lines = []
    data = entry.data or {}
    for name, (before, after) in (data.get("changed") or {}).items():
        lines.append(_("%(field)s: ”%(before)s” → ”%(after)s”")
                     % {"field": field_label(model, name), "before": before, "after": after})
    for key, value in data.items():
        if key == "changed":
            continue
        if key == "admin":
            lines.append(admin_message(value))
        else:
            lines.append(f"{field_label(model, key)}: {value_text(value)}")
    return lines


def admin_message(message):
    """The admin's change message (a JSON list), in words."""
    fields = []
    for part in message if isinstance(message, list) else []:
        for change in part.values():
            fields += change.get("fields", []) if isinstance(change, dict) else []
    return _("Fält: %(fields)s") % {"fields": ", ".join(fields)} if fields else ""


def history_for(obj, *, councils=None, limit=50):
    """The newest entries about obj, each with its label and details; with `councils`, only entries
    that belong to none or to one of those councils (a shared object's history shows no other council's work)."""
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("user__person")
    if councils is not None:
        entries = entries.filter(Q(council__isnull=True) | Q(council__in=councils))
    model = type(obj)
    return [HistoryRow(entry=entry, label=label(entry.action), details=[d for d in details_of(entry, model) if d])
            for entry in entries[:limit]]


# The relations through which an object reaches its council (a follow-up through its measure, a decision
# through its agenda item and meeting); council_of follows them a few steps.
COUNCIL_PATHS = ("council", "meeting", "measure", "agenda_item", "problem", "assessment", "version")


def council_of(obj, *, depth=4):
    """The council an object belongs to, for the entries the admin writes; None for shared objects."""
    if isinstance(obj, Council):
        return obj
    if obj is None or depth == 0:
        return None
    for name in COUNCIL_PATHS:
        try:
            related = getattr(obj, name, None)
        except ObjectDoesNotExist:
            continue
        if isinstance(related, models.Model):
            council = council_of(related, depth=depth - 1)
            if council is not None:
                return council
    return None


class LoggedAdmin:
    """A ModelAdmin mixin: every add, change and delete in the admin also goes into Lobra's history,
    in the same transaction as the change (the admin wraps its saves in one)."""

    def history_object(self, obj):
        """The object whose history the entry joins: obj itself, or (for a part of a meeting) the meeting."""
        return obj

    def history_data(self, obj):
        """What an entry records besides the admin's change message."""
        target = self.history_object(obj)
        return {"object": str(obj)} if target is not obj else {}

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        log_action(council=council_of(obj), user=request.user, action="admin.added",
                   obj=self.history_object(obj), data=self.history_data(obj))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        data = self.history_data(obj)
        if message:
            data["admin"] = json.loads(json.dumps(message, default=str))
        log_action(council=council_of(obj), user=request.user, action="admin.changed",
                   obj=self.history_object(obj), data=data)
        return entry

    def log_deletions(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                log_action(council=council_of(obj), user=request.user, action="admin.deleted",
                           obj=self.history_object(obj), data=self.history_data(obj))
            return super().log_deletions(request, queryset)
