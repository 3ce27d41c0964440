"""Creating a meeting from the standard agenda, editing the agenda, attendance and decisions."""
import zoneinfo

from django.urls import reverse

from councils.models import Forum, LogEntry, Membership
from meetings.models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Attendance, Decision, Meeting
from meetings.services import default_agenda


def create(client, council, **extra):
    data = {"title": "Lokala brå", "kind": "protokoll", "date": "2026-12-04", "start_time": "09:00",
            "end_time": "11:00", "place": "Telefonvägen 30"}
    data.update(extra)
    return client.post(reverse("meetings:meeting_create", args=[council.pk]), data)


def test_a_new_meeting_gets_the_standard_agenda_and_calls_every_member(coordinator_client, council, coordinator,
                                                                        member, chair, secretary):
    response = create(coordinator_client, council)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("meetings:meeting_agenda", args=[meeting.pk])
    assert [i.title for i in meeting.items.all()] == [t for t, *_rest in default_agenda()]
    assert [i.number for i in meeting.items.all()] == [1, 2, 3, 4, 5]
    assert "dagordningen godkändes" in meeting.items.first().minutes
    assert {a.person for a in meeting.attendances.all()} == {coordinator, member, chair, secretary}
    assert all(a.status == Attendance.Status.CALLED for a in meeting.attendances.all())
    local = meeting.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Stockholm"))
    assert (local.hour, local.minute) == (9, 0)
    assert LogEntry.objects.filter(action="meetings.meeting.created").exists()


def test_a_council_with_its_own_standard_agenda_gets_that_agenda(secretary_client, council):
    template = AgendaTemplate.objects.create(council=council)
    AgendaTemplateItem.objects.create(template=template, position=0, title="Öppnande", numbered=False)
    AgendaTemplateItem.objects.create(template=template, position=1, title="Lägesbild")
    create(secretary_client, council)
    assert [(i.number, i.title) for i in Meeting.objects.get().items.all()] == [(None, "Öppnande"), (1, "Lägesbild")]


def test_a_forum_meeting_calls_the_forums_members(coordinator_client, council, member, coordinator):
    forum = Forum.objects.create(council=council, name="Samba")
    Membership.objects.create(person=member, council=council, forum=forum, role="ledamot")
    create(coordinator_client, council, forum=forum.pk)
    assert [a.person for a in Meeting.objects.get().attendances.all()] == [member]


def test_a_meeting_that_ends_before_it_starts_is_refused(coordinator_client, council):
    response = create(coordinator_client, council, start_time="11:00", end_time="09:00")
    assert "Mötet måste sluta efter att det börjar." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_place_or_an_online_link(coordinator_client, council):
    response = create(coordinator_client, council, place="")
    assert "Ange en plats eller ett digitalt möte." in response.content.decode()
    assert create(coordinator_client, council, place="", online_url="https://teams.example.se/m").status_code == 302


def test_member_cannot_create_a_meeting(member_client, council):
    assert create(member_client, council).status_code == 403
    assert not Meeting.objects.exists()


def test_moving_an_item_renumbers_the_agenda(coordinator_client, meeting):
    first, second = meeting.items.all()
    coordinator_client.post(reverse("meetings:item_move", args=[second.pk]), {"direction": "up"})
    assert [(i.number, i.title) for i in meeting.items.all()] == [(1, "Information"), (2, "Mötets öppnande")]


def test_adding_editing_and_deleting_items(coordinator_client, meeting):
    coordinator_client.post(reverse("meetings:meeting_agenda", args=[meeting.pk]), {"title": "Övriga frågor"})
    new = meeting.items.last()
    assert (new.number, new.title) == (3, "Övriga frågor")
    response = coordinator_client.post(reverse("meetings:item_edit", args=[new.pk]), {
        "title": "Sekretessärende", "confidential": "on", "confidentiality_ground": "", "numbered": "on"})
    assert "Ange sekretessgrund" in response.content.decode()
    coordinator_client.post(reverse("meetings:item_edit", args=[new.pk]), {
        "title": "Sekretessärende", "confidential": "on", "confidentiality_ground": "OSL 26 kap. 1 §",
        "numbered": "on"})
    new.refresh_from_db()
    assert new.confidential and new.confidentiality_ground == "OSL 26 kap. 1 §"
    coordinator_client.post(reverse("meetings:item_delete", args=[new.pk]))
    assert not AgendaItem.objects.filter(pk=new.pk).exists()


def test_an_item_with_text_is_removed_only_after_a_confirmation_showing_the_text(coordinator_client, item):
    AgendaItem.objects.filter(pk=item.pk).update(minutes="<p>Polis</p><p><br></p>")
    response = coordinator_client.post(reverse("meetings:item_delete", args=[item.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and "<p>Polis</p>" in body and 'name="text_confirmed"' in body
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    coordinator_client.post(reverse("meetings:item_delete", args=[item.pk]), {"text_confirmed": "1"})
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_an_item_with_decisions_is_not_removed(coordinator_client, item):
    Decision.objects.create(agenda_item=item, text="Rådet beslutar.")
    response = coordinator_client.post(reverse("meetings:item_delete", args=[item.pk]), {"text_confirmed": "1"},
                                       follow=True)
    assert "Punkten har beslut och kan inte tas bort" in response.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_agenda_changes_need_the_writer_role(member_client, outsider_client, item):
    for name in ("meetings:item_move", "meetings:item_delete"):
        assert member_client.post(reverse(name, args=[item.pk])).status_code == 403
        assert outsider_client.post(reverse(name, args=[item.pk])).status_code == 404


def test_marking_attendance(secretary_client, meeting, member, chair):
    rows = {a.person: a for a in meeting.attendances.all()}
    data = {f"status-{a.pk}": a.status for a in rows.values()}
    data[f"status-{rows[member].pk}"] = Attendance.Status.PRESENT
    data[f"status-{rows[chair].pk}"] = Attendance.Status.APOLOGIES
    assert secretary_client.post(reverse("meetings:meeting_attendance", args=[meeting.pk]), data).status_code == 302
    assert meeting.attendances.get(person=member).status == Attendance.Status.PRESENT
    assert meeting.attendances.get(person=chair).status == Attendance.Status.APOLOGIES


def test_adding_a_guest_and_showing_them_on_the_meeting_page(coordinator_client, meeting):
    coordinator_client.post(reverse("meetings:attendance_add", args=[meeting.pk]), {
        "guest-guest_name": "Rune Gäst", "guest-guest_title": "Konsult", "guest-guest_organisation": "Firma AB",
        "guest-status": Attendance.Status.CO_OPTED})
    page = coordinator_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Rune Gäst" in page and "Konsult" in page and "Adjungerad" in page


def test_adding_the_same_person_twice_is_refused(coordinator_client, meeting, member):
    response = coordinator_client.post(reverse("meetings:attendance_add", args=[meeting.pk]),
                                       {"person-person": member.pk}, follow=True)
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert meeting.attendances.filter(person=member).count() == 1


def test_member_cannot_mark_attendance(member_client, outsider_client, meeting):
    assert member_client.post(reverse("meetings:meeting_attendance", args=[meeting.pk]), {}).status_code == 403
    assert outsider_client.post(reverse("meetings:meeting_attendance", args=[meeting.pk]), {}).status_code == 404


def test_recording_a_task_with_who_and_when(coordinator_client, item, member):
    coordinator_client.post(reverse("meetings:decision_add", args=[item.pk]), {
        "kind": "uppdrag", "text": "Kartlägga personrån", "responsible": member.pk, "due_date": "2027-01-31"})
    decision = Decision.objects.get()
    assert (decision.responsible, str(decision.due_date)) == (member, "2027-01-31")
    page = coordinator_client.get(reverse("meetings:meeting_detail", args=[item.meeting_id])).content.decode()
    assert "Uppdrag:" in page and "Kartlägga personrån" in page and "2027-01-31" in page


def test_a_task_without_anyone_responsible_is_refused(coordinator_client, item):
    response = coordinator_client.post(reverse("meetings:decision_add", args=[item.pk]),
                                       {"kind": "uppdrag", "text": "Något"}, follow=True)
    assert "Ett uppdrag behöver en ansvarig." in response.content.decode()
    assert not Decision.objects.exists()


def test_decisions_need_the_writer_role(member_client, outsider_client, coordinator_client, item):
    data = {"kind": "beslut", "text": "Beslut"}
    assert member_client.post(reverse("meetings:decision_add", args=[item.pk]), data).status_code == 403
    assert outsider_client.post(reverse("meetings:decision_add", args=[item.pk]), data).status_code == 404
    coordinator_client.post(reverse("meetings:decision_add", args=[item.pk]), data)
    decision = Decision.objects.get()
    assert member_client.post(reverse("meetings:decision_delete", args=[decision.pk])).status_code == 403
    assert coordinator_client.post(reverse("meetings:decision_delete", args=[decision.pk])).status_code == 302
    assert not Decision.objects.exists()


def test_an_agenda_can_become_the_councils_standard_agenda(coordinator_client, meeting, council):
    coordinator_client.post(reverse("meetings:meeting_agenda", args=[meeting.pk]), {"title": "Platssamverkan"})
    coordinator_client.post(reverse("meetings:agenda_template_save", args=[meeting.pk]))
    create(coordinator_client, council, date="2027-02-05")
    new = Meeting.objects.get(starts_at__year=2027)
    assert [i.title for i in new.items.all()] == ["Mötets öppnande", "Information", "Platssamverkan"]


def test_only_writers_may_change_the_standard_agenda(member_client, outsider_client, meeting):
    assert member_client.post(reverse("meetings:agenda_template_save", args=[meeting.pk])).status_code == 403
    assert outsider_client.post(reverse("meetings:agenda_template_save", args=[meeting.pk])).status_code == 404
    assert not AgendaTemplate.objects.exists()


def test_editing_meeting_details(secretary_client, meeting, chair, member):
    response = secretary_client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), {
        "title": "Lokala brå", "kind": "minnesanteckningar", "date": "2026-12-11", "start_time": "13:00",
        "end_time": "15:00", "place": "", "online_label": "Teams", "online_url": "https://teams.example.se/m",
        "chair": chair.pk, "adjusters": [member.pk], "status": "installt", "department": "Samhällsplaneringsavd.",
        "contact_text": "08-555 100 01"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.kind == "minnesanteckningar" and meeting.status == Meeting.Status.CANCELLED
    assert list(meeting.adjusters.all()) == [member]
    page = secretary_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "kl. 13.00–15.00" in page and "Teams" in page and "Kontakt:" in page and "Inställt" in page


def test_member_cannot_edit_meeting_details(member_client, meeting):
    response = member_client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), {"title": "Nej"})
    assert response.status_code == 403
