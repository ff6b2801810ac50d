"""Translation batches are bounded: the decoder never holds a whole document at once."""

from processor.translation import TranslationSettings, get_translator
from tests.support.data import SEED


def test_batches_are_bounded_by_tokens_not_by_the_document(tiny_ru_en, tiny_settings, monkeypatch):
    translator = get_translator("ru", "en", tiny_settings)
    sizes: list[int] = []
    real = type(translator.ct2).translate_batch

    def spy(self, sources, **kwargs):
        sizes.append(kwargs["max_batch_size"])
        assert kwargs["batch_type"] == "tokens"
        return real(self, sources, **kwargs)

    monkeypatch.setattr(type(translator.ct2), "translate_batch", spy)
    sentences = [s for s in SEED.read_text(encoding="utf-8").split(". ") if s.strip()][:40]
    assert len(translator.translate(sentences)) == len(sentences)
    assert sizes == [TranslationSettings().max_batch_tokens] and sizes[0] <= 64
