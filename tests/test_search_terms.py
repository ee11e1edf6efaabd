"""The extra search words of a story in the site's other language (search_terms.py); that they make the
story findable is proven in Chromium in test_search.py."""

from __future__ import annotations

from sdg_stories.search.terms import other_language_terms


def _terms(text: str, story_lang: str, index_lang: str) -> list[str]:
    return other_language_terms([text], story_lang, index_lang).split()


def test_an_english_story_in_a_dutch_index_gets_the_forms_english_stemming_joins() -> None:
    terms = _terms("Municipalities and ministries of two cities share one district.", "en", "nl")
    # Forms a visitor types that the Dutch index would not find from the story's own words.
    assert {"municipality", "ministry", "city", "districts"} <= set(terms)
    # The English stems too, with Porter2's "...i" also without it: Pagefind's fallback uses them.
    assert {"municip", "ministri", "ministr"} <= set(terms)
    # Not the story's own words, and nothing for function words ("and", "of").
    assert not {"municipalities", "cities", "district"} & set(terms)
    assert not [term for term in terms if term.startswith(("and", "of"))]


def test_a_dutch_story_in_an_english_index_gets_the_forms_dutch_stemming_joins() -> None:
    terms = set(_terms("In de straat werkten drie gemeenten samen aan een bus.", "nl", "en"))
    assert {"straten", "bussen", "gewerkt"} <= terms
    # Not what the English index finds anyway: "gemeent" (gemeente) starts "gemeenten", "werkt" starts "werkten".
    assert not {"gemeente", "werkt"} & terms


def test_no_extra_words_for_a_story_in_the_site_language_or_an_unknown_one() -> None:
    assert other_language_terms(["De gemeenten"], "nl", "nl") == ""
    assert other_language_terms(["Les communes"], "fr", "nl") == ""


def test_links_and_markup_are_not_words_and_the_order_is_fixed() -> None:
    text = "See [the plans](https://example.org/municipalities-report) and <span class='ministries'>x</span>."
    terms = _terms(text, "en", "nl")
    assert not [term for term in terms if term.startswith(("municip", "ministr", "exampl"))]
    assert terms == sorted(terms)
    assert other_language_terms(["b a", "cities"], "en", "nl") == other_language_terms(["cities", "a b"], "en", "nl")
