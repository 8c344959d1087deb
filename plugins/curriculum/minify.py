"""The site's own script and stylesheet as they are served: without comments and spaces (rjsmin,
rcssmin), so that a trainee on prepaid data downloads the code, not its documentation. The files in
the theme folder keep their comments; only the built site's copies are rewritten."""

from __future__ import annotations

from pathlib import Path

FILES = (
    "assets/javascripts/curriculum.js",
    "assets/javascripts/curriculum-more.js",
    "assets/javascripts/curriculum-search.js",
    "assets/stylesheets/curriculum.css",
    "sw.js",
)


def minify_site(site_dir: Path) -> None:
    """Rewrite the site's own script, service worker and stylesheet in `site_dir`, minified."""
    import rcssmin
    import rjsmin

    for rel in FILES:
        path = site_dir / rel
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text) if rel.endswith(".css") else rjsmin.jsmin(text)
        path.write_text(small, encoding="utf-8")
