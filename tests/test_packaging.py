"""The wheel ships the templates, and the installed package renders from any directory."""

import subprocess
import sys
import zipfile

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
