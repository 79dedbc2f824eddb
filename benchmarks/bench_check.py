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

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datamap.completeness import check_completeness  # noqa: E402
from datamap.validate import check_inventory  # noqa: E402

FIELDS_PER_SYSTEM = 20


def synthetic_inventory(directory: Path, fields: int) -> Path:
    """A consistent inventory with ``fields`` fields spread over systems, processors, items and purposes."""
    inv = directory / "inventory"
    inv.mkdir(parents=True)
    systems = max(1, fields // FIELDS_PER_SYSTEM)
    n_items = max(1, fields // 10)
    items = [{"id": f"item{i}", "label": {"en": f"Item {i}", "ko": f"항목 {i}"}} for i in range(n_items)]
    processors = [{"id": f"proc{p}", "name": {"en": f"Processor {p}", "ko": f"수탁사 {p}"}, "country": "KR",
                   "tasks": [{"en": "Hosting", "ko": "호스팅"}]} for p in range(max(1, systems // 10))]
    purposes = [{"id": f"purpose{p}", "title": {"en": f"Purpose {p}", "ko": f"목적 {p}"}} for p in range(20)]
    system_list = []
    for s in range(systems):
        system_list.append({
            "id": f"system{s}",
            "name": {"en": f"System {s}", "ko": f"시스템 {s}"},
            "operator": processors[s % len(processors)]["id"] if s % 2 else "self",
            "purposes": [purposes[s % len(purposes)]["id"]],
            "fields": [{"name": f"f{k}", "item": items[(s * FIELDS_PER_SYSTEM + k) % n_items]["id"]} for k in range(FIELDS_PER_SYSTEM)],
        })
    documents = {
        "organization.yaml": yaml.safe_load((ROOT / "inventory/organization.yaml").read_text(encoding="utf-8")),
        "safeguards.yaml": yaml.safe_load((ROOT / "inventory/safeguards.yaml").read_text(encoding="utf-8")),
        "items.yaml": {"items": items, "collection_points": [{"id": "signup", "method": "form", "items": [i["id"] for i in items]}]},
        "purposes.yaml": {"purposes": purposes},
        "processors.yaml": {"processors": processors},
        "retention.yaml": {"retention": [{"id": "account", "records": "Accounts", "items": [i["id"] for i in items], "trigger": "withdrawal"}]},
    }
    for k in range(0, systems, 100):
        documents[f"systems{k // 100:03d}.yaml"] = {"systems": system_list[k:k + 100]}
    for name, data in documents.items():
        (inv / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
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
