"""Search's index without a build: what a page gives it, how words are compared, how the index is
cut into files. The script comparing words exactly as the index does is in test_browser.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from curriculum import search, searchtext
from curriculum.searchtext import Page, Section

PAGE = """<!doctype html><html lang="fr"><head><title>Boucles - Site</title></head><body>
<nav><a href="/">Accueil</a> navigation qui ne compte pas</nav>
<article><div data-search-body>
<h1 id="boucles">Les boucles<a class="headerlink" href="#boucles">¶</a></h1>
<p>Une <strong>boucle</strong> répète&nbsp;du code.<br>Deux lignes.</p>
<div class="cur-banner">Cette traduction est en retard.</div>
<pre><code>for (let i = 0; i &lt; 3; i++) console.log(i);</code></pre>
<h2 id="exercice">Exercice <em>un</em></h2><ul><li>Écrire</li><li>une boucle</li></ul>
<aside class="cur-terms"><p>boucle : définition répétée</p></aside>
<h3>Sans ancre</h3><p>Élève</p>
</div><div class="cohort">pas cherché</div></article></body></html>"""


def test_a_page_gives_its_sections_less_what_search_leaves_out() -> None:
    page = searchtext.read_page(PAGE)
    assert page is not None and page.lang == "fr" and page.title == "Les boucles"
    assert [(s.anchor, s.heading) for s in page.sections] == [
        ("boucles", "Les boucles"),
        ("exercice", "Exercice un"),
        ("", "Sans ancre"),
    ]
    assert page.sections[0].text == "Une boucle répète du code. Deux lignes."
    assert page.sections[1].text == "Écrire une boucle"
    text = " ".join(s.heading + s.text for s in page.sections)
    for left_out in ("¶", "console", "retard", "définition", "navigation", "cherché"):
        assert left_out not in text
    assert searchtext.read_page(PAGE.replace(" data-search-body", "")) is None


def test_words_are_compared_as_readers_type_them() -> None:
    assert searchtext.words("Élève, l'ÉLÈVE_2", "fr") == ["élève", "l", "élève_2"]
    assert [searchtext.fold(w) for w in searchtext.words("élèves", "fr")] == ["eleves"]
    # Arabic: shadda and short vowels dropped, tatweel too; the page's own letters kept.
    assert searchtext.words("المتغيِّرات", "ar") == ["المتغيرات"]
    assert searchtext.words("مـتـغـيـر", "ar") == ["متغير"]
    assert searchtext.words("متغیر", "ar") == ["متغير"]
    # Readers often type alef without its hamza: both spellings are one word.
    assert searchtext.words("الأسئلة إنشاء على", "ar") == ["الاسئلة", "انشاء", "علي"]
    # Farsi pages write ی and ک; an Arabic keyboard gives ي and ك.
    assert searchtext.words("متغير كد", "fa") == ["متغیر", "کد"]
    assert searchtext.words("Змінні", "uk") == ["змінні"]
    stem = searchtext.stemmer("en")
    assert stem is not None and stem("variables") == stem("variable")
    assert searchtext.stemmer("uk") is None


def pages(*texts: str) -> list[tuple[str, Page]]:
    return [
        (f"p{n}/", Page("en", f"Page {n}", [Section("", f"Page {n}", text)]))
        for n, text in enumerate(texts)
    ]


def entries(index: search.Index) -> list[list[Any]]:
    found: list[list[Any]] = []
    for n in range(len(index.meta["shards"])):  # type: ignore[arg-type]
        found += json.loads(index.files[f"w{n}.json"])
    return found


def test_the_index_leads_from_each_form_to_its_stem_and_its_sections() -> None:
    index = search.build_index("en", pages("variables and loops", "a variable", "loops"))
    found = {(e[0], len(e)): e for e in entries(index)}
    stem = found[("variabl", 3)]
    assert stem[2] == ["variable", "variables"]
    # Sections 0 and 1 (gaps 0, 1), each word once in the text (weight 2) and none in a heading.
    assert stem[1] == [0, 2, 1, 2]
    assert found[("variables", 2)] == ["variables", "variabl"]
    # A word of a page's title counts five times, and says it is in a heading (an odd weight).
    assert found[("page", 3)][1][:2] == [0, 11]
    assert index.meta["pages"] == [["p0/", "Page 0", 0], ["p1/", "Page 1", 1], ["p2/", "Page 2", 2]]


def test_the_index_is_cut_into_small_files_in_the_order_the_script_reads() -> None:
    words = " ".join(f"word{n:04d}" for n in range(3000))
    index = search.build_index("uk", pages(words, words[:5000]))
    shards = index.meta["shards"]
    assert isinstance(shards, list) and len(shards) > 5
    assert shards == sorted(shards, key=lambda key: key.encode("utf-16-be"))
    keys = [e[0] for e in entries(index)]
    assert keys == sorted(keys, key=lambda key: key.encode("utf-16-be"))
    for n, first in enumerate(shards):
        assert json.loads(index.files[f"w{n}.json"])[0][0] == first
        assert len(index.files[f"w{n}.json"]) < 2 * search.SHARD_BYTES
    # The same pages give the same bytes; other pages another folder, so browsers never mix them.
    again = search.build_index("uk", pages(words, words[:5000]))
    assert again.files == index.files and again.meta == index.meta
    other = search.build_index("uk", pages(words, words[:4000]))
    assert other.meta["folder"] != index.meta["folder"]


def test_the_entries_of_one_key_are_in_one_shard(monkeypatch: pytest.MonkeyPatch) -> None:
    """The script reads the shard where a key begins: had the shards been cut between a form
    entry and the stem entry of the same key, the form would be lost."""
    monkeypatch.setattr(search, "SHARD_BYTES", 1)  # a cut after every entry it may cut after
    index = search.build_index("en", pages("what is the meaning", "a meaningful name"))
    seen: dict[str, int] = {}
    for n in range(len(index.meta["shards"])):  # type: ignore[arg-type]
        for entry in json.loads(index.files[f"w{n}.json"]):
            assert seen.setdefault(entry[0], n) == n, entry
    assert len(set(seen.values())) > 5


def test_the_offline_list_holds_every_file_of_a_language(tmp_path: Path) -> None:
    index = search.build_index("fr", pages("une boucle", "deux boucles"))
    search.write_index(tmp_path / "search" / "fr", index)
    files = search.language_files(tmp_path, "fr")
    folder = index.meta["folder"]
    assert files[0] == "search/fr/meta.json"
    assert sorted(files[1:]) == sorted(f"search/fr/{folder}/{name}" for name in index.files)
    assert search.language_files(tmp_path, "nl") == []


def test_the_index_is_written_below_search_and_nowhere_else(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "fr" / "index.html").write_text(PAGE, encoding="utf-8")
    search.index_site(site)
    assert sorted(p.name for p in (site / "search").iterdir()) == ["fr"]
    assert search.language_files(site, "fr")[0] == "search/fr/meta.json"
    # A language that is not a language code could lead elsewhere: the build stops.
    (site / "fr" / "index.html").write_text(PAGE.replace('lang="fr"', 'lang="../../x"'))
    with pytest.raises(search.SearchError, match="language code"):
        search.index_site(site)
    assert not (tmp_path / "x").exists()
