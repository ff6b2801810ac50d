"""Grouping real articles into stories: one test per kind of hard negative (see
tests/data/digest/SOURCES.md), and the blocking that keeps it from being quadratic."""

from __future__ import annotations

import dataclasses

from processor.digest.stories import Grouping, _near, candidate_pairs, group
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


def test_first_and_final_reading_on_one_day_are_two_stories(prepared_articles):
    """18 Dec 2025: the Senate passes the LGBT propaganda bill in the first reading (BAQ.KZ)
    and, the same day, in the second and final one (NEWSru, Взгляд)."""
    stories = _stories(prepared_articles, [60, 61, 62])
    assert stories == {frozenset({60}), frozenset({61, 62})}


def test_turnout_at_different_hours_and_the_close_are_different_stories(prepared_articles):
    """6 Oct 2024, the nuclear plant referendum: turnout at 16:00, at 18:00, and the polls
    closing (Sputnik, Elorda): the same commission, words and day."""
    stories = _stories(prepared_articles, [17, 18, 19, 20])
    assert stories == {frozenset({17}), frozenset({18}), frozenset({19, 20})}


def test_nomination_and_appointment_on_one_day_are_two_stories(prepared_articles):
    """6 Feb 2024: Koshanov proposes Bektenov as Prime Minister; Tokayev appoints him."""
    stories = _stories(prepared_articles, [41, 42, 43])
    assert stories == {frozenset({41, 42}), frozenset({43})}


def test_the_same_visit_announced_by_two_officials_is_two_stories(prepared_articles):
    """Peskov announces Tokayev's November visit (28 Sep 2025, Ведомости, Газета.Ru); the
    next day Kazakhstan's foreign minister speaks of its preparation."""
    stories = _stories(prepared_articles, [48, 49, 50])
    assert stories == {frozenset({48, 49}), frozenset({50})}


def test_talks_on_the_sidelines_are_not_the_summit(prepared_articles):
    """Putin and Tokayev's talks "на полях саммита ШОС" (3 Jul 2024) and the summit itself
    (4 Jul 2024: gov.kz, Black Sea News, Вечерняя Москва)."""
    stories = _stories(prepared_articles, [65, 66, 67, 68])
    assert stories == {frozenset({65}), frozenset({66, 67, 68})}


def test_a_figure_told_two_ways_is_one_figure():
    assert _near(frozenset({"66.66"}), frozenset({"63.66"}))  # a misprinted digit
    assert _near(frozenset({"57.6"}), frozenset({"57.68"}))  # cut to one decimal
    # Two counts of one measure, and a region's whole number against the country's.
    assert not _near(frozenset({"61.56"}), frozenset({"63.66"}))
    assert not _near(frozenset({"64"}), frozenset({"63.66"}))
