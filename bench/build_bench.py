"""Build benchmark: the sdg-stories site against plain MkDocs + Material on the same generated stories.

For each N (100 and 1,000; 5,000 with --large) this script generates a deterministic corpus
(bench/corpus.py) into a temporary folder and builds, in the same run:

  (a) sdg-stories: the repository's mkdocs.yml, docs/ and hooks/ copied next to the generated stories/;
  (b) baseline:    the same stories as plain Material pages (front matter reduced to the title) under
                   docs/stories/, kept out of the nav with not_in_nav, in the project's own theme set-up
                   (its mkdocs.yml and docs/ without the hooks; Material's search plugin on).

Each build is a fresh `python -m mkdocs build -q` child process. Measured per build: wall time, peak
memory, HTML page count, output size and search index size; printed per N with the ratio a/b.

--serve-rebuild adds what `mkdocs serve` costs: in one child process per site (mirroring
mkdocs/commands/serve.py), a first build, then a rebuild after editing one story.

Usage:
  python bench/build_bench.py                    # N = 100 and 1,000
  python bench/build_bench.py --large            # also N = 5,000
  python bench/build_bench.py --serve-rebuild    # also the serve rebuild at N = 1,000
  python bench/build_bench.py --baseline-only    # only (b), e.g. before the hooks exist

Benchmarks print figures and ratios; they never fail on a slow machine (the exit status is 0 unless a
build breaks).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
import corpus  # noqa: E402  (a sibling script, not a package)

GNU_TIME = Path("/usr/bin/time")
SIZES = [100, 1000]
LARGE = 5000
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
BUILD_DATE_EPOCH = "1780272000"  # 2026-06-01T00:00:00Z

# The targets (issue 7), printed beside the figures so a reader sees where the build stands.
# The engine issue's targets: wall time at most 1.5x the baseline, the build's own Python process under
# 600 MB at 5,000 stories, Pagefind's process accepted up to 2 GB.
TARGET_RATIO = 1.5
TARGET_PEAK_MB = 600
TARGET_SEARCH_MB = 2048

# What the baseline keeps out of the project's mkdocs.yml: everything that belongs to the hooks.
BASELINE_DROPPED_KEYS = ("hooks", "watch")
# A page the nav names but the hooks generate (stories/index.md, sdg/index.md, ...): a plain page instead.
BASELINE_PLACEHOLDER = "# {title}\n\nIn the baseline this page is a placeholder; sdg-stories generates it.\n"
# Relative links in hand-written pages (not "https:", not "#...", not "mailto:"), to find generated targets.
_MD_LINK = re.compile(r"\]\(([^)#\s:]+)(?:#[^)\s]*)?\)")


@dataclass
class BuildResult:
    """What one build cost and produced. ok=False carries the reason in message."""

    label: str
    n: int
    ok: bool = False
    message: str = ""
    wall: float = 0.0
    cpu: float = 0.0  # user + system seconds of the build and its children; steadier than wall on a busy machine
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peak_kb: int = 0  # largest single process (ru_maxrss), exact
    tree_kb: int = 0  # sum over the process tree, sampled every 0.2 s
    pages: int = 0
    output_bytes: int = 0
    index_bytes: int = 0
    index_kind: str = ""
    warnings: int = 0
    search_alone: float | None = None  # Pagefind run alone over the built site, for the search share
    helper_cpu: float = 0.0  # CPU seconds of the build's helper processes (Pagefind), from /proc samples
    helper_span: tuple[float, float] | None = None  # when the helpers ran, seconds after the build started
    helper_names: list[str] = field(default_factory=list)
    helper_rss_kb: int = 0  # the largest helper process' resident set
    main_rss_kb: int = 0  # the build's own Python process' largest resident set (not its forks, not helpers)
    site_dir: Path | None = None
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------------------
# Preparing the two sites
# --------------------------------------------------------------------------------------------------


def _missing_project_files(project: Path = REPO) -> list[str]:
    wanted = [project / "mkdocs.yml", project / "docs", project / "hooks" / "mkdocs_hooks.py"]
    return [str(p.relative_to(project)) for p in wanted if not p.exists()]


def _prepare_sdg(root: Path, stories_src: Path, project: Path = REPO) -> None:
    """Copy the project's config, docs and hooks (working tree) next to a copy of the generated stories."""
    root.mkdir(parents=True)
    shutil.copy2(project / "mkdocs.yml", root / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(project / "docs", root / "docs", ignore=ignore)
    shutil.copytree(project / "hooks", root / "hooks", ignore=ignore)
    shutil.copytree(stories_src, root / "stories")


def _prepare_baseline(root: Path, stories_src: Path, project: Path = REPO) -> None:
    """The same stories as plain Material pages, in the project's own theme set-up, without the hooks.

    From the project's mkdocs.yml the baseline keeps the theme (language, features, palette, logo; not the
    custom_dir overrides, which are the hooks' and print what only the hooks give them),
    the Markdown extensions, the validation levels, extra_css and the nav of hand-written pages, and
    copies docs/; so the nav, the tabs and the Markdown pipeline cost the same on both sides and the
    ratio a/b measures the hooks. It drops the hooks and what only they read (watch,
    extra.sdg_stories) and turns on Material's search plugin, as a plain Material site has it. Pages the
    nav names but the hooks generate, and files the hand-written pages link to that the hooks generate
    (stories.json, feed.xml), become small placeholders, so the baseline builds without warnings.
    Stories go under docs/stories/ with front matter cut to the title, out of the nav (not_in_nav).
    """
    root.mkdir(parents=True)
    config = _load_yaml(project / "mkdocs.yml")
    for key in BASELINE_DROPPED_KEYS:
        config.pop(key, None)
    extra = dict(config.get("extra") or {})
    extra.pop("sdg_stories", None)
    config["extra"] = extra
    config["theme"] = {key: value for key, value in (config.get("theme") or {}).items() if key != "custom_dir"}
    config["plugins"] = ["search"]
    config["not_in_nav"] = (config.get("not_in_nav") or "") + "/stories/\n"
    config["site_name"] = f"{config.get('site_name', 'Site')} (baseline)"
    (root / "mkdocs.yml").write_text(
        "# Baseline for bench/build_bench.py: the project's mkdocs.yml without the hooks; see _prepare_baseline.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    docs = root / config.get("docs_dir", "docs")
    shutil.copytree(project / config.get("docs_dir", "docs"), docs, ignore=shutil.ignore_patterns("__pycache__"))
    for title, page in _nav_pages(config.get("nav") or []):
        target = docs / page
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(BASELINE_PLACEHOLDER.format(title=title), encoding="utf-8")
    for page in list(docs.rglob("*.md")):
        for link in _MD_LINK.findall(page.read_text(encoding="utf-8")):
            target = (page.parent / link).resolve()
            if target.is_relative_to(docs.resolve()) and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("", encoding="utf-8")  # the link must resolve; what is in it costs nothing
    stories_out = docs / "stories"
    stories_out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(stories_src / "images", stories_out / "images")
    for path in sorted(stories_src.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        title = next(line for line in front.splitlines() if line.startswith("title: "))
        (stories_out / path.name).write_text(f"---\n{title}\n---\n{body}", encoding="utf-8")


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !!python/name; the baseline keeps them as plain values."""


_TolerantLoader.add_multi_constructor(
    "", lambda loader, suffix, node: loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None
)


def _load_yaml(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def _nav_pages(nav: list) -> list[tuple[str, str]]:
    """(title, path) of every Markdown page in a nav, nested sections included."""
    found: list[tuple[str, str]] = []
    for item in nav:
        if isinstance(item, str) and item.endswith(".md"):
            found.append((Path(item).stem, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str) and value.endswith(".md"):
                    found.append((str(title), value))
                elif isinstance(value, list):
                    found.extend(_nav_pages(value))
    return found


# --------------------------------------------------------------------------------------------------
# Measuring a build
# --------------------------------------------------------------------------------------------------


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class _Seen:
    """One process of a build's tree as the sampler last saw it."""

    name: str
    first: float  # seconds after the build started
    last: float
    cpu: float  # user + system seconds at the last sample
    rss: int = 0  # the largest resident set seen, bytes


def _process_tree(root_pid: int) -> dict[int, tuple[str, int, float]]:
    """pid -> (name, resident bytes (Pss), user + system CPU seconds) for root_pid and all its descendants."""
    children: dict[int, list[int]] = {}
    stats: dict[int, bytes] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        pid = int(entry.name)
        stats[pid] = stat
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(pid)
    found: dict[int, tuple[str, int, float]] = {}
    stack = [root_pid]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, ()))
        stat = stats.get(pid)
        if stat is None:
            continue
        name = stat[stat.index(b"(") + 1 : stat.rindex(b")")].decode(errors="replace")
        fields = stat.rsplit(b")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                rss = int(handle.read().split()[1]) * PAGE_SIZE
        except OSError:
            rss = 0
        found[pid] = (name, rss, cpu)
    return found


def _private_rss(pid: int) -> int | None:
    """The memory only this process holds (Private_Clean + Private_Dirty): for a fork of the build,
    whose other pages are its parent's and counted there. None where the kernel has no smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            return sum(int(line.split()[1]) * 1024 for line in handle if line.startswith(b"Private_"))
    except OSError:
        return None


def _process_tree_rss(root_pid: int) -> int:
    """Resident memory (bytes) of root_pid and all its descendants, read from /proc."""
    return sum(rss for _, rss, _ in _process_tree(root_pid).values())


class _TreeSampler(threading.Thread):
    """Samples a build's process tree every ``interval``: the summed RSS (catches helpers such as Pagefind
    running beside MkDocs), and each process' name, lifetime and CPU time, so that the search helper's
    share can be told apart from the build's own (a process' CPU is read up to its last sample)."""

    # 0.2 s, not finer: sampling costs CPU (0.75 s of a 13 s build at 50 ms), taken from a build that uses
    # both cores, and none from a baseline that uses one; Pagefind's memory peak lasts seconds.
    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.main_rss = 0  # the largest resident set of a Python process that is not a fork of another
        self.seen: dict[int, _Seen] = {}
        self.stop = threading.Event()
        self._start = time.perf_counter()

    def run(self) -> None:
        private: dict[int, tuple[float, int]] = {}  # fork pid -> (when read, private bytes)
        while not self.stop.is_set():
            tree = _process_tree(self.pid)
            now = time.perf_counter() - self._start
            total = 0
            for pid, (name, rss, _) in tree.items():
                # A Python process whose parent is a Python process of the build is a fork (the second
                # process converting Markdown and rendering pages): only its own pages count. Read once a
                # second at most, as smaps_rollup takes milliseconds to read for a big process.
                if name.startswith("python") and self._parent_is_python(pid, tree):
                    if pid not in private or now - private[pid][0] > 1.0:
                        private[pid] = (now, _private_rss(pid) or rss)
                    rss = private[pid][1]
                elif name.startswith("python") and pid != self.pid:
                    self.main_rss = max(self.main_rss, rss)
                total += rss
            self.peak = max(self.peak, total)
            for pid, (name, rss, cpu) in tree.items():
                if pid not in self.seen:
                    self.seen[pid] = _Seen(name, now, now, cpu)
                seen = self.seen[pid]
                seen.last, seen.cpu, seen.rss = now, cpu, max(seen.rss, rss)
            self.stop.wait(self.interval)

    def _parent_is_python(self, pid: int, tree: dict[int, tuple[str, int, float]]) -> bool:
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except OSError:
            return False
        # The wrapper (GNU time, or a Python one where time is missing) is the root, not a build to fork from.
        return ppid in tree and ppid != self.pid and tree[ppid][0].startswith("python")

    def helpers(self) -> list[_Seen]:
        """Processes of the tree other than the build's Python and the timing wrapper (GNU time)."""
        return [seen for pid, seen in self.seen.items() if pid != self.pid and not seen.name.startswith("python")]


# Used when /usr/bin/time is missing: a fresh child whose RUSAGE_CHILDREN then covers exactly one build.
_RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write('\\nMaximum resident set size (kbytes): %d\\n' % usage.ru_maxrss)\n"
    "sys.stderr.write('User time (seconds): %.2f\\nSystem time (seconds): %.2f\\n'"
    " % (usage.ru_utime, usage.ru_stime))\n"
    "sys.exit(code)\n"
)


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _child_env(root: Path) -> dict[str, str]:
    """Environment for a build of the site in root.

    The copied hooks/ goes first on PYTHONPATH: sdg_stories is found on sys.path (and, after
    `pip install -e .`, also in the checkout), and MkDocs puts hooks/ on sys.path only while it imports
    the hook module. Without this, modules and templates imported later would come from the checkout
    rather than from the copy being measured.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material 9.8's end-of-life banner buries messages
    # A fixed build date: the corpus' vacancies (closing in 2027) stay open whenever the bench runs.
    env.setdefault("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    if (root / "hooks").is_dir():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "hooks"), env.get("PYTHONPATH")]))
    return env


def _tail(output: str, lines: int = 15) -> str:
    """The last lines of a failed child's output, without colour codes or GNU time's own notes."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    kept = [line for line in plain.strip().splitlines() if line.strip() and not line.startswith("Command exited")]
    return "\n".join(kept[-lines:])


def _measure_build(label: str, n: int, root: Path) -> BuildResult:
    result = BuildResult(label, n)
    site = root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if GNU_TIME.exists():
        command = [str(GNU_TIME), "-v"] + command
    else:
        command = [sys.executable, "-c", _RUSAGE_WRAPPER] + command
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=root, env=_child_env(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    sampler = _TreeSampler(process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    result.wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    # The wrapper (time or Python) is not part of the build; its own few MB are left in, being noise.
    result.tree_kb = sampler.peak // 1024
    helpers = sampler.helpers()
    if helpers:
        result.helper_cpu = sum(seen.cpu for seen in helpers)
        result.helper_span = (min(seen.first for seen in helpers), max(seen.last for seen in helpers))
        result.helper_names = sorted({seen.name for seen in helpers})
        result.helper_rss_kb = max(seen.rss for seen in helpers) // 1024
    result.main_rss_kb = sampler.main_rss // 1024
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    result.peak_kb = int(match.group(1)) if match else 0
    result.cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", stderr))
    result.walls = [result.wall]
    result.cpus = [result.cpu]
    build_log = re.split(r"\tCommand being timed:|\nMaximum resident set size", stderr)[0]
    result.warnings = len(re.findall(r"^WARNING", build_log, re.M))
    if process.returncode != 0:
        tail = _tail(stdout + "\n" + build_log)
        result.message = f"mkdocs build exited with {process.returncode}:\n{tail}"
        return result
    result.ok = True
    result.site_dir = site
    html = [p for p in site.rglob("*.html")]
    result.pages = len(html)
    result.output_bytes = _dir_size(site)
    pagefind = site / "pagefind"
    lunr = site / "search" / "search_index.json"
    if pagefind.is_dir():
        result.index_bytes, result.index_kind = _dir_size(pagefind), "pagefind/"
    elif lunr.exists():
        result.index_bytes, result.index_kind = lunr.stat().st_size, "search_index.json"
    else:
        result.index_kind = "none"
    if result.warnings:
        result.extra["warning_lines"] = [line for line in build_log.splitlines() if line.startswith("WARNING")][:5]
    return result


def _merge_runs(runs: list[BuildResult]) -> BuildResult:
    """Best time of the repeats (the least disturbed by other work on the machine), worst memory."""
    if not all(r.ok for r in runs):
        return next(r for r in runs if not r.ok)
    best = min(runs, key=lambda r: r.wall)
    best.walls = [r.wall for r in runs]
    best.cpus = [r.cpu for r in runs]
    best.cpu = min(r.cpu for r in runs)
    # The helpers' share from the same run as the reported CPU time.
    steadiest = min(runs, key=lambda r: r.cpu)
    best.helper_cpu, best.helper_span, best.helper_names = (
        steadiest.helper_cpu, steadiest.helper_span, steadiest.helper_names
    )
    best.helper_rss_kb = max(r.helper_rss_kb for r in runs)
    best.main_rss_kb = max(r.main_rss_kb for r in runs)
    best.extra["helper_wall"] = steadiest.wall
    best.peak_kb = max(r.peak_kb for r in runs)
    best.tree_kb = max(r.tree_kb for r in runs)
    return best


def _measure_pagefind_alone(result: BuildResult) -> None:
    """Time Pagefind indexing the finished site on its own: an upper bound for the search step's share."""
    if not result.ok or result.index_kind != "pagefind/":
        return
    with tempfile.TemporaryDirectory(prefix="pagefind-alone-") as out:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(result.site_dir), "--output-path", out, "--quiet"],
            capture_output=True,
            text=True,
        )
        if done.returncode == 0:
            result.search_alone = time.perf_counter() - start


# --------------------------------------------------------------------------------------------------
# mkdocs serve: full build vs. rebuild after one edited story, in one process like `mkdocs serve`
# --------------------------------------------------------------------------------------------------


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (a Pagefind helper process, say)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _serve_child(config_file: str, edits: list[str], dirty: bool) -> dict:
    """Mirror mkdocs.commands.serve.serve() without the HTTP server; time the builder() calls.

    As serve does: load the config with a temporary site_dir, run on_startup(command='serve') once,
    point site_url at the dev server, build with serve_url (drafts visible) and dirty=False unless
    --dirty; then on every change build again from a freshly loaded config (plugins that define
    on_startup and hook modules are kept across reloads by MkDocs itself, so their caches survive).
    """
    import logging
    import resource
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import _serve_url

    class _Counter(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.WARNING)
            self.count = 0

        def emit(self, record: logging.LogRecord) -> None:
            self.count += 1

    counter = _Counter()
    logging.getLogger("mkdocs").addHandler(counter)

    class _Server:
        """Stands in for LiveReloadServer in on_serve; records what would be watched."""

        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
            self.watched.append(os.path.abspath(path))

        def unwatch(self, path: str) -> None:
            if os.path.abspath(path) in self.watched:
                self.watched.remove(os.path.abspath(path))

    site_dir = tempfile.mkdtemp(prefix="mkdocs_")

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=dirty)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config=None) -> None:
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=dirty)

    out: dict = {"rebuilds": [], "dirty": dirty}
    try:
        start, cpu = time.perf_counter(), _cpu_seconds()
        builder(config)
        out["full"] = time.perf_counter() - start
        out["full_cpu"] = _cpu_seconds() - cpu
        server = _Server()
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        out["watched"] = server.watched
        for number, edit in enumerate(edits, 1):
            marker = f"benchmarkbewerking{number}x{os.getpid()}"
            path = Path(edit)
            path.write_text(
                path.read_text(encoding="utf-8") + f"\nBewerkt tijdens de benchmark: {marker}.\n", encoding="utf-8"
            )
            start, cpu = time.perf_counter(), _cpu_seconds()
            builder()
            took, took_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
            visible = any(
                marker in p.read_text(encoding="utf-8", errors="replace") for p in Path(site_dir).rglob("*.html")
            )
            watched = any(
                os.path.abspath(edit) == w or os.path.abspath(edit).startswith(w.rstrip(os.sep) + os.sep)
                for w in server.watched
            )
            out["rebuilds"].append(
                {"file": edit, "seconds": took, "cpu": took_cpu, "visible": visible, "watched": watched}
            )
        out["peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out["warnings"] = counter.count
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return out


def _measure_serve_rebuild(label: str, n: int, root: Path, edits: list[Path], dirty: bool) -> dict:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--serve-child",
        str(root / "mkdocs.yml"),
        "--dirty" if dirty else "--no-dirty",
    ] + [str(e) for e in edits]
    done = subprocess.run(command, cwd=root, env=_child_env(root), capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("{"):
        tail = _tail(done.stdout + "\n" + done.stderr)
        return {"label": label, "ok": False, "message": f"serve child exited with {done.returncode}:\n{tail}"}
    data = json.loads(lines[-1])
    data.update(label=label, ok=True, n=n)
    return data


def _pick_edits(stories: list[Path], count: int) -> list[Path]:
    """Stories spread over the corpus, the same ones for both sites."""
    step = max(1, len(stories) // (count + 1))
    return [stories[step * (i + 1)] for i in range(min(count, len(stories)))]


# --------------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------------


def _mb(value: float) -> str:
    return f"{value / 1e6:.1f}"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def _print_table(n: int, results: list[BuildResult]) -> None:
    header = (
        f"{'':18} {'wall s':>7} {'cpu s':>7} {'ms/story':>8} {'peak MB':>7} {'tree MB':>7} {'pages':>6} "
        f"{'output MB':>9} {'index MB':>8}  index"
    )
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nN = {n:,} stories (load average now {load})")
    print(header)
    print("-" * len(header))
    for r in results:
        if not r.ok:
            print(f"{r.label:18} not built: " + r.message.replace("\n", "\n" + " " * 30))
            continue
        print(
            f"{r.label:18} {r.wall:7.2f} {r.cpu:7.2f} {1000 * r.wall / n:8.2f} {r.peak_kb / 1024:7.0f} "
            f"{r.tree_kb / 1024:7.0f} {r.pages:6d} {_mb(r.output_bytes):>9} {_mb(r.index_bytes):>8}  {r.index_kind}"
        )
    ok = [r for r in results if r.ok]
    baseline = next((r for r in ok if r.label == "baseline (b)"), None)
    for a in ok if baseline else ():
        if a is baseline:
            continue
        b = baseline
        print(
            f"{'ratio ' + a.label[-2] + '/b':18} {_ratio(a.wall, b.wall):>7} {_ratio(a.cpu, b.cpu):>7} {_ratio(a.wall, b.wall):>8} "
            f"{_ratio(a.peak_kb, b.peak_kb):>7} {_ratio(a.tree_kb, b.tree_kb):>7} {_ratio(a.pages, b.pages):>6} "
            f"{_ratio(a.output_bytes, b.output_bytes):>9} {_ratio(a.index_bytes, b.index_bytes):>8}"
        )
    for r in ok:
        if len(r.walls) > 1:
            print(
                f"  {r.label}: each run " + ", ".join(f"{w:.1f}" for w in r.walls) + " s wall, "
                + ", ".join(f"{c:.1f}" for c in r.cpus) + " s cpu"
                + f" (cpu spread {100 * (max(r.cpus) - min(r.cpus)) / min(r.cpus):.0f}%)"
            )
        if r.helper_cpu and r.helper_span:
            first, last = r.helper_span
            print(
                f"  {r.label}: search helper ({', '.join(r.helper_names)}) {r.helper_cpu:.2f} s cpu of {min(r.cpus):.2f} "
                f"({100 * r.helper_cpu / min(r.cpus):.0f}%, in its own process, on the other core when one is free); "
                f"it ran from {first:.1f} s to {last:.1f} s of that {r.extra['helper_wall']:.1f} s build; "
                f"its largest resident set {r.helper_rss_kb / 1024:.0f} MB"
            )
        if r.main_rss_kb:
            print(f"  {r.label}: the build's own Python process: largest resident set {r.main_rss_kb / 1024:.0f} MB")
        if r.search_alone is not None:
            print(
                f"  {r.label}: Pagefind alone over its output took {r.search_alone:.2f} s "
                f"({100 * r.search_alone / r.wall:.0f}% of its build time; an upper bound for the search step)"
            )
        if r.warnings:
            print(f"  {r.label}: {r.warnings} warning(s), first: {r.extra['warning_lines'][:1]}")


def _print_serve(n: int, serve: list[dict], full: dict[str, BuildResult]) -> None:
    print(f"\nmkdocs serve at N = {n:,}: first build vs. rebuild after editing one story (same process)")
    for s in serve:
        if not s["ok"]:
            print(f"  {s['label']:20} not measured: " + s["message"].replace("\n", "\n" + " " * 24))
            continue
        times = [r["seconds"] for r in s["rebuilds"]]
        cpus = [r["cpu"] for r in s["rebuilds"]]
        median, median_cpu = statistics.median(times), statistics.median(cpus)
        cli = full.get(s["label"])
        cli_text = f" (CLI full build: {cli.wall:.2f} s)" if cli and cli.ok else ""
        print(f"  {s['label']}: first build {s['full']:.2f} s wall / {s['full_cpu']:.2f} s cpu{cli_text}")
        print(
            "    rebuild after one edit: "
            + ", ".join(f"{t:.2f}" for t in times)
            + " s wall / "
            + ", ".join(f"{t:.2f}" for t in cpus)
            + " s cpu; "
            f"median = {median / s['full']:.2f} of the first build (cpu {median_cpu / s['full_cpu']:.2f}); "
            f"process peak {s['peak_kb'] / 1024:.0f} MB"
        )
        stale = [r["file"] for r in s["rebuilds"] if not r["visible"]]
        unwatched = [r["file"] for r in s["rebuilds"] if not r["watched"]]
        if stale:
            print(f"    WARNING: the edit did not show up in the rebuilt site for {len(stale)} file(s)")
        if unwatched:
            print(
                f"    WARNING: edited file(s) outside every watched path: serve would not notice them "
                f"(watched: {', '.join(s['watched'])})"
            )


def _verdict(wall_ok: bool, cpu_ok: bool) -> str:
    """On a busy machine wall and CPU time can disagree; say which of them meets the target."""
    if wall_ok and cpu_ok:
        return "met"
    if cpu_ok:
        return "met in cpu time only; rerun on a quieter machine"
    if wall_ok:
        return "met in wall time only"
    return "NOT met"


def _print_targets(all_results: dict[int, list[BuildResult]]) -> None:
    lines = []
    per_story: dict[int, BuildResult] = {}
    for n, results in sorted(all_results.items()):
        ok = {r.label: r for r in results if r.ok}
        a, b = ok.get("sdg-stories (a)"), ok.get("baseline (b)")
        if a and b and n >= 1000:
            wall, cpu = a.wall / b.wall, a.cpu / b.cpu
            lines.append(
                f"full build a/b at N={n:,}: {wall:.2f}x wall, {cpu:.2f}x cpu "
                f"(target <= {TARGET_RATIO}x: {_verdict(wall <= TARGET_RATIO, cpu <= TARGET_RATIO)})"
            )
        if a:
            per_story[n] = a
            if n >= 5000:
                own, search = a.main_rss_kb / 1024, a.helper_rss_kb / 1024
                lines.append(
                    f"memory at N={n:,}: the build's Python process {own:.0f} MB (target < {TARGET_PEAK_MB} MB: "
                    f"{'met' if own < TARGET_PEAK_MB else 'NOT met'}), Pagefind {search:.0f} MB (accepted up to "
                    f"{TARGET_SEARCH_MB} MB: {'met' if search <= TARGET_SEARCH_MB else 'NOT met'})"
                )
    if 1000 in per_story and 5000 in per_story:
        small, large = per_story[1000], per_story[5000]
        lines.append(
            f"time per story at 5,000 vs 1,000: {large.wall / 5:.2f} vs {small.wall:.2f} ms wall, "
            f"{large.cpu / 5:.2f} vs {small.cpu:.2f} ms cpu "
            f"(target: not higher; {_verdict(large.wall / 5 <= small.wall, large.cpu / 5 <= small.cpu)})"
        )
    if lines:
        print("\nTargets (sdg-stories):")
        for line in lines:
            print("  " + line)


def _machine() -> str:
    from importlib.metadata import version

    import mkdocs

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs; Python {platform.python_version()}, mkdocs {mkdocs.__version__}, "
        f"mkdocs-material {version('mkdocs-material')}, pagefind {version('pagefind')}"
    )


# --------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------


def _run_size(n: int, args: argparse.Namespace, workdir: Path) -> tuple[list[BuildResult], list[dict]]:
    base = workdir / f"n{n}"
    start = time.perf_counter()
    stories = corpus.generate(base / "corpus", n, args.seed)
    print(f"[N={n:,}] corpus generated in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    stories_src = base / "corpus" / "stories"
    roots: dict[str, Path] = {}
    skipped: list[BuildResult] = []

    label = "sdg-stories (a)"
    if not args.baseline_only:
        missing = _missing_project_files(args.project)
        if missing:
            skipped.append(
                BuildResult(
                    label,
                    n,
                    message=f"the project has no {', '.join(missing)} yet "
                    f"(looked in {args.project}); measured the baseline only.",
                )
            )
        else:
            _prepare_sdg(base / "sdg", stories_src, args.project)
            roots[label] = base / "sdg"
            if args.before:
                _prepare_sdg(base / "before", stories_src, args.before)
                roots["before (c)"] = base / "before"
    _prepare_baseline(base / "baseline", stories_src, args.project)
    roots["baseline (b)"] = base / "baseline"

    # Interleaved a, b, a, b, ... so a burst of other work on the machine hits both sites alike.
    runs: dict[str, list[BuildResult]] = {label: [] for label in roots}
    for attempt in range(1, args.repeat + 1):
        for label, root in roots.items():
            print(f"[N={n:,}] build {attempt}/{args.repeat}: {label} ...", file=sys.stderr)
            if args.cold_cards:
                shutil.rmtree(root / ".cache", ignore_errors=True)
            runs[label].append(_measure_build(label, n, root))
    results = skipped + [_merge_runs(found) for found in runs.values()]
    if args.search_share:
        for result in results:
            _measure_pagefind_alone(result)

    serve: list[dict] = []
    if args.serve_rebuild and n == args.rebuild_n:
        names = [p.name for p in _pick_edits(sorted(stories), args.edits)]
        for label, root in roots.items():
            story_dir = root / ("docs/stories" if label.startswith("baseline") else "stories")
            print(f"[N={n:,}] serve rebuild: {label} ...", file=sys.stderr)
            serve.append(_measure_serve_rebuild(label, n, root, [story_dir / name for name in names], args.dirty))
    return results, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build benchmark: sdg-stories vs plain MkDocs + Material.")
    parser.add_argument("--large", action="store_true", help="also N = 5,000")
    parser.add_argument(
        "--sizes", type=lambda s: [int(x) for x in s.split(",")], help="comma-separated N values instead of 100,1000"
    )
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument(
        "--project",
        type=Path,
        default=REPO,
        help="checkout whose mkdocs.yml, docs/ and hooks/ are benchmarked (default: the one holding bench/)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds per site and N, interleaved; the fastest is reported (default 3)"
    )
    parser.add_argument("--baseline-only", action="store_true", help="skip the sdg-stories build")
    parser.add_argument(
        "--before", type=Path,
        help="also build this other checkout of sdg-stories (say, a worktree of main before a change) in the same run",
    )
    parser.add_argument(
        "--cold-cards", action="store_true",
        help="empty the social card cache (.cache/) before each sdg-stories build, so every build draws every card",
    )
    parser.add_argument("--serve-rebuild", action="store_true", help="also time a serve rebuild after one edit")
    parser.add_argument("--rebuild-n", type=int, default=1000, help="N for --serve-rebuild (default 1000)")
    parser.add_argument("--edits", type=int, default=2, help="edited stories (one rebuild each) for --serve-rebuild")
    parser.add_argument(
        "--dirty",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="serve rebuild as `mkdocs serve --dirty` (default: plain `mkdocs serve`)",
    )
    parser.add_argument(
        "--no-search-share",
        dest="search_share",
        action="store_false",
        help="skip timing Pagefind alone over the sdg-stories output",
    )
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and keep it, instead of a temp dir")
    parser.add_argument("--serve-child", metavar="CONFIG", help=argparse.SUPPRESS)
    parser.add_argument("edit_files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve_child:
        print(json.dumps(_serve_child(args.serve_child, args.edit_files, args.dirty)))
        return 0

    sizes = args.sizes or (SIZES + ([LARGE] if args.large else []))
    if args.serve_rebuild and args.rebuild_n not in sizes:
        sizes = sorted(sizes + [args.rebuild_n])
    if args.keep:
        args.keep.mkdir(parents=True)
        workdir = args.keep.resolve()
    else:
        workdir = Path(tempfile.mkdtemp(prefix="sdg-bench-"))
    memory_tool = "/usr/bin/time -v" if GNU_TIME.exists() else "getrusage(RUSAGE_CHILDREN) in a fresh child"
    print(f"Machine: {_machine()}")
    print(f"Corpus seed {args.seed}; peak memory from {memory_tool}; tree MB sampled from /proc every 0.2 s")
    all_results: dict[int, list[BuildResult]] = {}
    all_serve: list[dict] = []
    failed = False
    try:
        for n in sizes:
            results, serve = _run_size(n, args, workdir)
            all_results[n] = results
            _print_table(n, results)
            if serve:
                _print_serve(n, serve, {r.label: r for r in results})
                all_serve.extend(serve)
            sys.stdout.flush()
            failed |= any(r.message.startswith("mkdocs build exited") for r in results)
        _print_targets(all_results)
        sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
