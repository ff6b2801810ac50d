"""The Python API: names, keyword-only options, one Result type."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.data import SEED


def test_readme_names_import_as_functions_even_after_the_subpackage() -> None:
    code = (
        "import processor.summarize\n"
        "from processor import BriefOptions, brief, read, summarize\n"
        f"doc = read({str(SEED)!r})\n"
        "selection = summarize(doc, algorithm='lexrank', sentences=3)\n"
        "print(len(selection.key_points), callable(brief), BriefOptions().languages)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "True", "('en',", "'kk')"]


def test_options_are_keyword_only() -> None:
    from processor import BriefOptions, TranslateOptions

    with pytest.raises(TypeError):
        BriefOptions(("en",))  # type: ignore[misc]
    with pytest.raises(TypeError):
        TranslateOptions("en")  # type: ignore[misc]


def test_brief_takes_folders_and_returns_results(tmp_path: Path) -> None:
    from processor import BriefOptions, Result, brief, exit_code

    results = brief([SEED.parent], tmp_path, BriefOptions(languages=("ru",), formats=("md",)))
    assert all(isinstance(r, Result) for r in results)
    [result] = results
    assert result.status == "ok" and exit_code(results) == 0
    assert result.outputs == [tmp_path / "zakon-tokayev-trump.ru.md"]
    assert result.memos[0].language == "ru"
    assert result.record()["outputs"] == [str(tmp_path / "zakon-tokayev-trump.ru.md")]


def test_translate_files_is_library(tmp_path: Path) -> None:
    from processor import Result, TranslateOptions, translate_files
    from tests.support.doubles import tagging

    src = tmp_path / "a.txt"
    src.write_text(
        "Президент Касым-Жомарт Токаев провел совещание в Астане с членами правительства.\n",
        encoding="utf-8",
    )
    [result] = translate_files(
        [src],
        tmp_path / "out",
        TranslateOptions(target="en"),
        translator_factory=lambda s, t: tagging(target=t, source=s),
    )
    assert isinstance(result, Result) and result.ok, result.error
    [dest] = result.outputs
    assert "Kassym-Jomart Tokayev" in dest.read_text(encoding="utf-8")


def test_prepare_runs_in_a_worker_process() -> None:
    """The batch executor's seam: prepare(path, options) and its result cross processes."""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    from processor import BriefOptions, prepare

    options = BriefOptions(languages=("ru",), sentences=3)
    context = multiprocessing.get_context("spawn")  # no state inherited from this process
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote = pool.submit(prepare, str(SEED), options).result(timeout=300)
    local = pickle.loads(pickle.dumps(prepare(str(SEED), options)))
    assert remote.selection.sentence_ids() == local.selection.sentence_ids()
    assert len(remote.selection.key_points) == 3
    assert remote.findings is not None and remote.findings == local.findings
    names = {row.ru for row in remote.findings.names}
    assert "Касым-Жомарт Токаев" in names


def test_the_glossary_matches_each_text_once(tmp_path: Path, monkeypatch) -> None:
    """Issue 7: one match of the document (report) and one of each translated text (hold),
    however many memo languages there are."""
    from collections import Counter

    from processor import BriefOptions, brief
    from processor.glossary.types import Glossary
    from tests.support.doubles import tagging

    calls: Counter[tuple[int, str]] = Counter()
    real = Glossary.find

    def find(self: Glossary, text: str):  # type: ignore[no-untyped-def]
        calls[(id(self), text)] += 1
        return real(self, text)

    monkeypatch.setattr(Glossary, "find", find)
    options = BriefOptions(languages=("en", "kk", "ru"), sentences=3, formats=("json",))
    [result] = brief(
        [SEED], tmp_path, options, translator_factory=lambda s, t: tagging(target=t, source=s)
    )
    assert result.ok and len(result.outputs) == 3, result.error
    assert any(len(text) > 2000 for _, text in calls)  # the whole article, in prepare()
    assert max(calls.values()) == 1, calls.most_common(1)


def test_brief_batch_imports_from_the_package_the_readme_names() -> None:
    """Issue 19.9: ``from processor.batch import brief_batch`` (the README's name)."""
    code = "from processor.batch import brief_batch\nprint(brief_batch.__module__)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "processor.batch.run"


def test_missing_has_one_shape_in_python_and_the_manifest(tmp_path: Path, model_store) -> None:
    """Issue 19.9: ``Result.missing`` is a list of (language, reason, install), as the
    manifest and the HTTP API give it."""
    import json

    from processor import BriefOptions, Missing, brief, write_manifest

    [result] = brief([SEED], tmp_path, BriefOptions(languages=("en",), use_glossary=False))
    [missing] = result.missing
    assert isinstance(missing, Missing)
    assert (missing.language, missing.reason) == ("en", "no installed translation model for ru->en")
    assert missing.install == "processor models install translate-ru_en"
    manifest = write_manifest(tmp_path / "manifest.json", [result])
    [item] = json.loads(manifest.read_text(encoding="utf-8"))["items"]
    assert item["missing"] == [
        {
            "language": "en",
            "reason": "no installed translation model for ru->en",
            "install": "processor models install translate-ru_en",
        }
    ]
