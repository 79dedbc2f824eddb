"""The wheel ships the templates, and the installed package renders from any directory."""

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from conftest import REFERENCE, ROOT


def test_wheel_contains_templates_and_works_from_elsewhere(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist")],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("datamap-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert "datamap/templates/pipa/en/policy.md.j2" in names
    assert "datamap/templates/pipa/en/policy/processors.md.j2" in names
    assert any(n.endswith("entry_points.txt") for n in names)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"}
    where = subprocess.run(
        [sys.executable, "-c", "from datamap.publish.render import default_templates_dir as d; print(d())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert where.stdout.strip() == str(tmp_path / "site" / "datamap" / "templates")
    policy = subprocess.run(
        [sys.executable, "-m", "datamap", "render", "policy", str(REFERENCE)], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert policy.returncode == 0, policy.stderr
    assert "| Naver Cloud | ID (email), name | Sending E-mail |" in policy.stdout


def test_wheel_built_from_the_sdist_ships_the_site_kit(tmp_path):
    """init's site configuration, overrides and style sheet survive the way through a source distribution."""
    hatchling = Path(sys.executable).parent / "hatchling"
    subprocess.run([str(hatchling), "build", "-t", "sdist", "-d", str(tmp_path / "sdist")], cwd=ROOT, check=True, capture_output=True)
    with tarfile.open(next((tmp_path / "sdist").glob("datamap-*.tar.gz"))) as archive:
        archive.extractall(tmp_path / "src", filter="data")
    source = next((tmp_path / "src").iterdir())
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist")],
                   check=True)
    with zipfile.ZipFile(next((tmp_path / "dist").glob("datamap-*.whl"))) as archive:
        kit = {name: archive.read(name) for name in archive.namelist() if name.startswith("datamap/site-kit/")}
    assert kit["datamap/site-kit/mkdocs.yml"] == (ROOT / "mkdocs.yml").read_bytes()
    assert kit["datamap/site-kit/site/assets/datamap.css"] == (ROOT / "site/assets/datamap.css").read_bytes()
    assert sorted(kit) == sorted(f"datamap/site-kit/{p.relative_to(ROOT).as_posix()}" for p in [
        ROOT / "mkdocs.yml", *(ROOT / "overrides").rglob("*.*"), *(ROOT / "site/assets").rglob("*.*")] if p.is_file())
