"""Benchmark: build the glossary matcher once, then match ~1,000 entries over ~1 MB of Russian.

Baselines measured in the same process:
* tokenizing the text alone (the floor any token-based matcher pays);
* one regex alternation of the entries' nominative forms only (what a naive
  implementation does; it misses every inflected form).

Run:  /work/venv/bin/python bench/bench_glossary.py [--entries 1000] [--mb 1.0]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from processor.glossary import Entry, Glossary, load_glossaries  # noqa: E402
from processor.glossary.forms import tokenize  # noqa: E402
from processor.glossary.romanize import romanize  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
FIRST = ["Айдар", "Бахыт", "Гульнара", "Ерлан", "Жанна", "Марат", "Нурлан", "Сауле", "Тимур",
         "Асель", "Данияр", "Ержан", "Кайрат", "Ляззат", "Мурат", "Руслан", "Серик", "Алия",
         "Бауыржан", "Дамир"]  # fmt: skip
SURNAMES = ["Абенов", "Бекова", "Жумабаев", "Исмаилов", "Калиев", "Мусина", "Нурпеисов",
            "Оспанов", "Сейтказиев", "Тулегенов", "Утемисов", "Шарипова", "Ахметов", "Байжанов",
            "Есимов", "Кенжебеков", "Мамин", "Садыков", "Таспаев", "Жаксыбеков"]  # fmt: skip
ADJECTIVES = ["Северная", "Южная", "Западная", "Восточная", "Центральная", "Новая", "Старая",
              "Верхняя", "Нижняя", "Большая", "Национальная", "Республиканская", "Городская",
              "Областная", "Торговая", "Аграрная", "Морская", "Горная", "Степная", "Речная",
              "Угольная", "Нефтяная", "Медная", "Золотая", "Зеленая", "Первая", "Вторая",
              "Третья", "Малая", "Единая"]  # fmt: skip
NOUNS = ["дорога", "больница", "школа", "библиотека", "компания", "корпорация", "биржа",
         "палата", "комиссия", "академия", "палата", "служба", "инспекция", "агентство",
         "платформа", "программа", "ассоциация", "федерация", "лига", "галерея"]  # fmt: skip


def synthetic_entries(n: int) -> list[Entry]:
    out: list[Entry] = []
    people = (f"{f} {s}" for f, s in itertools.product(FIRST, SURNAMES))
    things = (f"{a} {b}" for a, b in itertools.product(ADJECTIVES, NOUNS))
    for i, ru in enumerate(itertools.chain(people, things)):
        if len(out) >= n:
            break
        kind = "person" if i < len(FIRST) * len(SURNAMES) else "organization"
        out.append(Entry(id=f"e{i}", type=kind, ru=ru, en=romanize(ru), kk=ru))
    return out


def corpus(megabytes: float) -> str:
    parts = []
    sources = (
        SHARED / "seed" / "zakon-tokayev-trump.ru.txt",
        SHARED / "flores" / "flores-dev.ru-en.ru",
        REPO / "examples" / "zakon-tokayev-trump.ru.txt",
    )
    for p in sources:
        if p.exists():
            parts.append(p.read_text(encoding="utf-8"))
    # Sprinkle inflected names so the matcher has real work: not only glossary-free prose.
    pairs = zip(FIRST, SURNAMES, strict=True)
    parts.append(" ".join(f"Встреча с {f}ом {s}ым в Астане." for f, s in pairs))
    base = "\n".join(parts)
    target = int(megabytes * 1_000_000)
    reps = max(1, target // len(base.encode("utf-8")) + 1)
    text = (base + "\n") * reps
    return text[: int(len(text) * target / len(text.encode("utf-8")))]


def timed(fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()

    builtin = load_glossaries().entries
    entries = builtin + synthetic_entries(max(0, args.entries - len(builtin)))
    text = corpus(args.mb)
    size_mb = len(text.encode("utf-8")) / 1e6
    print(f"{len(entries)} entries ({len(builtin)} built-in), {size_mb:.2f} MB of Russian text")

    t = time.perf_counter()
    import pymorphy3  # import cost reported apart from the build

    pymorphy3.MorphAnalyzer()
    t_import = time.perf_counter() - t
    glossary = Glossary(entries=entries)
    t = time.perf_counter()
    matcher = glossary.matcher
    t_build = time.perf_counter() - t
    print(f"pymorphy3 load: {t_import:.2f} s")
    print(f"matcher build:  {t_build:.2f} s ({matcher.size} surface forms)")

    t_tok, toks = timed(lambda: tokenize(text))
    t_match, matches = timed(lambda: glossary.find(text))
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(e.ru) for e in sorted(entries, key=lambda e: -len(e.ru)))
        + r")(?!\w)"
    )
    t_regex, naive = timed(lambda: pattern.findall(text))
    print(f"tokenize only:  {t_tok:.3f} s ({len(toks)} tokens)")
    print(f"regex of nominatives: {t_regex:.3f} s ({len(naive)} matches, nominative only)")
    print(f"glossary.find:  {t_match:.3f} s ({len(matches)} matches, all forms)")
    print(f"ratio find / tokenize: {t_match / t_tok:.2f}x")
    print(f"ratio find / regex:    {t_match / t_regex:.2f}x")
    print(f"build + match: {t_build + t_match:.2f} s (target: well under 2 s)")


if __name__ == "__main__":
    main()
