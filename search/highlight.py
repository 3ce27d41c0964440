"""Passages with the matched words marked: the text is escaped first, then <mark> is put around the matches.

PostgreSQL's ts_headline marks stemmed matches with two private-use characters (never HTML), so the
escaping happens here, on text that cannot carry markup; compound tails ("störning" inside
"Ordningsstörningar") and the SQLite fallback's words are marked the same way afterwards.
"""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

START, STOP = "\ue000", "\ue001"
SELECTED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)
WINDOW = 220
TAG = re.compile(r"<[^>]*>")


def plain_text(markup):
    """Minutes HTML as plain text: tags become spaces (as in the search_plain_text SQL function), entities
    are decoded, whitespace is collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", markup or "")).split())


def _word_pattern(fragments):
    """Whole words that contain any of the fragments, case-insensitively."""
    fragments = sorted({f for f in fragments if f}, key=len, reverse=True)
    if not fragments:
        return None
    return re.compile(r"\w*(?:" + "|".join(re.escape(f) for f in fragments) + r")\w*", re.IGNORECASE)


def _pieces(text, pattern):
    """Split text into (piece, marked) pairs: PostgreSQL's selections, then words containing a fragment."""
    pieces, position = [], 0
    for match in SELECTED.finditer(text):
        pieces.append((text[position:match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.append((text[position:], False))
    if pattern is None:
        return pieces
    split = []
    for piece, marked in pieces:
        if marked:
            split.append((piece, True))
            continue
        position = 0
        for match in pattern.finditer(piece):
            split.append((piece[position:match.start()], False))
            split.append((match.group(0), True))
            position = match.end()
        split.append((piece[position:], False))
    return split


def mark(text, fragments=()):
    """Safe HTML of the text with PostgreSQL's selections and the words containing a fragment in <mark>."""
    text = (text or "").replace(START + STOP, "")
    pieces = _pieces(text, _word_pattern(fragments))
    out = []
    for piece, marked in pieces:
        piece = escape(piece.replace(START, "").replace(STOP, ""))
        out.append(f"<mark>{piece}</mark>" if marked and piece else piece)
    return mark_safe("".join(out))


def has_selection(text):
    return bool(text) and START in text


def window(text, fragments, *, size=WINDOW):
    """The part of a plain text around the first fragment that occurs, cut at word boundaries, with "…"."""
    text = text or ""
    lower = text.lower()
    positions = [lower.find(f) for f in fragments if f and lower.find(f) >= 0]
    if not positions:
        return _cut(text, 0, size)
    first = min(positions)
    return _cut(text, max(0, first - size // 3), size)


def _cut(text, start, size):
    end = min(len(text), start + size)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < end else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    passage = text[start:end].strip()
    return ("… " if start > 0 else "") + passage + (" …" if end < len(text) else "")
