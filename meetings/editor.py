"""The minutes editor in the browser: django-prose-editor configured from the sanitiser's extension list."""

from django.forms.widgets import Script
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import ProseEditorWidget, prose_editor_base_media, prose_editor_js
from js_asset import Media

from .sanitize import MINUTES_EXTENSIONS, MINUTES_MAX_LENGTH

# Button groups only: the package's dropdown opens on click of a <div> and cannot be reached by keyboard.
MENU_GROUPS = [
    {"group": "blockType -lists"},
    {"group": "lists"},
    {"group": "marks"},
    {"group": "link"},
    {"group": "table"},
    {"group": "history"},
]
EDITOR_EXTENSIONS = MINUTES_EXTENSIONS | {"Menu": {"groups": MENU_GROUPS}}

# Swedish names for the package's toolbar buttons (by menu item name) and for the English texts of its dialogs.
BUTTON_LABELS = {
    "heading3": _("Underrubrik"),
    "heading4": _("Mindre underrubrik"),
    "paragraph": _("Brödtext"),
    "bulletList": _("Punktlista"),
    "orderedList": _("Numrerad lista"),
    "bold": _("Fetstil"),
    "italic": _("Kursiv"),
    "link": _("Länk"),
    "unlink": _("Ta bort länken"),
    "table": _("Infoga tabell"),
    "table:addRowAfter": _("Lägg till rad under"),
    "table:deleteRow": _("Ta bort raden"),
    "table:addColumnAfter": _("Lägg till kolumn till höger"),
    "table:deleteColumn": _("Ta bort kolumnen"),
    "table:toggleHeaderCell": _("Rubrikcell av/på"),
    "table:mergeCells": _("Slå ihop cellerna"),
    "table:splitCell": _("Dela cellen"),
    "table:deleteTable": _("Ta bort tabellen"),
    "history:undo": _("Ångra"),
    "history:redo": _("Gör om"),
}
BUTTON_SHORTCUTS = {
    "bold": "Control+B", "italic": "Control+I", "link": "Control+K", "table:addRowAfter": "Control+Enter",
    "history:undo": "Control+Z", "history:redo": "Control+Y",
}
DIALOG_TEXTS = {
    "URL": _("Adress (https://…)"),
    "Title": _("Beskrivning (visas när man håller över länken)"),
    "Edit Link": _("Länk"),
    "Update": _("Spara"),
    "Cancel": _("Avbryt"),
    "Rows": _("Rader (med rubrikraden)"),
    "Columns": _("Kolumner"),
    "Include header row": _("Första raden är rubrikrad"),
    "Table Properties": _("Ny tabell"),
    "Insert Table": _("Infoga tabell"),
}


class MinutesWidget(ProseEditorWidget):
    """The minutes textarea; Lobra's module (static/meetings/minutes.js) turns it into the editor."""

    def __init__(self, attrs=None):
        super().__init__(attrs, config={"extensions": EDITOR_EXTENSIONS}, preset="minutes")

    @property
    def media(self):
        return prose_editor_base_media + Media(js=[
            prose_editor_js,
            Script("meetings/minutes.js", type="module"),
        ])


def editor_texts():
    """What the editor's JavaScript shows, in Swedish: button labels, shortcuts, dialog texts, limits."""
    return {
        "buttons": {name: str(label) for name, label in BUTTON_LABELS.items()},
        "shortcuts": BUTTON_SHORTCUTS,
        "dialog": {english: str(swedish) for english, swedish in DIALOG_TEXTS.items()},
        "maxLength": MINUTES_MAX_LENGTH,
    }


def minutes_widget_html(item):
    """The editor's textarea for one agenda item."""
    return MinutesWidget().render("minutes", item.minutes, attrs={"id": f"minutes-{item.pk}", "rows": 8,
                                                                  "class": "form-control"})


def editor_media(*, nonce):
    """The import map, styles and modules of the minutes editor, for the page's <head>.

    The import map is an inline script, so it carries the response's CSP nonce; nothing else inline is allowed.
    """
    html = str(MinutesWidget().media)
    return mark_safe(html.replace('<script type="importmap"', f'<script type="importmap" nonce="{escape(nonce)}"'))

