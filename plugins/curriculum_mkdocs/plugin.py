"""MkDocs hooks of the curriculum plugin: load once, fill the build folder, set the navigation."""

from __future__ import annotations

import json
import shutil
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from pathspec.gitignore import GitIgnoreSpec

from curriculum import csp, editing, offline, sanitise, search, session, settings
from curriculum.minify import minify_site
from curriculum.pages.cohort import widget_for
from curriculum.pages.common import fallback_markdown, fallback_title
from curriculum.pages.offline import not_saved_strings
from curriculum.pages.paths import OFFLINE_MANIFEST
from curriculum.problems import CurriculumError, Problem, report_page

from .config import CurriculumConfig
from .deadline import PageDeadline
from .languages import LanguageBuilds, job_count, language_sitemap

log = get_plugin_logger(__name__)
THEME_DIR = Path(__file__).parent / "theme"
NOT_IN_NAV = (
    "/modules/*/week-*/coach.md",
    "/modules/*/week-*/coach.*.md",
    "/coaches/*.md",  # the coaches' other pages: the orientation links them
    "!/coaches/index.md",
    "!/coaches/index.*.md",
    "/translations/",  # for translators: the translating guide links it
    "/programmes/*/skills-record.md",  # the programme page and self-evaluations link it
    "/programmes/*/skills-record.*.md",
    "/internship/mentor.md",  # for the company's mentor: the trainee's internship page links it
    "/internship/mentor.*.md",  # (a folder with an index.md is that page alone in the navigation)
)


def _patterns(spec: Any) -> list[str]:
    """The lines of a not_in_nav spec the site's mkdocs.yml gave, if any (ours excluded)."""
    lines = [str(getattr(p, "pattern", "")) for p in getattr(spec, "patterns", [])]
    return [line for line in lines if line and line not in NOT_IN_NAV]


class CurriculumPlugin(BasePlugin[CurriculumConfig]):
    def __init__(self) -> None:
        self._languages: list[str] = []
        self._default = "en"
        self._settings: settings.Settings | None = None
        self._site: session.Site | None = None
        self._default_404: bytes | None = None
        self._pages: dict[str, list[str]] = {}
        self._prefixed_languages = ""
        self._hosts: frozenset[str] | None = None
        self._command: str | None = None
        self._target: Path | None = None
        self._staging: Path | None = None
        self._failed = False
        self._built = False
        self._deadline = PageDeadline()
        self._builds = LanguageBuilds()
        self._csp: str | None = csp.PLACEHOLDER
        self._problems: list[Problem] = []
        """While `mkdocs serve` runs: the problems of the last save, shown in the browser."""

    # Before mkdocs-static-i18n's on_config (priority -100): it rebuilds the file list from
    # docs_dir, so the build folder must be complete by then. Runs once per language.
    @event_priority(0)
    def _prepare(self, config: MkDocsConfig) -> MkDocsConfig:
        # The curriculum's templates, script and stylesheet: after the site's own custom_dir (a
        # partner's overrides win), before Material's.
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        # Added back after i18n's check (see _instant_navigation); i18n checks once per language.
        features = config.theme.get("features") or []
        config.theme["features"] = [name for name in features if name != "navigation.instant"]
        i18n: Any = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError(
                "The curriculum plugin needs mkdocs-static-i18n: add `- i18n:` with "
                "`docs_structure: suffix` and the site's languages to `plugins` in "
                "mkdocs.yml."
            )
        if "search" in config.plugins or "material/search" in config.plugins:
            raise PluginError(
                "Remove `search` from `plugins` in mkdocs.yml: the site's search is the "
                "curriculum plugin's own index, which it writes for every language (the search "
                "box is the theme's)."
            )
        if i18n.config.docs_structure != "suffix":
            raise PluginError(
                "Set `docs_structure: suffix` for the i18n plugin in mkdocs.yml: "
                "translations are files such as prep.fr.md."
            )
        self._languages = [lang.locale for lang in i18n.config.languages if lang.build]
        self._default = i18n.default_language
        self._prefixed_languages = " ".join(
            lang for lang in self._languages if lang != self._default
        )
        current = i18n.current_language or self._default
        first = not self._builds.nested  # this process's first language: the build starts
        if first:
            self._default_404 = None
            self._pages = {}
            self._problems = []
            self._stage(config)
        docs_dir = Path(config.docs_dir).resolve()
        try:
            # The core reads the same file (INHERIT included) for the `curriculum` command; once
            # per build, not once per language.
            if first or self._settings is None:
                self._settings = settings.load(Path(config.config_file_path))
            if list(self._settings.languages) != self._languages:
                raise PluginError(
                    "The curriculum plugin read other languages than the i18n plugin's "
                    f"({', '.join(self._settings.languages)}): keep them in mkdocs.yml."
                )
            if (self._problems or not first) and self._site is not None:
                site = self._site  # the build's other languages, or a preview's with problems
            else:
                site = session.prepare(self._settings, docs_dir)
                self._site = site
        except session.UnsafeDocsDir as exc:
            raise PluginError(str(exc)) from None
        except CurriculumError as exc:
            if self._command != "serve" or self._site is None:
                for problem in exc.problems:
                    log.error(problem.format())
                raise PluginError(
                    f"The curriculum has {len(exc.problems)} problem(s), listed above; "
                    "nothing was built. `curriculum check` lists them too."
                ) from None
            # A save broke the preview: the browser shows the problems on every page
            # (on_post_page) until the next save fixes them. Printed, not logged: a logged error
            # would stop this build (strict), and the browser would wait without a word.
            print(exc.report(), file=sys.stderr, flush=True)
            self._problems = exc.problems
            site = self._site
        if first and site.changed:
            log.info(f"Curriculum: {len(site.changed)} file(s) updated in {config.docs_dir}")
            for warning in site.curriculum.warnings:  # --strict counts them, as MkDocs does
                log.warning(warning.format())
            skipped = site.curriculum.layered.skipped if site.curriculum.layered else {}
            if skipped:
                log.info(
                    f"Curriculum: {sum(skipped.values())} translation file(s) set aside, into "
                    f"languages this site does not build ({', '.join(sorted(skipped))})"
                )
        config.nav = site.navigation(current)
        # Coach plans are reached from each programme's wall chart (in the coaches' section) and
        # from the module pages: listing them all in the navigation would weigh on every
        # trainee's page.
        config.not_in_nav = GitIgnoreSpec.from_lines([*NOT_IN_NAV, *_patterns(config.not_in_nav)])
        hosts = site.curriculum.reviewed_hosts
        self._hosts = frozenset(hosts) if hosts is not None else None
        # Each language's sitemap.xml lists its own pages; _finish_site joins them (languages.py).
        i18n.i18n_files_per_language = {}
        # i18n's on_post_build does not build the other languages: _finish_site does, shared out
        # between processes. A forked process builds its share and exits from here.
        i18n.building = True
        if first:
            jobs = job_count(int(self.config.jobs))
            self._builds.start(config, self._order(), jobs, lambda: self._pages, _index)
        return config

    # After i18n's on_config (-100), which warns that Material's instant navigation breaks its
    # language selector: curriculum.js loads every link to another language in full, which is what
    # the selector needs. Instant navigation keeps a next page to its HTML (a few KB).
    @event_priority(-110)
    def _instant_navigation(self, config: MkDocsConfig) -> MkDocsConfig:
        features = config.theme.get("features") or []
        if "navigation.instant" not in features:
            config.theme["features"] = [*features, "navigation.instant"]
        return config

    on_config = CombinedEvent(_prepare, _instant_navigation)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
        # `mkdocs serve` injects an inline live-reload script: its pages get no policy.
        self._csp = None if command == "serve" else csp.PLACEHOLDER

    def _stage(self, config: MkDocsConfig) -> None:
        """`mkdocs build` writes into a folder beside site_dir, which replaces it only when the
        whole build succeeded (see on_shutdown): a failed build leaves the previous site as it was.
        """
        self._failed = False
        self._built = False
        site_dir = Path(config.site_dir)
        if self._command != "build" or site_dir == self._staging:
            self._target = site_dir if self._command != "build" else self._target
            return
        self._target = site_dir
        self._staging = site_dir.with_name(f".{site_dir.name}.building")
        config.site_dir = str(self._staging)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        # 404.html and the other pages that are not Markdown carry the policy too.
        cast(dict[str, Any], context)["curriculum_csp"] = self._csp
        return context

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> None:
        # The build folder is ours and rewritten by every build: watch the sources instead.
        server.unwatch(config.docs_dir)
        for root in self._settings.roots.folders if self._settings else ():
            for folder in ("modules", "curriculum"):
                if (root / folder).is_dir():
                    server.watch(str(root / folder))

    # First of all page hooks: the clock runs while every plugin and Markdown work on the page.
    @event_priority(100)
    def _start_clock(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self._deadline.start(page.file.src_uri, float(self.config.page_seconds))
        return markdown

    @event_priority(100)
    def _stop_clock(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._deadline.stop()
        return html

    def _fallback(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A hand-written page missing in this language: i18n falls back to the English file.
        i18n: Any = config.plugins["i18n"]
        file_locale = getattr(page.file, "locale", None)
        if file_locale is None or file_locale == i18n.current_language:
            return markdown
        strings = self._site.curriculum.overlay(i18n.current_language) if self._site else None
        title = fallback_title(markdown, page.meta.get("title"), i18n.current_language)
        if title is not None:  # the navigation and the tab show it in a right-to-left page
            page.meta["title"] = title
        return fallback_markdown(
            markdown, i18n.current_language, self._default, page.file.src_uri, strings
        )

    # After i18n's on_page_context (priority 50), which points the alternates at this page.
    @event_priority(0)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        i18n: Any = config.plugins["i18n"]
        lang = i18n.current_language
        self._pages.setdefault(lang, []).append(page.url)
        # MkDocs types the context as a closed TypedDict; templates take any variable.
        variables = cast(dict[str, Any], context)
        # curriculum.js asks for this language's page list (see _finish_site) and loads pages of
        # another language in full. Trainees' search leaves the coaches' and contributors' pages
        # out (curriculum/search.py).
        below = page.url.removeprefix(self._language_path(lang, ""))  # the page's address in lang
        variables["curriculum_searched"] = search.searched(below, page.meta)
        variables["curriculum_sitemap"] = self._language_path(lang, f"sitemap-{lang}.xml")
        variables["curriculum_languages"] = self._prefixed_languages
        variables["curriculum_csp"] = self._csp
        # What the service worker shows offline for a page that was not saved (curriculum.js
        # writes it into the offline cache from these strings: nothing is downloaded for it).
        if self._site is not None:
            strings = self._site.curriculum.catalog(lang)
            variables["curriculum_not_saved"] = not_saved_strings(strings)
            variables["curriculum_search_more"] = search.more_label(strings)
            variables["curriculum_offline_page"] = self._language_path(lang, "offline/")
            # "This week" and "What I missed" on the home page and the programme pages.
            variables["curriculum_cohort"] = widget_for(self._site.curriculum, lang, below)
        # "Edit this page" leads to the file the reader sees, not to the build folder's copy.
        if self._site is not None:
            page.edit_url = editing.edit_url(self._site.curriculum, page.file.src_uri, lang)
        extra: Any = config.extra
        current = getattr(extra, "alternate", None) or extra.get("alternate")
        if current and current is not _SELECTOR_ONLY:
            # The language selector lists this page in every language. The head gets no
            # <link rel="alternate">: Material would fetch a sitemap beside each one, six large
            # downloads on every first visit. Search engines find the alternates in sitemap.xml.
            variables["curriculum_page_alternates"] = deepcopy(current)
            # i18n sets `extra.alternate` as an attribute, which hides the item from Jinja.
            extra.alternate = _SELECTOR_ONLY
            extra["alternate"] = _SELECTOR_ONLY
        return context

    on_page_markdown = CombinedEvent(_start_clock, _fallback)

    # Last of all content hooks, so that what other plugins add is checked too.
    @event_priority(-100)
    def _sanitise(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return sanitise.clean(html, self._hosts)

    on_page_content = CombinedEvent(_stop_clock, _sanitise)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return report_page(self._problems) if self._problems else output

    def _order(self) -> list[str]:
        """The languages in the order they are built: the default one first."""
        return [self._default, *(lang for lang in self._languages if lang != self._default)]

    def _language_path(self, lang: str, path: str) -> str:
        return path if lang == self._default else f"{lang}/{path}"

    # Every language writes the site's one 404.html, and the last one built wins: keep the source
    # language's, put back in _finish_site. After i18n's on_post_build (-100) of each language.
    @event_priority(-50)
    def _keep_404(self, *, config: MkDocsConfig) -> None:
        i18n: Any = config.plugins["i18n"]
        site_dir = Path(config.site_dir)
        if i18n.current_language == self._default and (site_dir / "404.html").is_file():
            self._default_404 = (site_dir / "404.html").read_bytes()

    # After i18n's on_post_build (-100), which would build the other languages; it does not
    # (_prepare tells it so), because this builds them, in several processes if it may.
    @event_priority(-110)
    def _finish_site(self, *, config: MkDocsConfig) -> None:
        if self._builds.nested:
            return
        site_dir = Path(config.site_dir)
        self._builds.build_own(config)
        # Search indexes each share's languages while the other shares may still be building;
        # before the offline lists, which hold search's files.
        _index(site_dir)
        self._pages.update(self._builds.finish(site_dir, self._order()))
        if self._default_404 is not None:
            (site_dir / "404.html").write_bytes(self._default_404)
        minify_site(site_dir)  # first: the offline lists count the bytes served
        if self._csp is not None:
            csp.apply(site_dir)  # before the offline lists, which count the pages' bytes
        # Instant navigation needs the list of the site's pages: curriculum.js asks for this
        # language's own (sitemap.xml, with every language and its alternates, is 30 times larger).
        site_url = config.site_url or ""
        for lang, urls in self._pages.items():
            target = site_dir / self._language_path(lang, f"sitemap-{lang}.xml")
            target.write_text(language_sitemap(site_url, urls), encoding="utf-8")
        # What the "Reading offline" page saves for each language.
        pages = {lang: (self._language_path(lang, ""), urls) for lang, urls in self._pages.items()}
        for lang, files in offline.manifests(site_dir, pages).items():
            target = site_dir / self._language_path(lang, OFFLINE_MANIFEST.format(lang=lang))
            target.write_text(json.dumps(files, separators=(",", ":")), encoding="utf-8")
        self._built = True

    on_post_build = CombinedEvent(_keep_404, _finish_site)

    def on_build_error(self, *, error: Exception) -> None:
        # Also called after on_post_build, when strict mode counts warnings.
        self._deadline.stop()
        if self._builds.child:  # a forked share: the process that runs MkDocs cleans up
            return
        self._builds.stop()
        self._failed = True
        staging = self._staging if self._command == "build" else self._target
        if staging is not None and staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
        if self._command == "build":
            log.error(f"Build failed: the site in {self._target} was left as it was")
        elif staging is not None:
            log.error(f"Build failed: removed the incomplete site in {staging}")

    def on_shutdown(self) -> None:
        """Replace the previous site with the new one, whole, once the build has succeeded."""
        staging, target = self._staging, self._target
        if self._command != "build" or staging is None or target is None:
            return
        if self._failed or not self._built or not staging.is_dir():
            return
        previous = target.with_name(f".{target.name}.previous")
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)


def _index(site_dir: Path) -> None:
    """The search index of the languages built into `site_dir`."""
    try:
        search.index_site(site_dir)
    except search.SearchError as error:
        raise PluginError(str(error)) from error


class _SelectorOnly:
    """Stands for `extra.alternate` in templates: true, so Material's header includes the language
    selector (which lists `curriculum_page_alternates`), and not iterable, so its head writes no
    <link rel="alternate">."""

    def __bool__(self) -> bool:
        return True


_SELECTOR_ONLY = _SelectorOnly()
