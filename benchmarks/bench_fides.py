"""`datamap import fides` of a 10,000-field Fides project against fideslang's own parse of the same files.

The manifests are synthetic and shaped like a real Fides project: 100 datasets of 100 fields each
(two collections, some fields nested one level), 100 systems that reference them with two privacy
declarations each, custom data categories for a tenth of the fields and an organization. Both sides
read the same files, repetitions interleaved, and the medians are compared:

- fideslang: ``ingest_manifests(dir)`` then ``load_manifests_into_taxonomy(...)`` (YAML load and
  pydantic validation of every resource, which is what fideslang does with manifests);
- datamap: ``import_manifests(dir, out)``: YAML load, mapping to an inventory, findings, and writing
  the inventory's files.

    .venv/bin/python benchmarks/bench_fides.py [--fields 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datamap.exports.fides_import import import_manifests  # noqa: E402

CATEGORIES = ["user.contact.email", "user.name", "user.contact.phone_number", "user.device.ip_address", "user.behavior",
              "user.financial", "user.contact.address.city", "user.device.device_id", "user.account.username", "user.location"]
USES = ["essential.service", "analytics.reporting", "marketing.communications.email", "essential.fraud_detection"]


def generate(fields: int, directory: Path) -> None:
    """Write the manifests: ``fields`` dataset fields in datasets of 100."""
    directory.mkdir(parents=True, exist_ok=True)
    per_dataset = 100
    datasets, systems, custom = [], [], []
    for d in range(fields // per_dataset):
        collections = []
        for c in range(2):
            entries = []
            for f in range(per_dataset // 2):
                n = d * per_dataset + c * (per_dataset // 2) + f
                category = CATEGORIES[n % len(CATEGORIES)]
                if n % 10 == 0:
                    key = f"{category}.custom_{n}"
                    custom.append({"fides_key": key, "name": f"Custom field {n}", "parent_key": category, "description": f"synthetic category {n}"})
                    category = key
                if f % 10 == 9:
                    entries.append({"name": f"group_{f}", "fields": [{"name": "value", "data_categories": [category], "data_subjects": ["customer"]}]})
                else:
                    entries.append({"name": f"field_{f}", "description": f"Field {n}", "data_categories": [category], "data_subjects": ["customer"]})
            collections.append({"name": f"table_{c}", "fields": entries})
        datasets.append({"fides_key": f"dataset_{d}", "name": f"Dataset {d}", "collections": collections})
        systems.append({
            "fides_key": f"system_{d}", "name": f"System {d}", "system_type": "Service", "dataset_references": [f"dataset_{d}"],
            **({"legal_name": f"Vendor {d % 7} Ltd."} if d % 3 == 0 else {}),
            "privacy_declarations": [
                {"name": f"Use {u} of system {d}", "data_use": USES[(d + u) % len(USES)], "data_categories": CATEGORIES[:5],
                 "data_subjects": ["customer"], "legal_basis_for_processing": "Contract"}
                for u in range(2)
            ],
        })
    organization = [{"fides_key": "default_organization", "name": "Synthetic Co.", "controller": {"name": "Synthetic Co.", "email": "privacy@example.com"}}]
    for name, kind, resources in (("organization.yml", "organization", organization), ("data_category.yml", "data_category", custom),
                                  ("dataset.yml", "dataset", datasets), ("system.yml", "system", systems)):
        (directory / name).write_text(yaml.safe_dump({kind: resources}, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fields", type=int, default=10_000, help="number of dataset fields (a multiple of 100)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of each measurement, interleaved")
    args = parser.parse_args(argv)
    from fideslang.manifests import ingest_manifests
    from fideslang.parse import load_manifests_into_taxonomy

    work = Path(tempfile.mkdtemp(prefix="bench-fides-"))
    try:
        manifests = work / "fides"
        generate(args.fields, manifests)

        def fideslang_parse():
            load_manifests_into_taxonomy(ingest_manifests(str(manifests)))

        def datamap_import():
            out = work / "inv"
            shutil.rmtree(out, ignore_errors=True)
            import_manifests(manifests, out)

        sides = {"fideslang parse": fideslang_parse, "datamap import": datamap_import}
        for run in sides.values():  # imports, caches
            run()
        times: dict[str, list[float]] = {name: [] for name in sides}
        order = list(sides)
        for r in range(args.repeat):
            for name in order[r % 2:] + order[: r % 2]:
                gc.collect()
                start = time.perf_counter()
                sides[name]()
                times[name].append(time.perf_counter() - start)
        medians = {name: statistics.median(t) for name, t in times.items()}
        size = sum(p.stat().st_size for p in manifests.iterdir())
        print(f"{args.fields:,} fields, {size / 2**20:.1f} MiB of manifests, {args.repeat} repetitions (medians):")
        for name, seconds in medians.items():
            print(f"  {name:16} {seconds * 1000:8.0f} ms")
        print(f"  ratio datamap/fideslang: {medians['datamap import'] / medians['fideslang parse']:.2f}x")
        print(json.dumps({"fields": args.fields, "samples": times}, indent=None))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
