"""Work that leaves the request: sealing a final protocol (django-tasks); e-mail goes through councils.tasks.send_email."""

import datetime

from django.utils import timezone
from django_tasks import default_task_backend, task

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
