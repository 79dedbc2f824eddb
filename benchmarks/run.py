"""Time datamap against a bare YAML load of the same files, on synthetic inventories of several sizes.

For each size, in one run and with the repetitions interleaved (every measurement once, then again,
in a rotating order, so that a busy machine slows all of them alike), it measures:

- in-process: a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of every inventory file, and
  ``check_inventory`` (load, schema, references, consistency checks);
- as commands: ``python -c 'yaml.load...'`` of the same files, ``datamap validate`` and
  ``datamap render policy``, each a fresh process, with its peak resident memory.

It prints a Markdown table of the medians and writes every sample as JSON to ``benchmarks/results/``.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from datamap.gcpause import paused_gc  # noqa: E402
from datamap.inventory.load import inventory_files  # noqa: E402
from datamap.output import write_atomic  # noqa: E402
from datamap.inventory.validate import check_inventory  # noqa: E402

#: Prefix of every measured command: at exit, report the peak resident memory of this process, and that
#: plus the peak of its largest child (a PDF worker, a ``dot``): an upper bound of what the command held at
#: once. Its own peak is read from /proc because ru_maxrss of a process also counts the memory of the
#: parent it was forked from; children are waited for before this runs (it is the first exit handler
#: registered, so the last to run).
REPORT_PEAK = (
    "import atexit, resource, sys\n"
    "def _report_peak():\n"
    "    with open('/proc/self/status') as f:\n"
    "        peak = int(next(line.split()[1] for line in f if line.startswith('VmHWM:')))\n"
    "    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    sys.stderr.write(f'\\npeak-rss-kib: {peak}\\npeak-tree-kib: {peak + child}\\n')\n"
    "atexit.register(_report_peak)\n"
)
BARE_LOAD = REPORT_PEAK + (
    "import yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)
#: ``python -m datamap ARGS`` with the peak reported
DATAMAP = REPORT_PEAK + "import runpy\nsys.argv = sys.argv[1:]\nrunpy.run_module('datamap', run_name='__main__', alter_sys=True)\n"
STAMP = ".generator-digest"


def inventory_for(fields: int, data_dir: Path) -> Path:
    """The synthetic inventory of ``fields`` fields, generated again when the generator has changed."""
    digest = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()
    target = data_dir / f"fields-{fields}"
    stamp = target / STAMP
    if stamp.is_file() and stamp.read_text() == digest:
        return target
    if target.exists():
        shutil.rmtree(target)
    generate(fields, target)
    write_atomic(stamp, digest)
    return target


@paused_gc()
def bare_load(files: list[Path]) -> None:
    """The baseline. The collector is paused as check_inventory pauses it, so that neither is slowed by
    rescans of this process's own objects (the commands below start fresh and need no such care)."""
    for path in files:
        with open(path, "rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)


def timed(fn, *args) -> tuple[float, float, None]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, None


def run_command(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident memory (bytes) of one command, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:1] + argv[3:])} exited {proc.returncode}: {stderr[-2000:]}")
    peak = stderr.rpartition("peak-rss-kib: ")[2].split()[0]
    return elapsed, usage.ru_utime + usage.ru_stime, int(peak) * 1024


def measure(fields: int, inv: Path, repeat: int, commands: bool, out_dir: Path) -> dict:
    files = inventory_files(inv)
    inventory, findings = check_inventory(inv)
    if inventory is None or findings:
        raise RuntimeError(f"synthetic inventory {inv} is not clean: {[str(f) for f in findings[:5]]}")
    del inventory  # a large live heap would slow every later in-process measurement
    datamap = [sys.executable, "-c", DATAMAP, "datamap"]
    policy_out = out_dir / f"policy-{fields}.md"
    tasks = {
        "bare_load": lambda: timed(bare_load, files),
        "check_inventory": lambda: timed(check_inventory, inv),
    }
    if commands:
        file_args = [str(p) for p in files]
        tasks.update(
            {
                "bare_cmd": lambda: run_command([sys.executable, "-c", BARE_LOAD, *file_args]),
                "validate_cmd": lambda: run_command([*datamap, "validate", str(inv)]),
                "render_cmd": lambda: run_command([*datamap, "render", "policy", str(inv), "-o", str(policy_out)]),
            }
        )
    samples: dict[str, list] = {name: [] for name in tasks}
    cpu: dict[str, list] = {name: [] for name in tasks}
    rss: dict[str, int] = {}
    names = list(tasks)
    for rep in range(repeat):
        shift = rep % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            seconds, cpu_seconds, peak = tasks[name]()
            samples[name].append(seconds)
            cpu[name].append(cpu_seconds)
            if peak is not None:
                rss[name] = max(rss.get(name, 0), peak)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    result = {
        "fields": fields,
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "samples": samples,
        "cpu_samples": cpu,
        "median": medians,
        "cpu_median": cpu_medians,
        "peak_rss": rss,
        "ratio_check_inventory": medians["check_inventory"] / medians["bare_load"],
        "cpu_ratio_check_inventory": cpu_medians["check_inventory"] / cpu_medians["bare_load"],
    }
    if commands:
        result["ratio_validate_cmd"] = medians["validate_cmd"] / medians["bare_cmd"]
        result["cpu_ratio_validate_cmd"] = cpu_medians["validate_cmd"] / cpu_medians["bare_cmd"]
        result["policy_bytes"] = policy_out.stat().st_size
    return result


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def _mib(value: int | None) -> str:
    return f"{value / 2**20:.0f} MiB" if value else "–"


def table(results: list[dict]) -> str:
    head = ["fields", "files", "YAML", "bare load", "check_inventory", "ratio", "CPU ratio", "bare cmd", "validate cmd", "ratio",
            "CPU ratio", "render cmd", "µs/field validate", "µs/field render", "RSS bare", "RSS validate", "RSS render"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for r in results:
        m, rss = r["median"], r["peak_rss"]
        cells = [f"{r['fields']:,}", str(r["files"]), f"{r['bytes'] / 2**20:.1f} MiB", _seconds(m["bare_load"]),
                 _seconds(m["check_inventory"]), f"{r['ratio_check_inventory']:.2f}x", f"{r['cpu_ratio_check_inventory']:.2f}x"]
        if "validate_cmd" in m:
            cells += [_seconds(m["bare_cmd"]), _seconds(m["validate_cmd"]), f"{r['ratio_validate_cmd']:.2f}x",
                      f"{r['cpu_ratio_validate_cmd']:.2f}x", _seconds(m["render_cmd"]),
                      f"{m['validate_cmd'] / r['fields'] * 1e6:.1f}", f"{m['render_cmd'] / r['fields'] * 1e6:.1f}",
                      _mib(rss.get("bare_cmd")), _mib(rss.get("validate_cmd")), _mib(rss.get("render_cmd"))]
        else:
            cells += ["–"] * 10
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _environment() -> dict:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "pyyaml": yaml.__version__,
        "libyaml": getattr(yaml, "__with_libyaml__", False),
        "commit": commit,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time datamap validate and render against a bare YAML load.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="numbers of fields, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of every measurement (median reported)")
    parser.add_argument("--in-process-only", action="store_true", help="skip the command measurements")
    parser.add_argument("--data", type=Path, default=HERE / "data", help="where the synthetic inventories are kept")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="where the JSON results are written")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not getattr(yaml, "CSafeLoader", None):
        parser.error("PyYAML was built without libyaml: the baseline needs yaml.CSafeLoader")

    started = dt.datetime.now(dt.timezone.utc)
    results = []
    with tempfile.TemporaryDirectory(prefix="datamap-bench-") as tmp:
        for fields in sizes:
            inv = inventory_for(fields, args.data)
            results.append(measure(fields, inv, args.repeat, not args.in_process_only, Path(tmp)))
            print(f"measured {fields:,} fields", file=sys.stderr)
    sys.stdout.write(table(results))

    args.results.mkdir(parents=True, exist_ok=True)
    report = {"started": started.isoformat(timespec="seconds"), "repeat": args.repeat, "environment": _environment(), "results": results}
    path = args.results / f"bench-{started:%Y%m%dT%H%M%SZ}.json"
    write_atomic(path, json.dumps(report, indent=2) + "\n")
    print(f"results: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
