"""Who said it: direct and reported speech in a Russian article, and its genre.

:func:`find_speech` reads a segmented :class:`~processor.model.Document` and returns a
:class:`Speech`: for each sentence that is someone's words, its :class:`Speaker` (the name
in the nominative and the role the article gives, "Эдуард Полетаев", "политолог"), and the
article's genre when it is clear (``interview``, ``statement``, ``report``).

The parse comes from :mod:`processor.nlp` (natasha's syntax and NER, offline):

* a speech verb ("сказал", "отметил, что", "считает") and its subject; "по словам X",
  "по мнению X" and their ``nmod``; the subject is a name (NER ``PER``), a role noun that
  an ``appos`` name follows ("министр энергетики Ерлан Аккенженов"), or a pronoun or a
  bare role ("он добавил", "глава государства заявил"): the last person named as a subject;
* a quotation that runs over several sentences takes the speaker of the sentence that
  closes it; a quoted or dashed paragraph, the speaker named at its end;
* an interview: interviewer turns (:func:`processor.summarize.rules.is_question_turn`),
  the interviewee named before them (the one the interviewer addresses by first name, the
  one "в интервью", else the last one who "рассказал"); every answer is the interviewee's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from processor.model import Document, Paragraph, Sentence
from processor.speech import lexicon, sources
from processor.speech.people import People, Person, Speaker
from processor.speech.roles import nominative_name, position, role_of

if TYPE_CHECKING:
    from processor.nlp import ParsedSentences

Genre = str  # "interview" | "statement" | "report"

# "по словам X", "по мнению X", "по оценке X": the noun's nmod is the speaker.
_ACCORDING_TO = frozenset({"слово", "мнение", "оценка"})
_PRONOUNS = frozenset({"он", "она"})
_POSSESSIVE = frozenset({"его", "её", "ее"})
# Who asks or reports, not who is reported: never resolved to the last person named.
_NOT_SPEAKERS = frozenset({"журналист", "корреспондент", "ведущий", "источник", "автор"})
# Share of attributed sentences above which an article is someone's statement, and below
# which it is a report of events.
_STATEMENT = 0.5
_REPORT = 0.2
_VOCATIVE = re.compile(r"^[\s–—-]*([А-ЯЁ][а-яё]+)\s+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична)\b")
_DASHES = "–—-"
# How far back (in paragraphs) a speaker's direct speech may have been introduced.
_CONTINUED = 2
_FIRST_PERSON = re.compile(r"\b(?:я|мы|мне|нам|нас|меня|считаю|думаю)\b", re.IGNORECASE)
_OPEN_QUOTE = '«„“"'
_CLOSE_QUOTE = '»“”"'
_FIRST_NAME = re.compile(r"^[\s–—-]*([А-ЯЁ][а-яё]+),")
# A capitalised role the tagger reads as a proper noun ("Президент отметил").
_ROLE_HEADS = frozenset({"президент", "премьер-министр", "министр", "аким", "глава", "спикер"})


@dataclass
class Speech:
    """The speakers of an article's sentences (by sentence id) and its genre."""

    speakers: dict[str, Speaker] = field(default_factory=dict)
    genre: Genre | None = None
    interviewee: Speaker | None = None

    def of(self, sentence_ids: Iterable[str]) -> Speaker | None:
        """The speaker of a bullet: the first speaker among its sentences."""
        return next((self.speakers[s] for s in sentence_ids if s in self.speakers), None)


def find_speech(doc: Document) -> Speech:
    """The speakers and the genre of ``doc`` (segmented first if it was not)."""
    from processor.summarize.rules import is_question_turn

    if not doc.is_segmented:
        doc.segment()
    sentences = list(doc.sentences())
    if not sentences:
        return Speech()
    questions = [p.index for p in doc.paragraphs if p.sentences and is_question_turn(p)]
    first_question = questions[0] if questions else None
    # With two interviewer turns the answers are the guest's whatever they say: only the
    # lead is parsed (the syntax parse is most of the cost of a long interview).
    answers = {
        p.index
        for p in doc.paragraphs
        if len(questions) >= 2 and p.index > questions[0] and p.index not in questions
    }
    # The headline is parsed too: it names the guest of an interview ("Андрей Чеботарёв: ...").
    title = (doc.title or "").strip()
    parsed = _parsed(doc, title, sentences, answers)
    people = People()
    headline = list(_name_spans(parsed.spans[0], parsed.by_id, parsed.children, people).values())
    found: dict[str, Person] = {}
    by_paragraph: dict[int, list[int]] = {}
    for k, s in enumerate(sentences, start=1):
        by_paragraph.setdefault(s.paragraph, []).append(k)
    interviewee: Person | None = None
    before_questions: list[Person] = []
    # The speaker of the last paragraph that had one, and how many paragraphs ago.
    last: tuple[Person, int] | None = None
    for paragraph in doc.paragraphs:
        group = by_paragraph.get(paragraph.index, [])
        if paragraph.index in questions:
            if interviewee is None:
                interviewee = _interviewee(paragraph.text, people, headline)
            continue  # the interviewer's words: nobody's finding
        speaker = None
        pending: list[str] = []  # sentences of a quotation not yet attributed
        quoted = paragraph.text.lstrip()[:1] in _OPEN_QUOTE + _DASHES
        for k in group:
            s = sentences[k - 1]
            person = _attribution(parsed, k, people, s.text)
            if person is not None and (first_question is None or paragraph.index < first_question):
                before_questions.append(person)
            if person is not None:
                for sid in pending:
                    found[sid] = person
                pending = []
                found[s.id] = speaker = person
            elif speaker is not None and quoted:
                found[s.id] = speaker  # "- отметил президент. - В этом году я ..."
            elif quoted or _opens_quote(s.text):
                pending.append(s.id)
        # A paragraph of direct speech that names nobody goes on with the speaker of the
        # paragraph just before it (or the one before that, after "...:").
        if (
            speaker is None
            and last is not None
            and group
            and _direct(paragraph.text)
            and _may_continue(paragraph.text, last[0])
            and paragraph.index - last[1] <= _CONTINUED
        ):
            speaker = last[0]
            for k in group:
                found[sentences[k - 1].id] = speaker
        if speaker is None and group and (intro := _introduced(paragraph.text, people)):
            # "Кумар Аксакалов, аким Костанайской области:" then the quotation.
            last = (intro, paragraph.index)
        if speaker is not None:
            last = (speaker, paragraph.index)
    # One question turn is an interview when the guest is addressed by name or the lead
    # says "в интервью".
    announced = any(
        "интервью" in sentences[k - 1].text.lower()
        for p, ks in by_paragraph.items()
        if first_question is not None and p < first_question
        for k in ks
    )
    named_guest = interviewee is not None or announced
    interview = len(questions) >= 2 or (bool(questions) and named_guest)
    if interview:
        if interviewee is None and before_questions:
            interviewee = before_questions[-1]
        if interviewee is None and len(headline) == 1:
            interviewee = headline[0]
        if interviewee is not None and first_question is not None:
            for p in doc.paragraphs:
                if p.index > first_question and p.index not in questions and p.kind == "body":
                    for k in by_paragraph.get(p.index, []):
                        found[sentences[k - 1].id] = interviewee
    else:
        interviewee = None
    speakers = {sid: people.speaker(p) for sid, p in found.items()}
    return Speech(
        speakers=speakers,
        genre=_genre(interview, interviewee, len(speakers), len(sentences)),
        interviewee=people.speaker(interviewee) if interviewee else None,
    )


# A paragraph that only introduces the next one's quotation: "Имя Фамилия, роль:".
_INTRO = re.compile(r"^\s*(?P<name>[А-ЯЁ][^,:«»\"]{2,60}?),\s*(?P<role>[^:«»\"]{2,120}):\s*$")


def _may_continue(text: str, last: Person) -> bool:
    """Whether a paragraph of direct speech naming nobody goes on with ``last``'s words.

    A quotation sourced to a document is not a person's ("…, — говорится в сообщении");
    an institution's unnamed release is that institution's own.
    """
    if not lexicon.CITED.search(text):
        return True
    return last.kind == "organization" and bool(lexicon.RELEASE.search(text))


def _parsed(
    doc: Document, title: str, sentences: list[Sentence], answers: set[int]
) -> ParsedSentences:
    """The headline (item 0) and the sentences parsed; an answer's sentences left empty.

    When the headline is the document's title paragraph (or there is none), the sentences
    are cut from the parse of the whole text that the names table made already.
    """
    from processor.nlp import parse_sentences, sentences_in

    heads = [p for p in doc.paragraphs if p.kind == "title"]
    if heads and heads[0] is not doc.paragraphs[0]:
        heads = []  # not where a headline stands: parsed on its own below
    if not title or (heads and heads[0].text.strip() == title):
        cut = sentences_in(doc.text, _ranges(doc, heads, sentences, answers))
        if cut is not None:
            return cut
    texts = ("" if s.paragraph in answers else s.text for s in sentences)
    return parse_sentences((title, *texts))


def _ranges(
    doc: Document, heads: list[Paragraph], sentences: list[Sentence], answers: set[int]
) -> list[tuple[int, int]]:
    """Where the headline and each sentence stand in ``doc.text`` (an answer: empty)."""
    offsets = doc.paragraph_starts()
    first = offsets[heads[0].index] if heads else 0
    ranges = [(first, first + len(heads[0].text)) if heads else (0, 0)]
    for s in sentences:
        start = offsets[s.paragraph] + s.start
        ranges.append(
            (start, start) if s.paragraph in answers else (start, offsets[s.paragraph] + s.stop)
        )
    return ranges


def _introduced(text: str, people: People) -> Person | None:
    """The person a "Name, role:" paragraph introduces (registered by its parse), with
    that role when the article gave none before."""
    match = _INTRO.match(text)
    if match is None:
        return None
    person = people.surnamed(match.group("name").split()[-1])
    if person is not None and not person.role:
        person.role = match.group("role").strip()
    return person


def _direct(text: str) -> bool:
    """Direct speech: a paragraph in quotation marks or after a dash, or in the first person."""
    text = text.lstrip()
    return text[:1] in _OPEN_QUOTE + _DASHES or bool(_FIRST_PERSON.search(text))


def _genre(interview: bool, interviewee: Person | None, said: int, total: int) -> Genre | None:
    if interview and interviewee is not None:
        return "interview"
    if not total:
        return None
    share = said / total
    return "statement" if share >= _STATEMENT else "report" if share <= _REPORT else None


def _opens_quote(text: str) -> bool:
    text = text.lstrip()
    return text[:1] in _OPEN_QUOTE and not any(c in text[1:] for c in _CLOSE_QUOTE)


def _interviewee(question: str, people: People, headline: list[Person]) -> Person | None:
    """The person an interviewer's first turn addresses ("Эдуард Эдуардович, ..."); named
    earlier in the article, or in its headline."""
    match = _VOCATIVE.match(question) or _FIRST_NAME.match(question)
    if match:
        person = people.first_named(match.group(1))
        if person is None:
            person = next((p for p in headline if p.name.split()[0] == match.group(1)), None)
        return person
    return None


def _attribution(parsed: ParsedSentences, k: int, people: People, text: str) -> Person | None:
    """The person (or institution) whose words sentence ``k`` reports, registering every
    person it names."""
    children = parsed.children
    names = _name_spans(parsed.spans[k], parsed.by_id, children, people)
    orgs = {t.id: span for span in parsed.spans[k] if span.type == "ORG" for t in span.tokens}
    found: Person | None = None
    for t in parsed.tokens[k]:
        subject = _speech_subject(t, children)
        if subject is None:
            continue
        found = _resolve(subject, names, children, people)
        if found is None and (org := sources.institution(subject, children, orgs)):
            found = sources.person_after(t, parsed.spans[k], names) or org
        if found is not None:
            break
    for t in parsed.tokens[k]:
        if t.rel == "nsubj" and t.id in names:
            people.last_subject = names[t.id]
    if found is not None:
        if found.kind == "person":
            people.last_subject = found
        return found
    if names and any(t.text.lower() == "интервью" for t in parsed.tokens[k]):
        return next(iter(names.values()))  # "В интервью «Республике» Шалкар Нурсеитов ..."
    return (
        sources.quoted_document(parsed.tokens[k], children, names, orgs, people)
        or sources.unnamed_institution(parsed.tokens[k], children, orgs)
        or sources.dashed_name(text, parsed.spans[k], names)
    )


def _speech_subject(token: Any, children: dict[str, list[Any]]) -> Any | None:
    from processor.nlp import lemma_of

    if token.pos == "VERB" and lemma_of(token) in lexicon.SPEECH_VERBS:
        kids = children.get(token.id, [])
        if any(c.text.lower() == "не" for c in kids):
            return None  # "он не сообщил": the outlet's words about what was not said
        return next((c for c in kids if c.rel == "nsubj"), None)
    if token.pos == "NOUN" and lemma_of(token) in _ACCORDING_TO:
        kids = children.get(token.id, [])
        if any(c.rel == "case" and c.text.lower() == "по" for c in kids):
            return next((c for c in kids if c.rel in ("nmod", "det")), None)
    return None


def _name_spans(
    spans: list[Any], tokens: dict[str, Any], children: dict[str, list[Any]], people: People
) -> dict[str, Person]:
    """Token id -> person for every token of a PER span, and for the role noun that an
    ``appos`` name belongs to; each person registered with its role."""
    from processor.nlp import normal_of

    out: dict[str, Person] = {}
    for span in spans:
        if span.type != "PER" or _VOCATIVE.match(span.text):
            continue  # "Эдуард Эдуардович": an address, not a name to attribute to
        inside = list(span.tokens)
        head = tokens.get(inside[0].head_id)
        role = ""
        if inside[0].rel == "appos" and head is not None and head.pos == "NOUN":
            role = role_of(head, children, {t.id for t in inside}, before=position(inside[0].id))
        person = people.add(nominative_name(normal_of(span)), role)
        for t in inside:
            out[t.id] = person
        if role and head is not None:
            out[head.id] = person
    return out


def _resolve(
    subject: Any, names: dict[str, Person], children: dict[str, list[Any]], people: People
) -> Person | None:
    from processor.nlp import lemma_of

    if subject.id in names:
        return names[subject.id]
    lemma = lemma_of(subject)
    if (subject.pos == "PRON" and lemma in _PRONOUNS) or subject.text.lower() in _POSSESSIVE:
        return people.last_subject or people.last_named  # "он добавил", "по его словам"
    if subject.pos == "PROPN" and subject.text.lower() in _ROLE_HEADS:
        return people.last_subject or people.last_named
    if (
        subject.pos == "NOUN"
        and subject.feats.get("Animacy") == "Anim"
        and subject.feats.get("Number") == "Sing"
        and lemma not in _NOT_SPEAKERS
    ):
        # "глава государства заявил": the person last named as a subject, in this role.
        person = people.last_subject or people.last_named
        if person is not None and not person.role:
            person.role = role_of(subject, children, set())
        return person
    return None
