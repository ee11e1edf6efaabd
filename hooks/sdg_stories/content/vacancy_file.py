"""Reading ``vacancies.yml``, kept by recruiters: a list of open positions with the goals they serve."""

from __future__ import annotations

from pathlib import Path

from sdg_stories.content.fields import FieldReader
from sdg_stories.content.messages import messages
from sdg_stories.sdg.goals import Framework
from sdg_stories.content.records import Vacancy
from sdg_stories.content.problems import Problem
from sdg_stories.content.web_address import is_web_address
from sdg_stories.content.yaml_source import parse_yaml

VACANCY_FIELDS = ("id", "title", "url", "goals", "targets", "location", "hours", "closes", "summary")


def read_vacancies(path: Path, shown_as: str, framework: Framework, *, language: str) -> tuple[list[Vacancy], list[Problem]]:
    """A missing file means no vacancies: a site without recruiters is still a site."""
    if not path.is_file():
        return [], []
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return [], [Problem(shown_as, None, None, messages(language)("file.not-utf8"))]
    return parse_vacancies(text, shown_as, framework, language=language)


def parse_vacancies(text: str, shown_as: str, framework: Framework, *, language: str) -> tuple[list[Vacancy], list[Problem]]:
    """The vacancies in ``text``; split from reading so tools and tests can check text that is not a file."""
    msg = messages(language)
    node, problems = parse_yaml(text, shown_as, language=language)
    if node is None:
        return [], problems
    if node.kind != "seq":
        problems.append(Problem(shown_as, node.line, None, msg("vacancies.not-a-list")))
        return [], problems
    vacancies: list[Vacancy] = []
    first_line: dict[str, int] = {}
    for item in node.items:
        if item.kind != "map":
            problems.append(Problem(shown_as, item.line, None, msg("vacancies.not-a-group")))
            continue
        fields = FieldReader(item, shown_as, problems, VACANCY_FIELDS, language)
        vacancy_id = fields.key("id", required=True)
        title = fields.text("title", required=True, max_length=200)
        url = _read_url(fields)
        before = len(problems)
        goals = fields.goals(framework)
        targets = fields.targets(framework)
        if not goals and not targets and len(problems) == before:  # absent, null, [] or "": none named
            fields.problem("goals", msg("vacancies.no-goal"), at=None if fields.written("goals") else "targets")
        vacancy = Vacancy(
            id=vacancy_id or "",
            title=title or "",
            url=url or "",
            goals=tuple(sorted(set(goals) | {framework.target(t).goal_id for t in targets})),
            targets=tuple(sorted(set(targets), key=framework.target_order)),
            location=fields.text("location", max_length=120),
            hours=fields.text("hours", max_length=60),
            closes=fields.date("closes"),
            summary=fields.text("summary", max_length=600),
        )
        if vacancy_id and vacancy_id in first_line:
            fields.problem("id", msg("vacancies.id-twice", value=vacancy_id, line=first_line[vacancy_id]))
            continue
        if vacancy_id:
            first_line[vacancy_id] = fields.line_of("id")
        if vacancy_id and title and url:
            vacancies.append(vacancy)
    return vacancies, problems


def _read_url(fields: FieldReader) -> str | None:
    url = fields.text("url", required=True, max_length=1_000)
    if url is None:
        return None
    if not is_web_address(url):
        fields.problem("url", fields.msg("vacancies.url", value=url))
        return None
    return url
