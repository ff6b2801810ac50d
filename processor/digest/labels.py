"""Every fixed text a digest shows, in ru, en and kk (the memo's own labels are reused
where they say the same: marking, key points, key figures, figure, source, link)."""

from __future__ import annotations

from processor.kazakh_latin import base_language, in_script
from processor.memo.labels import label as memo_label

_LABELS: dict[str, dict[str, str]] = {
    "digest": {"en": "Press digest", "ru": "Обзор прессы", "kk": "Баспасөзге шолу"},
    "period": {"en": "Period", "ru": "Период", "kk": "Кезең"},
    "articles": {"en": "Articles", "ru": "Статей", "kk": "Мақалалар"},
    "outlets": {"en": "Outlets", "ru": "Изданий", "kk": "Басылымдар"},
    "stories": {"en": "Stories", "ru": "Сюжетов", "kk": "Сюжеттер"},
    "stories_heading": {"en": "Stories", "ru": "Сюжеты", "kk": "Сюжеттер"},
    "sources": {"en": "Sources", "ru": "Источники", "kk": "Дереккөздер"},
    "outlet": {"en": "Outlet", "ru": "Издание", "kk": "Басылым"},
    "date": {"en": "Date", "ru": "Дата", "kk": "Күні"},
    "headline": {"en": "Headline", "ru": "Заголовок", "kk": "Тақырып"},
    "index": {
        "en": "People and organisations of the day",
        "ru": "Люди и организации дня",
        "kk": "Күннің тұлғалары мен ұйымдары",
    },
    "name": {"en": "Name", "ru": "Имя", "kk": "Атауы"},
    "in_stories": {"en": "Stories", "ru": "Сюжеты", "kk": "Сюжеттер"},
    "person": {"en": "person", "ru": "человек", "kk": "тұлға"},
    "organization": {"en": "organisation", "ru": "организация", "kk": "ұйым"},
    "disagree": {
        "en": "outlets disagree",
        "ru": "издания расходятся",
        "kk": "басылымдар әртүрлі береді",
    },
    "failed": {
        "en": "Inputs not included",
        "ru": "Не вошедшие материалы",
        "kk": "Енгізілмеген материалдар",
    },
    "input": {"en": "Input", "ru": "Файл", "kk": "Файл"},
    "reason": {"en": "Reason", "ru": "Причина", "kk": "Себебі"},
    "outside_period": {
        "en": "dated {date}, outside the period",
        "ru": "дата {date} вне периода",
        "kk": "күні {date}, кезеңнен тыс",
    },
    "undated": {"en": "no date", "ru": "без даты", "kk": "күні жоқ"},
    "translation": {"en": "Translation", "ru": "Перевод", "kk": "Аударма"},
    "method_text": {
        "en": "Articles were grouped into stories by their dates, names, figures and the "
        "words of their leads; key points are extracted sentences, merged across outlets.",
        "ru": "Статьи сгруппированы в сюжеты по датам, именам, цифрам и словам вводных "
        "абзацев; ключевые тезисы — извлечённые предложения, объединённые по изданиям.",
        "kk": "Мақалалар күні, атаулары, сандары және кіріспе сөздері бойынша сюжеттерге "
        "топтастырылды; негізгі тұжырымдар — басылымдар бойынша біріктірілген сөйлемдер.",
    },
    "notice": {
        "en": "Prepared automatically by processor {version}; check against the sources.",
        "ru": "Подготовлено автоматически (processor {version}); сверяйте с источниками.",
        "kk": "Автоматты түрде дайындалды (processor {version}); дереккөздермен салыстырыңыз.",
    },
}
_MEMO_KEYS = {"marking", "key_points", "key_figures", "figure", "what", "link", "method"}


def label(key: str, language: str, **values: object) -> str:
    """The digest label ``key`` in ``language`` (English when a language lacks it)."""
    if key in _MEMO_KEYS:
        return memo_label(key, language, **values)
    texts = _LABELS[key]
    # kk-latn: the Kazakh label in the Latin alphabet (values are put in as they are).
    text = in_script(texts.get(base_language(language)) or texts["en"], language)
    return text.format(**values) if values else text
