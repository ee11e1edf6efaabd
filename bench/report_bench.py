"""What the annual reports cost a build: the report pages against every other generated page, in one run.

Generates a corpus (bench/corpus.py), plans and renders every generated page the way the build does
(pages.generate_pages, Renderer.render_page; the Markdown conversion and the theme, which are the same for
every page, are left out), and prints the share the report pages take, and their size.

Usage: python bench/report_bench.py [-n 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402
from sdg_stories.model.settings import Settings  # noqa: E402
from sdg_stories.pages import build as page_build  # noqa: E402


def measure(root: Path, repeat: int) -> None:
    settings, problems = Settings.from_options({}, language="nl", site_url="https://verhalen.example.nl/",
                                               show_drafts=False, file="mkdocs.yml")
    assert not problems, problems
    build = page_build.SiteBuild(root, settings)
    reports = [page for page in build.pages if page.kind in ("report", "reports")]
    others = [page for page in build.pages if page.kind not in ("report", "reports")]
    times = {"reports": [], "others": []}
    sizes = {"reports": 0, "others": 0}
    for _ in range(repeat):
        for name, pages in (("reports", reports), ("others", others)):
            start = time.perf_counter()
            html = [build.renderer.render_page(page, "") for page in pages]
            times[name].append(time.perf_counter() - start)
            sizes[name] = sum(len(text.encode()) for text in html)
    best = {name: min(values) for name, values in times.items()}
    print(f"{len(build.site.stories)} stories; {len(reports)} report pages, {len(others)} other generated pages")
    print(f"render, best of {repeat}: reports {best['reports'] * 1000:.0f} ms, others {best['others'] * 1000:.0f} ms"
          f" -> reports add {best['reports'] / best['others']:.1%} to the generated pages' rendering")
    print(f"size: reports {sizes['reports'] / 1e6:.2f} MB, others {sizes['others'] / 1e6:.2f} MB"
          f" ({sizes['reports'] / sizes['others']:.1%})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.n)
        measure(Path(folder), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
