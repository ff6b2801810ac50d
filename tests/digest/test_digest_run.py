"""``processor digest`` end to end on real articles: the files it writes, opened."""

from __future__ import annotations

import json

import docx
from docx.shared import Mm

from processor.digest import DigestOptions, digest
from tests.digest.conftest import copied, path_of
from tests.support.doubles import tagging
from tests.support.pipeline import run


def test_command_writes_docx_md_json_with_every_input_once(tmp_path):
    folder = copied(tmp_path, [1, 2, 3, 7, 8, 9, 10])
    (folder / "broken.docx").write_bytes(b"not a zip")
    out = tmp_path / "out"
    result = run("digest", folder, "-o", out, "--lang", "ru", "--format", "docx,md,json", "-j", "1")
    assert result.exit_code == 1, result.output  # one input failed; the digest is written
    assert "error: " in result.stderr and "broken.docx" in result.stderr
    assert (out / ".processor-digest").is_dir()  # each input's record, for a re-run
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "digest.ru.docx",
        "digest.ru.json",
        "digest.ru.md",
    ]
    data = json.loads((out / "digest.ru.json").read_text(encoding="utf-8"))
    inputs = [a["input"] for s in data["stories"] for a in s["articles"]]
    assert sorted(inputs) == sorted(str(p) for p in folder.glob("*.txt"))  # each exactly once
    assert [f["input"] for f in data["failed"]] == [str(folder / "broken.docx")]
    assert data["failed"][0]["reason"]
    assert data["period"] == {"from": "2019-03-20", "to": "2022-11-27"}
    first = data["stories"][0]
    assert first["rank"] == 1 and len(first["articles"]) == 3
    assert {"text", "speaker", "articles"} <= set(first["key_points"][0])
    assert {"input", "outlet", "date", "url", "headline"} == set(first["articles"][0])

    document = docx.Document(str(out / "digest.ru.docx"))
    section = document.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert section.header.paragraphs[0].text.startswith("Обзор прессы")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0].startswith("1. ") and len(headings) >= 3
    assert "Люди и организации дня" in headings
    assert "Не вошедшие материалы" in headings
    # Table rows never split across pages, like the memo's.
    row = document.tables[1].rows[0]._tr
    assert row.trPr is not None and row.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None
    md = (out / "digest.ru.md").read_text(encoding="utf-8")
    assert md.count("\n## 1. ") == 1 and "| Издание |" in md


def test_period_leaves_out_articles_dated_outside(tmp_path):
    folder = copied(tmp_path, [7, 8, 10])
    options = DigestOptions(languages=("ru",), formats=("json",), since="2022-01-01")
    result = digest([folder], tmp_path / "out", options)
    assert result.articles == 2 and [e["input"] for e in result.excluded] == [
        path_of(10).replace(path_of(10).rsplit("/", 1)[0], str(folder))
    ]


def test_each_sentence_translated_once_one_translator_per_language(tmp_path):
    folder = copied(tmp_path, [1, 2, 3, 7, 8, 9])
    made: list[tuple[str, str]] = []
    translators = {}

    def factory(source, target):
        made.append((source, target))
        translators[target] = tagging(target)
        return translators[target]

    options = DigestOptions(languages=("en", "kk"), formats=("json",), use_glossary=False)
    result = digest([folder], tmp_path / "out", options, translator_factory=factory)
    assert result.exit_code == 0 and made == [("ru", "en"), ("ru", "kk")]
    for target, translator in translators.items():
        assert len(translator.batches) == 1  # one batch for the whole digest
        assert len(translator.seen) == len(set(translator.seen))  # each sentence once
        data = json.loads((tmp_path / "out" / f"digest.{target}.json").read_text("utf-8"))
        assert data["stories"][0]["title"].startswith(f"{target.upper()}(")


def test_missing_model_is_exit_3_and_the_other_language_written(tmp_path, model_store):
    folder = copied(tmp_path, [7, 8])
    result = run("digest", folder, "-o", tmp_path / "out", "--lang", "ru,en", "-j", "1")
    assert result.exit_code == 3
    assert "missing: en:" in result.stderr and "processor models install" in result.stderr
    assert (tmp_path / "out" / "digest.ru.docx").exists()
    assert not (tmp_path / "out" / "digest.en.docx").exists()


def test_kk_latn_digest_has_no_cyrillic_outside_the_sources(tmp_path):
    """kk-latn: the Kazakh digest in the 2021 Latin alphabet; only the sources' own words
    (headlines, outlets, Russian names) may stay Cyrillic."""
    import re

    from tests.support.doubles import RecordingTranslator

    def kazakh(source, target):
        assert target == "kk"  # translated in its base language, converted after
        return RecordingTranslator(lambda s: "Мемлекет басшысы мәлімдеді.", source=source,
                                   target=target, name="kazakh")  # fmt: skip

    folder = copied(tmp_path, [1, 2, 3])
    out = tmp_path / "out"
    result = digest(
        [str(p) for p in sorted(folder.glob("*.txt"))], out,
        DigestOptions(languages=("kk-latn",), formats=("json",)), translator_factory=kazakh,
    )  # fmt: skip
    assert not result.missing and not result.errors, (result.missing, result.errors)
    data = json.loads((out / "digest.kk-latn.json").read_text(encoding="utf-8"))
    points = [p["text"] for s in data["stories"] for p in s["key_points"]]
    assert "Memleket basşysy mälımdedı." in points
    sources = " ".join(p.read_text(encoding="utf-8") for p in folder.glob("*.txt"))
    allowed = set(re.findall(r"\w+", sources.lower()))
    shown = json.dumps({k: v for k, v in data.items() if k != "stories"}, ensure_ascii=False)
    shown += " ".join(s["title"] for s in data["stories"]) + " " + " ".join(points)
    cyrillic = {w for w in re.findall(r"\w+", shown) if re.search("[\u0400-\u04ff]", w)}
    assert {w for w in cyrillic if w.lower() not in allowed} == set()


def test_key_points_carry_their_speakers(tmp_path):
    """The digest's key points name who said them, from the speech found in preparation
    (the seed is an interview with political scientist Eduard Poletayev)."""
    from tests.support.data import SEED

    out = tmp_path / "out"
    result = digest([str(SEED)], out, DigestOptions(languages=("ru",), formats=("json", "md")))
    assert not result.failed, result.failed
    data = json.loads((out / "digest.ru.json").read_text(encoding="utf-8"))
    speakers = [p["speaker"] for s in data["stories"] for p in s["key_points"]]
    assert any(s and "Полетаев" in s for s in speakers), speakers
    assert "— Эдуард Полетаев" in (out / "digest.ru.md").read_text(encoding="utf-8")


def test_command_takes_every_memo_language(tmp_path):
    """`digest --lang` takes what `brief --lang` takes (kk-latn included), one list."""
    folder = copied(tmp_path, [1])
    refused = run("digest", folder, "-o", tmp_path / "out", "--lang", "kk-cyrl")
    assert refused.exit_code == 2 and "kk-latn" in refused.stderr
    taken = run("digest", folder, "-o", tmp_path / "out", "--lang", "ru,kk-latn", "-j", "1")
    assert taken.exit_code == 3, taken.stderr  # no Kazakh model here: kk-latn is missing
    assert "missing: kk-latn" in taken.stderr
    assert (tmp_path / "out" / "digest.ru.docx").exists()
