"""Hostile inputs of issue 21, made on demand at any size: small in the tests, large in
``python -m fuzz.commands``.

Each function returns the bytes of one case; the text they carry is the project's seed
article (``examples/zakon-tokayev-trump.ru.txt``, the project's own test text).
"""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "examples" / "zakon-tokayev-trump.ru.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    return [p for p in seed_text().split("\n\n") if p.strip()]


# Characters XML 1.0 (and so a DOCX) cannot hold; each once made `brief` fail.
CONTROLS = ("\x01", "\x1a", "\ufffe")


def controls_in_text() -> bytes:
    """The article with control characters inside sentences holding figures and names."""
    paragraphs = seed_paragraphs()
    marked = [
        p.replace("Токаев", "Ток\x01аев").replace(" 20", " \x1a20").replace("%", "%\ufffe")
        for p in paragraphs
    ]
    return "\n\n".join(marked).encode("utf-8")


def controls_in_html_meta() -> bytes:
    """An article page whose author and site name carry control characters."""
    body = "".join(f"<p>{p}</p>" for p in seed_paragraphs()[:8])
    return (
        "<html><head><meta charset='utf-8'><title>Токаев\x01</title>"
        "<meta name='author' content='Иван\x01 Петров'>"
        "<meta property='og:site_name' content='Zakon\x1a.kz\ufffe'></head>"
        f"<body>{body}</body></html>"
    ).encode()


def glossary(entries: str, name: str = "hostile") -> bytes:
    return f"format: processor-glossary/1\nname: {name}\nentries:\n{entries}".encode()


def glossary_with_control() -> bytes:
    """A glossary whose English rendering holds a control character."""
    return glossary(
        "  - id: tokayev-x\n    type: person\n    ru: Касым-Жомарт Токаев\n"
        '    en: "Kassym-Jomart\\x01 Tokayev"\n    kk: Қасым-Жомарт Тоқаев\n'
    )


def glossary_alias_repeat(chunk: int = 10_000, repeats: int = 30_000) -> bytes:
    """One ``chunk``-character alias used ``repeats`` times: small on disk, huge expanded."""
    big = "Токаев " * (chunk // 7)
    uses = ", ".join(["*big"] * repeats)
    return glossary(
        f"  - id: bomb\n    type: person\n    ru: &big '{big}'\n    en: Bomb\n    kk: Bomb\n"
        f"    aliases: {{ru: [{uses}]}}\n"
    )


def punctuation(size: int) -> bytes:
    """Text that is no language at all: punctuation and digits only."""
    unit = "... !!! ??? --- ;;; ::: ,,, ((( ))) 123 456 «» — … \n"
    return (unit * (size // len(unit) + 1)).encode("utf-8")[:size]


def cut_utf8(size: int) -> bytes:
    """The seed article cut inside a two-byte Cyrillic character (``head -c``)."""
    data = seed_text().encode("utf-8")
    end = min(size, len(data) - 1)
    while data[end] < 0xC0:  # back to the first byte of a multi-byte character
        end -= 1
    return data[: end + 1]  # its lead byte only: the character is cut


def utf16_without_bom(little: bool = True) -> bytes:
    return seed_text().encode("utf-16-le" if little else "utf-16-be")


def html_declared(charset: str, body_encoding: str, text: str | None = None) -> bytes:
    """A page that says ``charset`` and is really ``body_encoding``."""
    chosen = text or "\n\n".join(seed_paragraphs()[1:8])
    body = "".join(f"<p>{p}</p>" for p in chosen.split("\n\n"))
    page = f"<html><head><meta charset='{charset}'></head><body>{body}</body></html>"
    return page.encode(body_encoding)


def without_capital_i() -> str:
    """The article without the letter "И" (a detector's favourite clue for windows-1251)."""
    return "\n\n".join(seed_paragraphs()[1:8]).replace("И", "Е")


def paragraphs(count: int) -> bytes:
    """``count`` paragraphs of the seed article, repeated: a summarizer's growth test."""
    source = seed_paragraphs()[1:]
    return "\n\n".join(source[i % len(source)] for i in range(count)).encode("utf-8")


def main() -> None:
    """``python -m fuzz.cases FOLDER [--large]``: write every case as a file, to try by hand."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--large", action="store_true", help="the fuzzers' sizes")
    args = parser.parse_args()
    scale = 100 if args.large else 1
    made = {
        "controls.txt": controls_in_text(),
        "controls-meta.html": controls_in_html_meta(),
        "glossary-control.yaml": glossary_with_control(),
        "glossary-alias-repeat.yaml": glossary_alias_repeat(10_000, 300 * scale),
        "punctuation.txt": punctuation(1_600 * scale),
        "cut-utf8.txt": cut_utf8(6000),
        "utf16le-no-bom.txt": utf16_without_bom(True),
        "utf16be-no-bom.txt": utf16_without_bom(False),
        "utf8-declared-koi8r.html": html_declared("koi8-r", "utf-8"),
        "cp1251-declared-utf16.html": html_declared("utf-16", "cp1251", without_capital_i()),
        "paragraphs.txt": paragraphs(100 * scale),
    }
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        (args.folder / name).write_bytes(data)
    print(f"{len(made)} cases in {args.folder}")


if __name__ == "__main__":
    main()
