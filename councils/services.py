"""Changes to a council's own settings."""

from django.db import transaction

from .models import Council, log_action


def council_settings_save(*, council, user, justering_days):
    """Set the council's justering deadline (days after the meeting)."""
    with transaction.atomic():
        Council.objects.filter(pk=council.pk).update(justering_days=justering_days)
        council.justering_days = justering_days
        log_action(council=council, user=user, action="councils.council.settings_changed",
                   obj=f"{council}: {justering_days} dagar för justering")
    return council
