"""Council pages: overview, council, people, memberships, forums, organisations."""

from collections import defaultdict
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, ProtectedError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .access import get_council_for, get_membership_for, get_person_for
from .forms import (
    CouncilSettingsForm,
    ForumForm,
    MembershipEndForm,
    MembershipForm,
    OrganisationForm,
    PersonCreateForm,
    PersonForm,
)
from .models import Council, Forum, Membership, Organisation, log_action


@login_required
def overview(request):
    councils = Council.objects.for_user(request.user).select_related("organisation")
    rows = [(council, sorted(council.roles_of(request.user))) for council in councils]
    role_names = dict(Membership.Role.choices)
    rows = [(council, [role_names[r] for r in roles]) for council, roles in rows]
    return render(request, "councils/overview.html", {"rows": rows})


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
    council = get_council_for(request.user, pk)
    members = council.current_memberships()
    by_organisation = [
        (organisation, list(rows))
        for organisation, rows in groupby(members, key=lambda m: m.person.organisation)
    ]
    return render(
        request,
        "councils/council_detail.html",
        {
            "council": council,
            "by_organisation": by_organisation,
            "forums": forum_tree(council),
            "past": council.past_memberships(),
            "can_manage": council.can_manage(request.user),
            "predecessors": council.predecessors.all(),
        },
    )


@login_required
def council_settings(request, pk):
    council = get_council_for(request.user, pk, manage=True)
    form = CouncilSettingsForm(request.POST or None, initial={"justering_days": council.justering_days})
    if request.method == "POST" and form.is_valid():
        services.council_settings_save(council=council, user=request.user, **form.cleaned_data)
        messages.success(request, _("Rådets inställningar är sparade."))
        return redirect(council)
    return render(request, "councils/form.html", {"form": form, "council": council,
                                                  "title": _("Rådets inställningar")})


@login_required
def person_create(request, council_pk):
    council = get_council_for(request.user, council_pk, manage=True)
    form = PersonCreateForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        membership = Membership(
            council=council,
            forum=form.cleaned_data["forum"],
            role=form.cleaned_data["role"],
            valid_from=form.cleaned_data["valid_from"],
        )
        with transaction.atomic():
            person = form.save()
            membership.person = person
            membership.full_clean()
            membership.save()
            log_action(council=council, user=request.user, action="Person tillagd", obj=membership)
        messages.success(request, _("%(person)s är tillagd.") % {"person": person})
        return redirect(council)
    return render(request, "councils/form.html", {"form": form, "council": council, "title": _("Lägg till person")})


@login_required
def person_detail(request, pk):
    person = get_person_for(request.user, pk)
    visible = Council.objects.for_user(request.user)
    memberships = (
        person.memberships.filter(council__in=visible)
        .select_related("council", "forum")
        .order_by("-valid_from")
    )
    manageable = {m.council_id for m in memberships if m.council.can_manage(request.user)}
    return render(
        request,
        "councils/person_detail.html",
        {"person": person, "memberships": memberships, "manageable": manageable},
    )


@login_required
def person_edit(request, pk):
    person = get_person_for(request.user, pk, write=True)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            for council in Council.objects.filter(memberships__person=person).distinct():
                log_action(council=council, user=request.user, action="Person ändrad", obj=person)
        messages.success(request, _("Ändringarna är sparade."))
        return redirect("councils:person", pk=person.pk)
    return render(request, "councils/form.html", {"form": form, "title": _("Ändra %(person)s") % {"person": person}})


@login_required
def membership_create(request, council_pk):
    council = get_council_for(request.user, council_pk, manage=True)
    form = MembershipForm(request.POST or None, council=council, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            membership = form.save()
            log_action(council=council, user=request.user, action="Roll tilldelad", obj=membership)
        messages.success(request, _("Rollen är sparad."))
        return redirect(council)
    return render(request, "councils/form.html", {"form": form, "council": council, "title": _("Ge roll")})


@login_required
def membership_edit(request, pk):
    membership = get_membership_for(request.user, pk, write=True)
    form = MembershipForm(request.POST or None, instance=membership, council=membership.council)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            log_action(council=membership.council, user=request.user, action="Roll ändrad", obj=membership)
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(membership.council)
    return render(
        request, "councils/form.html", {"form": form, "council": membership.council, "title": _("Ändra roll")}
    )


@login_required
def membership_end(request, pk):
    membership = get_membership_for(request.user, pk, write=True)
    form = MembershipEndForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            membership.end(form.cleaned_data["valid_to"])
            log_action(council=membership.council, user=request.user, action="Roll avslutad", obj=membership)
        messages.success(request, _("Rollen är avslutad. Historiken finns kvar under tidigare medlemmar."))
        return redirect(membership.council)
    return render(
        request,
        "councils/form.html",
        {
            "form": form,
            "council": membership.council,
            "title": _("Avsluta roll: %(membership)s") % {"membership": membership},
        },
    )


@login_required
def forum_edit(request, council_pk, pk=None):
    council = get_council_for(request.user, council_pk, manage=True)
    forum = get_object_or_404(Forum, pk=pk, council=council) if pk else None
    form = ForumForm(request.POST or None, instance=forum, council=council)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            forum = form.save()
            log_action(council=council, user=request.user, action="Forum sparat", obj=forum)
        messages.success(request, _("Forumet är sparat."))
        return redirect(council)
    title = _("Ändra forum") if pk else _("Nytt forum")
    return render(request, "councils/form.html", {"form": form, "council": council, "title": title})


def require_any_coordinator(user):
    """Organisations are shared by all councils; any coordinator may maintain them."""
    if user.is_superuser:
        return
    if not Membership.objects.current().filter(
        person__user=user, forum__isnull=True, role__in=Membership.MANAGER_ROLES
    ).exists():
        raise PermissionDenied


@login_required
def organisation_list(request):
    require_any_coordinator(request.user)
    organisations = Organisation.objects.all()
    return render(request, "councils/organisation_list.html", {"organisations": organisations})


@login_required
def organisation_edit(request, pk=None):
    require_any_coordinator(request.user)
    organisation = get_object_or_404(Organisation, pk=pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Organisationen är sparad."))
        return redirect("councils:organisations")
    title = _("Ändra organisation") if pk else _("Ny organisation")
    return render(request, "councils/form.html", {"form": form, "title": title})


@login_required
@require_POST
def organisation_delete(request, pk):
    require_any_coordinator(request.user)
    organisation = get_object_or_404(Organisation, pk=pk)
    try:
        organisation.delete()
    except ProtectedError:
        messages.error(
            request,
            _("%(name)s kan inte tas bort eftersom personer eller råd hör till organisationen. "
              "Flytta dem till en annan organisation först.") % {"name": organisation},
        )
    else:
        messages.success(request, _("%(name)s är borttagen.") % {"name": organisation})
    return redirect("councils:organisations")
