"""FLORES scoring: evaluate(), load_flores(), published anchors, and `processor evaluate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from processor.cli import main
from processor.errors import InputError, ModelError
from processor.translation.engines.evaluate import (
    BUILTIN_ANCHORS,
    evaluate,
    load_flores,
    published_anchors,
)
from tests.support import data
from tests.support.doubles import ShortTranslator, identity, reversed_words

SHARED_FLORES = data.FLORES


@pytest.fixture(scope="module")
def flores() -> tuple[list[str], list[str]]:
    return load_flores(SHARED_FLORES, "ru-en")


def test_load_flores_reads_the_aligned_dev_set(flores) -> None:
    src, ref = flores
    assert len(src) == len(ref) == 400  # the repository keeps the first 400 lines
    assert src[0].startswith("В понедельник ученые")
    assert ref[0].startswith("On Monday, scientists")
    # The same files serve the reverse direction.
    en, ru = load_flores(SHARED_FLORES, "en-ru")
    assert en == ref and ru == src


def test_identity_on_the_reference_side_scores_100(flores) -> None:
    _, ref = flores
    translator = identity("en", source="en")
    result = evaluate(translator, ref[:50], ref[:50])
    assert translator.batches == [ref[:50]], "one call with every sentence"
    assert result.bleu == pytest.approx(100.0)
    assert result.chrf == pytest.approx(100.0)
    assert result.chrfpp == pytest.approx(100.0)
    assert result.n == 50
    assert result.seconds >= 0


def test_reversed_words_score_low(flores) -> None:
    _, ref = flores
    result = evaluate(reversed_words("en", source="en"), ref[:50], ref[:50])
    # Same words, wrong order: BLEU (n-grams) collapses; chrF (characters) drops less.
    assert result.bleu < 25
    assert result.bleu < result.chrf < 100
    # chrF++ adds word bigrams, which reversed order destroys.
    assert result.chrfpp < result.chrf


def test_untranslated_source_scores_near_zero(flores) -> None:
    src, ref = flores
    result = evaluate(identity(), src[:50], ref[:50])
    assert result.bleu < 5


def test_evaluate_checks_alignment_and_the_translator() -> None:
    with pytest.raises(InputError, match="aligned"):
        evaluate(identity(), ["a", "b"], ["a"])
    with pytest.raises(ModelError, match="returned 1 translations for 2"):
        evaluate(ShortTranslator(), ["a", "b"], ["a", "b"])


def test_load_flores_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no FLORES dev files for ru-kk"):
        load_flores(tmp_path, "ru-kk")
    with pytest.raises(InputError, match="folder not found"):
        load_flores(tmp_path / "missing", "ru-en")
    (tmp_path / "flores-dev.ru-kk.ru").write_text("один\nдва\n", encoding="utf-8")
    (tmp_path / "flores-dev.ru-kk.kk").write_text("бір\n", encoding="utf-8")
    with pytest.raises(InputError, match="aligned"):
        load_flores(tmp_path, "ru-kk")
    with pytest.raises(InputError, match="should look like ru-en"):
        load_flores(tmp_path, "russian")


def test_published_anchors_prefer_the_data_folder(tmp_path: Path) -> None:
    shipped = json.loads((SHARED_FLORES / "anchors.json").read_text(encoding="utf-8"))
    assert published_anchors(SHARED_FLORES)["bleu"] == shipped["bleu"]
    built_in = published_anchors(tmp_path)
    assert built_in == BUILTIN_ANCHORS and built_in is not BUILTIN_ANCHORS
    (tmp_path / "anchors.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"anchors\.json: unreadable"):
        published_anchors(tmp_path)


# ------------------------------------------------------------------ CLI


@pytest.fixture
def use_double(monkeypatch: pytest.MonkeyPatch):
    """Route every get_translator call to a test double; returns the doubles made."""
    made = []

    def fake(source: str, target: str, settings=None):
        translator = identity(target, source=source)
        translator.settings = settings
        made.append(translator)
        return translator

    monkeypatch.setattr("processor.translation.engines.routes.get_translator", fake)
    return made


def test_cli_evaluate_json_shape(use_double, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", "--data", str(SHARED_FLORES), "--limit", "20", "--json", "--beam", "2"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) >= {
        "pair", "route", "bleu", "chrf", "chrfpp", "n", "seconds",
        "sentences_per_second", "anchors", "limited",
    }  # fmt: skip
    assert payload["pair"] == "ru-en" and payload["n"] == 20 and payload["limited"] is True
    assert payload["route"] == "test double identity ru->en"
    assert payload["bleu"] < 5  # untranslated Russian against English references
    shipped = json.loads((SHARED_FLORES / "anchors.json").read_text(encoding="utf-8"))
    assert payload["anchors"]["bleu"] == shipped["bleu"]
    (double,) = use_double
    assert len(double.batches) == 1 and len(double.batches[0]) == 20
    assert double.settings.beam_size == 2


def test_cli_evaluate_text_report_and_env_data_dir(
    use_double, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for lang in ("ru", "en"):
        lines = (SHARED_FLORES / f"flores-dev.ru-en.{lang}").read_text("utf-8").splitlines()
        (tmp_path / f"flores-dev.ru-en.{lang}").write_text("\n".join(lines[:5]) + "\n", "utf-8")
    monkeypatch.setenv("PROCESSOR_FLORES_DIR", str(tmp_path))
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 0, result.output
    assert "FLORES-200 dev ru-en: 5 sentences" in result.stdout
    # No anchors.json here: the built-in published numbers are shown.
    for system, score in BUILTIN_ANCHORS["bleu"].items():
        assert any(system in line and f"{score:.1f}" in line for line in result.stdout.splitlines())
    assert "sentences/s" in result.stdout


def test_cli_evaluate_without_data_says_how(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROCESSOR_FLORES_DIR", raising=False)
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 2
    assert "pass --data DIR" in result.stderr and "PROCESSOR_FLORES_DIR" in result.stderr


def test_cli_evaluate_without_a_model_prints_the_hint(model_store) -> None:
    result = CliRunner().invoke(main, ["evaluate", "--data", str(SHARED_FLORES), "--limit", "3"])
    assert result.exit_code == 1
    assert "no installed translation model for ru->en" in result.stderr
    assert "processor models install" in result.stderr


def test_cli_evaluate_real_tiny_model(request: pytest.FixtureRequest, monkeypatch) -> None:
    try:
        request.getfixturevalue("tiny_ru_en")
    except pytest.FixtureLookupError:
        pytest.skip("tiny_ru_en fixture (tests/conftest.py) not available yet")
    result = CliRunner().invoke(
        main, ["evaluate", "--data", str(SHARED_FLORES), "--limit", "3", "--json", "--beam", "1"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["n"] == 3
    assert "ru->en" in payload["route"] or "ru_en" in payload["route"]
    assert 0 <= payload["bleu"] <= 100 and payload["seconds"] > 0
