"""Releasing a policy version: record it in ``policy.history`` and freeze its texts for the site.

The inventory file is edited as text, at the positions the YAML parser reports, so its comments, key
order and layout survive; only ``policy.version``, ``policy.effective`` and one new history entry change.
The frozen texts go to ``<project>/versions/<version>/policy.<lang>.md`` (the project is the inventory
directory's parent), where the site publishes them as the policy's past versions.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from datamap.errors import UsageError
from datamap.confine import confined, project_root
from datamap.inventory.model import MAX_VERSION_LENGTH, VERSION_PATTERN, Policy
from datamap.output import write_atomic
from datamap.review.version_changes import freeze_changes

VERSIONS_DIR = "versions"


@dataclass
class Released:
    version: str
    policy_file: Path
    texts: list[Path] = field(default_factory=list)
    skipped_languages: list[str] = field(default_factory=list)
    #: the published version this release supersedes, newly recorded in the history: (version, date)
    superseded: tuple[str, dt.date] | None = None


def bump(version: str) -> str:
    """The next version after ``version``: its last number plus one (1.0 -> 1.1, 1.2.3 -> 1.2.4, 3 -> 4)."""
    match = re.fullmatch(r"((?:\d+\.)*)(\d+)", version)
    if not match:
        raise UsageError(f"cannot guess the version after '{version}': give --version")
    return f"{match.group(1)}{int(match.group(2)) + 1}"


def published(policy: Policy, frozen_root: Path, today: dt.date) -> set[str]:
    """Versions that readers may have seen: every one in the history or frozen under ``versions/``, and the
    current one once its effective date has come."""
    versions = {v.version for v in policy.history}
    if policy.effective <= today or (frozen_root / policy.version).exists():
        versions.add(policy.version)
    return versions


def choose_version(policy: Policy, frozen_root: Path, effective: dt.date, requested: str | None, today: dt.date) -> tuple[str, bool]:
    """The version to release, and whether the current version must first be recorded in the history.

    A released version is immutable: its number is never given to other text and its date never changes.
    The current version may be released under its own number only when it is not published yet, or when
    this release records it as it was published (the same effective date, no history entry yet).
    """
    seen = published(policy, frozen_root, today)
    recorded = {v.version for v in policy.history}
    current = policy.version
    current_is_published = current in seen and current not in recorded
    if requested is None:
        if current not in seen or (current_is_published and effective == policy.effective and not (frozen_root / current).exists()):
            return current, False
        requested = bump(current)
        while requested in seen or (frozen_root / requested).exists():
            requested = bump(requested)
        return requested, current_is_published
    if requested == current and current_is_published and effective != policy.effective:
        raise UsageError(
            f"version {current} took effect on {policy.effective}: releasing it with the date {effective} would re-date it; "
            f"release the changed text under a new version (--version {bump(current)})"
        )
    if requested in recorded or (requested != current and requested in seen):
        raise UsageError(f"version {requested} is already released (see policy.history): a released version never changes; "
                         f"use a new version (--version {bump(max(seen | {current}, key=_version_key))})")
    return requested, current_is_published and requested != current


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else -1 for part in re.split(r"[.]", version))


def _entry(version: str, effective: dt.date, summary: str | None, column: int) -> str:
    pad = " " * column
    lines = [f"{pad}- version: {json.dumps(version)}", f"{pad}  effective: {effective.isoformat()}"]
    if summary:
        lines.append(f"{pad}  summary: {json.dumps(summary, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _mapping_value(node: yaml.MappingNode, key: str):
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _line_end(text: str, index: int) -> int:
    """Index just past the end of the line holding ``index`` (or the text's end, with a newline added)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def edit_policy_text(text: str, version: str, effective: dt.date, summary: str | None,
                     earlier: tuple[str, dt.date] | None = None) -> str:
    """The file's text with the policy's version and date set and a history entry added first; ``earlier``
    (version, date) is recorded just after it: the published version the release supersedes."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    policy = _mapping_value(root, "policy") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(policy, yaml.MappingNode) or policy.flow_style:
        raise UsageError("write 'policy' as a block mapping (one key per line) so that it can be edited in place")
    key_column = policy.value[0][0].start_mark.column
    edits: list[tuple[int, int, str]] = []
    for key, value in (("version", json.dumps(version)), ("effective", effective.isoformat())):
        node = _mapping_value(policy, key)
        edits.append((node.start_mark.index, node.end_mark.index, value))

    def entries(column: int) -> str:
        out = _entry(version, effective, summary, column)
        return out + (_entry(earlier[0], earlier[1], None, column) if earlier else "")

    history = _mapping_value(policy, "history")
    if isinstance(history, yaml.SequenceNode) and history.value:
        if history.flow_style:
            raise UsageError("write 'policy.history' as a block list (one '- version: ...' entry per item) so that it can be edited in place")
        start = history.start_mark.index
        entry = entries(history.start_mark.column)
        edits.append((start, start, entry.lstrip(" ") + " " * history.start_mark.column))
    elif history is not None:  # `history: []` or an empty value
        start, end = history.start_mark.index, _line_end(text, history.end_mark.index)
        start -= text[:start].endswith(" ")
        edits.append((start, end, "\n" + entries(key_column + 2)))
    else:
        last_value = policy.value[-1][1]
        at = _line_end(text, last_value.end_mark.index)
        prefix = "" if at == 0 or text[at - 1] == "\n" else "\n"
        edits.append((at, at, prefix + " " * key_column + "history:\n" + entries(key_column + 2)))

    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _texts_renderer(inventory_dir: Path, templates: Path | None):
    """``render(lang)``: the policy of the edited inventory in ``lang``, or None when templates or texts
    in that language are missing (a frozen text must not fall back to another language)."""
    from datamap.inventory.checks import check_language
    from datamap.findings import format_text, has_errors
    from datamap.lineage.graph import build_graph
    from datamap.publish.render import render_policy
    from datamap.inventory.validate import check_inventory
    from datamap.regimes.checks import missing_templates

    edited = []

    def render(lang: str) -> str | None:
        if not edited:
            inventory, findings = check_inventory(inventory_dir)
            if inventory is None or has_errors(findings):
                raise UsageError("the edited inventory does not validate; it was left unchanged:\n" + format_text(findings))
            edited.append(inventory)
        if missing_templates(edited[0], lang, templates) or check_language(edited[0], lang, code="E401"):
            return None
        return render_policy(edited[0], build_graph(edited[0]), lang, templates)

    return render


def release(inventory, inventory_dir: Path, effective: dt.date, version: str | None, summary: str | None,
            templates: Path | None = None, today: dt.date | None = None) -> Released:
    """Record the release in the inventory file that holds ``policy``, then freeze the rendered texts.

    History is append-only: a version already published keeps its number, text and date; releasing
    other text takes a new number (the next one by default), and a published current version that the
    history does not hold yet is recorded there with its own date.
    """
    render = _texts_renderer(inventory_dir, templates)
    policy = inventory.policy
    if version is not None and (len(version) > MAX_VERSION_LENGTH or not VERSION_PATTERN.fullmatch(version)):
        raise UsageError(f"--version: {version!r} is not a version: letters and digits separated by '.', '_' or '-' "
                         f"(at most {MAX_VERSION_LENGTH} characters), such as 1.1 or 2024-01")
    project = project_root(inventory_dir)
    frozen_root = confined(project / VERSIONS_DIR, project)
    version, record_current = choose_version(policy, frozen_root, effective, version, today or dt.date.today())
    earlier = (policy.version, policy.effective) if record_current else None
    last = max([v.effective for v in policy.history] + ([policy.effective] if record_current else []), default=None)
    if last is not None and effective < last:
        raise UsageError(f"the effective date {effective} is before that of the last release ({last})")
    frozen = confined(frozen_root / version, project)
    if frozen.exists() or frozen.is_symlink():
        raise UsageError(f"{frozen} already exists")

    file, _ = inventory.location(policy)
    path = Path(file)
    if path.is_symlink():  # a symlink inside the project (load refuses others): its target is edited
        path = Path(os.path.relpath(os.path.realpath(confined(path, project))))
    original = path.read_text(encoding="utf-8-sig")
    write_atomic(path, edit_policy_text(original, version, effective, summary, earlier), project)
    result = Released(version, path, superseded=earlier)
    try:
        texts = {lang: render(lang) for lang in inventory.policy.languages}
    except BaseException:
        write_atomic(path, original, project)
        raise
    for lang, text in texts.items():
        if text is None:
            result.skipped_languages.append(lang)
            continue
        out = frozen / f"policy.{lang}.md"
        write_atomic(out, text, project)
        result.texts.append(out)
    previous = policy.history[0].version if policy.history else None
    languages = [lang for lang, text in texts.items() if text is not None]
    result.texts += freeze_changes(Path(inventory_dir), previous, frozen, languages)
    return result
