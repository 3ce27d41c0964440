"""Addresses of the first release, which may be bookmarked, printed or pasted into minutes, redirect permanently."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("old, name, args", [
    ("/measures/rad/{council}/", "measures:council_measures", ["council"]),
    ("/measures/rad/{council}/ny-atgard/", "measures:measure_create", ["council"]),
    ("/measures/plan/{agreement}/", "measures:agreement_plan", ["agreement"]),
    ("/measures/plan/{agreement}/csv/", "measures:agreement_plan_csv", ["agreement"]),
    ("/measures/atgard/{measure}/", "measures:measure_detail", ["measure"]),
    ("/measures/plats/{place}/", "measures:place_detail", ["place"]),
])
def test_old_measures_addresses_redirect_permanently(client, police_measure, agreement, place, council,
                                                      old, name, args):
    objects = {"council": council.pk, "agreement": agreement.pk, "measure": police_measure.pk, "place": place.pk}
    response = client.get(old.format(**objects) + "?status=gron")
    assert response.status_code == 301
    assert response["Location"] == reverse(name, args=[objects[a] for a in args]) + "?status=gron"


def test_the_old_swedish_page_parameter_redirects_to_page(member_client, agreement):
    response = member_client.get(reverse("measures:agreement_plan", args=[agreement.pk]), {"sida": 2, "q": "x"})
    assert response.status_code == 301 and "page=2" in response["Location"] and "sida" not in response["Location"]


def test_the_old_login_address_redirects(client):
    response = client.get("/konto/login/?next=/")
    assert response.status_code == 301 and response["Location"] == "/accounts/login/?next=/"
