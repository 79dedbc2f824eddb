"""``datamap init``: a new inventory project that passes ``datamap check`` as soon as it is created.

The files come from ``datamap/skeleton/``; names starting with ``dot-`` become dot-files (``.github/``),
and ``${name}``, ``${country}``, ``${effective}``, ``${site_name}`` and the workflow's ``${datamap_package}``
(a pinned git URL of this datamap's release) are filled in, YAML-quoted; ``${name_text}`` is the name in Markdown.
When this datamap can build the docs site, its generated pages are written too, so they are not stale.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from string import Template

from datamap import REPOSITORY, __version__
from datamap.confine import kind_of
from datamap.errors import UsageError
from datamap.inventory.values import ISO_COUNTRIES
from datamap.output import write_atomic
from datamap.publish.render import md_escape

DOT_PREFIX = "dot-"
#: Debian/Ubuntu packages datamap needs at run time: Graphviz for the diagrams (laid out in the Nanum
#: font, so the committed SVGs match), Pango and HarfBuzz for the PDFs (scripts/setup.sh installs the same)
SYSTEM_PACKAGES = ("graphviz", "fonts-nanum", "fontconfig", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0")


def skeleton_dir() -> Path:
    return Path(str(resources.files("datamap"))) / "skeleton"


def _target(relative: Path) -> Path:
    return Path(*["." + part[len(DOT_PREFIX):] if part.startswith(DOT_PREFIX) else part for part in relative.parts])


def default_package() -> str:
    """What the scaffolded workflow installs: this datamap's release, from its git repository."""
    return f"git+{REPOSITORY}@v{__version__}"


def _plan(directory: Path, regime_key: str) -> dict[Path, Path]:
    """Target -> source: the skeleton's shared files, and the inventory of the regime (no other regime's)."""
    from datamap.regimes import REGIMES

    source = skeleton_dir()
    shared = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.relative_to(source).parts[0] != "inventory")
    plan = {directory / _target(p.relative_to(source)): p for p in shared}
    example = REGIMES[regime_key].skeleton
    plan.update({directory / "inventory" / p.relative_to(example): p for p in sorted(example.rglob("*.yaml"))})
    return plan


def scaffold(directory: Path, name: str, country: str | None, effective: str | None, regime: str = "pipa",
             install_from: str | None = None) -> list[Path]:
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
        "name_text": md_escape(name),
        "country": country,
        "effective": date.isoformat(),
        "site_name": json.dumps(f"{name} privacy documentation", ensure_ascii=False),
        "site_description": json.dumps(f"Privacy policy, processors and data map of {name}, generated from its data inventory.", ensure_ascii=False),
        "datamap_package": json.dumps(install_from or default_package(), ensure_ascii=False),
        "system_packages": " ".join(SYSTEM_PACKAGES),
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
    written = _write_site_pages(directory)
    return [path for path in dict.fromkeys([*plan, *written]) if path.exists()]


def _write_site_pages(directory: Path) -> list[Path]:
    from datamap.site.stale import SITE_DIR, expected_pages
    from datamap.inventory.validate import check_inventory

    inventory, _ = check_inventory(directory / "inventory")
    if inventory is None:
        return []
    written = _fit_languages(directory, list(inventory.policy.languages))
    pages = expected_pages(inventory, directory) or {}
    for relative, text in sorted(pages.items()):
        path = directory / SITE_DIR / relative
        write_atomic(path, text)
        written.append(path)
    return written


def _fit_languages(directory: Path, languages: list[str]) -> list[Path]:
    """Cut the site's configuration and hand-written pages to the languages the inventory publishes."""
    from datamap.site.languages import markdown_for_languages, yaml_for_languages

    for name, cut in (("mkdocs.yml", yaml_for_languages), ("site/index.md", markdown_for_languages)):
        path = directory / name
        text = path.read_text("utf-8")
        if cut(text, languages) != text:
            write_atomic(path, cut(text, languages))
    for folder in sorted((directory / "site").iterdir()):
        if folder.is_dir() and re.fullmatch(r"[a-z]{2}", folder.name) and folder.name not in languages:
            for page in sorted(folder.rglob("*"), reverse=True):
                page.unlink() if page.is_file() else page.rmdir()
            folder.rmdir()
    return []
