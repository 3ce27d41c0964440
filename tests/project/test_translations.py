"""The English catalogue is complete and compiled: every msgid has a translation and the committed .mo has it."""

import ast
import pathlib
import re

import pytest
from django.urls import reverse
from django.utils import translation

PO = pathlib.Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries():
    """(msgid, msgid_plural, [msgstr…], flags) of the .po, header left out."""
    found = []
    for block in PO.read_text(encoding="utf-8").split("\n\n")[1:]:
        fields, key, flags = {}, None, ""
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += line
            elif line.startswith("#") or not line.strip():
                continue
            else:
                match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line)
                if match:
                    key, line = match.group(1), match.group(2)
                fields[key] = fields.get(key, "") + ast.literal_eval(line)
        strs = [value for name, value in fields.items() if name.startswith("msgstr")]
        found.append((fields["msgid"], fields.get("msgid_plural"), strs, flags))
    return found


def test_every_msgid_has_an_english_translation():
    untranslated = [msgid for msgid, _plural, strs, flags in entries() if not all(strs) or "fuzzy" in flags]
    assert untranslated == [], "translate the new texts in locale/en/LC_MESSAGES/django.po and run make messages"


def test_the_compiled_catalogue_matches_the_po_file():
    stale = []
    with translation.override("en"):
        for msgid, plural, strs, _flags in entries():
            got = translation.ngettext(msgid, plural, 2) if plural else translation.gettext(msgid)
            if got != (strs[1] if plural else strs[0]):
                stale.append(msgid)
    assert stale == [], "run make messages (compilemessages) and commit the .mo"


@pytest.mark.parametrize("language, words", [("sv", "Att göra"), ("en", "To do")])
def test_pages_follow_the_chosen_language(member_client, council, language, words):
    member_client.post(reverse("set_language"), {"language": language, "next": "/"})
    page = member_client.get(reverse("councils:council_detail", args=[council.pk])).content.decode()
    assert words in page and f'<html lang="{language}">' in page


SWEDISH_UI_WORDS = ["Spara", "Ändra", "Avbryt", "Möten", "Dagordning", "Närvaro", "Uppföljning", "Åtgärd", "Inställningar",
                    "Logga ut", "Sekretess", "Justering", "Ledamot", "Samordnare", "Kommande", "Senaste"]


def test_the_main_pages_have_no_swedish_ui_text_left_in_english(coordinator_client, council, coordinator, member):
    from meetings.services import default_agenda, meeting_create

    coordinator_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    import datetime

    from django.utils import timezone
    starts = timezone.make_aware(datetime.datetime(2026, 12, 4, 9))
    with translation.override("sv"):  # the council's standard agenda is data, written in Swedish
        meeting = meeting_create(council=council, user=coordinator.user, data={
            "title": "Rådsmöte", "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2), "place": "X"})
        data = ["Rådsmöte", *(title for title, *_rest in default_agenda())]
    for url in [reverse("councils:council_detail", args=[council.pk]), reverse("meetings:meeting_list", args=[council.pk]),
                reverse("meetings:meeting_detail", args=[meeting.pk]), reverse("meetings:meeting_minutes", args=[meeting.pk]),
                reverse("meetings:meeting_agenda", args=[meeting.pk]), reverse("meetings:meeting_attendance", args=[meeting.pk]),
                reverse("measures:council_measures", args=[council.pk]), reverse("protocols:protocol_meeting", args=[meeting.pk]),
                reverse("councils:account_settings")]:
        page = coordinator_client.get(url).content.decode()
        for text in data:
            page = page.replace(str(text), "")
        left = [word for word in SWEDISH_UI_WORDS if f">{word}" in page or f" {word} " in page or f'"{word}' in page]
        assert left == [], url


def test_templates_leave_date_formats_to_the_format_modules():
    templates = pathlib.Path(__file__).resolve().parents[2] / "templates"
    assert [str(p) for p in templates.rglob("*.*") if '|date:"Y-m-d"' in p.read_text(errors="ignore")] == []
