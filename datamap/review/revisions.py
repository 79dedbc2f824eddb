"""OLD and NEW of ``datamap diff``: an inventory directory, or a git revision whose inventory is extracted.

A revision's files are read with ``git archive`` into a temporary directory; the user's working tree and
index are never touched. The project's ``templates/`` beside the inventory come along, since a wording
change in a template changes the policy as much as an inventory change does.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from datamap.confine import Escape, project_dir
from datamap.errors import UsageError


@dataclass
class Side:
    """One side of a diff: how the user named it, and where its inventory is on disk."""

    label: str
    inventory: Path
    templates: Path | None


def _git(args: list[str], cwd: Path, binary: bool = False):
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as e:
        raise UsageError("git is not installed: OLD and NEW must be inventory directories") from e
    if result.returncode != 0:
        return None
    return result.stdout if binary else result.stdout.decode("utf-8", "replace").strip()


def _repo_path(name: str, inventory: Path, cwd: Path) -> tuple[Path, str]:
    """The repository root and the inventory's path inside it, for a path given relative to ``cwd``."""
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top is None:
        raise UsageError(f"'{name}' is not a directory, and {cwd} is not in a git repository to find it as a revision")
    absolute = (cwd / inventory).resolve()
    try:
        relative = absolute.relative_to(Path(top).resolve())
    except ValueError as e:
        raise UsageError(f"inventory {inventory} is outside the git repository {top}") from e
    return Path(top), relative.as_posix()


def _extract(repo: Path, commit: str, path: str, into: Path) -> bool:
    """Extract ``path`` of ``commit`` under ``into``; False when the revision has no such directory."""
    if not _git(["ls-tree", "-d", commit, "--", path], repo):
        return False
    data = _git(["archive", "--format=tar", commit, "--", path], repo, binary=True)
    if data is None:
        return False
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        try:
            tar.extractall(into, filter="data")
        except tarfile.FilterError as e:  # a symlink to an absolute path or out of the revision's tree
            raise Escape(f"{commit[:12]}:{e.tarinfo.name}", "the project") from None
    return True


@contextmanager
def resolve(name: str, inventory: str, cwd: Path | None = None) -> Iterator[Side]:
    """A directory stays where it is; a git revision is extracted to a temporary directory for the block."""
    cwd = Path(cwd or Path.cwd())
    path = cwd / name
    if path.is_dir():
        yield Side(name, path, project_dir(path, "templates"))
        return
    repo, relative = _repo_path(name, Path(inventory), cwd)
    commit = _git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], repo)
    if not commit:
        raise UsageError(f"'{name}' is neither an inventory directory nor a git revision")
    with tempfile.TemporaryDirectory(prefix="datamap-diff-") as tmp:
        root = Path(tmp)
        if not _extract(repo, commit, relative, root):
            raise UsageError(f"revision '{name}' has no inventory directory '{relative}'")
        templates_rel = (Path(relative).parent / "templates").as_posix()
        has_templates = _extract(repo, commit, templates_rel, root)
        yield Side(f"{name} ({commit[:12]})", root / relative, root / templates_rel if has_templates else None)


def file_at(revision: str, path: Path, cwd: Path | None = None) -> bytes | None:
    """The bytes of ``path`` (a file in the working tree's repository) as it is at ``revision``.

    None when the revision has no such file; a UsageError when ``revision`` names no commit.
    """
    if revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a git revision")
    cwd = Path(cwd or Path.cwd())
    repo, relative = _repo_path(str(path), Path(path), cwd)
    commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repo)
    if not commit:
        raise UsageError(f"'{revision}' is not a git revision")
    return _git(["cat-file", "blob", f"{commit}:{relative}"], repo, binary=True)  # None: no such file there

