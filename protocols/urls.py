"""Justering and protocol PDF addresses, published under /meetings/ (lobra/urls.py includes them there).

/meetings/<id>/protocol.pdf, /meetings/<id>/protocol-public.pdf and /meetings/verifiera/ are printed on signed
PDFs and stay as they are; the other Swedish addresses of the first release redirect permanently (for GET;
their forms post to the new ones)."""

from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "protocols"

urlpatterns = [
    path("<int:pk>/protocol/", views.meeting_protocol, name="protocol_meeting"),
    path("<int:pk>/protocol/send/", views.protocol_send, name="protocol_send"),
    path("<int:pk>/protocol/draft.pdf", views.protocol_draft_pdf, name="protocol_draft_pdf"),
    path("<int:pk>/protocol/withdraw/", views.protocol_withdraw, name="protocol_withdraw"),
    path("<int:pk>/protocol/correction/", views.protocol_correction, name="protocol_correction"),
    path("<int:pk>/protocol.pdf", views.protocol_pdf, name="protocol_pdf"),
    path("<int:pk>/protocol-public.pdf", views.protocol_public_pdf, name="protocol_public_pdf"),
    path("protocol-versions/<int:pk>/", views.version_detail, name="protocol_version"),
    path("protocol-versions/<int:pk>/answer/", views.version_answer, name="protocol_answer"),
    path("protocol-versions/<int:pk>/seal/", views.version_seal_retry, name="protocol_seal_retry"),
    path("protocol-versions/<int:pk>/status/", views.version_seal_status, name="protocol_seal_status"),
    path("protocol-versions/<int:pk>/preview.pdf", views.version_preview, name="protocol_preview"),
    path("protocol-versions/<int:pk>/protocol.pdf", views.version_pdf, name="protocol_version_pdf"),
    path("protocol-versions/<int:pk>/protocol-public.pdf", views.version_public_pdf,
         name="protocol_version_public_pdf"),
    path("verifiera/", views.verify, name="protocol_verify"),  # printed on every signed PDF
]

urlpatterns += [
    path(old, RedirectView.as_view(pattern_name=f"protocols:{name}", permanent=True, query_string=True))
    for old, name in [
        ("<int:pk>/justering/", "protocol_meeting"),
        ("versioner/<int:pk>/", "protocol_version"),
        ("versioner/<int:pk>/forhandsgranskning.pdf", "protocol_preview"),
        ("versioner/<int:pk>/protokoll.pdf", "protocol_version_pdf"),
        ("versioner/<int:pk>/protokoll-offentlig.pdf", "protocol_version_public_pdf"),
    ]
]
