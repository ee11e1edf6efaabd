"""Search benchmark: Pagefind (the sdg-stories site) against Material's lunr search (the baseline) in Chromium.

For each N (1,000 and 5,000 by default) this script generates the deterministic corpus (bench/corpus.py),
builds the two sites of bench/build_bench.py from it (sdg-stories with its Pagefind index; the same
stories as plain Material pages with Material's search plugin), serves each on 127.0.0.1 with Python's
http.server (no compression, as the files are written), and in Debian's /usr/bin/chromium, driven by
Playwright, opens a story page in a fresh browser context (empty cache), opens the search from the
header, types a common word and waits for the first result. Measured per run, median of --runs:

- time to the first result from the start of the page load, and from the last keystroke;
- bytes transferred before the first result: all of them, and the search's own (pagefind/, or lunr's
  search/ index and worker), with what they would weigh gzipped (as a web server would send them).

Targets (issue 4), for Pagefind: at most 1 MB transferred before the first result (everything since
the page load started, the page itself included) and under 1 s from the last keystroke.
Benchmarks print figures; they never fail on a slow machine (the exit status is 0 unless a build breaks).

Usage:
  python bench/search_bench.py                      # N = 1,000 and 5,000
  python bench/search_bench.py --sizes 1000 --runs 5
  python bench/search_bench.py --word municipality  # another word (the corpus is Dutch, 10 % English)
  python bench/search_bench.py --keep DIR           # build into DIR and keep it; a second run reuses it
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
import build_bench  # noqa: E402  (sibling scripts, not a package)
import corpus  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TARGET_BYTES = 1_000_000
TARGET_SECONDS = 1.0
_ELSEWHERE = re.compile(r"^(?!http://127\.0\.0\.1[:/])")  # Material asks site_url for its sitemap


@dataclass(frozen=True)
class Search:
    """How to search on one kind of site: what to click, where to type, what a result is."""

    label: str
    open: str
    field: str
    result: str
    own_files: re.Pattern


PAGEFIND = Search(
    label="sdg-stories (Pagefind)",
    open=".sdg-search--wide pagefind-modal-trigger button",
    field="pagefind-modal pagefind-input input",
    result="pagefind-modal .sdg-result",
    own_files=re.compile(r"/pagefind/"),
)
LUNR = Search(
    label="baseline (Material, lunr)",
    open="input.md-search__input",
    field="input.md-search__input",
    result=".md-search-result__list li",
    own_files=re.compile(r"/search/|/workers/search"),
)


@dataclass
class Run:
    to_result: float  # seconds from the start of the page load to the first result shown
    after_typing: float  # seconds from the last keystroke to the first result
    cpu_after_typing: float  # CPU seconds the browser's processes used meanwhile: what a busy machine does not change
    total_bytes: int
    total_gzip: int
    search_bytes: int
    search_gzip: int


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@functools.lru_cache(maxsize=None)
def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) if path.is_file() else 0


def _file_for(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


_TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(root: int) -> float:
    """User and system CPU seconds of root's descendants (the Playwright driver and Chromium's processes)."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICK
    total, stack = 0.0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += times.get(pid, 0.0)
        stack += children.get(pid, [])
    return total


def _measure(browser: object, site: Path, base: str, page_url: str, search: Search, word: str) -> Run:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.route(_ELSEWHERE, lambda route: route.abort())
    finished: list[object] = []
    context.on("requestfinished", lambda request: finished.append(request))  # the page's and its workers'
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(base + page_url, wait_until="domcontentloaded")
        page.locator(search.open).click()
        page.locator(search.field).press_sequentially(word)
        typed, cpu_typed = time.perf_counter(), _tree_cpu(os.getpid())
        page.locator(search.result).first.wait_for(state="visible", timeout=120_000)
        shown, cpu_shown = time.perf_counter(), _tree_cpu(os.getpid())
        counted = list(finished)  # what arrived before the first result
        total = search_total = total_gz = search_gz = 0
        for request in counted:
            sizes = request.sizes()  # type: ignore[attr-defined]
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            gz = _gzipped(_file_for(site, request.url)) + sizes["responseHeadersSize"]  # type: ignore[attr-defined]
            total, total_gz = total + size, total_gz + gz
            if search.own_files.search(request.url):  # type: ignore[attr-defined]
                search_total, search_gz = search_total + size, search_gz + gz
        return Run(shown - start, shown - typed, cpu_shown - cpu_typed, total, total_gz, search_total, search_gz)
    finally:
        context.close()


def _build(label: str, root: Path) -> None:
    if (root / "site").is_dir():
        return  # --keep: built by an earlier run
    print(f"  building {label} ...", flush=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
        cwd=root, env=build_bench._child_env(root), capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"{label} build failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def _prepare(n: int, workdir: Path) -> tuple[Path, Path]:
    sdg, baseline = workdir / f"n{n}" / "sdg-stories", workdir / f"n{n}" / "baseline"
    if not sdg.exists():
        stories = workdir / f"n{n}" / "corpus"
        corpus.generate(stories, n)
        build_bench._prepare_sdg(sdg, stories / "stories")
        build_bench._prepare_baseline(baseline, stories / "stories")
        # Material's own header, with its search box: the project's override puts Pagefind's there.
        (baseline / "docs" / "overrides" / "partials" / "header.html").unlink(missing_ok=True)
    _build("sdg-stories", sdg)
    _build("baseline", baseline)
    return sdg / "site", baseline / "site"


def _story_page(site: Path, prefix: str) -> str:
    """The first story page in file order, as a site-relative URL: the page the visitor searches from."""
    page = sorted(site.glob(f"{prefix}*/index.html"))[0]
    return page.parent.relative_to(site).as_posix() + "/"


def _mb(value: float) -> str:
    return f"{value / 1e6:.2f} MB"


def _row(label: str, runs: list[Run]) -> str:
    def median(name: str) -> float:
        return statistics.median(getattr(run, name) for run in runs)

    return (
        f"  {label:<27} {median('to_result'):6.2f} s {median('after_typing'):8.2f} s {median('cpu_after_typing'):7.2f} s   "
        f"{_mb(median('total_bytes')):>9} ({_mb(median('total_gzip'))} gz)   "
        f"{_mb(median('search_bytes')):>9} ({_mb(median('search_gzip'))} gz)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="corpus sizes (default 1000 5000)")
    parser.add_argument("--runs", type=int, default=3, help="measurements per site, median shown (default 3)")
    parser.add_argument("--word", default="gemeente", help="the word typed (default: gemeente)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (reused when present)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium (Debian's; never a downloaded browser)")
        return 1
    from playwright.sync_api import sync_playwright

    print(f"Search benchmark on {build_bench._machine()}; Chromium {CHROMIUM}; word {args.word!r}")
    # Times are wall times on a shared machine: the load says how much of it the browser had.
    print("load average at the start: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="sdg-search-bench-") as scratch:
        workdir = args.keep or Path(scratch)
        for n in args.sizes:
            print(f"\nN = {n:,} stories")
            ours, theirs = _prepare(n, workdir)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
                rows = []
                for site, search, prefix in ((ours, PAGEFIND, "stories/"), (theirs, LUNR, "stories/")):
                    server, base = _serve(site)
                    try:
                        page_url = _story_page(site, prefix)
                        _measure(browser, site, base, page_url, search, args.word)  # warm the OS file cache
                        runs = [_measure(browser, site, base, page_url, search, args.word) for _ in range(args.runs)]
                    finally:
                        server.shutdown()
                        server.server_close()
                    rows.append((search, runs))
                browser.close()
            print(f"  load average now: {os.getloadavg()[0]:.1f}")
            print(f"  {'':<27} {'to result':>8} {'after typing':>10} {'(CPU)':>7}   {'bytes before the first result':<31} {'of which the search':<20}")
            for search, runs in rows:
                print(_row(search.label, runs))
            (_, ours_runs), (_, lunr_runs) = rows
            # The visitor's wait: from the last keystroke (the page itself loads before they can type).
            to_result = statistics.median(run.after_typing for run in ours_runs)
            sent = statistics.median(run.total_bytes for run in ours_runs)
            print(
                f"  Pagefind target: <= {_mb(TARGET_BYTES)} and < {TARGET_SECONDS:.0f} s: "
                f"{'met' if sent <= TARGET_BYTES and to_result < TARGET_SECONDS else 'NOT met'}; "
                f"lunr transfers {statistics.median(run.total_bytes for run in lunr_runs) / sent:.0f}x the bytes "
                f"and takes {statistics.median(run.after_typing for run in lunr_runs) / to_result:.1f}x the time"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
