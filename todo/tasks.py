"""The daily reminder run as a task for the worker (`manage.py db_worker`); cron enqueues it once a day."""

import logging

from django_tasks import task

from .reminders import reminders_send

logger = logging.getLogger("lobra.todo")


@task()
def send_reminders_daily():
    """Send today's reminders; safe to run again (what was sent is not sent twice)."""
    result = reminders_send()
    logger.info("todo.reminders: %s", result)
    return str(result)
