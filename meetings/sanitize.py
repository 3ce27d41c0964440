"""Minutes text is formatted HTML from the browser; only a small, safe set of tags survives saving."""

import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Browsers' editing commands write <b>, <i> and <div>; keep their meaning under the allowed names.
_RENAMES = [
    (re.compile(r"<(/?)b(?=[\s>/])[^>]*>", re.I), r"<\1strong>"),
    (re.compile(r"<(/?)i(?=[\s>/])[^>]*>", re.I), r"<\1em>"),
    (re.compile(r"<(/?)div(?=[\s>/])[^>]*>", re.I), r"<\1p>"),
]


def clean_minutes(html):
    """Sanitised minutes: allowed tags and attributes only; scripts, styles and on* handlers are gone."""
    html = html or ""
    for pattern, replacement in _RENAMES:
        html = pattern.sub(replacement, html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return cleaned.strip()


def minutes_to_text(html):
    """Plain text of minutes, for e-mail and search."""
    text = re.sub(r"<(br|/p|/li|/tr|/h3|/h4)\s*/?>", "\n", html or "")
    text = re.sub(r"</t[dh]>", "\t", text)
    return nh3.clean(text, tags=set()).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip()
