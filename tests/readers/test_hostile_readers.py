"""Hostile files (tests/data/hostile/): a document or one line, in seconds, nothing run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from processor.cli import main
from processor.cli.common import EXIT_FAILED
from processor.errors import GlossaryError, InputError, ProcessorError
from processor.glossary.imports import import_file
from processor.glossary.load import read_glossary
from processor.readers import ReadLimits, read_bytes, read_document
from tests.support import data
from tests.support.data import SEED

HOSTILE = data.HOSTILE
# A hang guard, not a speed target: every case here takes well under a second.
BOUND = 30.0
TEXT = "Об этом президент Казахстана заявил в ходе телефонного разговора с президентом США."


def _fails(read, path: Path, error: type[ProcessorError], reason: str) -> str:
    start = time.monotonic()
    with pytest.raises(error) as info:
        read(path)
    assert time.monotonic() - start < BOUND
    message = str(info.value)
    assert "\n" not in message
    assert path.name in message
    assert reason in message
    return message


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("docx-billion-laughs.docx", "not a valid DOCX file (Maximum entity amplification"),
        ("docx-deep-3000.docx", "not a valid DOCX file (Excessive depth"),
        ("docx-zip-bomb.docx", "over the 200:1 limit"),
        ("docx-encrypted-flag.docx", "DOCX has encrypted parts"),
        ("docx-password.docx", "DOCX is password-protected"),
        ("found-docx-content-types-namespace.docx", "not a valid DOCX file ('lxml.etree"),
        ("html-deep-3000.html", "HTML is nested over 512 levels deep"),
        ("pdf-encrypted.pdf", "PDF is encrypted"),
        ("pdf-truncated.pdf", "not a valid PDF file"),
        ("pdf-deep-arrays.pdf", "not a valid PDF file (objects nested too deep)"),
    ],
)
def test_hostile_documents_fail_in_one_line(name, reason):
    _fails(read_document, HOSTILE / name, InputError, reason)


def test_docx_external_entity_is_not_fetched():
    doc = read_document(HOSTILE / "docx-xxe.docx")
    assert TEXT in doc.text
    assert "root:" not in doc.text and "/bin/" not in doc.text


def test_docx_with_a_broken_styles_part_reads_its_text():
    """Found by the fuzzer: styles.xml in the wrong namespace gave AttributeError."""
    doc = read_document(HOSTILE / "found-docx-styles-namespace.docx")
    assert TEXT in [p.text for p in doc.paragraphs]
    assert {p.kind for p in doc.paragraphs} == {"body", "table_cell"}  # no styles, no kinds


@pytest.mark.parametrize("name", ["html-wide-3000-p.html", "html-nested-chrome.html"])
def test_pages_that_were_quadratic_read(name):
    start = time.monotonic()
    doc = read_document(HOSTILE / name, check_language=False)
    assert time.monotonic() - start < BOUND
    assert doc.paragraphs
    if name == "html-nested-chrome.html":
        assert doc.paragraphs[-1].text == TEXT


def test_html_100000_deep_fails_fast(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{TEXT}</p>", encoding="utf-8")
    _fails(read_document, path, InputError, "HTML is nested over 512 levels deep")


def test_html_element_limit(tmp_path):
    path = tmp_path / "wide.html"
    path.write_text("<html><body>" + "<p>Да." * 50_001, encoding="utf-8")
    _fails(read_document, path, InputError, "HTML has over 50000 elements")


def test_deep_html_within_a_raised_limit_reads_without_recursion():
    """The walk uses its own stack: 1,500 levels, above Python's recursion limit, read fine."""
    html = "<html><body>" + "<div>" * 1500 + f"<p>{TEXT}</p>" + "</div>" * 1500
    doc = read_bytes(html.encode(), name="deep.html", limits=ReadLimits(max_html_depth=2000))
    assert [p.text for p in doc.paragraphs] == [TEXT]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("glossary-deep.yaml", "bad YAML: nested too deep"),
        ("glossary-deep-map.yaml", "bad YAML: nested too deep"),
        ("glossary-alias-bomb.yaml", "glossary-alias-bomb.yaml"),
        ("glossary-python-tag.yaml", "an entry must be a mapping"),
        ("glossary-big-field.csv", "bad CSV: field larger than field limit"),
        ("glossary-xxe.tbx", "undefined entity"),
        ("glossary-billion-laughs.tbx", "amplification"),
        ("found-glossary-nul.yaml", "bad YAML: unacceptable character"),
        ("found-glossary-bad-encoding.tbx", "bad TBX (XML): unknown encoding"),
    ],
)
def test_hostile_glossaries_fail_in_one_line(name, reason):
    _fails(read_glossary, HOSTILE / name, GlossaryError, reason)


def test_python_tag_runs_nothing(tmp_path):
    with pytest.raises(GlossaryError):
        read_glossary(HOSTILE / "glossary-python-tag.yaml")
    assert not Path("/tmp/pwned").exists()


def test_two_column_csv_with_a_huge_field(tmp_path):
    path = tmp_path / "two.csv"
    path.write_bytes(b'"' + b"x" * 140_000 + b'",y\n')
    message = _fails(lambda p: import_file(p, target="en"), path, GlossaryError, "bad CSV")
    assert message.startswith(f"{path}:1:")


# ------------------------------------------------------------------ size limit


def test_size_limit_from_the_api(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 100, encoding="utf-8")
    message = _fails(
        lambda p: read_document(p, limits=ReadLimits(max_bytes=1000)),
        path,
        InputError,
        "over the 1000 bytes limit per input",
    )
    assert "PROCESSOR_MAX_INPUT_MB" in message
    assert read_document(path, limits=ReadLimits(max_bytes=100_000)).paragraphs


def test_size_limit_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "big.html"
    path.write_bytes(b"<html><body><p>" + TEXT.encode() * 2000 + b"</p></body></html>")
    monkeypatch.setenv("PROCESSOR_MAX_INPUT_MB", "0.1")
    _fails(read_document, path, InputError, "over the 0.1 MB limit per input")
    monkeypatch.setenv("PROCESSOR_MAX_INPUT_MB", "lots")
    with pytest.raises(ProcessorError, match="PROCESSOR_MAX_INPUT_MB must be a positive number"):
        read_document(path)
    monkeypatch.setenv("PROCESSOR_MAX_INPUT_MB", "1")
    assert read_document(path).paragraphs


def test_size_limit_bounds_stdin(monkeypatch):
    import io
    import sys
    import types

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BufferedReader(Endless())))
    with pytest.raises(InputError, match=r"<stdin>: file is 1\.0 MB, over the 1\.0 MB limit"):
        read_document("-", limits=ReadLimits(max_bytes=1024 * 1024))


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="max_bytes must be a positive integer"):
        ReadLimits(max_bytes=0)
    with pytest.raises(ValueError, match="max_html_depth can be at most 2048"):
        ReadLimits(max_html_depth=5000)


# ------------------------------------------------------------------- batch


def test_batch_with_deep_pages_writes_the_good_memos(tmp_path):
    deep = tmp_path / "deep-100000.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{TEXT}</p>", encoding="utf-8")
    good_html = tmp_path / "good.html"
    good_html.write_text(
        f"<html><body><article><h1>Токаев и Трамп</h1><p>{TEXT}</p>"
        f"<p>Стороны обсудили сотрудничество в энергетике и торговле.</p></article></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    start = time.monotonic()
    result = CliRunner().invoke(
        main,
        [
            "brief",
            str(HOSTILE / "html-deep-3000.html"),
            str(deep),
            str(SEED),
            str(good_html),
            "-o",
            str(out),
            "--lang",
            "ru",
            "--no-glossary",
        ],
        catch_exceptions=False,
    )
    assert time.monotonic() - start < 60
    assert result.exit_code == EXIT_FAILED
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert all("nested over 512 levels" in line for line in errors)
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "good.ru.docx",
        "zakon-tokayev-trump.ru.docx",
    ]
