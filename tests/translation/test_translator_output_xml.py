"""Issue 21 follow-up 3: a translator's output with characters XML cannot hold (a model may
emit ``\\x01``, ``\\x1a``, U+FFFE) still gives a DOCX memo and a translated DOCX, cleaned
once where every translator output passes (translation.base.checked_translate)."""

from __future__ import annotations

from pathlib import Path

import docx

from processor.document_translation import TranslateOptions, translate_files
from processor.pipeline import BriefOptions, brief
from tests.support.data import SEED
from tests.support.doubles import RecordingTranslator
from tests.support.pipeline import docx_article

BAD = ("\x01", "\x1a", "\ufffe")


def _noisy(source: str, target: str) -> RecordingTranslator:
    """Each output carries every character a DOCX cannot hold, around real words."""
    return RecordingTranslator(
        lambda s: f"EN\x01 {s}\x1a\ufffe", source=source, target=target, name="noisy"
    )


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_memo_from_a_noisy_translator_is_written(tmp_path: Path) -> None:
    options = BriefOptions(languages=("en",), formats=("docx",))
    [result] = brief([SEED], tmp_path, options, translator_factory=_noisy)
    assert result.ok, result.error
    [memo] = [p for p in result.outputs if str(p).endswith(".docx")]
    text = _all_text(Path(memo))
    assert "EN " in text and not any(c in text for c in BAD)


def test_translated_docx_from_a_noisy_translator_is_written(tmp_path: Path) -> None:
    source = docx_article(tmp_path / "a.docx")
    options = TranslateOptions(target="en", use_glossary=False)
    [result] = translate_files([source], tmp_path / "out", options, translator_factory=_noisy)
    assert result.ok, result.error
    text = _all_text(tmp_path / "out" / "a.en.docx")
    assert "EN " in text and not any(c in text for c in BAD)
