"""Outgoing e-mail as a task (django-tasks), shared by every app: councils sits at the bottom of the arrows."""

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
def send_email(subject, body, recipients, attachments=(), attempt=1):
    """Send one e-mail; a failure is logged and retried later, never shown to whoever caused it.

    ``attachments`` are ``[filename, text, mimetype]`` lists, since task arguments must be JSON.
    """
    message = mail.EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients))
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception:
        logger.exception("E-post %r till %s gick inte att skicka (försök %s)", subject, recipients, attempt)
        if attempt < MAIL_ATTEMPTS and default_task_backend.supports_defer:
            run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAY_SECONDS * attempt)
            send_email.using(run_after=run_after).enqueue(subject, body, recipients, attachments, attempt + 1)
        raise
