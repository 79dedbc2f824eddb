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

from datamap.confine import kind_of
from datamap.errors import UsageError
from datamap.inventory.values import ISO_COUNTRIES
from datamap.output import write_atomic

DOT_PREFIX = "dot-"


def skeleton_dir() -> Path:
    return Path(str(resources.files("datamap"))) / "skeleton"


def _target(relative: Path) -> Path:
    return Path(*["." + part[len(DOT_PREFIX):] if part.startswith(DOT_PREFIX) else part for part in relative.parts])


def _plan(directory: Path, regime_key: str) -> dict[Path, Path]:
    """Target -> source: the skeleton's shared files, and the inventory of the regime (no other regime's)."""
    from datamap.regimes import REGIMES

    source = skeleton_dir()
    shared = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.relative_to(source).parts[0] != "inventory")
    plan = {directory / _target(p.relative_to(source)): p for p in shared}
    example = REGIMES[regime_key].skeleton
    plan.update({directory / "inventory" / p.relative_to(example): p for p in sorted(example.rglob("*.yaml"))})
    return plan


def scaffold(directory: Path, name: str, country: str | None, effective: str | None, regime: str = "pipa") -> list[Path]:
    """Write the skeleton of ``regime`` into ``directory``; returns the files written. Refuses to overwrite anything."""
    from datamap.regimes import REGIMES

    country = country or REGIMES[regime].example_country
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
    if directory.exists() and not directory.is_dir() or directory.is_symlink():
        raise UsageError(f"{directory} is {kind_of(directory) or 'a file'}: datamap init creates a new project directory (or fills an empty one)")
    blocked = next((parent for parent in directory.parents if parent.exists() and not parent.is_dir()), None)
    if blocked is not None:
        raise UsageError(f"{blocked} is a file: datamap init cannot create {directory} inside it")
    plan = _plan(directory, regime)
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
