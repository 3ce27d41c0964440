import datetime

from django.core.management import call_command
from django.urls import reverse

from councils.models import today
from measures.models import Agreement, FollowUp, Measure, Place, PriorityArea


def test_my_measures_lists_what_the_member_or_her_organisation_answers_for(
    member_client, police_measure, municipal_measure, council
):
    response = member_client.get(reverse("measures:my_measures", args=[council.pk]))
    assert response.status_code == 200
    assert [m.pk for m in response.context["measures"]] == [police_measure.pk]


def test_my_measures_puts_overdue_follow_ups_first_and_marks_them(member_client, member, council, police_measure,
                                                                 municipal_measure):
    municipal_measure.responsible_people.add(member)
    Measure.objects.filter(pk=municipal_measure.pk).update(follow_up_due=today() - datetime.timedelta(days=5))
    Measure.objects.filter(pk=police_measure.pk).update(follow_up_due=today() + datetime.timedelta(days=5))
    response = member_client.get(reverse("measures:my_measures", args=[council.pk]))
    assert [m.pk for m in response.context["measures"]] == [municipal_measure.pk, police_measure.pk]
    assert "(försenad)" in response.content.decode()


def test_coordinator_sees_measures_without_recent_follow_up(coordinator_client, council, police_measure,
                                                            municipal_measure):
    FollowUp.objects.create(measure=police_measure, date=today() - datetime.timedelta(days=20), status="gron",
                            note="nyligen")
    FollowUp.objects.create(measure=municipal_measure, date=today() - datetime.timedelta(days=400), status="gron",
                            note="länge sedan")
    url = reverse("measures:stale_measures", args=[council.pk])
    assert [m.pk for m in coordinator_client.get(url).context["measures"]] == [municipal_measure.pk]
    assert coordinator_client.get(url, {"months": "24"}).context["measures"] == []
    assert coordinator_client.get(url, {"months": "x"}).context["months"] == 6


def test_place_page_splits_problems_and_development(member_client, council, place):
    problem = Measure.objects.create(council=council, place=place, kind="problem", title="Whats.App grupp",
                                     problem="Ordningsstörningar", participants="Polis, fält",
                                     convener="Polis adm. ansvarig", status_text="Pågående")
    development = Measure.objects.create(council=council, place=place, kind="utveckling", title="Programarbete",
                                         problem="Långsiktig utveckling")
    response = member_client.get(reverse("measures:place_detail", args=[place.pk]))
    assert response.context["problems"] == [problem]
    assert response.context["developments"] == [development]
    page = response.content.decode()
    for text in ("Problemområde", "Utvecklingsområde", "Deltagare", "Sammankallande/ansvarig", "Status/uppföljning",
                 "Polis adm. ansvarig"):
        assert text in page


def test_council_page_shows_the_plan_panel_and_links(member_client, council, agreement, police_measure):
    Measure.objects.create(council=council, title="Utan koppling")
    page = member_client.get(reverse("councils:council_detail", args=[council.pk])).content.decode()
    assert reverse("measures:council_measures", args=[council.pk]) in page
    assert reverse("measures:my_measures", args=[council.pk]) in page
    assert agreement.title in page
    assert "1 utan prioriterat område eller problem" in page


def test_council_measures_page_lists_flagged_measures(member_client, council, agreement):
    flagged = Measure.objects.create(council=council, title="Sätta upp skyltar")
    response = member_client.get(reverse("measures:council_measures", args=[council.pk]))
    assert list(response.context["flagged"]) == [flagged]


def test_demo_plan_has_every_area_and_field_and_loads_twice_without_change(demo):
    agreement = Agreement.objects.get()
    assert agreement.extended_to == datetime.date(2019, 9, 30)
    assert [a.name for a in PriorityArea.objects.order_by("position")] == [
        "Liljeholmen", "Liljeholmen, narkotika", "Ungdomar", "Västertorp", "Olovliga bosättningar",
        "Påträngande tiggeri", "Våldsbejakande extremism",
    ]
    plan = Measure.objects.filter(kind="plan")
    assert plan.count() == 7
    for measure in plan:
        for field in ("responsible_text", "police_contact", "police_commitment", "admin_contact",
                      "admin_commitment", "other_actors", "funding", "communication", "follow_up_plan"):
            assert getattr(measure, field), (measure, field)
        assert measure.activities.exists()
    assert plan.get(title="Motverka våldsbejakande extremism").forum_text == "Arbetsgrupp bildas i januari 2017"
    assert [p.name for p in Place.objects.all()] == ["Liljeholmen", "Fruängen/Västertorp/Hägerstensåsen",
                                                     "Älvsjö/Solberga"]
    assert Measure.objects.filter(kind="problem").count() == 20
    assert Measure.objects.filter(kind="utveckling").count() == 13
    assert set(FollowUp.objects.values_list("status", flat=True)) == {"gron", "gul", "rod"}
    before = [(m.pk, m.updated_at, [a.pk for a in m.activities.all()]) for m in Measure.objects.all()]
    counts = (Measure.objects.count(), FollowUp.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert [(m.pk, m.updated_at, [a.pk for a in m.activities.all()]) for m in Measure.objects.all()] == before
    assert (Measure.objects.count(), FollowUp.objects.count()) == counts
