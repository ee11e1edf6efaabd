"""Social cards alone (issue 17): the wall and CPU time of drawing N story cards cold, with 1 and 2 threads.

    python bench/card_bench.py -n 300            # the corpus' stories, 1 then 2 threads, each into an empty cache
    python bench/card_bench.py -n 300 --threads 2

It reads a generated corpus (corpus.py) as the build would, plans the cards with SocialCards and draws
them into a temporary cache, so the figures are what a cold `mkdocs build` spends on cards, without the
rest of the build. Like the other scripts here, it is never a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from sdg_stories.model.settings import Settings  # noqa: E402
from sdg_stories.outputs import social_cards  # noqa: E402
from sdg_stories.outputs.social_cards import SocialCards  # noqa: E402
from sdg_stories.pages.build import SiteBuild  # noqa: E402


def measure(build: SiteBuild, threads: int) -> tuple[int, float, float]:
    social_cards.THREADS = threads
    with tempfile.TemporaryDirectory(prefix="cards-") as project:
        cards = SocialCards(build.site, Path(project), build.folder.path, "Adviesbureau Meridiaan", "Verhalen over de SDG's")
        cpu, wall = time.process_time(), time.perf_counter()
        cards.start()
        cards.finish()
        return cards.drawn, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--threads", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cards-corpus-") as folder:
        corpus.generate(Path(folder), args.n, args.seed)
        settings = Settings(site_url="https://verhalen.example.nl/")
        build = SiteBuild(Path(folder), settings)
        measure(build, 1)  # fonts loaded, glyphs probed: as in a build, once per process
        print(f"load {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores; {len(build.site.stories)} stories + 17 goals")
        for threads in args.threads:
            drawn, wall, cpu = measure(build, threads)
            print(f"{threads} thread(s): {drawn} cards in {wall:.2f} s wall, {cpu:.2f} s cpu: "
                  f"{1000 * wall / drawn:.1f} ms wall, {1000 * cpu / drawn:.1f} ms cpu per card")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
