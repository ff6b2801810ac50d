"""One outlet, however an article names it: counted once, shown by its canonical name."""

from __future__ import annotations

from processor.digest.content import build_digest, plan
from processor.digest.outlets import Outlets, unify
from processor.digest.ranking import outlets


def test_gazeta_named_three_ways_is_one_outlet(prepared_articles):
    """ "Газета.Ru (ТАСС)" on gazeta.ru, "Газета.Ru" and "Газета.Ru (gazeta.press)" (a mirror)."""
    articles = [prepared_articles[n] for n in (44, 49, 50)]
    assert len({a.outlet for a in articles}) == 3  # as the files name it
    assert outlets(articles) == 1
    digest = build_digest(plan(articles, [[0], [1], [2]]), "ru")
    assert digest.outlets == 1
    # Shown by the glossary's canonical name (kazakhstan-media.yaml: Gazeta.ru).
    assert {a.outlet for s in digest.stories for a in s.articles} == {"Gazeta.ru"}


def test_outlet_shown_in_the_digest_language(prepared_articles):
    regnum = prepared_articles[64]
    assert regnum.outlet == "ИА Регнум"
    [ru] = build_digest(plan([regnum], [[0]]), "ru").stories
    [en] = build_digest(plan([regnum], [[0]]), "en").stories
    assert ru.articles[0].outlet == "Регнум" and en.articles[0].outlet == "Regnum"


def test_names_cleaned_without_a_glossary():
    known = Outlets()  # no glossary: the cleaned name, or the site

    def key(name: str | None, url: str | None = None) -> str:
        return known.identify(name, url, "input.txt").key

    assert (
        key("Zakon.kz") == key("zakon.kz") == key("ZAKON.KZ") == key(None, "https://www.zakon.kz/a")
    )
    assert key("ИА «Регнум»") == key("Регнум") == key("информационное агентство Регнум")
    assert key("Газета.ру") == key("Газета.Ru (ТАСС)")
    # The site in parentheses is the site: it meets the address of another article.
    assert key("Мой ГОРОД (mgorod.kz)") == key("Мой город", "https://mgorod.kz/news/x")
    # The domain decides: two outlets called "Вести".
    assert key("Вести", "https://www.vesti.ru/a") != key("Вести", "https://newdaynews.ru/b")
    assert key("МИД РК", "https://www.gov.kz/memleket") == "gov.kz"
    assert key(None, None) == "input.txt"


def test_an_article_without_address_meets_its_outlets_site():
    known = Outlets()
    given = [
        known.identify("Рамблер", "https://news.rambler.ru/a", "a"),
        known.identify("Рамблер", None, "b"),
        known.identify("Вести", "https://www.vesti.ru/a", "c"),
        known.identify("Вести", "https://newdaynews.ru/b", "d"),
        known.identify("Вести", None, "e"),
    ]
    keys = [o.key for o in unify(given)]
    assert keys[0] == keys[1] == "rambler.ru"
    assert keys[4] not in (keys[2], keys[3])  # two sites of that name: which one is unknown
