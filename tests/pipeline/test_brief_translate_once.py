"""Each sentence translated once per language pair in a run (tiny random-weight models)."""

import docx

from processor.pipeline import BriefOptions, brief
from processor.translation.engines import ct2 as engine
from tests.support.data import SEED


def _decoded(tmp_path, languages, settings):
    engine.DECODED.clear()
    options = BriefOptions(languages=languages, formats=("docx",), translation=settings)
    [result] = brief([SEED], tmp_path, options)
    assert result.ok and not result.missing, (result.error, result.missing)
    return dict(engine.DECODED), result


def test_kazakh_by_pivot_reuses_the_english_memos_translations(
    tmp_path, tiny_ru_en, tiny_en_kk, tiny_settings, no_network
):
    alone, _ = _decoded(tmp_path / "en", ("en",), tiny_settings)
    both, result = _decoded(tmp_path / "en-kk", ("en", "kk"), tiny_settings)
    # The pivot's ru->en leg decodes nothing the English memo has not decoded already.
    assert both[("ru", "en")] == alone[("ru", "en")] > 0
    assert both[("en", "kk")] > 0
    kk = docx.Document(tmp_path / "en-kk" / "zakon-tokayev-trump.kk.docx")
    assert "en" in "".join(c.text for t in kk.tables for r in t.rows for c in r.cells)
    # A random model loses the placeholders: those sentences, and only those, went again.
    assert result.report is not None
    again = result.report["placeholder_lost_translated_again"]
    assert set(again) == {"en", "kk"}
    assert 0 < again["en"] <= alone[("ru", "en")] // 2


def test_a_sentence_repeated_in_a_run_is_decoded_once(tmp_path, tiny_ru_en, tiny_settings):
    copy = tmp_path / "copy.ru.txt"
    copy.write_bytes(SEED.read_bytes())
    engine.DECODED.clear()
    options = BriefOptions(languages=("en",), formats=("md",), translation=tiny_settings)
    one = brief([SEED], tmp_path / "one", options)
    single = engine.DECODED[("ru", "en")]
    engine.DECODED.clear()
    two = brief([SEED, copy], tmp_path / "two", options)
    assert all(r.ok for r in one + two)
    assert engine.DECODED[("ru", "en")] == single
