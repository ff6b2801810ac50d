"""Find glossary entries in Russian text: every inflected form, longest match first.

The matcher is built once per glossary: each entry's forms (see :mod:`forms`) go into
a dict keyed by normalized token tuples.  Matching tokenizes the text once and, at
each token, tries the longest phrase that starts with it; no morphology runs on
the text, so it is fast and a word is never matched inside another word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from processor.glossary.forms import Form, is_female_name, name_table, normalize, tokenize
from processor.glossary.forms_cache import FormsCache
from processor.glossary.surnames import is_first_name, names_a_woman
from processor.glossary.types import Entry, FormKind, Match

# What may stand between the words of one name: spaces and quotes (АО «Самрук-Казына»).
_JOINABLE = re.compile(r"^[ \t\u00a0«»\"„“”']*$")
# A comma joins words only where the entry has one ("Министерство экологии, геологии и ...").
_COMMA_GAP = re.compile(r"^[ \t\u00a0«»\"„“”']*,[ \t\u00a0]*$")
_INITIAL_GAP = re.compile(r"^\.[ \t\u00a0]*-?[ \t\u00a0]*$")
_CASE_ORDER = ("nomn", "gent", "accs", "datv", "ablt", "loct")
# Cases each preposition governs: they decide between homonymous forms (Токаева: gent/accs).
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("в", "во", "на"), ("loct", "accs")),
    **dict.fromkeys(("о", "об", "обо", "при"), ("loct",)),
    **dict.fromkeys(("к", "ко", "по"), ("datv",)),
    **dict.fromkeys(("с", "со"), ("ablt", "gent")),
    **dict.fromkeys(("за", "под", "подо"), ("ablt", "accs")),
    **dict.fromkeys(("над", "перед", "между", "меж"), ("ablt",)),
    **dict.fromkeys(("про", "через", "сквозь"), ("accs",)),
    **dict.fromkeys(
        (
            "у", "от", "ото", "из", "изо", "для", "без", "до", "около", "после", "против",
            "среди", "вокруг", "возле", "кроме", "ради", "из-за", "из-под", "вне", "внутри",
            "со стороны",
        ),
        ("gent",),
    ),
}  # fmt: skip
_COORDINATORS = {"и", "или", "либо"}


@dataclass(frozen=True)
class _Candidate:
    entry: Entry
    kind: FormKind
    form: Form
    # Per token: None (any case), "cap" (first letter upper) or the exact token (abbreviations).
    pattern: tuple[str | None, ...]
    rank: int
    # Nominative tokens from the head noun on: siblings in a coordination share it.
    head_key: tuple[str, ...]
    commas: frozenset[int] = frozenset()  # indices of the words a comma follows


def _pattern(words: list[str], lowercase: bool = False) -> tuple[str | None, ...]:
    out: list[str | None] = []
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            out.append(w.replace("ё", "е").replace("Ё", "Е"))
        elif w[:1].isupper() and not lowercase:
            out.append("cap")
        else:
            out.append(None)
    return tuple(out)


def _lowercase_ok(entry: Entry) -> bool:
    """Whether the press may write this entry in lower case ("мажилиса", "сенате")."""
    if entry.lowercase is not None:
        return entry.lowercase
    words = entry.ru.split()
    return (
        entry.type == "organization"
        and len(words) == 1
        and not any(c.isascii() and c.isalpha() for c in words[0])
    )


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична|улы|ұлы|кызы|қызы)$")


def _name_and_patronymic(phrase: str) -> str | None:
    """ "Касым-Жомарт Кемелевич" from "Касым-Жомарт Кемелевич Токаев": how a known person
    is addressed; None when the phrase has no patronymic."""
    words = phrase.split()
    if len(words) == 3 and _PATRONYMIC.search(words[1].lower()):
        return f"{words[0]} {words[1]}"
    return None


def _fits(pattern: tuple[str | None, ...], tokens: list[str]) -> bool:
    for p, tok in zip(pattern, tokens, strict=True):
        if p is None:
            continue
        if p == "cap":
            if not tok[:1].isupper():
                return False
        elif tok.replace("ё", "е").replace("Ё", "Е") != p:
            return False
    return True


class Matcher:
    """All inflected forms of a list of entries, ready to scan texts."""

    def __init__(self, entries: Iterable[Entry]):
        self.table: dict[tuple[str, ...], list[_Candidate]] = {}
        self.max_len: dict[str, int] = {}
        # Adjective surface -> (entry, cases, head_key), for "в Туркестанской и ... областях".
        self.adjectives: dict[str, list[tuple[Entry, frozenset[str], tuple[str, ...]]]] = {}
        cache = FormsCache()  # forms inflected by earlier runs
        for rank, entry in enumerate(entries):
            self._add_entry(entry, rank, cache)
        cache.save()

    def _add_entry(self, entry: Entry, rank: int, cache: FormsCache) -> None:
        sources: list[tuple[str, FormKind]] = [(entry.ru, "full")]
        if "ru" in entry.short:
            sources.append((entry.short["ru"], "short"))
        sources.extend((a, "alias") for a in entry.aliases.get("ru", ()))
        if entry.type == "person":
            sources.extend(
                (short, "alias") for a in sources if (short := _name_and_patronymic(a[0]))
            )
        lowercase = _lowercase_ok(entry)
        for phrase, kind in sources:
            ptoks = tokenize(phrase)
            words = [t for _, _, t in ptoks]
            gaps = [phrase[a[1] : b[0]] for a, b in pairwise(ptoks)]
            commas = frozenset(j for j, gap in enumerate(gaps) if "," in gap)
            if not words:
                continue
            pattern = _pattern(words, lowercase and kind == "full")
            forms = cache.forms(phrase, entry.type)
            nominative = next(
                (f for f in forms if "nomn" in f.cases and not f.coordinated),
                None,
            )
            head = forms[0].head if forms else 0
            head_key = tuple(normalize(w) for w in words[head:])
            for form in forms:
                self._put(form, _Candidate(entry, kind, form, pattern, rank, head_key, commas))
            if kind == "full" and head == 1 and nominative is not None:
                for form in forms:
                    if form.number == "sing" and not form.coordinated:
                        self.adjectives.setdefault(form.tokens[0], []).append(
                            (entry, form.cases, head_key)
                        )
        for literal in entry.forms.get("ru", ()):
            words = [t for _, _, t in tokenize(literal)]
            if words:
                form = Form(tuple(normalize(w) for w in words), frozenset(), "sing")
                cand = _Candidate(entry, "full", form, _pattern(words), rank, ())
                self._put(form, cand)

    def _put(self, form: Form, cand: _Candidate) -> None:
        self.table.setdefault(form.tokens, []).append(cand)
        first = form.tokens[0]
        self.max_len[first] = max(self.max_len.get(first, 0), len(form.tokens))

    @property
    def size(self) -> int:
        """Number of distinct surface forms."""
        return len(self.table)

    def find(self, text: str) -> list[Match]:
        """Every entry occurrence in ``text``, in text order, never overlapping."""
        toks = tokenize(text)
        n = len(toks)
        if not n:
            return []
        words = [t for _, _, t in toks]
        norm = [normalize(t) for t in words]
        # run[i]: how many following tokens are joined to token i by spaces/quotes only.
        run = [0] * n
        comma = [False] * n  # token i is followed by a comma (see _COMMA_GAP)
        for i in range(n - 2, -1, -1):
            gap = text[toks[i][1] : toks[i + 1][0]]
            comma[i] = bool(_COMMA_GAP.match(gap))
            joined = _JOINABLE.match(gap) or (
                # initials: "К.-Ж. Токаев", "Н. Назарбаев"
                len(words[i]) == 1 and words[i].isupper() and _INITIAL_GAP.match(gap)
            )
            run[i] = run[i + 1] + 1 if joined or comma[i] else 0
        matches: list[Match] = []
        taken_until = 0  # coordinated siblings may point back; never overlap a taken token
        i = 0
        while i < n:
            longest = self.max_len.get(norm[i])
            if not longest:
                i += 1
                continue
            found: tuple[int, _Candidate] | None = None
            for k in range(min(longest, run[i] + 1, n - i), 0, -1):
                cands = self.table.get(tuple(norm[i : i + k]))
                if not cands:
                    continue
                here = {j for j in range(k - 1) if comma[i + j]}
                fitting = [
                    c for c in cands if c.commas == here and _fits(c.pattern, words[i : i + k])
                ]
                plain = [c for c in fitting if not c.form.coordinated]
                if plain:
                    found = (k, self._best(plain))
                    break
                for cand in fitting:
                    siblings = self._siblings(cand, i, toks, text, norm, taken_until)
                    if siblings:
                        matches.extend(siblings)
                        found = (k, cand)
                        break
                if found:
                    break
            if found is None:
                i += 1
                continue
            k, cand = found
            first = i
            if cand.entry.type == "person" and cand.kind == "short":
                context = _surname_context(cand.entry, i, k, toks, text, words)
                if context is None:  # another person with this surname ("Алию Жакупову")
                    i += 1
                    continue
                first = context  # initials of this person ("К. Токаев") join the match
            start, stop = toks[first][0], toks[i + k - 1][1]
            prep = self._preposition(first, toks, text, norm)
            if cand.form.coordinated:
                prep = matches[-1].preposition  # "в" of "в Туркестанской и ... областях"
            matches.append(
                Match(
                    start,
                    stop,
                    text[start:stop],
                    cand.entry,
                    cand.kind,
                    _resolve_case(cand.form.cases, prep),
                    cand.form.number,
                    prep,
                    cand.form.coordinated,
                )
            )
            i += k
            taken_until = i
        matches.sort(key=lambda m: m.start)
        return matches

    @staticmethod
    def _best(cands: list[_Candidate]) -> _Candidate:
        # Later glossaries win; then full forms, then singular readings.
        kind_order = {"full": 2, "short": 1, "alias": 0}
        return max(cands, key=lambda c: (c.rank, kind_order[c.kind], c.form.number == "sing"))

    @staticmethod
    def _preposition(
        i: int, toks: list[tuple[int, int, str]], text: str, norm: list[str]
    ) -> str | None:
        if i == 0 or not _JOINABLE.match(text[toks[i - 1][1] : toks[i][0]]):
            return None
        word = norm[i - 1]
        return word if word in PREPOSITIONS else None

    def _siblings(
        self,
        cand: _Candidate,
        i: int,
        toks: list[tuple[int, int, str]],
        text: str,
        norm: list[str],
        taken_until: int,
    ) -> list[Match]:
        """Adjectives coordinated with ``cand``'s adjective: "Туркестанской и" / "Акмолинской,"."""
        found: list[Match] = []
        pos = i
        while True:
            if pos >= 2 and norm[pos - 1] in _COORDINATORS:
                adj = pos - 2
                gaps = (
                    text[toks[adj][1] : toks[adj + 1][0]],
                    text[toks[pos - 1][1] : toks[pos][0]],
                )
                if not all(g.strip() in ("", ",") for g in gaps):
                    break
            elif pos >= 1 and text[toks[pos - 1][1] : toks[pos][0]].strip() == ",":
                adj = pos - 1
            else:
                break
            if adj < taken_until:
                break
            hit = None
            for entry, cases, head_key in self.adjectives.get(norm[adj], ()):
                if head_key == cand.head_key and cases & cand.form.cases and entry != cand.entry:
                    hit = (entry, cases & cand.form.cases)
                    break
            if hit is None:
                break
            start, stop, _ = toks[adj]
            prep = self._preposition(adj, toks, text, norm)
            found.append(
                Match(
                    start,
                    stop,
                    text[start:stop],
                    hit[0],
                    "full",
                    _resolve_case(hit[1], prep),
                    "sing",
                    prep,
                    True,
                )
            )
            pos = adj
        if found:
            # The head noun's preposition governs the whole coordination.
            prep = next((m.preposition for m in reversed(found) if m.preposition), None)
            found = [
                Match(
                    m.start, m.stop, m.text, m.entry, m.form,
                    _resolve_case(cand.form.cases, prep), "sing", prep, True,
                )
                for m in found
            ]  # fmt: skip
        return found


def _initials_before(i: int, toks: list[tuple[int, int, str]], text: str) -> tuple[int, str]:
    """Index of the first initial right before token ``i`` and their letters ("К.-Ж. " -> КЖ)."""
    j, letters = i, ""
    while j > 0:
        word = toks[j - 1][2]
        if not (len(word) == 1 and word.isupper()):
            break
        if not _INITIAL_GAP.match(text[toks[j - 1][1] : toks[j][0]]):
            break
        j -= 1
        letters = word + letters
    return j, letters


def _first_name_forms(entry: Entry) -> set[str]:
    """Every case form of the entry's first name (normalized), for comparing with a text."""
    words = entry.ru.split()
    if len(words) < 2:
        return set()
    table = name_table(words[0], is_female_name(words))
    return {normalize(w) for forms in table.values() for w in forms}


def _surname_context(
    entry: Entry, i: int, k: int, toks: list[tuple[int, int, str]], text: str, words: list[str]
) -> int | None:
    """For a surname matched alone: None when the text names a different person there (a
    different first name or initial right before or after it), else the index the match
    starts at (its initials included)."""
    parts = entry.ru.split()
    if len(parts) < 2:
        return i
    if (
        not is_female_name(parts)
        and i + k < len(toks)
        and _JOINABLE.match(text[toks[i + k - 1][1] : toks[i + k][0]])
        and names_a_woman(words[i + k - 1], words[i + k])
    ):
        return None  # a woman with this surname: not the man of the entry
    start, letters = _initials_before(i, toks, text)
    if letters:
        return start if letters[0] == parts[0][:1].upper() else None
    neighbours = []
    if i > 0 and _JOINABLE.match(text[toks[i - 1][1] : toks[i][0]]):
        neighbours.append(words[i - 1])
    if i + k < len(toks) and _JOINABLE.match(text[toks[i + k - 1][1] : toks[i + k][0]]):
        neighbours.append(words[i + k])
    for word in neighbours:
        named = word[:1].isupper() and len(word) > 1 and is_first_name(word)
        if named and normalize(word) not in _first_name_forms(entry):
            return None
    return i


def _resolve_case(cases: frozenset[str], preposition: str | None) -> str | None:
    if not cases:
        return None
    if preposition:
        governed = [c for c in PREPOSITIONS[preposition] if c in cases]
        if governed:
            return governed[0]
    for case in _CASE_ORDER:
        if case in cases:
            return case
    return None
