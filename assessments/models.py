"""Why a council acts: the lägesbild (Lag 2023:196 § 4), its sources, problems, indicators and cause trees,
and the medborgarlöften; measures say which problem and cause they act on."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils.models import Council, today
from measures.models import Agreement, FollowUp, Measure, Place


class Assessment(models.Model):
    """A lägesbild: kartläggning, other relevant information and an analysis, adopted by a body."""

    class Status(models.TextChoices):
        DRAFT = "utkast", _("Utkast")
        ADOPTED = "faststalld", _("Fastställd")

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("råd")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    period_start = models.DateField(_("period från"))
    period_end = models.DateField(_("period till"))
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    deciding_body = models.CharField(
        _("beslutande organ"), max_length=200, blank=True, help_text=_("T.ex. \"Stadsdelsnämnden\".")
    )
    decision_date = models.DateField(_("beslutsdatum"), null=True, blank=True)
    decision_reference = models.CharField(
        _("beslutsreferens"), max_length=200, blank=True, help_text=_("Diarienummer eller paragraf.")
    )
    next_revision_due = models.DateField(_("revideras senast"), null=True, blank=True)
    # The three parts of § 4; sanitised HTML (meetings.sanitize) where stored and where rendered.
    survey = models.TextField(_("kartläggning av brottsligheten"), blank=True,
                              help_text=_("Brottslighetens omfattning, karaktär och konsekvenser."))
    other_information = models.TextField(_("annan relevant information"), blank=True)
    analysis = models.TextField(_("analys"), blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        ordering = ["-period_end", "-version", "-pk"]
        verbose_name = _("lägesbild")
        verbose_name_plural = _("lägesbilder")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="assessment_period_start_before_end",
                violation_error_message=_("Perioden kan inte sluta innan den börjar."),
            ),
            models.CheckConstraint(
                condition=~Q(status="faststalld") | ~Q(decision_reference=""),
                name="assessment_adopted_has_reference",
                violation_error_message=_("En fastställd lägesbild måste ha en beslutsreferens."),
            ),
            models.UniqueConstraint(
                fields=["council", "title", "version"], name="assessment_unique_version",
                violation_error_message=_("Rådet har redan en lägesbild med den rubriken och versionen."),
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def get_absolute_url(self):
        return reverse("assessments:assessment_detail", args=[self.council_id, self.pk])

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED

    @property
    def is_past_revision(self):
        return self.next_revision_due is not None and self.next_revision_due < today()


class Source(models.Model):
    """A source the lägesbild draws on, with why it was chosen and what it cannot show."""

    class Kind(models.TextChoices):
        REPORTS = "polisanmalningar", _("Polisanmälningar")
        NTU = "ntu", _("NTU (Brå:s nationella trygghetsundersökning)")
        SAFETY_SURVEY = "trygghetsmatning", _("Trygghetsmätning")
        EST = "est", _("EST-rapport")
        CITIZEN_DIALOGUE = "medborgardialog", _("Medborgardialog")
        STAFF_DIALOGUE = "medarbetardialog", _("Medarbetardialog")
        SCHOOL_SURVEY = "skolenkat", _("Skolenkät")
        OTHER = "annan", _("Annan")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="sources", verbose_name=_("lägesbild")
    )
    kind = models.CharField(_("typ av källa"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("benämning"), max_length=200)
    period = models.CharField(_("period"), max_length=100, blank=True, help_text=_("T.ex. \"2013–2017\"."))
    attachment = models.FileField(_("bilaga"), upload_to="assessments/sources/%Y/", blank=True)
    why_chosen = models.TextField(_("varför källan valts"), blank=True)
    limitations = models.TextField(_("vad källan inte kan visa"), blank=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("källa")
        verbose_name_plural = _("källor")

    def __str__(self):
        return self.title


class ProblemQuerySet(models.QuerySet):
    def of_council(self, council):
        return self.filter(assessment__council=council)


class Problem(models.Model):
    """A prioritised problem of a lägesbild: what, where, who, when, with indicators and a cause tree."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="problems", verbose_name=_("lägesbild")
    )
    title = models.CharField(_("problem"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    places = models.ManyToManyField(Place, related_name="problems", blank=True, verbose_name=_("platser"))
    where = models.CharField(_("var"), max_length=300, blank=True)
    who = models.CharField(_("vilka"), max_length=300, blank=True, help_text=_("Utsatta och gärningspersoner."))
    when = models.CharField(_("när"), max_length=300, blank=True)
    crime_type = models.CharField(_("brottstyp"), max_length=200, blank=True)
    priority = models.PositiveSmallIntegerField(_("prioritet"), default=1, help_text=_("1 är högst."))
    measures = models.ManyToManyField(
        Measure, related_name="problems", blank=True, verbose_name=_("åtgärder"),
    )
    agreements = models.ManyToManyField(
        Agreement, related_name="focus_problems", blank=True, verbose_name=_("i fokus i överenskommelse"),
    )

    objects = ProblemQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "pk"]
        verbose_name = _("problem")
        verbose_name_plural = _("problem")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessments:problem_detail", args=[self.assessment.council_id, self.pk])


class Indicator(models.Model):
    """A measurable sign of a problem: baseline, target, source and date of measurement."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="indicators",
                                verbose_name=_("problem"))
    name = models.CharField(_("indikator"), max_length=200)
    unit = models.CharField(_("enhet"), max_length=50, help_text=_("T.ex. \"anmälda rån per år\" eller \"%\"."))
    baseline_value = models.DecimalField(_("utgångsvärde"), max_digits=12, decimal_places=2)
    baseline_date = models.DateField(_("mätdatum för utgångsvärdet"))
    target_value = models.DecimalField(_("målvärde"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(_("målet nås senast"), null=True, blank=True)
    # SET_NULL: the indicator keeps its figures when a source is removed from the lägesbild.
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="indicators", verbose_name=_("källa"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        constraints = [
            models.CheckConstraint(condition=~Q(unit=""), name="indicator_has_unit",
                                   violation_error_message=_("Ange indikatorns enhet.")),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"


class Measurement(models.Model):
    """A measured value of an indicator, often reported with a follow-up of a measure."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements",
                                  verbose_name=_("indikator"))
    value = models.DecimalField(_("värde"), max_digits=12, decimal_places=2)
    date = models.DateField(_("mätdatum"))
    # SET_NULL: the figure stays when the follow-up note it came with is removed.
    follow_up = models.ForeignKey(FollowUp, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="measurements", verbose_name=_("uppföljning"))

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("mätning")
        verbose_name_plural = _("mätningar")
        indexes = [models.Index(fields=["indicator", "-date"], name="measurement_indicator_date_idx")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.value} {self.indicator.unit}"


class Cause(models.Model):
    """A cause of a problem, seen from the offender's, the victim's or the place's side; causes form a tree."""

    class Side(models.TextChoices):
        OFFENDER = "garningsperson", _("Gärningspersonen")
        VICTIM = "offer", _("Brottsoffret")
        PLACE = "plats", _("Platsen")

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="causes", verbose_name=_("problem"))
    # CASCADE: a cause only exists to explain its parent; removing the parent removes the branch.
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
                               verbose_name=_("bakomliggande orsak till"))
    side = models.CharField(_("perspektiv"), max_length=20, choices=Side.choices)
    description = models.TextField(_("orsak"))
    measures = models.ManyToManyField(Measure, related_name="causes", blank=True, verbose_name=_("åtgärder"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("orsak")
        verbose_name_plural = _("orsaker")
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="cause_not_own_parent",
                                   violation_error_message=_("En orsak kan inte vara orsak till sig själv.")),
        ]

    def __str__(self):
        return self.description[:120]


class CitizenPromise(models.Model):
    """A medborgarlöfte: a public promise by the municipality and the police, followed up in public."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="citizen_promises",
                                verbose_name=_("råd"))
    # SET_NULL: a promise already made stays on record when the lägesbild is revised.
    problem = models.ForeignKey(Problem, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="citizen_promises", verbose_name=_("problem"))
    promise = models.TextField(_("löfte"))
    municipality_activities = models.TextField(_("kommunens aktiviteter"), blank=True)
    police_activities = models.TextField(_("polisens aktiviteter"), blank=True)
    other_activities = models.TextField(_("andra parters aktiviteter"), blank=True)
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till"))
    dialogue = models.TextField(_("medborgardialog som löftet bygger på"), blank=True)
    public_follow_up = models.TextField(_("offentlig uppföljning"), blank=True,
                                        help_text=_("Var och hur uppföljningen redovisas för allmänheten."))

    class Meta:
        ordering = ["-valid_from", "pk"]
        verbose_name = _("medborgarlöfte")
        verbose_name_plural = _("medborgarlöften")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=F("valid_from")), name="citizen_promise_from_before_to",
                violation_error_message=_("Löftet kan inte sluta gälla innan det börjar gälla."),
            ),
        ]

    def __str__(self):
        return self.promise[:120]

    @property
    def is_current(self):
        return self.valid_from <= today() <= self.valid_to
