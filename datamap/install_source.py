"""Where the running datamap came from, as a pip requirement a CI runner can install, pinned.

``datamap init`` writes it into the new project's workflow, so it must be a place datamap really comes
from, never an assumed one. It is read from the PEP 610 record pip leaves in datamap's installed metadata
(``direct_url.json``):

- a VCS install (``pip install git+URL@REV``): the URL at the commit pip resolved, ``git+URL@<commit>``;
- a local directory (``pip install .``, ``pip install -e .``) that is a git checkout itself: its ``origin`` remote
  at ``HEAD``, when the remote is an https or ssh URL and ``HEAD`` is on one of origin's branches as this
  checkout last saw them (read with local git commands only: nothing is fetched);
- an archive at an https URL: ``datamap @ URL#<hash>``.

Anything else (no record: a wheel from an index the project does not name; a local path; a remote a runner
cannot reach; a commit that was never pushed) is :class:`NoSource`, which says why and what to pass instead.
A commit id is pinned, never a tag or branch: a tag can be moved.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from datamap.errors import UsageError

#: schemes a CI runner can fetch from; a file: URL or a plain path names this machine only
REACHABLE = ("https", "ssh")
_SCP_LIKE = re.compile(r"^(?P<user>[\w.-]+)@(?P<host>[\w.-]+):(?P<path>[^/].*)$")
_COMMIT = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\"'`$\\]")
ADVICE = ("pass --install-from SPEC, the pip requirement the workflow should install datamap from: "
          "datamap==VERSION from your package index, git+https://HOST/OWNER/datamap.git@COMMIT, or a path")


class NoSource(UsageError):
    """No place a CI runner could install this datamap from: ``where`` is what was read, ``why`` what it lacks."""

    def __init__(self, where: str, why: str):
        self.where, self.why = where, why
        super().__init__(f"{where}:1:1: E604 cannot tell where a CI runner could install this datamap from: {why}; {ADVICE}")


@dataclass
class Source:
    """A pip requirement for this datamap, and notes the user should read (uncommitted changes left out)."""

    requirement: str
    notes: list[str] = field(default_factory=list)


def checked_requirement(spec: str) -> str:
    """``--install-from``: any pip requirement, but one line that a shell and YAML take literally."""
    if not spec.strip() or _UNSAFE.search(spec.strip()):
        raise UsageError(f"--install-from: {spec!r} is not a pip requirement: no spaces, quotes, '$', '`' or control characters")
    return spec.strip()


def installed_source() -> Source:
    """Where the datamap running now was installed from (see the module's description)."""
    try:
        dist = metadata.distribution("datamap")
    except metadata.PackageNotFoundError as e:
        raise NoSource(str(Path(__file__).resolve().parent), "it is not installed as a distribution (it runs from a source tree on the path)") from e
    record = dist.read_text("direct_url.json")
    where = _record_path(dist)
    if record is None:
        raise NoSource(where, "pip recorded no direct URL, so it came from a package index that datamap does not name")
    try:
        direct_url = json.loads(record)
    except json.JSONDecodeError as e:
        raise NoSource(where, f"it is not valid JSON ({e.msg})") from e
    return source_of(direct_url, where)


def _record_path(dist: metadata.Distribution) -> str:
    info = getattr(dist, "_path", None)  # the .dist-info directory of a PathDistribution
    return str(Path(info) / "direct_url.json") if info else "datamap's direct_url.json"


def source_of(direct_url: dict, where: str) -> Source:
    """The requirement a PEP 610 ``direct_url`` record leads to; ``where`` names the record in messages."""
    url = direct_url.get("url") if isinstance(direct_url, dict) else None
    if not isinstance(url, str) or not url:
        raise NoSource(where, "it has no 'url'")
    subdirectory = direct_url.get("subdirectory")
    if subdirectory is not None and not (isinstance(subdirectory, str) and re.fullmatch(r"[\w.-]+(/[\w.-]+)*", subdirectory)):
        raise NoSource(where, f"its subdirectory {subdirectory!r} is not a plain relative path")
    fragment = f"#subdirectory={subdirectory}" if subdirectory else ""
    if isinstance(direct_url.get("vcs_info"), dict):
        info = direct_url["vcs_info"]
        vcs, commit = info.get("vcs"), info.get("commit_id")
        if not isinstance(vcs, str) or not re.fullmatch(r"[a-z]+", vcs) or not isinstance(commit, str) or not commit:
            raise NoSource(where, "its vcs_info lacks the version control system or the commit id")
        remote = _reachable(url)
        if remote is None:
            raise NoSource(where, f"it was installed from {_shown(url)}, which a CI runner cannot reach")
        return Source(f"{vcs}+{remote}@{commit}{fragment}")
    if isinstance(direct_url.get("archive_info"), dict):
        remote = _reachable(url)
        if remote is None or not remote.startswith("https://"):
            raise NoSource(where, f"it was installed from the archive {_shown(url)}, which a CI runner cannot reach")
        digest = _archive_hash(direct_url["archive_info"])
        return Source(f"datamap @ {remote}{'#' + digest if digest else ''}")
    if isinstance(direct_url.get("dir_info"), dict):
        parsed = urlsplit(url)
        if parsed.scheme != "file":
            raise NoSource(where, f"its directory {_shown(url)} is not a local path")
        return _checkout_source(Path(unquote(parsed.path)), where)
    raise NoSource(where, "it records neither a version control system, an archive nor a directory")


def _archive_hash(info: dict) -> str | None:
    hashes = info.get("hashes")
    if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
        return f"sha256={hashes['sha256']}"
    digest = info.get("hash")
    return digest if isinstance(digest, str) and re.fullmatch(r"\w+=[0-9a-f]+", digest) else None


def _reachable(url: str) -> str | None:
    """``url`` as a pip VCS URL a runner can fetch (credentials removed), or None for a local place."""
    scp = _SCP_LIKE.match(url)
    if scp and "://" not in url:  # git@github.com:owner/repo.git, as git remotes are often written
        url = f"ssh://{scp['user']}@{scp['host']}/{scp['path']}"
    parsed = urlsplit(url)
    if parsed.scheme not in REACHABLE or not parsed.hostname:
        return None
    if _UNSAFE.search(url):
        return None
    user = f"{parsed.username}@" if parsed.scheme == "ssh" and parsed.username else ""  # ssh's login, never a password or token
    port = f":{parsed.port}" if parsed.port else ""
    return urlunsplit((parsed.scheme, f"{user}{parsed.hostname}{port}", parsed.path, "", ""))


def _shown(url: str) -> str:
    """A URL for a message, without any password or token it carries."""
    parsed = urlsplit(url)
    if parsed.password or (parsed.username and parsed.scheme in ("http", "https")):
        return urlunsplit((parsed.scheme, parsed.hostname or "", parsed.path, "", ""))
    return url


def _git(checkout: Path, *args: str) -> str | None:
    """A local git command's output in ``checkout`` (nothing fetched, no prompt), or None when it fails.

    git looks for the repository in ``checkout`` itself only: a datamap directory inside another project's
    repository is not that project's code, and its remote says nothing about where datamap comes from."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0",
           "GIT_CEILING_DIRECTORIES": os.path.dirname(os.path.realpath(checkout))}
    try:
        done = subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, check=False, env=env, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _checkout_source(directory: Path, where: str) -> Source:
    """A local directory's git checkout: its origin at HEAD, when a runner can fetch that commit there."""
    top = _git(directory, "rev-parse", "--show-toplevel")
    if top is None:
        raise NoSource(where, f"it was installed from the directory {directory}, which is not a git checkout")
    remote = _git(directory, "remote", "get-url", "origin")
    if remote is None:
        raise NoSource(where, f"the git checkout {top} it was installed from has no remote 'origin'")
    reachable = _reachable(remote)
    if reachable is None:
        raise NoSource(where, f"the origin of the git checkout {top} is {_shown(remote)}, which a CI runner cannot reach")
    commit = _git(directory, "rev-parse", "--verify", "HEAD^{commit}")
    if commit is None or not _COMMIT.match(commit):
        raise NoSource(where, f"the git checkout {top} has no commit yet")
    if not _git(directory, "for-each-ref", "--contains", commit, "--format=%(refname)", "refs/remotes/origin/"):
        raise NoSource(where, f"commit {commit} of the git checkout {top} is on no branch of its origin that this checkout "
                              f"knows of (push it first)")
    notes = []
    if _git(directory, "status", "--porcelain", "--untracked-files=no"):
        notes.append(f"the git checkout {top} has uncommitted changes: the workflow installs commit {commit} without them")
    return Source(f"git+{reachable}@{commit}", notes)
