"""Hostile content for one build: every text field of stories, advisers and vacancies carries markup,
quotes, script links, template syntax or very long text, and story bodies carry what Markdown may carry.

Fixed payloads that target each place a value lands (element text, attributes, <title>, JSON-LD inside
<script>, Atom XML, JSON, Jinja), plus payloads generated from their fragments with a fixed seed, so the
build is the same on every run. What the build must do with them is tested in test_injection.py and
test_valid_html.py.
"""

from __future__ import annotations

import random

import yaml

from project import Project

PAYLOADS = [
    '<script>alert("t")</script>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",  # out of the JSON-LD element
    "]]><script>alert(1)</script><![CDATA[",  # out of a CDATA section in a feed
    "<!-- --> <svg onload=alert(1)>",
    "[klik](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "javascript:alert(1)",
    "{{ config.extra }} {% for x in range(3) %}{{ x }}{% endfor %} ${alert(1)} #{1}",
    "&lt;script&gt; &amp; &#60;script&#62; &#x3C;b&#x3E;",  # entities stay text, never become tags
    "\u2028\u2029 regel- en alineascheiders \u2028",
    "x onmouseover=alert(1) y=",
    "Quote's \"double\" `back` \\ slash",
    "Ümlaut — “smart” 🌍 نص عربي עברית",
    "**vet** _schuin_ <b>b</b> # kop",
    "<" * 150,
    "A" * 195,  # near the 200-character limit of a title
]
# Fragments the generated payloads are built from.
_FRAGMENTS = [
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "alert(1)", '"', "'", "<", ">", "&",
    "&amp;", "&#0;", "]]>", "-->", "{{", "}}", "{%", "%}", "\\", "/", "onload=", "\u2028", "😀", "é", " ", "[x](", ")",
]


def generated_payloads(count: int, seed: int = 8) -> list[str]:
    rng = random.Random(seed)
    # The leading letter keeps a payload of only spaces from being refused as an empty title.
    return ["G" + "".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(3, 12))) for _ in range(count)]


def all_payloads() -> list[str]:
    return PAYLOADS + generated_payloads(12)


# What a story body may carry and must come out as text or as a harmless link.
SAFE_BODY = """\
Een verhaal met &lt;script&gt;alert(1)&lt;/script&gt; als tekst, a < b > c en 'quotes' en "dubbele".

[Een gewone link](https://example.org/?a=1&b="2"&c=<3>) en [een titel](https://example.org "titel\\" onclick=\\"alert(1)")
en <https://example.org/pad?x=1&y=2> en een [anker](#kop).

## Kop {{: #kop .klasse }}

Payload in de tekst: {payload}
"""


def as_body_text(payload: str) -> str:
    """The payload as Markdown prose: markup written as entities, so the body check has nothing to refuse."""
    return payload.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;").replace("](", "]&#40;")


def write_nasty_project(project: Project) -> list[str]:
    """Stories, advisers and vacancies full of payloads; returns the payloads used, for the assertions."""
    payloads = all_payloads()
    advisers = {
        f"adviseur-{index}": {"name": payload[:120], "role": payloads[-index - 1][:200], "bio": payload}
        for index, payload in enumerate(payloads[:8])
    }
    advisers["anna-de-vries"] = {"name": "Anna de Vries", "role": "Adviseur Ruimte"}
    project.write("stories/advisers.yml", yaml.safe_dump(advisers, allow_unicode=True, sort_keys=False))
    vacancies = [
        {
            "id": f"vacature-{index}",
            "title": payload[:200],
            "url": f"https://werkenbij.example.nl/v/{index}?a=1&b=%3Cscript%3E#deel",
            "goals": [index % 17 + 1],
            "location": payload[:120],
            "hours": payload[:60],
            "summary": payload,
        }
        for index, payload in enumerate(payloads[:10])
    ]
    project.write("stories/vacancies.yml", yaml.safe_dump({"vacancies": vacancies}, allow_unicode=True, sort_keys=False))
    project.write("stories/images/beeld.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    for index, payload in enumerate(payloads):
        project.story(
            f"2024-01-{index % 28 + 1:02d}-verhaal-{index}.md",
            body=SAFE_BODY.format(payload=as_body_text(payload)),
            title=payload[:200],
            summary=(payload + " samenvatting")[:200],
            adviser=f"adviseur-{index % 8}" if index % 3 else "anna-de-vries",
            goals=[index % 17 + 1, 11],
            targets=["11.7"] if index % 2 else None,
            image="images/beeld.svg" if index % 2 else None,
            image_alt=payload[:300] if index % 2 else None,
            vacancies=[f"vacature-{index % 10}"],
            lang="en" if index % 4 == 0 else None,
        )
    return payloads
