"""Bilingual briefs through the real translation path, on tiny random-weight models."""

import json

import docx

from processor.glossary import load_glossaries
from processor.pipeline import BriefOptions, brief
from tests.support.data import SEED


def _memo_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_en_and_kk_memos_align_with_the_source(
    tmp_path, tiny_ru_en, tiny_multilingual, tiny_settings, no_network
):
    options = BriefOptions(
        languages=("ru", "en", "kk"),
        formats=("docx", "json"),
        use_glossary=False,
        translation=tiny_settings,
    )
    [result] = brief([SEED], tmp_path, options)
    assert result.ok and not result.missing, (result.error, result.missing)
    memos = {
        lang: _memo_json(tmp_path / f"zakon-tokayev-trump.{lang}.json")
        for lang in ("ru", "en", "kk")
    }
    ids = {lang: [tuple(i["sentence_ids"]) for i in m["key_points"]] for lang, m in memos.items()}
    assert ids["en"] == ids["ru"] == ids["kk"]
    figures = {
        lang: [tuple(i["sentence_ids"]) for i in m["key_figures"]] for lang, m in memos.items()
    }
    assert figures["en"] == figures["ru"] == figures["kk"]
    # The translated bullets are the engine's output, not the Russian text.
    assert memos["en"]["key_points"][0]["text"] != memos["ru"]["key_points"][0]["text"]
    assert memos["en"]["key_points"][0]["source_text"] == memos["ru"]["key_points"][0]["text"]
    assert "tiny" in memos["en"]["translation"] or "ru" in memos["en"]["translation"]
    # Kazakh comes from the multilingual model: the memo names it.
    assert "nllb" in memos["kk"]["translation"].lower()

    en = docx.Document(tmp_path / "zakon-tokayev-trump.en.docx")
    headings = [p.text for p in en.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Bottom line", "Key points", "Key figures"]
    assert en.core_properties.language == "en-GB"
    kk = docx.Document(tmp_path / "zakon-tokayev-trump.kk.docx")
    assert [p.text for p in kk.paragraphs if p.style.name == "Heading 1"][:3] == [
        "Басты түйін",
        "Негізгі тұжырымдар",
        "Негізгі көрсеткіштер",
    ]
    meta = {row.cells[0].text: row.cells[1].text for row in kk.tables[0].rows}
    assert meta["Түпнұсқа тілі"] == "орыс тілі"


def test_one_language_missing_the_other_still_written(tmp_path, tiny_ru_en, tiny_settings):
    options = BriefOptions(languages=("en", "kk"), use_glossary=False, translation=tiny_settings)
    [result] = brief([SEED], tmp_path, options)
    assert result.ok
    [missing] = result.missing
    assert missing.language == "kk"
    assert missing.install and "processor models install" in missing.install
    assert [p.name for p in result.outputs] == ["zakon-tokayev-trump.en.docx"]


def test_several_documents_share_one_translation_call(tmp_path, monkeypatch, tiny_settings):
    from tests.support.doubles import tagging

    second = tmp_path / "second.txt"
    second.write_text(SEED.read_text(encoding="utf-8").split("\n\n", 3)[-1], encoding="utf-8")
    doubles = []

    def factory(source, target):
        double = tagging(target=target, source=source)
        doubles.append(double)
        return double

    options = BriefOptions(languages=("en",), use_glossary=False)
    results = brief([SEED, second], tmp_path / "out", options, translator_factory=factory)
    assert all(r.ok for r in results)
    assert len(doubles) == 1 and len(doubles[0].batches) == 1
    memo = results[1].memos[0]
    assert memo.key_points[0].text.startswith("EN(")


def test_glossary_held_or_reported_on_a_real_model(
    tmp_path, tiny_ru_en, tiny_multilingual, tiny_settings, no_network
):
    """Random weights mangle text: every term must come out right or be reported."""
    options = BriefOptions(
        languages=("en", "kk"), formats=("docx", "json"), translation=tiny_settings
    )
    [result] = brief([SEED], tmp_path, options)
    assert result.ok and not result.missing
    for lang in ("en", "kk"):
        memo = _memo_json(tmp_path / f"zakon-tokayev-trump.{lang}.json")
        names = {row["ru"]: row for row in memo["entities"]}
        assert names["Касым-Жомарт Токаев"]["en"] == "Kassym-Jomart Tokayev"
        assert names["Касым-Жомарт Токаев"]["kk"] == "Қасым-Жомарт Тоқаев"
        # Every built-in file, in load order (kazakhstan-public-life and the issue-17 lists).
        assert memo["glossaries"] == load_glossaries().names
        assert "kazakhstan-public-life" in memo["glossaries"]
        terms = {row["source"]: row for row in memo["terms"]}
        tokayev = terms["Касым-Жомарт Токаев"]
        assert tokayev["occurrences"] >= 10
        translated = " ".join(i["text"] for i in memo["key_points"] + memo["key_figures"])
        for row in memo["terms"]:
            if row["correct"] is False:
                # A lost term is named in the notices, never silently wrong.
                assert any(row["source"] in n for n in memo["notices"]), row
            elif row["correct"] is True:
                assert row["term"].split()[-1][:4] in translated, row
        document = docx.Document(tmp_path / f"zakon-tokayev-trump.{lang}.docx")
        assert len(document.tables) >= 3  # metadata, names, terminology


def test_unknown_people_get_one_romanization(tmp_path):
    from tests.support.doubles import identity

    article = tmp_path / "people.txt"
    article.write_text(
        "Аким области Айдар Смагулов провел совещание по подготовке к зиме в Караганде. "
        "По словам Айдара Смагулова, все котельные области готовы к отопительному сезону.\n\n"
        "Министр поблагодарил Айдара Смагулова за работу и поручил ускорить ремонт дорог. "
        "Ранее Смагулов заявил, что на ремонт выделено 12 миллиардов тенге из бюджета.",
        encoding="utf-8",
    )
    options = BriefOptions(languages=("en",), formats=("json",), sentences=4, figures=0)
    [result] = brief(
        [article],
        tmp_path / "out",
        options,
        translator_factory=lambda s, t: identity(target=t, source=s),
    )
    assert result.ok, result.error
    memo = _memo_json(tmp_path / "out" / "people.en.json")
    people = [r for r in memo["entities"] if r["type"] == "person"]
    assert [(r["ru"], r["en"], r["in_glossary"]) for r in people] == [
        ("Айдар Смагулов", "Aidar Smagulov", False)
    ]
    text = " ".join(i["text"] for i in memo["key_points"])
    # Every inflected mention comes out as the same romanized name.
    assert text.count("Aidar Smagulov") >= 3
    assert "Смагулов" not in text
