"""The one rule for every file datamap reads or writes: it stays inside the project, symlinks resolved.

The inventory, the project's templates and ``versions/`` come from pull requests, so a symlink among them
may point anywhere (``inventory/x.yaml -> /etc/passwd``). Every reader and writer asks :func:`inside`
before it opens a path, and reports an escaping link by its own name, never by its target or content.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from datamap.errors import DatamapError


class Escape(DatamapError):
    """A path that resolves outside the directory it must stay in (through a symlink or ``..``)."""

    def __init__(self, path: Path | str, what: str = "the project"):
        self.path = Path(path)
        super().__init__(f"{path}: E109 a symlink or '..' that leads outside {what}: refused")


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether ``path``, every symlink resolved, is ``root`` or under it (``root`` resolved too)."""
    real = Path(os.path.realpath(path))
    base = Path(os.path.realpath(root))
    return real == base or base in real.parents


def confined(path: Path | str, root: Path | str) -> Path:
    """``path`` itself when it stays inside ``root``; :class:`Escape` otherwise."""
    if not inside(path, root):
        raise Escape(path)
    return Path(path)


def project_root(inventory: Path | str) -> Path:
    """The project an inventory belongs to: the directory holding the inventory directory (or file's folder).

    The inventory's own name is not resolved: an ``inventory`` that is a symlink leading elsewhere does not
    move the project there (it is reported as leading outside it).
    """
    inventory = Path(os.path.abspath(inventory))
    parent = inventory.parent if inventory.is_dir() or not inventory.exists() else inventory.parent.parent
    return Path(os.path.realpath(parent))


def project_dir(inventory: Path | str, name: str) -> Path | None:
    """``<project>/<name>`` (``templates``, ``versions``) when it is a directory; Escape when it leads outside."""
    root = project_root(inventory)
    path = root / name
    if not path.is_dir():
        return None
    return confined(path, root)


def kind_of(path: Path | str) -> str | None:
    """What a path that is not a regular file is ("a symlink", "a FIFO", ...); None for a regular file or nothing."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "a symlink"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
