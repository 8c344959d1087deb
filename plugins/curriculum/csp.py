"""The Content-Security-Policy of every page: scripts only from the site and the inline scripts
the theme writes, each allowed by its hash.

The policy goes into a `<meta>` tag in each page's head, before any script. Material writes a few
inline scripts, one of which embeds the page's relative path to the site root, so they differ with
a page's depth; and instant navigation runs a later page's scripts under the first page's policy.
So the hashes of every inline script of the whole site are computed once the site is built, and
the same policy is written into every page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

PLACEHOLDER = "curriculum-content-security-policy"
"""What the template writes as the policy; replaced once every page exists."""

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
_DATA_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"')

BASE = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    # Markdown tables align cells with style attributes; CSS cannot run script.
    "style-src": ["'self'", "'unsafe-inline'"],
    # Material's icons are data: URIs in its stylesheet.
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    # Search index, page lists, instant navigation and offline saving fetch from the site.
    "connect-src": ["'self'"],
    # The search worker and the service worker.
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script that a browser would run (JSON data blocks are not run)."""
    return [body for attrs, body in _INLINE_SCRIPT.findall(html) if not _DATA_TYPE.search(attrs)]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: set[str]) -> str:
    """The policy that runs the site's own files and exactly these inline scripts."""
    directives = dict(BASE)
    directives["script-src"] = [
        *BASE["script-src"],
        *sorted(script_hash(s) for s in scripts),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def apply(site_dir: Path) -> str:
    """Write the one policy of the site into every page that has the placeholder; return it."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    scripts = {body for text in texts.values() for body in inline_scripts(text)}
    value = policy(scripts)
    for page, text in texts.items():
        if PLACEHOLDER in text:
            page.write_text(text.replace(PLACEHOLDER, value), encoding="utf-8")
    return value
