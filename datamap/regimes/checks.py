"""Findings about the regimes themselves: their order, the languages published, the templates each needs."""

from __future__ import annotations

from pathlib import Path

from datamap.findings import Finding
from datamap.inventory.model import Inventory
from datamap.regimes import REGIMES, families, regimes_of, template_names


def _at(inventory: Inventory, code: str, message: str, key: str) -> Finding:
    file, path = inventory.location(inventory.policy)
    return Finding(file, code=code, message=message, path=path + (key,))


def check_completeness(inventory: Inventory) -> list[Finding]:
    """Each regime's completeness rules (``datamap check``)."""
    return [f for regime in regimes_of(inventory) for f in regime.call("completeness", inventory) or []]


def check_order(inventory: Inventory) -> list[Finding]:
    """A regime that has no section of its own cannot come after another."""
    groups = families(regimes_of(inventory))
    return [
        _at(inventory, "E802", f"{group[0].name} can only be the first of 'policy.regimes': it has no section to add to "
            f"the {groups[0][0].name} document", "regimes")
        for group in groups[1:] if group[0].section is None
    ]


def _exists(name: str, templates_dir: Path | None) -> bool:
    from datamap.publish import default_templates_dir

    roots = [templates_dir] if templates_dir else []
    return any((Path(root) / found).is_file() for root in [*roots, default_templates_dir()] for found in template_names(name))


def missing_templates(inventory: Inventory, lang: str, templates_dir: Path | None) -> dict[str, list[str]]:
    """Regime name -> the templates ``lang`` lacks for it, neither shipped nor in the project's templates."""
    missing: dict[str, list[str]] = {}
    for group in families(regimes_of(inventory)):
        regime = group[0]
        names = [regime.template(lang, name) for name in regime.templates]
        absent = [name for name in names if not _exists(name, templates_dir)]
        if absent:
            missing[" and ".join(r.name for r in group)] = absent
    return missing


def check_languages(inventory: Inventory, languages: list[str], templates_dir: Path | None) -> list[Finding]:
    """E801 when a language has no templates for a regime; E803 when a language is not one the project publishes."""
    findings = []
    for lang in languages:
        if lang not in inventory.policy.languages:
            findings.append(_at(inventory, "E803", f"'{lang}' is not one of the languages the project publishes "
                                f"(policy.languages: {', '.join(inventory.policy.languages)})", "languages"))
            continue
        for name, absent in missing_templates(inventory, lang, templates_dir).items():
            shown = ", ".join(f"templates/{a}" for a in absent[:4]) + (f" and {len(absent) - 4} more" if len(absent) > 4 else "")
            findings.append(_at(inventory, "E801", f"no '{lang}' templates for {name}: add {shown} to the project's "
                                "templates (they override datamap's)", "languages"))
    return findings
