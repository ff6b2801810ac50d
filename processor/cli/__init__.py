"""The ``processor`` command.

Subcommands live in their own modules and are imported only when invoked, so
``processor --help`` never pays for CTranslate2, natasha or pymorphy.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Any

import click

from processor import __version__

# command name -> "module:attribute"; the module is imported on first use.
COMMANDS: dict[str, str] = {
    "summarize": "processor.cli.documents:summarize",
    "brief": "processor.cli.documents:brief",
    "digest": "processor.cli.digest:digest",
    "translate": "processor.cli.translate:translate",
    "evaluate": "processor.cli.translate:evaluate",
    "models": "processor.cli.models:models",
    "glossary": "processor.cli.glossary:glossary",
    "serve": "processor.cli.serve:serve",
}

# One-line help shown by ``processor --help`` without importing the command.
SHORT_HELP: dict[str, str] = {
    "summarize": "Print the key sentences of Russian articles.",
    "brief": "Write briefing memos (DOCX, Markdown, JSON) in English, Kazakh or Russian.",
    "digest": "Write one press digest of many articles: each story once, with its outlets.",
    "translate": "Translate whole documents, keeping their structure.",
    "evaluate": "Score installed models on FLORES-200 (BLEU, chrF).",
    "models": "List, install and remove translation models.",
    "glossary": "Find glossary terms, suggest new entries, check glossary files.",
    "serve": "Run the HTTP service and web page (loopback by default).",
}


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EBADF, errno.EDQUOT}


def _drop_stdout() -> None:
    """Send what is left of stdout to /dev/null, so that the exit does not fail flushing it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)


def _open_stderr() -> None:
    """With stderr closed (`2>&-`), lines go to /dev/null: a write that fails must not turn
    a good run into exit 1."""
    try:
        os.fstat(2)
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != 2:
            os.dup2(devnull, 2)
            os.close(devnull)
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 (the process's stderr)


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        if ctx.resilient_parsing and cmd_name in SHORT_HELP:
            # --help listing: a cheap stand-in carries the one-line help.
            return click.Command(cmd_name, short_help=SHORT_HELP[cmd_name])
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def invoke(self, ctx: click.Context) -> Any:
        _open_stderr()
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a full disk shows here, not in a traceback at exit
        except BrokenPipeError:
            # The reader stopped (`| head`): it has what it wanted, which is no failure.
            _drop_stdout()
            sys.exit(0)
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise
            # stdout is full or gone (`> /dev/full`): one line, and an exit that does not
            # fail again flushing what is left.
            _drop_stdout()
            click.secho(
                f"error: cannot write to standard output: {exc.strerror or exc}", fg="red", err=True
            )
            sys.exit(1)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="processor")
def main() -> None:
    """Turn Russian-language articles into briefing memos, fully offline.

    \b
    Read TXT (any Russian encoding), DOCX, HTML, Markdown or PDF; pick the key
    points with an extractive summarizer; translate them into English and
    Kazakh with locally installed models, holding names and terms to the
    glossary; write DOCX memos.

    \b
    Examples:
      processor brief examples/ -o out/ --lang en,kk
      processor summarize article.txt --sentences 5
      processor models list
    """
