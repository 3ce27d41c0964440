"""The top menu's data on every page: the user's councils, the council in view and the unread notifications."""

from django.utils.functional import SimpleLazyObject

from councils.selectors import councils_of

from .models import Notification

SESSION_COUNCIL = "todo_menu_council"


def menu_council(request, councils):
    """The council the menu links to when the page shows none: the one last switched to, else the first."""
    chosen = request.session.get(SESSION_COUNCIL) if hasattr(request, "session") else None
    for mine in councils:
        if mine.council.pk == chosen:
            return mine.council
    return councils[0].council if councils else None


def menu(request):
    """Lazy, so a page that does not render the menu (a PDF, a JSON answer) runs no query for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "menu_councils": SimpleLazyObject(lambda: councils_of(user)),
        "menu_council": SimpleLazyObject(lambda: menu_council(request, councils_of(user))),
        "menu_unread": SimpleLazyObject(lambda: Notification.objects.filter(user=user).unread().count()),
    }
