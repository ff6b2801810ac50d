"""Defects of memo content on real articles, counted by class from the JSON memo.

Every article of ``tests/data/memo-news`` (or the files and folders given) is briefed with
``--lang ru`` into JSON memos, through :func:`processor.pipeline.brief`, and each memo is
read for the classes of issue 16:

* ``unattributed``: a bottom-line sentence or key point that is speech or opinion (quotation
  marks, a speech verb, first person) with no speaker in the memo and none in its own words;
* ``teaser``: a question, a teaser ("Как изменится ..., рассказал ...") or the headline word
  for word in the bottom line;
* ``leaning``: a key point that opens by leaning on a sentence it does not show, or only sets
  up the next one ("Дело не только в том, что ...");
* ``same_event``: two bullets about one event (same actor, place and verb meaning);
* ``figure_row``: a key figure row with several figures, or a label from another clause;
* ``names``: a names table over 12 rows, or a common noun in it ("ВВП");
* ``subject_cut``: a subject cut mid-phrase, or cut without "…";
* ``file_source``: the file name where the outlet belongs.

The counts are a guide; reading the memos is the judge (``--show`` prints each defect).
Run from the repository root: ``python -m bench.memo_defects [--show] [PATH ...]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.harness import REPO

CORPUS = REPO / "tests" / "data" / "memo-news"
CLASSES = (
    "unattributed",
    "teaser",
    "leaning",
    "same_event",
    "figure_row",
    "names",
    "subject_cut",
    "file_source",
    "no_outlet*",
)
MAX_NAMES = 12

# Speech or opinion in the words themselves: quotation, a speech verb, the first person.
# Quotation as speech: a sentence opening with it, "...», — сказал", or ": «...»"; a quoted
# charge or name inside a sentence («хищения при госзаказе») is not someone's words.
_QUOTED = re.compile(r"^\s*[«\"“„]|[»\"”]\s*,?\s*[—–-]\s|:\s*[«\"“„]")
_NEGATED = re.compile(r"\bне\s+\w+", re.IGNORECASE)
_SPEECH_VERB = re.compile(
    r"\b(?:сказал|заявил|отметил|подчеркнул|сообщил|добавил|пояснил|считает|считают|"
    r"уверен|полагает|по словам|по мнению|как отметил|как заявил)\w*",
    re.IGNORECASE,
)
# "наш регион" is also a regional paper's own voice: pronouns and verbs only.
_FIRST_PERSON = re.compile(r"\b(?:я|мы|мне|нам|нас|меня|считаю|думаю|полагаю)\b", re.IGNORECASE)
# Who is named as the source within the sentence: "сказал Х", "Х отметил", "в МИД сообщили".
_NAMED_SOURCE = re.compile(
    r"(?:сказал|заявил|отметил|подчеркнул|сообщил|добавил|пояснил|считает|уверен|написал|"
    r"по словам|по мнению|сообщает|передает|передаёт|пишет)\w*\s+(?:[\w-]+\s+){0,4}"
    r"[А-ЯЁA-Z][\w-]+"
    r"|[А-ЯЁA-Z][\w-]+\s+(?:[\w-]+,?\s+){0,12}(?:сказал|заявил|отметил|подчеркнул|сообщил|"
    r"добавил|пояснил|считает|написал|отчитался|напомнил)\w*"
    r"|\b(?:общественность|эксперты|аналитики|правозащитники)\s+(?:\w+\s+)?(?:уверен|считают)"
    r"|\b(?:в|во)\s+(?:пресс-службе|министерстве|МИД|ведомстве|акимате|Акорде)\b"
    r"|\bпресс-служб\w+",
)


def brief_all(paths: Iterable[Path], outdir: Path) -> list[Path]:
    """Brief every input into ``outdir`` as a Russian JSON memo; the memos written."""
    from processor.pipeline import brief
    from processor.preparation import BriefOptions, prepare_each

    options = BriefOptions(languages=("ru",), formats=("json",))
    # In this process: natasha loads once for all articles.
    results = brief([str(p) for p in paths], outdir, options, prepare_with=prepare_each)
    written = []
    for result in results:
        if not result.ok:
            print(f"failed: {result.source}: {result.error}", file=sys.stderr)
        written += [Path(o) for o in result.outputs if str(o).endswith(".json")]
    return written


def _items(memo: dict[str, Any]) -> list[dict[str, Any]]:
    """Bottom line and key points, each once (the interview frame has no sentence)."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for item in memo["bottom_line"] + memo["key_points"]:
        ids = tuple(item["sentence_ids"])
        if ids and ids not in seen:
            seen.add(ids)
            out.append(item)
    return out


def is_speech(text: str) -> bool:
    affirmed = _NEGATED.sub("", text)  # "он не сообщил": the outlet's words
    return bool(
        _QUOTED.search(text) or _SPEECH_VERB.search(affirmed) or _FIRST_PERSON.search(affirmed)
    )


def unattributed(memo: dict[str, Any]) -> list[str]:
    return [
        item["source_text"]
        for item in _items(memo)
        if item.get("speaker") is None
        and is_speech(item["source_text"])
        and not _NAMED_SOURCE.search(item["source_text"])
    ]


def teasers(memo: dict[str, Any]) -> list[str]:
    from processor.summarize.rules import is_question, is_teaser

    title = _words(memo.get("source_title") or "")
    return [
        item["source_text"]
        for item in memo["bottom_line"]
        if is_question(item["source_text"])
        or is_teaser(item["source_text"])
        or (title and _words(item["source_text"]) == title)
    ]


def leaning(memo: dict[str, Any]) -> list[str]:
    from processor.summarize.grammar import refers_back
    from processor.summarize.rules import is_setup, strip_dash

    out = []
    for item in _items(memo):
        sentences = _sentences(item["source_text"])
        first = strip_dash(sentences[0]) if sentences else ""
        if refers_back(first) or any(is_setup(s) for s in sentences):
            out.append(item["source_text"])
    return out


def same_event(memo: dict[str, Any]) -> list[str]:
    from processor.summarize.events import same_event as one_event
    from processor.summarize.rules import Signature, near_duplicate

    items = _items(memo)
    out = []
    for k, a in enumerate(items):
        for b in items[k + 1 :]:
            pairs = [
                (x, y) for x in _sentences(a["source_text"]) for y in _sentences(b["source_text"])
            ]
            if any(
                one_event(x, y) or near_duplicate(Signature.of(x), Signature.of(y))
                for x, y in pairs
            ):
                out.append(f"{a['source_text']} || {b['source_text']}")
    return out


def figure_rows(memo: dict[str, Any]) -> list[str]:
    """Rows of the Key figures table (``figure_rows``: figure | what | context) holding
    several figures, or a "what" that is not in the figure's own sentence."""
    from processor.summarize.figures import FIGURE

    out = []
    for row in memo.get("figure_rows", []):
        figure, what, sentence = row["figure"], row["what"], row["context"]
        several = len(FIGURE.findall(figure)) > 1
        # The "what" is the figure's own clause, put in the nominative: its stems must
        # stand in the figure's sentence, and it holds no other number.
        # A sentence whose subject is a pronoun ("Он составил 4,2 млрд") takes its "what"
        # from the sentence before, as the memo does.
        stems = {w[:4] for w in _words(sentence)}
        pronoun = re.match(r"(Он|Она|Оно|Они|Это)\b", sentence.strip()) is not None
        borrowed = bool(re.search(r"\d", what)) or not (
            pronoun or {w[:4] for w in _words(what)} <= stems
        )
        if several or borrowed:
            out.append(f"{figure} | {what}")
    return out


def names(memo: dict[str, Any]) -> list[str]:
    from processor.glossary.common_words import COMMON_ABBREVIATIONS
    from processor.memo.actors import MAX_ROWS
    from processor.morphology import analyzer

    rows = memo["entities"]  # every name; the table shows the first MAX_ROWS
    shown = rows[:MAX_ROWS]
    out = [f"{len(shown)} rows"] if len(shown) > MAX_NAMES else []
    for row in rows:
        ru = row["ru"]
        if " " in ru:
            continue
        tag = analyzer().parse(ru)[0].tag
        proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"} & tag.grammemes
        if ru in COMMON_ABBREVIATIONS or ru[:1].islower() or ("Abbr" in tag and not proper):
            out.append(ru)
    return out


def subject_cut(memo: dict[str, Any], first_sentence: str) -> list[str]:
    title = memo["title"].strip()
    source = (memo.get("source_title") or first_sentence).strip()
    if _words(title) == _words(source) or not source:
        return []
    stem = title.rstrip("…").rstrip()
    if not title.endswith("…") and source.startswith(stem):
        return [title]  # cut, and not said to be cut
    if title.endswith("…"):
        rest = source[len(stem) :].lstrip()
        if rest and rest[0] not in ",;:—–(" and not source[: len(stem)].endswith((",", ";")):
            return [title]  # "…" mid-phrase
    return []


def file_source(memo: dict[str, Any]) -> list[str]:
    """The header's Source row shows the file name (the memo writes the outlet, or says
    that the text names none: ``Memo.header_rows``)."""
    outlet = memo.get("outlet")
    return [memo["source_name"]] if outlet and outlet == memo["source_name"] else []


def no_outlet(memo: dict[str, Any]) -> list[str]:
    """Not a defect, counted to be seen: no outlet found in metadata, header lines or the
    lead, so the Source row says the text names none."""
    return [] if memo.get("outlet") else [memo["source_name"]]


def _sentences(text: str) -> list[str]:
    from processor.segment import split_sentences

    return [str(getattr(s, "text", s)) for s in split_sentences(text)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def defects(memo: dict[str, Any], first_sentence: str) -> dict[str, list[str]]:
    return {
        "unattributed": unattributed(memo),
        "teaser": teasers(memo),
        "leaning": leaning(memo),
        "same_event": same_event(memo),
        "figure_row": figure_rows(memo),
        "names": names(memo),
        "subject_cut": subject_cut(memo, first_sentence),
        "file_source": file_source(memo),
        "no_outlet*": no_outlet(memo),
    }


def _inputs(args: list[str]) -> list[Path]:
    if not args:
        return sorted(CORPUS.glob("*.txt"))
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        paths += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles or folders (default: memo-news)")
    parser.add_argument("--show", action="store_true", help="print every defect found")
    args = parser.parse_args(argv)
    from processor.preparation import read

    inputs = _inputs(args.paths)
    totals = dict.fromkeys(CLASSES, 0)
    articles = dict.fromkeys(CLASSES, 0)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        memos = brief_all(inputs, Path(tmp))
        by_stem = {p.name.split(".")[0]: p for p in memos}
        for path in inputs:
            memo_path = by_stem.get(path.name.split(".")[0])
            if memo_path is None:
                continue
            memo = json.loads(memo_path.read_text(encoding="utf-8"))
            first = next((s.text for s in read(path).sentences()), "")
            found = defects(memo, first)
            for cls, hits in found.items():
                totals[cls] += len(hits)
                articles[cls] += bool(hits)
                if args.show:
                    for hit in hits:
                        print(f"{path.name}: {cls}: {hit[:300]}")
    elapsed = time.perf_counter() - start
    print(f"\n{len(inputs)} articles, {len(memos)} memos ({elapsed:.0f} s)")
    print(f"{'class':<14}{'defects':>8}{'articles':>10}")
    for cls in CLASSES:
        print(f"{cls:<14}{totals[cls]:>8}{articles[cls]:>10}")
    print("* not a defect: the Source row says the text names no outlet")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
