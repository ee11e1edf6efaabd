"""The web editor's settings, read from ``extra.sdg_stories.editor`` in mkdocs.yml.

Only what the site owner must decide is a setting: where the stories are published (the git host, the
repository, the branch, the OAuth endpoint) and whether changes go through a review. Everything else in
the editor's configuration is generated from the story contract and the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sdg_stories.content.problems import Problem

# Decap CMS's names for the git hosts it publishes to. Its "gitea" backend has no review step
# (editorial_workflow); its "forgejo" backend has one, with branches and pull requests.
BACKENDS = ("github", "gitlab", "forgejo", "gitea")
NO_REVIEW = ("gitea",)
DEFAULT_LOCAL_PORT = 8081  # decap-server's port, so a writer's habits from other sites carry over
_FIELD = "extra.sdg_stories.editor"


@dataclass(frozen=True)
class EditorSettings:
    backend: str = "github"
    repo: str | None = None  # "owner/name"; without it only the local mode can save
    branch: str = "main"
    review: bool = True  # publish through a pull/merge request (Decap's editorial_workflow)
    base_url: str | None = None  # the OAuth proxy for GitHub (Decap's base_url), or the host for GitLab/Gitea
    auth_endpoint: str | None = None
    api_root: str | None = None  # a self-hosted GitLab/Forgejo/Gitea API, like https://git.example.nl/api/v1
    app_id: str | None = None  # GitLab/Forgejo/Gitea OAuth application id (PKCE: no proxy needed)
    local_port: int = DEFAULT_LOCAL_PORT

    @classmethod
    def from_options(cls, options: object, file: str) -> tuple["EditorSettings", list[Problem]]:
        """``options`` is the ``editor`` mapping under ``extra.sdg_stories`` (or None: the defaults)."""
        problems: list[Problem] = []
        if options is None:
            return cls(), problems
        if not isinstance(options, dict):
            return cls(), [Problem(file, None, _FIELD, "must be a group of settings, like {backend: github, repo: owner/name}")]
        known = set(cls.__dataclass_fields__)
        for key in options:
            if key not in known:
                problems.append(Problem(file, None, f"{_FIELD}.{key}", f"is not a setting here; the settings are {', '.join(cls.__dataclass_fields__)}"))
        backend = str(options.get("backend", cls.backend))
        if backend not in BACKENDS:
            problems.append(Problem(file, None, f"{_FIELD}.backend", f"'{backend}' is not supported; use {', '.join(BACKENDS)}"))
            backend = cls.backend
        repo = options.get("repo")
        if repo is not None and (not isinstance(repo, str) or repo.count("/") < 1 or " " in repo):
            problems.append(Problem(file, None, f"{_FIELD}.repo", f"'{repo}' must be the repository as owner/name, like meridiaan/sdg-verhalen"))
            repo = None
        review = options.get("review", cls.review)
        if not isinstance(review, bool):
            problems.append(Problem(file, None, f"{_FIELD}.review", f"'{review}' must be true or false"))
            review = cls.review
        if review and backend in NO_REVIEW:
            problems.append(Problem(
                file, None, f"{_FIELD}.review",
                f"Decap CMS's {backend} backend has no review step; use backend: forgejo, or set review: false",
            ))
        port = options.get("local_port", cls.local_port)
        if not isinstance(port, int) or isinstance(port, bool) or not 1024 <= port <= 65535:
            problems.append(Problem(file, None, f"{_FIELD}.local_port", f"'{port}' must be a port number from 1024 to 65535"))
            port = cls.local_port
        addresses = {}
        for name in ("base_url", "auth_endpoint", "api_root"):
            value = options.get(name)
            if value is not None and name != "auth_endpoint" and not _is_web_address(value):
                problems.append(Problem(file, None, f"{_FIELD}.{name}", f"'{value}' must be a full web address starting with https://"))
                value = None
            addresses[name] = str(value) if value is not None else None
        app_id = options.get("app_id")
        settings = cls(
            backend=backend, repo=repo, branch=str(options.get("branch", cls.branch)), review=review,
            app_id=str(app_id) if app_id is not None else None, local_port=port, **addresses,
        )
        return settings, problems

    @property
    def local_api(self) -> str:
        """Where the editor looks for `sdg-stories editor` when the page is opened on this computer."""
        return f"http://127.0.0.1:{self.local_port}/api/v1"


def _is_web_address(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
