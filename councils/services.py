"""Changes to councils, people, memberships, forums and organisations; each writes its log entry in its transaction.

Services take data (a form's cleaned_data, a dict from a script), never forms.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import Council, Forum, Membership, Organisation, Person, log_action


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


PERSON_FIELDS = ["first_name", "last_name", "title", "organisation", "email", "phone"]


def person_create(*, council, user, person, forum, role, valid_from):
    """A new person (fields in `person`) with a role in the council (or one of its forums) from a date."""
    with transaction.atomic():
        created = save_fields(Person(), {name: person[name] for name in PERSON_FIELDS if name in person})
        membership = save_fields(
            Membership(council=council, person=created),
            {"forum": forum, "role": role, "valid_from": valid_from},
        )
        log_action(council=council, user=user, action=gettext_noop("Person tillagd"), obj=membership)
    return created


def person_update(*, person, user, fields):
    """Change a person; every council the person is or was in logs it."""
    with transaction.atomic():
        save_fields(person, fields)
        for council in Council.objects.filter(memberships__person=person).distinct():
            log_action(council=council, user=user, action=gettext_noop("Person ändrad"), obj=person)
    return person


def membership_create(*, council, user, fields):
    with transaction.atomic():
        membership = save_fields(Membership(council=council), fields)
        log_action(council=council, user=user, action=gettext_noop("Roll tilldelad"), obj=membership)
    return membership


def membership_update(*, membership, user, fields):
    with transaction.atomic():
        save_fields(membership, fields)
        log_action(council=membership.council, user=user, action=gettext_noop("Roll ändrad"), obj=membership)
    return membership


def membership_end(*, membership, user, valid_to):
    """End a role on a date; the membership stays as history."""
    with transaction.atomic():
        membership.end(valid_to)
        log_action(council=membership.council, user=user, action=gettext_noop("Roll avslutad"), obj=membership)
    return membership


def forum_save(*, council, user, fields, forum=None):
    """Create (forum None) or change a forum of the council."""
    with transaction.atomic():
        forum = save_fields(forum or Forum(council=council), fields)
        log_action(council=council, user=user, action=gettext_noop("Forum sparat"), obj=forum)
    return forum


def organisation_save(*, user, fields, organisation=None):
    """Create (organisation None) or change an organisation; organisations belong to no council, so no log."""
    return save_fields(organisation or Organisation(), fields)


def organisation_delete(*, user, organisation):
    """Delete an organisation that nobody and no council belongs to."""
    try:
        organisation.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("%(name)s kan inte tas bort eftersom personer eller råd hör till organisationen. "
              "Flytta dem till en annan organisation först.") % {"name": organisation}
        ) from error


def council_settings_save(*, council, user, justering_days):
    """Set the council's justering deadline (days after the meeting)."""
    with transaction.atomic():
        Council.objects.filter(pk=council.pk).update(justering_days=justering_days)
        council.justering_days = justering_days
        log_action(council=council, user=user, action="councils.council.settings_changed",
                   obj=f"{council}: {justering_days} dagar för justering")
    return council
