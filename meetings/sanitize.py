"""Minutes HTML: one set of rules, taken from the editor's extension list, for the editor, storage and rendering."""

import functools
import html
import re
from html.parser import HTMLParser

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_prose_editor.config import allowlist_from_extensions

# The minutes editor's extensions (django-prose-editor). The same dict configures the editor in the browser and,
# through allowlist_from_extensions, the nh3 rules below, so the editor can never write what storage drops.
MINUTES_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    # A protocol's item title is the § heading; inside an item there are sub-headings and sub-sub-headings.
    "Heading": {"levels": [3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    # No autolink: "Whats.App grupp" in a table is a chat group, not an address; links are made with Ctrl+K.
    "Link": {"enableTarget": False, "autolink": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    # The package turns spellchecking off by default; minutes are prose and want it.
    "NoSpellCheck": False,
}
# One item's minutes, as stored HTML. The longest item in the seed protocols is about 12 000 characters.
MINUTES_MAX_LENGTH = 200_000



@functools.cache
def minutes_rules():
    """The nh3 rules the editor's extensions imply (django-prose-editor's allowlist_from_extensions)."""
    return allowlist_from_extensions(MINUTES_EXTENSIONS)


@functools.cache
def _cleaner():
    rules = minutes_rules()
    # The editor's Link keeps whatever rel a pasted link had; stored links all get the same safe one instead.
    attributes = {tag: set(names) - {"rel"} for tag, names in rules["attributes"].items()}
    return nh3.Cleaner(tags=rules["tags"], attributes=attributes, url_schemes=rules["url_schemes"],
                       link_rel="noopener noreferrer", strip_comments=True)


# Word, e-mail clients and the browser's own editing write other names for the same meaning; keep the meaning.
_RENAMES = [
    (re.compile(r"<(/?)b(?=[\s>/])[^>]*>", re.I), r"<\1strong>"),
    (re.compile(r"<(/?)i(?=[\s>/])[^>]*>", re.I), r"<\1em>"),
    (re.compile(r"<(/?)div(?=[\s>/])[^>]*>", re.I), r"<\1p>"),
    (re.compile(r"<(/?)h[12](?=[\s>/])[^>]*>", re.I), r"<\1h3>"),
    (re.compile(r"<(/?)h[56](?=[\s>/])[^>]*>", re.I), r"<\1h4>"),
]
# Word's comments and their anchors are not minutes; their text must not end up in the protocol.
_WORD_COMMENTS = [
    re.compile(r"<div[^>]*mso-element:\s*comment-list.*?</div>\s*</div>", re.I | re.S),
    re.compile(r"<span[^>]*MsoCommentReference[^>]*>.*?</span>", re.I | re.S),
    re.compile(r"<a[^>]*mso-comment-reference[^>]*>.*?</a>", re.I | re.S),
]
_VOID = {"br"}
_BLOCKS = {"p", "h3", "h4", "ul", "ol", "table"}


def clean_minutes(raw):
    """Sanitised minutes: the editor's tags and attributes only, header rows in <thead>, no table inside a table."""
    text = raw or ""
    for pattern in _WORD_COMMENTS:
        text = pattern.sub("", text)
    for pattern, replacement in _RENAMES:
        text = pattern.sub(replacement, text)
    cleaned = _cleaner().clean(text)
    if "<table" in cleaned and _tables_need_work(cleaned):
        cleaned = _serialise(_normalise_tables(_parse(cleaned)))
    cleaned = cleaned.strip()
    # An editor that was emptied leaves one empty paragraph; store that as no minutes at all.
    return "" if re.fullmatch(r"(<p>(<br>)?</p>\s*)*", cleaned) else cleaned


def check_minutes_length(clean):
    """Refuse minutes longer than MINUTES_MAX_LENGTH with a message the writer can act on."""
    if len(clean) > MINUTES_MAX_LENGTH:
        raise ValidationError(too_long_message(), code="too_long")


def too_long_message():
    return _(
        "Texten är för lång för en punkt (högst %(max)s tecken formaterad text, ungefär 60 sidor). Den är inte "
        "sparad men finns kvar i webbläsaren: dela upp den på flera punkter eller lägg den som bilaga."
    ) % {"max": f"{MINUTES_MAX_LENGTH:,}".replace(",", " ")}


def minutes_to_text(html_text):
    """Plain text of minutes, for e-mail and search."""
    text = re.sub(r"<(br|/p|/li|/tr|/h3|/h4)\s*/?>", "\n", html_text or "")
    text = re.sub(r"</t[dh]>", "\t", text)
    return nh3.clean(text, tags=set()).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip()


_HEADER_ROW_IN_BODY = re.compile(r"<table>\s*(?:<tbody>\s*)?<tr>\s*<th[\s>]")
_EMPTY_TABLE_PART = re.compile(r"<tr>\s*</tr>|<tbody>\s*</tbody>|<table>\s*</table>")
_TABLE_TAG = re.compile(r"<(/?)table[\s>]")


def _tables_need_work(cleaned):
    """Whether a header row, an empty row or a nested table needs the (slower) tree pass; stored minutes do not."""
    if _HEADER_ROW_IN_BODY.search(cleaned) or _EMPTY_TABLE_PART.search(cleaned):
        return True
    depth = 0
    for match in _TABLE_TAG.finditer(cleaned):
        depth += -1 if match.group(1) else 1
        if depth > 1:
            return True
    return False


# A small element tree over nh3's output (well-formed, allowed tags only), for the table rules nh3 cannot express.


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs=()):
        self.tag, self.attrs, self.children = tag, list(attrs), []

    def elements(self, *tags):
        return [c for c in self.children if isinstance(c, _Node) and c.tag in tags]

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node(None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, attrs)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _parse(text):
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def _serialise(node):
    out = []
    for child in node.children:
        if isinstance(child, str):
            out.append(html.escape(child, quote=False).replace("\xa0", "&nbsp;"))
            continue
        attrs = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in child.attrs)
        out.append(f"<{child.tag}{attrs}>")
        if child.tag not in _VOID:
            out.append(_serialise(child))
            out.append(f"</{child.tag}>")
    return "".join(out)


def _rows(table):
    rows = []
    for part in table.children:
        if isinstance(part, _Node):
            rows.extend(part.elements("tr") if part.tag in ("thead", "tbody") else [part] if part.tag == "tr" else [])
    return rows


def _flatten_nested_tables(cell):
    """A table inside a cell becomes one paragraph per row, its cells joined by a dash; nothing is lost."""
    for n, child in enumerate(cell.children):
        if isinstance(child, _Node) and child.tag == "table":
            paragraphs = []
            for row in _rows(child):
                paragraph = _Node("p")
                for c, inner in enumerate(row.elements("td", "th")):
                    _flatten_nested_tables(inner)
                    if c:
                        paragraph.children.append(" – ")
                    paragraph.children.append(inner.text().strip())
                paragraphs.append(paragraph)
            cell.children[n:n + 1] = paragraphs
            return _flatten_nested_tables(cell)
        if isinstance(child, _Node):
            _flatten_nested_tables(child)


def _normalise_table(table):
    rows = _rows(table)
    for row in rows:
        for cell in row.elements("td", "th"):
            _flatten_nested_tables(cell)
    rows = [row for row in rows if row.elements("td", "th")]
    head = [rows[0]] if rows and all(c.tag == "th" for c in rows[0].elements("td", "th")) else []
    body = rows[len(head):]
    table.children = []
    if head:
        thead = _Node("thead")
        thead.children = head
        table.children.append(thead)
    if body:
        tbody = _Node("tbody")
        tbody.children = body
        table.children.append(tbody)
    return bool(rows)


def _normalise_tables(node):
    kept = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == "table":
                if not _normalise_table(child):
                    continue  # a table without a single cell is only an empty frame
            else:
                _normalise_tables(child)
        kept.append(child)
    node.children = kept
    return node
