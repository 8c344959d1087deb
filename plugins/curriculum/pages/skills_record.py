"""A trainee's skills record: for each module of a programme, the weeks completed and the "I can"
checks ticked in its self-evaluation, with the trainee's name, printed on one or two A4 pages for
an employer or a job coach. The page holds every check and week; curriculum-more.js shows the ones
this browser ticked. Nothing is sent anywhere. It says plainly that it is a self-assessment.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..loaded import Curriculum, LoadedProgramme
from .common import (
    Lang,
    Page,
    data,
    front_matter,
    href,
    module_title,
    programme_strings,
    render,
    required_items,
)
from .context import Context
from .paths import module_extra_page, programme_page, skills_record_page


def render_skills_record(cur: Curriculum, lang: Lang, prog: LoadedProgramme) -> Page:
    src = skills_record_page(prog.meta.id)
    title, _, plain = programme_strings(lang, prog)
    modules = []
    for module in (cur.modules[m] for m in prog.meta.modules if m in cur.modules):
        checks = []
        if module.self_evaluation is not None:
            meta = module.self_evaluation.meta
            doc = module.page_translations.get(lang.code, {}).get("self-evaluation")
            tr = doc.meta if doc is not None else None
            for n, (check, check_id) in enumerate(
                zip(meta.checks, module.check_ids(), strict=True)
            ):
                ctr = tr.checks[n] if tr and tr.checks else None
                checks.append(
                    {
                        "key": f"{module.meta.id}/self-evaluation/{check_id}",
                        "can": lang.text(ctr.can if ctr else None, check.can),
                    }
                )
        # A week is completed when all its required items are ticked: one space-separated list
        # of keys a week, weeks separated by commas.
        weeks = ",".join(
            " ".join(key for key, _ in required_items(module, week)) for week in module.weeks
        )
        modules.append(
            {
                "title": module_title(lang, module),
                "self_href": href(src, module_extra_page(module.meta.id, "self-evaluation"))
                if module.self_evaluation is not None
                else None,
                "weeks": data(weeks=weeks, text=lang.catalog.t("record_weeks")),
                "checks": checks,
            }
        )
    school = cur.site_names.get(lang.code) or cur.site_names.get(cur.default_language)
    text = render(
        "skills-record.md.j2",
        t=lang.t,
        front_matter=front_matter(lang.catalog.t("record_title", programme=plain)),
        title=lang.t("record_title", programme=title),
        programme=title,
        programme_href=href(src, programme_page(prog.meta.id)),
        facts=lang.t("record_facts", programme=title, school=school)
        if school
        else lang.t("record_programme", programme=title),
        record=data(record=prog.meta.id, date_text=lang.catalog.t("record_date")),
        total=data(text=lang.catalog.t("record_total")),
        modules=modules,
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for prog in ctx.cur.programmes:
        yield render_skills_record(ctx.cur, ctx.lang, prog)
