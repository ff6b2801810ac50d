"""The CTranslate2 engine on real (tiny, random-weight) models."""

from __future__ import annotations

import ctranslate2
import pytest
import sentencepiece as spm

from processor.errors import DeviceError, ModelError, NoRouteError, TranslatorOutputError
from processor.translation import TranslationSettings, checked_translate, get_translator
from processor.translation.engines.ct2 import (
    LOAD_COUNTS,
    CT2Translator,
    PivotTranslator,
    resolve_compute_type,
    resolve_device,
)
from tests.support import tiny_models

DOC_A = [
    "Касым-Жомарт Токаев провел телефонный разговор с Дональдом Трампом.",
    "Стороны обсудили урегулирование конфликта.",
    "",
]
DOC_B = ["Президент подчеркнул важность диалога.", "   ", "Об этом сообщает Zakon.kz."]


def test_outputs_align_with_inputs_and_keep_order(tiny_ru_en, tiny_settings):
    translator = get_translator("ru", "en", tiny_settings.with_(compute_type="float32"))
    sentences = DOC_A + DOC_B
    out = translator.translate(sentences)
    assert len(out) == len(sentences)
    for source, target in zip(sentences, out, strict=True):
        assert (target == "") == (source.strip() == "")
    assert all("▁" not in t for t in out)
    # Same sentences in reverse order give the same translations in reverse order.
    assert translator.translate(sentences[::-1]) == out[::-1]
    # Each translation belongs to its own sentence, not to a neighbour.
    assert translator.translate([sentences[1]]) == [out[1]]
    assert translator.translate([]) == []
    assert translator.translate(["", " "]) == ["", ""]


def test_many_documents_go_through_one_translate_batch_call(tiny_ru_en, tiny_settings):
    translator = get_translator("ru", "en", tiny_settings)
    assert isinstance(translator, CT2Translator)
    documents = [DOC_A, DOC_B, [f"Предложение номер {i}." for i in range(40)]]
    flat = [s for doc in documents for s in doc]
    before = translator.batch_calls
    out = translator.translate(flat)
    assert translator.batch_calls == before + 1
    assert translator.sentences_translated == sum(1 for s in flat if s.strip())
    assert len(out) == len(flat)


def test_model_is_loaded_once_per_process(tiny_ru_en, tiny_settings):
    path = str(tiny_ru_en.model_dir.resolve())
    first = get_translator("ru", "en", tiny_settings)
    second = get_translator("ru", "en", tiny_settings)
    assert first.ct2 is second.ct2
    assert LOAD_COUNTS[path] == 1
    # Different hardware settings are a different loaded model.
    third = get_translator("ru", "en", tiny_settings.with_(inter_threads=2))
    assert third.ct2 is not first.ct2
    assert third.ct2.num_translators == 2
    assert LOAD_COUNTS[path] == 2


def test_settings_reach_ctranslate2(tiny_ru_en):
    settings = TranslationSettings(
        compute_type="int8", beam_size=1, min_decoding_length=5, max_decoding_length=5
    )
    translator = get_translator("ru", "en", settings)
    # CTranslate2 reports int8 on CPU as int8_float32 (int8 weights, float32 activations).
    assert translator.ct2.compute_type.startswith("int8")
    assert translator.ct2.device == "cpu"
    pieces = translator.translate_tokens(DOC_B)
    assert pieces[1] is None
    # Fixed decoding length: every hypothesis has exactly 5 pieces.
    assert [len(p) for p in pieces if p is not None] == [5, 5]
    wider = get_translator("ru", "en", settings.with_(beam_size=4))
    assert [len(p) for p in wider.translate_tokens(DOC_B) if p is not None] == [5, 5]


def test_compute_type_falls_back_to_what_the_device_supports():
    supported = ctranslate2.get_supported_compute_types("cpu")
    for requested in ("int8", "int8_float16", "float16", "bfloat16", "float32", "auto"):
        chosen = resolve_compute_type("cpu", requested)
        assert chosen in supported or chosen == "auto"
    if "float16" not in supported:
        assert resolve_compute_type("cpu", "float16") == "float32"
    if "int8_float16" not in supported:
        assert resolve_compute_type("cpu", "int8_float16").startswith("int8")


@pytest.mark.skipif(ctranslate2.get_cuda_device_count() > 0, reason="machine has a GPU")
def test_cuda_without_gpu_is_a_one_line_error(tiny_ru_en):
    # A DeviceError (a failure, exit 1), deliberately not a ModelError: callers that map
    # ModelError/NoRouteError to "missing" (exit 3) must not see a missing GPU as one.
    with pytest.raises(DeviceError) as err:
        get_translator("ru", "en", TranslationSettings(device="cuda"))
    assert not isinstance(err.value, ModelError)
    message = str(err.value)
    assert "\n" not in message
    assert "CUDA requested but no GPU is available" in message
    assert "--device cpu" in message
    assert resolve_device("auto") == "cpu"
    with pytest.raises(DeviceError, match="unknown device 'tpu'"):
        resolve_device("tpu")


@pytest.mark.skipif(ctranslate2.get_cuda_device_count() > 0, reason="machine has a GPU")
def test_cuda_without_gpu_is_reported_before_a_missing_route(model_store):
    # Nothing installed: the device problem is still the one reported, the same way.
    with pytest.raises(DeviceError):
        get_translator("ru", "kk", TranslationSettings(device="cuda"))
    with pytest.raises(NoRouteError):
        get_translator("ru", "kk", TranslationSettings(device="auto"))


def test_nllb_style_uses_language_tokens_and_strips_the_prefix(tiny_multilingual, tiny_settings):
    translator = get_translator("ru", "kk", tiny_settings)
    model = translator.model
    assert model.style == "nllb"
    style_tokens = translator._style.source_tokens(["▁при", "вет"], model, "ru", "kk")
    assert style_tokens == ["rus_Cyrl", "▁при", "вет", "</s>"]
    assert translator._style.target_prefix(model, "ru", "kk") == ["kaz_Cyrl"]
    # CTranslate2 itself returns the forced prefix first; the engine drops it.
    raw = translator.ct2.translate_batch(
        [style_tokens], target_prefix=[["kaz_Cyrl"]], max_decoding_length=4, beam_size=1
    )
    assert raw[0].hypotheses[0][0] == "kaz_Cyrl"
    for pieces in translator.translate_tokens(DOC_A):
        if pieces is not None:
            assert pieces[:1] != ["kaz_Cyrl"]
    out = translator.translate(DOC_A)
    assert all("kaz_Cyrl" not in text for text in out)


def test_detokenization_is_sentencepiece_decode(tiny_ru_en, tiny_settings, tiny_sp_model):
    translator = get_translator("ru", "en", tiny_settings)
    sp = spm.SentencePieceProcessor(model_file=str(tiny_sp_model))
    pieces = translator.translate_tokens(DOC_B)
    texts = translator.translate(DOC_B)
    for p, text in zip(pieces, texts, strict=True):
        if p is not None:
            assert text == sp.decode_pieces(p).strip()


def test_tiny_models_module_builds_a_loadable_model(tmp_path, tiny_sp_model):
    vocab = tiny_models.sentencepiece_vocabulary(tiny_sp_model)
    path = tiny_models.build_ct2_model(tmp_path / "m", vocab, quantization="int8")
    model = ctranslate2.Translator(str(path))
    out = model.translate_batch([["▁при"]], max_decoding_length=3, beam_size=1)
    assert all(tok in vocab for tok in out[0].hypotheses[0])


class _Fixed:
    """A translator double returning ``outputs(sentences)``, recording its calls."""

    def __init__(self, name, outputs, *, source="ru", target="en"):
        self.name, self.outputs, self.source, self.target = name, outputs, source, target
        self.calls = 0

    def translate(self, sentences):
        self.calls += 1
        return self.outputs(list(sentences))

    def describe(self) -> str:
        return f"model {self.name} {self.source}->{self.target}"


SENTENCES = ["Один.", "Два.", "Три."]


def test_output_contract_is_one_line_naming_the_translator():
    short = _Fixed("broken-ru-en", lambda s: s[:-1])
    with pytest.raises(TranslatorOutputError) as err:
        checked_translate(short, SENTENCES)
    assert str(err.value) == (
        "model broken-ru-en ru->en: translator returned 2 outputs for 3 input sentences "
        "(expected one text per sentence)"
    )
    with pytest.raises(TranslatorOutputError, match="returned 4 outputs for 3 input"):
        checked_translate(_Fixed("long", lambda s: [*s, "extra"]), SENTENCES)
    with pytest.raises(TranslatorOutputError, match="returned a int among its outputs"):
        checked_translate(_Fixed("typed", lambda s: list(range(len(s)))), SENTENCES)
    with pytest.raises(TranslatorOutputError, match="returned a str for 3"):
        checked_translate(_Fixed("joined", lambda s: " ".join(s)), SENTENCES)
    assert checked_translate(_Fixed("ok", lambda s: [x.upper() for x in s]), SENTENCES) == [
        "ОДИН.",
        "ДВА.",
        "ТРИ.",
    ]


def test_output_contract_is_checked_on_each_pivot_leg(tiny_ru_en, tiny_settings):
    first = get_translator("ru", "en", tiny_settings)
    second = _Fixed("short-en-kk", lambda s: s[:-1], source="en", target="kk")
    with pytest.raises(TranslatorOutputError, match=r"^model short-en-kk en->kk: .* 2 outputs"):
        PivotTranslator(first, second).translate(SENTENCES)
    # A short first leg stops before the second leg sees misaligned sentences.
    short_first = _Fixed("short-ru-en", lambda s: s[:-1])
    good_second = _Fixed("en-kk", lambda s: s, source="en", target="kk")
    with pytest.raises(TranslatorOutputError, match="short-ru-en"):
        PivotTranslator(short_first, good_second).translate(SENTENCES)
    assert good_second.calls == 0
    with pytest.raises(ModelError, match="cannot chain"):
        PivotTranslator(first, _Fixed("ru-kk", lambda s: s, source="ru", target="kk"))
