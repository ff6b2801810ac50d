"""Names and roles of speakers in the nominative, from natasha's parse.

"по словам министра энергетики Ерлана Аккенженова" -> ``Ерлан Аккенженов``,
``министр энергетики``: the role is the subject noun's phrase before the name, its head
and the adjectives before it put in the nominative (pymorphy3), its genitive tail and a
quoted name kept as written ("главный редактор портала «Русские в Казахстане»").
"""

from __future__ import annotations

from typing import Any


def nominative_name(normal: str) -> str:
    # "Ерлан КОШАНОВ": some outlets print surnames in capitals; a name is written "Кошанов".
    return " ".join(
        w.capitalize() if w.isupper() and len(w) > 2 else w[:1].upper() + w[1:]
        for w in normal.split()
    )


_NOT_ROLE = frozenset({"appos", "acl", "acl:relcl", "conj", "cc", "parataxis"})


def role_of(head: Any, children: dict[str, list[Any]], skip: set[str], before: int = 10**6) -> str:
    """The role phrase headed by ``head`` in the nominative: "министра энергетики" ->
    "министр энергетики"; adjectives before it agree ("первого вице-министра")."""
    words: list[tuple[int, str]] = []
    stack = [head]
    seen: set[str] = set()  # a parse may hold a cycle (24.kg: memory grew without end)
    while stack:
        t = stack.pop()
        if t.id in seen:
            continue
        seen.add(t.id)
        if t.id in skip or position(t.id) >= before:
            continue  # the role is what precedes the name: "министр энергетики Ерлан ..."
        if t.pos == "PUNCT" and t.text not in "«»":
            continue
        kids = children.get(t.id, [])
        # A quoted name inside the role stays: "редактор портала «Русские в Казахстане»".
        quoted = any(c.text == "«" for c in kids)
        if t is not head and t.rel in _NOT_ROLE and not (t.rel == "appos" and quoted):
            continue
        words.append((position(t.id), t.text))
        stack.extend(children.get(t.id, []))
    words.sort()
    head_position = position(head.id)
    out: list[str] = []
    for at, text in words:
        if at == head_position:
            out.append(_inflect(text, None))
        elif at < head_position:
            out.append(_inflect(text, _gender(head.text)))
        else:
            out.append(text)
    role = " ".join(out).replace("« ", "«").replace(" »", "»")
    # "Министр иностранных дел РК" opening a sentence: a common noun, written lower-case.
    first = out[0] if out else ""
    return first[:1].lower() + role[1:] if first[1:2].islower() else role


def position(token_id: str) -> int:
    return int(token_id.rsplit("_", 1)[1])


def _gender(word: str) -> str | None:
    from processor.morphology import analyzer

    parse = analyzer().parse(word.lower())[0]
    return parse.tag.gender


def _inflect(word: str, gender: str | None) -> str:
    """``word`` in the nominative singular (an adjective agreeing with ``gender``)."""
    from processor.morphology import analyzer

    if not word[:1].isalpha() or (len(word) > 1 and word.isupper()):
        return word
    parse = analyzer().parse(word.lower())[0]
    if "nomn" in parse.tag and "sing" in parse.tag:
        return word
    wanted = {"nomn", "sing"} | ({gender} if gender and "ADJF" in parse.tag else set())
    form = parse.inflect(wanted)
    if form is None:
        return word
    text = str(form.word)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text
