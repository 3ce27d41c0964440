"""Carry every AuditEntry over into LogEntry, the old free texts turned into action codes where known."""

from django.db import migrations

# The texts AuditEntry stored (Swedish, translated at write time) and the codes that replace them; frozen here
# so that later changes to the label table do not change what this migration did.
OLD_TEXTS = {
    "Person tillagd": "councils.person.created",
    "Person ändrad": "councils.person.changed",
    "Roll tilldelad": "councils.membership.created",
    "Roll ändrad": "councils.membership.changed",
    "Roll avslutad": "councils.membership.ended",
    "Forum sparat": "councils.forum.changed",
    "Möte skapat": "meetings.meeting.created",
    "Möte ändrat": "meetings.meeting.changed",
    "Dagordning ändrad": "meetings.agenda.moved",
    "Standarddagordning ändrad": "meetings.agenda.made_standard",
    "Dagordningspunkt tillagd": "meetings.item.added",
    "Dagordningspunkt ändrad": "meetings.item.changed",
    "Dagordningspunkt borttagen": "meetings.item.deleted",
    "Anteckningar sparade": "meetings.minutes.saved",
    "Närvaro ändrad": "meetings.attendance.changed",
    "Deltagare tillagd": "meetings.attendance.added",
    "Deltagare borttagen": "meetings.attendance.deleted",
    "Beslut tillagt": "meetings.decision.added",
    "Beslut borttaget": "meetings.decision.deleted",
    "Bilaga uppladdad": "meetings.attachment.added",
    "Bilaga borttagen": "meetings.attachment.deleted",
    "Kallelse skickad": "meetings.notice.sent",
    "Skickade protokoll för justering": "protocols.version.sent",
    "Återkallade protokoll från justering": "protocols.version.withdrawn",
    "Påbörjade rättelse av protokoll": "protocols.correction.started",
    "Skickade tillbaka protokoll": "protocols.version.returned",
    "Justerade protokoll": "protocols.version.approved",
    "Protokollet blev justerat och signerat": "protocols.version.finalised",
    "Uppföljning tillagd": "measures.followup.added",
    "Kommentar på åtgärd": "measures.comment.added",
    "Åtgärd skapad": "measures.measure.created",
    "Åtgärd ändrad": "measures.measure.changed",
    "Överenskommelse skapad": "measures.agreement.created",
    "Överenskommelse ändrad": "measures.agreement.changed",
    "Prioriterat område skapat": "measures.area.created",
    "Prioriterat område ändrat": "measures.area.changed",
    "Plats skapad": "measures.place.created",
    "Uppdrag blev aktivitet": "measures.activity.from_decision",
}
IMPORTED_SUFFIX = " åtgärder importerade"
BATCH = 2000


def copy_entries(apps, schema_editor):
    AuditEntry = apps.get_model("councils", "AuditEntry")
    LogEntry = apps.get_model("councils", "LogEntry")
    batch = []
    for old in AuditEntry.objects.order_by("pk").iterator(chunk_size=BATCH):
        action, data = OLD_TEXTS.get(old.action), {}
        if action is None and old.action.endswith(IMPORTED_SUFFIX) and old.action.split(" ")[0].isdigit():
            action, data = "measures.agreement.imported", {"count": int(old.action.split(" ")[0])}
        # The old entries had no reference to their object: the name they recorded is kept as it was.
        batch.append(LogEntry(council_id=old.council_id, user_id=old.user_id, action=action or old.action,
                              object_repr=old.object_repr, data=data, created_at=old.created_at))
        if len(batch) >= BATCH:
            LogEntry.objects.bulk_create(batch)
            batch = []
    LogEntry.objects.bulk_create(batch)


class Migration(migrations.Migration):

    dependencies = [("councils", "0003_add_logentry")]

    operations = [migrations.RunPython(copy_entries, migrations.RunPython.noop)]
