"""Story bodies that would publish a script are refused with the file and the line; ordinary Markdown is not.

Policy (body_check.py): Python-Markdown passes raw HTML through and puts any link target into href, so
the check refuses, in the Markdown source: elements that run or embed code (script, iframe, object,
embed, form, base, meta, link, style, svg, math, ...), on...= event handlers (in raw HTML and in attr_list
``{: }``), and link targets whose scheme is not http, https, mailto or tel (javascript:, vbscript:, data:).
"""

from __future__ import annotations

import markdown
import pytest

from sdg_stories.content.body_check import check_body
from sdg_stories.sdg.goals import load_framework
from sdg_stories.content.story_file import parse_story

FRONT = "---\ntitle: T\ndate: 2024-04-05\nadviser: anna-de-vries\ngoals: [11]\nsummary: S\n---\n\n"
BODY_LINE = 9  # the body's first line in a file that starts with FRONT

REFUSED = {
    # body (the offending part on its last line): what the message must say
    "<script>alert(1)</script>": "contains <script>, which would run a script",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>": "contains <script>",
    "<scr<script>ipt>alert(1)</script>": "contains <script>",  # Python-Markdown publishes the inner <script>
    "`<script>alert(1)</script>`": "contains <script>",  # refused in code too: the check errs on the safe side
    "<iframe src=https://example.org></iframe>": "contains <iframe>, which would embed another page",
    "<object data=x.swf></object>": "contains <object>",
    "<embed src=x.swf>": "contains <embed>",
    "<form action=https://evil.example><input name=p></form>": "contains <form>",
    "<base href=https://evil.example/>": "contains <base>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">': "contains <meta>",
    "<link rel=stylesheet href=https://evil.example/x.css>": "contains <link>",
    "<style>body{display:none}</style>": "contains <style>",
    "<svg><animate attributeName=href values=javascript:alert(1) /></svg>": "contains <svg>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>": "contains <math>",
    "Tekst <img src=x onerror=alert(1)> meer": "the attribute onerror=, an event handler",
    '<img alt=">" onerror=alert(1)>': "the attribute onerror=",
    "<div onmouseover='alert(1)'>x</div>": "the attribute onmouseover=",
    "<!--> <img src=x onerror=alert(1)> -->": "the attribute onerror=",  # browsers end this comment at "<!-->"
    "<!--x--!> <img src=x onerror=alert(1)> -->": "the attribute onerror=",  # ... and this one at "--!>"
    "# Kop {: onclick=\"alert(1)\" }": "the attribute onclick=",
    "Alinea\n{: onmouseover=alert(1) }": "the attribute onmouseover=",
    "[x](https://example.org){: href=javascript:alert(1) }": "the attribute href starts with 'javascript:'",
    "[klik](javascript:alert(1))": "a link starts with 'javascript:', which would run a script",
    "[klik](JaVaScRiPt:alert(1))": "'javascript:'",
    "[klik](  javascript:alert(1)  )": "'javascript:'",
    "[klik](<javascript:alert(1)>)": "'javascript:'",
    "[klik](java&#115;cript:alert(1))": "'javascript:'",
    "[klik](&#x6A;avascript:alert(1))": "'javascript:'",
    "[klik](javascript\\:alert(1))": "'javascript:'",
    "[klik](java\tscript:alert(1))": "'javascript:'",
    "![beeld](javascript:alert(1))": "'javascript:'",
    "[klik][r]\n\n[r]: javascript:alert(1)": "'javascript:'",
    "[klik][r]\n\n> [r]: javascript:alert(1)": "'javascript:'",  # a definition in a quote counts too
    "[klik][r]\n\n- [r]: javascript:alert(1)": "'javascript:'",  # ... and in a list item
    "[klik](vbscript:msgbox(1))": "'vbscript:'",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)": "'data:', which is not a web address",
    "<a href=' javascript:alert(1)'>x</a>": "the attribute href starts with 'javascript:'",
    '<a href="java&#x09;script:alert(1)">x</a>': "'javascript:'",
    '<p style="background:url(javascript:alert(1))">x</p>': "the attribute style contains a script address",
}

ALLOWED = [
    "Gewone tekst met een [link](https://example.org/?a=1&b=2) en [mail](mailto:info@example.nl).",
    "Zie [het doel](../../sdg/11/#target-11-7) en [de kop](#aanpak) en [bel](tel:+31201234567).",
    "![Een winkelcentrum](images/winkelcentrum.jpg){: .groot loading=lazy }",
    "Volgens [bron]: de gemeente: ja.",  # prose, not a "de gemeente:" link
    "Zie [1] (bron: CBS) en [2]: cijfers: 2024.",  # Markdown leaves "] (" and a mid-line "]:" as text
    "Tijd: 10:30. Getallen: a < b en c > d.",
    "Uitleg over &lt;script&gt; als tekst.",
    '<div markdown class="kader">\n*Nadruk* en <a href="https://example.org" title="x">link</a>\n</div>',
    "!!! note \"Let op\"\n    Een notitie.",
    "| a | b |\n|---|---|\n| 1 | 2 |",
]


def _problems(body: str):
    # An English site, so the messages below are English (the Dutch are checked in test_writer_messages.py).
    story, problems = parse_story(FRONT + body + "\n", "x.md", "stories/x.md", load_framework(), "en")
    return story, problems


@pytest.mark.parametrize("body", list(REFUSED))
def test_a_body_that_would_publish_a_script_is_refused_with_file_and_line(body: str) -> None:
    story, problems = _problems(body)
    assert story is None
    expected_line = BODY_LINE + body.count("\n")  # in every case the offending part is on the last line
    messages = [str(problem) for problem in problems]
    assert any(REFUSED[body] in message for message in messages), messages
    assert all(message.startswith("stories/x.md:") for message in messages), messages
    assert any(problem.line == expected_line for problem in problems), messages


@pytest.mark.parametrize("body", ALLOWED)
def test_ordinary_markdown_passes(body: str) -> None:
    story, problems = _problems(body)
    assert not problems and story is not None


def test_the_line_is_the_line_in_the_file() -> None:
    body = "Eerste alinea.\n\nTweede alinea.\n\n<div>\n<img src=x\n     onerror=alert(1)>\n</div>\n\n[x](javascript:void(0))\n"
    _, problems = _problems(body)
    assert [problem.line for problem in problems] == [BODY_LINE + 5, BODY_LINE + 9], problems  # the tag, the link


def test_blank_lines_before_the_body_count() -> None:
    problems = check_body("<script>x</script>\n", "stories/x.md", 12, language="en")
    assert [problem.line for problem in problems] == [12]
    _, problems = parse_story(FRONT + "\n\n\n<script>x</script>\n", "x.md", "stories/x.md", load_framework(), "nl")
    assert [problem.line for problem in problems] == [BODY_LINE + 3]


@pytest.mark.parametrize("body", [
    "[x](javascript:alert(1))", "[x](<javascript:alert(1)>)", "[x][r]\n\n[r]: javascript:alert(1)",
    "# Kop {: onclick=\"alert(1)\" }", "<scr<script>ipt>alert(1)</script>", "<img src=x onerror=alert(1)>",
])
def test_what_is_refused_really_would_publish_a_script(body: str) -> None:
    """Why the check exists: Python-Markdown, as the site configures it, sanitizes none of these."""
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "admonition", "tables", "toc"])
    assert "javascript:" in html or "<script>" in html or " onclick=" in html or " onerror=" in html, html
