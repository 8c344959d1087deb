"""The workshop kit of a Digital Welcome module: the workshop trainees run for others."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..loaded import Curriculum, LoadedModule
from .common import Lang, Page, extra_common, front_matter, render, timing
from .context import Context


def render_workshop(cur: Curriculum, lang: Lang, module: LoadedModule) -> Page:
    src, source, tr, common = extra_common(cur, lang, module, "workshop")
    meta: model.Workshop = source.meta
    trm: model.WorkshopTranslation | None = tr.meta if tr else None
    materials = trm.materials if trm and trm.materials else None
    title = trm.title if trm and trm.title else None
    text = render(
        "workshop.md.j2",
        **common,
        front_matter=front_matter(lang.plain(title, meta.title)),
        title=lang.text(title, meta.title),
        audience=lang.text(trm.audience if trm else None, meta.audience),
        participants=meta.participants.replace("-", "–"),
        length=lang.catalog.duration(meta.minutes),
        materials=[
            lang.text(materials[n] if materials else None, m) for n, m in enumerate(meta.materials)
        ],
        blocks=timing(lang, meta.blocks, trm.blocks if trm else None),
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        if module.workshop is not None:
            yield render_workshop(ctx.cur, ctx.lang, module)
