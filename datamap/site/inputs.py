"""What each generated page is made from, as a digest computed without rendering the page.

A page of one entity (an item, a system, a processor, a purpose) and its diagram are rendered from a
lineage record: the entity and every entity the lineage graph connects to it, in the order the page
lists them. Every edge of the graph is declared by one of its two ends (a system names its fields'
items, its operator and purposes; a collection point, a third party or a retention rule names its
items), and both ends of every edge a page follows are in its record. So the digest of the record's
entities, in order, changes whenever anything the page shows could change: an entity edited, added to
or removed from the record, or moved. The sections no graph node holds (the organization, laws, ...)
are digested together as the context of every entity page, with the policy section but for its version,
effective date and history, which entity pages do not show: releasing a version rebuilds only the pages
that show versions.

Listing pages, policy pages and the overview diagram show the whole inventory: their digest is the
digest of every inventory file and released text (:func:`datamap.site.record.sources_digest`).

Project templates may make any page show anything, so when a project overrides a site page template,
every page depends on the whole inventory.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from datamap.inventory.model import Inventory
from datamap.site.record import digest, shipped_templates

#: sections whose entities are nodes of the lineage graph: their pages track them one by one
GRAPH_SECTIONS = {"items", "collection_points", "purposes", "retention", "systems", "processors", "third_parties", "automated_decisions"}


class Inputs:
    """Digests of page inputs for one inventory."""

    def __init__(self, inventory: Inventory, graph: nx.MultiDiGraph, everything: str, templates_dir: Path | None) -> None:
        self.graph, self.everything = graph, everything
        self._nodes: dict[str, str] = {}
        # the policy's regimes and languages choose the pages' wording; its version, date and history do not show
        self.context = digest(
            inventory.model_dump_json(exclude=GRAPH_SECTIONS | {"policy"}),
            inventory.policy.model_dump_json(exclude={"history", "version", "effective"}),
        )
        #: project overrides of the site's page templates: pages may then show anything
        self.coarse = (
            templates_dir is not None
            and Path(templates_dir).resolve() != shipped_templates()
            and any((Path(templates_dir) / "site").glob("*.j2"))
        )

    def node(self, name: str) -> str:
        """The digest of one graph node's entity (a field is part of its system)."""
        found = self._nodes.get(name)
        if found is None:
            data = self.graph.nodes[name]
            if data["kind"] == "field":
                found = self.node(f"system:{data['system']}")
            else:
                found = digest(data["entity"].model_dump_json())
            self._nodes[name] = found
        return found

    def of(self, record: dict) -> str:
        """The digest of a lineage record: node names replaced by their entities' digests, in order."""
        if self.coarse:
            return self.everything
        parts: list[str] = [self.context]
        for key in sorted(record):
            value = record[key]
            if type(value) is list:
                parts.append(f"{key}[{len(value)}:" + ",".join(self._value(v) for v in value))
            else:
                parts.append(f"{key}:{self._value(value)}")
        return digest(*parts)

    def _value(self, value) -> str:
        if type(value) is str:
            known = self._nodes.get(value)
            if known is not None:
                return f"{value}={known}"
            return f"{value}={self.node(value)}" if value in self.graph else repr(value)
        if isinstance(value, (list, tuple)):
            return f"[{len(value)}:" + ",".join(self._value(v) for v in value) + "]"
        return repr(value)
