"""Action plan addresses, nested under their owner: a council's measures, an agreement's plan, a measure.

The Swedish addresses of the first release (/measures/rad/…, /measures/atgard/…) redirect permanently,
since they may be bookmarked or pasted into minutes."""

from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "measures"

urlpatterns = [
    path("councils/<int:council_pk>/measures/", views.council_measures, name="council_measures"),
    path("councils/<int:council_pk>/measures/mine/", views.my_measures, name="my_measures"),
    path("councils/<int:council_pk>/measures/stale/", views.stale_measures, name="stale_measures"),
    path("councils/<int:council_pk>/measures/new/", views.measure_create, name="measure_create"),
    path("councils/<int:council_pk>/agreements/new/", views.agreement_create, name="agreement_create"),
    path("councils/<int:council_pk>/places/new/", views.place_create, name="place_create"),
    path("agreements/<int:pk>/", views.plan, name="agreement_plan"),
    path("agreements/<int:pk>/plan.pdf", views.plan_pdf, name="agreement_plan_pdf"),
    path("agreements/<int:pk>/plan.csv", views.plan_csv, name="agreement_plan_csv"),
    path("agreements/<int:pk>/import/", views.plan_import, name="agreement_plan_import"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/document/", views.agreement_document, name="agreement_document"),
    path("agreements/<int:agreement_pk>/areas/new/", views.area_create, name="area_create"),
    path("areas/<int:pk>/edit/", views.area_edit, name="area_edit"),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", views.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/follow-ups/new/", views.follow_up_add, name="follow_up_add"),
    path("measures/<int:pk>/comments/new/", views.comment_add, name="comment_add"),
    path("places/<int:pk>/", views.place_detail, name="place_detail"),
    path("decisions/<int:decision_pk>/activity/new/", views.decision_activity, name="decision_activity"),
    path("meetings/items/<int:item_pk>/measures/", views.item_measures, name="item_measures"),
]


def moved(old, name):
    """A permanent redirect from a first-release address to the route `name`, keeping the query string."""
    return path(old, RedirectView.as_view(pattern_name=f"measures:{name}", permanent=True, query_string=True))


redirects = [
    moved("measures/rad/<int:council_pk>/", "council_measures"),
    moved("measures/rad/<int:council_pk>/mina/", "my_measures"),
    moved("measures/rad/<int:council_pk>/utan-uppfoljning/", "stale_measures"),
    moved("measures/rad/<int:council_pk>/ny-atgard/", "measure_create"),
    moved("measures/rad/<int:council_pk>/ny-overenskommelse/", "agreement_create"),
    moved("measures/rad/<int:council_pk>/ny-plats/", "place_create"),
    moved("measures/plan/<int:pk>/", "agreement_plan"),
    moved("measures/plan/<int:pk>/pdf/", "agreement_plan_pdf"),
    moved("measures/plan/<int:pk>/csv/", "agreement_plan_csv"),
    moved("measures/plan/<int:pk>/import/", "agreement_plan_import"),
    moved("measures/plan/<int:pk>/andra/", "agreement_edit"),
    moved("measures/plan/<int:agreement_pk>/nytt-omrade/", "area_create"),
    moved("measures/omrade/<int:pk>/andra/", "area_edit"),
    moved("measures/atgard/<int:pk>/", "measure_detail"),
    moved("measures/atgard/<int:pk>/andra/", "measure_edit"),
    moved("measures/plats/<int:pk>/", "place_detail"),
    moved("measures/uppdrag/<int:decision_pk>/aktivitet/", "decision_activity"),
]
