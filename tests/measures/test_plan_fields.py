"""The plan's fields are declared once (measures/fields.py); the form, the text filter, the CSV, the table, the PDF
and the admin all list every declared field, so adding a field is a model field, a migration and one line."""

import datetime

import pytest
from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse

from measures import fields as plan_fields
from measures import spreadsheet
from measures.forms import MeasureForm
from measures.models import Activity, Measure

# Model fields that are bookkeeping, not part of the plan.
NOT_PLAN_FIELDS = {"id", "council", "created_at", "updated_at"}


@pytest.fixture
def full_measure(council, area, place, forum, police, member):
    """A measure with a value of its own in every declared text field."""
    text = {
        field.name: f"värde-{field.name}" for field in plan_fields.PLAN_FIELDS
        if field.model_field is not None and field.name in plan_fields.search_fields()
    }
    measure = Measure.objects.create(council=council, priority_area=area, place=place,
                                     follow_up_due=datetime.date(2027, 3, 1), position=5,
                                     prevention_type="social", effect_horizon="kort", evidence_basis="beprovad",
                                     **text)
    measure.forums.set([forum])
    measure.responsible_organisations.set([police])
    measure.responsible_people.set([member])
    Activity.objects.create(measure=measure, text="värde-activities", position=0)
    return Measure.objects.for_display().get(pk=measure.pk)


def test_every_model_field_of_a_measure_is_declared_or_bookkeeping():
    # Other apps' many-to-many fields to Measure (assessments' problems and causes) are theirs, not the plan's.
    model_fields = {f.name for f in Measure._meta.get_fields()
                    if f.concrete or (f.many_to_many and not f.auto_created)} - {"follow_ups"}
    declared = {field.name for field in plan_fields.PLAN_FIELDS}
    assert model_fields - NOT_PLAN_FIELDS - declared == set(), "declare the new field in measures/fields.py"


def test_labels_come_from_the_model_verbose_names():
    assert plan_fields.BY_NAME["funding"].label == "Finansiering"
    assert plan_fields.BY_NAME["activities"].label == "Prioriterade aktiviteter"


def test_the_form_has_every_declared_form_field_in_order(council):
    assert list(MeasureForm(council=council).fields) == [f.name for f in plan_fields.form_fields()]


def test_the_csv_lists_every_declared_csv_field(full_measure):
    header, row = spreadsheet.export_csv([full_measure]).removeprefix("\ufeff").split("\r\n")[:2]
    assert header.split(";")[:len(plan_fields.csv_fields())] == [str(f.label) for f in plan_fields.csv_fields()]
    for name in ["title", "funding", "status_text", "activities", "forum_text"]:
        assert f"värde-{name}" in row
    assert full_measure.priority_area.name in row and full_measure.place.name in row
    assert "2027-03-01" in row


@pytest.mark.parametrize("name", plan_fields.search_fields() + ["activities"])
def test_the_text_filter_searches_every_declared_text_field(member_client, full_measure, municipal_measure, name):
    response = member_client.get(reverse("measures:agreement_plan", args=[full_measure.priority_area.agreement_id]),
                                 {"q": f"värde-{name}"})
    assert [m.pk for m in response.context["plan"].measures] == [full_measure.pk]


def test_the_table_and_the_pdf_show_every_declared_table_field(full_measure):
    for pdf in (False, True):
        html = render_to_string("measures/_measure_table.html", {"measure": full_measure, "pdf": pdf})
        for field in plan_fields.PLAN_FIELDS:
            if field.table is not plan_fields.NOT_IN_TABLE:
                assert str(field.label_for(full_measure)) in html
        for value in ["värde-title", "värde-funding", "värde-activities", "värde-forum_text", "värde-status_text",
                      "värde-participants", "värde-convener", full_measure.place.name,
                      str(full_measure.responsible_organisations.get()), "2027-03-01"]:
            assert value in html, (pdf, value)


def test_the_admin_searches_the_declared_text_fields():
    assert admin.site._registry[Measure].search_fields == plan_fields.search_fields()
