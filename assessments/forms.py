"""Forms for lägesbilder, sources, problems with a first indicator, causes, measure links, promises."""

from django import forms
from django.utils.translation import gettext_lazy as _

from councils.forms import DateField
from measures.forms import FollowUpForm
from measures.models import Agreement, Place
from meetings.files import check_upload

from .models import Assessment, Cause, CitizenPromise, Indicator, Problem, Source

SECTION_HELP = _("Skriv stycken med en tom rad emellan. Enkel HTML (fet, kursiv, listor, tabeller) tillåts; "
                 "allt annat tas bort när texten sparas.")


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["title", "period_start", "period_end", "version", "status", "deciding_body", "decision_date",
                  "decision_reference", "next_revision_due", "survey", "other_information", "analysis"]
        field_classes = {name: DateField for name in ("period_start", "period_end", "decision_date",
                                                      "next_revision_due")}
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in ("survey", "other_information", "analysis")}
        help_texts = {name: SECTION_HELP for name in ("survey", "other_information", "analysis")}


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["kind", "title", "period", "attachment", "why_chosen", "limitations"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in ("why_chosen", "limitations")}

    def clean_attachment(self):
        """The same rules as a meeting's attachments: type by content, at most 20 MB."""
        attachment = self.cleaned_data.get("attachment")
        if attachment and hasattr(attachment, "size") and not getattr(attachment, "_committed", False):
            check_upload(attachment)
        return attachment


class ProblemForm(forms.ModelForm):
    """A problem, and optionally its first indicator (all of the indicator's fields or none)."""

    indicator_name = forms.CharField(label=_("Indikator"), required=False, max_length=200,
                                     help_text=_("T.ex. \"Anmälda rån mot personer under 18 år\"."))
    indicator_unit = forms.CharField(label=_("Enhet"), required=False, max_length=50)
    indicator_baseline = forms.DecimalField(label=_("Utgångsvärde"), required=False, max_digits=12,
                                            decimal_places=2)
    indicator_date = DateField(label=_("Mätdatum för utgångsvärdet"), required=False)
    indicator_target = forms.DecimalField(label=_("Målvärde"), required=False, max_digits=12, decimal_places=2)

    class Meta:
        model = Problem
        fields = ["title", "description", "crime_type", "where", "places", "who", "when", "priority", "agreements"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "places": forms.CheckboxSelectMultiple, "agreements": forms.CheckboxSelectMultiple}

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].queryset = Place.objects.filter(council=council)
        self.fields["agreements"].queryset = Agreement.objects.filter(council=council)
        self.fields["agreements"].help_text = _("Överenskommelser med polisen där problemet är i fokus.")
        if self.instance.pk:
            for name in list(self.fields):
                if name.startswith("indicator_"):
                    del self.fields[name]

    def indicator_data(self):
        """The first indicator's fields, or None when none was given."""
        data = self.cleaned_data
        if not any(data.get(name) not in (None, "") for name in (
                "indicator_name", "indicator_unit", "indicator_baseline", "indicator_date")):
            return None
        return {"name": data.get("indicator_name") or "", "unit": data.get("indicator_unit") or "",
                "baseline_value": data.get("indicator_baseline"), "baseline_date": data.get("indicator_date"),
                "target_value": data.get("indicator_target")}

    def problem_data(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name not in ("places", "agreements")}


INDICATOR_ERROR_FIELDS = {"unit": "indicator_unit", "baseline_date": "indicator_date",
                          "baseline_value": "indicator_baseline", "name": "indicator_name"}


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline_value", "baseline_date", "target_value", "target_date", "source"]
        field_classes = {"baseline_date": DateField, "target_date": DateField}

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.problem = problem
        self.fields["source"].queryset = problem.assessment.sources.all()


class CauseForm(forms.ModelForm):
    class Meta:
        model = Cause
        fields = ["side", "description", "parent"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "side": forms.RadioSelect}

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        # Every cause of the problem is offered; one under the edited cause is refused by the service.
        self.fields["parent"].queryset = Cause.objects.filter(problem=problem)
        self.fields["parent"].required = False
        self.fields["parent"].label_from_instance = lambda cause: cause.description[:100]


class MeasureLinksForm(forms.Form):
    problems = forms.ModelMultipleChoiceField(label=_("Problem som åtgärden verkar på"), queryset=None,
                                              required=False, widget=forms.CheckboxSelectMultiple)
    causes = forms.ModelMultipleChoiceField(label=_("Orsaker som åtgärden verkar på"), queryset=None,
                                            required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, problems, causes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problems"].queryset = problems
        self.fields["causes"].queryset = causes
        self.fields["causes"].label_from_instance = (
            lambda cause: f"{cause.problem}: {cause.description[:100]} ({cause.get_side_display().lower()})")


class CauseChoiceForm(forms.Form):
    causes = forms.ModelMultipleChoiceField(label=_("Orsaker som åtgärden verkar på"), queryset=None,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["causes"].queryset = Cause.objects.filter(problem=problem)
        self.fields["causes"].label_from_instance = lambda cause: cause.description[:120]


class MeasuredFollowUpForm(FollowUpForm):
    """A follow-up of a measure that may record a value of one of its problems' indicators."""

    indicator = forms.ModelChoiceField(label=_("Indikator som mätts"), queryset=Indicator.objects.none(),
                                       required=False)
    value = forms.DecimalField(label=_("Uppmätt värde"), required=False, max_digits=12, decimal_places=2)

    def __init__(self, *args, council, measure, **kwargs):
        super().__init__(*args, council=council, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(problem__measures=measure).select_related(
            "problem")
        self.fields["indicator"].label_from_instance = lambda i: f"{i.problem}: {i.name} ({i.unit})"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("indicator") and cleaned.get("value") is None:
            self.add_error("value", _("Ange det uppmätta värdet."))
        return cleaned


class CitizenPromiseForm(forms.ModelForm):
    class Meta:
        model = CitizenPromise
        fields = ["promise", "problem", "municipality_activities", "police_activities", "other_activities",
                  "valid_from", "valid_to", "dialogue", "public_follow_up"]
        field_classes = {"valid_from": DateField, "valid_to": DateField}
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 3}) for name in (
                "promise", "municipality_activities", "police_activities", "other_activities", "dialogue",
                "public_follow_up")},
        }

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council
        self.fields["problem"].queryset = Problem.objects.of_council(council).select_related("assessment")


