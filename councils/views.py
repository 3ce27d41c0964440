"""Council pages: overview, council, people, memberships, forums, organisations."""

from collections import defaultdict
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .access import (
    councils_using,
    get_council_for,
    get_forum_for,
    get_membership_for,
    get_organisation_for,
    get_person_for,
    may_change_organisation,
    require_any_coordinator,
)
from .forms import (
    CouncilSettingsForm,
    ForumForm,
    MembershipEndForm,
    MembershipForm,
    OrganisationForm,
    PersonCreateForm,
    PersonForm,
)
from .history import history_for
from .models import Council, Forum, Membership, today
from .pagecache import body_context, cached_body, perms_key
from .panels import council_panels, panels_key


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a login from a user and address that failed too often: 429, in Swedish."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


@login_required
def overview(request):
    councils = Council.objects.for_user(request.user).select_related("organisation")
    rows = [(council, sorted(council.roles_of(request.user))) for council in councils]
    role_names = dict(Membership.Role.choices)
    rows = [(council, [role_names[r] for r in roles]) for council, roles in rows]
    return render(request, "councils/overview.html", {"rows": rows})


@login_required
def account_settings(request):
    """The user's own settings: the language of the interface, the password."""
    return render(request, "councils/account_settings.html")


def form_page(request, form, *, title, council=None, back=None):
    """The shared form page (templates/form.html); back defaults to the council's page."""
    back = back or (council.get_absolute_url() if council else reverse("councils:council_list"))
    return render(request, "form.html", {
        "form": form, "title": title, "back": back,
        "up_url": council.get_absolute_url() if council else None, "up_label": council,
    })


def forum_tree(council):
    """The council's forums as (forum, depth) in tree order, each with its current members."""
    forums = list(
        Forum.objects.filter(council=council).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current().select_related("person__organisation"),
                to_attr="current_members",
            )
        )
    )
    children = defaultdict(list)
    for forum in forums:
        children[forum.parent_id].append(forum)
    ordered = []

    def walk(parent_id, depth):
        for forum in children[parent_id]:
            ordered.append((forum, depth))
            walk(forum.pk, depth + 1)

    walk(None, 0)
    return ordered


@login_required
def council_detail(request, pk):
    """The council: members by organisation, forums, the other apps' panels. The body is rendered once per
    council revision, day, panel state (councils/panels.py) and reader's permissions (councils/pagecache.py)."""
    council = get_council_for(request.user, pk)
    perms = council.perms_of(request.user)

    def render_body():
        members = council.current_memberships()
        by_organisation = [
            (organisation, list(rows))
            for organisation, rows in groupby(members, key=lambda m: m.person.organisation)
        ]
        return render_to_string("councils/_council_body.html", body_context(
            council=council,
            by_organisation=by_organisation,
            forums=forum_tree(council),
            past=council.past_memberships(),
            council_perms=perms,
            predecessors=council.predecessors.all(),
            panels=council_panels(council, request.user),
        ))

    body = cached_body(request, "council", council.pk, council.revision, today(), *panels_key(council),
                       perms_key(perms), render=render_body)
    return render(request, "councils/council_detail.html", {"council": council, "body": body})


@login_required
def council_settings(request, pk):
    council = get_council_for(request.user, pk, perm="council.manage")
    form = CouncilSettingsForm(request.POST or None, initial={"justering_days": council.justering_days})
    if request.method == "POST" and form.is_valid():
        services.council_settings_save(council=council, user=request.user, **form.cleaned_data)
        messages.success(request, _("Rådets inställningar är sparade."))
        return redirect(council)
    return form_page(request, form, council=council, title=_("Rådets inställningar"))


@login_required
def person_create(request, council_pk):
    council = get_council_for(request.user, council_pk, perm="council.manage")
    form = PersonCreateForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = services.person_create(council=council, user=request.user, person=data, forum=data["forum"],
                                        role=data["role"], valid_from=data["valid_from"])
        messages.success(request, _("%(person)s är tillagd.") % {"person": person})
        return redirect(council)
    return form_page(request, form, council=council, title=_("Lägg till person"))


@login_required
def person_detail(request, pk):
    person = get_person_for(request.user, pk)
    visible = Council.objects.for_user(request.user)
    memberships = (
        person.memberships.filter(council__in=visible)
        .select_related("council", "forum")
        .order_by("-valid_from")
    )
    manageable = {m.council_id for m in memberships if m.council.has_perm(request.user, "council.manage")}
    return render(
        request,
        "councils/person_detail.html",
        {"person": person, "memberships": memberships, "manageable": manageable,
         "history": history_for(person, councils=visible)},
    )


@login_required
def person_edit(request, pk):
    person = get_person_for(request.user, pk, write=True)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        services.person_update(person=person, user=request.user, fields=form.cleaned_data)
        messages.success(request, _("Ändringarna är sparade."))
        return redirect("councils:person_detail", pk=person.pk)
    return form_page(request, form, title=_("Ändra %(person)s") % {"person": person},
                     back=reverse("councils:person_detail", args=[person.pk]))


@login_required
def membership_create(request, council_pk):
    council = get_council_for(request.user, council_pk, perm="council.manage")
    form = MembershipForm(request.POST or None, council=council, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        services.membership_create(council=council, user=request.user, fields=form.cleaned_data)
        messages.success(request, _("Rollen är sparad."))
        return redirect(council)
    return form_page(request, form, council=council, title=_("Ge roll"))


@login_required
def membership_edit(request, pk):
    membership = get_membership_for(request.user, pk, write=True)
    form = MembershipForm(request.POST or None, instance=membership, council=membership.council)
    if request.method == "POST" and form.is_valid():
        services.membership_update(membership=membership, user=request.user, fields=form.cleaned_data)
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(membership.council)
    return form_page(request, form, council=membership.council, title=_("Ändra roll"))


@login_required
def membership_end(request, pk):
    membership = get_membership_for(request.user, pk, write=True)
    form = MembershipEndForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        services.membership_end(membership=membership, user=request.user, valid_to=form.cleaned_data["valid_to"])
        messages.success(request, _("Rollen är avslutad. Historiken finns kvar under tidigare medlemmar."))
        return redirect(membership.council)
    return form_page(request, form, council=membership.council, title=_("Avsluta roll: %(membership)s") % {"membership": membership})


@login_required
def forum_edit(request, council_pk, pk=None):
    if pk:
        forum = get_forum_for(request.user, council_pk, pk, write=True)
        council = forum.council
    else:
        forum, council = None, get_council_for(request.user, council_pk, perm="council.manage")
    form = ForumForm(request.POST or None, instance=forum, council=council)
    if request.method == "POST" and form.is_valid():
        services.forum_save(council=council, user=request.user, forum=forum, fields=form.cleaned_data)
        messages.success(request, _("Forumet är sparat."))
        return redirect(council)
    title = _("Ändra forum") if pk else _("Nytt forum")
    return form_page(request, form, council=council, title=title)


@login_required
def organisation_list(request):
    require_any_coordinator(request.user)
    return render(request, "councils/organisation_list.html", {"rows": selectors.organisations_for(request.user)})


@login_required
def organisation_detail(request, pk):
    organisation = get_organisation_for(request.user, pk)
    using = councils_using(organisation)
    return render(request, "councils/organisation_detail.html", {
        "organisation": organisation,
        "councils": Council.objects.for_user(request.user).filter(pk__in=using),
        "other_councils": len(using - set(Council.objects.for_user(request.user).values_list("pk", flat=True))),
        "can_change": may_change_organisation(request.user, using),
        "history": history_for(organisation),
    })


@login_required
def organisation_create(request):
    require_any_coordinator(request.user)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Organisationen är sparad."))
        return redirect("councils:organisation_detail", pk=organisation.pk)
    return form_page(request, form, title=_("Ny organisation"), back=reverse("councils:organisation_list"))


@login_required
def organisation_edit(request, pk):
    organisation = get_organisation_for(request.user, pk, write=True)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(organisation=organisation, user=request.user, data=form.cleaned_data)
        messages.success(request, _("Organisationen är sparad."))
        return redirect("councils:organisation_detail", pk=organisation.pk)
    return form_page(request, form, title=_("Ändra organisation"),
                     back=reverse("councils:organisation_detail", args=[organisation.pk]))


@login_required
@require_POST
def organisation_delete(request, pk):
    organisation = get_organisation_for(request.user, pk, write=True)
    try:
        services.organisation_delete(organisation=organisation, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("councils:organisation_detail", pk=organisation.pk)
    messages.success(request, _("%(name)s är borttagen.") % {"name": organisation})
    return redirect("councils:organisation_list")
