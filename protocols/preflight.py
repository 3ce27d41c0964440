"""What to check before a protocol goes out for justering: people set, no empty items, no template left behind."""

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

# A subheading with nothing written under it before the next subheading or the end: the standard agenda's
# "Polis / Räddningstjänst / …" skeleton that nobody filled in.
EMPTY_HEADING = re.compile(
    r"<h([34])>(?P<title>(?:(?!</?h[34]>).)*)</h\1>(?=(?:\s|<p>(?:\s|<br\s*/?>|&nbsp;)*</p>)*(?:<h[34]>|$))", re.S
)


@dataclass(frozen=True)
class Finding:
    """One thing the secretary should look at; `blocks` when justering cannot start until it is fixed."""

    text: str
    blocks: bool = False


def _label(item):
    return f"§ {item.number} {item.title}" if item.number else item.title


def protocol_preflight(meeting):
    """The findings for a meeting fetched with Meeting.objects.for_page(); empty when all looks ready."""
    findings = []
    if not meeting.chair_id and not meeting.adjusters.all():
        findings.append(Finding(_("Varken mötesordförande eller justerare är angivna; ingen kan justera."), blocks=True))
    elif not meeting.chair_id:
        findings.append(Finding(_("Mötesordförande är inte angiven.")))
    elif not meeting.adjusters.all():
        findings.append(Finding(_("Ingen justerare är angiven; bara ordföranden justerar.")))
    for item in meeting.items.all():
        if not strip_tags(item.minutes).strip() and not item.decisions.all():
            findings.append(Finding(_("%(item)s är tom: ingen text och inga beslut.") % {"item": _label(item)}))
            continue
        for match in EMPTY_HEADING.finditer(item.minutes):
            findings.append(Finding(_("%(item)s: rubriken ”%(heading)s” har ingen text under sig (kvar från mallen?).")
                                    % {"item": _label(item), "heading": strip_tags(match["title"]).strip()}))
    return findings
