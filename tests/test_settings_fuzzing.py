"""The settings in mkdocs.yml (``extra.sdg_stories`` and its ``editor`` group) never raise: any value gives
settings and Problems, as test_reader_fuzzing.py asks of the readers. Web addresses have one validator.

Property-based (hypothesis): every known setting with values of every type (text with URL punctuation,
numbers, booleans, lists, groups), unknown settings, and the whole group replaced by something else;
then a few real builds, for the messages a site owner reads.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project import Project
from serve_session import ServeSession
from test_cli import sdg_stories

from sdg_stories.content.problems import Problem
from sdg_stories.content.web_address import is_web_address
from sdg_stories.model.editor_settings import EditorSettings
from sdg_stories.model.settings import Settings

FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SETTINGS = ["stories_dir", "page_size", "latest_count", "careers_url", "utm", "rubric_intro", "social_cards", "organisation", "editor"]
EDITOR = ["backend", "repo", "branch", "review", "base_url", "auth_endpoint", "api_root", "app_id", "local_port"]
URL_PIECES = ["https://", "http://", "ftp://", "//", "[", "]", "[::1]", ":", ":99999", ":-1", ":abc", "@", "#", "?", "%",
              "/", "..", "\\", " ", "\t", "\n", "\x00", "<", ">", '"', "'", "javascript:", "xn--", "é", "example.nl", "oops"]

url_ish = st.lists(st.sampled_from(URL_PIECES) | st.text(max_size=4), max_size=10).map("".join)
scalar = st.one_of(url_ish, st.text(max_size=30), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
                   st.booleans(), st.none(), st.dates())
value = st.recursive(scalar, lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
                     max_leaves=6)
group = st.dictionaries(st.sampled_from(SETTINGS) | st.text(max_size=6), value, max_size=6)
editor_group = st.dictionaries(st.sampled_from(EDITOR) | st.text(max_size=6), value, max_size=6)
language = st.sampled_from(["nl", "en", "de", ""]) | st.text(max_size=3)


def _assert_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem) and problem.message and str(problem)
        assert "Traceback" not in problem.message and "Error" not in problem.message


@FUZZ
@given(group | value, language)
def test_any_value_in_the_settings_gives_settings_and_problems(options, site_language) -> None:
    result, problems = Settings.from_options(options, language=site_language, site_url=None, show_drafts=False, file="mkdocs.yml")
    _assert_problems(problems)
    assert isinstance(result.stories_dir, str) and result.stories_dir and ".." not in result.stories_dir.split("/")
    assert isinstance(result.page_size, int) and result.page_size >= 1
    assert isinstance(result.latest_count, int) and result.latest_count >= 1
    assert result.careers_url is None or is_web_address(result.careers_url)


@FUZZ
@given(editor_group | value, st.sampled_from(["nl", "en"]))
def test_any_value_in_the_editor_settings_gives_settings_and_problems(options, site_language) -> None:
    result, problems = EditorSettings.from_options(options, "mkdocs.yml", site_language)
    _assert_problems(problems)
    for address in (result.base_url, result.api_root):
        assert address is None or is_web_address(address)


@FUZZ
@given(url_ish | value)
def test_the_web_address_validator_answers_yes_or_no(candidate) -> None:
    assert is_web_address(candidate) in (True, False)


def test_the_web_address_validator_agrees_everywhere():
    good = ["https://verhalen.example.nl/", "http://127.0.0.1:8081/api/v1", "https://git.example.nl/api/v1?x=1#y"]
    bad = ["https://[oops/api", "https://example.nl:99999/", "https://example.nl:abc/", "ftp://example.nl/",
           "javascript:alert(1)", "https://", "https://exa mple.nl/", 'https://example.nl/"', "//example.nl/", "", None, 5]
    assert all(is_web_address(url) for url in good)
    assert not any(is_web_address(url) for url in bad)
    for url in bad[:4]:
        _, problems = EditorSettings.from_options({"base_url": url, "api_root": url}, "mkdocs.yml", "nl")
        assert [problem.field for problem in problems] == ["extra.sdg_stories.editor.base_url", "extra.sdg_stories.editor.api_root"]
        _, problems = Settings.from_options({"careers_url": url}, language="nl", site_url=None, show_drafts=False, file="mkdocs.yml")
        assert [problem.field for problem in problems] == ["extra.sdg_stories.careers_url"]


def _configure(project: Project, sdg_stories_value: object) -> None:
    path = project.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text("utf-8"))
    config["extra"]["sdg_stories"] = sdg_stories_value
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")


BROKEN_SETTINGS = {
    "a list instead of the group": (["stories"], "extra.sdg_stories: moet een groep instellingen zijn"),
    "an editor address urlsplit refuses": (
        {"stories_dir": "stories", "editor": {"base_url": "https://[oops/api"}}, "extra.sdg_stories.editor.base_url:"),
    "latest_count as text": ({"stories_dir": "stories", "latest_count": "zes"}, "extra.sdg_stories.latest_count: 'zes' moet een heel getal"),
    "stories_dir outside the project": ({"stories_dir": "../elders"}, "extra.sdg_stories.stories_dir: '../elders' moet een map binnen het project zijn"),
}


def test_a_broken_setting_is_a_message_in_the_build_and_in_check(tmp_path):
    for index, (name, (setting, message)) in enumerate(sorted(BROKEN_SETTINGS.items())):
        (tmp_path / str(index)).mkdir()
        project = Project(tmp_path / str(index))
        project.story("2024-04-05-plein.md", title="Een veilig plein")
        _configure(project, setting)
        build = project.build()
        assert not build.ok, name
        assert "Traceback" not in build.output and "Error" not in build.output.replace("ERROR", ""), (name, build.output)
        assert message in build.output, (name, build.output)
        check = sdg_stories(project.root, "check")
        assert check.returncode != 0 and "Traceback" not in check.stdout + check.stderr, (name, check.stdout, check.stderr)


@pytest.mark.serve
@pytest.mark.parametrize("name", ["a list instead of the group", "stories_dir outside the project"])
def test_serve_shows_a_broken_setting_on_its_pages(tmp_path, name):
    project = Project(tmp_path)
    project.story("2024-04-05-plein.md", title="Een veilig plein")
    setting, message = BROKEN_SETTINGS[name]
    _configure(project, setting)
    with ServeSession(project) as serve:
        result = serve.build()
        assert result["ok"], result
        panel = serve.soup("").select_one("section.sdg-problems")
        assert message.split(": ", 1)[1] in " ".join(panel.get_text(" ").split()), panel.get_text()


@settings(FUZZ, max_examples=150)
@given(st.dictionaries(st.sampled_from(["theme", "extra", "site_url", "site_name"]), value | st.fixed_dictionaries(
    {"language": value, "name": st.sampled_from(["material", "mkdocs", ""]) | value}) | st.fixed_dictionaries(
    {"sdg_stories": group | value}), max_size=4))
def test_sdg_stories_reads_any_mkdocs_yml_into_settings_or_a_sentence(config) -> None:
    import tempfile
    from pathlib import Path

    from sdg_stories.cli.project_config import ProjectNotFound, load_project

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        try:
            project = load_project(Path(folder))
        except ProjectNotFound as refused:
            assert str(refused)
        else:
            _assert_problems(list(project.problems))
            EditorSettings.from_options(project.editor_options, "mkdocs.yml", project.settings.language)
