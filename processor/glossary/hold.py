"""Hold glossary names and terms through machine translation.

Technique, in two layers:

1. **Protected tokens.**  Each glossary match in a Russian sentence is replaced by a
   short placeholder ``ZX1``, ``ZX2``... (Latin letters and a digit: SentencePiece keeps
   them, NMT engines copy them).  After translation they are found leniently (any case,
   spaces or punctuation inside, Cyrillic look-alikes З/Х, any order) and replaced by the
   glossary rendering.  English gets the rendering as written.  Kazakh gets it with a
   case ending: the ending the engine attached to the placeholder (``ZX1-тың``, ``ZX1ге``)
   if any, else the case the Russian form had (``Токаеву`` -> dative -> ``Тоқаевқа``),
   see :func:`kazakh_case`.
2. **Repair.**  If a placeholder is lost or unknown, the sentence is translated again
   without placeholders and known wrong renderings (``wrong:`` in the glossary) are
   replaced, keeping the engine's Kazakh suffix.  Every (sentence, entry) gets an
   outcome: ``ok``, ``repaired`` or ``missing``; nothing is silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import processor.glossary.kazakh as kazakh
from processor.glossary.types import Entry, Glossary, Match
from processor.translation.base import Translator

Status = Literal["ok", "repaired", "missing"]

# Lenient on the way back: case, spaces/punctuation inside, Cyrillic З/Х look-alikes.
PLACEHOLDER_RE = re.compile(
    r"(?<![^\W\d_])(?:[#\[]\s?)?[ZzЗз][\s\-_.#]{0,2}[XxХх][\s\-_.#:]{0,2}(\d{1,2})(?!\d)"
    r"(?:\s?[#\]])?"
)
# A Kazakh case suffix glued or hyphenated to a placeholder: ZX1-тың, ZX1ге.
_GLUED_SUFFIX = re.compile(r"([-‐]?)([а-яәғқңөұүһі]{1,4})(?![^\W\d_])", re.IGNORECASE)
# With a space, only suffixes that are not words themselves (да, де, мен are words).
_SPACED_SUFFIXES = {
    s for s in kazakh.SUFFIX_CASE if s not in {"да", "де", "та", "те", "мен", "бен", "пен", "н"}
}
_CONJUNCTION = re.compile(r"^(\s+)(мен|бен|пен)(?![^\W\d_])")

# Russian preposition -> Kazakh case of the noun after it (the postposition, if any,
# is the engine's business: "о Токаеве" -> "Тоқаев туралы").
_PREP_CASE: dict[str, str] = {
    **dict.fromkeys(("из", "изо", "от", "ото", "после"), "ablative"),
    **dict.fromkeys(("к", "ко", "до", "против"), "dative"),
    **dict.fromkeys(("у",), "genitive"),
    **dict.fromkeys(
        ("о", "об", "обо", "про", "для", "по", "при", "между", "около", "через", "без"),
        "nominative",
    ),
}
_CASE_MAP = {
    "nomn": "nominative",
    "gent": "genitive",
    "datv": "dative",
    "accs": "accusative",
    "ablt": "instrumental",
    "loct": "locative",
}


def kazakh_case(match: Match) -> str:
    """The Kazakh case for a matched Russian form: from its preposition, else its case.

    в/на + prepositional -> locative (в Астане -> Астанада); в/на + accusative -> dative
    (в Астану -> Астанаға); из/от -> ablative; к -> dative; с + instrumental -> instrumental;
    о/про/по/для -> nominative (a postposition follows); no preposition: рд -> genitive,
    дт -> dative, вн -> accusative, тв -> instrumental, им -> nominative.
    """
    prep, case = match.preposition, match.case
    if prep in ("в", "во", "на"):
        return "dative" if case == "accs" else "locative"
    if prep in ("с", "со"):
        return "ablative" if case == "gent" else "instrumental"
    if prep in _PREP_CASE:
        return _PREP_CASE[prep]
    return _CASE_MAP.get(case or "nomn", "nominative")


@dataclass(frozen=True)
class TermOutcome:
    """How one glossary entry in one sentence came out of translation."""

    sentence: int
    entry: Entry
    target: str
    source: str  # the Russian text matched (first occurrence in the sentence)
    expected: str  # the rendering the glossary asks for, in the Kazakh case when kk
    status: Status
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def repaired(self) -> bool:
        return self.status == "repaired"

    @property
    def missing(self) -> bool:
        return self.status == "missing"


@dataclass
class HeldTranslation:
    """Translations aligned with the input sentences, and what happened to each term."""

    texts: list[str]
    terms: list[TermOutcome] = field(default_factory=list)
    # Sentences translated again without placeholders (an engine lost one).
    retried: list[int] = field(default_factory=list)

    @property
    def missing(self) -> list[TermOutcome]:
        return [t for t in self.terms if t.missing]


def _rendering(match: Match, target: str) -> str:
    base = match.entry.rendering(target, match.form)
    if target == "kk":
        return kazakh.inflect(base, kazakh_case(match))
    return base


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class _Plan:
    source: str
    protected: str | None  # None: no placeholders for this sentence
    matches: list[Match]


def _plan(
    sentence: str, glossary: Glossary, use_placeholders: bool, found: list[Match] | None = None
) -> _Plan:
    matches = glossary.find(sentence) if found is None else found
    if not matches or not use_placeholders or PLACEHOLDER_RE.search(sentence):
        return _Plan(sentence, None, matches)
    pieces: list[str] = []
    last = 0
    for n, m in enumerate(matches, start=1):
        pieces.append(sentence[last : m.start])
        pieces.append(f"ZX{n}")
        last = m.stop
    pieces.append(sentence[last:])
    return _Plan(sentence, "".join(pieces), matches)


def _restore(
    text: str, plan: _Plan, target: str
) -> tuple[str, dict[int, int], dict[int, str]] | None:
    """Put renderings where the placeholders are; None if one is missing or unknown.

    Returns the text, how often each placeholder came back, and what was inserted.
    """
    counts: dict[int, int] = {}
    inserted: dict[int, str] = {}
    out: list[str] = []
    pos = 0
    for m in PLACEHOLDER_RE.finditer(text):
        n = int(m.group(1))
        if not 1 <= n <= len(plan.matches):
            return None
        match = plan.matches[n - 1]
        counts[n] = counts.get(n, 0) + 1
        out.append(text[pos : m.start()])
        end = m.end()
        rendering = _rendering(match, target)
        if target == "kk":
            base = match.entry.rendering("kk", match.form)
            glued = _GLUED_SUFFIX.match(text, end)
            spaced = re.match(r"\s+([а-яәғқңөұүһі]{1,4})(?![^\W\d_])", text[end:], re.I)
            if glued and kazakh.case_of_suffix(glued.group(2)):
                # The engine chose the case: keep it, with our harmony and consonant class.
                rendering = kazakh.inflect(base, kazakh.case_of_suffix(glued.group(2)) or "")
                end = glued.end()
            elif spaced and spaced.group(1).lower() in _SPACED_SUFFIXES:
                rendering = kazakh.inflect(base, kazakh.case_of_suffix(spaced.group(1)) or "")
                end += spaced.end()
            conj = _CONJUNCTION.match(text[end:])
            if conj:
                # "X мен Y" (X and Y): the conjunction follows the name's last sound.
                # (a hyphenated ending, Chevron-мен, is written as the word "мен")
                word = kazakh.inflect(rendering, "instrumental")[len(rendering) :].lstrip("-")
                inserted.setdefault(n, rendering)
                out.append(rendering + conj.group(1) + word)
                pos = end + conj.end()
                continue
        if not "".join(out).strip() and m.start() == len(text) - len(text.lstrip()):
            rendering = _cap_first(rendering)
        inserted.setdefault(n, rendering)
        out.append(rendering)
        pos = end
    out.append(text[pos:])
    if len(counts) != len(plan.matches):
        return None
    return "".join(out), counts, inserted


def _find_word(text: str, phrase: str) -> re.Match[str] | None:
    pattern = r"(?<![^\W\d_])" + re.escape(phrase) + r"(?![^\W\d_])"
    return re.search(pattern, text, re.IGNORECASE)


def _correct_spans(text: str, entry: Entry, target: str) -> list[tuple[int, int]]:
    renderings = {entry.rendering(target)}
    if target in entry.short:
        renderings.add(entry.short[target])
    spans = []
    for r in renderings:
        pattern = r"(?<![^\W\d_])" + re.escape(kazakh.stem_for_search(r) if target == "kk" else r)
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


def _fix_wrong(text: str, entry: Entry, match: Match, target: str) -> tuple[str, list[str]]:
    """Replace every known wrong rendering (longest first), keeping Kazakh case suffixes."""
    changes: list[str] = []
    expected_en = entry.rendering("en", match.form)
    base_kk = entry.rendering("kk", match.form)
    for wrong in sorted(entry.wrong.get(target, ()), key=len, reverse=True):
        protected = _correct_spans(text, entry, target)

        def fix(hit: re.Match[str], protected: list[tuple[int, int]] = protected) -> str:
            if any(s <= hit.start() < e for s, e in protected):
                return hit.group()  # part of a correct rendering
            if target == "en":
                new = expected_en
            else:
                suffix = hit.group(1)
                case = kazakh.case_of_suffix(suffix) if suffix else kazakh_case(match)
                if case is None:
                    return hit.group()  # a longer word that merely starts like the wrong form
                new = kazakh.inflect(base_kk, case)
            changes.append(f"{hit.group()!r} -> {new!r}")
            return new

        tail = r"(?![^\W\d_])" if target == "en" else r"([-‐]?[^\W\d_]{0,4})(?![^\W\d_])"
        pattern = r"(?<![^\W\d_])" + re.escape(wrong) + tail
        text = re.sub(pattern, fix, text, flags=re.IGNORECASE)
    return text, changes


def _present(text: str, entry: Entry, match: Match, target: str) -> bool:
    if target == "en":
        renderings = [entry.rendering("en", match.form), entry.en, entry.short.get("en")]
        return any(r and _find_word(text, r) for r in renderings)
    # Kazakh: the stem must be there, bare or with a case suffix after it.
    for base in (entry.rendering("kk", match.form), entry.kk, entry.short.get("kk")):
        if not base:
            continue
        stem = kazakh.stem_for_search(base)
        pattern = r"(?<![^\W\d_])" + re.escape(stem) + r"([-‐]?[^\W\d_]*)"
        for hit in re.finditer(pattern, text, re.IGNORECASE):
            rest = hit.group(1)
            if rest == "" or base.startswith(stem + rest[:1]) or kazakh.case_of_suffix(rest):
                return True
    return False


def _repair(text: str, entry: Entry, match: Match, target: str) -> tuple[str, Status, str]:
    """Check a translation made without placeholders; fix known wrong renderings."""
    fixed, changes = _fix_wrong(text, entry, match, target)
    if _present(fixed, entry, match, target):
        return fixed, ("repaired" if changes else "ok"), "; ".join(changes)
    return fixed, "missing", "the engine's output has no rendering of this entry"


def _by_entry(matches: list[Match]) -> list[tuple[Entry, list[Match]]]:
    groups: dict[Entry, list[Match]] = {}
    for m in matches:
        groups.setdefault(m.entry, []).append(m)
    return list(groups.items())


def translate_held(
    sentences: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    *,
    placeholders: bool = True,
    matches: Sequence[list[Match]] | None = None,
) -> HeldTranslation:
    """Translate ``sentences`` holding every glossary entry to its rendering (see module doc).

    Only Russian sources and English/Kazakh targets are held; other pairs translate as is.
    """
    target = translator.target
    empty = not len(glossary) and not glossary.tables  # a table of villages alone still holds
    if translator.source != "ru" or target not in ("en", "kk") or empty:
        return HeldTranslation(list(translator.translate(list(sentences))))
    # ``matches``: glossary.find() of each sentence, when the caller has them already.
    found = matches if matches is not None else [None] * len(sentences)
    plans = [_plan(s, glossary, placeholders, m) for s, m in zip(sentences, found, strict=True)]
    first = translator.translate([p.protected or p.source for p in plans])
    if len(first) != len(plans):
        raise ValueError(f"{translator.describe()} returned {len(first)} for {len(plans)} inputs")
    texts: list[str] = list(first)
    terms: list[TermOutcome] = []
    retry: list[int] = []
    for i, (plan, out) in enumerate(zip(plans, first, strict=True)):
        if plan.protected is None:
            if plan.matches:
                retry.append(i)
            continue
        restored = _restore(out, plan, target)
        if restored is None:
            retry.append(i)
            continue
        texts[i], counts, inserted = restored
        for entry, ms in _by_entry(plan.matches):
            numbers = [plan.matches.index(m) + 1 for m in ms]
            notes = []
            if any(counts.get(n, 0) > 1 for n in numbers):
                notes.append("the engine repeated the protected term")
            expected = inserted[numbers[0]]
            if expected.lower() != _rendering(ms[0], target).lower():
                notes.append("case ending chosen by the engine")
            terms.append(
                TermOutcome(i, entry, target, ms[0].text, expected, "ok", "; ".join(notes))
            )
    retried = [i for i in retry if plans[i].protected is not None]
    if retried:
        again = translator.translate([plans[i].source for i in retried])
        for i, out in zip(retried, again, strict=True):
            texts[i] = out
    for i in retry:
        text = texts[i]
        for entry, ms in _by_entry(plans[i].matches):
            text, status, note = _repair(text, entry, ms[0], target)
            if i in retried:
                note = "; ".join(x for x in ("placeholder lost, translated again", note) if x)
            terms.append(
                TermOutcome(i, entry, target, ms[0].text, _rendering(ms[0], target), status, note)
            )
        texts[i] = text
    terms.sort(key=lambda t: t.sentence)
    return HeldTranslation(texts, terms, retried)


def held_route(translator: Translator, glossary: Glossary) -> str:
    """The route a memo names: the engine's, and the glossaries its terms were held to."""
    names = ", ".join(glossary.names) or "no glossary"
    return f"{translator.describe()}; terms held to glossary: {names}"


class HeldTranslator:
    """A :class:`Translator` that holds glossary terms and keeps a report of every call."""

    def __init__(self, translator: Translator, glossary: Glossary, *, placeholders: bool = True):
        self.inner = translator
        self.glossary = glossary
        self.placeholders = placeholders
        self.source = translator.source
        self.target = translator.target
        self.terms: list[TermOutcome] = []
        self.retried = 0  # sentences translated again (an engine lost a placeholder)
        self._sentences = 0

    def translate(self, sentences: Sequence[str]) -> list[str]:
        held = translate_held(sentences, self.inner, self.glossary, placeholders=self.placeholders)
        offset = self._sentences
        self.terms.extend(replace(t, sentence=t.sentence + offset) for t in held.terms)
        self.retried += len(held.retried)
        self._sentences += len(sentences)
        return held.texts

    def describe(self) -> str:
        return held_route(self.inner, self.glossary)

    def report(self) -> HeldTranslation:
        """Every term outcome so far (sentence numbers count across calls)."""
        return HeldTranslation([], list(self.terms))
