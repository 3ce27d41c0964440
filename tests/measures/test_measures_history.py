"""A measure's page shows its history: follow-ups, comments and edits, with what changed."""

from django.urls import reverse

from councils.models import LogEntry


def test_measure_page_shows_its_history(coordinator_client, police_measure):
    coordinator_client.post(reverse("measures:comment_add", args=[police_measure.pk]), {"text": "Bra jobbat"})
    page = coordinator_client.get(police_measure.get_absolute_url()).content.decode()
    assert "Historik" in page and "Kommentar på åtgärd" in page


def test_an_edit_records_what_changed(coordinator_client, police_measure):
    from measures.forms import MeasureForm

    form = MeasureForm(instance=police_measure, council=police_measure.council)
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["title"] = "Motverka tiggeri vid stationen"
    data["follow_up_due"] = ""
    response = coordinator_client.post(reverse("measures:measure_edit", args=[police_measure.pk]), data)
    assert response.status_code == 302
    entry = LogEntry.objects.get(action="measures.measure.changed")
    assert entry.data["changed"]["title"] == ["Motverka påträngande tiggeri", "Motverka tiggeri vid stationen"]
    page = coordinator_client.get(police_measure.get_absolute_url()).content.decode()
    assert "Åtgärd ändrad" in page
