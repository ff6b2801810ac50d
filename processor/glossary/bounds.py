"""Bounds of a glossary: a regular file of a sane size, short terms, and a text that stays
near its size once YAML aliases are expanded (one 10 KB alias repeated 30,000 times is
300 MB from a 400 KB file: matching it ran for minutes at 2.2 GB).
"""

from __future__ import annotations

import os

import yaml

from processor.access import read_regular
from processor.errors import GlossaryError

# A name or term is short; the built-in glossaries are under 1 MB.
MAX_TERM_CHARS = 1000
MAX_GLOSSARY_BYTES = 16 * 1024 * 1024
MAX_EXPANDED_CHARS = 16 * 1024 * 1024


def read_glossary_bytes(path: str | os.PathLike[str]) -> bytes:
    """A glossary file's bytes: a regular file of at most MAX_GLOSSARY_BYTES."""
    return read_regular(path, MAX_GLOSSARY_BYTES, error=GlossaryError, what="glossary file")


def expanded_chars(root: yaml.Node | None, limit: int) -> int:
    """Characters of every scalar as the entries would see them, aliases counted each time
    they are used; counting stops just over ``limit``."""
    total = 0
    stack = [root] if root is not None else []
    while stack and total <= limit:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            total += len(node.value) + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return total
