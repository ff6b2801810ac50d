"""Grouping real articles into stories: one test per kind of hard negative (see
tests/data/digest/SOURCES.md), and the blocking that keeps it from being quadratic."""

from __future__ import annotations

import dataclasses

from processor.digest.stories import Grouping, candidate_pairs, group
from processor.digest.stories import _Scorer as Scorer
from tests.digest.conftest import path_of, story_of


def _stories(prepared, numbers):
    """The predicted stories of the files ``numbers``, as sets of file numbers."""
    articles = [prepared[n] for n in numbers]
    return {frozenset(numbers[i] for i in g) for g in group(articles)}


def test_articles_carry_their_labelled_story():
    # The fixtures below rely on the labels: a check that the numbers mean what they say.
    assert {story_of(path_of(n)) for n in (1, 2, 3)} == {"akims-acting-2022"}
    assert {story_of(path_of(n)) for n in (7, 8, 9)} == {"inauguration-2022"}
    assert {story_of(path_of(n)) for n in (10, 11, 12)} == {"inauguration-2019"}


def test_same_people_same_day_different_event_are_two_stories(prepared_articles):
    """26 Nov 2022: Tokayev takes the oath, and signs the decree keeping akims on as acting.
    Same day, same President, same words (Астана, акимы, Конституция): two events."""
    stories = _stories(prepared_articles, [1, 2, 3, 7, 8, 9])
    assert stories == {frozenset({1, 2, 3}), frozenset({7, 8, 9})}


def test_older_look_alike_is_its_own_story(prepared_articles):
    """The same oath, word for word, at the 2019 and the 2022 inaugurations."""
    stories = _stories(prepared_articles, [7, 8, 9, 10, 11, 12])
    assert stories == {frozenset({7, 8, 9}), frozenset({10, 11, 12})}


def test_same_event_in_different_words_is_one_story(prepared_articles):
    """The referendum decree of 11 Feb 2026 told by Interfax (Moscow) and three Kazakh
    outlets (BAQ.KZ, alau.kz, mgorod.kz); and the exit poll by TASS and a Kostanay site."""
    assert _stories(prepared_articles, [31, 32, 33, 34]) == {frozenset({31, 32, 33, 34})}
    assert _stories(prepared_articles, [21, 22]) == {frozenset({21, 22})}


def test_blocking_compares_only_articles_within_the_window(prepared_articles):
    articles = [prepared_articles[n] for n in (7, 8, 9, 10, 11, 12)]
    scorer = Scorer(articles, Grouping())
    pairs = candidate_pairs(articles, scorer)
    # 2022 and 2019 are years apart: never compared, whatever their words.
    assert pairs == {(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)}


def test_a_common_key_blocks_nothing(prepared_articles):
    """A key shared by more articles of a day than max_postings is not a block."""
    articles = [prepared_articles[n] for n in (1, 2, 3, 7, 8, 9)]
    scorer = Scorer(articles, Grouping())
    assert len(candidate_pairs(articles, scorer, Grouping(max_postings=2))) < len(
        candidate_pairs(articles, scorer, Grouping())
    )


def test_undated_articles_are_grouped_among_themselves(prepared_articles):
    undated = [dataclasses.replace(prepared_articles[n], date=None) for n in (1, 2, 3)]
    dated = [prepared_articles[n] for n in (7, 8, 9)]
    groups = group(undated + dated)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3, 4, 5]]
