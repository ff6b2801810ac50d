"""Every README example that can run offline runs: the Python blocks, and each `processor ...`
command (its --help always; the command itself unless it is listed in SKIP).

The test reads whatever README.md says: a rewritten README is tested as it stands.  Inputs
the examples name (article.txt, news/, report.docx ...) are made from the seed article in a
scratch folder; models are an empty, isolated store, and the network is closed.
"""

from __future__ import annotations

import itertools
import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.support.data import REPO, SEED
from tests.support.pipeline import docx_article, html_article, run

README = REPO / "README.md"

# Commands that are shown but not run here (their --help still is), and why.
SKIP = {
    "models install": "downloads or needs model files",
    "models remove": "changes the model store",
    "evaluate": "needs a translation model (tests/translation/test_evaluate.py gives one)",
    "pip ": "installs packages",
    "serve": "starts a server (tests/service/test_service.py starts one on loopback)",
    "--executor ray": "needs the ray extra (tests/batch/test_ray_*.py)",
}
# Commands that fail today for a reason another issue fixes; each says which.
KNOWN: dict[str, str] = {}
# Exit codes an offline run may end with: 3 when a translation model is missing.
OFFLINE_OK = (0, 3)
OUTPUT_FLAGS = {"-o", "--output", "--manifest", "--data", "--config"}
INPUT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")


def _blocks(language: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def _commands() -> list[list[str]]:
    """Every `processor ...` command of the shell blocks, with `&&` chains split."""
    commands: list[list[str]] = []
    for block in _blocks("bash") + _blocks("sh") + _blocks("console"):
        for line in block.splitlines():
            line = line.split("  #")[0].strip().removeprefix("$ ")
            for part in re.split(r"&&|\|", line):
                words = shlex.split(part, comments=True)
                if words[:1] == ["processor"] and words[1:] not in [c[1:] for c in commands]:
                    commands.append(words)
    return commands


def _name(words: list[str]) -> str:
    return " ".join(words[1:3])


def _inputs(words: list[str], cwd: Path) -> None:
    """Create the inputs a command names, from the seed article."""
    for before, word in zip(["", *words], words, strict=False):
        if before in OUTPUT_FLAGS or word.startswith("-") or (cwd / word).exists():
            continue
        path = cwd / word
        if word.endswith("/"):
            path.mkdir(parents=True)
            shutil.copy(SEED, path / "a.ru.txt")
            html_article(path / "sub" / "b.html", "Токаев провел переговоры в Вашингтоне")
        elif word.endswith(".docx"):
            docx_article(path)
        elif word.endswith((".html", ".htm")):
            html_article(path, "Токаев провел переговоры в Вашингтоне")
        elif word.endswith(INPUT_SUFFIXES):
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(SEED, path)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch, model_store, no_network) -> Path:
    """A folder like a fresh clone's working folder: examples/ present, no models."""
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.delenv("PROCESSOR_CONFIG", raising=False)
    return tmp_path


def _shell_words() -> list[str]:
    """Every word of every shell block, comments left out."""
    words: list[str] = []
    for block in _blocks("bash") + _blocks("sh") + _blocks("console"):
        for line in block.splitlines():
            words += shlex.split(line.split("  #")[0].removeprefix("$ "), comments=True)
    return words


def test_no_command_refers_outside_the_repository() -> None:
    """Issue 19.5: a user's clone has nothing beside it (no shared data folder); every
    relative path a command names stays inside the repository, and one that names a
    repository folder exists."""
    words = _shell_words()
    outside = [w for w in words if w.startswith("../") or "/../" in w or w == ".."]
    assert outside == [], f"README commands refer outside the repository: {outside}"
    ours = [w for w in words if w.split("/")[0] in ("tests", "examples", "glossaries", "bench")]
    assert ours, "the README names repository folders in its commands"
    assert [w for w in ours if not (REPO / w).exists()] == []


def test_readme_has_examples() -> None:
    assert _blocks("python"), "the README shows the Python API"
    assert len(_commands()) >= 5


@pytest.mark.parametrize("block", _blocks("python"), ids=lambda b: b.split("\n")[0][:40])
def test_python_block_runs(block: str, scratch: Path) -> None:
    for name in re.findall(r"[\"']([^\"']+)[\"']", block):
        if name.endswith(INPUT_SUFFIXES) and not name.startswith("/"):
            _inputs([name], scratch)
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w[1:4]))
def test_command_help(words: list[str]) -> None:
    result = run(*words[1:], "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w[1:4]))
def test_command_runs_offline(words: list[str], scratch: Path) -> None:
    line = " ".join(words)
    why = next((why for key, why in SKIP.items() if key in line), None)
    if why:
        pytest.skip(f"not run here: {why}")
    known = KNOWN.get(_name(words))
    _inputs(words[1:], scratch)
    # `cat article.txt | processor ... -`: standard input is an article.
    stdin = SEED.read_text(encoding="utf-8") if "-" in words[2:] else None
    result = run(*words[1:], stdin=stdin)
    if known and result.exit_code not in OFFLINE_OK:
        pytest.xfail(known)
    assert result.exit_code in OFFLINE_OK, result.output
    assert "Traceback" not in result.output
    if words[1] == "brief":
        # Offline, every brief still ends with a memo (the source language's if need be).
        outdir = scratch / _option(words, "-o", "--output", default="briefs")
        assert any(p.suffix in (".docx", ".md", ".json") for p in outdir.rglob("*.*")), line


def _option(words: list[str], *names: str, default: str) -> str:
    for before, word in itertools.pairwise(words):
        if before in names:
            return word
    return default
