from django.urls import path

from . import views

app_name = "councils"

urlpatterns = [
    path("councils/", views.overview, name="council_list"),
    path("settings/", views.account_settings, name="account_settings"),
    path("councils/<int:pk>/", views.council_detail, name="council_detail"),
    path("councils/<int:pk>/settings/", views.council_settings, name="council_settings"),
    path("councils/<int:council_pk>/people/new/", views.person_create, name="person_create"),
    path("councils/<int:council_pk>/memberships/new/", views.membership_create, name="membership_create"),
    path("councils/<int:council_pk>/forums/new/", views.forum_edit, name="forum_create"),
    path("councils/<int:council_pk>/forums/<int:pk>/edit/", views.forum_edit, name="forum_edit"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("memberships/<int:pk>/edit/", views.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/end/", views.membership_end, name="membership_end"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/delete/", views.organisation_delete, name="organisation_delete"),
]
