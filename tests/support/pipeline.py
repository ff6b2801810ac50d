"""Helpers for the pipeline and CLI tests: run the CLI, build small real inputs."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from processor.cli import main
from tests.support.data import SEED


def run(*args: object, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    """``processor ARGS`` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], env=env, input=stdin)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def seed_paragraphs() -> list[str]:
    return [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def article(path: Path, first: int, last: int) -> Path:
    """A real Russian article: paragraphs ``first:last`` of the seed article."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(seed_paragraphs()[first:last]), encoding="utf-8")
    return path


def html_article(path: Path, headline: str, first: int = 1, last: int = 8) -> Path:
    body = "".join(f"<p>{p}</p>" for p in seed_paragraphs()[first:last])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"<html><head><meta charset='utf-8'></head><body><h1>{headline}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def docx_article(path: Path, first: int = 2, last: int = 9) -> Path:
    import docx

    document = docx.Document()
    for paragraph in seed_paragraphs()[first:last]:
        document.add_paragraph(paragraph)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
