"""Demo lägesbild: the 2018 analysis of robberies of children (seeds/tjansteutlatande-2018-ran-mot-barn.txt),
its sources, problems and cause trees, tied to the demo's measures from the 2017 plan.

Figures, places and causes come from the seed; the decision reference, the revision date, the indicator
targets and the medborgarlöfte are invented so that the compliance page shows a realistic mix.
"""

import datetime
from decimal import Decimal

from assessments.models import Assessment, Cause, CitizenPromise, Indicator, Measurement, Problem, Source
from assessments.richtext import clean_section
from councils.models import Council
from measures.models import Agreement, Measure, Place

from .dates import recent

COUNCIL = "Hägersten-Älvsjös lokala brottsförebyggande råd"
COLLECTIVE = "Öka den kollektiva förmågan hos allmänheten"
YOUTH = "Trygga uppväxten för barn och unga"
VASTERTORP = "Motverka otrygghet och brottsutsatthet i Västertorp"

ASSESSMENT = {
    "title": "Lägesbild rån mot barn i Hägersten-Liljeholmen",
    "version": 1,
    "period_start": datetime.date(2013, 1, 1),
    "period_end": datetime.date(2017, 12, 31),
    "status": Assessment.Status.ADOPTED,
    "deciding_body": "Hägersten-Liljeholmens stadsdelsnämnd",
    "decision_date": datetime.date(2018, 4, 19),
    "decision_reference": "SDN 2018-04-19 § 12",
    "next_revision_due": recent(datetime.date(2026, 12, 31)),
    "survey": (
        "Rån mot personer under 18 år i Hägersten-Liljeholmen har under 2016 (18 brott) och 2017 (29 brott) ökat "
        "jämfört med tidigare år; 2013 anmäldes 15 rån mot barn. I staden som helhet ökade rånen mot barn med "
        "38,5 procent mellan 2013 och 2017.\n\n"
        "Ökningen är främst koncentrerad till Liljeholmen och området runt Trekanten. En viss ökning ses även i "
        "Fruängen och en svag ökning i Västertorp."
    ),
    "other_information": (
        "Liljeholmen är en knutpunkt där ca 30 000 resenärer per dygn passerar, med en galleria med över 100 "
        "butiker, restauranger och ett systembolag som gör att många stannar till i området. Där finns även ett "
        "stort antal gymnasieskolor med totalt cirka 3 600 elever från hela Storstockholm.\n\n"
        "Västertorp och i viss mån Fruängen har under 2017 haft problem med barn och ungdomar som stört "
        "ordningen. Liljeholmen, Västertorp och ungdomar är prioriterade områden i förvaltningens "
        "samverkansöverenskommelse med polisen."
    ),
    "analysis": (
        "Rånen följer flödena av unga: knutpunkten, gallerian och gymnasieskolorna samlar många möjliga offer på "
        "en liten yta, och platser med dålig belysning och liten insyn gör det lätt att begå brott obemärkt.\n\n"
        "Förvaltningen arbetar därför med både <strong>social</strong> prevention (fältassistenter, fritidsgårdar, "
        "socialtjänst, föräldrastöd) och <strong>situationell</strong> prevention (belysning, öppna platser med "
        "insyn, vuxennärvaro, polisens närvaro). Om behovet finns kan stadens trygghetsjour med ordningsvakter "
        "användas, och förvaltningen kan hjälpa polisen med platser som är lämpliga för kameraövervakning."
    ),
}

SOURCES = [
    (Source.Kind.REPORTS, "Polisanmälda rån mot personer under 18 år", "2013–2017",
     "Visar utvecklingen över tid och var rånen sker.",
     "Bara anmälda brott: många rån mot barn anmäls aldrig, så mörkertalet är stort."),
    (Source.Kind.OTHER, "Orosanmälningar till socialtjänsten", "2017",
     "Ger kännedom om barns utsatthet som inte polisanmäls.",
     "Omfattas av sekretess och kan inte redovisas per plats."),
    (Source.Kind.STAFF_DIALOGUE, "Fältassistenternas uppsökande arbete och samverkan", "2017–2018",
     "Visar var unga samlas och vad de själva berättar.",
     "Bygger på iakttagelser, inte på mätningar; täcker inte alla tider på dygnet."),
    (Source.Kind.SAFETY_SURVEY, "Stockholms stads trygghetsmätning", "2017",
     "Visar otryggheten i stadsdelsområdet; trygghetsmålet nåddes inte 2017.",
     "Frågar vuxna boende, inte barn; säger inget om enskilda platser."),
]

# Problem: (title, fields, places, indicator, measurements, causes).
# A cause: (key, parent key or None, side, description, measure titles acting on it).
PROBLEMS = [
    ("Rån mot barn och unga under 18 år", {
        "priority": 1, "crime_type": "Rån",
        "description": "Rånen mot barn har nästan fördubblats sedan 2013.",
        "where": "Liljeholmen och området runt Trekanten", "who": "Barn och unga under 18 år",
        "when": "",
    }, ["Liljeholmen"],
        {"name": "Anmälda rån mot personer under 18 år", "unit": "anmälda brott per år",
         "baseline_value": Decimal(15), "baseline_date": datetime.date(2013, 12, 31),
         "target_value": Decimal(15), "target_date": datetime.date(2027, 12, 31)},
        [(datetime.date(2016, 12, 31), Decimal(18)), (datetime.date(2017, 12, 31), Decimal(29))],
        [
            ("hub", None, Cause.Side.PLACE,
             "Liljeholmen är en knutpunkt där cirka 30 000 resenärer per dygn passerar.", [COLLECTIVE]),
            ("mall", "hub", Cause.Side.PLACE,
             "Gallerian med över 100 butiker, restauranger och ett systembolag gör att många stannar i området.",
             []),
            ("pupils", None, Cause.Side.VICTIM,
             "Cirka 3 600 gymnasieelever från hela Storstockholm rör sig i området varje skoldag.", []),
            ("lighting", None, Cause.Side.PLACE,
             "Platser med dålig belysning och liten insyn.", []),
            ("offenders", None, Cause.Side.OFFENDER,
             "Unga som dras till platser, miljöer och situationer där brott är lätta att begå.", [YOUTH]),
        ]),
    ("Barn och ungdomar som stör ordningen i Västertorp och Fruängen", {
        "priority": 2, "crime_type": "Ordningsstörningar", "description": "",
        "where": "Västertorp, i viss mån Fruängen", "who": "Barn och ungdomar", "when": "Under 2017",
    }, ["Fruängen/Västertorp/Hägerstensåsen"], None, [],
        [("gangs", None, Cause.Side.OFFENDER,
          "En mindre grupp barn och ungdomar som samlas utan vuxna i närheten.", [VASTERTORP])]),
    ("Otryggheten ökar i stadsdelsområdet", {
        "priority": 3, "crime_type": "", "description": "Fjolårets trygghetsmål uppnåddes inte.",
        "where": "Hela stadsdelsområdet", "who": "", "when": "",
    }, [], None, [], []),
]

MEASURE_TERMS = {
    COLLECTIVE: ("situationell", "kort", "beprovad"),
    YOUTH: ("social", "lang", "utvarderad"),
    VASTERTORP: ("situationell", "kort", "ny"),
}

PROMISE = {
    "promise": "Vi ska öka vuxennärvaron vid Liljeholmens knutpunkt under skolveckornas eftermiddagar.",
    "municipality_activities": "Fältassistenter och fritidsgårdar riktar verksamheten till Liljeholmen.",
    "police_activities": "Riktad närvaro vid Trekanten och i gallerian.",
    "other_activities": "Gallerians väktare och SL:s trygghetsvärdar deltar.",
    "valid_from": recent(datetime.date(2026, 1, 1)),
    "valid_to": recent(datetime.date(2026, 12, 31)),
    "dialogue": "Medborgardialog med elever och föräldrar i Liljeholmen hösten 2025.",
    "public_follow_up": "Redovisas på stadsdelens webbplats varje kvartal.",
}


def load(stdout=None):
    """Create or update the demo lägesbild; running it again changes nothing."""
    council = Council.objects.get(name=COUNCIL)
    fields = {key: value for key, value in ASSESSMENT.items() if key not in ("title", "version")}
    for name in ("survey", "other_information", "analysis"):
        fields[name] = clean_section(fields[name])
    assessment, _ = Assessment.objects.update_or_create(
        council=council, title=ASSESSMENT["title"], version=ASSESSMENT["version"], defaults=fields)
    sources = {}
    for kind, title, period, why, limits in SOURCES:
        sources[kind], _ = Source.objects.update_or_create(
            assessment=assessment, title=title,
            defaults={"kind": kind, "period": period, "why_chosen": why, "limitations": limits})
    measures = {m.title: m for m in Measure.objects.filter(council=council, title__in=MEASURE_TERMS)}
    for title, (prevention, horizon, evidence) in MEASURE_TERMS.items():
        if title in measures:
            Measure.objects.filter(pk=measures[title].pk).update(
                prevention_type=prevention, effect_horizon=horizon, evidence_basis=evidence)
    agreement = Agreement.objects.filter(council=council).order_by("-valid_from").first()
    first = None
    for title, data, places, indicator, measured, causes in PROBLEMS:
        problem, _ = Problem.objects.update_or_create(assessment=assessment, title=title, defaults=data)
        first = first or problem
        problem.places.set(Place.objects.filter(council=council, name__in=places))
        if agreement is not None:
            problem.agreements.add(agreement)
        if indicator:
            row, _ = Indicator.objects.update_or_create(
                problem=problem, name=indicator["name"],
                defaults={**indicator, "source": sources[Source.Kind.REPORTS]})
            for date, value in measured:
                Measurement.objects.update_or_create(indicator=row, date=date, defaults={"value": value})
        made = {}
        for key, parent, side, description, acting in causes:
            made[key], _ = Cause.objects.update_or_create(
                problem=problem, description=description, defaults={"side": side, "parent": made.get(parent)})
            linked = [measures[t] for t in acting if t in measures]
            made[key].measures.set(linked)
            problem.measures.add(*linked)
    CitizenPromise.objects.update_or_create(council=council, promise=PROMISE["promise"],
                                            defaults={**PROMISE, "problem": first})
    if stdout:
        stdout.write(f"Lägesbild: {assessment}, {assessment.problems.count()} problem, "
                     f"{Cause.objects.filter(problem__assessment=assessment).count()} orsaker.")
    return assessment
