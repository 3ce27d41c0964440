"""Work that leaves the request: sealing a final protocol and sending its e-mail (django-tasks)."""

import datetime
import logging

from django.conf import settings
from django.core import mail
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)
MAIL_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 120


@task()
def seal_version(version_id, sha256):
    """Render and seal a final version's two PDFs (idempotent on its SHA-256)."""
    from .services import protocol_seal  # services queue this task; import late to keep the module graph simple

    return protocol_seal(version_id=version_id, sha256=sha256)


def retry_seal(version_id, sha256, attempt):
    """Queue the sealing again later; the immediate backend (tests, make run) does not wait, so it stops here."""
    if default_task_backend.supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAY_SECONDS * attempt)
        seal_version.using(run_after=run_after).enqueue(version_id, sha256)


@task()
def send_email(subject, body, recipients, attempt=1):
    """Send one notification; a failure is logged and retried later, never shown to whoever caused it."""
    try:
        mail.send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("E-post %r till %s gick inte att skicka (försök %s)", subject, recipients, attempt)
        if attempt < MAIL_ATTEMPTS and default_task_backend.supports_defer:
            run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAY_SECONDS * attempt)
            send_email.using(run_after=run_after).enqueue(subject, body, recipients, attempt + 1)
        raise
