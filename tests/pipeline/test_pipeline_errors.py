"""One error policy (issue 8.4): any failure of one input is that input's one line; the rest
of the batch is processed, the manifest is always written, and only a missing route is
"missing" (exit 3)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from processor.cli.common import EXIT_FAILED, EXIT_INCOMPLETE
from processor.pipeline import BriefOptions, brief
from tests.support.data import SEED
from tests.support.pipeline import article, html_article, lines, run

HEADLINE = (
    "Срочно: заявление по итогам визита. Президент Казахстана Касым-Жомарт Токаев провел "
    "переговоры с Дональдом Трампом о сотрудничестве в энергетике, инвестициях в добычу нефти "
    "и газа, поставках редкоземельных металлов и развитии транспортного коридора через Каспий "
    "и обсудил новые соглашения о торговле и образовании"
)


def test_long_headline_and_same_names_give_three_memos(tmp_path: Path) -> None:
    """Issue 8, done when: an article with a 300-character headline and two good articles
    both named a.txt, in different folders, give three memos, one line each."""
    assert len(HEADLINE) >= 300
    long = html_article(tmp_path / "in" / "long.html", HEADLINE)
    first = article(tmp_path / "in" / "one" / "a.txt", 2, 9)
    second = article(tmp_path / "in" / "two" / "a.txt", 9, 16)
    out = tmp_path / "out"
    manifest = tmp_path / "manifest.json"
    result = run("brief", long, first, second, "-o", out, "--lang", "ru", "--manifest", manifest)
    stderr = lines(result.stderr)
    assert "Traceback" not in result.output
    assert len(stderr) == 3, stderr  # one line per input
    items = json.loads(manifest.read_text(encoding="utf-8"))["items"]
    assert [item["source"] for item in items] == [str(long), str(first), str(second)]
    written = [Path(p) for item in items for p in item["outputs"]]
    assert len(set(written)) == len(written), "two inputs wrote the same memo"
    # The two a.txt memos are told apart and each holds its own article.
    one, two = (docx.Document(str(Path(items[i]["outputs"][0]))) for i in (1, 2))
    assert one.paragraphs[0].text != two.paragraphs[0].text
    if not items[0]["ok"]:
        # The DOCX writer of this branch still refuses core properties over 255 characters
        # (fixed by the memo branch): the policy makes it one line, and the batch goes on.
        (line,) = [x for x in stderr if x.startswith("error:")]
        assert str(long) in line and "\n" not in line
        assert result.exit_code == EXIT_FAILED
        assert sum(item["ok"] for item in items) == 2
        pytest.xfail("memo branch: core properties shortened to Word's 255 characters")
    assert result.exit_code == 0, result.output
    assert len(written) == 3
    memo = docx.Document(str(written[0]))
    assert any(p.text.startswith("Срочно: заявление") for p in memo.paragraphs)
    assert len(memo.core_properties.title) <= 255


def _explode_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make reading ``name`` raise a bug-like exception (not a ProcessorError)."""
    from processor import preparation

    real = preparation.read

    def read(path: str, *, source_lang: str | None = None):  # type: ignore[no-untyped-def]
        if Path(path).name == name:
            raise KeyError("a bug in a reader")
        return real(path, source_lang=source_lang)

    monkeypatch.setattr(preparation, "read", read)


def test_any_exception_is_that_inputs_line(tmp_path: Path, monkeypatch) -> None:
    bad = article(tmp_path / "bad.txt", 2, 9)
    _explode_on(monkeypatch, "bad.txt")
    manifest = tmp_path / "m.json"
    # In this process (no workers), so the patched reader is the one that runs.
    here = ("--jobs", "1", "--timeout", "0")
    result = run(
        "brief", bad, SEED, "-o", tmp_path / "o", "--lang", "ru", "--manifest", manifest, *here
    )
    assert result.exit_code == EXIT_FAILED
    errors = [x for x in lines(result.stderr) if x.startswith("error:")]
    assert errors == [
        f"error: {bad}: unexpected KeyError: 'a bug in a reader' (run with --debug for a traceback)"
    ]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "o" / "zakon-tokayev-trump.ru.docx").is_file()
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert [i["status"] for i in data["items"]] == ["error", "ok"]
    assert data["exit_code"] == EXIT_FAILED

    debug = run("brief", bad, "-o", tmp_path / "o", "--lang", "ru", "--debug", *here)
    assert "Traceback" in debug.stderr and "KeyError" in debug.stderr


def test_unwritable_manifest_is_one_line_after_the_memos(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(
        "brief", SEED, "-o", tmp_path / "o", "--lang", "ru", "--manifest", blocker / "m.json"
    )
    assert result.exit_code == EXIT_FAILED
    (line,) = [x for x in lines(result.stderr) if x.startswith("error:")]
    assert "manifest" in line and "m.json" in line
    assert "Traceback" not in result.output
    assert (tmp_path / "o" / "zakon-tokayev-trump.ru.docx").is_file()


def test_manifest_to_stdout_is_json(tmp_path: Path) -> None:
    result = run("brief", SEED, "-o", tmp_path, "--lang", "ru", "--manifest", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "processor.manifest/1"
    assert data["items"][0]["outputs"] == [str(tmp_path / "zakon-tokayev-trump.ru.docx")]


def test_missing_glossary_file_is_one_error_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.json"
    result = run(
        "brief",
        SEED,
        "-o",
        tmp_path / "o",
        "--lang",
        "ru",
        "-g",
        tmp_path / "no.yaml",
        "--manifest",
        manifest,
    )
    assert result.exit_code == EXIT_FAILED
    (line,) = lines(result.stderr)
    assert line.startswith("error: ") and "no.yaml" in line
    assert not (tmp_path / "o").exists()
    # The manifest is written all the same: it says why nothing was done.
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["exit_code"] == EXIT_FAILED and data["items"] == []
    assert "no.yaml" in data["error"]


def test_short_translator_output_is_that_batchs_error(tmp_path: Path) -> None:
    from tests.support.doubles import ShortTranslator

    options = BriefOptions(languages=("ru", "en"), use_glossary=False)
    [result] = brief([SEED], tmp_path, options, translator_factory=lambda s, t: ShortTranslator())
    assert not result.ok and result.error is not None
    assert "returned" in result.error and "IndexError" not in result.error
    # The Russian memo, made before, is still there.
    assert [p.name for p in result.outputs] == ["zakon-tokayev-trump.ru.docx"]


def test_short_translator_in_translate(tmp_path: Path, monkeypatch) -> None:
    from tests.support.doubles import ShortTranslator

    monkeypatch.setattr(
        "processor.translation.engines.routes.get_translator",
        lambda s, t, settings=None: ShortTranslator(),
    )
    src = article(tmp_path / "a.txt", 2, 5)
    result = run("translate", src, "--to", "en", "-o", tmp_path / "out", "--no-glossary")
    assert result.exit_code == EXIT_FAILED
    (line,) = lines(result.stderr)
    assert line.startswith(f"error: {src}") and "returned" in line


@pytest.mark.parametrize("command", ["brief", "translate"])
def test_device_error_is_exit_1_not_missing(
    command: str, tmp_path: Path, tiny_ru_en, no_network
) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a GPU")
    src = article(tmp_path / "a.txt", 2, 5)
    args = ["--lang", "en"] if command == "brief" else ["--to", "en"]
    result = run(command, src, *args, "-o", tmp_path / "o", "--device", "cuda", "--no-glossary")
    assert result.exit_code == EXIT_FAILED, result.output
    errors = [x for x in lines(result.stderr) if x.startswith("error:")]
    assert len(errors) == 1 and "CUDA" in errors[0]
    assert not any(x.startswith("missing:") for x in lines(result.stderr))


def test_no_model_for_any_language_still_writes_the_source_memo(tmp_path: Path, model_store):
    """Issue 8.3: offline, the run command ends with a memo and says what to install."""
    result = run("brief", SEED, "-o", tmp_path, "--lang", "en,kk", "--no-glossary")
    assert result.exit_code == EXIT_INCOMPLETE
    memo = tmp_path / "zakon-tokayev-trump.ru.docx"
    assert memo.is_file()
    assert docx.Document(str(memo)).core_properties.language == "ru-RU"
    out = lines(result.stderr)
    # Issue 19.8: one line for the input (not a warning, a missing and an ok line) ...
    assert [x for x in out if str(SEED) in x] == [
        f"warning: {SEED} -> {memo}: no model for en, kk: wrote the ru memo instead"
    ]
    # ... and why each language is missing once, at the end.
    summary = out[1:]
    assert len(summary) == 3, out
    assert summary[0].startswith("missing: en: ") and "processor models install" in summary[0]
    assert summary[1].startswith("missing: kk: ") and "without internet" in summary[1]
    assert "copy the model file" in summary[2]


def test_a_memo_force_cannot_replace_fails_the_run(tmp_path: Path, monkeypatch) -> None:
    """Issue 19.10: a read-only memo that --force cannot replace is that input's error:
    exit 1 for brief and translate, and the manifest says so."""
    from tests.support.doubles import tagging

    monkeypatch.setattr(
        "processor.translation.engines.routes.get_translator",
        lambda source, target, settings=None: tagging(target, source=source),
    )
    src = article(tmp_path / "a.txt", 2, 6)
    out = tmp_path / "out"
    args = ("--lang", "ru", "--no-glossary", "--jobs", "1", "--timeout", "0")
    assert run("brief", src, "-o", out, *args).exit_code == 0
    memo = out / "a.ru.docx"
    memo.chmod(0o444)
    manifest = tmp_path / "manifest.json"
    forced = run("brief", src, "-o", out, *args, "--force", "--manifest", manifest)
    assert forced.exit_code == EXIT_FAILED, forced.output
    assert lines(forced.stderr) == [f"error: {memo}: is read-only; not replaced"]
    [item] = json.loads(manifest.read_text(encoding="utf-8"))["items"]
    assert item["status"] == "error" and item["outputs"] == []

    translated = tmp_path / "a.en.txt"
    assert run("translate", src, "--to", "en", "-o", tmp_path).exit_code == 0
    translated.chmod(0o444)
    again = run("translate", src, "--to", "en", "-o", tmp_path)
    assert again.exit_code == EXIT_FAILED
    assert lines(again.stderr) == [f"error: {translated}: is read-only; not replaced"]
