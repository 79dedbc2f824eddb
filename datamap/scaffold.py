"""``datamap init``: a new inventory project that passes ``datamap check`` as soon as it is created.

The files come from ``datamap/skeleton/``; names starting with ``dot-`` become dot-files (``.github/``),
and ``${name}``, ``${country}``, ``${effective}`` and ``${site_name}`` are filled in, YAML-quoted.
When this datamap can build the docs site, its generated pages are written too, so they are not stale.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from string import Template

from datamap.errors import UsageError
from datamap.inventory.values import ISO_COUNTRIES
from datamap.output import write_atomic

DOT_PREFIX = "dot-"


def skeleton_dir() -> Path:
    return Path(str(resources.files("datamap"))) / "skeleton"


def _target(relative: Path) -> Path:
    return Path(*["." + part[len(DOT_PREFIX):] if part.startswith(DOT_PREFIX) else part for part in relative.parts])


def scaffold(directory: Path, name: str, country: str, effective: str | None) -> list[Path]:
    """Write the skeleton into ``directory``; returns the files written. Refuses to overwrite anything."""
    if country not in ISO_COUNTRIES:
        raise UsageError(f"--country: '{country}' is not an ISO 3166-1 two-letter country code such as KR")
    try:
        date = dt.date.fromisoformat(effective) if effective else dt.date.today()
    except ValueError as e:
        raise UsageError(f"--effective: '{effective}' is not a date (YYYY-MM-DD)") from e
    values = {
        "name": json.dumps(name, ensure_ascii=False),
        "country": country,
        "effective": date.isoformat(),
        "site_name": json.dumps(f"{name} privacy documentation", ensure_ascii=False),
    }
    source = skeleton_dir()
    files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    plan = {directory / _target(p.relative_to(source)): p for p in files}
    existing = [str(path) for path in plan if path.exists()]
    if existing:
        raise UsageError(f"{directory} already has {', '.join(existing)}: datamap init only creates new files")
    for path, template in plan.items():
        write_atomic(path, Template(template.read_text(encoding="utf-8")).safe_substitute(values))
    return list(dict.fromkeys([*plan, *_write_site_pages(directory)]))


def _write_site_pages(directory: Path) -> list[Path]:
    from datamap.site.stale import SITE_DIR, expected_pages
    from datamap.inventory.validate import check_inventory

    inventory, _ = check_inventory(directory / "inventory")
    if inventory is None:
        return []
    pages = expected_pages(inventory, directory) or {}
    written = []
    for relative, text in sorted(pages.items()):
        path = directory / SITE_DIR / relative
        write_atomic(path, text)
        written.append(path)
    return written
