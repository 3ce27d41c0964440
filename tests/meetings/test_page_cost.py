"""The meeting page fetches its attachments once and checks access before loading the page."""

from django.urls import reverse

from meetings.models import Attachment


def test_item_attachment_shows_under_its_item_and_loose_one_in_the_footer(coordinator_client, meeting, item):
    Attachment.objects.create(meeting=meeting, agenda_item=item, title="Lägesbild", file="a.pdf", number=1)
    Attachment.objects.create(meeting=meeting, title="Åtgärdsplan", file="b.pdf", number=2)
    html = coordinator_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    section = html[html.index(f'id="item-{item.pk}"'):html.index("<footer")]
    footer = html[html.index("<footer"):html.index("</footer>")]
    assert "Bilaga 1: Lägesbild" in section and "Bilaga 2: Åtgärdsplan" not in section
    assert "Bilaga 2: Åtgärdsplan" in footer and "Bilaga 1: Lägesbild" not in footer
    # The coordinator's list of attachments names the item an attachment belongs to.
    assert "Bilaga 1: Lägesbild</a> <span class=\"text-body-secondary\">" in html
    assert str(item) in html[html.rindex("Bilaga 1: Lägesbild"):]


def test_outsider_gets_404_without_loading_the_page(outsider_client, meeting, item, django_assert_max_num_queries):
    # session, user, the meeting row, roles_of, is_member, and the user's name in the 404 page's menu:
    # none of the page's prefetches
    with django_assert_max_num_queries(6):
        response = outsider_client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 404
