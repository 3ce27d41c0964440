"""The accessibility statement (tillgänglighetsredogörelse) that DOS-lagen requires, after DIGG's template."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


class Statement(models.Model):
    """Lobra's one accessibility statement, edited by a site administrator in the admin."""

    class Compliance(models.TextChoices):
        FULL = "helt", _("helt förenlig")
        PARTIAL = "delvis", _("delvis förenlig")
        NONE = "inte", _("inte förenlig")

    # One statement per installation: the primary key is fixed to 1 and the database refuses another row.
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False,
                                          validators=[MinValueValidator(1), MaxValueValidator(1)])
    organisation = models.CharField(_("organisation"), max_length=200,
                                    help_text=_("Den offentliga aktör som ansvarar för tjänsten."))
    service_name = models.CharField(_("tjänstens namn"), max_length=200, default="Lobra")
    compliance = models.CharField(_("förenlighet med lagkraven"), max_length=10, choices=Compliance.choices,
                                  default=Compliance.PARTIAL)
    contact_email = models.EmailField(_("e-post för synpunkter"),
                                      help_text=_("Hit skickas det som skrivs i formuläret på redogörelsen."))
    contact_phone = models.CharField(_("telefon"), max_length=50, blank=True)
    response_time = models.CharField(_("svarstid"), max_length=200, blank=True,
                                     default=_("Vi svarar normalt inom fem arbetsdagar."))
    not_covered = models.TextField(_("innehåll som inte omfattas av lagkraven (9 §)"), blank=True)
    disproportionate_burden = models.TextField(_("oskäligt betungande anpassning (12 §)"), blank=True)
    assessment_method = models.TextField(_("hur vi testat tjänsten"))
    assessed_on = models.DateField(_("bedömningen gjord"))
    published_on = models.DateField(_("tjänsten publicerad"))
    updated_at = models.DateTimeField(_("senast uppdaterad"), auto_now=True)

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")
        verbose_name_plural = _("tillgänglighetsredogörelse")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="statement_is_single")]

    def __str__(self):
        return _("Tillgänglighetsredogörelse för %(service)s") % {"service": self.service_name}


class Deviation(models.Model):
    """Content that is not yet accessible: what, why, and when it will be fixed."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="deviations",
                                  verbose_name=_("redogörelse"))
    description = models.TextField(_("brist"))
    criteria = models.CharField(_("WCAG-kriterier"), max_length=100, blank=True, help_text=_("T.ex. 1.3.1, 2.4.6"))
    reason = models.TextField(_("skäl"), blank=True)
    planned_fix = models.TextField(_("planerad åtgärd"), blank=True)
    planned_by = models.DateField(_("åtgärdas senast"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("känd brist")
        verbose_name_plural = _("kända brister")

    def __str__(self):
        return self.description[:80]
