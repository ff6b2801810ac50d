"""How a model is told which languages to translate between.

Three families exist:

* a source-language token plus a forced target prefix: NLLB-200 / Tilmash
  (``rus_Cyrl`` + pieces + ``</s>``, prefix ``kaz_Cyrl``) and M2M-100
  (``__ru__`` ..., prefix ``__kk__``);
* a target tag at the start of the source: OPUS-MT multi-target
  (``>>kaz_Cyrl<<``) and MADLAD-400 (``<2kk>``);
* plain bilingual models (Argos packages, a ru->kk Marian/T5 model): pieces only,
  plus the package's own ``target_prefix`` when its metadata has one.

A model's manifest records its style and the exact token for each language, found
in its vocabulary at install time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from processor.errors import ModelError

if TYPE_CHECKING:
    from processor.translation.models.installed import InstalledModel

# ISO 639-1 -> FLORES-200 / NLLB code (script included).
NLLB_CODES: dict[str, str] = {
    "ru": "rus_Cyrl",
    "en": "eng_Latn",
    "kk": "kaz_Cyrl",
    "uk": "ukr_Cyrl",
    "be": "bel_Cyrl",
    "ky": "kir_Cyrl",
    "uz": "uzn_Latn",
    "tg": "tgk_Cyrl",
    "tk": "tuk_Latn",
    "az": "azj_Latn",
    "tr": "tur_Latn",
    "de": "deu_Latn",
    "fr": "fra_Latn",
    "es": "spa_Latn",
    "it": "ita_Latn",
    "pl": "pol_Latn",
    "zh": "zho_Hans",
    "ja": "jpn_Jpan",
    "ko": "kor_Hang",
    "ar": "arb_Arab",
    "fa": "pes_Arab",
}


def _token_candidates(style: str, code: str) -> list[str]:
    nllb = NLLB_CODES.get(code, "")
    if style == "nllb":
        return [nllb] if nllb else []
    if style == "m2m":
        return [f"__{code}__"]
    if style == "madlad":
        return [f"<2{code}>"]
    if style == "opus-tag":
        return [f">>{nllb}<<", f">>{nllb[:3]}<<", f">>{code}<<"] if nllb else [f">>{code}<<"]
    return []


@dataclass(frozen=True)
class Style:
    """One language-selection convention."""

    name: str
    multilingual: bool
    source_language_token: bool = False  # first source token names the source language
    target_tag: bool = False  # first source token names the target language
    target_prefix_token: bool = False  # decoding starts with the target language token

    def check(self, model: InstalledModel, source: str, target: str) -> None:
        if not self.multilingual:
            return
        needed = [target] + ([source] if self.source_language_token else [])
        missing = [code for code in needed if code not in model.language_tokens]
        if missing:
            raise ModelError(
                f"model {model.name} ({self.name}) has no language token for {', '.join(missing)}",
                path=str(model.path),
            )

    def source_tokens(
        self, pieces: Sequence[str], model: InstalledModel, source: str, target: str
    ) -> list[str]:
        tokens = list(pieces)
        if self.source_language_token:
            tokens.insert(0, model.language_tokens[source])
        elif self.target_tag:
            tokens.insert(0, model.language_tokens[target])
        if model.append_eos:
            tokens.append("</s>")
        return tokens

    def target_prefix(self, model: InstalledModel, source: str, target: str) -> list[str] | None:
        if self.target_prefix_token:
            return [model.language_tokens[target]]
        if model.target_prefix:
            return [model.target_prefix]
        return None


STYLES: dict[str, Style] = {
    "plain": Style("plain", multilingual=False),
    "nllb": Style("nllb", True, source_language_token=True, target_prefix_token=True),
    "m2m": Style("m2m", True, source_language_token=True, target_prefix_token=True),
    "opus-tag": Style("opus-tag", True, target_tag=True),
    "madlad": Style("madlad", True, target_tag=True),
}

# Licence of the published weights, shown in `models list` and in memos.
STYLE_LICENCES: dict[str, str] = {
    "nllb": "CC-BY-NC-4.0 (non-commercial)",
    "m2m": "MIT",
    "madlad": "Apache-2.0",
}


def get_style(name: str) -> Style:
    try:
        return STYLES[name]
    except KeyError:
        raise ModelError(f"unknown model style {name!r}; use one of {', '.join(STYLES)}") from None


def language_tokens(style: str, vocabulary: Iterable[str]) -> dict[str, str]:
    """ISO code -> the token this vocabulary uses for that language, for known languages."""
    vocab = set(vocabulary)
    codes = set(NLLB_CODES)
    # M2M-100 and MADLAD name languages by ISO code: take every code they have.
    codes |= {t[2:-2] for t in vocab if len(t) == 6 and t.startswith("__") and t.endswith("__")}
    codes |= {t[2:-1] for t in vocab if len(t) == 5 and t.startswith("<2") and t.endswith(">")}
    found: dict[str, str] = {}
    for code in sorted(codes):
        for token in _token_candidates(style, code):
            if token in vocab:
                found[code] = token
                break
    return found


def detect_style(vocabulary: Iterable[str]) -> tuple[str, dict[str, str]]:
    """Guess the style from language tokens in the vocabulary; ``("plain", {})`` if none."""
    vocab = set(vocabulary)
    for style in ("nllb", "m2m", "madlad", "opus-tag"):
        tokens = language_tokens(style, vocab)
        if len(tokens) >= 2:
            return style, tokens
    return "plain", {}


def strip_prefix(hypothesis: Sequence[str], prefix: Sequence[str] | None) -> list[str]:
    """Drop the forced target-language prefix from a decoded hypothesis."""
    tokens = list(hypothesis)
    if prefix and tokens[: len(prefix)] == list(prefix):
        return tokens[len(prefix) :]
    return tokens
