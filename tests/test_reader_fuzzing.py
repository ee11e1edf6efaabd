"""The readers of stories, advisers, vacancies and YAML never raise: any text gives a value or Problems.

Property-based (hypothesis): arbitrary text, YAML-shaped text full of YAML's own punctuation, tags and
anchors, and well-formed front matter whose values carry markup, quotes, ``javascript:`` links, control
characters and very long strings. Fast: no site is built here (see test_injection.py for that).
"""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdg_stories.content.adviser_file import parse_advisers, read_advisers
from sdg_stories.content.body_check import check_body
from sdg_stories.sdg.goals import load_framework
from sdg_stories.content.records import Story
from sdg_stories.content.problems import Problem
from sdg_stories.content.unfinished_story import unfinished_parts
from sdg_stories.content.story_file import STORY_FIELDS, parse_story, read_story
from sdg_stories.content.vacancy_file import VACANCY_FIELDS, parse_vacancies, read_vacancies
from sdg_stories.content.yaml_source import Node, parse_yaml

FRAMEWORK = load_framework()
# No example database in the repository, the same examples on every run: CI must not flake.
FUZZ = settings(max_examples=150, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Drawing nested values costs hypothesis more than the readers take to read them.
FUZZ_STRUCTURED = settings(FUZZ, max_examples=50)

MARKUP = [
    "<script>alert(1)</script>", '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>", "[klik](javascript:alert(1))", "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">x</a>", "{{ config }}", "{% raw %}", "]]>", "<!--", "-->", "&amp;", "&#106;",
    "\u2028", "\u2029", "\ufeff", "\x85", "\x00", "\x1b[31m", "\t", "\r", "\r\n", "🌍", "ü", "—", "\\", "%",
]
YAML_PUNCTUATION = list("-:?[]{},#&*!|>'\"%@`\n\t .") + ["---", "...", "<<", "!!", "!!python/object/apply:os.system", "&a", "*a", "11.10", "0x1F", "1e9", "~", "null", "yes", "2024-02-30"]

markup_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(MARKUP) | st.text(max_size=5), max_size=12).map("".join),
    # just past every field's limit (titles and story summaries 200, vacancy summaries 600, URLs 1,000, any text 2,000)
    st.sampled_from([199, 201, 499, 501, 1_001, 2_001]).map(lambda n: "é" * n),
)
nasty_text = markup_text | st.integers(0, 50_000).map(lambda n: "x" * n) | st.integers(1, 5_000).map(lambda n: "<" * n)
yaml_ish = st.lists(st.sampled_from(YAML_PUNCTUATION) | st.sampled_from(MARKUP) | st.text(string.ascii_letters + string.digits, max_size=4), max_size=60).map("".join)
scalar = st.one_of(markup_text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(), st.dates().map(str))
value = st.recursive(scalar, lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=3), max_leaves=5)


def _front_matter(fields: dict | list) -> str:
    return yaml.dump(fields, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=10_000)


def _assert_problems(problems: list[Problem], file: str) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == file
        assert problem.line is None or problem.line >= 1
        assert isinstance(problem.message, str) and problem.message
        str(problem)  # and it prints


def _assert_story(story: Story | None, problems: list[Problem]) -> None:
    _assert_problems(problems, "stories/x.md")
    if story is not None:
        assert not problems
        for text in (story.title, story.summary):
            assert text.strip() and not any(ord(c) < 32 for c in text)
        assert all(1 <= goal <= 17 for goal in story.goals)


# Stories

@FUZZ
@given(nasty_text | yaml_ish)
def test_any_text_as_a_story_file(text: str) -> None:
    _assert_story(*parse_story(text, "x.md", "stories/x.md", FRAMEWORK, "nl"))


@FUZZ
@given(yaml_ish, nasty_text)
def test_any_yaml_ish_front_matter(front: str, body: str) -> None:
    _assert_story(*parse_story(f"---\n{front}\n---\n{body}", "x.md", "stories/x.md", FRAMEWORK, "nl"))


@FUZZ_STRUCTURED
@given(st.dictionaries(st.sampled_from(STORY_FIELDS) | st.text(max_size=10), value, max_size=14), nasty_text)
def test_any_values_in_the_story_fields(fields: dict, body: str) -> None:
    _assert_story(*parse_story(f"---\n{_front_matter(fields)}---\n{body}", "x.md", "stories/x.md", FRAMEWORK, "nl"))


@FUZZ
@given(st.fixed_dictionaries({"title": markup_text, "summary": markup_text, "image_alt": markup_text}), nasty_text)
def test_markup_in_valid_stories_is_kept_as_text_or_refused(texts: dict, body: str) -> None:
    fields = {"date": "2024-04-05", "adviser": "anna-de-vries", "goals": [11], **texts}
    story, problems = parse_story(f"---\n{_front_matter(fields)}---\n{body}", "x.md", "stories/x.md", FRAMEWORK, "nl")
    _assert_story(story, problems)
    if story is not None:
        assert story.title == " ".join(texts["title"].split())  # as typed, spaces folded: escaping is the templates' job


def test_yaml_bombs_and_tags_give_problems_not_exceptions() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    )
    cases = [
        bomb,
        "title: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
        "title: &a [*a]\n",
        "title: *nowhere\n",
        "? [a, b]\n: c\n",
        "<<: {title: x}\n",
        "title: !custom x\n",
        "[" * 5_000,
        "title: x\n" * 2,
    ]
    for front in cases:
        story, problems = parse_story(f"---\n{front}---\nTekst\n", "x.md", "stories/x.md", FRAMEWORK, "nl")
        assert story is None and problems, front[:40]
        _assert_problems(problems, "stories/x.md")


# Advisers and vacancies

@FUZZ
@given(nasty_text | yaml_ish)
def test_any_text_as_advisers_yml(text: str) -> None:
    advisers, problems = parse_advisers(text, "stories/advisers.yml", language="nl")
    _assert_problems(problems, "stories/advisers.yml")
    assert all(adviser.name and adviser.role for adviser in advisers.values())


@FUZZ_STRUCTURED
@given(st.dictionaries(st.text(max_size=12), st.dictionaries(st.sampled_from(["name", "role", "photo", "bio"]) | st.text(max_size=6), value, max_size=5) | value, max_size=4))
def test_any_values_in_advisers_yml(advisers: dict) -> None:
    _, problems = parse_advisers(_front_matter(advisers), "stories/advisers.yml", language="nl")
    _assert_problems(problems, "stories/advisers.yml")


@FUZZ
@given(nasty_text | yaml_ish)
def test_any_text_as_vacancies_yml(text: str) -> None:
    vacancies, problems = parse_vacancies(text, "stories/vacancies.yml", FRAMEWORK, language="nl")
    _assert_problems(problems, "stories/vacancies.yml")
    assert all(vacancy.url.startswith(("http://", "https://")) for vacancy in vacancies)


@FUZZ_STRUCTURED
@given(st.lists(st.dictionaries(st.sampled_from(VACANCY_FIELDS) | st.text(max_size=6), value, max_size=10), max_size=3))
def test_any_values_in_vacancies_yml(vacancies: list) -> None:
    parsed, problems = parse_vacancies(_front_matter(vacancies), "stories/vacancies.yml", FRAMEWORK, language="nl")
    _assert_problems(problems, "stories/vacancies.yml")
    for vacancy in parsed:
        assert vacancy.url.lower().startswith(("http://", "https://")), vacancy.url


@FUZZ
@given(st.text(max_size=40).map(lambda tail: "javascript:alert(1)" + tail) | st.sampled_from(
    ["JAVASCRIPT:alert(1)", " javascript:x", "java\tscript:x", "data:text/html,x", "//evil.example/", "/relative", "https://ok.example/\"><script>", "https://ok.example/ x"]))
def test_a_vacancy_url_is_a_web_address_or_refused(url: str) -> None:
    text = _front_matter([{"id": "v", "title": "T", "url": url, "goals": [11]}])
    vacancies, problems = parse_vacancies(text, "stories/vacancies.yml", FRAMEWORK, language="nl")
    assert not vacancies and any(problem.field == "url" for problem in problems), url


# Files as they come from disk: any bytes, not only UTF-8

@FUZZ_STRUCTURED
@given(st.binary(max_size=2_000) | st.text().map(lambda text: text.encode("utf-16")) | st.text().map(lambda text: ("---\ntitle: " + text).encode("latin-1", "replace")))
def test_any_bytes_in_the_files(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.md"
        path.write_bytes(data)
        _assert_story(*read_story(path, "x.md", "stories/x.md", FRAMEWORK, "nl"))
        _, problems = read_advisers(path, "stories/advisers.yml", language="nl")
        _assert_problems(problems, "stories/advisers.yml")
        _, problems = read_vacancies(path, "stories/vacancies.yml", FRAMEWORK, language="nl")
        _assert_problems(problems, "stories/vacancies.yml")


def test_a_folder_where_a_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    story, problems = read_story(tmp_path / "x.md", "x.md", "stories/x.md", FRAMEWORK, "nl")
    assert story is None and problems
    _assert_problems(problems, "stories/x.md")


# YAML and bodies

@FUZZ
@given(nasty_text | yaml_ish, st.integers(1, 1_000))
def test_parse_yaml_returns_nodes_or_problems(text: str, first_line: int) -> None:
    node, problems = parse_yaml(text, "f.yml", first_line, language="nl")
    _assert_problems(problems, "f.yml")
    assert node is None or isinstance(node, Node)
    if node is not None:
        assert node.line >= first_line


@FUZZ
@given(nasty_text | yaml_ish, st.integers(1, 1_000))
def test_check_body_never_raises(body: str, first_line: int) -> None:
    problems = check_body(body, "stories/x.md", first_line, language="nl")
    _assert_problems(problems, "stories/x.md")
    lines = body.count("\n") + 1
    assert all(first_line <= problem.line <= first_line + lines for problem in problems)


@FUZZ
@given(nasty_text | yaml_ish, st.integers(1, 1_000))
def test_unfinished_parts_never_raises(body: str, first_line: int) -> None:
    problems = unfinished_parts(body, "stories/x.md", first_line, language="en")
    _assert_problems(problems, "stories/x.md")
    lines = body.count("\n") + 1
    assert all(first_line <= problem.line <= first_line + lines for problem in problems)


def _assert_wording(text: str) -> None:
    from sdg_stories.content.wording_file import parse_wording

    wording, problems = parse_wording(text, "stories/sdg-teksten.yml", FRAMEWORK, language="nl")
    _assert_problems(problems, "stories/sdg-teksten.yml")
    reworded = FRAMEWORK.reworded(wording)  # whatever the file held, every goal and target keeps a text
    for goal in reworded.goals:
        for texts in (goal.short, goal.title, *(target.title for target in goal.targets)):
            assert set(texts) == {"nl", "en"} and all(text.strip() and "\n" not in text for text in texts.values())


@FUZZ
@given(nasty_text | yaml_ish)
def test_any_text_as_sdg_teksten_yml(text: str) -> None:
    _assert_wording(text)


_WORDING_KEYS = st.sampled_from(["8", "18", "0", "11.7", "11.10", "8.b", "99.1", "short", "title", "nl", "en", "fr"])


# goals: {8: {short: {nl: ...}}}, targets: {11.7: {en: ...}}: the file's shape, with anything at each level.
_wording_level = st.recursive(value, lambda inner: st.dictionaries(_WORDING_KEYS, inner, max_size=3), max_leaves=6)


@FUZZ_STRUCTURED
@given(st.dictionaries(st.sampled_from(["goals", "targets"]) | st.text(max_size=6), _wording_level, max_size=3))
def test_any_values_in_sdg_teksten_yml(wording: dict) -> None:
    _assert_wording(_front_matter(wording))
