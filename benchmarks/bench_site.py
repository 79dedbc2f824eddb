"""Benchmark of the docs site: `datamap build` and `mkdocs build` on synthetic inventories.

For each size (system fields) it writes a synthetic inventory with benchmarks/generate.py into
benchmarks/data/site-<fields>/, copies this repository's mkdocs.yml, theme overrides and hand-written
pages beside it, then times, each in a fresh process:

- `datamap build`: pages, diagrams (Graphviz) and downloads, into an empty site/;
- `datamap build` again: nothing changes, so this is the cost of checking the site is up to date;
- `mkdocs build --strict`.

It reports the times and how many pages, diagrams and HTML files there are, and writes them to
benchmarks/results/site.json. Fields are grouped per system: the page count grows with the items and
systems, not with the fields.

    .venv/bin/python benchmarks/bench_site.py --fields 1000 10000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

try:
    from generate import generate  # noqa: E402  (benchmarks/generate.py: synthetic inventories)
except ImportError:  # pragma: no cover
    sys.exit("bench_site: needs benchmarks/generate.py (the synthetic inventory generator)")


def _run(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return elapsed


def _project(fields: int) -> Path:
    project = HERE / "data" / f"site-{fields}"
    shutil.rmtree(project, ignore_errors=True)
    generate(fields, project / "inventory")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for name in ("index.md", "en/index.md", "ko/index.md", "assets/datamap.css"):
        (project / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "site" / name, project / "site" / name)
    return project


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench(fields: int) -> dict:
    project = _project(fields)
    datamap = [sys.executable, "-m", "datamap", "build", "inventory"]
    build = _run(datamap, project)
    rebuild = _run(datamap, project)
    mkdocs = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], project)
    site, built = project / "site", project / "build" / "site"
    return {
        "fields": fields,
        "datamap_build_s": round(build, 2),
        "datamap_rebuild_s": round(rebuild, 2),
        "mkdocs_build_s": round(mkdocs, 2),
        "pages_md": len(list(site.rglob("*.md"))),
        "diagrams_svg": len(list(site.rglob("*.svg"))),
        "html_pages": len(list(built.rglob("*.html"))),
        "site_mb": round(_size(built) / 1e6, 1),
        "search_index_mb": round((built / "search" / "search_index.json").stat().st_size / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fields", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args(argv)
    results = []
    for fields in args.fields:
        row = bench(fields)
        results.append(row)
        print(json.dumps(row), flush=True)
    out = HERE / "results" / "site.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
