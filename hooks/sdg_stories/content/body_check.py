"""Story bodies may not publish a script: raw HTML that runs code, event handlers and script links are refused.

A story body is Markdown written by staff, and Python-Markdown sanitizes nothing: raw HTML passes
through as it is, ``[x](javascript:alert(1))`` becomes a live script link, and attr_list's
``{: onclick="..." }`` adds an event handler. The site carries the organisation's name, so a body that
would publish any of these is refused like every other writer's mistake, with the file and the line.

The check reads the Markdown source, not the HTML it becomes: it runs in ``sdg-stories check`` and
before the build writes anything, where converting every body a second time would double the cost of
Markdown. So it errs on the side of refusing: a ``<script>`` shown in a code span is refused too. It
also reads past what Python's HTML parser and a browser might disagree on (comments, bogus tags).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from sdg_stories.content.messages import Messages, messages
from sdg_stories.content.problems import Problem

# Elements that run code, embed other documents or programs, or change how the whole page loads or
# looks; SVG and MathML because their foreign-content parsing lets scripts in by routes no parser of
# ours can follow (images go in as files: ![description](images/drawing.svg)).
# Each with the message id saying why (body.why.*).
_ACTIVE_ELEMENTS = {
    "script": "body.why.script",
    "iframe": "body.why.embeds-page",
    "frame": "body.why.embeds-page",
    "frameset": "body.why.embeds-pages",
    "object": "body.why.embeds-program",
    "embed": "body.why.embeds-program",
    "applet": "body.why.embeds-program",
    "form": "body.why.form",
    "base": "body.why.base",
    "meta": "body.why.meta",
    "link": "body.why.link",
    "style": "body.why.style",
    "template": "body.why.template",
    "svg": "body.why.svg",
    "math": "body.why.math",
}
_ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCRIPT_SCHEMES = ("javascript", "vbscript")
# Attributes a browser follows or loads as a URL; any other attribute may still not name a script URL.
_URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
    "longdesc", "usemap", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive", "classid",
    "profile", "icon", "srcset",
})

# Anywhere in the source, whatever surrounds it: Python-Markdown finds "<script>" inside "<scr<script>ipt>".
_ACTIVE_TAG = re.compile(r"</?(" + "|".join(_ACTIVE_ELEMENTS) + r")(?![\w:-])", re.IGNORECASE)
# An on...= inside something that opens like a tag, even where the HTML parser sees a comment.
_HANDLER_IN_TAG = re.compile(r"<[a-zA-Z!?/][^<>]*?[\s/\"'`](on[a-zA-Z]+)\s*=", re.IGNORECASE)
# Where a Markdown link target starts: after "](" ("[text](target)", "![alt](target)"), and after a
# reference definition's "]:" at the start of a line, blockquote and list markers allowed ("> [r]: target").
# Not after "] (" or a "]:" mid-sentence, which Markdown leaves as text ("zie [1] (bron: CBS)").
_LINK_TARGET = re.compile(r"\]\(|^[ \t>*+\-\d.)]*\[[^\[\]\n]*\]:", re.MULTILINE)
# attr_list: "{: #id .class key=value }" after a heading, paragraph or link.
_ATTR_LIST = re.compile(r"\{:?([^}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([^\s={}]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]*)""")
# Browsers drop tabs and newlines inside a URL and control characters and spaces around it. Dropping
# every control and invisible character, and backslashes (Markdown's escapes: "javascript\:"), can only
# make more URLs look suspect; spaces stay, so "[1]: de gemeente: ja" is prose, not a "de gemeente:" link.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\\\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_SCHEME = re.compile(r"<? *([a-z][a-z0-9+.\-]*):")


def check_body(body: str, file: str, first_line: int, *, language: str) -> list[Problem]:
    """Problems for everything in ``body`` that would publish a script; ``first_line`` is its line in the file."""
    found: dict[tuple[int, str], None] = {}  # one message per line and kind
    msg = messages(language)

    def at(offset: int, message: str) -> None:
        found.setdefault((first_line + body.count("\n", 0, offset), message), None)

    for match in _ACTIVE_TAG.finditer(body):
        name = match[1].lower()
        at(match.start(), msg("body.active-element", name=name, why=msg(_ACTIVE_ELEMENTS[name])))
    for match in _HANDLER_IN_TAG.finditer(body):
        at(match.start(), _handler_message(msg, match[1]))  # the tag's line, as the HTML parser reports it
    for match in _LINK_TARGET.finditer(body):
        if scheme := _disallowed_scheme(html.unescape(body[match.end():match.end() + 300])):
            at(match.start(), _scheme_message(msg, scheme, msg("body.what.link")))
    for match in _ATTR_LIST.finditer(body):
        for key, value in _ATTR_PAIR.findall(match[1]):
            if key.lower().startswith("on"):
                at(match.start(), _handler_message(msg, key))
            elif scheme := _disallowed_scheme(html.unescape(value.strip("\"'"))):
                at(match.start(), _scheme_message(msg, scheme, msg("body.what.attribute", name=key)))
    if "<" in body:
        scanner = _TagScanner(msg)
        scanner.scan(body)
        for line, message in scanner.found:
            found.setdefault((first_line + line - 1, message), None)
    return [Problem(file, line, None, message) for line, message in sorted(found)]


class _TagScanner(HTMLParser):
    """Attributes of raw HTML as a browser reads them (entities decoded), comments and declarations included."""

    def __init__(self, msg: Messages, line_offset: int = 0) -> None:
        super().__init__(convert_charrefs=True)
        self.msg = msg
        self.line_offset = line_offset
        self.found: list[tuple[int, str]] = []

    def scan(self, text: str) -> None:
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.line_offset + self.getpos()[0]
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append((line, _handler_message(self.msg, name)))
            elif name in _URL_ATTRIBUTES and (scheme := _disallowed_scheme(value)):
                self.found.append((line, _scheme_message(self.msg, scheme, self.msg("body.what.attribute", name=name))))
            elif any(f"{script}:" in _squeeze(value) for script in _SCRIPT_SCHEMES):
                # style="background: url(javascript:...)", SVG's values="javascript:...", and the like
                self.found.append((line, self.msg("body.script-address", name=name)))

    handle_startendtag = handle_starttag

    # Browsers end comments and bogus tags in places this parser does not ("<!-->", "--!>"): what the
    # parser swallowed is read again as markup.
    def handle_comment(self, data: str) -> None:
        self._rescan(data)

    def handle_decl(self, data: str) -> None:
        self._rescan(data)

    def unknown_decl(self, data: str) -> None:
        self._rescan(data)

    def handle_pi(self, data: str) -> None:
        self._rescan(data)

    def _rescan(self, data: str) -> None:
        if "<" in data or "=" in data:
            inner = _TagScanner(self.msg, self.line_offset + self.getpos()[0] - 1)
            inner.scan(data + ">")  # a tag cut off where the parser ended the comment still counts
            self.found += inner.found


def _disallowed_scheme(url: str) -> str | None:
    """The URL's scheme when it is not one a story may link to; None for relative URLs and allowed schemes."""
    match = _SCHEME.match(_squeeze(url).lstrip(" "))
    if match is None:
        return None
    scheme = match[1].lower()
    return None if scheme in _ALLOWED_SCHEMES else scheme


def _squeeze(text: str) -> str:
    return _INVISIBLE.sub("", text).lower()


def _handler_message(msg: Messages, name: str) -> str:
    return msg("body.event-handler", name=name.lower())


def _scheme_message(msg: Messages, scheme: str, what: str) -> str:
    why = msg("body.scheme.runs-script" if scheme in _SCRIPT_SCHEMES else "body.scheme.not-web")
    return msg("body.scheme", what=what, scheme=scheme, why=why)
