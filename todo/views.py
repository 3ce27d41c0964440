"""Att göra: the start page, the notifications and the reminder settings."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from councils.access import get_council_for
from councils.selectors import coordinators_of_former_councils, councils_of

from . import entries, services
from .access import get_notification_for, get_settings_person
from .context_processors import SESSION_COUNCIL
from .forms import ReminderSettingsForm
from .models import Notification

NOTIFICATIONS_SHOWN = 100


@login_required
def start(request):
    mine = councils_of(request.user)
    if not mine:
        return render(request, "todo/no_council.html", {
            "former": coordinators_of_former_councils(request.user), "support_email": settings.SUPPORT_EMAIL,
        })
    sections = entries.start_page(request.user, mine)
    return render(request, "todo/start.html", {
        "sections": [s for s in sections if s.entries],
        "nothing_to_do": not any(s.entries for s in sections if s.actionable),
        "mine": mine,
    })


@login_required
def council_switch(request, pk):
    """Make a council the one the menu links to, then show it."""
    get_council_for(request.user, pk)
    request.session[SESSION_COUNCIL] = pk
    return redirect("councils:council_detail", pk=pk)


@login_required
def notification_list(request):
    notifications = list(Notification.objects.filter(user=request.user).select_related("council")[:NOTIFICATIONS_SHOWN])
    return render(request, "todo/notification_list.html", {"notifications": notifications})


@login_required
def notification_open(request, pk):
    """Opening a notification marks it read and goes to what it is about."""
    notification = get_notification_for(request.user, pk)
    services.notification_mark_read(notification=notification)
    return redirect(url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None) and notification.url
                    or "todo:notification_list")


@require_POST
@login_required
def notifications_read(request):
    services.notifications_mark_all_read(user=request.user)
    return redirect("todo:notification_list")


def reminder_settings(request, token=None):
    """The person's reminder e-mail settings; from a reminder's link without logging in, else logged in."""
    if token is None and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    person = get_settings_person(request.user, token)
    form = ReminderSettingsForm(request.POST if request.method == "POST" else None, initial={"kinds": services.email_kinds_of(person)})
    if request.method == "POST" and form.is_valid():
        services.reminder_settings_save(person=person, email_kinds=form.cleaned_data["kinds"])
        messages.success(request, _("Dina val för påminnelser är sparade."))
        return redirect(request.path)
    return render(request, "todo/reminder_settings.html", {"form": form, "person": person, "by_token": bool(token)})
