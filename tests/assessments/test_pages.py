"""The chain lägesbild → problem → cause → measure → follow-up, built and shown in both directions."""

import datetime

from django.urls import reverse

from assessments.models import Assessment, Cause, Measurement
from councils.models import LogEntry
from measures.models import FollowUp, Measure


def test_a_coordinator_creates_a_lagesbild_whose_sections_are_sanitised(coordinator_client, council):
    response = coordinator_client.post(reverse("assessments:assessment_create", args=[council.pk]), {
        "title": "Lägesbild 2026", "period_start": "2026-01-01", "period_end": "2026-12-31", "version": "1",
        "status": "faststalld", "decision_reference": "KS 2026/4", "decision_date": "2026-03-01",
        "survey": "Rånen ökar.\n\nMest vid torget.",
        "other_information": '<p onclick="x()">Info</p><script>alert(1)</script>',
        "analysis": "<b>Fet</b> analys",
    })

    assessment = Assessment.objects.get()
    assert response.status_code == 302 and response["Location"] == assessment.get_absolute_url()
    assert assessment.survey == "<p>Rånen ökar.</p>\n\n<p>Mest vid torget.</p>"
    assert "script" not in assessment.other_information and "onclick" not in assessment.other_information
    assert assessment.analysis == "<strong>Fet</strong> analys"
    assert LogEntry.objects.filter(action="assessments.assessment.created").exists()


def test_stored_html_is_cleaned_again_where_it_is_rendered(member_client, assessment):
    type(assessment).objects.filter(pk=assessment.pk).update(analysis='<p>Ok</p><img src=x onerror="alert(1)">')

    page = member_client.get(assessment.get_absolute_url()).content.decode()

    assert "<p>Ok</p>" in page and "onerror" not in page


def test_the_problem_page_shows_causes_as_a_tree_measures_and_latest_follow_ups(
        member_client, problem, root_cause, child_cause, linked_measure, recent_follow_up, indicator):
    page = member_client.get(problem.get_absolute_url()).content.decode()

    assert page.index(root_cause.description) < page.index(child_cause.description)
    assert "cause-depth-1" in page
    assert linked_measure.title in page
    assert recent_follow_up.note in page
    assert "Anmälda rån" in page


def test_a_measure_shows_why_it_exists(member_client, linked_measure, problem, root_cause):
    page = member_client.get(linked_measure.get_absolute_url()).content.decode()

    assert "Varför åtgärden finns" in page
    assert problem.title in page and root_cause.description[:20] in page


def test_a_new_measure_from_a_problem_acts_on_the_chosen_cause(coordinator_client, council, problem, root_cause,
                                                               child_cause):
    url = reverse("assessments:measure_create", args=[council.pk, problem.pk])

    response = coordinator_client.post(url, {
        "causes": [child_cause.pk], "kind": "plan", "title": "Belysning i gallerians entréer",
        "prevention_type": "situationell", "effect_horizon": "kort", "evidence_basis": "beprovad",
        "responsible_text": "Fastighetsägaren", "follow_up_due": "2027-03-01", "position": "0",
    })

    measure = Measure.objects.get(title="Belysning i gallerians entréer")
    assert response.status_code == 302
    assert list(measure.problems.all()) == [problem]
    assert list(measure.causes.all()) == [child_cause]
    assert measure.prevention_type == "situationell"
    assert LogEntry.objects.filter(action="assessments.measure.linked").exists()


def test_linking_a_cause_links_its_problem_too(coordinator_client, council, measure, problem, root_cause):
    url = reverse("assessments:measure_links", args=[council.pk, measure.pk])

    response = coordinator_client.post(url, {"causes": [root_cause.pk]})

    assert response.status_code == 302
    assert list(measure.problems.all()) == [problem]
    assert list(measure.causes.all()) == [root_cause]


def test_a_follow_up_records_an_indicator_measurement(coordinator_client, council, linked_measure, indicator):
    url = reverse("assessments:followup_create", args=[council.pk, linked_measure.pk])

    response = coordinator_client.post(url, {"date": "2026-01-15", "status": "gron", "kind": "effekt",
                                             "note": "Färre rån.", "indicator": indicator.pk, "value": "11"})

    assert response.status_code == 302
    follow_up = FollowUp.objects.get(measure=linked_measure)
    measurement = Measurement.objects.get()
    assert (measurement.indicator, measurement.follow_up, measurement.value) == (indicator, follow_up, 11)
    assert measurement.date == datetime.date(2026, 1, 15)


def test_a_cause_can_be_added_under_another(coordinator_client, council, problem, root_cause):
    url = reverse("assessments:cause_create", args=[council.pk, problem.pk])

    response = coordinator_client.post(url, {"side": "offer", "description": "Många elever.",
                                             "parent": root_cause.pk})

    assert response.status_code == 302
    assert Cause.objects.get(description="Många elever.").parent == root_cause


def test_the_council_page_links_to_the_lagesbild_and_the_compliance_page(member_client, council):
    page = member_client.get(council.get_absolute_url()).content.decode()

    assert reverse("assessments:assessment_list", args=[council.pk]) in page
    assert reverse("assessments:compliance_detail", args=[council.pk]) in page


def test_the_annual_cycle_shows_the_councils_own_dates(member_client, council, assessment, linked_measure):
    page = member_client.get(reverse("assessments:annualcycle_detail", args=[council.pk]) + "?year=2027").content

    page = page.decode()
    assert "2027-06-30" in page  # the lägesbild's revision date
    assert "1 åtgärd ska följas upp" in page
    assert "Kvartalsuppföljning" in page


def test_a_source_attachment_is_checked_on_upload_and_served_to_members_only(
        coordinator_client, member_client, outsider_client, council, assessment, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    url = reverse("assessments:source_create", args=[council.pk, assessment.pk])
    fake = SimpleUploadedFile("statistik.pdf", b"<script>not a pdf</script>")
    refused = coordinator_client.post(url, {"kind": "polisanmalningar", "title": "Statistik", "attachment": fake})
    assert refused.status_code == 400 and "Filtypen är inte tillåten" in refused.content.decode()

    pdf = SimpleUploadedFile("statistik.pdf", b"%PDF-1.7\n%%EOF\n")
    assert coordinator_client.post(url, {"kind": "polisanmalningar", "title": "Statistik",
                                         "attachment": pdf}).status_code == 302
    source = assessment.sources.get()
    download = reverse("assessments:source_attachment", args=[council.pk, source.pk])
    response = member_client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert outsider_client.get(download).status_code == 404
