"""Where does a MkDocs build spend its time? Phase timings for one in-process build.

Wraps the steps of mkdocs.commands.build (Markdown conversion, template rendering, plugin and hook
events, writing, ...) with timers that count exclusive time, so the phases add up to the whole
build, and prints them. With --cprofile it also runs the build under cProfile, saves the stats
and prints the functions with the most own time.

Usage:
  python bench/profile_build.py --baseline -n 1000        # generate a corpus, profile the baseline
  python bench/profile_build.py --sdg -n 1000             # generate a corpus, profile sdg-stories
  python bench/profile_build.py path/to/mkdocs.yml        # profile any existing site
  ... --cprofile /tmp/build.pstats                        # also cProfile (slower; adds ~2x overhead)
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))


class PhaseTimer:
    """Exclusive time per wrapped function: a call's time minus the wrapped calls inside it.

    Both wall and CPU time are kept: on a shared machine the CPU time is the steadier figure.
    """

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._inner: list[list[float]] = []

    def wrap(self, owner: object, attribute: str, phase: str | Callable[..., str]) -> None:
        """Time owner.attribute under phase: a name, or a function of the call's arguments giving one."""
        original = getattr(owner, attribute)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            start, start_cpu = time.perf_counter(), time.process_time()
            self._inner.append([0.0, 0.0])
            try:
                return original(*args, **kwargs)
            finally:
                elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
                inner, inner_cpu = self._inner.pop()
                name = phase if isinstance(phase, str) else phase(*args, **kwargs)
                self.totals[name] += elapsed - inner
                self.cpu[name] += elapsed_cpu - inner_cpu
                self.calls[name] += 1
                if self._inner:
                    self._inner[-1][0] += elapsed
                    self._inner[-1][1] += elapsed_cpu

        setattr(owner, attribute, timed)


def _template_phase(template, *args, **kwargs) -> str:
    # The theme's environment (Material's main.html and its partials, with any custom_dir overrides)
    # versus an environment of the project's own, such as sdg_stories' templates for generated pages.
    theme_dirs = getattr(template.environment.loader, "searchpath", [])
    if any("material" in d.replace(os.sep, "/").split("/")[-2:] for d in theme_dirs):
        return "Jinja: theme (Material main.html, partials)"
    return "Jinja: the project's own templates"


def _instrument(timer: PhaseTimer) -> None:
    import jinja2
    import markdown
    from mkdocs import plugins, utils
    from mkdocs.commands import build
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    timer.wrap(build, "build", "other (build loop, theme env, nav, ...)")
    timer.wrap(build, "get_files", "collect files")
    timer.wrap(Files, "add_files_from_theme", "collect files")
    timer.wrap(build, "get_navigation", "navigation")
    timer.wrap(Page, "read_source", "read Markdown sources")
    # MkDocs builds a fresh Markdown instance (all extensions) per page inside Page.render.
    timer.wrap(Page, "render", "Markdown: per-page setup, toc, links")
    timer.wrap(markdown.Markdown, "convert", "Markdown: convert")
    timer.wrap(build, "get_context", "template context")
    timer.wrap(jinja2.Template, "render", _template_phase)
    timer.wrap(utils, "write_file", "write files")
    timer.wrap(Files, "copy_static_files", "copy static files")
    timer.wrap(Page, "validate_anchor_links", "validate anchors")
    for event in (
        "on_config",
        "on_pre_build",
        "on_files",
        "on_nav",
        "on_pre_page",
        "on_page_markdown",
        "on_page_content",
        "on_env",
        "on_page_context",
        "on_post_page",
        "on_post_build",
    ):
        timer.wrap(plugins.PluginCollection, event, f"plugins/hooks: {event}")


def profile(config_file: Path, cprofile: Path | None) -> PhaseTimer:
    hooks = config_file.parent / "hooks"
    if hooks.is_dir():
        # As build_bench does: the site's own hooks/ first, so every sdg_stories module and template
        # comes from it, not from an editable install of another checkout.
        sys.path.insert(0, str(hooks))
    timer = PhaseTimer()
    _instrument(timer)
    # Imported after instrumenting, so this is the wrapped build().
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="profile-site-")
    try:
        start, start_cpu = time.perf_counter(), time.process_time()
        config = load_config(config_file=str(config_file), site_dir=site_dir)
        timer.totals["load config (imports plugins and hooks)"] += time.perf_counter() - start
        timer.cpu["load config (imports plugins and hooks)"] += time.process_time() - start_cpu
        timer.calls["load config (imports plugins and hooks)"] += 1
        config.plugins.on_startup(command="build", dirty=False)
        if cprofile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(build, config)
            profiler.dump_stats(str(cprofile))
            print(f"cProfile stats saved to {cprofile}; top functions by own time:")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        else:
            build(config)
        config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    return timer


def _report(timer: PhaseTimer, pages: int | None) -> None:
    total, total_cpu = sum(timer.totals.values()), sum(timer.cpu.values())
    print(f"\n{'phase (exclusive time)':44} {'cpu s':>7} {'share':>6} {'wall s':>7} {'calls':>6}")
    for phase, seconds in sorted(timer.cpu.items(), key=lambda item: -item[1]):
        print(
            f"{phase:44} {seconds:7.2f} {100 * seconds / total_cpu:5.1f}% {timer.totals[phase]:7.2f} "
            f"{timer.calls[phase]:6d}"
        )
    print(f"{'total':44} {total_cpu:7.2f} {'':6} {total:7.2f}")
    if pages:
        print(f"({1000 * total_cpu / pages:.2f} ms cpu per story)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Phase timings of one in-process MkDocs build.")
    parser.add_argument("config", nargs="?", type=Path, help="mkdocs.yml of an existing site")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--baseline", action="store_true", help="generate a corpus and profile the baseline site")
    which.add_argument("--sdg", action="store_true", help="generate a corpus and profile the sdg-stories site")
    parser.add_argument("-n", type=int, default=1000, help="stories to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cprofile", type=Path, help="also run under cProfile and save the stats here")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material 9.8's end-of-life banner
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1780272000")  # as build_bench: vacancies stay open
    if bool(args.config) == bool(args.baseline or args.sdg):
        parser.error("give either a mkdocs.yml or --baseline/--sdg")

    workdir = None
    pages = None
    try:
        if args.config:
            config_file = args.config.resolve()
        else:
            import build_bench
            import corpus

            workdir = Path(tempfile.mkdtemp(prefix="sdg-profile-"))
            corpus.generate(workdir / "corpus", args.n, args.seed)
            root = workdir / "site-root"
            if args.sdg:
                missing = build_bench._missing_project_files()
                if missing:
                    print(f"profile_build.py: the repository has no {', '.join(missing)} yet.", file=sys.stderr)
                    return 1
                build_bench._prepare_sdg(root, workdir / "corpus" / "stories")
            else:
                build_bench._prepare_baseline(root, workdir / "corpus" / "stories")
            config_file = root / "mkdocs.yml"
            pages = args.n
        os.chdir(config_file.parent)
        _report(profile(config_file, args.cprofile), pages)
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
