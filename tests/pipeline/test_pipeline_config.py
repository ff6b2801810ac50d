"""Issue 8.8: processor.toml gives the defaults; command-line flags override it."""

from __future__ import annotations

from pathlib import Path

import pytest

from processor.config import Config, load_config
from processor.errors import ConfigError
from tests.support.data import SEED
from tests.support.pipeline import lines, run


def _write(folder: Path, text: str) -> Path:
    path = folder / "processor" / "processor.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_values_are_read_and_paths_resolved(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PROCESSOR_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = _write(
        tmp_path,
        'languages = ["RU"]\nglossaries = ["team.yaml"]\noutput = "out"\n'
        'device = "cpu"\nbeam = 2\njobs = 3\nmarking = "For internal use"\n',
    )
    config = load_config()
    assert config == Config(
        languages=("ru",),
        glossaries=(path.parent / "team.yaml",),
        output=path.parent / "out",
        device="cpu",
        beam=2,
        jobs=3,
        marking="For internal use",
        path=path,
    )


def test_no_file_is_no_settings(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PROCESSOR_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config() == Config()
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("langs = ['en']\n", "unknown setting 'langs'"),
        ("beam = 'four'\n", "'beam' must be a whole number"),
        ("device = 'gpu'\n", "'device' must be cpu or cuda or auto"),
        ("languages = [1]\n", "'languages' must be a list of strings"),
        ("beam = \n", "cannot read the configuration"),
    ],
)
def test_a_bad_file_names_the_file_and_the_key(tmp_path: Path, text: str, reason: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ") and reason in str(caught.value)


def test_brief_takes_defaults_from_the_file_and_flags_win(tmp_path: Path) -> None:
    config = _write(tmp_path, 'languages = ["ru"]\nformats = ["md"]\noutput = "briefs"\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path), "PROCESSOR_CONFIG": ""}
    result = run("brief", SEED, env=env)
    assert result.exit_code == 0, result.output
    memo = config.parent / "briefs" / "zakon-tokayev-trump.ru.md"
    assert memo.is_file()
    # Flags override the file.
    out = tmp_path / "flags"
    result = run("brief", SEED, "-o", out, "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == [
        "zakon-tokayev-trump.ru.json"
    ]
    # --config names another file.
    other = tmp_path / "other.toml"
    other.write_text('formats = ["docx"]\nlanguages = ["ru"]\n', encoding="utf-8")
    result = run("brief", SEED, "-o", tmp_path / "o2", "--config", other, env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o2" / "zakon-tokayev-trump.ru.docx").is_file()


def test_a_broken_config_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("jobs = -1\n", encoding="utf-8")
    result = run("brief", SEED, "--config", bad)
    assert result.exit_code == 1
    (line,) = lines(result.stderr)
    assert line.startswith(f"error: {bad}: 'jobs' must be")


def test_marking_from_the_command_line_and_the_config(tmp_path: Path, monkeypatch) -> None:
    import docx as python_docx
    from click.testing import CliRunner

    from processor.cli import main
    from tests.support.data import SEED

    config = tmp_path / "processor.toml"
    config.write_text('marking = "ДСП"\n', encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(
        main, ["brief", str(SEED), "--lang", "ru", "-o", str(out), "--config", str(config)]
    )
    assert result.exit_code == 0, result.output
    (memo,) = out.glob("*.docx")
    header = python_docx.Document(str(memo)).sections[0].header
    assert "ДСП" in "".join(p.text for p in header.paragraphs)
    result = runner.invoke(
        main,
        ["brief", str(SEED), "--lang", "ru", "-o", str(out), "--config", str(config),
         "--marking", "Для служебного пользования"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    header = python_docx.Document(str(memo)).sections[0].header
    assert "Для служебного пользования" in "".join(p.text for p in header.paragraphs)
