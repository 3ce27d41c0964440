"""Årshjul: the council's recurring work month by month, with this year's dates from its own data."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from councils.models import today
from measures.models import Agreement, Measure

from .models import Assessment, CitizenPromise

MONTHS = [gettext_lazy(name) for name in (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december")]

# The yearly rhythm Brå's Samverkanshandboken describes: lägesbild in the spring, decision before the
# summer, measures through the year with quarterly follow-up, dialogue and surveys in the autumn.
RECURRING = {
    1: [gettext_lazy("Sammanställ förra årets polisanmälningar och annan statistik"),
        gettext_lazy("Årsrapport om förra årets brottsförebyggande arbete")],
    2: [gettext_lazy("Analys av lägesbilden i arbetsgruppen")],
    3: [gettext_lazy("Kvartalsuppföljning av åtgärderna i rådet")],
    4: [gettext_lazy("Medborgardialog och trygghetsvandringar")],
    5: [gettext_lazy("Revidera lägesbilden och föreslå prioriteringar")],
    6: [gettext_lazy("Nämnden fastställer lägesbild och åtgärdsplan"),
        gettext_lazy("Kvartalsuppföljning av åtgärderna i rådet")],
    8: [gettext_lazy("Trygghetsmätning och skolenkät")],
    9: [gettext_lazy("Kvartalsuppföljning av åtgärderna i rådet"),
        gettext_lazy("Medborgarlöftena följs upp offentligt")],
    10: [gettext_lazy("Resurser till nästa års åtgärder i budgeten")],
    11: [gettext_lazy("Nya medborgarlöften förbereds med polisen")],
    12: [gettext_lazy("Kvartalsuppföljning av åtgärderna i rådet"),
         gettext_lazy("Samverkansöverenskommelsen ses över")],
}


@dataclass
class Month:
    number: int
    name: str
    recurring: list
    dated: list = field(default_factory=list)  # (date, text, url)
    is_current: bool = False


def annual_cycle(council, year):
    """Twelve months of recurring work, with the council's own dates in that year (four queries)."""
    months = [Month(n, str(MONTHS[n - 1]), [str(t) for t in RECURRING.get(n, [])]) for n in range(1, 13)]
    current = today()
    if current.year == year:
        months[current.month - 1].is_current = True
    for assessment in Assessment.objects.filter(council=council, next_revision_due__year=year):
        months[assessment.next_revision_due.month - 1].dated.append(
            (assessment.next_revision_due, _("Senaste dag för revidering: %(a)s") % {"a": assessment},
             assessment.get_absolute_url()))
    for agreement in Agreement.objects.filter(council=council):
        if agreement.ends_on.year == year:
            months[agreement.ends_on.month - 1].dated.append(
                (agreement.ends_on, _("Överenskommelsen %(a)s går ut") % {"a": agreement},
                 agreement.get_absolute_url()))
    for promise in CitizenPromise.objects.filter(council=council, valid_to__year=year):
        months[promise.valid_to.month - 1].dated.append(
            (promise.valid_to, _("Medborgarlöftet går ut: %(p)s") % {"p": promise}, ""))
    due = (Measure.objects.filter(council=council, follow_up_due__year=year)
           .annotate(month=ExtractMonth("follow_up_due")).values("month").annotate(n=Count("pk")).order_by())
    for row in due:
        months[row["month"] - 1].dated.append(
            (None, ngettext("%(n)s åtgärd ska följas upp", "%(n)s åtgärder ska följas upp", row["n"])
             % {"n": row["n"]}, ""))
    for month in months:
        month.dated.sort(key=lambda entry: (entry[0] is None, entry[0] or datetime.date.min))
    return months
