import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from councils.models import today
from measures.models import Agreement, FollowUp, Measure


def test_agreement_ending_before_it_starts_is_refused_by_validation(council):
    agreement = Agreement(council=council, title="Plan", valid_from=datetime.date(2019, 1, 1),
                          valid_to=datetime.date(2018, 12, 31))
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "kan inte sluta gälla innan den börjar gälla" in str(error.value)


def test_agreement_ending_before_it_starts_is_refused_by_the_database(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(council=council, title="Plan", valid_from=datetime.date(2019, 1, 1),
                                 valid_to=datetime.date(2018, 12, 31))
    assert not Agreement.objects.exists()


def test_extension_ending_before_the_original_end_is_refused(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(council=council, title="Plan", valid_from=datetime.date(2017, 1, 1),
                                 valid_to=datetime.date(2019, 6, 30), extended_to=datetime.date(2019, 1, 1))


def test_agreement_ends_on_its_extension(agreement):
    assert agreement.ends_on == datetime.date(2026, 9, 30)
    assert str(agreement) == "Åtgärdsplan gemensam Teststaden och polisen 2024–2025"


def test_follow_up_dated_in_the_future_is_refused(police_measure):
    follow_up = FollowUp(measure=police_measure, date=today() + datetime.timedelta(days=1),
                         status=FollowUp.Status.GREEN, note="Klart")
    with pytest.raises(ValidationError) as error:
        follow_up.full_clean()
    assert error.value.message_dict["date"] == ["En uppföljning kan inte dateras i framtiden."]


def test_follow_up_dated_today_is_accepted(police_measure):
    FollowUp(measure=police_measure, date=today(), status=FollowUp.Status.GREEN, note="Klart").full_clean()


def test_measure_without_area_or_problem_is_flagged(council):
    measure = Measure.objects.create(council=council, title="Sätta upp skyltar")
    assert measure.is_flagged
    measure.problem = "Otrygghet vid stationen"
    assert not measure.is_flagged


def test_measure_with_area_is_not_flagged(police_measure):
    assert not police_measure.is_flagged


def test_place_based_work_needs_a_place(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(council=council, kind=Measure.Kind.PROBLEM, title="Whats.App grupp",
                               problem="Ordningsstörningar")


def test_measure_cannot_use_another_councils_area(other_council, area):
    measure = Measure(council=other_council, priority_area=area, title="Fel råd")
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "priority_area" in error.value.message_dict


def test_latest_status_is_the_newest_follow_up(police_measure, member):
    FollowUp.objects.create(measure=police_measure, date=datetime.date(2025, 1, 1), status="rod", note="a")
    FollowUp.objects.create(measure=police_measure, date=datetime.date(2025, 5, 1), status="gron", note="b")
    FollowUp.objects.create(measure=police_measure, date=datetime.date(2025, 3, 1), status="gul", note="c")
    measure = Measure.objects.with_latest_status().get(pk=police_measure.pk)
    assert (measure.latest_status, measure.latest_date) == ("gron", datetime.date(2025, 5, 1))


def test_area_with_measures_cannot_be_deleted_alone(area, police_measure):
    with pytest.raises(RestrictedError):
        area.delete()


def test_deleting_the_council_deletes_its_plan(council, police_measure, follow_up):
    council.delete()
    assert not Measure.objects.exists()
    assert not FollowUp.objects.exists()


def test_responsible_finds_measures_by_person_or_organisation(police_measure, municipal_measure, member, coordinator):
    assert list(Measure.objects.responsible(member)) == [police_measure]
    municipal_measure.responsible_people.add(member)
    assert set(Measure.objects.responsible(member)) == {police_measure, municipal_measure}
    assert list(Measure.objects.responsible(coordinator)) == [municipal_measure]
