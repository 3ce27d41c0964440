"""The accessibility statement: public, after DIGG's template, linked from every page, editable in the admin."""

from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from accessibility.models import DIGG_COMPLAINT_URL, Statement

URL = reverse("accessibility:statement")


@pytest.fixture(autouse=True)
def statement(db):
    """The statement from the data migration; written again when a flush by an earlier test removed it."""
    from django.apps import apps

    import_module("accessibility.migrations.0002_fill_initial_statement").fill(apps, None)
    return Statement.objects.get()


def test_anyone_can_read_the_statement_with_the_parts_digg_asks_for(client, db):
    body = client.get(URL).content.decode()
    statement = Statement.objects.get()
    for part in ["Tillgänglighet för Lobra", "delvis förenlig", statement.organisation, "Innehåll som inte är tillgängligt",
                 "Planerad åtgärd:", "Hur vi testat tjänsten", "Senaste bedömningen gjordes 2026-11-22",
                 f'href="{DIGG_COMPLAINT_URL}"', 'name="message"']:
        assert part in body, part


def test_every_page_links_to_the_statement_from_its_footer(client, coordinator_client, council):
    for page_client, url in [(client, reverse("login")), (coordinator_client, reverse("councils:council_detail", args=[council.pk]))]:
        body = page_client.get(url).content.decode()
        footer = body[body.index("<footer"):]
        assert f'href="{URL}"' in footer


def test_feedback_is_mailed_to_the_contact_address(client, db, mailoutbox):
    response = client.post(URL, {"message": "Knappen Spara går inte att nå med tangentbord.",
                                 "page": "/meetings/5/", "email": "besok@example.se"})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == [Statement.objects.get().contact_email] and mail.reply_to == ["besok@example.se"]
    assert "tangentbord" in mail.body and "/meetings/5/" in mail.body


def test_empty_feedback_gets_a_clear_error_and_sends_nothing(client, db, mailoutbox):
    response = client.post(URL, {"message": "  ", "email": "inte-en-adress"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Skriv vad som inte fungerade." in body and "Ange en giltig e-postadress" in body
    assert "<title>Fel: " in body
    assert mailoutbox == []


def test_the_database_keeps_a_single_statement(db):
    statement = Statement.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(id=2, organisation="Annan", contact_email="a@example.se", assessment_method="-",
                                 assessed_on=statement.assessed_on, published_on=statement.published_on)


def test_a_site_administrator_edits_the_statement_in_the_admin(client, db):
    admin = get_user_model().objects.create_superuser("admin", password="admin-lösen-123")
    client.force_login(admin)
    change = reverse("admin:accessibility_statement_change", args=[1])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:accessibility_statement_add")).status_code == 403
    statement = Statement.objects.get()
    data = {"organisation": "Hägersten-Älvsjö stadsdelsförvaltning", "service_name": "Lobra", "compliance": "delvis",
            "contact_email": "lobra@stockholm.se", "contact_phone": "", "response_time": "",
            "not_covered": "", "disproportionate_burden": "", "assessment_method": statement.assessment_method,
            "assessed_on": "2026-11-22", "published_on": "2026-11-22",
            "deviations-TOTAL_FORMS": "0", "deviations-INITIAL_FORMS": "0"}
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Hägersten-Älvsjö stadsdelsförvaltning står bakom Lobra" in client.get(URL).content.decode()
