"""Who may find what: the same rules as the pages the hits link to."""

from councils.models import Council


def readable_councils(user):
    """The councils whose meetings and measures the user may open (a current membership, as on the pages)."""
    return Council.objects.for_user(user).order_by("name")


def confidential_council_ids(user, councils):
    """Ids of the councils whose confidential agenda items (and their decisions) the user may find.

    The meeting page shows confidential items to everyone who may open the meeting; only the public PDF
    leaves them out. Search follows the page, so today this is every readable council. When the page's
    rule narrows (a role or permission to read confidential items), change it here too: search asks only here.
    """
    return {council.pk for council in councils}
