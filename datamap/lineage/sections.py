"""Which articles a policy has, and in which order.

By default a policy follows the order of the PIPC's writing guideline for privacy policies
(개인정보보호위원회, 「개인정보 처리방침 작성지침(일반)」, 2024-04, and its 2025 revision; the standard
policy produced by the PIPC's "개인정보 처리방침 만들기" tool on privacy.go.kr has the same order):
processing purposes first, then retention, items, destruction, provision and entrustment, rights,
safety measures, automatic collection devices, the privacy officer together with the complaints
department, the department receiving access requests, remedies, and an article on changes to the policy
last. Sections that only some policies need (overseas transfer, children, inactive accounts...) sit
where the guideline puts them.

A project may declare its own order (``policy.sections``). Sections that order leaves out but whose facts
the inventory holds are never dropped: each follows the section before it in the guideline's order.
Custom clauses of their own (``clause:<id>``) follow the section their ``after`` names.
"""

from __future__ import annotations

from typing import Iterable

#: the guideline's order; True marks sections every policy has
SECTIONS: list[tuple[str, bool]] = [
    ("purposes", True),
    ("retention", True),
    ("items", True),
    ("collection", True),
    ("children", False),
    ("third_parties", True),
    ("processors", True),
    ("overseas", False),
    ("destruction", True),
    ("inactive_accounts", False),
    ("rights", True),
    ("security", True),
    ("web_storage", False),
    ("automated_decisions", False),
    ("officer", True),
    ("access_department", False),
    ("domestic_agent", False),
    ("remedies", False),
    ("miscellaneous", False),
    ("changes", True),
]
SECTION_KEYS = [key for key, _ in SECTIONS]
CLAUSE_PREFIX = "clause:"


def clause_key(clause_id: str) -> str:
    return CLAUSE_PREFIX + clause_id


def known_keys(clause_ids: Iterable[str]) -> list[str]:
    """Every key a declared order or a clause's ``after`` may name."""
    return SECTION_KEYS + [clause_key(i) for i in clause_ids]


def order_sections(applies: dict[str, bool], declared: list[str] | None, clauses: list) -> list[str]:
    """The keys of the policy's articles in order.

    ``applies`` says which optional sections have facts; ``declared`` is the project's own order (keys it
    does not know are reported by validation and skipped here); ``clauses`` are the custom clauses.
    """
    wanted = [key for key, always in SECTIONS if always or applies.get(key)]
    articles = [c for c in clauses if c.placement == "article"]
    if declared is None:
        order = list(wanted)
    else:
        order = [key for key in dict.fromkeys(declared) if key in wanted or key.startswith(CLAUSE_PREFIX)]
        # a declared article on miscellaneous matters carries the changes to the policy
        skip = {"changes"} if "miscellaneous" in order else set()
        for key in wanted:
            if key in order or key in skip:
                continue
            # right after the nearest section before it in the guideline's order that the policy has
            before = [k for k in reversed(SECTION_KEYS[: SECTION_KEYS.index(key)]) if k in order]
            order.insert(order.index(before[0]) + 1 if before else 0, key)
    present = {c.id for c in articles}
    order = [k for k in order if not k.startswith(CLAUSE_PREFIX) or k[len(CLAUSE_PREFIX):] in present]
    for clause in articles:
        key = clause_key(clause.id)
        if key in order:
            continue
        if clause.after in order:
            # after the named section and the clauses already placed after it
            at = order.index(clause.after) + 1
            while at < len(order) and order[at].startswith(CLAUSE_PREFIX):
                at += 1
            order.insert(at, key)
        else:
            order.append(key)
    return order


def number_sections(order: list[str]) -> dict[str, int]:
    return {key: n for n, key in enumerate(order, start=1)}
