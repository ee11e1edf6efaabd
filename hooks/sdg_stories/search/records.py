"""What search finds besides stories: the goal pages, the advisers and the open vacancies, as small documents
of their own.

Not the pages themselves: a vacancy has no page of its own (its place is ``vacancies/#vacancy-<id>``), and
a goal page's own words are its stories' titles and summaries, which would make it a rival of every story
it lists. A goal is found by its number, its names and its targets' texts, in the site's language only (a
result shows its excerpt, and an English name in it is English on the Dutch site); an adviser by name, role
and bio (the adviser page's own card, not the stories it lists); a vacancy by its title, location, hours,
summary and its goals' names, written as sentences, since the excerpt shows them. Each carries ``kind``, the word the search dialog shows
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

_SENTENCE_END = ".!?…:;"  # a text ending in one of these needs no full stop before the next


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
        targets = " ".join(f"{target.id} {_sentence(target.title[language])}" for target in goal.targets)
        records.append(SearchRecord(
            url="/" + site.goal_url(goal.id),
            content=f"{_sentence(title)} {_sentence(goal.title[language])} {targets}",
            meta={"title": labels["goal_n"].format(n=goal.id), "name": title, "kind": labels["search_kind_goal"],
                  "goal1": str(goal.id), "summary": goal.title[language]},
        ))
    return records


def adviser_records(site: Site) -> list[SearchRecord]:
    kind = LABELS[site.language]["search_kind_adviser"]
    return [
        SearchRecord(
            url="/" + site.adviser_url(adviser.key),
            # The bio first: the excerpt starts there, and the name and kind are on the result's own lines.
            content=" ".join(_sentence(text) for text in (adviser.bio, adviser.name, adviser.role, kind) if text),
            meta={"title": adviser.name, "kind": kind, "summary": adviser.role},
        )
        for adviser in sorted(site.content.advisers.values(), key=lambda adviser: adviser.key)
    ]


def vacancy_records(site: Site) -> list[SearchRecord]:
    labels = LABELS[site.language]
    language = site.language
    records = []
    for vacancy in site.vacancies.listed():
        goals = [site.framework.goal(goal_id) for goal_id in vacancy.goals]
        # The summary first: the excerpt starts there, and the title, kind and location are on the result's
        # own lines already. Title, location and hours make one sentence, the goals' names another.
        facts = ", ".join(text for text in (vacancy.title, vacancy.location, vacancy.hours) if text)
        words = [vacancy.summary, facts, ", ".join(goal.short[language] for goal in goals),
                 labels["search_kind_vacancy"]]
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
            content=" ".join(_sentence(word) for word in words if word),
            meta=meta,
        ))
    return records


def _sentence(text: str) -> str:
    """``text`` ending as a sentence ends, so that texts put one after another read as sentences in an
    excerpt: "aan één tafel. Adviseur OOV, Utrecht, 32-36 uur.", not "tafel.. Adviseur"."""
    text = text.strip()
    return text if not text or text[-1] in _SENTENCE_END else text + "."


def goal_slots(site: Site) -> int:
    """How many goal badges a result may show: the most goals a story or a vacancy has."""
    counts = [len(story.goals) for story in site.stories] + [len(vacancy.goals) for vacancy in site.vacancies.open]
    return max(counts, default=1)
