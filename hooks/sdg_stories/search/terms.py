"""Extra search words for a story written in the other language than the site's, for the site's one index.

Why: Pagefind stems every page of an index in one language, and the browser loads only the index of
the page's language, so the site keeps one index, stemmed in the site's language (pagefind_index.py's
``force_language``). An English story in a Dutch site is then stemmed as Dutch: "municipality" would
not find a story that says "municipalities", nor "districts" one that says "district".

How Pagefind 1.5.2 matches a query word (pagefind_web, search.rs ``find_word_extensions``): it stems the
word in the index language and takes every indexed word that starts with that stem; only when no
indexed word does, it falls back to the longest indexed word that the stem starts with. The fallback
is fragile (any other story with a longer word switches it off), so it is not relied on:

- For every word of the story, the regular inflections that the story language's own Snowball stemmer
  joins with it (plural and singular, -ed and -ing, y/ies; in Dutch -en, -s, -e, -t, -te, long vowels
  in open syllables) are added: the forms an index in the story's language would have found. Those the
  index finds anyway are left out: a form whose index stem starts the index stem of its own word.
- The story language's stems themselves are added too, with Porter2's "...i" stems also without the i
  ("ministri" -> "ministr"): through the fallback they catch derived forms ("employed" -> "employ")
  when no other indexed word starts with the query.

Measured in Chromium on the bench corpus (bench/corpus.py, 1,000 stories, 10 % English): for each word
of the stories' vocabulary that shares its stem with another, the share of the stories containing a
form of that stem that the search finds. English stories in the Dutch index: 93.4 % without extra
words, 96.3 % with them (166 words); what is still missed are derivations the fallback cannot reach
("cooperative" for "cooperation", "regional" for "region"). 100 Dutch stories in an English index:
87.6 % without, 98.3 % with (176 words). The extra words average 3.6 KB per English story and 9 KB per
Dutch one; Pagefind sends them only with that story's result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Pagefind 1.5.2's stemmers, by the language codes of the site: Snowball 3's Dutch (Kraaij-Pohlmann
# based, "dutch") and English (Porter2). Checked: Pagefind's Dutch index answers "meen" for "gemeente".
STEMMERS = {"nl": "dutch", "en": "english"}

_WORD = re.compile(r"[^\W\d_]+")
# Markdown link and image targets, HTML tags and bare addresses: not words of the story.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>]*>|https?://\S+")
_VOWELS = "aeiouy"
# Function words: nobody searches for their inflections, and "anded" or "hetje" would only fill the index.
_FUNCTION_WORDS = {
    "en": frozenset(
        "about after again all also and any are because been before being between both but can could did does"
        " during each even ever every few for from had has have her here his how however into its just many"
        " may might more most much must not now once only other our out over own same shall she should since"
        " some still such than that the their them then there these they this those through too two under"
        " until upon very was were what when where which while who why will with within without would yet"
        " you your".split()
    ),
    "nl": frozenset(
        "aan alle als bij dan dat deze die dit door een elk elke geen had hadden heb hebben heeft het hier hij"
        " hoe hun iets kan kon konden kunnen maar meer met moet moeten naar niet niets nog omdat ons onze ook"
        " over sinds tegen toen tot tussen uit veel voor waar wat wel werd wie wij worden wordt zal zij zijn"
        " zonder zou zouden".split()
    ),
}


def other_language_terms(texts: Iterable[str], story_lang: str, index_lang: str) -> str:
    """The extra words for a story in ``story_lang`` in an index stemmed as ``index_lang``, space-separated.

    ``texts`` are the story's title, summary and Markdown body. Sorted, so builds repeat byte for byte.
    """
    if story_lang == index_lang or story_lang not in STEMMERS or index_lang not in STEMMERS:
        return ""
    words = {word.lower() for text in texts for word in _WORD.findall(_NOT_TEXT.sub(" ", text))}
    terms: set[str] = set()
    for word in words:
        terms.update(_terms(word, story_lang, index_lang))
    return " ".join(sorted(terms - words))


@lru_cache(maxsize=100_000)
def _terms(word: str, story_lang: str, index_lang: str) -> tuple[str, ...]:
    """The extra words one word of a story brings: forms the index would not find from the word itself."""
    if len(word) < 3 or word in _FUNCTION_WORDS[story_lang]:
        return ()  # "is", "of", "the": their forms are noise
    found = _stem(word, index_lang)
    forms = [form for form in _forms(word, story_lang) if not found.startswith(_stem(form, index_lang))]
    return (*forms, *_fallback_stems(word, story_lang))


@lru_cache(maxsize=200_000)
def _stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


@lru_cache(maxsize=None)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMERS[lang])


@lru_cache(maxsize=100_000)
def _forms(word: str, lang: str) -> tuple[str, ...]:
    """Regular inflections of ``word`` that the stemmer of ``lang`` joins with it, in a fixed order."""
    candidates = _english_candidates(word) if lang == "en" else _dutch_candidates(word)
    stem = _stem(word, lang)
    return tuple(sorted(form for form in candidates - {word} if _stem(form, lang) == stem))


def _fallback_stems(word: str, lang: str) -> tuple[str, ...]:
    stem = _stem(word, lang)
    if lang == "en" and stem.endswith("i") and len(stem) > 3:
        return stem, stem[:-1]
    return (stem,)


def _english_candidates(word: str) -> set[str]:
    forms = {word + "s"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    if word.endswith("es"):
        forms.add(word[:-2])
    for suffix in ("ed", "ing"):
        if word.endswith(suffix):
            root = word[: -len(suffix)]
            forms |= {root, root + "e", root + "s", root + "es"}
            if len(root) > 2 and root[-1] == root[-2]:
                forms.add(root[:-1])  # planned -> plan
            if root.endswith("i"):
                forms.add(root[:-1] + "y")  # studied -> study
    for root in {form for form in forms | {word} if not form.endswith(("ed", "ing", "s"))}:
        base = root[:-1] if root.endswith("e") else root
        forms |= {base + "ed", base + "ing"}
        if _short_final_syllable(base):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # plan -> planned
    return forms


# Dutch endings after the root as written at a word's end (maak-t), and after the root as spelled
# before a vowel (mak-en): "straat"/"straten", "stap"/"stappen", "huis"/"huizen".
_DUTCH_CLOSED_ENDINGS = ("", "s", "t")
_DUTCH_PAST_AND_SMALL = ("te", "ten", "de", "den", "je", "jes")  # taken off to find the root, not added
_DUTCH_OPEN_ENDINGS = ("e", "en")


def _dutch_candidates(word: str) -> set[str]:
    closed, open_ = {word}, set()
    for ending in _DUTCH_OPEN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            open_.add(word[: -len(ending)])
    for ending in _DUTCH_CLOSED_ENDINGS[1:] + _DUTCH_PAST_AND_SMALL:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            closed.add(word[: -len(ending)])
    if word.startswith("ge") and word.endswith(("t", "d")) and len(word) > 5:
        closed.add(word[2:-1])  # gewerkt -> werk
    closed |= {_dutch_closed(root) for root in open_}
    open_ |= {_dutch_open(root) for root in closed}
    forms = {root + ending for root in closed for ending in _DUTCH_CLOSED_ENDINGS}
    forms |= {root + ending for root in open_ for ending in _DUTCH_OPEN_ENDINGS}
    for root in closed:
        # Past tense and participle: -te/-t after a voiceless consonant ('t kofschip), -de/-d after others.
        past = "t" if root.endswith(("t", "k", "f", "s", "ch", "p")) else "d"
        forms |= {root + past + "e", root + past + "en"}
        if len(root) > 2:
            forms.add("ge" + root + past)
    return forms


def _dutch_open(root: str) -> str:
    """How a root written at the end of a word is spelled before a vowel: straat -> strat, stap -> stapp."""
    if _short_final_syllable(root):
        return root + root[-1]
    if len(root) > 3 and root[-1] not in _VOWELS and root[-2] == root[-3] and root[-2] in "aeou":
        root = root[:-3] + root[-2:]
    return root[:-1] + {"s": "z", "f": "v"}.get(root[-1], root[-1])  # after a long vowel: huis -> huiz


def _dutch_closed(root: str) -> str:
    """The other way: huiz -> huis, stapp -> stap, mak -> maak."""
    root = root[:-1] + {"z": "s", "v": "f"}.get(root[-1], root[-1])
    if len(root) > 3 and root[-1] == root[-2] and root[-1] not in _VOWELS:
        return root[:-1]
    if _short_final_syllable(root) and root[-2] in "aeou":
        return root[:-1] + root[-2:]
    return root


def _short_final_syllable(word: str) -> bool:
    """Consonant, one vowel, consonant at the end: the final consonant doubles before a vowel ending."""
    return (
        len(word) > 2
        and word[-1] not in _VOWELS + "wx"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )
