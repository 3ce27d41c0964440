"""When and what was said: meetings, attendance, agenda items with minutes, decisions, attachments."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import Council, Forum, Person


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user):
        """Meetings of the councils the user is a current member of."""
        return self.filter(council__in=Council.objects.for_user(user))

    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).exclude(status=Meeting.Status.CANCELLED).order_by("starts_at")

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")

    def with_counts(self):
        return self.select_related("forum").annotate(item_count=Count("items", distinct=True))

    def for_page_head(self):
        """The meeting row with what its header shows; enough for the access check."""
        return self.select_related(
            "council__organisation", "forum", "chair__organisation", "secretary__organisation",
            "contact_person__organisation",
        )

    def for_page(self):
        """Everything the meeting page shows, in a fixed number of queries."""
        return self.for_page_head().prefetch_related(*page_prefetches())


def page_prefetches():
    """The prefetches of the meeting page. The attachments are fetched once, for the meeting; each item's
    share is `item.page_attachments` after `Meeting.split_attachments()`."""
    return [
        Prefetch("adjusters", queryset=Person.objects.select_related("organisation")),
        Prefetch("attendances", queryset=Attendance.objects.select_related("person__organisation")),
        Prefetch(
            "items",
            queryset=AgendaItem.objects.select_related("presenter", "minutes_updated_by__person").prefetch_related(
                Prefetch("decisions", queryset=Decision.objects.select_related("responsible")),
            ),
        ),
        Prefetch("attachments", queryset=Attachment.objects.all()),
    ]


class ProtocolState(models.TextChoices):
    """Where a meeting's protocol stands; the protocols app moves it, the meetings app only reads it."""

    OPEN = "open", _("Öppet")
    OUT_FOR_JUSTERING = "justering", _("Ute på justering")
    FINAL = "final", _("Justerat")
    IN_CORRECTION = "rattelse", _("Under rättelse")


EDITABLE_STATES = {ProtocolState.OPEN, ProtocolState.IN_CORRECTION}
LOCK_REASONS = {
    ProtocolState.OUT_FOR_JUSTERING: _("Protokollet är skickat för justering och kan inte ändras. Återkalla det först."),
    ProtocolState.FINAL: _("Protokollet är justerat och kan inte ändras. Påbörja en rättelse för att ändra det."),
}


class Meeting(models.Model):
    """A meeting (sammanträde) of a council or of one of its forums."""

    ProtocolState = ProtocolState

    class Kind(models.TextChoices):
        PROTOCOL = "protokoll", _("Protokoll")
        NOTES = "minnesanteckningar", _("Minnesanteckningar")

    class Status(models.TextChoices):
        PLANNED = "planerat", _("Planerat")
        NOTIFIED = "kallat", _("Kallat")
        HELD = "genomfort", _("Genomfört")
        CANCELLED = "installt", _("Inställt")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("råd"))
    forum = models.ForeignKey(
        Forum,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("forum"),
        help_text=_("Lämna tomt för rådets eget möte."),
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.PROTOCOL)
    title = models.CharField(_("rubrik"), max_length=200)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    place = models.CharField(_("plats"), max_length=200, blank=True)
    online_url = models.URLField(_("länk till digitalt möte"), blank=True)
    online_label = models.CharField(
        _("digitalt möte"), max_length=100, blank=True, help_text=_("T.ex. \"Teams\" eller \"Skype\".")
    )
    chair = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("mötesordförande")
    )
    secretary = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("sekreterare")
    )
    adjusters = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name=_("justerare"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    # Set only by the protocol services, inside their row-locked transaction; no form or admin offers it.
    protocol_state = models.CharField(
        _("protokollets läge"), max_length=20, choices=ProtocolState.choices, default=ProtocolState.OPEN,
        editable=False,
    )
    notice_sent_at = models.DateTimeField(_("kallelse skickad"), null=True, blank=True)
    notice_text = models.TextField(_("meddelande i kallelsen"), blank=True)
    department = models.CharField(
        _("avdelning"), max_length=200, blank=True, help_text=_("Avsändaren i dokumenthuvudet, t.ex. "
                                                                 "\"Samhällsplaneringsavdelningen\".")
    )
    document_date = models.DateField(
        _("dokumentdatum"), null=True, blank=True, help_text=_("Datum då protokollet skrevs, om annat än mötesdagen.")
    )
    contact_person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("kontaktperson")
    )
    contact_text = models.CharField(
        _("kontakt"), max_length=300, blank=True, help_text=_("Raden \"Kontakt:\" sist i protokollet, "
                                                             "t.ex. telefon och e-post.")
    )
    uid = models.UUIDField(_("kalender-id"), default=uuid.uuid4, unique=True, editable=False)
    ics_sequence = models.PositiveIntegerField(_("kalenderversion"), default=0, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("skapad av"),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")
        indexes = [models.Index(fields=["council", "starts_at"], name="meeting_council_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="meeting_starts_before_end",
                violation_error_message=_("Mötet kan inte sluta innan det börjar."),
            ),
            models.CheckConstraint(
                condition=Q(protocol_state__in=ProtocolState.values),
                name="meeting_protocol_state_known",
            ),
        ]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%Y-%m-%d") if self.starts_at else ""
        return f"{self.title} {when}".strip()

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def justering_url(self):
        """The meeting's justering page: a published address under the meeting's own, which the protocols
        app serves (meetings links to it without knowing that app)."""
        return f"{self.get_absolute_url()}protocol/"

    def split_attachments(self, items):
        """Give each prefetched item its attachments as `item.page_attachments` and each attachment its item,
        from the meeting's one attachment query; return the attachments not tied to an item."""
        by_pk = {item.pk: item for item in items}
        for item in items:
            item.page_attachments = []
        loose = []
        for attachment in self.attachments.all():
            item = by_pk.get(attachment.agenda_item_id)
            if item is None:
                loose.append(attachment)
            else:
                attachment.agenda_item = item
                item.page_attachments.append(attachment)
        return loose

    def clean(self):
        if self.forum_id and self.council_id and self.forum.council_id != self.council_id:
            raise ValidationError({"forum": _("Forumet hör inte till det här rådet.")})
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Mötet kan inte sluta innan det börjar.")})

    @property
    def is_editable(self):
        """Whether the meeting's content may change: its protocol is neither out for justering nor final."""
        return self.protocol_state in EDITABLE_STATES

    @property
    def lock_reason(self):
        """Why the meeting may not be edited now (Swedish, for users), or "" when it may."""
        return str(LOCK_REASONS.get(self.protocol_state, ""))

    @property
    def protocol_is_final(self):
        return self.protocol_state == ProtocolState.FINAL

    @property
    def protocol_is_out(self):
        return self.protocol_state == ProtocolState.OUT_FOR_JUSTERING

    @property
    def body(self):
        return self.forum or self.council

    @property
    def location(self):
        """Place and online meeting as one line, for lists, calendars and e-mail."""
        parts = [self.place, self.online_label or (self.online_url and _("Digitalt möte")), self.online_url]
        return ", ".join(str(p) for p in parts if p)


class Attendance(models.Model):
    """Whether a person (or a guest who is not a member) was called, came or sent apologies."""

    class Status(models.TextChoices):
        CALLED = "kallad", _("Kallad")
        PRESENT = "narvarande", _("Närvarande")
        APOLOGIES = "anmalt_forhinder", _("Anmält förhinder")
        ABSENT = "franvarande", _("Frånvarande")
        CO_OPTED = "adjungerad", _("Adjungerad")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("möte"))
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="attendances", verbose_name=_("person")
    )
    guest_name = models.CharField(_("gästens namn"), max_length=200, blank=True)
    guest_title = models.CharField(_("gästens titel"), max_length=200, blank=True)
    guest_organisation = models.CharField(_("gästens organisation"), max_length=200, blank=True)
    status = models.CharField(_("närvaro"), max_length=20, choices=Status.choices, default=Status.CALLED)
    position = models.PositiveIntegerField(_("ordning"), default=0)
    note = models.CharField(_("anteckning"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="attendance_one_per_person_and_meeting",
                violation_error_message=_("Personen finns redan på mötets närvarolista."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(guest_name=""),
                name="attendance_person_or_guest",
                violation_error_message=_("Ange en person eller gästens namn."),
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.get_status_display()}"

    @property
    def name(self):
        return self.person.full_name if self.person_id else self.guest_name

    @property
    def title(self):
        return self.person.title if self.person_id else self.guest_title

    @property
    def organisation_name(self):
        return self.person.organisation.name if self.person_id else self.guest_organisation

    @property
    def is_guest(self):
        return self.person_id is None


# What a confidential item is called wherever its title may not go (OSL): the calendar, the kallelse.
CONFIDENTIAL_TITLE = _("Sekretessbelagt ärende")


class AgendaItemQuerySet(models.QuerySet):
    """A meeting's agenda items."""

    def next_number(self):
        """The § after the highest one of these items."""
        return (self.aggregate(last=models.Max("number"))["last"] or 0) + 1

    def next_position(self):
        last = self.aggregate(last=models.Max("position"))["last"]
        return 0 if last is None else last + 1


class AgendaItem(models.Model):
    """An item (§) on a meeting's agenda, with its minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("möte"))
    position = models.PositiveIntegerField(_("ordning"), default=0)
    number = models.PositiveIntegerField(
        _("§"), null=True, blank=True, help_text=_("Lämna tomt för en onumrerad punkt, t.ex. mötets öppnande.")
    )
    title = models.CharField(_("rubrik"), max_length=300)
    presenter = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("föredragande")
    )
    presenter_text = models.CharField(
        _("föredragande (fritext)"), max_length=200, blank=True, help_text=_("T.ex. en gäst eller \"Polisen\".")
    )
    minutes = models.TextField(_("anteckningar"), blank=True, help_text=_("Formaterad text, rensad vid sparande."))
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    minutes_updated_at = models.DateTimeField(_("anteckningar sparade"), null=True, blank=True, editable=False)
    minutes_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        editable=False, verbose_name=_("sparade av"),
    )
    reports_follow_ups = models.BooleanField(
        _("återrapportering"), default=False,
        help_text=_("Punkten där uppföljningen av åtgärdsplanen sedan föregående möte visas."),
    )
    confidential = models.BooleanField(_("sekretess"), default=False)
    confidentiality_ground = models.CharField(
        _("sekretessgrund"), max_length=200, blank=True, help_text=_("T.ex. \"OSL 26 kap. 1 §\".")
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("dagordningspunkt")
        verbose_name_plural = _("dagordningspunkter")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(number__isnull=False),
                name="agendaitem_unique_number_per_meeting",
                violation_error_message=_("Paragrafnumret används redan i mötet."),
            ),
            models.CheckConstraint(
                condition=Q(confidential=False) | ~Q(confidentiality_ground=""),
                name="agendaitem_confidential_needs_ground",
                violation_error_message=_("Ange sekretessgrund för en punkt med sekretess."),
            ),
        ]

    def __str__(self):
        return f"§ {self.number} {self.title}" if self.number else self.title

    @property
    def presenter_name(self):
        return self.presenter.full_name if self.presenter_id else self.presenter_text

    @property
    def public_title(self):
        """The title for what leaves Lobra (calendars, e-mail): a confidential item's title is itself secret."""
        return str(CONFIDENTIAL_TITLE) if self.confidential else self.title


class Decision(models.Model):
    """A decision (beslut) or a task (uppdrag: what, who, by when) recorded under an agenda item."""

    class Kind(models.TextChoices):
        DECISION = "beslut", _("Beslut")
        TASK = "uppdrag", _("Uppdrag")

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("dagordningspunkt")
    )
    kind = models.CharField(_("typ"), max_length=10, choices=Kind.choices, default=Kind.DECISION)
    text = models.TextField(_("text"))
    responsible = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions", verbose_name=_("ansvarig")
    )
    responsible_text = models.CharField(
        _("ansvarig (fritext)"), max_length=200, blank=True, help_text=_("T.ex. \"Preventionssamordnare\".")
    )
    due_date = models.DateField(_("klart senast"), null=True, blank=True)
    position = models.PositiveIntegerField(_("ordning"), default=0)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("beslut eller uppdrag")
        verbose_name_plural = _("beslut och uppdrag")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:80]}"

    @property
    def responsible_name(self):
        return self.responsible.full_name if self.responsible_id else self.responsible_text


def attachment_path(instance, filename):
    """Files go under an unguessable name; they are served only through the access-checked view."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"meetings/{instance.meeting_id}/{secrets.token_hex(16)}.{suffix}"


class Attachment(models.Model):
    """A file attached to a meeting (bilaga), optionally to one agenda item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("möte"))
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("dagordningspunkt"),
    )
    file = models.FileField(_("fil"), upload_to=attachment_path, max_length=300)
    title = models.CharField(_("rubrik"), max_length=300)
    original_name = models.CharField(_("filnamn"), max_length=255, blank=True)
    content_type = models.CharField(_("filtyp"), max_length=100)
    size = models.PositiveBigIntegerField(_("storlek"), default=0)
    number = models.PositiveIntegerField(_("bilaga nr"), null=True, blank=True)
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("uppladdad av"),
    )

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(number__isnull=False),
                name="attachment_unique_number_per_meeting",
                violation_error_message=_("Bilagenumret används redan i mötet."),
            ),
        ]

    def __str__(self):
        return f"Bilaga {self.number}: {self.title}" if self.number else self.title

    def get_absolute_url(self):
        return reverse("meetings:attachment_download", args=[self.pk])


class AgendaTemplate(models.Model):
    """A council's standard agenda, copied into each new meeting."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="agenda_templates", verbose_name=_("råd")
    )
    name = models.CharField(_("namn"), max_length=200, default=_("Standarddagordning"))
    is_default = models.BooleanField(_("standard"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("standarddagordning")
        verbose_name_plural = _("standarddagordningar")
        constraints = [
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(is_default=True),
                name="agendatemplate_one_default_per_council",
                violation_error_message=_("Rådet har redan en standarddagordning."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.council})"


class AgendaTemplateItem(models.Model):
    """One item of a standard agenda."""

    template = models.ForeignKey(AgendaTemplate, on_delete=models.CASCADE, related_name="items",
                                 verbose_name=_("standarddagordning"))
    position = models.PositiveIntegerField(_("ordning"), default=0)
    title = models.CharField(_("rubrik"), max_length=300)
    numbered = models.BooleanField(_("numrerad"), default=True)
    reports_follow_ups = models.BooleanField(
        _("återrapportering"), default=False,
        help_text=_("Punkten där uppföljningen av åtgärdsplanen sedan föregående möte visas."),
    )
    minutes = models.TextField(_("förifylld text"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("punkt i standarddagordning")
        verbose_name_plural = _("punkter i standarddagordning")

    def __str__(self):
        return self.title


class CalendarFeed(models.Model):
    """A user's secret address for subscribing to a council's meetings as iCalendar."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds",
                             verbose_name=_("användare"))
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="calendar_feeds",
                                verbose_name=_("råd"))
    token = models.CharField(_("nyckel"), max_length=64, unique=True, default=secrets.token_urlsafe, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("kalenderprenumeration")
        verbose_name_plural = _("kalenderprenumerationer")
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="calendarfeed_one_per_user_and_council"),
        ]

    def __str__(self):
        return f"{self.user} – {self.council}"

    def get_absolute_url(self):
        return reverse("meetings:calendar_feed_ics", args=[self.token])

