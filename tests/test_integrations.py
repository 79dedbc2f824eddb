"""The pre-commit hook and the GitHub Action, run the way other repositories run them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import FIXTURES, ROOT
from repos import commit_all, git
from test_diff import NEW_PROCESSOR, NEW_SYSTEM, append

BIN = Path(sys.executable).parent
PROJECT_FILES = ["datamap", "templates", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "mkdocs.yml", "overrides", "site/assets"]  # the wheel takes the site kit from the last three


def _copy_project(into: Path) -> None:
    into.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, into / name)


def test_pre_commit_installs_and_runs_the_hook(tmp_path):
    """pre-commit clones this project from a git URL, installs it in its own environment and runs the hook."""
    source = tmp_path / "datamap-src"
    _copy_project(source)
    rev = commit_all(source, "datamap")
    scratch = tmp_path / "scratch"
    shutil.copytree(FIXTURES / "minimal", scratch / "inventory")
    (scratch / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source.as_uri()}\n    rev: {rev}\n    hooks:\n      - id: datamap-check\n"
    )
    git(scratch, "init", "-q")
    git(scratch, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def pre_commit():
        return subprocess.run([BIN / "pre-commit", "run", "--all-files"], cwd=scratch, env=env, capture_output=True, text=True, timeout=600)

    passing = pre_commit()
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "datamap check" in passing.stdout and "Passed" in passing.stdout

    (scratch / "inventory/more.yaml").write_text("items:\n  - id: phone\n")
    git(scratch, "add", "-A")
    failing = pre_commit()
    assert failing.returncode == 1
    assert "Failed" in failing.stdout
    assert "inventory/more.yaml:2:5: E202 missing required key 'label'" in failing.stdout

    readme_only = tmp_path / "scratch" / "notes.md"
    readme_only.write_text("unrelated\n")
    git(scratch, "add", "-A")
    skipped = subprocess.run([BIN / "pre-commit", "run", "--files", "notes.md"], cwd=scratch, env=env, capture_output=True, text=True)
    assert skipped.returncode == 0 and "Skipped" in skipped.stdout


# --- the GitHub Action -----------------------------------------------------------------------------


def run_action(repo: Path, tmp_path: Path, **inputs):
    """The action's step as the runner runs it: bash, in the workspace, with the variables GitHub sets."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    step = action["runs"]["steps"][0]
    summary, outputs = tmp_path / "step_summary.md", tmp_path / "github_output"
    summary.write_text("")
    outputs.write_text("")
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "DATAMAP_INVENTORY": inputs.get("inventory", action["inputs"]["inventory"]["default"]),
        "DATAMAP_BASE": inputs.get("base", ""),
        "DATAMAP_STRICT": inputs.get("strict", action["inputs"]["strict"]["default"]),
        "DATAMAP_INSTALL": "",
    }
    assert set(step["env"]) <= set(env)
    result = subprocess.run([step["shell"], "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    return result, summary.read_text(), outputs.read_text()


def _pull_request(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "inventory", repo / "inventory")
    base = commit_all(repo, "base")
    append(repo / "inventory/processors.yaml", NEW_PROCESSOR)
    append(repo / "inventory/systems.yaml", NEW_SYSTEM)
    commit_all(repo, "add a newsletter sender")
    return repo, base


def test_action_summarises_a_pull_request(tmp_path):
    repo, base = _pull_request(tmp_path)
    result, summary, outputs = run_action(repo, tmp_path, base=base)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::warning file=inventory/organization.yaml,line=19,col=1,title=W501::" in result.stdout
    assert summary.startswith("## datamap check\n\nThe inventory passes.\n")
    assert "- Article 9 (Outsourcing): new entrustee: Twilio SendGrid (United States) receiving Email and Name of a person in charge" in summary
    assert "## Redline" not in summary
    assert outputs == "policy-changed=true\n"


def test_action_fails_on_findings_and_annotates_them(tmp_path):
    repo, base = _pull_request(tmp_path)
    append(repo / "inventory/systems.yaml", "  - id: broken\n    name: Broken\n    operator: nobody\n")
    commit_all(repo, "broken")
    result, summary, outputs = run_action(repo, tmp_path, base=base)
    assert result.returncode == 1
    assert "::error file=inventory/systems.yaml,line=53,col=15,title=E205::E205 unknown processor 'nobody'" in result.stdout
    assert "The inventory has findings that fail the check: see the annotations." in summary
    assert "::warning::datamap diff could not compare the policy with" in result.stdout
    assert outputs == "policy-changed=false\n"


def test_action_without_a_base_only_checks(tmp_path):
    repo, _ = _pull_request(tmp_path)
    result, summary, outputs = run_action(repo, tmp_path, strict="true")
    assert result.returncode == 1
    assert "Privacy policy changes" not in summary
    assert outputs == "policy-changed=false\n"
