"""The words sdg-stories says to writers, in the site's language, from standard gettext catalogues.

Every message a writer reads (a build problem, a warning, a question or summary of ``sdg-stories``)
has an id here, like ``field.required``, and its text in ``locale/<language>/LC_MESSAGES/sdg_stories.po``,
so a translator edits the wording in a .po file (Poedit, Weblate, any text editor) without reading
Python. Ids rather than English source texts: the English is a translation like the Dutch, kept in
its own catalogue, and a code change cannot silently leave the Dutch behind (the tests check that every
id the code uses is in both catalogues, with the same placeholders).

The .po files are read at run time with Babel, not compiled to .mo at build time: the package is
installed editable (``pip install -e .``), where no build step runs after a translator's edit, and a
committed .mo could drift from its .po. Reading both catalogues takes a few milliseconds once per
process (cached); they are turned into gettext's own translations in memory, so plural forms follow
each catalogue's ``Plural-Forms`` header as gettext defines them.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parents[1] / "locale"
DOMAIN = "sdg_stories"
LANGUAGES = ("nl", "en")
FALLBACK = "nl"  # the project's default language, for text shown before a project is found
_PLURAL = ".plural"  # a plural message's second id: "content.problems" and "content.problems.plural"


class Messages:
    """The catalogue of one language: ``messages("nl")("field.required")``, with ``{name}`` placeholders."""

    def __init__(self, language: str, translations: gettext.GNUTranslations, ids: frozenset[str]) -> None:
        self.language = language
        self._translations = translations
        self.ids = ids

    def __call__(self, message_id: str, /, **values: object) -> str:
        if message_id not in self.ids:
            raise KeyError(f"message id {message_id!r} is not in the {self.language} catalogue")
        return self._translations.gettext(message_id).format(**values)

    def plural(self, message_id: str, count: int, /, **values: object) -> str:
        """The form for ``count`` (``{n}`` is the count, written with a thousands separator)."""
        if message_id not in self.ids:
            raise KeyError(f"message id {message_id!r} is not in the {self.language} catalogue")
        text = self._translations.ngettext(message_id, message_id + _PLURAL, count)
        return text.format(n=self.number(count), **values)

    def template(self, message_id: str, /) -> str:
        """The text with its ``{name}`` placeholders unfilled: to recognise a message once it is written."""
        if message_id not in self.ids:
            raise KeyError(f"message id {message_id!r} is not in the {self.language} catalogue")
        return self._translations.gettext(message_id)

    def number(self, count: int) -> str:
        """1,000 in English, 1.000 in Dutch."""
        written = f"{count:,}"
        return written.replace(",", ".") if self.language == "nl" else written

    def join_or(self, items: list[str]) -> str:
        """"a, b or c": the lists of names a message offers."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self('word.or')} {items[-1]}"


@lru_cache(maxsize=None)
def messages(language: str) -> Messages:
    """The catalogue for ``language`` (nl or en); any other language gets the default's, as the site does."""
    if language not in LANGUAGES:
        language = FALLBACK
    catalog = read_catalog(language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    ids = frozenset(
        message.id[0] if isinstance(message.id, tuple) else message.id
        for message in catalog if message.id and message.string and not message.fuzzy
    )
    return Messages(language, gettext.GNUTranslations(compiled), ids)


def read_catalog(language: str):
    """The Babel catalogue of one language, as the translator's .po file holds it."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)
