"""How fast `datamap check` is: on the reference inventory (pre-commit runs it on every commit), and
at 10,000 fields compared with `datamap validate` alone.

    .venv/bin/python benchmarks/bench_check.py [--fields 10000] [--repeat 5]

Prints wall-clock times of the command line, which include starting Python, and of the checks
in-process: the fastest of the repeats (the least disturbed by other load on the machine) and the
median. Nothing is asserted: the numbers are for reading and comparing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from datamap.inventory.completeness import check_completeness  # noqa: E402
from datamap.inventory.validate import check_inventory  # noqa: E402
from generate import generate  # noqa: E402


def synthetic_inventory(directory: Path, fields: int) -> Path:
    """A consistent synthetic inventory of ``fields`` fields (benchmarks/generate.py)."""
    inv = directory / "inventory"
    generate(fields, inv)
    return inv


def timed(fn, repeat: int) -> tuple[float, float]:
    """(fastest, median) wall-clock seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def alternating(first, second, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Time two functions call by call in turn, so that changing load on the machine hits both alike."""
    times: tuple[list, list] = ([], [])
    for _ in range(repeat):
        for fn, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return tuple((min(t), statistics.median(t)) for t in times)


def cli(*argv: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "datamap", *argv], cwd=cwd, capture_output=True, check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fields", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    reference = ROOT / "inventory"
    rows = [
        ("reference: datamap check (command line)", timed(lambda: cli("check", str(reference), cwd=ROOT), args.repeat)),
        ("reference: datamap validate (command line)", timed(lambda: cli("validate", str(reference), cwd=ROOT), args.repeat)),
        ("reference: check in-process", timed(lambda: check_inventory(reference, check_completeness), args.repeat)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        inv = synthetic_inventory(Path(tmp), args.fields)
        check_inventory(inv)  # warm up: first-call costs are not part of either figure
        validate, check = alternating(lambda: check_inventory(inv), lambda: check_inventory(inv, check_completeness), args.repeat)
        inventory, _ = check_inventory(inv)
        rows += [
            (f"{args.fields} fields: validate in-process", validate),
            (f"{args.fields} fields: check in-process", check),
            (f"{args.fields} fields: completeness checks alone", timed(lambda: check_completeness(inventory), args.repeat)),
            (f"{args.fields} fields: datamap check (command line)", timed(lambda: cli("check", str(inv), cwd=Path(tmp)), args.repeat)),
            (f"{args.fields} fields: datamap validate (command line)", timed(lambda: cli("validate", str(inv), cwd=Path(tmp)), args.repeat)),
        ]
    width = max(len(name) for name, _ in rows)
    print(f"{'':<{width}}  {'fastest':>10}  {'median':>10}")
    for name, (fastest, median) in rows:
        print(f"{name:<{width}}  {fastest * 1000:7.2f} ms  {median * 1000:7.2f} ms")
    print(f"{'check / validate at ' + str(args.fields) + ' fields (fastest)':<{width}}  {check[0] / validate[0]:9.2f}x")


if __name__ == "__main__":
    main()
