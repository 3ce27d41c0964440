"""Justering and protocol PDF addresses, published under /meetings/ (lobra/urls.py includes them there)."""

from django.urls import path

from . import views

app_name = "protocols"

urlpatterns = [
    path("<int:pk>/justering/", views.meeting_protocol, name="protocol_meeting"),
    path("<int:pk>/justering/skicka/", views.protocol_send, name="protocol_send"),
    path("<int:pk>/justering/utkast.pdf", views.protocol_draft_pdf, name="protocol_draft_pdf"),
    path("<int:pk>/justering/aterkalla/", views.protocol_withdraw, name="protocol_withdraw"),
    path("<int:pk>/justering/rattelse/", views.protocol_correction, name="protocol_correction"),
    path("<int:pk>/protocol.pdf", views.protocol_pdf, name="protocol_pdf"),
    path("<int:pk>/protocol-public.pdf", views.protocol_public_pdf, name="protocol_public_pdf"),
    path("versioner/<int:pk>/", views.version_detail, name="protocol_version"),
    path("versioner/<int:pk>/svar/", views.version_answer, name="protocol_answer"),
    path("versioner/<int:pk>/forsegla/", views.version_seal_retry, name="protocol_seal_retry"),
    path("versioner/<int:pk>/status/", views.version_seal_status, name="protocol_seal_status"),
    path("versioner/<int:pk>/forhandsgranskning.pdf", views.version_preview, name="protocol_preview"),
    path("versioner/<int:pk>/protokoll.pdf", views.version_pdf, name="protocol_version_pdf"),
    path("versioner/<int:pk>/protokoll-offentlig.pdf", views.version_public_pdf, name="protocol_version_public_pdf"),
    path("verifiera/", views.verify, name="protocol_verify"),
]
