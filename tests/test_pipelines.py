"""The pipelines that come with the project: .github/workflows/ and .gitlab-ci.yml pass their hosts' published
JSON schemas, and both call .ci/pipeline, which is run here on a broken and on a good story as a pull
request's pipeline would run it: its annotations point at the story's file and line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from project import ROOT, Project

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
GITLAB = ROOT / ".gitlab-ci.yml"
# Any attempt to reach the network fails at once: the schemas must be the ones check-jsonschema ships.
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
BROKEN = """\
---
title: Een kapot verhaal
date: 2024-04-05
adviser: anna-de-vries
goals: [11]
targets: ["11.7", "11.99"]
summary: Een korte samenvatting.
---

Een verhaal over de gemeente.
"""
BROKEN_LINE = 6  # targets:


@pytest.mark.parametrize("path, schema", [
    *[(path, "vendor.github-workflows") for path in WORKFLOWS], (GITLAB, "vendor.gitlab-ci"),
], ids=lambda value: value.name if isinstance(value, Path) else value)
def test_the_pipeline_files_pass_their_hosts_schemas(path: Path, schema: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, env=dict(os.environ, **OFFLINE), timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_hosts_run_the_project_script_on_review_main_and_every_morning() -> None:
    review = yaml.safe_load((ROOT / ".github/workflows/review.yml").read_text("utf-8"))
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text("utf-8"))
    # PyYAML reads the key "on" as True (YAML 1.1); GitHub reads it as "on".
    assert "pull_request" in review[True]
    assert [step["run"] for step in review["jobs"]["review"]["steps"] if "run" in step][-1] == ".ci/pipeline review"
    assert publish[True]["push"] == {"branches": ["main"]}
    assert publish[True]["schedule"] == [{"cron": "0 5 * * *", "timezone": "Europe/Amsterdam"}]
    assert ".ci/pipeline publish site" in [step.get("run") for step in publish["jobs"]["build"]["steps"]]
    gitlab = yaml.safe_load(GITLAB.read_text("utf-8"))
    assert gitlab["review"]["script"][-1] == ".ci/pipeline review"
    assert gitlab["review"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert gitlab["pages"]["script"][-1].startswith(".ci/pipeline publish public")
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def _pipeline(project: Project, *args: str, host: dict[str, str]) -> subprocess.CompletedProcess:
    """.ci/pipeline as the project's copy holds it, run from the repository's root as the hosts run it."""
    (project.root / ".ci").mkdir(exist_ok=True)
    shutil.copy(ROOT / ".ci" / "pipeline", project.root / ".ci" / "pipeline")
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **host)
    for name in ("GITHUB_ACTIONS", "GITLAB_CI"):
        if name not in host:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, ".ci/pipeline", *args], cwd=project.root, capture_output=True, text=True,
        env=environment, timeout=600,
    )


def test_a_broken_story_fails_the_review_with_annotations_on_its_line_on_github(project: Project) -> None:
    story = project.raw_story("2024-04-05-kapot.md", BROKEN)
    assert story.read_text("utf-8").splitlines()[BROKEN_LINE - 1].startswith("targets:")
    result = _pipeline(project, "review", host={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0, result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1, result.stdout
    assert annotations[0].startswith(
        f"::error file=stories/2024-04-05-kapot.md,line={BROKEN_LINE},title=Verhaal klopt niet::targets: "
    ), annotations
    assert "11.99" in annotations[0]
    # The strict build ran too and refused the story with the same message.
    assert "stories/2024-04-05-kapot.md:6: targets:" in result.stdout + result.stderr


def test_a_broken_story_fails_the_review_with_a_code_quality_report_on_gitlab(project: Project) -> None:
    project.raw_story("2024-04-05-kapot.md", BROKEN)
    result = _pipeline(project, "review", host={"GITLAB_CI": "true"})
    assert result.returncode != 0, result.stdout + result.stderr
    report = json.loads((project.root / "gl-code-quality-report.json").read_text("utf-8"))
    assert len(report) == 1
    [entry] = report
    assert entry["location"] == {"path": "stories/2024-04-05-kapot.md", "lines": {"begin": BROKEN_LINE}}
    assert entry["severity"] == "major" and entry["check_name"] == "sdg-stories.targets"
    assert entry["description"].startswith("targets: ") and "11.99" in entry["description"]
    assert len(entry["fingerprint"]) == 64
    # The job's log has the problem as the writer knows it from `sdg-stories check`.
    assert "stories/2024-04-05-kapot.md:6: targets:" in result.stdout


def test_a_good_story_passes_the_review_and_is_published(project: Project) -> None:
    project.story("2024-04-05-goed.md", targets=["11.7"])
    review = _pipeline(project, "review", host={"GITHUB_ACTIONS": "true"})
    assert review.returncode == 0, review.stdout + review.stderr
    assert not [line for line in review.stdout.splitlines() if line.startswith("::")]
    gitlab = _pipeline(project, "review", host={"GITLAB_CI": "true"})
    assert gitlab.returncode == 0, gitlab.stdout + gitlab.stderr
    assert json.loads((project.root / "gl-code-quality-report.json").read_text("utf-8")) == []
    published = _pipeline(project, "publish", "public", host={"GITLAB_CI": "true"})
    assert published.returncode == 0, published.stdout + published.stderr
    assert (project.root / "public" / "stories" / "goed" / "index.html").is_file()


def test_the_script_says_how_to_use_it() -> None:
    result = subprocess.run([sys.executable, str(ROOT / ".ci" / "pipeline")], capture_output=True, text=True)
    assert result.returncode == 2 and ".ci/pipeline review" in result.stderr


def test_annotations_escape_what_would_end_them_early(tmp_path: Path) -> None:
    from sdg_stories.cli.check_annotations import github_commands, gitlab_report
    from sdg_stories.content.messages import messages
    from sdg_stories.content.problems import Problem

    problem = Problem("stories/a,b:c.md", 3, "summary", "100% fout:\nregel twee")
    [command] = github_commands((problem,), (), messages("en"), tmp_path)
    assert command == "::error file=stories/a%2Cb%3Ac.md,line=3,title=Story problem::summary: 100%25 fout:%0Aregel twee"
    warning = Problem("mkdocs.yml", None, None, "site_url ontbreekt")
    [command] = github_commands((), (warning,), messages("nl"), tmp_path)
    assert command == "::warning file=mkdocs.yml,title=Waarschuwing bij verhaal::site_url ontbreekt"
    [entry] = gitlab_report((), (warning,), tmp_path)
    assert entry["severity"] == "minor" and entry["location"] == {"path": "mkdocs.yml", "lines": {"begin": 1}}


def test_annotation_paths_start_at_the_checkout_the_host_names(project: Project, monkeypatch) -> None:
    # The project in a subfolder of the repository, the check run from inside stories/.
    from sdg_stories.cli.check_annotations import gitlab_report
    from sdg_stories.content.problems import Problem

    monkeypatch.chdir(project.stories)
    monkeypatch.setenv("CI_PROJECT_DIR", str(project.root.parent))
    [entry] = gitlab_report((Problem("stories/x.md", 2, "title", "leeg"),), (), project.root)
    assert entry["location"]["path"] == f"{project.root.name}/stories/x.md"
