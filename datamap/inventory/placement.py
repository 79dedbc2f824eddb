"""Checks of where the author places sections: the declared order and the custom clauses.

E330: ``policy.sections`` names a section datamap does not know.
E331: ``policy.sections`` names a section twice.
E332: a clause is placed after a section datamap does not know.
E333: a clause placed as a paragraph does not say which section it ends.
E334: ``policy.sections`` names a clause that is a paragraph, not an article of its own.
"""

from __future__ import annotations

from datamap.findings import Finding
from datamap.inventory.model import Inventory
from datamap.lineage.sections import known_keys


def _suggest(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_placement(inventory: Inventory) -> list[Finding]:
    findings: list[Finding] = []
    keys = known_keys(c.id for c in inventory.clauses)
    policy = inventory.policy
    file, path = inventory.location(policy)
    seen: set[str] = set()
    paragraphs = {f"clause:{c.id}" for c in inventory.clauses if c.placement == "paragraph"}
    for index, key in enumerate(policy.sections or []):
        where = path + ("sections", index)
        if key not in keys:
            findings.append(Finding(file, code="E330", message=f"unknown section '{key}' in policy.sections{_suggest(key, keys)}", path=where))
        elif key in seen:
            findings.append(Finding(file, code="E331", message=f"section '{key}' is named twice in policy.sections", path=where))
        elif key in paragraphs:
            findings.append(
                Finding(file, code="E334", message=f"'{key}' is a paragraph clause: only articles (placement: article) take a place in policy.sections", path=where)
            )
        seen.add(key)
    for clause in inventory.clauses:
        file, path = inventory.location(clause)
        if clause.after is not None and (clause.after not in keys or clause.after == f"clause:{clause.id}"):
            findings.append(
                Finding(file, code="E332", message=f"clause '{clause.id}' follows unknown section '{clause.after}'{_suggest(clause.after, keys)}", path=path + ("after",))
            )
        if clause.placement == "paragraph" and clause.after is None:
            findings.append(
                Finding(file, code="E333", message=f"clause '{clause.id}' is a paragraph: say which section it ends with 'after'", path=path + ("placement",))
            )
    return findings
