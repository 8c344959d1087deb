"""Make contributors' metadata strings inert in Markdown and HTML, keeping `code spans`."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Every ASCII character that Markdown, its extensions or HTML could read as syntax.
_SPECIAL = re.compile(r"[\\`*_\[\]{}#|!<>&~^=+:$%@]")
_CODE = re.compile(r"`([^`]+)`")


def _entities(text: str) -> str:
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def inline(text: str) -> Markup:
    """A metadata string as inline Markdown-safe HTML: `code` becomes <code>, the rest is text."""
    out, last = [], 0
    for match in _CODE.finditer(text):
        out.append(_entities(text[last : match.start()]))
        out.append(f"<code>{_entities(match.group(1))}</code>")
        last = match.end()
    out.append(_entities(text[last:]))
    return Markup("".join(out))


def trusted(text: str) -> Markup:
    """Our own catalog's text: HTML-escaped only, so that it reads naturally in the source."""
    return Markup(html.escape(text, quote=False))


def plain(text: str) -> str:
    """A metadata string for places that show plain text (page titles, navigation).

    Material writes titles into text unescaped and into attributes escaped (`| e`), so only
    `& < >` are escaped here: quotes and apostrophes stay, or aria-labels would read "&#x27;".
    """
    return html.escape(text.replace("`", ""), quote=False)


def url(value: str) -> str:
    """A validated http(s) URL for a Markdown link target: no spaces, parentheses encoded."""
    return value.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
