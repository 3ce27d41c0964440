"""Addresses printed on signed PDFs keep working; the first release's Swedish addresses redirect permanently."""

from django.urls import reverse


def test_the_addresses_printed_on_signed_pdfs_are_unchanged(council):
    assert reverse("protocols:protocol_pdf", args=[7]) == "/meetings/7/protocol.pdf"
    assert reverse("protocols:protocol_public_pdf", args=[7]) == "/meetings/7/protocol-public.pdf"
    assert reverse("protocols:protocol_verify") == "/meetings/verifiera/"


def test_old_justering_and_meeting_list_addresses_redirect_permanently(client, council):
    for old, new in [("/meetings/7/justering/", "/meetings/7/protocol/"),
                     ("/meetings/versioner/3/", "/meetings/protocol-versions/3/"),
                     ("/meetings/versioner/3/protokoll.pdf", "/meetings/protocol-versions/3/protocol.pdf"),
                     (f"/meetings/council/{council.pk}/?year=2025", f"/councils/{council.pk}/meetings/?year=2025")]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
