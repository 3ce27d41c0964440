"""Access helpers for notifications and reminder settings: each person sees only their own."""

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404

from councils.models import Person

from .models import Notification

SETTINGS_SALT = "todo.reminder-settings"
SETTINGS_TOKEN_MAX_AGE = 60 * 60 * 24 * 120  # a link in a reminder keeps working for four months


def get_notification_for(user, pk):
    """The user's own notification; anyone else's is 404."""
    return get_object_or_404(Notification, pk=pk, user=user)


def settings_token(person):
    """A signed token in every reminder e-mail that opens the person's reminder settings without logging in."""
    return signing.TimestampSigner(salt=SETTINGS_SALT).sign(str(person.pk))


def get_settings_person(user, token=None):
    """The person whose reminder settings are shown: from a valid token, else the logged-in user's person."""
    if token:
        try:
            pk = signing.TimestampSigner(salt=SETTINGS_SALT).unsign(token, max_age=SETTINGS_TOKEN_MAX_AGE)
        except signing.BadSignature:
            raise Http404 from None
        return get_object_or_404(Person, pk=pk)
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        raise Http404
    return person
