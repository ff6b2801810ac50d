"""Issue 13's batch: a 3,000-deep and a 100,000-deep HTML beside two good articles.

However the HTML reader copes with such nesting, the time budget bounds the batch: it
finishes within a minute with two memos and one line for each hostile file.
"""

import time

import docx

from tests.support.batch import run_brief, stray_files, write_articles


def nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "Текст." + "</div>" * depth + "</body></html>"


def test_deep_html_costs_only_itself(tmp_path):
    inputs = tmp_path / "in"
    good = write_articles(inputs, 2)
    shallow, deep = inputs / "deep-3000.html", inputs / "deep-100000.html"
    shallow.write_text(nested_html(3000), encoding="utf-8")
    deep.write_text(nested_html(100_000), encoding="utf-8")
    out = tmp_path / "out"

    start = time.monotonic()
    result = run_brief(inputs, "-o", out, "--lang", "ru", "--timeout", "20", timeout=120)
    assert time.monotonic() - start < 60
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    failures = [line for line in lines if line.startswith("error: ")]
    assert len(failures) == 2, result.stderr
    assert any(str(shallow) in line for line in failures)
    assert any(str(deep) in line for line in failures)
    assert "Traceback" not in result.stderr
    for path in good:
        assert any(line.startswith(f"ok: {path}") for line in lines)
    memos = sorted(out.glob("*.docx"))
    assert [m.name for m in memos] == ["article-000.ru.docx", "article-001.ru.docx"]
    for memo in memos:
        assert docx.Document(memo).paragraphs[0].text
    assert not stray_files(out)
