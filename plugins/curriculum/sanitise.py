"""Clean the HTML of a page's content: contributors write Markdown, which may carry raw HTML.

The allowlist covers what Python-Markdown, the pymdown-extensions we enable and our templates
produce; scripts, event handlers and styles go. Addresses are read as a browser reads them
(`urls`): links stay if they lead to this site, to mailto: or to https on a reviewed host; images
only from this site. Element names (`id`, `name`, `for`) that could stand in for the page's own
globals or Material's controls (`__config`, `__search`, `document$`) go too: a browser makes every
`id` a global, and Material reads its settings from `#__config`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import nh3

from . import urls

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
    "data-cur-export",
    "data-cur-newer-text",
    "data-cur-weeks",
    "aria-live",
    "hidden",
}
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "checked", "disabled", "accept", "autocomplete", "maxlength"},
    "label": {"for"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "details": {"open"},
    # pymdownx.tabbed; our banners are notes; the skills record is shown by curriculum-more.js
    "div": {"data-tabs", "role", "data-cur-record", "data-cur-date-text", "hidden"},
    "ul": {"data-cur-week"},
    "li": {"data-cur-item", "data-cur-minutes", "data-cur-was", "data-cur-can", "hidden"},
    "p": _SCRIPT_DATA,
    "span": _SCRIPT_DATA,
    "button": {"type", *_SCRIPT_DATA},
}


_NAME = re.compile(r"(?!__)[A-Za-z0-9_][A-Za-z0-9_:.-]{0,99}|__tabbed_\d+(_\d+)?")
"""Element names kept: not starting with `__` (Material's and the browser's own), except the
content tabs of pymdownx.tabbed (`__tabbed_1_2`)."""
_NAMES = {"id", "name", "for"}


def _filter_for(hosts: frozenset[str] | None) -> Callable[[str, str, str], str | None]:
    def keep(tag: str, name: str, value: str) -> str | None:
        # Table cells keep the alignment that Markdown tables write as a style; no other CSS.
        if name == "style":
            return value if _ALIGN.fullmatch(value) else None
        if name in _NAMES:
            return value if _NAME.fullmatch(value) else None
        if name == "src":
            address = urls.parse(value, decode_references=False)
            return value if address.kind == "relative" and address.well_formed else None
        if name == "href":
            address = urls.parse(value, decode_references=False)
            if address.kind in ("relative", "fragment", "mail"):
                return value if address.well_formed else None
            if address.kind != "web" or address.scheme != "https" or not address.well_formed:
                return None
            return value if hosts is None or urls.on_hosts(address.host, hosts) else None
        return value

    return keep


@cache
def _cleaner(hosts: frozenset[str] | None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TAGS,
        attribute_filter=_filter_for(hosts),
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def clean(html: str, hosts: frozenset[str] | None = None) -> str:
    """The HTML with everything outside the allowlist removed; links to other sites kept only
    on `hosts` (or any https site when None)."""
    return _cleaner(hosts).clean(html)
