"""The stat cache: the content digest of each generated file, trusted while the file's stat is unchanged.

``datamap check`` compares every generated file's content digest with the build record; at 100,000 fields
that is reading and hashing 930 MB in 42,000 files. Like git's index, ``site/.datamap-stat`` keeps, for
each file, what ``os.lstat`` said of it (size, mtime, inode, ctime) when it was hashed, and the digest.
A file whose stat still matches all four is not read again. An edit changes the ctime even when it keeps
the size and puts the mtime back (``touch -d``, ``os.utime``), and a file replaced by a rename has another
inode, so an edited file is hashed again and reported.

A file changed within the clock tick in which it was hashed could keep all four ("racy", in git's word):
an entry whose mtime or ctime is not strictly older than the cache file itself is never trusted, and
entries that young are left out when the cache is written.

It is a local cache, never committed (``.gitignore``) nor published (mkdocs skips dot-files), and never a
source of truth: a cache that is missing, unreadable, of another format or of another file system is
ignored, and ``check --full`` or ``--record-from`` (CI) never reads it.
"""

from __future__ import annotations

import os
import stat
import tempfile

from datamap.site.record import _DIGITS, stat_and_digest

NAME = ".datamap-stat"
HEADER = "# datamap stat cache 1: local to this checkout, ignored by git; delete it at will"

_Key = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns


def _key(info: os.stat_result) -> _Key:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


class StatCache:
    """The digests of the generated files under one site folder, by path relative to it."""

    def __init__(self, site_dir: str | os.PathLike) -> None:
        self.base = os.fspath(site_dir)
        self.device: int | None = None
        self.entries: dict[str, tuple[_Key, str]] = {}
        self.changed = False

    @classmethod
    def load(cls, site_dir: str | os.PathLike) -> "StatCache":
        """The cache of ``site_dir``; an empty one when there is none that can be trusted."""
        cache = cls(site_dir)
        try:
            cache.device = os.stat(cache.base).st_dev
            path = os.path.join(cache.base, NAME)
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                return cache
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            return cache
        cache.entries = _parse(text, cache.device, min(info.st_mtime_ns, info.st_ctime_ns))
        return cache

    def digest(self, relative: str) -> str | None:
        """The content digest of ``relative``: cached while its stat matches, else read and hashed."""
        path = os.path.join(self.base, relative)
        known = self.entries.get(relative)
        if known is not None:
            try:
                info = os.lstat(path)
            except OSError:
                info = None
            if info is not None and stat.S_ISREG(info.st_mode) and info.st_dev == self.device and _key(info) == known[0]:
                return known[1]
        return self.hash(relative)

    def hash(self, relative: str) -> str | None:
        """Read and hash ``relative``, and remember the stat it had before it was read."""
        read = stat_and_digest(os.path.join(self.base, relative))
        if read is None:
            self._forget(relative)
            return None
        info, value = read
        if self.device is None or info.st_dev == self.device:
            entry = (_key(info), value)
            if self.entries.get(relative) != entry:
                self.entries[relative] = entry
                self.changed = True
        return value

    def _forget(self, relative: str) -> None:
        if self.entries.pop(relative, None) is not None:
            self.changed = True

    def keep_only(self, paths) -> None:
        """Drop the entries of files that are no longer generated."""
        wanted = set(paths)
        for relative in [p for p in self.entries if p not in wanted]:
            self._forget(relative)

    def save(self) -> None:
        """Write the cache when it changed; a cache that cannot be written is simply not written."""
        if not self.changed or self.device is None:
            return
        try:
            fd, tmp = tempfile.mkstemp(prefix=f"{NAME}.", suffix=".tmp", dir=self.base)
        except OSError:
            return
        try:
            # the file system's own clock, taken after every stat: an entry not older than this is racy
            now = os.fstat(fd)
            young = min(now.st_mtime_ns, now.st_ctime_ns)
            lines = [f"{HEADER}", f"device {self.device}"]
            for relative, ((size, mtime, ino, ctime), value) in sorted(self.entries.items()):
                if mtime < young and ctime < young:
                    lines.append(f"{size} {mtime} {ino} {ctime} {value} {relative}")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            os.chmod(tmp, 0o644)
            os.replace(tmp, os.path.join(self.base, NAME))
            self.changed = False
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _parse(text: str, device: int, written: int) -> dict[str, tuple[_Key, str]]:
    """The entries of a cache written on ``device`` at ``written`` (ns); none when it is not one."""
    lines = text.split("\n")
    if len(lines) < 2 or lines[0] != HEADER or lines[1] != f"device {device}":
        return {}
    entries: dict[str, tuple[_Key, str]] = {}
    try:
        for line in lines[2:]:
            if not line:
                continue
            size, mtime, ino, ctime, value, relative = line.split(" ", 5)
            key = (int(size), int(mtime), int(ino), int(ctime))
            if key[1] < written and key[3] < written and len(value) == _DIGITS:
                entries[relative] = (key, value)
    except ValueError:
        return {}
    return entries


def refresh(site_dir: str | os.PathLike, paths) -> None:
    """Bring the cache of ``site_dir`` up to date for the generated files ``paths`` (after a build):
    files whose stat is unchanged keep their digest, the others are hashed."""
    cache = StatCache.load(site_dir)
    paths = list(paths)
    cache.keep_only(paths)
    for relative in paths:
        cache.digest(relative)
    cache.save()
