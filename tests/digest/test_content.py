"""The digest's stories: title, merged key points, figures and their disagreements."""

from __future__ import annotations

from processor.digest.content import build_digest, plan, texts_of


def test_figures_that_disagree_between_outlets_are_flagged(prepared_articles):
    """МИР 24 misprints the referendum turnout (66,66%) that Вести gives as 63,66%."""
    articles = [prepared_articles[23], prepared_articles[24]]
    [story] = plan(articles, [[0, 1]])
    flagged = {(f.figure, f.outlet) for f in story.figures if f.disagrees}
    assert ("66,66%", "МИР 24") in flagged
    assert ("63,66%", "Вести (newdaynews.ru)") in flagged
    # The agreeing figures are listed unflagged.
    assert any(f.figure == "71,12%" and not f.disagrees for f in story.figures)


def test_story_lists_every_source_and_ranks_outlets_first(prepared_articles):
    articles = [prepared_articles[n] for n in (1, 2, 3, 10)]
    plans = plan(articles, [[0, 1, 2], [3]])
    assert [p.rank for p in plans] == [1, 2]
    assert len(plans[0].articles) == 3 and plans[1].articles[0].outlet == "Мой ГОРОД (mgorod.kz)"
    # A factual title from a lead, without its dateline ("Астана. 26 ноября. КазТАГ –").
    assert not plans[0].title.startswith("Астана")
    assert 2 <= len(plans[0].key_points) <= 4
    # Each key point once, with every article that says it.
    texts = [p.text for p in plans[0].key_points]
    assert len(set(texts)) == len(texts)
    assert all(set(p.articles) <= {a.input for a in articles} for p in plans[0].key_points)


def test_translated_digest_shows_each_text_translated(prepared_articles):
    articles = [prepared_articles[n] for n in (7, 8, 9)]
    plans = plan(articles, [[0, 1, 2]])
    texts = texts_of(plans)
    assert len(texts) == len(set(texts))
    digest = build_digest(plans, "en", translations={t: f"EN({t})" for t in texts})
    [story] = digest.stories
    assert story.title.startswith("EN(")
    assert all(p.text.startswith("EN(") for p in story.key_points)
    names = {e.name for e in digest.index}
    assert "Kassym-Jomart Tokayev" in names


def test_a_lead_that_leans_on_a_sentence_before_it_gives_the_headline_as_title():
    """Kapital.kz's lead opens "После этого Президент вылетает в Бишкек": the digest used
    it as the story's title, which says nothing without the sentence before it."""
    from processor.digest.articles import prepare_article
    from processor.preparation import BriefOptions
    from tests.digest.conftest import path_of

    article = prepare_article(path_of(13), BriefOptions(languages=("ru",)))
    assert article.lead.startswith("После этого")
    [story] = plan([article], [[0]])
    assert story.title == article.headline
    assert not story.title.startswith("После этого")
