"""How long `sdg-stories check` takes on N generated stories, as a writer runs it (a fresh process).

Generates a corpus with bench/corpus.py into a temporary folder, next to the repository's mkdocs.yml,
runs `sdg-stories check` there several times and prints the median and fastest wall time, what of it
is Python's own start-up (`python -c pass`), and the checking alone, in-process, each in wall and CPU
time (on a busy machine the CPU time is the fairer figure). Issue 6 asks for well under a second at
N = 1,000. Prints figures; never fails on a slow machine.

Usage: python bench/check_bench.py [-n 1000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(ROOT / "hooks"))

import corpus  # noqa: E402


def _run(command: list[str], cwd: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (user + system) per run: on a busy machine the CPU time is the fairer one."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode not in (0, 1):
            sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return walls, cpus


def _in_process(folder: Path, repeat: int) -> tuple[list[float], list[float]]:
    from sdg_stories.cli.check import check_content
    from sdg_stories.cli.project_config import load_project

    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        check_content(load_project(folder))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="number of stories (default 1000)")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each measurement (default 7)")
    args = parser.parse_args()
    # The script beside this Python, not a version manager's shim (pyenv's costs 0.2 s of its own).
    beside = Path(sys.executable).with_name("sdg-stories")
    script = str(beside) if beside.is_file() else shutil.which("sdg-stories")
    command = [script, "check"] if script else [sys.executable, "-m", "sdg_stories.cli.main", "check"]
    with tempfile.TemporaryDirectory(prefix="sdg-check-bench-") as temp:
        folder = Path(temp)
        corpus.generate(folder, args.n)
        shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
        first = subprocess.run(command, cwd=folder, capture_output=True, text=True)
        print(f"{args.n:,} stories; `{' '.join(Path(part).name if part == script else part for part in command)}` says: "
              f"{first.stdout.strip().splitlines()[-1] if first.stdout.strip() else first.stderr.strip()}")
        check = _run(command, folder, args.repeat)
        python = _run([sys.executable, "-c", "pass"], folder, args.repeat)
        checking = _in_process(folder, args.repeat)
    median = statistics.median
    print(f"{'':24}{'wall median':>12}{'fastest':>9}{'CPU median':>12}")
    for label, (walls, cpus) in (
        ("sdg-stories check", check), ("  python -c pass", python), ("  checking, in-process", checking)
    ):
        print(f"{label:<24}{median(walls):>10.2f} s{min(walls):>7.2f} s{median(cpus):>10.2f} s")
    print(f"check / 1 s target: {median(check[0]):.2f} (wall), {median(check[1]):.2f} (CPU); "
          f"{median(checking[1]) / args.n * 1000:.2f} ms of CPU a story")

if __name__ == "__main__":
    main()
