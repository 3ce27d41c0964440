from django.urls import path

from . import views

app_name = "assessments"

# Included under councils/<int:council_pk>/.
urlpatterns = [
    path("assessments/", views.assessment_list, name="assessment_list"),
    path("assessments/new/", views.assessment_create, name="assessment_create"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/pdf/", views.assessment_pdf, name="assessment_pdf"),
    path("assessments/<int:pk>/csv/", views.assessment_csv, name="assessment_csv"),
    path("assessments/<int:pk>/sources/new/", views.source_create, name="source_create"),
    path("assessments/<int:pk>/problems/new/", views.problem_create, name="problem_create"),
    path("sources/<int:pk>/attachment/", views.source_attachment, name="source_attachment"),
    path("problems/<int:pk>/", views.problem_detail, name="problem_detail"),
    path("problems/<int:pk>/edit/", views.problem_edit, name="problem_edit"),
    path("problems/<int:pk>/indicators/new/", views.indicator_create, name="indicator_create"),
    path("problems/<int:pk>/causes/new/", views.cause_create, name="cause_create"),
    path("problems/<int:pk>/measures/new/", views.measure_create, name="measure_create"),
    path("causes/<int:pk>/edit/", views.cause_edit, name="cause_edit"),
    path("measures/<int:pk>/links/", views.measure_links, name="measure_links"),
    path("measures/<int:pk>/follow-ups/new/", views.followup_create, name="followup_create"),
    path("compliance/", views.compliance_detail, name="compliance_detail"),
    path("annual-cycle/", views.annual_cycle, name="annualcycle_detail"),
    path("citizen-promises/new/", views.promise_create, name="promise_create"),
    path("citizen-promises/<int:pk>/edit/", views.promise_edit, name="promise_edit"),
]
