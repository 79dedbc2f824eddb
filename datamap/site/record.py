"""The build record: what every generated file under ``site/`` was made from, and what it holds.

``datamap build`` writes ``site/.datamap-build`` beside the pages it generates; ``datamap check`` reads
it instead of generating the whole site again. It is committed with the pages, so a fresh checkout in CI
gets the fast check too. It is plain text, one line per generated file sorted by path, so a change to
one system changes only the lines of the pages that system touches:

    datamap <digest of datamap's own code and shipped templates>
    templates <digest of the project's template overrides>
    sources <digest of the inventory files and the released policy texts>
    <path> <inputs> <content>

``inputs`` digests the inventory entities the file is made from (see :mod:`datamap.site.inputs`);
``content`` digests the file's bytes, so a file edited after the build no longer matches. mkdocs skips
files whose name starts with a dot, so the record is never published.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from datamap.output import write_atomic

NAME = ".datamap-build"
HEADER = "# datamap build record: what each generated file under site/ was made from. Written by `datamap build`: do not edit."
#: hex digits kept of each digest: 96 bits, enough that no edit collides by chance
_DIGITS = 24
_GLOBALS = ("datamap", "templates", "sources")


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=_DIGITS // 2)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def content_digest(data: str | bytes) -> str:
    return digest(data)


def file_digest(path: Path) -> str | None:
    """The content digest of a file on disk; None when it cannot be read."""
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def _tree_digest(root: Path | None, suffixes: tuple[str, ...] | None = None) -> str:
    """Names and bytes of every file under ``root`` (dot-files and caches left out)."""
    if root is None or not root.is_dir():
        return digest("")
    parts: list[bytes | str] = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or any(p.startswith(".") or p == "__pycache__" for p in relative.parts):
            continue
        if suffixes is not None and path.suffix not in suffixes:
            continue
        parts += [relative.as_posix(), path.read_bytes()]
    return digest(*parts)


@lru_cache(maxsize=1)
def datamap_digest() -> str:
    """datamap's own code and the templates it ships: a new version or revision may write other pages."""
    from datamap import __version__
    from datamap.publish.render import default_templates_dir

    package = Path(__file__).resolve().parents[1]
    return digest(__version__, _tree_digest(package, (".py",)), _tree_digest(default_templates_dir()))


def templates_digest(templates_dir: Path | None) -> str:
    return _tree_digest(templates_dir)


def sources_digest(inventory_dir: Path, project_dir: Path) -> str:
    """The inventory files and the released policy texts, as bytes: equal means no page input changed."""
    from datamap.inventory.load import inventory_files

    inventory_dir = Path(inventory_dir)
    files = inventory_files(inventory_dir)
    base = inventory_dir if inventory_dir.is_dir() else inventory_dir.parent
    parts: list[bytes | str] = []
    for path in files:
        parts += [path.relative_to(base).as_posix(), path.read_bytes()]
    return digest(digest(*parts), _tree_digest(Path(project_dir) / "versions"))


@dataclass
class Entry:
    inputs: str
    content: str


@dataclass
class Record:
    datamap: str = ""
    templates: str = ""
    sources: str = ""
    files: dict[str, Entry] = field(default_factory=dict)

    def same_globals(self, other: "Record") -> bool:
        return (self.datamap, self.templates) == (other.datamap, other.templates)

    def text(self) -> str:
        lines = [HEADER] + [f"{name} {getattr(self, name)}" for name in _GLOBALS]
        lines += [f"{path} {entry.inputs} {entry.content}" for path, entry in sorted(self.files.items())]
        return "\n".join(lines) + "\n"


class RecordError(ValueError):
    """The record is not one datamap wrote (edited, merged with conflict markers, truncated)."""


def parse(text: str) -> Record:
    record = Record()
    lines = text.splitlines()
    if not lines or lines[0] != HEADER:
        raise RecordError("it does not start with datamap's header line")
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split(" ")
        if number - 2 < len(_GLOBALS):
            if len(parts) != 2 or parts[0] != _GLOBALS[number - 2]:
                raise RecordError(f"line {number} should give the {_GLOBALS[number - 2]} digest")
            setattr(record, parts[0], parts[1])
        elif len(parts) == 3 and parts[0] and not parts[0].startswith("/") and ".." not in parts[0].split("/"):
            record.files[parts[0]] = Entry(parts[1], parts[2])
        else:
            raise RecordError(f"line {number} is not `path inputs content`")
    return record


def read(site_dir: Path) -> tuple[Record | None, str | None]:
    """The record of ``site_dir`` and, when there is none that can be used, why."""
    path = Path(site_dir) / NAME
    try:
        return parse(path.read_text("utf-8")), None
    except FileNotFoundError:
        return None, "there is no build record"
    except (OSError, UnicodeDecodeError, RecordError) as e:
        return None, f"the build record {NAME} cannot be used ({e})"


def write(site_dir: Path, record: Record) -> None:
    write_atomic(Path(site_dir) / NAME, record.text())
