"""How long `datamap validate` takes on hostile shapes: one line of N unknown keys (a finding on every key),
and one label of N characters.

    .venv/bin/python benchmarks/bench_hostile.py [--keys 5000,20000,90000] [--label 100000] [--repeat 3]

Each shape is written as a one-file inventory beside a copy of the minimal test inventory, and checked
in-process with ``check_inventory``; the table shows the fastest of the repeats and the findings found.
Time that grows faster than the keys (4x the keys taking 16x the time) means a quadratic step.
To compare with another version of datamap, run this script with that version first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--installed" not in sys.argv:
    sys.path.insert(0, str(ROOT))

from datamap.inventory.validate import check_inventory  # noqa: E402

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def many_keys(keys: int) -> str:
    """One item whose flow mapping, on one line, holds ``keys`` unknown keys: about 1 MB at 90,000."""
    pairs = ", ".join(f"k{i}: {i}" for i in range(keys))
    return f"items:\n  - {{id: wide, label: Wide, {pairs}}}\n"


def long_label(chars: int) -> str:
    return f"items:\n  - id: long\n    label: {'x' * chars}\n"


def measure(text: str, repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    with tempfile.TemporaryDirectory() as tmp:
        inv = Path(tmp) / "inv"
        shutil.copytree(MINIMAL, inv)
        (inv / "hostile.yaml").write_text(text, encoding="utf-8")
        for _ in range(repeat):
            start = time.perf_counter()
            _, findings = check_inventory(inv)
            best = min(best, time.perf_counter() - start)
            count = len(findings)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", default="5000,20000,90000", help="comma-separated numbers of keys on the one line")
    parser.add_argument("--label", type=int, default=100_000, help="characters in the long label")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each measurement; the fastest is shown")
    parser.add_argument("--installed", action="store_true", help="measure the datamap on PYTHONPATH, not this checkout")
    args = parser.parse_args()
    print("| shape | size | findings | validate (s) |\n|---|---:|---:|---:|")
    for keys in (int(n) for n in args.keys.split(",")):
        seconds, count = measure(many_keys(keys), args.repeat)
        print(f"| keys on one line | {keys:,} | {count:,} | {seconds:.2f} |", flush=True)
    seconds, count = measure(long_label(args.label), args.repeat)
    print(f"| label | {args.label:,} chars | {count:,} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
