from django.urls import path  # noqa: F401

app_name = "meetings"

urlpatterns = []

from .protocol_urls import urlpatterns as protocol_urlpatterns  # noqa: E402  (justering and protocol PDFs)

urlpatterns += protocol_urlpatterns
