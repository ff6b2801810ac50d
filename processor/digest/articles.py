"""One input of a digest as a small record: what grouping, ranking and rendering need.

:func:`prepare_article` runs in the batch executor's workers (module-level, picklable):
it prepares the input like ``brief`` does (read, segment, select, match the glossary) and
keeps only the record, so memory holds records, not documents.  The grouping signals are
taken from the headline and the lead (the first sentences say what happened): content
lemmas, natasha's names and the glossary's, figures, and a navec vector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from processor.digest.outlets import Outlet, Outlets
from processor.summarize.figures import figure_spans

if TYPE_CHECKING:
    from collections.abc import Sequence

    from processor.glossary import Glossary
    from processor.preparation import BriefOptions, Prepared
    from processor.speech import Speaker

LEAD_SENTENCES = 3
# Parts of speech whose lemmas say what happened and to whom.
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_STOP_LEMMAS = set(
    "год день сообщать сообщить передавать говориться отмечаться заявить сказать "
    "который этот также ранее сегодня время пресс-служба корреспондент информация "
    "казахстан республика казахстанский страна".split()
)
# "Астана. 26 ноября. КазТАГ –", "Москва. 11 февраля. INTERFAX.RU -", "АСТАНА, 6 окт — Sputnik."
_DATELINE = re.compile(
    r"^[А-ЯЁA-Z][\w-]+[.,]\s+\d{1,2}\s+[а-яё]+\.?(?:,\s*\d{4})?(?:,\s*\d{1,2}:\d{2})?[.,]?\s*"
    r"(?:[—–-]\s*[\w.«»\" ]{2,30}?\.\s+|[\w.«»\" ]{2,30}?\s*[—–-]\s+|[—–-]\s*)"
)
_ATTRIBUTION = re.compile(
    r",\s*(?:сообщает|передает|передаёт|пишет|сообщили|сообщил|сообщила)\s+[^,]{2,60}?\.?$"
)
# Outlets and agencies named as sources ("сообщает Zakon.kz", "передает ТАСС"): not actors.
_MEDIA = re.compile(
    r"\.(?:kz|ru|com|kg|net|org|uz)\b|^(?:тасс|риа новости|интерфакс|sputnik|спутник|"
    r"tengrinews|казтаг|kazinform|казинформ|информбюро|регнум|известия|baq)$",
    re.I,
)
_NUMBER = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?")


@dataclass(frozen=True)
class Name:
    """A person, organisation or place named in the article, in ru (nominative), en, kk."""

    type: str
    ru: str
    en: str
    kk: str
    in_glossary: bool = False

    @property
    def key(self) -> str:
        return self.ru.lower()


@dataclass(frozen=True)
class Point:
    """One key point of one article: its sentence ids, text and speaker (when known)."""

    ids: tuple[str, ...]
    text: str
    score: float
    speaker: str | None = None


@dataclass
class Article:
    """One prepared input as the digest uses it (picklable; no Document kept)."""

    input: str  # the path as given
    outlet: str | None
    date: str | None  # ISO
    url: str | None
    headline: str
    lead: str
    language: str
    points: list[Point] = field(default_factory=list)
    figure_sentences: list[str] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    lemmas: dict[str, int] = field(default_factory=dict)  # content lemma -> count in lead
    title_lemmas: frozenset[str] = frozenset()  # of the headline alone
    numbers: frozenset[str] = frozenset()
    vector: bytes = b""  # float32, unit length (navec mean of the lead); b"": none
    publisher: Outlet | None = None  # the outlet, identified (None: not identified yet)
    lead_speakers: frozenset[str] = frozenset()  # surnames of who speaks in the lead

    @property
    def name_keys(self) -> frozenset[str]:
        return frozenset(n.key for n in self.names)

    @property
    def source(self) -> Outlet:
        """Who published it (:mod:`processor.digest.outlets`)."""
        return self.publisher or Outlets().identify(self.outlet, self.url, self.input)

    @property
    def source_key(self) -> str:
        return self.source.key


def clean_lead(sentence: str) -> str:
    """A lead sentence without its dateline and closing attribution."""
    text = _DATELINE.sub("", sentence.strip(), count=1).strip()
    text = _ATTRIBUTION.sub(".", text)
    return text[:1].upper() + text[1:]


def numbers_of(text: str) -> frozenset[str]:
    """The figures of ``text`` as plain numbers ("51,77%" -> "51.77"); years and days out."""
    found = set()
    for figure in (text[a:b] for a, b in figure_spans(text)):
        measured = not re.fullmatch(r"[\d\s\u00a0.,]+", figure)  # "51%", "7 млн", not "26"
        for match in _NUMBER.finditer(figure):
            value = match.group().replace(" ", "").replace("\u00a0", "").replace(",", ".")
            bare = re.fullmatch(r"\d{1,2}", value) or re.fullmatch(r"(19|20)\d\d", value)
            if bare and not measured:
                continue
            found.add(value)
    return frozenset(found)


def speakers_of(prepared: Prepared) -> dict[str, Speaker]:
    """Sentence id -> who says it, from the speech found when the input was prepared
    (:func:`processor.speech.find_speech`)."""
    return prepared.speech.speakers if prepared.speech is not None else {}


def signed(speakers: dict[str, Speaker], ids: Sequence[str], text: str) -> str | None:
    """The "— speaker" of a key point ("Эдуард Полетаев, политолог"), unless its text names
    the speaker already ("Об этом сообщила пресс-служба Акорды"), as the memo does."""
    from processor.speech.people import names_speaker

    speaker = next((speakers[i] for i in ids if i in speakers), None)
    if speaker is None or names_speaker(text, speaker.key):
        return None
    return speaker.line()


def describe(prepared: Prepared, glossary: Glossary | None = None) -> Article:
    """The digest's record of one prepared input (its outlet identified with the
    glossary's media entries, when there is a glossary)."""
    from processor.memo.content import derive_title

    doc = prepared.doc
    sentences = doc.sentences()
    headline = doc.title or derive_title(doc)
    body = [s for s in sentences if s.text.strip() != headline.strip()]
    # The dateline may span sentences ("Астана. 26 ноября. КазТАГ – ..."): cut it once.
    lead = clean_lead(" ".join(_ATTRIBUTION.sub(".", s.text) for s in body[:LEAD_SENTENCES]))
    speakers = speakers_of(prepared)
    # Who the lead quotes ("сообщил Дмитрий Песков"): a statement is its speaker's event.
    # People only: "сообщает ТАСС" in one lead and "передает BAQ.kz" in another is no
    # different event.
    lead_speakers = frozenset(
        speakers[s.id].key.lower()
        for s in body[:LEAD_SENTENCES]
        if s.id in speakers and speakers[s.id].kind == "person" and speakers[s.id].key
    )
    points = [
        Point(
            p.sentence_ids,
            p.text,
            p.score,
            signed(speakers, p.sentence_ids, p.text),
        )
        for p in prepared.selection.key_points
    ]
    names = []
    if prepared.findings is not None:
        names = [
            Name(n.type, n.ru, n.en, n.kk, n.in_glossary)
            for n in prepared.findings.names
            if n.type in ("person", "organization", "place") and not _MEDIA.search(n.ru)
        ]
    lemmas, vector = _lemmas_and_vector(f"{headline}. {lead}")
    title_lemmas, _ = _lemmas_and_vector(headline)
    meta = doc.meta
    return Article(
        input=prepared.source,
        outlet=meta.outlet,
        date=meta.published,
        url=meta.url,
        headline=headline,
        lead=lead,
        language=doc.language,
        points=points,
        figure_sentences=[p.text for p in prepared.selection.key_figures],
        names=names,
        lemmas=lemmas,
        title_lemmas=frozenset(title_lemmas),
        numbers=numbers_of(f"{headline} {' '.join(s.text for s in body)}"),
        vector=vector,
        lead_speakers=lead_speakers,
        publisher=_outlets(glossary).identify(meta.outlet, meta.url, prepared.source),
    )


_OUTLETS: dict[int, tuple[object, Outlets]] = {}


def _outlets(glossary: Glossary | None) -> Outlets:
    """The outlet index of ``glossary``, built once per loaded glossary."""
    cached = _OUTLETS.get(id(glossary))
    if cached is None or cached[0] is not glossary:
        cached = _OUTLETS[id(glossary)] = (glossary, Outlets(glossary))
    return cached[1]


def _lemmas_and_vector(text: str) -> tuple[dict[str, int], bytes]:
    """Content lemmas of ``text`` with counts, and the unit mean of their navec vectors."""
    import numpy as np

    from processor.nlp import lemma_of, parse, pipeline

    doc = parse(text, syntax=False, ner=False)
    lemmas: dict[str, int] = {}
    vectors = []
    navec = pipeline().embedding  # a Navec: word -> 300 floats
    for token in doc.tokens:
        if token.pos not in _CONTENT_POS:
            continue
        lemma = lemma_of(token).lower()
        if len(lemma) < 2 or lemma in _STOP_LEMMAS or any(c.isdigit() for c in lemma):
            continue
        lemmas[lemma] = lemmas.get(lemma, 0) + 1
        vector = navec.get(lemma)
        if vector is None:
            vector = navec.get(token.text.lower())
        if vector is not None:
            vectors.append(vector)
    if not vectors:
        return lemmas, b""
    mean = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    norm = float(np.linalg.norm(mean))
    return lemmas, (mean / norm).astype(np.float32).tobytes() if norm else b""


def prepare_article(path: str, options: BriefOptions) -> Article:
    """Prepare one input and describe it; raises on failure (the batch executor's unit)."""
    from processor.preparation import load_glossary, prepare

    return describe(prepare(path, options), load_glossary(options))
