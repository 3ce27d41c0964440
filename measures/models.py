"""What is done about it: agreements, priority areas, measures, their activities and follow-up."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils.models import Council, Forum, Organisation, Person, today


class Place(models.Model):
    """A place with its own place-based cooperation (platssamverkan) and working document."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="places", verbose_name=_("råd"))
    name = models.CharField(_("namn"), max_length=200)
    description = models.TextField(
        _("beskrivning"), blank=True, help_text=_("T.ex. \"Centrummiljö och närliggande område …\".")
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("plats")
        verbose_name_plural = _("platser")
        constraints = [models.UniqueConstraint(fields=["council", "name"], name="place_unique_name_per_council")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("measures:place_detail", args=[self.pk])


def agreement_document_path(instance, filename):
    """A stored name that reveals nothing and cannot collide; the ending was checked against the content."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"measures/agreements/{secrets.token_hex(16)}.{suffix}"


class Agreement(models.Model):
    """A joint action plan (samverkansöverenskommelse) between the municipality and the police."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("råd")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    parties = models.ManyToManyField(
        Organisation, related_name="agreements", blank=True, verbose_name=_("parter")
    )
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till"))
    extended_to = models.DateField(_("förlängd till"), null=True, blank=True)
    signed_on = models.DateField(_("undertecknad"), null=True, blank=True)
    document = models.FileField(_("dokument"), upload_to=agreement_document_path, blank=True, max_length=300,
                                help_text=_("PDF, DOCX, XLSX, ODT, PNG eller JPEG, högst 20 MB."))
    description = models.TextField(_("inledning"), blank=True)
    # The terms Brå's Samverkanshandboken asks of a samverkansöverenskommelse; the problems in focus
    # are linked from the assessments app (Problem.agreements), which depends on this one.
    decision_reference = models.CharField(
        _("beslutsreferens"), max_length=200, blank=True,
        help_text=_("Diarienummer eller paragraf i beslutet som antog planen, t.ex. \"SDN 2017-01-26 § 12\"."),
    )
    causes_text = models.TextField(_("orsaker i fokus"), blank=True)
    measurable_goals = models.TextField(_("mätbara mål"), blank=True)
    documentation = models.TextField(_("hur arbetet dokumenteras"), blank=True)
    follow_up_method = models.TextField(_("hur arbetet följs upp"), blank=True)
    signed_by = models.TextField(_("undertecknad av"), blank=True, help_text=_("Namn och roll, en per rad."))

    class Meta:
        ordering = ["-valid_from", "title"]
        verbose_name = _("samverkansöverenskommelse")
        verbose_name_plural = _("samverkansöverenskommelser")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=F("valid_from")),
                name="agreement_valid_from_before_to",
                violation_error_message=_("Överenskommelsen kan inte sluta gälla innan den börjar gälla."),
            ),
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True) | Q(extended_to__gte=F("valid_to")),
                name="agreement_extended_after_to",
                violation_error_message=_("Förlängningen måste sluta efter det ursprungliga slutdatumet."),
            ),
        ]

    def __str__(self):
        return f"{self.title} {self.valid_from:%Y}–{self.valid_to:%Y}"

    def get_absolute_url(self):
        return reverse("measures:agreement_plan", args=[self.pk])

    def get_document_url(self):
        return reverse("measures:agreement_document", args=[self.pk])

    @property
    def ends_on(self):
        return self.extended_to or self.valid_to

    @property
    def is_adopted(self):
        return bool(self.decision_reference.strip())

    @property
    def is_current(self):
        return self.valid_from <= today() <= self.ends_on


class PriorityArea(models.Model):
    """A priority area (prioriterat område) of an agreement, with its goal, purpose and target groups."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="priority_areas", verbose_name=_("överenskommelse")
    )
    section = models.CharField(
        _("avsnitt"), max_length=200, blank=True,
        help_text=_("Gemensam rubrik för flera områden, t.ex. \"Olovliga bosättningar/påträngande tiggeri\"."),
    )
    name = models.CharField(_("namn"), max_length=200)
    goal = models.TextField(_("mål"), blank=True)
    purpose = models.TextField(_("syfte"), blank=True)
    cooperation = models.TextField(
        _("samverkansforum"), blank=True, help_text=_("Samverkan för hela området, om planen anger det.")
    )
    target_primary = models.TextField(_("primär målgrupp"), blank=True)
    target_secondary = models.TextField(_("sekundär målgrupp"), blank=True)
    position = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("prioriterat område")
        verbose_name_plural = _("prioriterade områden")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "name"], name="priority_area_unique_name_per_agreement")
        ]

    def __str__(self):
        return self.name


class PreventionType(models.TextChoices):
    SOCIAL = "social", _("Social")
    SITUATIONAL = "situationell", _("Situationell")


class EffectHorizon(models.TextChoices):
    SHORT = "kort", _("Kort sikt")
    LONG = "lang", _("Lång sikt")


class EvidenceBasis(models.TextChoices):
    PROVEN = "beprovad", _("Beprövad")
    EVALUATED = "utvarderad", _("Utvärderad")
    NEW = "ny", _("Ny")


class PositionQuerySet(models.QuerySet):
    """Rows kept in a user-given order."""

    def next_position(self):
        """The position after the last one of these rows (0 when there are none)."""
        last = self.aggregate(last=models.Max("position"))["last"]
        return 0 if last is None else last + 1


class MeasureQuerySet(PositionQuerySet):
    def with_latest_status(self):
        """Annotate latest_status and latest_date: the status and date of the newest follow-up."""
        newest = FollowUp.objects.filter(measure=OuterRef("pk")).order_by("-date", "-pk")
        return self.annotate(
            latest_status=Subquery(newest.values("status")[:1]),
            latest_date=Subquery(newest.values("date")[:1]),
        )

    def for_display(self):
        """Everything a list or table of measures shows, in a fixed number of queries."""
        return (
            self.select_related("priority_area", "place")
            .prefetch_related("forums", "responsible_organisations", "responsible_people", "activities")
            .with_latest_status()
        )

    def responsible(self, person):
        """Measures where the person, or the person's organisation, is responsible."""
        return self.filter(
            Q(responsible_people=person) | Q(responsible_organisations=person.organisation_id)
        ).distinct()

    def overdue(self, on=None):
        return self.filter(follow_up_due__lt=on or today())

    def open(self, on=None):
        """Measures still being worked on: in an action plan in force (extensions count), or outside any plan
        (a place's working document)."""
        on = on or today()
        in_force = Q(priority_area__agreement__valid_from__lte=on) & (
            Q(priority_area__agreement__valid_to__gte=on) | Q(priority_area__agreement__extended_to__gte=on)
        )
        return self.filter(in_force | Q(priority_area__isnull=True))

    def without_follow_up_since(self, since):
        return self.exclude(follow_ups__date__gte=since)


class Measure(models.Model):
    """A measure (åtgärd/insats) of a council: in the action plan or in a place's working document."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Åtgärd i åtgärdsplan")
        PROBLEM = "problem", _("Platssamverkan: problem")
        DEVELOPMENT = "utveckling", _("Platssamverkan: utveckling")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="measures", verbose_name=_("råd"))
    # RESTRICT: an area or place that still has measures cannot be deleted on its own,
    # but deleting the whole council (which cascades to both) still works.
    priority_area = models.ForeignKey(
        PriorityArea, on_delete=models.RESTRICT, null=True, blank=True, related_name="measures",
        verbose_name=_("prioriterat område"),
    )
    place = models.ForeignKey(
        Place, on_delete=models.RESTRICT, null=True, blank=True, related_name="measures", verbose_name=_("plats")
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.PLAN)
    title = models.TextField(_("åtgärd"))
    prevention_type = models.CharField(
        _("typ av prevention"), max_length=20, choices=PreventionType.choices, blank=True,
    )
    effect_horizon = models.CharField(_("effekt på"), max_length=10, choices=EffectHorizon.choices, blank=True)
    evidence_basis = models.CharField(
        _("kunskapsunderlag"), max_length=20, choices=EvidenceBasis.choices, blank=True,
        help_text=_("Beprövad: använd och dokumenterad på flera håll; utvärderad: effekten är studerad; ny: ingen "
                    "av dem ännu."),
    )
    problem = models.TextField(
        _("problemområde"), blank=True, help_text=_("Problemet (eller utvecklingsområdet) som åtgärden svarar mot.")
    )
    responsible_text = models.CharField(
        _("ansvarig"), max_length=300, blank=True, help_text=_("Som det står i planen, t.ex. \"Polis\".")
    )
    responsible_organisations = models.ManyToManyField(
        Organisation, related_name="measures", blank=True, verbose_name=_("ansvariga organisationer")
    )
    responsible_people = models.ManyToManyField(
        Person, related_name="measures", blank=True, verbose_name=_("ansvariga personer")
    )
    forums = models.ManyToManyField(Forum, related_name="measures", blank=True, verbose_name=_("samverkansforum"))
    forum_text = models.CharField(
        _("samverkansforum (text)"), max_length=300, blank=True,
        help_text=_("Som det står i planen, eller när inget forum passar, t.ex. \"Arbetsgrupp bildas i januari 2017\"."),
    )
    police_contact = models.TextField(_("polisens kontakt"), blank=True)
    police_commitment = models.TextField(_("polisens åtagande"), blank=True)
    admin_contact = models.TextField(_("förvaltningens kontakt"), blank=True)
    admin_commitment = models.TextField(_("förvaltningens åtagande"), blank=True)
    other_actors = models.TextField(_("tänkbara övriga aktörer"), blank=True)
    funding = models.TextField(_("finansiering"), blank=True)
    communication = models.TextField(_("kommunikation"), blank=True)
    follow_up_plan = models.TextField(_("uppföljning"), blank=True, help_text=_("Hur åtgärden följs upp."))
    participants = models.TextField(_("deltagare"), blank=True)
    convener = models.CharField(_("sammankallande/ansvarig"), max_length=300, blank=True)
    status_text = models.TextField(_("status/uppföljning"), blank=True)
    follow_up_due = models.DateField(_("nästa uppföljning senast"), null=True, blank=True)
    agenda_items = models.ManyToManyField(
        "meetings.AgendaItem", related_name="measures", blank=True, verbose_name=_("dagordningspunkter"),
        help_text=_("Punkter där åtgärden har tagits upp."),
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="plan") | Q(place__isnull=False),
                name="measure_place_work_has_place",
                violation_error_message=_("Platssamverkan måste höra till en plats."),
            ),
        ]
        indexes = [models.Index(fields=["council", "follow_up_due"], name="measure_council_due_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("measures:measure_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.kind != self.Kind.PLAN and not self.place_id:
            errors["place"] = _("Platssamverkan måste höra till en plats.")
        if self.priority_area_id and self.council_id and self.priority_area.agreement.council_id != self.council_id:
            errors["priority_area"] = _("Området hör till ett annat råd.")
        if self.place_id and self.council_id and self.place.council_id != self.council_id:
            errors["place"] = _("Platsen hör till ett annat råd.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_flagged(self):
        """True when the measure answers neither a priority area nor a stated problem."""
        return self.priority_area_id is None and not self.problem.strip()

    @property
    def forum_label(self):
        if self.forum_text:
            return self.forum_text
        return ", ".join(forum.name for forum in self.forums.all())

    @property
    def latest_status_label(self):
        status = getattr(self, "latest_status", None)
        return FollowUp.Status(status).label if status else ""

    @property
    def is_overdue(self):
        return self.follow_up_due is not None and self.follow_up_due < today()


class Activity(models.Model):
    """A prioritised activity (prioriterad aktivitet) of a measure."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="activities", verbose_name=_("åtgärd"))
    text = models.TextField(_("aktivitet"))
    position = models.PositiveIntegerField(_("ordning"), default=0)
    # SET_NULL: the activity outlives a decision that is removed from the minutes.
    decision = models.ForeignKey(
        "meetings.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="activities",
        verbose_name=_("uppdrag"), help_text=_("Uppdraget från ett möte som blev den här aktiviteten."),
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("prioriterad aktivitet")
        verbose_name_plural = _("prioriterade aktiviteter")
        constraints = [
            models.UniqueConstraint(
                fields=["decision"], condition=Q(decision__isnull=False), name="activity_one_per_decision",
                violation_error_message=_("Uppdraget är redan en aktivitet."),
            )
        ]

    def __str__(self):
        return self.text


class FollowUp(models.Model):
    """A dated follow-up note on a measure, with a traffic-light status and Brå's kind of follow-up."""

    class Status(models.TextChoices):
        GREEN = "gron", _("Grön – enligt plan")
        YELLOW = "gul", _("Gul – risk för avvikelse")
        RED = "rod", _("Röd – avviker")

    class Kind(models.TextChoices):
        PRODUCTION = "produktion", _("Produktion – vad som gjorts")
        PROCESS = "process", _("Process – hur arbetet går")
        EFFECT = "effekt", _("Effekt – vad det gett")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("åtgärd"))
    date = models.DateField(_("datum"), default=today)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    kind = models.CharField(_("typ av uppföljning"), max_length=20, choices=Kind.choices, default=Kind.PRODUCTION)
    note = models.TextField(_("anteckning"))
    author = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups",
        verbose_name=_("rapporterad av"),
    )
    # SET_NULL: a cancelled or deleted meeting must not take the follow-up with it.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups",
        verbose_name=_("rapporterad vid möte"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")
        indexes = [models.Index(fields=["measure", "-date", "-id"], name="followup_measure_date_idx")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_status_display()}: {self.measure}"

    def clean(self):
        # Not a CheckConstraint: "today" is not immutable, PostgreSQL refuses now() in a check.
        if self.date and self.date > today():
            raise ValidationError({"date": _("En uppföljning kan inte dateras i framtiden.")})


class Comment(models.Model):
    """A member's comment on a measure under review."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="comments", verbose_name=_("åtgärd"))
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="measure_comments",
                               verbose_name=_("författare"))
    text = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")

    def __str__(self):
        return f"{self.author}: {self.text[:50]}"
