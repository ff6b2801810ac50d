"""Inflected forms kept between runs: read back, never trusted blindly, never an error."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from processor.glossary import forms, forms_cache, load_glossaries
from processor.glossary.match import Matcher
from tests.support import data

TEXT = data.SEED.read_text(encoding="utf-8")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PROCESSOR_CACHE_DIR", str(folder))
    return folder


def found(matcher: Matcher) -> list[tuple[int, int, str, str | None]]:
    return [(m.start, m.stop, m.entry.id, m.case) for m in matcher.find(TEXT)]


def test_a_second_matcher_inflects_nothing_and_finds_the_same(cache, monkeypatch):
    entries = load_glossaries([data.GLOSSARY_SMALL], builtin=True).entries
    first = Matcher(entries)
    [kept] = cache.glob("forms-*.pickle")

    def no_inflection(phrase: str, entry_type: str) -> list[forms.Form]:
        raise AssertionError(f"{phrase!r} inflected again")

    monkeypatch.setattr(forms, "phrase_forms", no_inflection)
    second = Matcher(entries)
    assert found(second) == found(first) and len(found(first)) > 10
    assert second.table == first.table
    assert kept.stat().st_size > 0


def test_a_damaged_cache_is_inflected_again_and_replaced(cache):
    entries = load_glossaries([data.GLOSSARY_SMALL], builtin=False).entries
    reference = found(Matcher(entries))
    [kept] = cache.glob("forms-*.pickle")
    kept.write_bytes(b"\x80\x05not a pickle")
    assert found(Matcher(entries)) == reference
    assert len(forms_cache.FormsCache(kept).known) >= len(entries)


def test_a_cache_holding_anything_but_forms_is_refused(cache):
    path = cache / "forms-x.pickle"
    cache.mkdir()
    path.write_bytes(pickle.dumps({("Акорда", "org"): [Path("/etc/passwd")]}))
    assert forms_cache.FormsCache(path).known == {}


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PROCESSOR_CACHE_DIR", str(blocker / "cache"))
    entries = load_glossaries([data.GLOSSARY_SMALL], builtin=False).entries
    assert found(Matcher(entries))


def test_past_the_limit_the_cache_keeps_only_what_this_run_used(cache, monkeypatch):
    """A day's news adds its names to the run's glossary: the file must not grow forever."""
    path = cache / "forms-x.pickle"
    first = forms_cache.FormsCache(path)
    first.forms("Акорда", "org")
    first.forms("Мажилис", "org")
    first.save()
    assert set(forms_cache.FormsCache(path).known) == {("Акорда", "org"), ("Мажилис", "org")}
    monkeypatch.setattr(forms_cache, "MAX_PHRASES", 2)
    second = forms_cache.FormsCache(path)
    second.forms("Сенат", "org")
    second.save()
    assert set(forms_cache.FormsCache(path).known) == {("Сенат", "org")}


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("PROCESSOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert forms_cache.cache_dir() == tmp_path / "processor"
