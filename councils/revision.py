"""A council's revision: a number that grows with every change to anything the council's pages show.

Pages that cost the most to build (the meeting, measure, council and plan pages, the calendar feed) keep
their rendered body in Django's cache under a key that holds the council's revision. A change renews the
revision in the same transaction that makes it, so the next request builds the body anew and an old entry
is never served again; nothing is ever deleted from the cache, entries only leave it to make room.

Every change goes through a service that logs it (`councils.models.log_action`, admin edits through
`councils.history.LoggedAdmin`), and logging renews the revision. The one kind of write that is not logged
each time, an autosave of minutes soon after the same person's last one, shows only on the meeting page:
it stamps the meeting's `updated_at` under the meeting's row lock (`meetings.locking.meeting_locked`), and
the meeting page's key holds that too. A person or an organisation can appear in several councils, so their
changes renew every council they appear in.

A reader that read the old revision may store what it built under the old key; no one asks for that key
again. A reader that read the new revision reads data at least as new (each statement sees what was
committed before it started), so a body stored under a new revision is never older than that revision.
"""

from django.db.models import F, Q

from .models import Council, Membership, Organisation, Person


def councils_showing(obj):
    """The ids of the councils whose pages show obj, besides the council a change is logged under."""
    if isinstance(obj, Person):
        return set(Membership.objects.filter(person=obj).values_list("council_id", flat=True))
    if isinstance(obj, Organisation):
        return set(
            Council.objects.filter(
                Q(organisation=obj) | Q(memberships__person__organisation=obj)
            ).values_list("pk", flat=True)
        )
    return set()


def renew(council, obj=None):
    """Give the council (a Council, an id or None) and every council showing obj a new revision."""
    ids = councils_showing(obj) if obj is not None else set()
    if council is not None:
        ids.add(council.pk if isinstance(council, Council) else council)
    if len(ids) > 1:
        # Lock the rows in one order first, so two changes renewing overlapping councils cannot deadlock.
        list(Council.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    if ids:
        Council.objects.filter(pk__in=ids).update(revision=F("revision") + 1)
