"""The self-evaluation a module ends with: "I can ..." checks kept in the browser."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .. import model
from ..loaded import Curriculum, LoadedModule
from .common import (
    Lang,
    Page,
    extra_common,
    front_matter,
    href,
    programme_strings,
    progress,
    render,
)
from .context import Context
from .paths import module_extra_page, skills_record_page


def render_self_evaluation(cur: Curriculum, lang: Lang, module: LoadedModule) -> Page:
    src, source, tr, common = extra_common(cur, lang, module, "self-evaluation")
    meta: model.SelfEvaluation = source.meta
    trm: model.SelfEvaluationTranslation | None = tr.meta if tr else None
    checks = []
    for n, (check, check_id) in enumerate(zip(meta.checks, module.check_ids(), strict=True), 1):
        ctr = trm.checks[n - 1] if trm and trm.checks else None
        checks.append(
            {
                "key": f"{module.meta.id}/self-evaluation/{check_id}",
                # Ticks saved before checks had ids were kept by position: curriculum.js moves
                # them to the id the first time the page opens.
                "was": f"{module.meta.id}/self-evaluation/{n}",
                "dom_id": f"check-{check_id}",
                "can": lang.text(ctr.can if ctr else None, check.can),
                "try": lang.text(ctr.try_ if ctr else None, check.try_),
            }
        )
    title = trm.title if trm and trm.title else None
    src = module_extra_page(module.meta.id, "self-evaluation")
    records = [
        Markup(f"[{lang.t('record_title', programme=programme_strings(lang, prog)[0])}]")
        + Markup(f"({href(src, skills_record_page(prog.meta.id))})")
        for prog in cur.programmes
        if module.meta.id in prog.meta.modules
    ]
    text = render(
        "self-evaluation.md.j2",
        **common,
        front_matter=front_matter(lang.plain(title, meta.title)),
        title=lang.text(title, meta.title),
        list_key=f"{module.meta.id}/self-evaluation",
        checks=checks,
        records=Markup(" · ").join(records),
        progress=progress(
            lang,
            "p",
            [(check["key"], 0) for check in checks],
            "progress_self",
            "progress_self_complete",
        ),
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        if module.self_evaluation is not None:
            yield render_self_evaluation(ctx.cur, ctx.lang, module)
