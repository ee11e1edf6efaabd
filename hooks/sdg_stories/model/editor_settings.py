"""The web editor's settings, read from ``extra.sdg_stories.editor`` in mkdocs.yml.

Only what the site owner must decide is a setting: where the stories are published (the git host, the
repository, the branch, the OAuth endpoint) and whether changes go through a review. Everything else in
the editor's configuration is generated from the story contract and the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.web_address import is_web_address

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
    def from_options(cls, options: object, file: str, language: str) -> tuple["EditorSettings", list[Problem]]:
        """``options`` is the ``editor`` mapping under ``extra.sdg_stories`` (or None: the defaults); the
        problems are worded in ``language``, the site's, for the site owner who set them."""
        msg = messages(language)
        problems: list[Problem] = []
        if options is None:
            return cls(), problems
        if not isinstance(options, dict):
            return cls(), [Problem(file, None, _FIELD, msg("settings.editor.not-a-group"))]
        known = set(cls.__dataclass_fields__)
        for key in options:
            if key not in known:
                settings = ", ".join(cls.__dataclass_fields__)
                problems.append(Problem(file, None, f"{_FIELD}.{key}", msg("settings.editor.unknown", settings=settings)))
        backend = str(options.get("backend", cls.backend))
        if backend not in BACKENDS:
            problems.append(Problem(
                file, None, f"{_FIELD}.backend", msg("settings.editor.backend", value=backend, backends=msg.join_or(list(BACKENDS))),
            ))
            backend = cls.backend
        repo = options.get("repo")
        if repo is not None and (not isinstance(repo, str) or repo.count("/") < 1 or " " in repo):
            problems.append(Problem(file, None, f"{_FIELD}.repo", msg("settings.editor.repo", value=repo)))
            repo = None
        review = options.get("review", cls.review)
        if not isinstance(review, bool):
            problems.append(Problem(file, None, f"{_FIELD}.review", msg("field.not-true-or-false", value=review)))
            review = cls.review
        if review and backend in NO_REVIEW:
            problems.append(Problem(file, None, f"{_FIELD}.review", msg("settings.editor.no-review", backend=backend)))
        port = options.get("local_port", cls.local_port)
        if not isinstance(port, int) or isinstance(port, bool) or not 1024 <= port <= 65535:
            problems.append(Problem(file, None, f"{_FIELD}.local_port", msg("settings.editor.port", value=port)))
            port = cls.local_port
        addresses = {}
        for name in ("base_url", "auth_endpoint", "api_root"):
            value = options.get(name)
            if value is not None and name != "auth_endpoint" and not is_web_address(value):
                problems.append(Problem(file, None, f"{_FIELD}.{name}", msg("settings.editor.web-address", value=value)))
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

