"""Clean the HTML of a page's content: contributors write Markdown, which may carry raw HTML.

The allowlist covers what Python-Markdown, the pymdown-extensions we enable and our templates
produce; scripts, event handlers, styles and links other than http(s), mailto and relative ones go.
"""

from __future__ import annotations

import re
from functools import cache

import nh3

_ALIGN = re.compile(r"text-align: (left|right|center);")

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "button",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
}
# What curriculum.js reads: progress counters and the offline button, filled in by the script (it
# only ever sets text, and fetches nothing but same-site addresses).
_SCRIPT_DATA = {
    "data-cur-progress",
    "data-cur-offline",
    "data-cur-text",
    "data-cur-done-text",
    "data-cur-failed-text",
    "data-cur-size-text",
    "data-cur-unsupported-text",
    "data-cur-hm",
    "aria-live",
    "hidden",
}
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "checked", "disabled"},
    "label": {"for"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "details": {"open"},
    "div": {"data-tabs", "role"},  # pymdownx.tabbed; our banners are notes
    "ul": {"data-cur-week"},
    "li": {"data-cur-item", "data-cur-minutes"},
    "p": _SCRIPT_DATA,
    "span": _SCRIPT_DATA,
    "button": {"type", *_SCRIPT_DATA},
}


def _filter(tag: str, name: str, value: str) -> str | None:
    # Table cells keep the alignment that Markdown tables write as a style; no other CSS.
    if name == "style":
        return value if _ALIGN.fullmatch(value) else None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TAGS,
        attribute_filter=_filter,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def clean(html: str) -> str:
    """The HTML with everything outside the allowlist removed."""
    return _cleaner().clean(html)
