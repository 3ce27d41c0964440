"""Who: organisations, councils, their forums, people and memberships."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def today():
    """Today's date in Europe/Stockholm."""
    return timezone.localdate()


# Kommunallagen practice: a protocol is adjusted within 14 days of the meeting; a council may set its own.
JUSTERING_DAYS_DEFAULT = 14


class Organisation(models.Model):
    """An organisation that people in a council come from (kommun, polis, skola …)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "kommun", _("Kommun/stadsdelsförvaltning")
        POLICE = "polis", _("Polis/lokalpolisområde")
        FIRE = "raddningstjanst", _("Räddningstjänst")
        SCHOOL = "skola", _("Skola")
        SOCIAL = "socialtjanst", _("Socialtjänst")
        PROPERTY = "fastighetsagare", _("Fastighetsägare")
        TRANSPORT = "kollektivtrafik", _("Kollektivtrafik")
        BUSINESS = "naringsliv", _("Näringsliv")
        CIVIL = "civilsamhalle", _("Civilsamhälle")
        POLITICAL = "politik", _("Politisk organisation/nämnd")
        OTHER = "annan", _("Annan")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=50, blank=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name


class CouncilQuerySet(models.QuerySet):
    def for_user(self, user):
        """Councils in which the user's person holds a current membership."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            pk__in=Membership.objects.current()
            .filter(person__user=user)
            .values("council_id")
        )


class Council(models.Model):
    """A local crime-prevention council (lokalt brottsförebyggande råd, LoBRÅ)."""

    name = models.CharField(_("namn"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="councils",
        verbose_name=_("huvudman"),
        help_text=_("Kommunen eller stadsdelsförvaltningen som driver rådet."),
    )
    description = models.TextField(_("beskrivning"), blank=True)
    default_place = models.CharField(_("vanlig mötesplats"), max_length=200, blank=True)
    valid_from = models.DateField(_("gäller från"), default=today)
    valid_to = models.DateField(_("gäller till"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("efterträdare"),
        help_text=_("Rådet som tog över när detta råd slogs samman."),
    )
    justering_days = models.PositiveSmallIntegerField(
        _("dagar för justering"),
        default=JUSTERING_DAYS_DEFAULT,
        help_text=_("Protokollet ska vara justerat så här många dagar efter mötet."),
    )
    # Grows with every logged change to what the council's pages show (councils/revision.py); part of the key
    # of every cached page body, so a change is seen at once and nothing has to be invalidated.
    revision = models.PositiveBigIntegerField(_("revision"), default=0, editable=False)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("råd")
        verbose_name_plural = _("råd")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="council_valid_from_before_to",
                violation_error_message=_("Slutdatum kan inte vara före startdatum."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=models.F("pk")),
                name="council_not_own_successor",
                violation_error_message=_("Ett råd kan inte efterträda sig självt."),
            ),
            models.CheckConstraint(
                condition=Q(justering_days__gte=1, justering_days__lte=90),
                name="council_justering_days_range",
                violation_error_message=_("Tiden för justering ska vara mellan 1 och 90 dagar."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councils:council_detail", args=[self.pk])

    @property
    def is_active(self):
        return self.valid_to is None or self.valid_to >= today()

    def roles_of(self, user):
        """The set of roles the user's person holds in this council today.

        Read with all the user's councils in one query (councils.selectors.councils_of, which the menu shows
        too) and kept on the user object for the request."""
        if not user.is_authenticated:
            return frozenset()
        from .selectors import councils_of  # selectors read this module's models

        councils_of(user)
        return user._lobra_roles.get(self.pk, frozenset())

    def is_member(self, user):
        """Whether the user is a site admin or holds a current membership in the council or one of its forums."""
        if user.is_authenticated and user.is_superuser:
            return True
        from .selectors import councils_of

        return any(mine.council.pk == self.pk for mine in councils_of(user))

    def perms_of(self, user):
        """The permissions (councils/permissions.py) the user holds in this council today."""
        from . import permissions  # the table names Membership's roles, defined below

        if user.is_authenticated and user.is_superuser:
            return frozenset(permissions.PERMISSIONS)
        return permissions.permissions_for(self.roles_of(user))

    def has_perm(self, user, name):
        """Whether the user holds the permission `name` (councils/permissions.py) in this council today."""
        from . import permissions

        permissions.check_name(name)
        return name in self.perms_of(user)

    def current_memberships(self):
        return (
            self.memberships.current()
            .filter(forum__isnull=True)
            .select_related("person__organisation")
            .order_by("person__organisation__name", "person__last_name", "person__first_name")
        )

    def past_memberships(self):
        return (
            self.memberships.ended()
            .filter(forum__isnull=True)
            .select_related("person__organisation")
            .order_by("-valid_to", "person__last_name")
        )


class Forum(models.Model):
    """A working group, cooperation forum or programme under a council; may nest."""

    class Kind(models.TextChoices):
        WORKING_GROUP = "arbetsgrupp", _("Arbetsgrupp")
        FORUM = "samverkansforum", _("Samverkansforum")
        PROGRAMME = "program", _("Program/projekt")
        UMBRELLA = "paraply", _("Projektparaply")
        NETWORK = "natverk", _("Nätverk")

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="forums", verbose_name=_("råd")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("ingår i"),
    )
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.WORKING_GROUP)
    description = models.TextField(_("beskrivning"), blank=True)
    meets = models.CharField(
        _("mötesrytm"), max_length=200, blank=True, help_text=_("T.ex. \"Möts onsdag innan LoBRÅ\".")
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    valid_from = models.DateField(_("gäller från"), default=today)
    valid_to = models.DateField(_("gäller till"), null=True, blank=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forum")
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="forum_unique_name_per_council"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="forum_valid_from_before_to",
                violation_error_message=_("Slutdatum kan inte vara före startdatum."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id and self.council_id and self.parent.council_id != self.council_id:
            raise ValidationError({"parent": _("Överordnat forum måste höra till samma råd.")})
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError({"parent": _("Ett forum kan inte ligga under sig självt.")})
            node = node.parent


class Person(models.Model):
    """A person who takes part in council work; may have a login."""

    first_name = models.CharField(_("förnamn"), max_length=100)
    last_name = models.CharField(_("efternamn"), max_length=100)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="people", verbose_name=_("organisation")
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("inloggning"),
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on a date (default today)."""
        on = on or today()
        return self.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))

    def ended(self, on=None):
        on = on or today()
        return self.filter(valid_to__lt=on)


class Membership(models.Model):
    """A person's role in a council, or in one of its forums, from a date to a date."""

    class Role(models.TextChoices):
        CHAIR = "ordforande", _("Ordförande")
        VICE_CHAIR = "vice_ordforande", _("Vice ordförande")
        COORDINATOR = "samordnare", _("Samordnare")
        SECRETARY = "sekreterare", _("Sekreterare")
        MEMBER = "ledamot", _("Ledamot")
        CO_OPTED = "adjungerad", _("Adjungerad")
        DEPUTY = "ersattare", _("Ersättare")

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("person")
    )
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("råd")
    )
    forum = models.ForeignKey(
        Forum,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("forum"),
        help_text=_("Lämna tomt för medlemskap i själva rådet."),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    valid_from = models.DateField(_("från"), default=today)
    valid_to = models.DateField(_("till"), null=True, blank=True)
    note = models.CharField(_("anteckning"), max_length=200, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="membership_valid_from_before_to",
                violation_error_message=_("Medlemskapet kan inte sluta innan det börjar."),
            ),
            models.UniqueConstraint(
                fields=["person", "council", "role"],
                condition=Q(forum__isnull=True, valid_to__isnull=True),
                name="membership_one_open_council_role",
                violation_error_message=_("Personen har redan den rollen i rådet."),
            ),
            models.UniqueConstraint(
                fields=["person", "forum", "role"],
                condition=Q(forum__isnull=False, valid_to__isnull=True),
                name="membership_one_open_forum_role",
                violation_error_message=_("Personen har redan den rollen i forumet."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} ({self.body})"

    @property
    def body(self):
        return self.forum or self.council

    @property
    def is_current(self):
        on = today()
        return self.valid_from <= on and (self.valid_to is None or self.valid_to >= on)

    def clean(self):
        if self.forum_id and self.council_id and self.forum.council_id != self.council_id:
            raise ValidationError({"forum": _("Forumet hör inte till det här rådet.")})
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Medlemskapet kan inte sluta innan det börjar.")})
        if self.person_id and self.council_id and self.valid_from:
            if self.overlapping().exists():
                raise ValidationError(
                    _("%(person)s har redan rollen %(role)s i %(body)s under den perioden.")
                    % {"person": self.person, "role": self.get_role_display().lower(), "body": self.body}
                )

    def overlapping(self):
        """Other memberships of the same person, body and role whose periods overlap this one."""
        far_future = datetime.date.max
        others = Membership.objects.filter(
            person_id=self.person_id, council_id=self.council_id, forum_id=self.forum_id, role=self.role
        ).exclude(pk=self.pk)
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        return others.filter(valid_from__lte=self.valid_to or far_future)

    def end(self, on):
        """End the membership on a date; the record stays as history."""
        if on < self.valid_from:
            raise ValidationError({"valid_to": _("Medlemskapet kan inte sluta innan det börjar.")})
        self.valid_to = on
        self.save(update_fields=["valid_to"])


class LogEntry(models.Model):
    """One thing someone did to an object: a coded action and what changed, written in the change's transaction."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("objekttyp"),
    )
    object_id = models.PositiveBigIntegerField(_("objekt-id"), null=True, blank=True)
    object_repr = models.CharField(_("objekt"), max_length=300)
    # The history outlives a council that is removed (a merger, a mistake): the entries stay, without it.
    council = models.ForeignKey(
        Council, on_delete=models.SET_NULL, null=True, blank=True, related_name="log_entries",
        verbose_name=_("råd"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("användare"),
    )
    action = models.CharField(_("händelse"), max_length=100, help_text=_("Kod, t.ex. protocols.version.sent."))
    data = models.JSONField(_("uppgifter"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("tidpunkt"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("logghändelse")
        verbose_name_plural = _("logghändelser")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"], name="logentry_object_idx"),
            models.Index(fields=["council", "-created_at"], name="logentry_council_idx"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action_label}: {self.object_repr}"

    @property
    def action_label(self):
        """The action's label in the reader's language (the code → label table in councils.history)."""
        from .history import label  # history reads this module's models

        return str(label(self.action))


def log_action(*, council, user, action, obj, data=None):
    """Record who did what to obj; call it inside the transaction that makes the change.

    Every change is logged, so this is also where the councils whose pages show obj get a new revision
    (councils/revision.py): their cached page bodies are then rendered anew.

    `action` is a code such as "meetings.meeting.created" (labels are translated when shown); `data` says what
    changed. `obj` is the object whose history the entry belongs to; a plain string records only a name.
    """
    from .revision import renew  # reads this module's models

    is_model = isinstance(obj, models.Model)
    renew(council, obj)
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj) if is_model else None,
        object_id=obj.pk if is_model else None,
        object_repr=str(obj)[:300],
        council=council,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        data=data or {},
    )
