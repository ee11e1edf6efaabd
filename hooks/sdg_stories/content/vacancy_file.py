"""Reading ``vacancies.yml``, kept by recruiters: the open positions, with the goals they serve.

The file is a mapping with one key, ``vacancies:``, holding the list, because the web editor (Decap CMS)
edits a file's fields and cannot edit a file that is a list itself. The first format was such a list;
it is still read, with a warning saying how to convert it (``sdg-stories vacancies --convert`` does it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sdg_stories.content.fields import FieldReader
from sdg_stories.content.messages import messages
from sdg_stories.sdg.goals import Framework
from sdg_stories.content.records import Vacancy
from sdg_stories.content.problems import Problem
from sdg_stories.content.web_address import is_web_address
from sdg_stories.content.yaml_source import Node, parse_yaml

VACANCIES_KEY = "vacancies"
VACANCY_FIELDS = ("id", "title", "url", "goals", "targets", "location", "hours", "opens", "closes", "summary")


@dataclass(frozen=True)
class VacancyReading:
    vacancies: list[Vacancy] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # the old format: read, but to be converted


def read_vacancies(path: Path, shown_as: str, framework: Framework, *, language: str) -> tuple[list[Vacancy], list[Problem]]:
    reading = read_vacancy_file(path, shown_as, framework, language=language)
    return reading.vacancies, reading.problems


def read_vacancy_file(path: Path, shown_as: str, framework: Framework, *, language: str) -> VacancyReading:
    """A missing file means no vacancies: a site without recruiters is still a site."""
    if not path.is_file():
        return VacancyReading()
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return VacancyReading(problems=[Problem(shown_as, None, None, messages(language)("file.not-utf8"))])
    return read_vacancy_text(text, shown_as, framework, language=language)


def parse_vacancies(text: str, shown_as: str, framework: Framework, *, language: str) -> tuple[list[Vacancy], list[Problem]]:
    """The vacancies in ``text``; split from reading so tools and tests can check text that is not a file."""
    reading = read_vacancy_text(text, shown_as, framework, language=language)
    return reading.vacancies, reading.problems


def read_vacancy_text(text: str, shown_as: str, framework: Framework, *, language: str) -> VacancyReading:
    msg = messages(language)
    node, problems = parse_yaml(text, shown_as, language=language)
    if node is None:
        return VacancyReading(problems=problems)
    warnings: list[Problem] = []
    if node.kind == "seq":  # the first format: the list without its key
        warnings.append(Problem(shown_as, node.line, None, msg("vacancies.old-format")))
        items = node.items
    else:
        items = _listed_items(node, shown_as, problems, msg)
    return VacancyReading(_read_items(items, shown_as, framework, problems, language), problems, warnings)


def _listed_items(node: Node, shown_as: str, problems: list[Problem], msg) -> tuple[Node, ...]:
    if node.kind != "map" or VACANCIES_KEY not in {key for key, _, _ in node.entries}:
        problems.append(Problem(shown_as, node.line, None, msg("vacancies.no-key")))
        return ()
    items: tuple[Node, ...] = ()
    for key, value, key_line in node.entries:
        if key != VACANCIES_KEY:
            problems.append(Problem(shown_as, key_line, key, msg("field.unknown", fields=VACANCIES_KEY)))
        elif value.kind == "seq":
            items = value.items
        elif value.kind != "null":  # `vacancies:` with nothing under it: none at the moment
            problems.append(Problem(shown_as, value.line, VACANCIES_KEY, msg("vacancies.not-a-list")))
    return items


def _read_items(
    items: tuple[Node, ...], shown_as: str, framework: Framework, problems: list[Problem], language: str
) -> list[Vacancy]:
    msg = messages(language)
    vacancies: list[Vacancy] = []
    first_line: dict[str, int] = {}
    for item in items:
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
        opens, closes = fields.date("opens"), fields.date("closes")
        if opens and closes and opens > closes:
            fields.problem("opens", msg("vacancies.opens-after-closes", opens=opens.isoformat(), closes=closes.isoformat()))
        vacancy = Vacancy(
            id=vacancy_id or "",
            title=title or "",
            url=url or "",
            goals=tuple(sorted(set(goals) | {framework.target(t).goal_id for t in targets})),
            targets=tuple(sorted(set(targets), key=framework.target_order)),
            location=fields.text("location", max_length=120),
            hours=fields.text("hours", max_length=60),
            closes=closes,
            summary=fields.text("summary", max_length=600),
            opens=opens,
        )
        if vacancy_id and vacancy_id in first_line:
            fields.problem("id", msg("vacancies.id-twice", value=vacancy_id, line=first_line[vacancy_id]))
            continue
        if vacancy_id:
            first_line[vacancy_id] = fields.line_of("id")
        if vacancy_id and title and url:
            vacancies.append(vacancy)
    return vacancies


def _read_url(fields: FieldReader) -> str | None:
    url = fields.text("url", required=True, max_length=1_000)
    if url is None:
        return None
    if not is_web_address(url):
        fields.problem("url", fields.msg("vacancies.url", value=url))
        return None
    return url
