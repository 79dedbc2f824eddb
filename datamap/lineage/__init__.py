"""Stages 3-4: the lineage graph of the inventory and the facts every document derives from it."""

from __future__ import annotations


def facts_of(inventory, graph):
    """The policy facts of ``inventory`` and its ``graph``, computed once and shared by every consumer of a
    build: the policy in each language and format, the regimes' sections, the notices and the downloads."""
    from datamap.lineage.facts import policy_facts

    cached = inventory._facts
    if cached is None or cached[0] is not graph:
        cached = inventory._facts = (graph, policy_facts(inventory, graph))
    return cached[1]
