"""Changes to councils' shared records, each in one transaction with its history entry."""

from django.db import transaction

from .access import require_any_coordinator, require_organisation_change
from .history import apply_changes
from .models import Organisation, log_action


def organisation_create(*, user, data):
    """A new organisation, open to every coordinator."""
    require_any_coordinator(user)
    organisation = Organisation(**data)
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        log_action(council=None, user=user, action="councils.organisation.created", obj=organisation)
    return organisation


def organisation_update(*, organisation, user, data):
    """Change a shared organisation; who may is decided again after locking it, so a council that starts
    using it meanwhile is counted."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        require_organisation_change(user, organisation)
        changes = apply_changes(organisation, data)
        if changes:
            organisation.full_clean()
            organisation.save()
            log_action(council=None, user=user, action="councils.organisation.changed", obj=organisation,
                       data=changes)
    return organisation


def organisation_delete(*, organisation, user):
    """Delete an organisation nobody refers to; ProtectedError (and nothing written) if people or councils do."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        require_organisation_change(user, organisation)
        log_action(council=None, user=user, action="councils.organisation.deleted", obj=organisation,
                   data={"name": organisation.name})
        organisation.delete()
