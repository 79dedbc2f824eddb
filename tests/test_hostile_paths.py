"""Nothing datamap reads or writes resolves outside the project: symlinks in inventory/, templates/, versions/
and site/, versions that are paths, and the diff of two directories. An escaping link is named, its target's
content never shown."""

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import write
from datamap.confine import Escape, confined, inside, project_root
from datamap.site.pages import released_versions

SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def outside(tmp_path_factory):
    """A folder outside the project, holding a secret text and a valid inventory file."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.txt").write_text(f"{SECRET}: root:x:0:0\n")
    (folder / "items.yaml").write_text(f"items:\n  - id: leaked\n    label: {SECRET}\n")
    (folder / "versions").mkdir()
    (folder / "versions" / "policy.en.md").write_text(f"# Policy\n\n{SECRET}\n")
    return folder


def no_secret(result):
    assert SECRET not in result.out + result.err
    assert "internal error" not in result.err and "Traceback" not in result.err


# --- the rule itself -----------------------------------------------------------------------------


def test_inside_resolves_symlinks_and_dots(tmp_path, outside):
    root = tmp_path / "project"
    (root / "a").mkdir(parents=True)
    (root / "a" / "in").symlink_to(root / "a")
    (root / "a" / "out").symlink_to(outside)
    assert inside(root / "a" / "x.yaml", root)
    assert inside(root / "a" / "in" / "x.yaml", root)
    assert inside(root, root)
    assert not inside(root / "a" / "out" / "x.yaml", root)
    assert not inside(root / ".." / "x", root)
    assert not inside(outside, root)
    assert confined(root / "a", root) == root / "a"
    with pytest.raises(Escape, match="E109"):
        confined(root / "a" / "out", root)


def test_the_project_is_the_inventory_folder_s_parent(tmp_path):
    (tmp_path / "inv").mkdir()
    assert project_root(tmp_path / "inv") == tmp_path.resolve()


# --- reading the inventory -------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["secret.txt", "items.yaml"])
@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_symlinked_inventory_file_leading_out_is_named_not_read(run, minimal, outside, target, command):
    (minimal / "leak.yaml").symlink_to(outside / target)
    result = run(command, "inv")
    assert result.code == 1
    assert "inv/leak.yaml" in result.out and "E109" in result.out
    no_secret(result)


def test_a_symlinked_inventory_folder_leading_out_is_named_not_read(run, minimal, outside):
    (minimal / "more").symlink_to(outside)
    result = run("validate", "inv")
    assert result.code == 1 and "inv/more" in result.out and "E109" in result.out
    no_secret(result)


def test_a_published_text_never_comes_from_outside(run, minimal, outside):
    (minimal / "leak.yaml").symlink_to(outside / "items.yaml")
    result = run("render", "policy", "inv")
    assert result.code == 1
    no_secret(result)


def test_a_symlink_inside_the_project_is_read(run, minimal, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.move(minimal / "inventory.yaml", shared / "inventory.yaml")
    (minimal / "inventory.yaml").symlink_to(shared / "inventory.yaml")
    result = run("validate", "inv")
    assert result.code == 0, result.out


def test_the_diff_of_two_directories_reads_no_link_leading_out(run, minimal, outside, tmp_path):
    new = tmp_path / "new"
    shutil.copytree(minimal, new)
    (new / "leak.yaml").symlink_to(outside / "items.yaml")
    result = run("diff", "inv", "new")
    assert result.code == 2
    assert "E109" in result.err and "new/leak.yaml" in result.err
    no_secret(result)


# --- versions ---------------------------------------------------------------------------------------


def test_a_symlinked_released_text_leading_out_is_not_published(tmp_path, outside):
    (tmp_path / "versions" / "0.9").mkdir(parents=True)
    (tmp_path / "versions" / "0.9" / "policy.en.md").symlink_to(outside / "versions" / "policy.en.md")
    with pytest.raises(Escape, match="E109"):
        released_versions(tmp_path)


def test_a_symlinked_version_folder_leading_out_is_not_published(tmp_path, outside):
    (tmp_path / "versions").mkdir()
    (tmp_path / "versions" / "0.9").symlink_to(outside / "versions")
    with pytest.raises(Escape, match="versions/0.9/policy.en.md"):
        released_versions(tmp_path)


def test_a_symlinked_versions_folder_leading_out_is_not_published(tmp_path, outside):
    (outside / "versions" / "0.9").mkdir()
    (tmp_path / "versions").symlink_to(outside / "versions")
    with pytest.raises(Escape, match="E109"):
        released_versions(tmp_path)


@pytest.fixture
def site_project(minimal):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    return minimal.parent


@pytest.mark.parametrize("command", ["build", "check"])
def test_build_and_check_refuse_a_released_text_leading_out(run, site_project, outside, command):
    folder = site_project / "versions" / "0.9"
    folder.mkdir(parents=True)
    (folder / "policy.en.md").symlink_to(outside / "versions" / "policy.en.md")
    result = run(command, "inv")
    assert result.code == 1
    assert "versions/0.9/policy.en.md" in result.err and "E109" in result.err
    no_secret(result)
    assert not list((site_project / "site").rglob("v0.9.md")) if (site_project / "site").exists() else True


# --- release ------------------------------------------------------------------------------------------


BAD_VERSIONS = ["../../x", "../x", "..", ".", "/tmp/x", "a/b", "1.0/../../x", "1..0", ".hidden", "-rf", "1.0 beta", "v1\n", "x" * 41, "1.0\\..\\x", "~"]


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_release_refuses_a_version_that_is_not_a_version(run, minimal, version, tmp_path):
    before = sorted(p for p in tmp_path.parent.rglob("*") if tmp_path.name not in p.parts)
    result = run("release", "inv", "--effective", "2025-06-01", f"--version={version}")
    assert result.code == 2
    assert "is not a version" in result.err
    assert not (tmp_path / "versions").exists()
    assert sorted(p for p in tmp_path.parent.rglob("*") if tmp_path.name not in p.parts) == before


@pytest.mark.parametrize("version", ["../../x", "/tmp/datamap-escape", "a/b", "..", "x" * 41])
def test_a_policy_version_that_is_a_path_is_a_finding(run, minimal, version):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace('version: "1.0"', f"version: {json.dumps(version)}"))
    result = run("validate", "inv")
    assert result.code == 1
    assert "inv/inventory.yaml:11:" in result.out and "E203 version:" in result.out and "is not a version" in result.out
    release = run("release", "inv", "--effective", "2025-06-01")
    assert release.code == 1
    assert not (minimal.parent / "versions").exists()
    assert not Path("/tmp/datamap-escape").exists()


def test_a_history_version_that_is_a_path_is_a_finding(run, minimal):
    text = (minimal / "inventory.yaml").read_text()
    text = text.replace("  effective: 2025-01-01\n", '  effective: 2025-01-01\n  history:\n    - {version: "../0.9", effective: 2024-01-01}\n')
    (minimal / "inventory.yaml").write_text(text)
    result = run("validate", "inv")
    assert result.code == 1 and "E203 history.0.version: '../0.9' is not a version" in result.out


def test_release_writes_no_text_through_a_symlinked_versions_folder(run, minimal, outside):
    (minimal.parent / "versions").symlink_to(outside / "versions")
    result = run("release", "inv", "--effective", "2025-06-01")
    assert result.code != 0 and "internal error" not in result.err
    assert "E109" in result.err
    assert sorted(p.name for p in (outside / "versions").iterdir()) == ["policy.en.md"]


def test_a_good_version_is_released(run, minimal):
    result = run("release", "inv", "--effective", "2025-06-01", "--version", "2025-06_rc.1")
    assert result.code == 0, result.err
    assert (minimal.parent / "versions" / "2025-06_rc.1" / "policy.en.md").is_file()


# --- build writes -----------------------------------------------------------------------------------


def test_build_writes_nothing_through_a_symlinked_site_folder(run, site_project, outside):
    (site_project / "site").mkdir()
    (site_project / "site" / "en").symlink_to(outside)
    before = sorted(os.listdir(outside))
    result = run("build", "inv")
    assert result.code == 1
    assert "E109" in result.err and "site/en" in result.err
    assert sorted(os.listdir(outside)) == before


def test_build_writes_nothing_through_a_symlinked_site(run, site_project, outside):
    (site_project / "site").symlink_to(outside)
    before = sorted(os.listdir(outside))
    result = run("build", "inv")
    assert result.code == 1 and "E109" in result.err
    assert sorted(os.listdir(outside)) == before


def test_build_replaces_no_symlinked_page(run, site_project, outside):
    assert run("build", "inv").code == 0
    page = site_project / "site" / "en" / "items.md"
    page.unlink()
    page.symlink_to(outside / "secret.txt")
    result = run("build", "inv")
    assert result.code == 1 and "site/en/items.md" in result.err and "E109" in result.err
    assert (outside / "secret.txt").read_text().startswith(SECRET)
    assert page.is_symlink()
    check = run("check", "inv")
    assert check.code == 1 and "E109" in check.out
    no_secret(check)


@pytest.mark.parametrize("special", ["symlink", "fifo", "directory"])
def test_build_replaces_no_special_file_inside_the_site(run, site_project, special):
    assert run("build", "inv").code == 0
    page = site_project / "site" / "en" / "items.md"
    page.unlink()
    systems = site_project / "site" / "en" / "systems.md"
    before = systems.read_bytes()
    if special == "symlink":
        page.symlink_to(systems)
    elif special == "fifo":
        os.mkfifo(page)
    else:
        page.mkdir()
    result = run("build", "inv")
    assert result.code == 1 and "site/en/items.md" in result.err and "E119" in result.err
    assert systems.read_bytes() == before
    assert not page.is_file() or page.is_symlink()


def test_notices_are_not_written_through_a_symlink(run, minimal, outside):
    folder = minimal.parent / "notices"
    folder.mkdir()
    (folder / "processors.en.html").symlink_to(outside / "secret.txt")
    write(minimal, "processors.yaml", "processors:\n  - {id: mailer, name: Mailer, country: KR, tasks: [sending email]}\n")
    result = run("render", "notices", "inv", "--format", "html", "-o", "notices")
    assert result.code == 2, result.err
    assert (outside / "secret.txt").read_text().startswith(SECRET)



# --- the project's own folders as symlinks ---------------------------------------------------------------


def test_an_inventory_folder_that_is_a_symlink_leading_out_is_not_read(run, tmp_path, outside, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "inventory").symlink_to(outside)
    monkeypatch.chdir(project)
    result = run("validate")
    assert result.code == 1 and "inventory: E109" in result.out
    no_secret(result)


@pytest.mark.parametrize("argv", [["render", "policy", "inv"], ["build", "inv"], ["release", "inv", "--effective", "2025-06-01"]])
def test_a_templates_folder_that_is_a_symlink_leading_out_is_not_read(run, minimal, outside, argv):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    (outside / "en" / "policy").mkdir(parents=True)
    (outside / "en" / "policy" / "officer.md.j2").write_text("{{ '" + SECRET + "' }}\n")
    (minimal.parent / "templates").symlink_to(outside)
    result = run(*argv)
    assert result.code == 1, result.err
    assert "templates" in result.err and "E109" in result.err
    no_secret(result)
    assert not (minimal.parent / "site").exists() and not (minimal.parent / "versions").exists()


def test_the_diff_of_two_directories_uses_no_templates_folder_leading_out(run, minimal, outside, tmp_path):
    new = tmp_path / "other" / "inv"
    shutil.copytree(minimal, new)
    (outside / "en" / "policy").mkdir(parents=True)
    (outside / "en" / "policy" / "officer.md.j2").write_text(SECRET + "\n")
    (tmp_path / "other" / "templates").symlink_to(outside)
    result = run("diff", "inv", "other/inv")
    assert result.code == 2 and "E109" in result.err
    no_secret(result)


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../../../etc/passwd"])
@pytest.mark.parametrize("folder", ["inventory", "templates"])
def test_the_diff_of_git_revisions_refuses_a_committed_link_leading_out(run, tmp_path, monkeypatch, target, folder):
    from repos import commit_all

    repo = tmp_path / "repo"
    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal", repo / "inventory")
    old = commit_all(repo, "first")
    (repo / folder).mkdir(exist_ok=True)
    (repo / folder / "leak.yaml").symlink_to(target)
    new = commit_all(repo, "second")
    monkeypatch.chdir(repo)
    result = run("diff", old, new)
    assert result.code == 2, result.err
    assert f"{folder}/leak.yaml: E109" in result.err
    assert "root:" not in result.out + result.err and "internal error" not in result.err


def test_release_edits_the_target_of_a_symlink_inside_the_project(run, minimal, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.move(minimal / "inventory.yaml", shared / "inventory.yaml")
    (minimal / "inventory.yaml").symlink_to(shared / "inventory.yaml")
    result = run("release", "inv", "--effective", "2025-06-01")
    assert result.code == 0, result.err
    assert (minimal / "inventory.yaml").is_symlink()
    assert "effective: 2025-06-01" in (shared / "inventory.yaml").read_text()
