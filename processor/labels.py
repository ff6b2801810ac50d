"""Every fixed text a memo shows, in each memo language (one place to edit them)."""

from __future__ import annotations

MEMO_LANGUAGES = ("en", "kk", "ru")

_LABELS: dict[str, dict[str, str]] = {
    "memo": {"en": "Briefing memo", "ru": "Аналитическая справка", "kk": "Талдамалық анықтама"},
    "key_points": {"en": "Key points", "ru": "Ключевые тезисы", "kk": "Негізгі тұжырымдар"},
    "key_figures": {"en": "Key figures", "ru": "Ключевые цифры", "kk": "Негізгі сандар"},
    "entities": {
        "en": "People, organizations and places",
        "ru": "Люди, организации и места",
        "kk": "Тұлғалар, ұйымдар және орындар",
    },
    "terminology": {"en": "Terminology", "ru": "Терминология", "kk": "Терминология"},
    "full_text": {"en": "Full text", "ru": "Полный текст", "kk": "Толық мәтін"},
    "notices": {"en": "Notices", "ru": "Примечания", "kk": "Ескертулер"},
    "source": {"en": "Source", "ru": "Источник", "kk": "Дереккөз"},
    "processed": {"en": "Processed", "ru": "Дата обработки", "kk": "Өңделген күні"},
    "source_language": {"en": "Source language", "ru": "Язык оригинала", "kk": "Түпнұсқа тілі"},
    "memo_language": {"en": "Memo language", "ru": "Язык справки", "kk": "Анықтама тілі"},
    "length": {"en": "Length", "ru": "Объём", "kk": "Көлемі"},
    "length_value": {
        "en": "{words} words, {sentences} sentences",
        "ru": "{words} слов, {sentences} предложений",
        "kk": "{words} сөз, {sentences} сөйлем",
    },
    "summarizer": {"en": "Summarizer", "ru": "Метод отбора", "kk": "Іріктеу әдісі"},
    "translation": {"en": "Translation", "ru": "Перевод", "kk": "Аударма"},
    "no_translation": {"en": "none (source text)", "ru": "нет (текст оригинала)",
                       "kk": "жоқ (түпнұсқа мәтін)"},
    "glossary": {"en": "Glossary", "ru": "Глоссарий", "kk": "Глоссарий"},
    "type": {"en": "Type", "ru": "Тип", "kk": "Түрі"},
    "term": {"en": "Term", "ru": "Термин", "kk": "Термин"},
    "occurrences": {"en": "Occurrences", "ru": "Вхождений", "kk": "Кездесу саны"},
    "correct": {"en": "Rendered correctly", "ru": "Передан верно", "kk": "Дұрыс берілді"},
    "yes": {"en": "yes", "ru": "да", "kk": "иә"},
    "no": {"en": "no", "ru": "нет", "kk": "жоқ"},
    "not_translated": {"en": "n/a", "ru": "н/п", "kk": "қ/ж"},
    "romanized": {"en": "romanized, not in glossary", "ru": "транслитерация, нет в глоссарии",
                  "kk": "транслитерация, глоссарийде жоқ"},
    "none_found": {"en": "None found.", "ru": "Не найдено.", "kk": "Табылған жоқ."},
    "page": {"en": "Page", "ru": "Стр.", "kk": "Бет"},
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
    "place": {"en": "place", "ru": "место", "kk": "орын"},
    "abbreviation": {"en": "abbreviation", "ru": "аббревиатура", "kk": "қысқарту"},
    "lang_ru": {"en": "Russian", "ru": "русский", "kk": "орыс тілі"},
    "lang_en": {"en": "English", "ru": "английский", "kk": "ағылшын тілі"},
    "lang_kk": {"en": "Kazakh", "ru": "казахский", "kk": "қазақ тілі"},
}


def label(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language`` (English when a language lacks it)."""
    texts = _LABELS[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text


def language_name(code: str, language: str) -> str:
    key = f"lang_{code}"
    return label(key, language) if key in _LABELS else code
