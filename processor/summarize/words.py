"""Words as every part of the selection sees them: one tokenizer, one stop list."""

from __future__ import annotations

import re
from functools import cache

WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text)


@cache
def stop_words() -> frozenset[str]:
    from stop_words import get_stop_words

    return frozenset(get_stop_words("russian"))
