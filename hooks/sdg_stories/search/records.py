"""What search finds besides stories: the goal pages and the open vacancies, as small documents of their own.

Not the pages themselves: a vacancy has no page of its own (its place is ``vacancies/#vacancy-<id>``), and
a goal page's own words are its stories' titles and summaries, which would make it a rival of every story
it lists. A goal is found by its number, its names and its targets' texts; a vacancy by its title,
location, hours, summary and its goals' names. Each carries ``kind``, the word the search dialog shows
beside the result (templates/search.html), and goal slots (goal1, goal2, ...) for its badges, as stories do.

Stories first: Pagefind ranks by relevance only, and neither its index nor its modal can order by kind.
So these documents' words weigh little (templates/search-record.html, data-pagefind-weight), and a goal's
``title`` meta, which Pagefind weighs most, is only "Doel 13": its name is in ``name``, shown instead.
Searching "klimaatactie" then lists the stories about goal 13 before goal 13's page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sdg_stories.model.site import Site
from sdg_stories.pages.labels import LABELS


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-absolute, as Pagefind's results link to it: "/sdg/13/", "/vacancies/#vacancy-x"
    content: str  # the words searched and the excerpt shown
    meta: dict[str, str] = field(default_factory=dict)


def goal_records(site: Site) -> list[SearchRecord]:
    labels = LABELS[site.language]
    language = site.language
    records = []
    for goal in site.framework.goals:
        title = labels["goal_page_title"].format(n=goal.id, short=goal.short[language])
        # The other language's short name too: a Dutch visitor may search "climate action".
        names = [goal.short[other] for other in sorted(goal.short) if other != language]
        targets = " ".join(f"{target.id} {target.title[language]}" for target in goal.targets)
        records.append(SearchRecord(
            url="/" + site.goal_url(goal.id),
            content=f"{title}. {goal.title[language]} {' '.join(names)} {targets}",
            meta={"title": labels["goal_n"].format(n=goal.id), "name": title, "kind": labels["search_kind_goal"],
                  "goal1": str(goal.id), "summary": goal.title[language]},
        ))
    return records


def vacancy_records(site: Site) -> list[SearchRecord]:
    labels = LABELS[site.language]
    language = site.language
    records = []
    for vacancy in site.vacancies.listed():
        goals = [site.framework.goal(goal_id) for goal_id in vacancy.goals]
        # The summary first: the excerpt starts there, and the title, kind and location are on the result's
        # own lines already.
        words = [vacancy.summary, vacancy.title, vacancy.location, vacancy.hours,
                 *(goal.short[language] for goal in goals), labels["search_kind_vacancy"]]
        meta = {"title": vacancy.title, "kind": labels["search_kind_vacancy"]}
        meta |= {f"goal{n}": str(goal.id) for n, goal in enumerate(goals, 1)}
        if vacancy.location:
            meta["location"] = vacancy.location
        if vacancy.summary:
            meta["summary"] = vacancy.summary
        if vacancy.closes:  # the result hides itself from the day after, as the pages do (vacancy-closing.js)
            meta["closes"] = vacancy.closes.isoformat()
        records.append(SearchRecord(
            url=f"/{site.VACANCIES_URL}#vacancy-{vacancy.id}",
            content=". ".join(word for word in words if word),
            meta=meta,
        ))
    return records


def goal_slots(site: Site) -> int:
    """How many goal badges a result may show: the most goals a story or a vacancy has."""
    counts = [len(story.goals) for story in site.stories] + [len(vacancy.goals) for vacancy in site.vacancies.open]
    return max(counts, default=1)
