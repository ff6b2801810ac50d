"""Progress: a redrawn bar on a terminal, plain per-input lines anywhere else."""

import io

from click.testing import CliRunner

from processor.batch import progress
from processor.cli import main
from tests.support.batch import write_articles


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_shows_count_share_eta_and_current_file(monkeypatch):
    monkeypatch.setattr(progress.time, "monotonic", iter([100.0, 104.0, 104.0]).__next__)
    stream = Terminal()
    bar = progress.Progress(3, enabled=True, stream=stream)
    bar.started("news/a.txt")
    assert stream.getvalue() == "\r[0/3]   0%  news/a.txt\x1b[K"
    bar.finished(lambda: stream.write("ok: news/a.txt\n"))
    bar.started("news/b.txt")
    # the line about a.txt is printed on a cleared line, then the bar comes back
    assert "\r\x1b[Kok: news/a.txt\n\r[1/3]  33%  ETA 8s" in stream.getvalue()
    assert stream.getvalue().endswith("  news/b.txt\x1b[K")
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_skipped_inputs_do_not_count_for_the_eta():
    bar = progress.Progress(4, enabled=False)
    bar.finished(skipped=True)
    assert bar.line() == "[1/4]  25%"  # nothing worked yet: no estimate
    bar.finished()
    assert "ETA" in bar.line()


def test_no_bar_unless_a_terminal(monkeypatch):
    assert not progress.wanted(io.StringIO())
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(Terminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wanted(Terminal())
    stream = io.StringIO()
    bar = progress.Progress(2, enabled=False, stream=stream)
    bar.started("a.txt")
    bar.finished(lambda: stream.write("ok: a.txt\n"))
    bar.close()
    assert stream.getvalue() == "ok: a.txt\n"


def test_durations():
    assert [progress.duration(s) for s in (0, 59.4, 61, 3600 * 2 + 60 * 5)] == [
        "0s",
        "59s",
        "1m01s",
        "2h05m",
    ]


def brief(*args):
    return CliRunner().invoke(
        main, ["brief", *map(str, args), "--lang", "ru", "--no-glossary", "--timeout", "0"]
    )


def test_cli_lines_when_not_a_terminal_and_bar_when_asked(tmp_path):
    paths = write_articles(tmp_path / "in", 2)
    plain = brief(*paths, "-o", tmp_path / "a", "--jobs", "1")
    assert plain.exit_code == 0
    assert "\r" not in plain.output
    assert [line.split(" ->")[0] for line in plain.output.splitlines()] == [
        f"ok: {paths[0]}",
        f"ok: {paths[1]}",
    ]
    shown = brief(*paths, "-o", tmp_path / "b", "--progress")
    assert "\r[0/2]   0%" in shown.output and f"ok: {paths[1]}" in shown.output


def test_quiet_prints_only_problems(tmp_path):
    paths = write_articles(tmp_path / "in", 1)
    missing = tmp_path / "in" / "gone.txt"
    quiet = brief(paths[0], missing, "-o", tmp_path / "out", "-q")
    assert quiet.exit_code == 1
    assert quiet.output.splitlines() == [
        line for line in quiet.output.splitlines() if "gone.txt" in line
    ]
    assert quiet.output.startswith("error: ")
