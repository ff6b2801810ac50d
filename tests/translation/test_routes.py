"""Routing: direct vs pivot vs multilingual, best chosen, no route."""

from __future__ import annotations

import pytest

from processor.errors import NoRouteError
from processor.translation import (
    airgapped_instructions,
    get_translator,
    install_hint,
    list_routes,
)
from processor.translation.engines.ct2 import CT2Translator, PivotTranslator

SENTENCES = ["Токаев провел переговоры.", "", "Акорда сообщила об этом."]


def test_no_model_raises_no_route_with_install_command(model_store):
    with pytest.raises(NoRouteError) as err:
        get_translator("ru", "en")
    assert err.value.hint == "processor models install translate-ru_en"
    assert "\n" not in str(err.value)
    assert "ru->en" in str(err.value)
    with pytest.raises(NoRouteError) as err:
        get_translator("ru", "kk")
    hint = err.value.hint
    assert hint.startswith("processor models install nllb-200-distilled-600M ")
    assert "without internet: processor models install /path/to/" in hint
    instructions = airgapped_instructions("ru", "kk")
    assert "ct2-transformers-converter" in instructions and "--quantization int8" in instructions
    assert list_routes("ru", ["en", "kk"]) == []


def test_install_hint_and_airgapped_instructions():
    assert install_hint("ru", "en") == "processor models install translate-ru_en"
    text = airgapped_instructions("ru", "en")
    assert "processor models install translate-ru_en-1_9.argosmodel" in text
    text = airgapped_instructions("ru", "kk")
    assert "ct2-transformers-converter" in text
    assert "CC-BY-NC-4.0" in text


def test_direct_argos_route(tiny_ru_en, tiny_settings):
    translator = get_translator("ru", "en", tiny_settings)
    assert isinstance(translator, CT2Translator)
    assert "translate-ru_en" in translator.describe()
    assert "argos" in translator.describe()
    (route,) = list_routes("ru", "en")
    assert route.kind == "direct" and route.chosen and route.models == ["translate-ru_en"]


def test_pivot_through_english_when_no_direct_route(tiny_ru_en, tiny_en_kk, tiny_settings):
    translator = get_translator("ru", "kk", tiny_settings)
    assert isinstance(translator, PivotTranslator)
    description = translator.describe()
    assert description.startswith("pivot through en")
    assert "translate-ru_en" in description and "translate-en_kk" in description
    out = translator.translate(SENTENCES)
    assert len(out) == 3 and out[1] == "" and out[0] and out[2]
    assert translator.first.batch_calls == 1 and translator.second.batch_calls == 1
    (route,) = list_routes("ru", "kk")
    assert route.kind == "pivot" and route.pivot == "en"


def test_multilingual_direct_route_beats_pivot(
    tiny_ru_en, tiny_en_kk, tiny_multilingual, tiny_settings
):
    translator = get_translator("ru", "kk", tiny_settings)
    assert isinstance(translator, CT2Translator)
    assert translator.model.name == "tiny-nllb-200"
    assert "tiny-nllb-200" in translator.describe()
    assert "CC-BY-NC-4.0" in translator.describe()
    # A direct route exists, so pivots (ru_en then en_kk) are not offered.
    (route,) = list_routes("ru", "kk")
    assert route.chosen and route.kind == "direct" and route.models == ["tiny-nllb-200"]
    # The bilingual Argos package stays first for ru->en (no published score for either).
    assert get_translator("ru", "en", tiny_settings).model.name == "translate-ru_en"


def test_best_published_quality_wins(model_store, tiny_nllb_dir, tiny_settings):
    model_store.install(str(tiny_nllb_dir), name="nllb-200-distilled-600M-ct2")
    model_store.install(str(tiny_nllb_dir), name="nllb-200-distilled-1.3B-ct2")
    model_store.install(str(tiny_nllb_dir), name="nllb-200-3.3B-ct2")
    routes = list_routes("ru", ["kk", "en"])
    kk = [r for r in routes if r.target == "kk"]
    assert [r.score for r in kk] == [44.3, 43.7, 42.4]
    assert [r.chosen for r in kk] == [True, False, False]
    assert len([r for r in routes if r.target == "en"]) == 3
    translator = get_translator("ru", "kk", tiny_settings)
    assert translator.model.name == "nllb-200-distilled-1.3B-ct2"
    assert translator.translate(SENTENCES)[1] == ""


def test_same_language_is_identity(model_store):
    translator = get_translator("ru", "ru")
    assert translator.translate(SENTENCES) == SENTENCES
    assert "no translation" in translator.describe()
