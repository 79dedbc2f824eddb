"""How much `datamap render policy --format pdf` costs over weasyprint alone rendering the same HTML.

For each inventory (the reference, and a synthetic one of 1,000 system fields) the policy's HTML is
written once; then, repetitions interleaved, the median wall-clock time of

- ``datamap render policy INV --format pdf``: load, check, graph, Markdown, HTML, PDF, in a new process;
- ``weasyprint --pdf-variant pdf/ua-1 policy.html``: weasyprint's own command line on that HTML;

and the same two in-process with imports already done (``policy_html`` + ``html_to_pdf`` against
``weasyprint.HTML(string=...).write_pdf``). The target is a ratio of at most 1.2. Both PDFs are compared
byte for byte, to be sure the two sides really render the same document.

    .venv/bin/python benchmarks/bench_pdf.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
TARGET = 1.2


def synthetic_inventory(fields: int) -> Path:
    """An inventory of ``fields`` system fields (benchmarks/generate.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    directory = DATA / f"pdf-{fields}"
    if directory.exists():
        shutil.rmtree(directory)
    generate(fields, directory)
    return directory


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user and system, the process and its children) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(name: str, inventory: Path, work: Path, repeat: int) -> dict:
    from weasyprint import HTML

    from datamap.lineage.graph import build_graph
    from datamap.publish.html import policy_html
    from datamap.publish.pdf import PDF_VARIANT, html_to_pdf
    from datamap.inventory.validate import check_inventory

    html_file, ours, theirs = work / f"{name}.html", work / f"{name}.datamap.publish.pdf", work / f"{name}.weasyprint.pdf"
    subprocess.run([BIN / "datamap", "render", "policy", inventory, "--format", "html", "-o", html_file], check=True)
    html = html_file.read_text(encoding="utf-8")
    commands = {
        "datamap": [str(BIN / "datamap"), "render", "policy", str(inventory), "--format", "pdf", "-o", str(ours)],
        "weasyprint": [str(BIN / "weasyprint"), "--pdf-variant", PDF_VARIANT, str(html_file), str(theirs)],
    }

    def datamap_in_process():
        inv, _ = check_inventory(inventory)
        html_to_pdf(policy_html(inv, build_graph(inv)), "en", ROOT)

    in_process = {"datamap": datamap_in_process, "weasyprint": lambda: HTML(string=html, base_url=str(ROOT)).write_pdf(pdf_variant=PDF_VARIANT)}
    in_process["datamap"]()  # imports and font cache
    times: dict[str, list[float]] = {f"{kind}.{side}": [] for kind in ("process", "cpu", "in_process") for side in ("datamap", "weasyprint")}
    for n in range(repeat):
        order = ("datamap", "weasyprint") if n % 2 == 0 else ("weasyprint", "datamap")
        for side in order:
            wall, cpu = _timed(commands[side])
            times[f"process.{side}"].append(wall)
            times[f"cpu.{side}"].append(cpu)
            start = time.perf_counter()
            in_process[side]()
            times[f"in_process.{side}"].append(time.perf_counter() - start)
    medians = {key: statistics.median(values) for key, values in times.items()}
    from pypdf import PdfReader

    return {
        "inventory": name,
        "pages": len(PdfReader(str(ours)).pages),
        "same_pdf": ours.read_bytes() == theirs.read_bytes(),
        "seconds": medians,
        "ratio_process": medians["process.datamap"] / medians["process.weasyprint"],
        "ratio_cpu": medians["cpu.datamap"] / medians["cpu.weasyprint"],
        "ratio_in_process": medians["in_process.datamap"] / medians["in_process.weasyprint"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fields", type=int, default=1000, help="fields of the synthetic inventory (default 1000)")
    args = parser.parse_args(argv)
    work = RESULTS / "pdf"
    work.mkdir(parents=True, exist_ok=True)
    cases = {"reference": ROOT / "inventory", f"{args.fields}-fields": synthetic_inventory(args.fields)}
    rows = [measure(name, inventory, work, args.repeat) for name, inventory in cases.items()]
    print(f"{'inventory':<14} {'pages':>5}  {'wall: datamap / weasyprint':>27} {'ratio':>6}  {'CPU: datamap / weasyprint':>26} {'ratio':>6}  {'in-process':>12} {'ratio':>6}  same PDF")
    for r in rows:
        s = r["seconds"]
        print(
            f"{r['inventory']:<14} {r['pages']:>5}  {s['process.datamap']:>13.2f} / {s['process.weasyprint']:<11.2f} {r['ratio_process']:>6.2f}"
            f"  {s['cpu.datamap']:>12.2f} / {s['cpu.weasyprint']:<11.2f} {r['ratio_cpu']:>6.2f}"
            f"  {s['in_process.datamap']:>5.2f} / {s['in_process.weasyprint']:<4.2f} {r['ratio_in_process']:>6.2f}  {'yes' if r['same_pdf'] else 'NO'}"
        )
    (RESULTS / "pdf.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    worst = max(r["ratio_process"] for r in rows)
    print(f"worst wall-clock ratio {worst:.2f} (target at most {TARGET}); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
