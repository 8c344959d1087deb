"""Web addresses read the way a browser reads them, so that the reviewed-hosts rule holds.

A browser decodes character references, drops tabs and newlines, ignores the case of the scheme,
reads backslashes as slashes and accepts any number of them after `https:`, and takes the host up
to the first `/`, `\\`, `?` or `#` (see the WHATWG URL standard). A check that compares text
instead lets `//evil.example`, `HTTPS://evil.example`, `https:/\\evil.example` or
`https://evil.example\\.reviewed.org` through. Here every address is classified as the browser
would see it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import unquote

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")
_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space, trimmed at both ends


@dataclass(frozen=True)
class Address:
    """What a browser would fetch for an address written in a page."""

    kind: str
    """'relative' (a path on this site), 'web' (http or https on a host), 'network' (another host
    without a scheme: `//host/...`), 'mail' (mailto:), 'fragment' (#...) or 'other' (any other
    scheme, such as javascript: or data:)."""
    scheme: str = ""
    host: str = ""
    """Lower case; empty unless `kind` is 'web' or 'network'."""
    well_formed: bool = True
    """False for a web address a person would not write (backslashes, missing slashes, user
    names, ports, hosts that are not plain names)."""


def parse(raw: str, *, decode_references: bool = True) -> Address:
    """Classify an address as written in Markdown or HTML (`decode_references`: it is HTML source
    text, where `&#116;` is a `t`)."""
    text = html.unescape(raw) if decode_references else raw
    text = text.strip(_STRIP)
    text = text.replace("\t", "").replace("\n", "").replace("\r", "")
    if not text:
        return Address("relative")
    match = _SCHEME.match(text)
    if match is None:
        if text[:2].replace("\\", "/") == "//":
            host, _ = _authority(text)
            return Address("network", host=host, well_formed=False)
        if text.startswith("#"):
            return Address("fragment")
        return Address("relative", well_formed="\\" not in text)
    scheme = match.group(1).lower()
    rest = text[match.end() :]
    if scheme not in ("http", "https"):
        return Address("mail" if scheme == "mailto" else "other", scheme=scheme)
    host, canonical = _authority(rest)
    well_formed = (
        canonical
        and match.group(1) == scheme
        and rest.startswith("//")
        and not rest.startswith("///")
        and "\\" not in rest.split("#", 1)[0].split("?", 1)[0]
    )
    return Address("web", scheme=scheme, host=host, well_formed=well_formed)


def _authority(rest: str) -> tuple[str, bool]:
    """The host after `scheme:` (any mix of slashes and backslashes first), and whether it is a
    plain lower-case host name with no user name or port."""
    rest = rest.lstrip("/\\")
    end = len(rest)
    for stop in "/\\?#":
        found = rest.find(stop)
        if found != -1:
            end = min(end, found)
    authority = rest[:end]
    userinfo, _, hostport = authority.rpartition("@")
    host, _, port = hostport.partition(":") if not hostport.startswith("[") else (hostport, "", "")
    decoded = unquote(host).lower().rstrip(".")
    canonical = (
        not userinfo and not port and host == host.lower() and bool(_HOST.fullmatch(decoded))
    )
    return decoded, canonical


def on_hosts(host: str, hosts: Collection[str]) -> bool:
    """True if `host` is one of `hosts` or a subdomain of one."""
    return any(host == h or host.endswith("." + h) for h in hosts)
