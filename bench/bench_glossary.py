"""Benchmark: build the glossary matcher once, then match ~1,000 entries over ~1 MB of Russian.

Baselines measured in the same process:
* tokenizing the text alone (the floor any token-based matcher pays);
* one regex alternation of the entries' nominative forms only (what a naive
  implementation does; it misses every inflected form).

Run from the repository root:  python -m bench.bench_glossary [--entries 1000] [--mb 1.0]
"""

from __future__ import annotations

import argparse
import itertools
import re

from bench.harness import SEED, shared_data, table, timed
from processor.glossary import Entry, Glossary, load_glossaries
from processor.glossary.forms import tokenize
from processor.glossary.romanize import romanize

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
    sources = (
        shared_data("seed", "zakon-tokayev-trump.ru.txt"),
        shared_data("flores", "flores-dev.ru-en.ru"),
        SEED,
    )
    parts = [p.read_text(encoding="utf-8") for p in sources if p is not None and p.exists()]
    # Sprinkle inflected names so the matcher has real work: not only glossary-free prose.
    pairs = zip(FIRST, SURNAMES, strict=True)
    parts.append(" ".join(f"Встреча с {f}ом {s}ым в Астане." for f, s in pairs))
    base = "\n".join(parts)
    target = int(megabytes * 1_000_000)
    reps = max(1, target // len(base.encode("utf-8")) + 1)
    text = (base + "\n") * reps
    return text[: int(len(text) * target / len(text.encode("utf-8")))]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()

    from processor.morphology import analyzer

    load = timed(analyzer, repeat=1, trace_memory=False)  # loaded once, reported apart
    builtin = load_glossaries().entries
    entries = builtin + synthetic_entries(max(0, args.entries - len(builtin)))
    text = corpus(args.mb)
    size_mb = len(text.encode("utf-8")) / 1e6
    print(f"{len(entries)} entries ({len(builtin)} built-in), {size_mb:.2f} MB of Russian text")

    sizes: list[int] = []

    def build() -> None:
        sizes.append(Glossary(entries=entries).matcher.size)

    glossary = Glossary(entries=entries)
    glossary.matcher  # noqa: B018 - built outside the timed find
    matches: list[object] = []
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(e.ru) for e in sorted(entries, key=lambda e: -len(e.ru)))
        + r")(?!\w)"
    )
    t_build = timed(build, repeat=3, trace_memory=False)
    t_tok = timed(lambda: tokenize(text), trace_memory=False)
    t_find = timed(lambda: matches.__setitem__(slice(None), glossary.find(text)))
    t_regex = timed(lambda: pattern.findall(text), trace_memory=False)
    rows = [
        ("pymorphy3 load", f"{load.seconds:.2f}", "", "once per process"),
        ("matcher build", f"{t_build.seconds:.2f}", "", f"{sizes[-1]} surface forms"),
        ("tokenize only", f"{t_tok.seconds:.3f}", "1.00", "baseline"),
        ("regex of nominatives", f"{t_regex.seconds:.3f}", f"{t_regex.ratio(t_tok):.2f}",
         f"{len(pattern.findall(text))} matches, nominative only"),
        ("glossary.find", f"{t_find.seconds:.3f}", f"{t_find.ratio(t_tok):.2f}",
         f"{len(matches)} matches, all forms; peak {t_find.peak_mib:.0f} MiB"),
        ("build + find", f"{t_build.seconds + t_find.seconds:.2f}", "", ""),
    ]  # fmt: skip
    print(table(rows, ("step", "seconds", "x tokenize", "note")))


if __name__ == "__main__":
    main()
