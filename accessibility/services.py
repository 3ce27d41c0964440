"""Sending what a visitor writes about an accessibility problem to the statement's contact address."""

from django.core.mail import EmailMessage
from django.utils.translation import gettext as _


def feedback_send(*, statement, message, page="", email=""):
    """Mail a visitor's report to the address in the statement; nothing is stored."""
    body = "\n\n".join(part for part in [message, page and _("Sida: %s") % page,
                                         email and _("Svar till: %s") % email] if part)
    EmailMessage(
        subject=_("Synpunkt på tillgängligheten i %(service)s") % {"service": statement.service_name},
        body=body, to=[statement.contact_email], reply_to=[email] if email else None,
    ).send()
