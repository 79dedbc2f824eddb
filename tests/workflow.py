"""Runs a scaffolded GitHub workflow's steps on this machine, as the runner would on a pull request."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import yaml

_APT = re.compile(r"apt-get install (.*)$", re.M)


def apt_packages(script: str) -> list[str]:
    """The packages an ``apt-get install`` line of a step installs."""
    return [word for line in _APT.findall(script) for word in shlex.split(line) if not word.startswith("-")]


def installed(package: str) -> bool:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return "install ok installed" in done.stdout


def run_steps(project: Path, base: str, bin_dir: Path, summary: Path, install: bool = True) -> list[str]:
    """Run every ``run:`` step of ``.github/workflows/datamap.yml`` with bash -e in ``project``.

    The system packages step is not run (it needs the runner's sudo): each package it names must already be
    installed here. ``install=False`` also skips installing datamap, for a machine where it is on ``bin_dir``.
    Returns the scripts run; a failing step raises AssertionError with its output.
    """
    workflow = yaml.safe_load((project / ".github/workflows/datamap.yml").read_text())
    env = {**os.environ, **workflow["env"], "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "VIRTUAL_ENV": str(bin_dir.parent)}
    ran = []
    for step in workflow["jobs"]["datamap"]["steps"]:
        if "run" not in step:
            continue
        script = step["run"].replace("${{ github.event.pull_request.base.sha }}", base)
        assert "${{" not in script, script
        if "apt-get install" in script:
            missing = [p for p in apt_packages(script) if not installed(p)]
            assert missing == [], f"the workflow installs packages this machine lacks: {missing}"
            continue
        if "pip install" in script and not install:
            continue
        step_env = {k: str(v).replace("${{ github.event.pull_request.base.sha }}", base) for k, v in step.get("env", {}).items()}
        assert not any("${{" in v for v in step_env.values()), step_env
        result = subprocess.run(["bash", "-e", "-c", script], cwd=project, env={**env, **step_env}, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, (script, result.stdout[-3000:], result.stderr[-3000:])
        ran.append(script)
    return ran
