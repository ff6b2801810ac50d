"""Shared by the glossary test modules: running `processor glossary ...` in-process."""

from __future__ import annotations

from click.testing import CliRunner, Result


def run_glossary(*args: str) -> Result:
    """`processor glossary ARGS`, stdout and stderr kept apart, exceptions not swallowed."""
    from processor.cli import main

    return CliRunner().invoke(main, ["glossary", *args], catch_exceptions=False)
