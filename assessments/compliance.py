"""Lagkrav och uppföljning: whether a council meets Lag (2023:196) and follows Brå's steps, line by line."""

from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, Max, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from councils.models import Membership, today
from measures.models import Agreement, FollowUp, Measure

from .models import Assessment, Cause, CitizenPromise, Indicator, Problem

GREEN, YELLOW, RED = "green", "yellow", "red"
RECENT_MONTHS = 6
REVISION_WARNING_DAYS = 60
FOLLOW_UP_GREEN, FOLLOW_UP_YELLOW = 0.8, 0.5
MAX_LISTED = 5


@dataclass
class Check:
    text: str
    ok: bool


@dataclass
class Line:
    """One requirement with its traffic light, what it found and where to fix it."""

    label: str
    status: str
    detail: str = ""
    fix_url: str = ""
    fix_label: str = ""
    checks: list = field(default_factory=list)
    items: list = field(default_factory=list)  # (text, url) of the things that need attention
    fix_is_read: bool = False  # the fix link only opens a page every member may read

    @property
    def status_label(self):
        return {GREEN: _("Uppfyllt"), YELLOW: _("Delvis"), RED: _("Saknas")}[self.status]


@dataclass
class Section:
    title: str
    lines: list
    intro: str = ""


def _from_checks(checks):
    passed = sum(check.ok for check in checks)
    return GREEN if passed == len(checks) else RED if passed == 0 else YELLOW


def _url(name, *args, query=""):
    return reverse(name, args=args) + (f"?{query}" if query else "")


@dataclass
class Facts:
    """Everything the page judges, loaded in a fixed number of queries."""

    council: object
    today: object
    recent_since: object
    assessment: object
    assessment_count: int
    problems: list
    agreement: object
    measures: list
    coordinators: list
    promises: list


def gather(council):
    """Load the facts: a dozen queries whatever the size of the council's history."""
    on = today()
    assessments = list(Assessment.objects.filter(council=council).order_by("-period_end", "-version", "-pk")
                       .prefetch_related("sources")[:20])
    adopted = [a for a in assessments if a.is_adopted]
    assessment = (adopted or assessments or [None])[0]
    problems = []
    if assessment is not None:
        problems = list(
            Problem.objects.filter(assessment=assessment).prefetch_related(
                Prefetch("causes", queryset=Cause.objects.prefetch_related(
                    Prefetch("measures", queryset=Measure.objects.only("pk")))),
                Prefetch("indicators", queryset=Indicator.objects.annotate(latest_measured=Max("measurements__date"))),
                Prefetch("measures", queryset=Measure.objects.only("pk")),
                Prefetch("agreements", queryset=Agreement.objects.only("pk")),
            )
        )
    agreement = Agreement.objects.filter(council=council).order_by("-valid_from", "-pk").first()
    in_scope = Q(problems__assessment=assessment) if assessment else Q(pk__in=[])
    if agreement is not None:
        in_scope |= Q(priority_area__agreement=agreement)
    newest = FollowUp.objects.filter(measure=OuterRef("pk")).order_by("-date").values("date")[:1]
    measures = list(
        Measure.objects.filter(council=council).filter(pk__in=Measure.objects.filter(in_scope).values("pk"))
        .annotate(
            latest_date=Subquery(newest),
            has_problem=Exists(Problem.measures.through.objects.filter(measure_id=OuterRef("pk"))),
            has_cause=Exists(Cause.measures.through.objects.filter(measure_id=OuterRef("pk"))),
            has_org=Exists(Measure.responsible_organisations.through.objects.filter(measure_id=OuterRef("pk"))),
            has_person=Exists(Measure.responsible_people.through.objects.filter(measure_id=OuterRef("pk"))),
        )
        .only("pk", "title", "council_id", "responsible_text", "effect_horizon", "follow_up_due", "prevention_type")
        .order_by("position", "pk")
    )
    coordinators = list(
        Membership.objects.current().filter(council=council, forum__isnull=True, role=Membership.Role.COORDINATOR)
        .select_related("person")
    )
    promises = list(CitizenPromise.objects.filter(council=council))
    return Facts(council=council, today=on, recent_since=on - relativedelta(months=RECENT_MONTHS), assessment=assessment,
                 assessment_count=len(assessments), problems=problems, agreement=agreement, measures=measures,
                 coordinators=coordinators, promises=promises)


def _measure_url(measure):
    return _url("measures:measure_detail", measure.pk)


def _links_url(facts, measure):
    return _url("assessments:measure_links", facts.council.pk, measure.pk)


def law_lines(facts):
    """The requirements of Lag (2023:196) and prop. 2022/23:43."""
    council, assessment = facts.council, facts.assessment
    lines = []
    new_url = _url("assessments:assessment_create", council.pk)
    if assessment is None:
        lines.append(Line(_("Lägesbild finns och är aktuell"), RED, _("Rådet har ingen lägesbild."),
                          new_url, _("Skapa lägesbild")))
    else:
        edit_url = _url("assessments:assessment_edit", council.pk, assessment.pk)
        if not assessment.is_adopted:
            status, detail = YELLOW, _("Lägesbilden är ett utkast och inte fastställd.")
        elif assessment.next_revision_due is None:
            status, detail = YELLOW, _("Fastställd, men inget datum för nästa revidering.")
        elif assessment.next_revision_due < facts.today:
            status, detail = RED, _("Skulle ha reviderats senast %(d)s.") % {"d": f"{assessment.next_revision_due:%Y-%m-%d}"}
        elif (assessment.next_revision_due - facts.today).days <= REVISION_WARNING_DAYS:
            status, detail = YELLOW, _("Revideras senast %(d)s.") % {"d": f"{assessment.next_revision_due:%Y-%m-%d}"}
        else:
            status, detail = GREEN, _("Fastställd %(date)s (%(ref)s), revideras senast %(due)s.") % {
                "date": f"{assessment.decision_date:%Y-%m-%d}" if assessment.decision_date else "–",
                "ref": assessment.decision_reference, "due": f"{assessment.next_revision_due:%Y-%m-%d}"}
        fix_url, fix_label = (new_url, _("Skapa ny version")) if status == RED else (edit_url, _("Ändra lägesbild"))
        lines.append(Line(_("Lägesbild finns och är aktuell"), status, detail, fix_url, fix_label))
        checks = [Check(_("Kartläggning av brottsligheten"), bool(assessment.survey.strip())),
                  Check(_("Annan relevant information"), bool(assessment.other_information.strip())),
                  Check(_("Analys"), bool(assessment.analysis.strip()))]
        lines.append(Line(_("Lägesbilden har lagens tre delar (4 §)"), _from_checks(checks), "", edit_url,
                          _("Ändra lägesbild"), checks))

    agreement = facts.agreement
    if agreement is None:
        lines.append(Line(_("Åtgärdsplan antagen med beslutsreferens"), RED, _("Ingen åtgärdsplan finns."),
                          _url("measures:agreement_create", council.pk), _("Ny överenskommelse")))
    else:
        ended = agreement.ends_on < facts.today
        status = GREEN if agreement.is_adopted and not ended else YELLOW if agreement.is_adopted or not ended else RED
        detail = f"{agreement}: " + (
            _("antagen (%(ref)s)") % {"ref": agreement.decision_reference} if agreement.is_adopted
            else _("ingen beslutsreferens"))
        if ended:
            detail += " · " + _("gick ut %(d)s") % {"d": f"{agreement.ends_on:%Y-%m-%d}"}
        lines.append(Line(_("Åtgärdsplan antagen med beslutsreferens"), status, detail,
                          _url("measures:agreement_edit", agreement.pk), _("Ändra överenskommelse")))

    measures = facts.measures
    unlinked = [m for m in measures if not (m.has_problem and m.has_cause)]
    status = RED if not measures or len(unlinked) == len(measures) else YELLOW if unlinked else GREEN
    detail = (_("Inga åtgärder att bedöma.") if not measures else
              _("%(ok)s av %(n)s åtgärder verkar på ett problem och en orsak.") % {
                  "ok": len(measures) - len(unlinked), "n": len(measures)})
    lines.append(Line(
        _("Varje åtgärd verkar på ett problem och en orsak"), status, detail,
        _links_url(facts, unlinked[0]) if unlinked else "", _("Koppla åtgärd") if unlinked else "",
        items=[(m.title, _links_url(facts, m)) for m in unlinked[:MAX_LISTED]],
    ))

    def has_responsible(m):
        return bool(m.responsible_text.strip()) or m.has_org or m.has_person

    def has_time_frame(m):
        return bool(m.effect_horizon) and m.follow_up_due is not None

    lacking = [m for m in measures if not (has_responsible(m) and has_time_frame(m))]
    status = RED if not measures or len(lacking) == len(measures) else YELLOW if lacking else GREEN
    lines.append(Line(
        _("Varje åtgärd har ansvarig och tidsram"), status,
        _("%(ok)s av %(n)s åtgärder har ansvarig, effekthorisont och nästa uppföljningsdatum.") % {
            "ok": len(measures) - len(lacking), "n": len(measures)},
        _url("measures:measure_edit", lacking[0].pk) if lacking else "", _("Ändra åtgärd") if lacking else "",
        items=[(m.title, _url("measures:measure_edit", m.pk)) for m in lacking[:MAX_LISTED]],
    ))

    names = ", ".join(m.person.full_name for m in facts.coordinators)
    lines.append(Line(
        _("Samordningsfunktion utsedd"), GREEN if names else RED,
        _("Samordnare: %(names)s") % {"names": names} if names else _("Rådet har ingen samordnare."),
        "" if names else _url("councils:membership_create", council.pk), "" if names else _("Ge roll"),
    ))

    recent = [m for m in measures if m.latest_date and m.latest_date >= facts.recent_since]
    share = len(recent) / len(measures) if measures else 0
    status = GREEN if share >= FOLLOW_UP_GREEN else YELLOW if share >= FOLLOW_UP_YELLOW else RED
    lines.append(Line(
        _("Uppföljningen är aktuell"), status,
        _("%(ok)s av %(n)s åtgärder följdes upp efter %(since)s.") % {
            "ok": len(recent), "n": len(measures), "since": f"{facts.recent_since:%Y-%m-%d}"},
        _url("measures:stale_measures", council.pk), _("Åtgärder utan uppföljning"),
    ))
    return lines


def problem_line(facts, problem):
    """A problem is green when its causes are analysed, a measure acts on one, and both are followed up."""
    causes = list(problem.causes.all())
    acted_on = {m.pk for cause in causes for m in cause.measures.all()}
    latest = {m.pk: m.latest_date for m in facts.measures}
    followed = any(latest.get(pk) and latest[pk] >= facts.recent_since for pk in acted_on)
    indicators = list(problem.indicators.all())
    checks = [
        Check(_("Orsaker analyserade"), bool(causes)),
        Check(_("En åtgärd verkar på en orsak"), bool(acted_on)),
        Check(_("Indikator med utgångsvärde"), bool(indicators)),
        Check(_("Uppföljning de senaste %(n)s månaderna") % {"n": RECENT_MONTHS}, followed),
    ]
    status = RED if not (causes and acted_on) else GREEN if all(c.ok for c in checks) else YELLOW
    return Line(str(problem), status, "", _url("assessments:problem_detail", facts.council.pk, problem.pk),
                _("Öppna problemet"), checks, fix_is_read=True)


def bra_lines(facts):
    """Brå's steps (Samverkanshandboken) with their checklists."""
    council, assessment, problems, measures = facts.council, facts.assessment, facts.problems, facts.measures
    assessment_url = (_url("assessments:assessment_detail", council.pk, assessment.pk) if assessment
                      else _url("assessments:assessment_create", council.pk))
    sources = list(assessment.sources.all()) if assessment else []
    causes = [cause for problem in problems for cause in problem.causes.all()]
    linked_problems = [p for p in problems if any(c.measures.all() for c in p.causes.all())]
    kinds = {m.prevention_type for m in measures if m.has_problem}
    latest = {m.pk: m.latest_date for m in measures}
    measured = [i for p in problems for i in p.indicators.all() if i.latest_measured]
    steps = [
        (_("1. Lägesbild"), [
            Check(_("Minst två slags källor"), len({s.kind for s in sources}) >= 2),
            Check(_("Varje källa säger vad den inte kan visa"), bool(sources) and all(s.limitations for s in sources)),
            Check(_("Lägesbilden är fastställd"), bool(assessment and assessment.is_adopted)),
        ]),
        (_("2. Prioriterade problem"), [
            Check(_("Minst ett problem"), bool(problems)),
            Check(_("Varje problem säger var, vilka och när"),
                  bool(problems) and all(p.where and p.who and p.when for p in problems)),
        ]),
        (_("3. Orsaksanalys"), [
            Check(_("Varje problem har orsaker"), bool(problems) and all(p.causes.all() for p in problems)),
            Check(_("Orsaker från minst två perspektiv (gärningsperson, offer, plats)"),
                  len({c.side for c in causes}) >= 2),
        ]),
        (_("4. Åtgärder"), [
            Check(_("Varje problem har en åtgärd som verkar på en orsak"),
                  bool(problems) and len(linked_problems) == len(problems)),
            Check(_("Både social och situationell prevention"), {"social", "situationell"} <= kinds),
        ]),
        (_("5. Genomförande"), [
            Check(_("Varje åtgärd har ansvarig"),
                  bool(measures) and all(m.responsible_text.strip() or m.has_org or m.has_person for m in measures)),
            Check(_("Varje åtgärd har nästa uppföljningsdatum"),
                  bool(measures) and all(m.follow_up_due for m in measures)),
        ]),
        (_("6. Uppföljning"), [
            Check(_("Varje problem har en indikator"), bool(problems) and all(p.indicators.all() for p in problems)),
            Check(_("Indikatorerna har mätts efter utgångsvärdet"), bool(measured)),
            Check(_("Åtgärderna följs upp"),
                  bool(measures) and any(d and d >= facts.recent_since for d in latest.values())),
        ]),
        (_("7. Revidering"), [
            Check(_("Datum för nästa revidering satt"), bool(assessment and assessment.next_revision_due)),
            Check(_("Revideringen är inte försenad"), bool(assessment and not assessment.is_past_revision)),
        ]),
    ]
    lines = [Line(title, _from_checks(checks), "", assessment_url, _("Öppna lägesbilden"), checks,
                  fix_is_read=assessment is not None) for title, checks in steps]
    agreement = facts.agreement
    if agreement is not None:
        checks = [
            Check(_("Problem i fokus kopplade från lägesbilden"),
                  any(agreement.pk in {a.pk for a in p.agreements.all()} for p in problems)),
            Check(_("Mätbara mål"), bool(agreement.measurable_goals.strip())),
            Check(_("Hur arbetet dokumenteras"), bool(agreement.documentation.strip())),
            Check(_("Hur arbetet följs upp"), bool(agreement.follow_up_method.strip())),
            Check(_("Undertecknad av"), bool(agreement.signed_by.strip())),
        ]
        lines.append(Line(_("Samverkansöverenskommelse"), _from_checks(checks), str(agreement),
                          _url("measures:agreement_edit", agreement.pk), _("Ändra överenskommelse"), checks))
    current = [p for p in facts.promises if p.is_current]
    lines.append(Line(
        _("Medborgarlöften"), GREEN if current and all(p.public_follow_up for p in current) else YELLOW,
        _("%(n)s gällande medborgarlöften.") % {"n": len(current)} if current
        else _("Inga gällande medborgarlöften (frivilligt, men Brå rekommenderar dem)."),
        _url("assessments:promise_create", council.pk), _("Nytt medborgarlöfte"),
    ))
    return lines


def compliance_for(council):
    """The page's sections: the law, each problem of the current lägesbild, Brå's steps."""
    facts = gather(council)
    sections = [
        Section(_("Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"), law_lines(facts)),
        Section(_("Problemen i lägesbilden"), [problem_line(facts, p) for p in facts.problems],
                intro=_("Grönt när orsakerna är analyserade, en åtgärd verkar på en orsak, det finns en indikator "
                        "och åtgärden har följts upp.")),
        Section(_("Brås steg i det brottsförebyggande arbetet"), bra_lines(facts)),
    ]
    return facts, sections
