"""Every fixed text a memo shows, in each memo language (one place to edit them).

Kazakh wording follows the usage of akorda.kz / gov.kz: "жер атаулары" (place names),
"Негізгі көрсеткіштер" (key figures), no home-made abbreviations.
"""

from __future__ import annotations

import re

from processor.kazakh_latin import base_language, in_script

_LABELS: dict[str, dict[str, str]] = {
    "memo": {"en": "Briefing memo", "ru": "Аналитическая справка", "kk": "Талдамалық анықтама"},
    "marking": {
        "en": "For internal use",
        "ru": "Для внутреннего пользования",
        "kk": "Ішкі пайдалану үшін",
    },
    "bottom_line": {"en": "Bottom line", "ru": "Главное", "kk": "Басты түйін"},
    "key_points": {"en": "Key points", "ru": "Ключевые тезисы", "kk": "Негізгі тұжырымдар"},
    "key_figures": {"en": "Key figures", "ru": "Ключевые цифры", "kk": "Негізгі көрсеткіштер"},
    "figure": {"en": "Figure", "ru": "Цифра", "kk": "Көрсеткіш"},
    "what": {"en": "What", "ru": "Что", "kk": "Не туралы"},
    "context": {"en": "Context", "ru": "Контекст", "kk": "Мәнмәтін"},
    "figure_lost": {
        "en": "† the translation of this sentence does not state the figure: check the source.",
        "ru": "† в переводе предложения этой цифры нет: сверьте с оригиналом.",
        "kk": "† сөйлемнің аудармасында бұл көрсеткіш жоқ: түпнұсқамен салыстырыңыз.",
    },
    "entities": {
        "en": "People, organizations and places",
        "ru": "Люди, организации и места",
        "kk": "Тұлғалар, ұйымдар және жер атаулары",
    },
    "terminology": {"en": "Terminology", "ru": "Терминология", "kk": "Терминология"},
    "full_text": {"en": "Full text", "ru": "Полный текст", "kk": "Толық мәтін"},
    "notices": {"en": "Notices", "ru": "Примечания", "kk": "Ескертулер"},
    "method": {"en": "Method", "ru": "Метод", "kk": "Әдіс"},
    "subject": {"en": "Subject", "ru": "Тема", "kk": "Тақырыбы"},
    "source": {"en": "Source", "ru": "Источник", "kk": "Дереккөз"},
    "source_unknown": {
        "en": "not named in the article",
        "ru": "не указан в тексте",
        "kk": "мәтінде көрсетілмеген",
    },
    "original_title": {
        "en": "Original headline",
        "ru": "Заголовок оригинала",
        "kk": "Түпнұсқа тақырыбы",
    },
    "published": {"en": "Article date", "ru": "Дата публикации", "kk": "Жарияланған күні"},
    "link": {"en": "Link", "ru": "Ссылка", "kk": "Сілтеме"},
    "file": {"en": "File", "ru": "Файл", "kk": "Файл"},
    "processed": {"en": "Processed", "ru": "Дата обработки", "kk": "Өңделген күні"},
    "source_language": {"en": "Source language", "ru": "Язык оригинала", "kk": "Түпнұсқа тілі"},
    "memo_language": {"en": "Memo language", "ru": "Язык справки", "kk": "Анықтама тілі"},
    "length": {"en": "Source length", "ru": "Объём оригинала", "kk": "Түпнұсқа көлемі"},
    "summarizer": {"en": "Summarizer", "ru": "Метод отбора", "kk": "Іріктеу әдісі"},
    "translation": {"en": "Translation", "ru": "Перевод", "kk": "Аударма"},
    "no_translation": {
        "en": "none (source text)",
        "ru": "нет (текст оригинала)",
        "kk": "жоқ (түпнұсқа мәтін)",
    },
    "glossary": {"en": "Glossary", "ru": "Глоссарий", "kk": "Глоссарий"},
    "type": {"en": "Type", "ru": "Тип", "kk": "Түрі"},
    "term": {"en": "Term", "ru": "Термин", "kk": "Термин"},
    "expected": {"en": "Expected rendering", "ru": "Ожидаемый перевод", "kk": "Күтілген аударма"},
    "occurrences": {"en": "In text", "ru": "В тексте", "kk": "Мәтінде"},
    "lost": {"en": "Lost", "ru": "Потеряно", "kk": "Жоғалды"},
    "reason": {"en": "Reason", "ru": "Причина", "kk": "Себебі"},
    "terms_ok": {
        "en": "Another {terms} came through the translation as the glossary asks.",
        "ru": "Переданы так, как требует глоссарий: ещё {terms}.",
        "kk": "Тағы {terms} глоссарий талап еткендей аударылды.",
    },
    "terms_all_ok": {
        "en": "All {terms} came through the translation as the glossary asks.",
        "ru": "Переданы так, как требует глоссарий: {terms}.",
        "kk": "Барлық {terms} глоссарий талап еткендей аударылды.",
    },
    "term_lost": {
        "en": "{term} → {rendering}: lost in {missing} of {translated} translated sentences",
        "ru": "{term} → {rendering}: не передан в переводе ({missing} из {translated})",
        "kk": "{term} → {rendering}: аудармада берілмеді ({translated} сөйлемнің {missing})",
    },
    "term_wrong": {
        "en": "{term} → {rendering}: not rendered as the glossary asks",
        "ru": "{term} → {rendering}: передан не так, как требует глоссарий",
        "kk": "{term} → {rendering}: глоссарий талап еткендей берілмеді",
    },
    "note_lost": {
        "en": "not found in the translation",
        "ru": "нет в переводе",
        "kk": "аудармада жоқ",
    },
    "note_retried": {
        "en": "translated again without protection",
        "ru": "переведено повторно без защиты термина",
        "kk": "терминді қорғаусыз қайта аударылды",
    },
    "note_engine_case": {
        "en": "case ending chosen by the engine",
        "ru": "падежное окончание выбрал переводчик",
        "kk": "септік жалғауын аудармашы бағдарлама таңдады",
    },
    "note_repeated": {
        "en": "the engine repeated the term",
        "ru": "переводчик повторил термин",
        "kk": "аудармашы бағдарлама терминді қайталады",
    },
    "romanized": {
        "en": "romanized, not in glossary",
        "ru": "транслитерация, нет в глоссарии",
        "kk": "транслитерация, глоссарийде жоқ",
    },
    "romanized_mark": {
        "en": "* not in the glossary: English romanized, Kazakh as in the Russian source; "
        "check the spelling.",
        "ru": "* нет в глоссарии: английское написание — транслитерация, казахское совпадает "
        "с русским; сверьте написание.",
        "kk": "* глоссарийде жоқ: ағылшынша транслитерация, қазақша орысша түпнұсқадағыдай; "
        "жазылуын тексеріңіз.",
    },
    "more_names": {
        "en": "{more} more in the text: {names}.",
        "ru": "Ещё в тексте ({more}): {names}.",
        "kk": "Мәтінде тағы {more}: {names}.",
    },
    "page_of": {
        "en": "Page {page} of {pages}",
        "ru": "Стр. {page} из {pages}",
        "kk": "{pages} беттің {page}-беті",
    },
    "notice": {
        "en": "Prepared automatically by processor {version} (offline machine processing: "
        "extractive summary, machine translation). Check against the source before citing.",
        "ru": "Подготовлено автоматически программой processor {version} (машинная обработка "
        "офлайн: извлечение ключевых предложений). Сверяйте с оригиналом перед цитированием.",
        "kk": "processor {version} бағдарламасы автоматты түрде дайындады (офлайн машиналық "
        "өңдеу: негізгі сөйлемдерді іріктеу, машиналық аударма). Дәйексөз келтірмес бұрын "
        "түпнұсқамен салыстырыңыз.",
    },
    "person": {"en": "person", "ru": "персона", "kk": "тұлға"},
    "organization": {"en": "organization", "ru": "организация", "kk": "ұйым"},
    "place": {"en": "place", "ru": "место", "kk": "жер атауы"},
    "abbreviation": {"en": "abbreviation", "ru": "аббревиатура", "kk": "қысқарту"},
    "lang_ru": {"en": "Russian", "ru": "русский", "kk": "орыс тілі"},
    "lang_en": {"en": "English", "ru": "английский", "kk": "ағылшын тілі"},
    "lang_kk": {"en": "Kazakh", "ru": "казахский", "kk": "қазақ тілі"},
    "lang_kk-latn": {
        "en": "Kazakh (Latin script)",
        "ru": "казахский (латиница)",
        "kk": "қазақ тілі (латын әліпбиі)",
    },
    # Route lines (translation.describe()) are English prose; these are their connectives.
    "route_pivot": {"en": "pivot through", "ru": "через язык-посредник", "kk": "аралық тіл"},
    "route_then": {"en": "then", "ru": "затем", "kk": "содан кейін"},
    "route_via": {"en": "via {engine}", "ru": "на движке {engine}", "kk": "{engine} арқылы"},
    "route_licence": {"en": "licence", "ru": "лицензия", "kk": "лицензия"},
    "route_none": {"en": "no translation", "ru": "без перевода", "kk": "аударма жоқ"},
    "route_noncommercial": {
        "en": "non-commercial",
        "ru": "только некоммерческое использование",
        "kk": "тек коммерциялық емес пайдалану",
    },
    "route_unknown": {"en": "unknown", "ru": "не указана", "kk": "көрсетілмеген"},
    "route_test": {"en": "test double", "ru": "тестовый переводчик", "kk": "сынақ аудармашысы"},
}

# Column headers of the ru | en | kk tables: each language named in itself.
LANGUAGE_COLUMNS = {"ru": "Русский", "en": "English", "kk": "Қазақша"}
_KAZAKH_COLUMNS = {"ru": "Орысша", "en": "Ағылшынша", "kk": "Қазақша"}

# Nouns counted in the memo, in the nominative singular; Russian agrees them with the number.
_NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "word": {"en": ("word", "words"), "ru": ("слово", ""), "kk": ("сөз", "")},
    "sentence": {"en": ("sentence", "sentences"), "ru": ("предложение", ""), "kk": ("сөйлем", "")},
    "term": {"en": ("term", "terms"), "ru": ("термин", ""), "kk": ("термин", "")},
}

# hold.TermOutcome.note texts -> label keys, so that reasons show in the memo language.
_NOTE_KEYS = {
    "placeholder lost, translated again": "note_retried",
    "case ending chosen by the engine": "note_engine_case",
    "the engine repeated the protected term": "note_repeated",
    "the engine's output has no rendering of this entry": "note_lost",
    "not found in the translation": "note_lost",
}


def label(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language`` (English when a language lacks it).

    A script variant (``kk-latn``) writes its base language's label in its script; the
    values (a Russian term, a model name) are put in afterwards, as they are.
    """
    texts = _LABELS[key]
    text = in_script(texts.get(base_language(language)) or texts["en"], language)
    return text.format(**values) if values else text


def language_columns(language: str) -> dict[str, str]:
    """The ru | en | kk column headers, each language named in itself; a memo in a script
    variant (``kk-latn``) names all three in its own script: Orysşa | Ağylşynşa | Qazaqşa."""
    if base_language(language) == language:
        return dict(LANGUAGE_COLUMNS)
    return {code: in_script(name, language) for code, name in _KAZAKH_COLUMNS.items()}


def language_name(code: str, language: str) -> str:
    key = f"lang_{code}"
    return label(key, language) if key in _LABELS else code


def counted(number: int, noun: str, language: str) -> str:
    """``73 слова``, ``4 предложения``, ``1 word``: the noun agrees with the number."""
    if base_language(language) != language:
        return in_script(counted(number, noun, base_language(language)), language)
    singular, plural = _NOUNS[noun].get(language) or _NOUNS[noun]["en"]
    if language == "ru":
        from processor.morphology import analyzer

        parsed = analyzer().parse(singular)[0].make_agree_with_number(number)
        return f"{number} {parsed.word if parsed else singular}"
    if language == "en":
        return f"{number} {singular if number == 1 else plural}"
    return f"{number} {singular}"  # Kazakh: the noun after a numeral stays singular


def note_text(note: str, language: str) -> str:
    """A hold note (``"a; b"``) in the memo language; notes it does not know are dropped
    outside English rather than shown as English prose."""
    parts = []
    for piece in note.split("; "):
        key = _NOTE_KEYS.get(piece.strip())
        if key:
            parts.append(label(key, language))
        elif language == "en" and piece.strip():
            parts.append(piece.strip())
    return "; ".join(dict.fromkeys(parts))


# Spelled out here: strftime's %B follows the process locale.
_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def format_date(iso: str, language: str) -> str:
    """An ISO date as the memo language writes it: 07.11.2025 (ru, kk), 7 November 2025 (en).

    Anything that is not an ISO date is shown as the source gave it.
    """
    import datetime as dt

    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    if language == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day:%d.%m.%Y}"


def localize_route(route: str, language: str) -> str:
    """A translator's ``describe()`` line with its English connectives in ``language``.

    Model names, language codes and licence names stay as they are (they are names).
    """
    # The glossaries have a row of their own in the method note.
    route = re.sub(r";\s*terms held to glossary:.*$", "", route)
    if language == "en":
        return route
    pairs = [
        (r"\bpivot through\b", "route_pivot"),
        (r"\bno translation\b", "route_none"),
        (r"\btest double\b", "route_test"),
        (r"\bnon-commercial\b", "route_noncommercial"),
        (r"(?<=licence: )unknown( \(state it with --licence\))?", "route_unknown"),
        (r"\blicence\b", "route_licence"),
        (r"\bthen\b", "route_then"),
    ]
    for pattern, key in pairs:
        route = re.sub(pattern, label(key, language), route)
    route = re.sub(r"\bvia (\S+)", lambda m: label("route_via", language, engine=m[1]), route)
    # "(ru is the source language)" after "no translation": say it with the label.
    return re.sub(r"\((\w+) is the source language\)", r"(\1)", route)
