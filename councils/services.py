"""Changes to councils, people, memberships, forums and organisations; each writes its log entry in its transaction.

Services take data (a form's cleaned_data, a dict from a script), never forms.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from .access import require_any_coordinator, require_organisation_change
from .history import apply_changes, value_text
from .models import Council, Forum, Membership, Organisation, Person, log_action


def field_changes(instance, fields):
    """{"changed": {field: [before, after]}} for the fields in `fields` that differ from the stored instance."""
    # Compared with the database row: a ModelForm's validation has already set the new values on the instance.
    stored = type(instance)._default_manager.get(pk=instance.pk) if instance.pk else instance
    changed = {}
    for name, value in fields.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            before = list(getattr(stored, name).all()) if stored.pk else []
            if {item.pk for item in before} != {item.pk for item in value or []}:
                changed[name] = [value_text(before), value_text(list(value or []))]
        elif field.get_internal_type() in {"FileField", "ImageField"}:
            if value:  # a file field given None or False keeps (or clears) its file: note only a new file
                changed[name] = [value_text(getattr(stored, name).name), value_text(value.name)]
        else:
            before = getattr(stored, name)
            if before != value:
                changed[name] = [value_text(before), value_text(value)]
    return {"changed": changed} if changed else {}


def save_fields(instance, fields):
    """Set the model's fields from a dict, validate, save, then set its many-to-many fields.

    Uses each field's save_form_data, as a ModelForm does: a file field given None keeps its file."""
    many = []
    for name, value in fields.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            many.append((field, value))
        else:
            field.save_form_data(instance, value)
    instance.full_clean()
    instance.save()
    for field, value in many:
        field.save_form_data(instance, value)
    return instance


def membership_data(membership):
    """What a history entry about a role records: where, which role, from and to."""
    return {"body": str(membership.body), "role": membership.get_role_display(),
            "valid_from": membership.valid_from, "valid_to": membership.valid_to}


PERSON_FIELDS = ["first_name", "last_name", "title", "organisation", "email", "phone"]


def person_create(*, council, user, person, forum, role, valid_from):
    """A new person (fields in `person`) with a role in the council (or one of its forums) from a date."""
    with transaction.atomic():
        created = save_fields(Person(), {name: person[name] for name in PERSON_FIELDS if name in person})
        membership = save_fields(
            Membership(council=council, person=created),
            {"forum": forum, "role": role, "valid_from": valid_from},
        )
        log_action(council=council, user=user, action="councils.person.created", obj=created,
                   data=membership_data(membership))
    return created


def person_update(*, person, user, fields):
    """Change a person: one entry, on no council, since the person is shared by every council she is in."""
    with transaction.atomic():
        changes = field_changes(person, fields)
        save_fields(person, fields)
        log_action(council=None, user=user, action="councils.person.changed", obj=person, data=changes)
    return person


def membership_create(*, council, user, fields):
    with transaction.atomic():
        membership = save_fields(Membership(council=council), fields)
        log_action(council=council, user=user, action="councils.membership.created", obj=membership.person,
                   data=membership_data(membership))
    return membership


def membership_update(*, membership, user, fields):
    with transaction.atomic():
        changes = field_changes(membership, fields)
        save_fields(membership, fields)
        log_action(council=membership.council, user=user, action="councils.membership.changed",
                   obj=membership.person, data=membership_data(membership) | changes)
    return membership


def membership_end(*, membership, user, valid_to):
    """End a role on a date; the membership stays as history."""
    with transaction.atomic():
        membership.end(valid_to)
        log_action(council=membership.council, user=user, action="councils.membership.ended",
                   obj=membership.person, data=membership_data(membership))
    return membership


def forum_save(*, council, user, fields, forum=None):
    """Create (forum None) or change a forum of the council."""
    action = "councils.forum.changed" if forum else "councils.forum.created"
    with transaction.atomic():
        forum = forum or Forum(council=council)
        changes = field_changes(forum, fields)
        save_fields(forum, fields)
        log_action(council=council, user=user, action=action, obj=forum, data=changes)
    return forum


def organisation_create(*, user, data):
    """A new organisation, open to everyone holding organisations.manage in some council."""
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
    """Delete an organisation that nobody and no council belongs to; ValidationError (nothing written) if some do."""
    try:
        with transaction.atomic():
            organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
            require_organisation_change(user, organisation)
            log_action(council=None, user=user, action="councils.organisation.deleted", obj=organisation,
                       data={"name": organisation.name})
            organisation.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("%(name)s kan inte tas bort eftersom personer eller råd hör till organisationen. "
              "Flytta dem till en annan organisation först.") % {"name": organisation}
        ) from error


def council_settings_save(*, council, user, justering_days):
    """Set the council's justering deadline (days after the meeting)."""
    with transaction.atomic():
        before = Council.objects.filter(pk=council.pk).values_list("justering_days", flat=True).get()
        Council.objects.filter(pk=council.pk).update(justering_days=justering_days)
        council.justering_days = justering_days
        log_action(council=council, user=user, action="councils.council.settings_changed", obj=council,
                   data={"changed": {"justering_days": [value_text(before), value_text(justering_days)]}})
    return council
