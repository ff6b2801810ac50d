"""Issue 8.5: two inputs never write the same path; folders are mirrored under -o."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from processor.outputs import collect_sources
from tests.support.pipeline import article, docx_article, html_article, run


def _names(outdir: Path) -> list[str]:
    """The memos written (not the batch's hidden state file)."""
    return sorted(
        str(p.relative_to(outdir))
        for p in outdir.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )


def test_same_stem_different_formats(tmp_path: Path) -> None:
    html_article(tmp_path / "in" / "a.html", "Токаев провел переговоры в Вашингтоне")
    article(tmp_path / "in" / "a.txt", 9, 16)
    manifest = tmp_path / "m.json"
    out = tmp_path / "out"
    result = run("brief", tmp_path / "in", "-o", out, "--lang", "ru", "--manifest", manifest)
    assert result.exit_code == 0, result.output
    assert _names(out) == ["a-html.ru.docx", "a-txt.ru.docx"]
    items = json.loads(manifest.read_text(encoding="utf-8"))["items"]
    assert {Path(i["source"]).name: Path(i["outputs"][0]).name for i in items} == {
        "a.html": "a-html.ru.docx",
        "a.txt": "a-txt.ru.docx",
    }
    titles = {docx.Document(str(out / n)).paragraphs[0].text for n in _names(out)}
    assert len(titles) == 2


def test_folder_layout_is_mirrored(tmp_path: Path) -> None:
    docx_article(tmp_path / "in" / "x.docx")
    article(tmp_path / "in" / "sub" / "x.md", 9, 16)
    out = tmp_path / "out"
    result = run("brief", tmp_path / "in", "-o", out, "--lang", "ru", "--format", "docx,json")
    assert result.exit_code == 0, result.output
    assert _names(out) == ["sub/x.ru.docx", "sub/x.ru.json", "x.ru.docx", "x.ru.json"]
    memo = json.loads((out / "sub" / "x.ru.json").read_text(encoding="utf-8"))
    assert memo["source_name"] == "x.md"


def test_same_name_in_two_folders_named_on_the_command_line(tmp_path: Path) -> None:
    first = article(tmp_path / "one" / "a.txt", 2, 9)
    second = article(tmp_path / "two" / "a.txt", 9, 16)
    names = [s.stem.name for s in collect_sources([first, second])]
    assert len(set(names)) == 2 and all(n.startswith("a-") for n in names)
    # Stable: the same inputs in another order get the same names.
    again = {s.path: s.stem for s in collect_sources([second, first])}
    assert [again[str(first)].name, again[str(second)].name] == names
    out = tmp_path / "out"
    result = run("brief", first, second, "-o", out, "--lang", "ru")
    assert result.exit_code == 0, result.output
    assert _names(out) == sorted(f"{n}.ru.docx" for n in names)


def test_translate_outputs_are_unique_too(tmp_path: Path, monkeypatch) -> None:
    from tests.support.doubles import tagging

    monkeypatch.setattr(
        "processor.translation.engines.routes.get_translator",
        lambda source, target, settings=None: tagging(target=target, source=source),
    )
    docx_article(tmp_path / "in" / "r.docx")
    html_article(tmp_path / "in" / "r.html", "Заголовок статьи")
    out = tmp_path / "out"
    result = run("translate", tmp_path / "in", "--to", "en", "-o", out, "--no-glossary")
    assert result.exit_code == 0, result.output
    assert _names(out) == ["r-docx.en.docx", "r-html.en.html"]  # HTML stays HTML (issue 10)


def test_ru_suffix_is_dropped_from_the_stem(tmp_path: Path) -> None:
    src = article(tmp_path / "news.ru.txt", 2, 9)
    [source] = collect_sources([src])
    assert str(source.stem) == "news"
    assert source.output(tmp_path, "en", "docx") == tmp_path / "news.en.docx"


def test_the_same_file_twice_is_one_input(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    article(tmp_path / "news" / "a.txt", 2, 9)
    sources = collect_sources(["news/a.txt", "./news/a.txt", "news"])
    assert [(s.path, str(s.stem)) for s in sources] == [("news/a.txt", "a")]
