"""MkDocs hooks of the curriculum plugin: load once, fill the build folder, set the navigation."""

from __future__ import annotations

import shutil
from copy import deepcopy
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from curriculum import sanitise, session
from curriculum.problems import CurriculumError
from curriculum.render import fallback_markdown

from .config import CurriculumConfig

log = get_plugin_logger(__name__)


class CurriculumPlugin(BasePlugin[CurriculumConfig]):
    def __init__(self) -> None:
        self._languages: list[str] = []
        self._default = "en"
        self._root = Path(".")
        self._site_dir: Path | None = None

    # Before mkdocs-static-i18n's on_config (priority -100): it rebuilds the file list from
    # docs_dir, so the build folder must be complete by then. Runs once per language.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._site_dir = Path(config.site_dir)
        i18n: Any = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError(
                "The curriculum plugin needs mkdocs-static-i18n: add `- i18n:` with "
                "`docs_structure: suffix` and the site's languages to `plugins` in "
                "mkdocs.yml."
            )
        if i18n.config.docs_structure != "suffix":
            raise PluginError(
                "Set `docs_structure: suffix` for the i18n plugin in mkdocs.yml: "
                "translations are files such as prep.fr.md."
            )
        self._languages = [lang.locale for lang in i18n.config.languages if lang.build]
        self._default = i18n.default_language
        self._root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        current = i18n.current_language or self._default
        docs_dir = Path(config.docs_dir).resolve()
        try:
            site = session.prepare(self._root, docs_dir, self._languages, self._default)
        except session.UnsafeDocsDir as exc:
            raise PluginError(str(exc)) from None
        except CurriculumError as exc:
            for problem in exc.problems:
                log.error(problem.format())
            raise PluginError(
                f"The curriculum has {len(exc.problems)} problem(s), listed above; "
                "nothing was built. `curriculum check` lists them too."
            ) from None
        if site.changed:
            log.info(f"Curriculum: {len(site.changed)} file(s) updated in {config.docs_dir}")
        config.nav = site.navigation(current)
        return config

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> None:
        # The build folder is ours and rewritten by every build: watch the sources instead.
        server.unwatch(config.docs_dir)
        for folder in ("modules", "curriculum"):
            if (self._root / folder).is_dir():
                server.watch(str(self._root / folder))

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A hand-written page missing in this language: i18n falls back to the English file.
        i18n: Any = config.plugins["i18n"]
        file_locale = getattr(page.file, "locale", None)
        if file_locale is None or file_locale == i18n.current_language:
            return markdown
        return fallback_markdown(markdown, i18n.current_language, self._default, page.file.src_uri)

    # After i18n's on_page_context (priority 50), which points the alternates at this page.
    @event_priority(0)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # The selector keeps the page's own alternates; the head's <link rel="alternate"> go back
        # to the language roots, because Material fetches sitemap.xml beside each of them.
        i18n: Any = config.plugins["i18n"]
        roots = getattr(i18n, "extra_alternate", None)
        if roots:
            # MkDocs types the context as a closed TypedDict; templates take any variable.
            variables = cast(dict[str, Any], context)
            extra: Any = config.extra
            current = getattr(extra, "alternate", None) or extra["alternate"]
            variables["curriculum_page_alternates"] = deepcopy(current)
            # i18n sets `extra.alternate` as an attribute, which hides the item from Jinja.
            extra.alternate = deepcopy(roots)
            extra["alternate"] = extra.alternate
        return context

    # Last of all content hooks, so that what other plugins add is checked too.
    @event_priority(-100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return sanitise.clean(html)

    # After i18n's on_post_build (-100), which builds the other languages from within the first.
    @event_priority(-110)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        i18n: Any = config.plugins["i18n"]
        if i18n.building:
            return
        # Material's language selector fetches sitemap.xml below each language's URL.
        sitemap = Path(config.site_dir) / "sitemap.xml"
        for lang in self._languages:
            if lang != self._default and sitemap.is_file():
                target = Path(config.site_dir) / lang
                if target.is_dir():
                    shutil.copyfile(sitemap, target / "sitemap.xml")
                    gz = sitemap.with_suffix(".xml.gz")
                    if gz.is_file():
                        shutil.copyfile(gz, target / "sitemap.xml.gz")

    def on_build_error(self, *, error: Exception) -> None:
        # Leave no half-built site behind as if it were good.
        site_dir = self._site_dir
        if site_dir is not None and site_dir.is_dir():
            shutil.rmtree(site_dir, ignore_errors=True)
            log.error(f"Build failed: removed the incomplete site in {site_dir}")
