"""`processor brief` end to end on real files: open what was written and check it."""

import json
import os
import zipfile

import docx
from click.testing import CliRunner

from processor.cli import main
from processor.cli.common import EXIT_FAILED, EXIT_INCOMPLETE, EXIT_OK
from tests.support.data import SEED


def run(*args, env=None):
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result


def _bullets(document):
    return [p.text for p in document.paragraphs if p.style.name == "List Bullet"]


def _section(document, heading):
    """Paragraph texts under ``heading`` up to the next Heading 1."""
    out, inside = [], False
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if inside:
            out.append(p.text)
    return out


def test_russian_memo_structure(tmp_path):
    result = run("brief", str(SEED), "-o", str(tmp_path), "--lang", "ru", "--no-glossary")
    assert result.exit_code == EXIT_OK, result.output
    path = tmp_path / "zakon-tokayev-trump.ru.docx"
    document = docx.Document(path)
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title"
    assert "Heading 1" in styles
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Главное", "Ключевые тезисы", "Ключевые цифры"]
    [bottom_line] = _section(document, "Главное")
    key_points = _section(document, "Ключевые тезисы")
    assert 3 <= len(key_points) <= 7
    assert not any(k.rstrip().endswith("?") for k in key_points)
    assert len(set(key_points)) == len(key_points)
    # The bottom line is read first and not repeated in the list below it.
    assert not any(k in bottom_line for k in key_points)
    [figures_table] = [t for t in document.tables if t.rows[0].cells[0].text == "Цифра"]
    figures = " ".join(c.text for row in figures_table.rows for c in row.cells)
    assert "55 миллиардов" in figures and "17 миллиардов" in figures
    meta = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert meta["Источник"] == "Zakon.kz"  # the lead says "сообщает Zakon.kz"
    assert meta["Язык оригинала"] == "русский"
    props = document.core_properties
    assert props.language == "ru-RU" and props.title == document.paragraphs[0].text
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "processor" in footer_xml


def test_formats_and_full_text(tmp_path):
    result = run(
        "brief",
        str(SEED),
        "-o",
        str(tmp_path),
        "--lang",
        "ru",
        "--no-glossary",
        "--format",
        "docx,md,json",
        "--full-text",
        "--sentences",
        "3",
    )
    assert result.exit_code == EXIT_OK, result.output
    data = json.loads((tmp_path / "zakon-tokayev-trump.ru.json").read_text(encoding="utf-8"))
    assert data["schema"] == "processor.memo/1"
    assert len(data["key_points"]) == 3
    assert all(item["sentence_ids"] for item in data["key_points"])
    md = (tmp_path / "zakon-tokayev-trump.ru.md").read_text(encoding="utf-8")
    assert "## Ключевые тезисы" in md and "## Полный текст" in md
    document = docx.Document(tmp_path / "zakon-tokayev-trump.ru.docx")
    full = " ".join(_section(document, "Полный текст"))
    assert "Chevron за все это время вложил" in full


def test_reproducible_with_source_date_epoch(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
    for name in ("a", "b"):
        result = run(
            "brief", str(SEED), "-o", str(tmp_path / name), "--lang", "ru", "--no-glossary", env=env
        )
        assert result.exit_code == EXIT_OK
    first = (tmp_path / "a" / "zakon-tokayev-trump.ru.docx").read_bytes()
    second = (tmp_path / "b" / "zakon-tokayev-trump.ru.docx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a" / "zakon-tokayev-trump.ru.docx") as z:
        assert z.getinfo("word/document.xml").date_time[:3] == (2026, 1, 1)
    assert (
        docx.Document(tmp_path / "a" / "zakon-tokayev-trump.ru.docx").core_properties.created.year
        == 2026
    )


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "out"
    result = run(
        "brief",
        str(empty),
        str(SEED),
        str(broken),
        str(tmp_path / "missing.txt"),
        "-o",
        str(out),
        "--lang",
        "ru",
        "--no-glossary",
    )
    assert result.exit_code == EXIT_FAILED
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 3
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("broken.docx" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert "Traceback" not in result.output
    # The state file records the one memo written, so that a re-run skips it.
    assert sorted(p.name for p in out.iterdir()) == [
        ".processor-state.json",
        "zakon-tokayev-trump.ru.docx",
    ]


def test_missing_language_reports_install_command(tmp_path, model_store):
    result = run("brief", str(SEED), "-o", str(tmp_path), "--lang", "ru,en", "--no-glossary")
    assert result.exit_code == EXIT_INCOMPLETE
    assert "processor models install" in result.output
    assert (tmp_path / "zakon-tokayev-trump.ru.docx").exists()
    assert not (tmp_path / "zakon-tokayev-trump.en.docx").exists()


def test_non_russian_input_is_refused(tmp_path):
    kk = tmp_path / "kk.txt"
    kk.write_text(
        "Мемлекет басшысы Қасым-Жомарт Тоқаев Ақордада үкімет отырысын өткізді. "
        "Президент экономиканың өсуі туралы айтты және әкімдерге тапсырма берді.",
        encoding="utf-8",
    )
    result = run("brief", str(kk), "-o", str(tmp_path / "o"), "--lang", "ru", "--no-glossary")
    assert result.exit_code == EXIT_FAILED
    assert "kk.txt" in result.output and "--source-lang" in result.output


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("brief", str(SEED), "-o", str(blocker / "sub"), "--lang", "ru", "--no-glossary")
    assert result.exit_code == EXIT_FAILED
    assert "error:" in result.output and "Traceback" not in result.output


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    from processor import fileio

    real_open = open

    def half_then_interrupt(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        if "w" in mode and str(path).endswith(".part"):
            handle.write(b"PK half a zip")
            handle.close()
            raise KeyboardInterrupt
        return handle

    monkeypatch.setattr(fileio, "open", half_then_interrupt, raising=False)
    result = CliRunner().invoke(
        main, ["brief", str(SEED), "-o", str(tmp_path), "--lang", "ru", "--no-glossary"]
    )
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_manifest_lists_outcomes(tmp_path):
    manifest = tmp_path / "manifest.json"
    result = run(
        "brief",
        str(SEED),
        str(tmp_path / "nope.txt"),
        "-o",
        str(tmp_path / "o"),
        "--lang",
        "ru",
        "--no-glossary",
        "--manifest",
        str(manifest),
    )
    assert result.exit_code == EXIT_FAILED
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["exit_code"] == EXIT_FAILED
    ok = [item for item in data["items"] if item["ok"]]
    assert len(ok) == 1 and ok[0]["outputs"][0].endswith("zakon-tokayev-trump.ru.docx")


def test_help_is_cheap():
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from processor.cli import main; "
        "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0; "
        "heavy = {'ctranslate2', 'natasha', 'pymorphy3', 'sumy', 'docx', 'argostranslate'}; "
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ}
    )
    assert out.stdout.strip() == "[]"
