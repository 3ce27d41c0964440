from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("rad/<int:council_pk>/", views.council_measures, name="council"),
    path("rad/<int:council_pk>/mina/", views.my_measures, name="mine"),
    path("rad/<int:council_pk>/utan-uppfoljning/", views.stale_measures, name="stale"),
    path("rad/<int:council_pk>/ny-atgard/", views.measure_create, name="measure_create"),
    path("rad/<int:council_pk>/ny-overenskommelse/", views.agreement_create, name="agreement_create"),
    path("rad/<int:council_pk>/ny-plats/", views.place_create, name="place_create"),
    path("plan/<int:pk>/", views.plan, name="plan"),
    path("plan/<int:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("plan/<int:pk>/csv/", views.plan_csv, name="plan_csv"),
    path("plan/<int:pk>/import/", views.plan_import, name="plan_import"),
    path("plan/<int:pk>/andra/", views.agreement_edit, name="agreement_edit"),
    path("plan/<int:pk>/document/", views.agreement_document, name="agreement_document"),
    path("plan/<int:agreement_pk>/nytt-omrade/", views.area_create, name="area_create"),
    path("omrade/<int:pk>/andra/", views.area_edit, name="area_edit"),
    path("atgard/<int:pk>/", views.measure_detail, name="measure"),
    path("atgard/<int:pk>/andra/", views.measure_edit, name="measure_edit"),
    path("atgard/<int:pk>/uppfoljning/", views.follow_up_add, name="follow_up_add"),
    path("atgard/<int:pk>/kommentar/", views.comment_add, name="comment_add"),
    path("plats/<int:pk>/", views.place_detail, name="place"),
    path("uppdrag/<int:decision_pk>/aktivitet/", views.decision_activity, name="decision_activity"),
]
