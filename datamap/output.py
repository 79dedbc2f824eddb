"""Writing outputs safely: a file is either fully written or left as it was.

Only regular files are replaced, by writing a temporary file beside them and renaming it over them. A
FIFO or a character device (``-o /dev/null``, a named pipe) is written through, since a rename would
replace it by a regular file. A symlink, a directory, a block device or a socket is refused with a usage
error: a symlink may lead anywhere (``-o site/x.md`` -> ``/etc/...``), and renaming over it would destroy
it. Leave ``-o`` out to write to standard output, and redirect that.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from datamap.confine import Escape, inside, kind_of
from datamap.errors import UsageError

#: what :func:`write_atomic` names its temporary files (a killed run may leave one behind)
TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
_WRITE_THROUGH = ("a FIFO", "a character device")


def write_atomic(path: Path | str, data: str | bytes, root: Path | str | None = None) -> None:
    """Write ``data`` to ``path`` atomically; when ``root`` is given, ``path`` must resolve inside it."""
    path = Path(path)
    if root is not None and not inside(path, root):
        raise Escape(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    kind = kind_of(path)
    if kind in _WRITE_THROUGH:
        with open(path, "wb") as f:
            f.write(payload)
        return
    if kind is not None:
        raise UsageError(f"{path} is {kind}: datamap replaces only regular files (leave -o out to write to standard output)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def leftover_temporaries(directory: Path | str) -> list[Path]:
    """Temporary files of :func:`write_atomic` under ``directory`` that a killed run left behind."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.rglob(".*.tmp") if TEMPORARY.match(p.name) and p.is_file() and not p.is_symlink())
