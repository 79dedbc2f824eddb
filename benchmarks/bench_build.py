"""What `datamap check` and `datamap build` cost when little or nothing changed, against `datamap validate`.

For each size (system fields) it sets up a docs-site project in benchmarks/data/build-<fields>/ (a
synthetic inventory from generate.py, this repository's mkdocs.yml, theme overrides and hand-written
pages), then times, each command a fresh process with its peak resident memory:

- the cold `datamap build` into an empty site/ (and, with --before REV, the same with the datamap of git
  revision REV, in a project of its own: the cold build before the build record existed);
- nothing changed since the build: `datamap validate`, `datamap check` and `datamap build`, and a bare
  `yaml.load(..., Loader=yaml.CSafeLoader)` of the inventory files, repetitions interleaved;
- one system changed (its name, in turn changed and changed back): `datamap check` (which reports the
  stale pages) and then `datamap build` (which makes them), with how many pages each touched.

It prints a Markdown table of medians and writes every sample to benchmarks/results/build-*.json.
Nothing is asserted: the figures are for reading.

    .venv/bin/python benchmarks/bench_build.py --sizes 1000,10000 --repeat 3 --before 8842a51
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from run import BARE_LOAD, DATAMAP, inventory_for  # noqa: E402

from datamap.inventory.load import inventory_files  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(argv: list[str], cwd: Path, ok: tuple[int, ...] = (0,), env: dict | None = None) -> dict:
    """Wall and CPU seconds, peak memory and output of one command, whose exit code must be in ``ok``."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env or ENV)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(argv[3:])} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    text = err.decode(errors="replace")
    peak = int(text.rpartition("peak-rss-kib: ")[2].split()[0]) * 1024 if "peak-rss-kib: " in text else 0
    tree = int(text.rpartition("peak-tree-kib: ")[2].split()[0]) * 1024 if "peak-tree-kib: " in text else peak
    return {"wall": wall, "peak": peak, "peak_tree": tree, "out": out.decode(errors="replace"), "code": proc.returncode}


def cpu_of(fn):
    """Run ``fn`` and add the CPU seconds its child processes used."""
    before = os.times()
    result = fn()
    after = os.times()
    result["cpu"] = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return result


def project_for(fields: int, name: str) -> Path:
    """A fresh docs-site project around the synthetic inventory of ``fields`` fields."""
    project = HERE / "data" / f"{name}-{fields}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(inventory_for(fields, HERE / "data"), project / "inventory", ignore=shutil.ignore_patterns(".*"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for page in ("index.md", "en/index.md", "ko/index.md", "assets/datamap.css"):
        (project / "site" / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "site" / page, project / "site" / page)
    return project


def datamap_of(revision: str, directory: Path) -> Path:
    """The datamap package and templates of a git revision, unpacked into ``directory``."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "datamap", "templates"], cwd=ROOT, capture_output=True, check=True).stdout
    tar = directory / "src.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as f:
        f.extractall(directory, filter="data")
    return directory


def _first_system(project: Path) -> tuple[Path, str]:
    path = sorted((project / "inventory" / "systems").glob("*.yaml"))[0]
    name = re.search(r"name:\s*\{?en:\s*([^,}\n]+)", path.read_text("utf-8"))
    return path, name.group(1).strip()


def _count(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    return int(found.group(1)) if found else 0


def measure(fields: int, repeat: int, before: str | None, before_max: int) -> dict:
    project = project_for(fields, "build")
    datamap = [sys.executable, "-c", DATAMAP, "datamap"]
    result: dict = {"fields": fields, "samples": {}}
    result["cold_build"] = cpu_of(lambda: run([*datamap, "build", "inventory"], project))
    result["pages"] = len([p for p in (project / "site").rglob("*.md")]) + len(list((project / "site").rglob("*.svg")))
    if before and fields <= before_max:
        with tempfile.TemporaryDirectory(prefix="datamap-before-") as tmp:
            source = Path(before) if Path(before).is_dir() else datamap_of(before, Path(tmp))
            old = project_for(fields, "before")
            env = {**ENV, "PYTHONPATH": str(source)}
            result["cold_build_before"] = cpu_of(lambda: run([*datamap, "build", "inventory"], old, env=env))
            shutil.rmtree(old)
    files = [str(p) for p in inventory_files(project / "inventory")]
    tasks = {
        "bare_cmd": lambda: run([sys.executable, "-c", BARE_LOAD, *files], project),
        "validate": lambda: run([*datamap, "validate", "inventory"], project),
        "check_unchanged": lambda: run([*datamap, "check", "inventory"], project),
        "build_unchanged": lambda: run([*datamap, "build", "inventory"], project),
    }
    samples: dict[str, list] = {name: [] for name in [*tasks, "check_one_change", "build_one_change"]}
    system_file, name = _first_system(project)
    original = system_file.read_text("utf-8")
    names = list(tasks)
    for rep in range(repeat):
        shift = rep % len(names)
        for task in names[shift:] + names[:shift]:
            samples[task].append(cpu_of(tasks[task]))
        # one system changed: its name, changed on even repetitions and changed back on odd ones
        text = original.replace(name, f"{name} (renamed)", 1) if rep % 2 == 0 else original
        system_file.write_text(text, "utf-8")
        check = cpu_of(lambda: run([*datamap, "check", "inventory"], project, ok=(1,)))
        check["stale"] = _count(r"E602 (\d+) generated file", check["out"])
        build = cpu_of(lambda: run([*datamap, "build", "inventory"], project))
        build["written"] = _count(r"(\d+) written", build["out"])
        samples["check_one_change"].append(check)
        samples["build_one_change"].append(build)
    system_file.write_text(original, "utf-8")
    for task, values in samples.items():
        result["samples"][task] = [{k: v for k, v in s.items() if k != "out"} for s in values]
    result["median"] = {task: statistics.median(s["wall"] for s in values) for task, values in samples.items()}
    result["cpu_median"] = {task: statistics.median(s["cpu"] for s in values) for task, values in samples.items()}
    result["peak"] = {task: max(s["peak"] for s in values) for task, values in samples.items()}
    result["peak"]["cold_build"] = result["cold_build"]["peak"]
    result["peak_tree"] = {task: max(s["peak_tree"] for s in values) for task, values in samples.items()}
    result["peak_tree"]["cold_build"] = result["cold_build"]["peak_tree"]
    result["stale_one_change"] = samples["check_one_change"][0]["stale"]
    result["written_one_change"] = samples["build_one_change"][0]["written"]
    for key in ("cold_build", "cold_build_before"):
        if key in result:
            result[key] = {k: v for k, v in result[key].items() if k != "out"}
    return result


def _s(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def table(results: list[dict]) -> str:
    head = ["fields", "pages", "validate", "check, nothing changed", "ratio (CPU)", "check, one system changed", "ratio (CPU)",
            "build, nothing changed", "build, one system changed", "cold build", "cold build before", "ratio", "peak memory (with children)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for r in results:
        m, c = r["median"], r["cpu_median"]
        before = r.get("cold_build_before")
        cells = [
            f"{r['fields']:,}", f"{r['pages']:,}", _s(m["validate"]),
            _s(m["check_unchanged"]), f"{m['check_unchanged'] / m['validate']:.2f}x ({c['check_unchanged'] / c['validate']:.2f}x)",
            f"{_s(m['check_one_change'])} ({r['stale_one_change']} stale)",
            f"{m['check_one_change'] / m['validate']:.2f}x ({c['check_one_change'] / c['validate']:.2f}x)",
            _s(m["build_unchanged"]), f"{_s(m['build_one_change'])} ({r['written_one_change']} written)",
            _s(r["cold_build"]["wall"]), _s(before["wall"]) if before else "–",
            f"{r['cold_build']['wall'] / before['wall']:.2f}x" if before else "–",
            f"{max(r['peak_tree'].values()) / 2**20:.0f} MiB",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="numbers of fields, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of every measurement (median reported)")
    parser.add_argument("--before", metavar="REV", help="also time a cold build with the datamap of this git revision (or of this unpacked source directory)")
    parser.add_argument("--before-max", type=int, default=10_000, help="largest size to time --before at (it is slow)")
    args = parser.parse_args(argv)
    started = dt.datetime.now(dt.timezone.utc)
    results = []
    for fields in [int(s) for s in args.sizes.split(",") if s.strip()]:
        results.append(measure(fields, args.repeat, args.before, args.before_max))
        print(f"measured {fields:,} fields", file=sys.stderr, flush=True)
    sys.stdout.write(table(results))
    out = HERE / "results" / f"build-{started:%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    out.write_text(json.dumps({"started": started.isoformat(timespec="seconds"), "repeat": args.repeat, "before": args.before,
                               "load_average": load, "cpus": os.cpu_count(), "results": results}, indent=2) + "\n", "utf-8")
    print(f"results: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
