"""Where ``datamap init`` says datamap comes from: read from PEP 610 ``direct_url.json``, never assumed."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from datamap import install_source
from datamap.install_source import NoSource, source_of
from repos import commit_all, git

COMMIT = "4f5e" * 10
WHERE = "/venv/datamap-0.1.0.dist-info/direct_url.json"


def _source(record: dict):
    return source_of(record, WHERE)


def _no_source(record: dict) -> str:
    with pytest.raises(NoSource) as raised:
        _source(record)
    message = str(raised.value)
    assert message.startswith(f"{WHERE}:1:1: E604 ") and "--install-from SPEC" in message
    return raised.value.why


def _checkout(tmp_path, origin: str | None, pushed: bool = True):
    repo = tmp_path / "datamap"
    repo.mkdir()
    (repo / "pyproject.toml").write_text("[project]\nname = 'datamap'\n")
    head = commit_all(repo, "datamap")
    if origin is not None:
        git(repo, "remote", "add", "origin", origin)
        if pushed:
            git(repo, "update-ref", "refs/remotes/origin/main", head)
    return repo, head


def test_vcs_install_is_pinned_to_its_commit():
    record = {"url": "https://github.com/owner/datamap.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "v0.1.0"}}
    assert _source(record).requirement == f"git+https://github.com/owner/datamap.git@{COMMIT}"
    record = {**record, "subdirectory": "python"}
    assert _source(record).requirement == f"git+https://github.com/owner/datamap.git@{COMMIT}#subdirectory=python"
    assert "not a plain relative path" in _no_source({**record, "subdirectory": "x\" && curl evil"})


def test_vcs_install_never_writes_a_token():
    record = {"url": "https://x-access-token:ghs_secret@github.com/owner/datamap.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
    assert _source(record).requirement == f"git+https://github.com/owner/datamap.git@{COMMIT}"
    record = {"url": "ssh://git@github.com/owner/datamap.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
    assert _source(record).requirement == f"git+ssh://git@github.com/owner/datamap.git@{COMMIT}"


def test_vcs_install_from_a_local_repository_has_no_source():
    why = _no_source({"url": "file:///home/me/datamap", "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert why == "it was installed from file:///home/me/datamap, which a CI runner cannot reach"
    assert "commit id" in _no_source({"url": "https://github.com/owner/datamap.git", "vcs_info": {"vcs": "git"}})


def test_checkout_with_an_https_origin_is_pinned_to_head(tmp_path):
    repo, head = _checkout(tmp_path, "https://git.example.org/owner/datamap.git")
    source = _source({"url": repo.as_uri(), "dir_info": {"editable": True}})
    assert source.requirement == f"git+https://git.example.org/owner/datamap.git@{head}"
    assert source.notes == []
    (repo / "pyproject.toml").write_text("[project]\nname = 'datamap'\nversion = '2'\n")
    assert "uncommitted changes" in _source({"url": repo.as_uri(), "dir_info": {}}).notes[0]


def test_checkout_with_an_scp_like_origin(tmp_path):
    repo, head = _checkout(tmp_path, "git@github.com:owner/datamap.git")
    assert _source({"url": repo.as_uri(), "dir_info": {}}).requirement == f"git+ssh://git@github.com/owner/datamap.git@{head}"


def test_directory_inside_another_repository_is_not_its_checkout(tmp_path):
    """datamap unpacked inside a project's repository: that project's origin is not where datamap comes from."""
    repo, _ = _checkout(tmp_path, "https://git.example.org/someone/project.git")
    (repo / "vendor/datamap").mkdir(parents=True)
    assert _no_source({"url": (repo / "vendor/datamap").as_uri(), "dir_info": {}}).endswith("which is not a git checkout")


@pytest.mark.parametrize("origin, pushed, why", [
    (None, True, "has no remote 'origin'"),
    ("/srv/git/datamap.git", True, "is /srv/git/datamap.git, which a CI runner cannot reach"),
    ("https://git.example.org/owner/datamap.git", False, "is on no branch of its origin that this checkout knows of (push it first)"),
])
def test_checkout_a_runner_cannot_fetch_has_no_source(tmp_path, origin, pushed, why):
    repo, _ = _checkout(tmp_path, origin, pushed)
    assert _no_source({"url": repo.as_uri(), "dir_info": {"editable": True}}).endswith(why)


def test_directory_that_is_no_checkout_has_no_source(tmp_path):
    assert _no_source({"url": tmp_path.as_uri(), "dir_info": {}}) == f"it was installed from the directory {tmp_path}, which is not a git checkout"


def test_archive_at_an_https_url_is_pinned_by_its_hash():
    url = "https://files.example.org/datamap-0.1.0.tar.gz"
    record = {"url": url, "archive_info": {"hashes": {"sha256": "ab" * 32}, "hash": "sha256=" + "ab" * 32}}
    assert _source(record).requirement == f"datamap @ {url}#sha256={'ab' * 32}"
    assert "archive file:///tmp/datamap-0.1.0.tar.gz" in _no_source({"url": "file:///tmp/datamap-0.1.0.tar.gz", "archive_info": {}})


def _installed(tmp_path, monkeypatch, record: str | None):
    """datamap's installed metadata, as pip writes it, with ``record`` as its direct_url.json."""
    info = tmp_path / "datamap-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: datamap\nVersion: 0.1.0\n")
    if record is not None:
        (info / "direct_url.json").write_text(record)
    monkeypatch.setattr(metadata, "distribution", lambda name: metadata.PathDistribution(info))
    return info


def test_installed_record_is_read(tmp_path, monkeypatch):
    record = {"url": "https://github.com/owner/datamap.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
    _installed(tmp_path, monkeypatch, json.dumps(record))
    assert install_source.installed_source().requirement == f"git+https://github.com/owner/datamap.git@{COMMIT}"


def test_init_without_a_source_fails_and_writes_nothing(run, tmp_path, monkeypatch):
    """A wheel from an index: pip records no direct URL, and init does not guess the index."""
    info = _installed(tmp_path, monkeypatch, None)
    monkeypatch.setattr("datamap.scaffold.installed_source", install_source.installed_source)
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme")
    assert result.code == 2 and result.out == ""
    assert result.err == (f"{info / 'direct_url.json'}:1:1: E604 cannot tell where a CI runner could install this datamap from: "
                          f"pip recorded no direct URL, so it came from a package index that datamap does not name; "
                          f"{install_source.ADVICE}\n")
    assert not (tmp_path / "acme").exists()
    (info / "direct_url.json").write_text("{not json")
    assert "E604" in run("init", "acme").err and not (tmp_path / "acme").exists()

    assert run("init", "acme", "--install-from", "datamap==0.1.0").code == 0  # what the message asks for
    workflow = yaml.safe_load((tmp_path / "acme/.github/workflows/datamap.yml").read_text())
    assert workflow["env"]["DATAMAP_PACKAGE"] == "datamap==0.1.0"


def test_init_writes_the_derived_source_and_its_notes(run, tmp_path, monkeypatch):
    repo, head = _checkout(tmp_path, "https://git.example.org/owner/datamap.git")
    (repo / "pyproject.toml").write_text("changed\n")
    _installed(tmp_path, monkeypatch, json.dumps({"url": repo.as_uri(), "dir_info": {"editable": True}}))
    monkeypatch.setattr("datamap.scaffold.installed_source", install_source.installed_source)
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme", "--effective", "2025-03-01")
    assert result.code == 0
    assert result.err == (f"datamap: note: the git checkout {repo} has uncommitted changes: the workflow installs commit "
                          f"{head} without them\n")
    workflow = yaml.safe_load((tmp_path / "acme/.github/workflows/datamap.yml").read_text())
    assert workflow["env"]["DATAMAP_PACKAGE"] == f"git+https://git.example.org/owner/datamap.git@{head}"


@pytest.mark.parametrize("spec", ['datamap" && curl x', "datamap\n==1", "$(id)", ""])
def test_install_from_is_one_literal_requirement(run, tmp_path, monkeypatch, spec):
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme", "--install-from", spec)
    assert result.code == 2 and "--install-from:" in result.err and not (tmp_path / "acme").exists()


def test_a_source_tree_on_the_path_has_no_source(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    with pytest.raises(NoSource) as raised:
        install_source.installed_source()
    assert raised.value.where == str(Path(install_source.__file__).parent)
    assert "not installed as a distribution" in raised.value.why
