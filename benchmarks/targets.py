"""Every scale target of datamap, measured in one run at 1,000, 10,000 and 100,000 fields, with ratios.

For each size (system fields of the synthetic inventory, benchmarks/generate.py), each command a fresh
process:

- from :mod:`bench_build`, in a docs-site project: the cold ``datamap build`` with its peak memory (the
  process and its largest child: the PDF worker, a ``dot``); then, repetitions interleaved, ``validate``,
  a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` command of the same files, ``check`` and ``build``
  when nothing changed; and ``check`` then ``build`` after one system was renamed;
- ``datamap render policy --format pdf`` against weasyprint's own command line on the HTML that
  ``datamap render policy --format html`` writes for the same inventory, repetitions interleaved.

It prints one table of the figures and one of the targets (met or not, by wall time and by CPU time:
user and system, the command and its children), with the load average of the machine, and writes
everything to benchmarks/results/targets-*.json. Nothing is asserted: the figures are for reading.

    .venv/bin/python benchmarks/targets.py [--sizes 1000,10000,100000] [--repeat 3] [--large-repeat 1] [--before REV]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_build import cpu_of, measure as measure_build, run  # noqa: E402
from run import DATAMAP  # noqa: E402

BIN = Path(sys.executable).parent
#: sizes from which a measurement is repeated ``--large-repeat`` times (a cold build there takes many minutes)
LARGE = 100_000


def measure_pdf(fields: int, repeat: int) -> dict:
    """``render policy --format pdf`` against weasyprint alone on the same HTML, repetitions interleaved."""
    from datamap.publish.pdf import PDF_VARIANT

    project = HERE / "data" / f"build-{fields}"  # made by measure_build
    work = HERE / "results" / "pdf"
    work.mkdir(parents=True, exist_ok=True)
    html, ours, theirs = work / f"policy-{fields}.html", work / f"policy-{fields}.datamap.pdf", work / f"policy-{fields}.weasyprint.pdf"
    datamap = [sys.executable, "-c", DATAMAP, "datamap"]
    run([*datamap, "render", "policy", "inventory", "--format", "html", "-o", str(html)], project)
    commands = {
        "datamap": [*datamap, "render", "policy", "inventory", "--format", "pdf", "-o", str(ours)],
        # the same page as datamap's HTML for its base URL: the project folder
        "weasyprint": [str(BIN / "weasyprint"), "--pdf-variant", PDF_VARIANT, "--base-url", str(project), str(html), str(theirs)],
    }
    samples: dict[str, list] = {side: [] for side in commands}
    for n in range(repeat):
        for side in (("datamap", "weasyprint") if n % 2 == 0 else ("weasyprint", "datamap")):
            samples[side].append(cpu_of(lambda side=side: run(commands[side], project)))
    wall = {side: statistics.median(s["wall"] for s in values) for side, values in samples.items()}
    cpu = {side: statistics.median(s["cpu"] for s in values) for side, values in samples.items()}
    from pypdf import PdfReader

    return {"pages": len(PdfReader(str(ours)).pages), "html_bytes": html.stat().st_size, "wall": wall, "cpu": cpu,
            "ratio": wall["datamap"] / wall["weasyprint"], "cpu_ratio": cpu["datamap"] / cpu["weasyprint"]}


def _s(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def _mib(value: int) -> str:
    return f"{value / 2**20:.0f} MiB"


def figures(results: list[dict]) -> str:
    head = ["fields", "generated files", "bare CSafeLoader cmd", "validate", "check, nothing changed", "check, one system renamed",
            "build, nothing changed", "build, one system renamed", "cold build", "cold build peak memory", "render policy PDF", "weasyprint alone"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for r in results:
        m, c, pdf = r["median"], r["cpu_median"], r["pdf"]

        def both(task: str) -> str:
            return f"{_s(m[task])} ({_s(c[task])} CPU)"

        lines.append("| " + " | ".join([
            f"{r['fields']:,}", f"{r['pages']:,}", both("bare_cmd"), both("validate"), both("check_unchanged"),
            f"{both('check_one_change')}: {r['stale_one_change']} stale", both("build_unchanged"),
            f"{both('build_one_change')}: {r['written_one_change']} written",
            f"{_s(r['cold_build']['wall'])} ({_s(r['cold_build']['cpu'])} CPU)", _mib(r["peak_tree"]["cold_build"]),
            f"{_s(pdf['wall']['datamap'])} ({_s(pdf['cpu']['datamap'])} CPU)", f"{_s(pdf['wall']['weasyprint'])} ({_s(pdf['cpu']['weasyprint'])} CPU)",
        ]) + " |")
    return "\n".join(lines) + "\n"


def targets(results: list[dict]) -> list[tuple[str, str, str, str]]:
    """(target, size, measured, verdict) for every target of every size."""
    rows = []
    for r in results:
        m, c, size = r["median"], r["cpu_median"], f"{r['fields']:,}"

        def ratio(a: str, b: str, limit: float, what: str) -> None:
            wall, cpu = m[a] / m[b], c[a] / c[b]
            verdict = "met" if wall <= limit and cpu <= limit else "met by CPU time" if cpu <= limit else "met by wall time" if wall <= limit else "missed"
            rows.append((what, size, f"{wall:.2f}x ({cpu:.2f}x CPU)", verdict))

        if r["fields"] >= 10_000:
            ratio("check_unchanged", "validate", 1.5, "check, nothing changed ≤ 1.5x validate")
        # what making the pages one system touches costs: the build after the change less the build when nothing changed
        pages = {"wall": m["build_one_change"] - m["build_unchanged"], "cpu": c["build_one_change"] - c["build_unchanged"]}
        allowed = {"wall": 2 * m["validate"] + pages["wall"], "cpu": 2 * c["validate"] + pages["cpu"]}
        met = [kind for kind, figures in (("wall", m), ("cpu", c)) if figures["check_one_change"] <= allowed[kind]]
        rows.append(("check, one system renamed ≤ 2x validate + making the pages it touches", size,
                     f"{_s(m['check_one_change'])} against {_s(allowed['wall'])} ({_s(c['check_one_change'])} against {_s(allowed['cpu'])} CPU)",
                     "met" if len(met) == 2 else f"met by {'wall' if 'wall' in met else 'CPU'} time" if met else "missed"))
        if r["fields"] == 10_000:
            rows.append(("build, nothing changed < 1 s", size, _s(m["build_unchanged"]), "met" if m["build_unchanged"] < 1 else "missed"))
            ratio("validate", "bare_cmd", 1.2, "validate ≤ 1.2x bare CSafeLoader command")
        before = r.get("cold_build_before")
        if before:
            wall, cpu = r["cold_build"]["wall"] / before["wall"], r["cold_build"]["cpu"] / before["cpu"]
            rows.append(("cold build ≤ 1.2x before", size, f"{wall:.2f}x ({cpu:.2f}x CPU)",
                         "met" if wall <= 1.2 and cpu <= 1.2 else "met by CPU time" if cpu <= 1.2 else "met by wall time" if wall <= 1.2 else "missed"))
        if r["fields"] == LARGE:
            peak = r["peak_tree"]["cold_build"]
            rows.append(("cold build memory < 1 GiB", size, _mib(peak), "met" if peak < 2**30 else "missed"))
        pdf = r["pdf"]
        verdict = "met" if pdf["ratio"] <= 1.2 and pdf["cpu_ratio"] <= 1.2 else "met by CPU time" if pdf["cpu_ratio"] <= 1.2 else "met by wall time" if pdf["ratio"] <= 1.2 else "missed"
        rows.append(("render policy PDF ≤ 1.2x weasyprint alone", size, f"{pdf['ratio']:.2f}x ({pdf['cpu_ratio']:.2f}x CPU)", verdict))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="numbers of fields, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help=f"repetitions of every measurement below {LARGE:,} fields (median reported)")
    parser.add_argument("--large-repeat", type=int, default=1, help=f"repetitions at {LARGE:,} fields and more")
    parser.add_argument("--before", metavar="REV", help="also time a cold build with the datamap of this git revision (the 1.2x target)")
    parser.add_argument("--before-max", type=int, default=10_000, help="largest size to time --before at")
    args = parser.parse_args(argv)
    started = dt.datetime.now(dt.timezone.utc)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True, check=False).stdout.strip()
    out = HERE / "results" / f"targets-{started:%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    loads, results = [os.getloadavg()], []
    for fields in [int(s) for s in args.sizes.split(",") if s.strip()]:
        repeat = args.large_repeat if fields >= LARGE else args.repeat
        result = measure_build(fields, repeat, args.before, args.before_max)
        result["pdf"] = measure_pdf(fields, repeat)
        loads.append(os.getloadavg())
        results.append(result)
        # written after every size: the largest takes long, and what was measured before it is kept
        out.write_text(json.dumps({"started": started.isoformat(timespec="seconds"), "commit": commit, "repeat": args.repeat,
                                   "large_repeat": args.large_repeat, "load_averages": loads, "cpus": os.cpu_count(),
                                   "results": results, "targets": targets(results)}, indent=2) + "\n", "utf-8")
        print(f"measured {fields:,} fields (load average {loads[-1][0]:.1f})", file=sys.stderr, flush=True)
    sys.stdout.write(report(results, commit, loads))
    print(f"results: {out}", file=sys.stderr)
    return 0


def report(results: list[dict], commit: str, loads: list) -> str:
    """The figures, the targets and the machine, as Markdown."""
    rows = targets(results)
    return (figures(results) + "\n| target | fields | measured | verdict |\n|---|---:|---:|---|\n"
            + "".join(f"| {' | '.join(row)} |\n" for row in rows)
            + f"\ncommit {commit}, {os.cpu_count()} CPUs, load average (1 min) "
            f"{min(l[0] for l in loads):.1f} to {max(l[0] for l in loads):.1f} during the run\n")


if __name__ == "__main__":
    sys.exit(main())
