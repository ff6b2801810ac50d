"""Inputs around the formats: stdin, the errors a user sees, directories expanded."""

from __future__ import annotations

import io
import os
import sys
import types

import pytest

from processor.readers import (
    SUPPORTED_SUFFIXES,
    expand_inputs,
    read_bytes,
    read_document,
)
from tests.support.readers import PAGE, assert_input_error, write_docx

SHORT = "Президент провёл встречу с министром иностранных дел. Стороны обсудили сотрудничество."


# --------------------------------------------------------------------- stdin


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_plain_text_in_cp1251(monkeypatch):
    _stdin(monkeypatch, f"Заголовок новости\n\n{SHORT}\n".encode("cp1251"))
    doc = read_document("-")
    assert doc.meta.path == "-"
    assert doc.meta.name == "<stdin>"
    assert doc.meta.format == "txt"
    assert doc.meta.encoding == "cp1251"
    assert doc.title == "Заголовок новости"
    assert doc.body[0].text == SHORT


def test_stdin_html_is_sniffed(monkeypatch):
    _stdin(monkeypatch, PAGE.format(charset="utf-8").encode("utf-8"))
    doc = read_document("-")
    assert doc.meta.format == "html"
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert "Меню" not in doc.text


def test_read_bytes_with_explicit_format():
    doc = read_bytes(f"# Заголовок\n\n{SHORT}\n".encode(), name="note", format="md")
    assert doc.meta.format == "md"
    assert doc.title == "Заголовок"
    assert doc.meta.path == "note"


# -------------------------------------------------------------------- errors


def test_missing_file(tmp_path):
    assert_input_error(tmp_path / "nope.txt", "no such file")


def test_directory_given_to_read_document(tmp_path):
    assert_input_error(tmp_path, "is a directory")


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n", "\ufeff \u00a0\n".encode()])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_input_error(path, "file is empty")


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02binary\x00data" * 20,
        bytes(range(1, 32)) * 10 + "текст".encode(),
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
    ],
)
def test_binary_content(tmp_path, content):
    path = tmp_path / "junk.md"
    path.write_bytes(content)
    assert_input_error(path, "not a text file (binary content)")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "article.xyz"
    path.write_text(SHORT, encoding="utf-8")
    err = assert_input_error(path, "unsupported file type '.xyz'; supported: ")
    assert all(suffix in str(err) for suffix in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize("content", [b"this is not a zip", b"PK\x03\x04truncated"])
def test_broken_docx(tmp_path, content):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    assert_input_error(path, "not a valid DOCX file (")


def test_truncated_docx(tmp_path):
    good = tmp_path / "good.docx"
    write_docx(good)
    path = tmp_path / "truncated.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert_input_error(path, "not a valid DOCX file (")


def test_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    assert_input_error(path, "not a valid PDF file")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(SHORT, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make the OS answer as for a user
        real_open = os.open

        def deny(name: str, *args: object, **kwargs: object) -> int:
            if os.fspath(name) == str(path):
                raise PermissionError(13, "Permission denied", str(name))
            return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

        # The reader opens the file itself (processor.access.read_regular).
        monkeypatch.setattr(os, "open", deny)
    try:
        assert_input_error(path, "permission denied")
    finally:
        path.chmod(0o644)


# ------------------------------------------------------------ expand_inputs


def test_expand_inputs_walks_directories(tmp_path):
    root = tmp_path / "in"
    for rel in [
        "b.txt",
        "a.DOCX",
        "sub/c.md",
        "sub/deeper/d.html",
        "sub/e.pdf",
        "notes.xyz",
        ".hidden.txt",
        ".git/config.txt",
        "~$lock.docx",
        "sub/~$other.docx",
    ]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    single = tmp_path / "single.htm"
    single.write_text("x", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")

    got = expand_inputs(
        [str(single), str(root), "-", missing, str(tmp_path / "empty"), str(single)]
    )
    assert got == [
        str(single),
        str(root / "a.DOCX"),
        str(root / "b.txt"),
        str(root / "sub" / "c.md"),
        str(root / "sub" / "deeper" / "d.html"),
        str(root / "sub" / "e.pdf"),
        "-",
        missing,
        str(tmp_path / "empty"),
    ]
    assert_input_error(missing, "no such file")
    assert_input_error(tmp_path / "empty", "no supported files")
