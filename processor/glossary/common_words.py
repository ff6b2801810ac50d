"""Common words that names of places and organizations are made of, in English and Kazakh.

A name outside the glossary made only of these words (``Технический университет``,
``Южная Азия``) is translated word by word, as a reader expects ("Technical University",
"South Asia"), instead of romanized ("Tekhnicheskiy universitet").  Keys are Russian
lemmas (pymorphy's normal form: masculine singular for adjectives).
"""

from __future__ import annotations

# lemma -> (English, Kazakh)
ADJECTIVES: dict[str, tuple[str, str]] = {
    "северный": ("North", "Солтүстік"),
    "южный": ("South", "Оңтүстік"),
    "западный": ("West", "Батыс"),
    "восточный": ("East", "Шығыс"),
    "центральный": ("Central", "Орталық"),
    "северо-восточный": ("Northeast", "Солтүстік-Шығыс"),
    "северо-западный": ("Northwest", "Солтүстік-Батыс"),
    "юго-восточный": ("Southeast", "Оңтүстік-Шығыс"),
    "юго-западный": ("Southwest", "Оңтүстік-Батыс"),
    "технический": ("Technical", "Техникалық"),
    "национальный": ("National", "Ұлттық"),
    "государственный": ("State", "Мемлекеттік"),
    "международный": ("International", "Халықаралық"),
    "медицинский": ("Medical", "Медициналық"),
    "педагогический": ("Pedagogical", "Педагогикалық"),
    "аграрный": ("Agrarian", "Аграрлық"),
    "экономический": ("Economic", "Экономикалық"),
    "исламский": ("Islamic", "Ислам"),
    "европейский": ("European", "Еуропа"),
    "азиатский": ("Asian", "Азия"),
    "евразийский": ("Eurasian", "Еуразиялық"),
    "всемирный": ("World", "Дүниежүзілік"),
    "верховный": ("Supreme", "Жоғарғы"),
    "конституционный": ("Constitutional", "Конституциялық"),
    "высший": ("Higher", "Жоғары"),
    "федеральный": ("Federal", "Федералдық"),
    "промышленный": ("Industrial", "Өнеркәсіптік"),
    "нефтяной": ("Oil", "Мұнай"),
    "газовый": ("Gas", "Газ"),
    "атомный": ("Nuclear", "Атом"),
    "новый": ("New", "Жаңа"),
    "ближний": ("Near", "Таяу"),
    "средний": ("Middle", "Орта"),
    "дальний": ("Far", "Қиыр"),
}
NOUNS: dict[str, tuple[str, str]] = {
    "университет": ("University", "университет"),
    "институт": ("Institute", "институт"),
    "академия": ("Academy", "академия"),
    "банк": ("Bank", "банк"),
    "фонд": ("Fund", "қор"),
    "агентство": ("Agency", "агенттік"),
    "министерство": ("Ministry", "министрлік"),
    "комитет": ("Committee", "комитет"),
    "совет": ("Council", "кеңес"),
    "союз": ("Union", "одақ"),
    "суд": ("Court", "сот"),
    "партия": ("Party", "партия"),
    "компания": ("Company", "компания"),
    "корпорация": ("Corporation", "корпорация"),
    "биржа": ("Exchange", "биржа"),
    "палата": ("Chamber", "палата"),
    "ассоциация": ("Association", "қауымдастық"),
    "организация": ("Organization", "ұйым"),
    "федерация": ("Federation", "федерация"),
    "республика": ("Republic", "республика"),
    "служба": ("Service", "қызмет"),
    "центр": ("Centre", "орталық"),
    "музей": ("Museum", "мұражай"),
    "театр": ("Theatre", "театр"),
    "больница": ("Hospital", "аурухана"),
    "аэропорт": ("Airport", "әуежай"),
    "порт": ("Port", "порт"),
    "азия": ("Asia", "Азия"),
    "европа": ("Europe", "Еуропа"),
    "африка": ("Africa", "Африка"),
    "америка": ("America", "Америка"),
    "кавказ": ("Caucasus", "Кавказ"),
    "восток": ("East", "Шығыс"),
    "море": ("Sea", "теңіз"),
    "океан": ("Ocean", "мұхит"),
    "озеро": ("Lake", "көл"),
    "река": ("River", "өзен"),
    "залив": ("Gulf", "шығанақ"),
    "область": ("Region", "облыс"),
    "район": ("District", "аудан"),
}
# Titles and forms of address that natasha sometimes tags as a person or organization:
# never a row of the names table on their own.
GENERIC: frozenset[str] = frozenset(
    {
        "президент", "премьер-министр", "министр", "аким", "депутат", "глава", "председатель",
        "уважаемый", "дорогой", "господин", "госпожа", "коллега", "правительство",
        "парламент", "мажилис", "сенат", "государство", "страна", "республика", "министерство",
    }
)  # fmt: skip
