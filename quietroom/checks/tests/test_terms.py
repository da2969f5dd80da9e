"""Term lists: read from data files per language, with English as the fallback."""

import json

import pytest

from quietroom.checks import terms
from quietroom.checks.terms import TermListError, entries, find, phrase_pattern, term_list


@pytest.mark.parametrize("name", ["sensitive_topics", "stigmatising_language", "promises"])
def test_every_entry_has_phrases_and_a_suggestion(name):
    for item in term_list("en", name)["entries"]:
        assert item["name"]
        assert item["phrases"]
        assert item["suggestion"]


def test_a_regional_language_reads_the_language_folder():
    assert term_list("en-gb", "promises") is not None
    assert entries("en-GB", "promises")[0].name == "cure"


def test_a_language_without_lists_falls_back_to_english():
    assert term_list("xx", "stigmatising_language") == term_list("en", "stigmatising_language")


def test_phrases_match_whole_words_whatever_the_case_spacing_or_apostrophe():
    pattern = phrase_pattern(["he's crazy"])

    assert pattern.search("he's   crazy")
    assert pattern.search("so he's crazy!")
    assert not pattern.search("the crazy idea")
    assert not phrase_pattern(["cure"]).search("secure")


def test_an_exception_leaves_a_longer_harmless_phrase_alone():
    entry = next(e for e in entries("en", "stigmatising_language") if e.name == "an alcoholic")

    assert not find(entry, "An alcoholic drink before bed")
    assert find(entry, "He was called an alcoholic")


def test_a_new_language_is_a_folder_of_the_same_files(tmp_path, monkeypatch):
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "promises.json").write_text(
        json.dumps({"entries": [{"name": "guérir", "phrases": ["guérir"], "suggestion": "aider"}]})
    )
    monkeypatch.setattr(terms, "DATA_DIR", tmp_path)
    term_list.cache_clear()
    entries.cache_clear()
    try:
        assert find(entries("fr", "promises")[0], "La thérapie peut guérir.")
    finally:
        term_list.cache_clear()
        entries.cache_clear()


def test_a_broken_term_list_is_reported_by_its_path(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "promises.json").write_text("{ not json")
    monkeypatch.setattr(terms, "DATA_DIR", tmp_path)
    term_list.cache_clear()
    try:
        with pytest.raises(TermListError, match=r"promises\.json is not valid JSON"):
            term_list("en", "promises")
    finally:
        term_list.cache_clear()
