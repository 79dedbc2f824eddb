"""Lineage diagrams: the lineage graph drawn as SVG by Graphviz ``dot``, for the docs site.

Three views, each laid out left to right so that a long column of systems stays readable when the
image is scaled to the page's width: the overview (collection points -> systems -> processors and
third parties), one diagram per item and one per system. Every label is inventory text, so it is
escaped for DOT (no attribute or record syntax can be injected) and for XML (no markup reaches the
SVG); Graphviz escapes nothing on its own that looks like an entity. The SVG is made deterministic by
dropping the comments Graphviz writes (its version among them) and the batch-dependent id prefixes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import textwrap
from concurrent.futures import ThreadPoolExecutor

import networkx as nx

from datamap.errors import DiagramError  # noqa: F401 - raised here, caught by the command line
from datamap.lineage import graph as g
from datamap import language
from datamap.inventory.model import Inventory

FONT = "NanumGothic"
#: node fill colour per kind; systems run by a processor get their own colour
COLOURS = {
    "collection_point": "#e8f5e9",
    "item": "#fff8e1",
    "system": "#e3f2fd",
    "processor_system": "#fff3e0",
    "processor": "#fce4ec",
    "sub_processor": "#fbe9e7",
    "third_party": "#f3e5f5",
    "purpose": "#ede7f6",
    "retention": "#eceff1",
}
OVERSEAS_BORDER = "#c62828"
#: node and edge label sizes in points: the SVG is shown at its natural size (1 pt = 4/3 px), never scaled
#: down to the page's width, so these are the sizes readers see (15 and 13 px)
NODE_FONT, EDGE_FONT = 11, 10
#: legend entries in the order they are drawn
LEGEND_ORDER = ("collection_point", "item", "system", "processor_system", "processor", "sub_processor", "third_party", "purpose", "retention")
_BATCH = 40  # graphs per dot process: amortizes start-up, keeps the parallel chunks even
#: DOT lines (nodes and edges) above which a batch is never laid out beside another such batch (an overview
#: of about 1,600 systems)
_LARGE = 5000
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_BATCH_ID = re.compile(r'id="page\d+,\d+_')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def dot_string(text: str, width: int = 24) -> str:
    """Inventory text as a quoted DOT string, wrapped to ``width`` characters per line."""
    text = _CONTROL.sub(" ", text).strip()
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]  # before escaping: no entity is cut
    lines = [line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for line in lines]
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines]
    return '"' + "\\n".join(escaped) + '"'


class _Dot:
    """A DOT digraph under construction; node names are n0, n1, ... in insertion order."""

    def __init__(self, legend: dict | None = None) -> None:
        self.names: dict[str, str] = {}
        self.lines: list[str] = []
        self.edges: set[str] = set()
        self.legend = legend  # the legend's words; None draws none
        self.kinds: set[str] = set()
        self.overseas = False

    def node(self, key: str, label: str, kind: str, overseas: bool = False) -> str:
        if key not in self.names:
            self.kinds.add(kind)
            self.overseas = self.overseas or overseas
            name = self.names[key] = f"n{len(self.names)}"
            border = f', color="{OVERSEAS_BORDER}", penwidth=2, style="rounded,filled,dashed"' if overseas else ""
            self.lines.append(f'  {name} [label={dot_string(label)}, fillcolor="{COLOURS[kind]}"{border}];')
        return self.names[key]

    def edge(self, source: str, target: str, label: str | None = None) -> None:
        attributes = f" [label={dot_string(label, 28)}]" if label else ""
        line = f"  {self.names[source]} -> {self.names[target]}{attributes};"
        if line not in self.edges:
            self.edges.add(line)
            self.lines.append(line)

    def source(self) -> str:
        head = [
            "digraph lineage {",
            f'  graph [rankdir=LR, fontname="{FONT}", nodesep=0.12, ranksep=0.7, bgcolor="white"];',
            f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize={NODE_FONT}, margin="0.12,0.05", color="#607d8b"];',
            f'  edge [fontname="{FONT}", fontsize={EDGE_FONT}, color="#78909c", fontcolor="#37474f", arrowsize=0.7];',
        ]
        return "\n".join(head + self.lines + self.legend_lines() + ["}"]) + "\n"

    def legend_lines(self) -> list[str]:
        """A compact legend (one table node) of the node colours this diagram uses, and of the border marking places abroad."""
        if not self.legend or not self.names:
            return []

        def cell(text: str, attributes: str) -> str:
            text = _CONTROL.sub(" ", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            return f'<TR><TD {attributes}>{text}</TD></TR>'

        rows = [cell(self.legend[kind], f'BGCOLOR="{COLOURS[kind]}" BORDER="1" COLOR="#607d8b" STYLE="ROUNDED"') for kind in LEGEND_ORDER if kind in self.kinds]
        if self.overseas:
            rows.append(cell(self.legend["abroad"], f'BORDER="2" COLOR="{OVERSEAS_BORDER}" STYLE="ROUNDED,DASHED"'))
        title = cell(self.legend["title"], 'BORDER="0"')
        return [f'  legend [shape=plaintext, style="", fontsize={EDGE_FONT}, label=<<TABLE BORDER="1" COLOR="#b0bec5" STYLE="ROUNDED" '
                f'CELLBORDER="0" CELLSPACING="3" CELLPADDING="3">{title}{"".join(rows)}</TABLE>>];']


class _Names:
    """Node labels in one language."""

    def __init__(self, inventory: Inventory, graph: nx.MultiDiGraph, lang: str, methods: dict | None) -> None:
        self.inventory, self.graph, self.lang = inventory, graph, lang
        self.methods = methods or {}  # collection methods in words, for points with no label
        self.home = inventory.organization.country

    def __call__(self, node_name: str) -> str:
        data = self.graph.nodes[node_name]
        entity, kind = data["entity"], data["kind"]
        text = language.text
        if kind == "collection_point":
            name = text(entity.label, self.lang) if entity.label else self.methods.get(entity.method, entity.method)
            return f"{name} ({entity.provider})" if entity.provider else name
        if kind == "item":
            return text(entity.label, self.lang)
        if kind == "purpose":
            return text(entity.title, self.lang)
        if kind == "retention":
            period = language.duration(entity.period, self.lang) if entity.period else ""
            return f"{text(entity.records, self.lang)} · {period}" if period else text(entity.records, self.lang)
        name = text(entity.name, self.lang)
        country = self.country(node_name)
        return f"{name} · {language.country(country, self.lang)}" if country and country != self.home else name

    def country(self, node_name: str) -> str | None:
        data = self.graph.nodes[node_name]
        return data.get("country") or getattr(data["entity"], "country", None)

    def kind(self, node_name: str) -> str:
        data = self.graph.nodes[node_name]
        if data["kind"] == "system" and data["entity"].operator != "self":
            return "processor_system"
        return data["kind"]

    def add(self, dot: _Dot, node_name: str) -> str:
        if node_name in dot.names:
            return node_name
        country = self.country(node_name)
        dot.node(node_name, self(node_name), self.kind(node_name), overseas=bool(country) and country != self.home)
        return node_name


def _add_operator(dot: _Dot, names: _Names, graph: nx.MultiDiGraph, system: str) -> None:
    operator = g.operator_of_system(graph, system)
    if operator:
        dot.edge(system, names.add(dot, operator))
        for sub in g._targets(graph, operator, "subcontracts"):
            dot.edge(operator, names.add(dot, sub))


def overview_dot(inventory: Inventory, graph: nx.MultiDiGraph, lang: str, methods: dict | None = None, legend: dict | None = None) -> str:
    """Collection points -> systems -> processors, sub-processors and third parties."""
    names, dot = _Names(inventory, graph, lang, methods), _Dot(legend)
    for point in inventory.collection_points:
        names.add(dot, g.node("collection_point", point.id))
    for system in inventory.systems:
        system_node = names.add(dot, g.node("system", system.id))
        items = [f.item for f in system.fields]
        for point in inventory.collection_points:
            if any(i in items for i in point.items):
                dot.edge(g.node("collection_point", point.id), system_node)
        _add_operator(dot, names, graph, system_node)
        for party in inventory.third_parties:
            if any(i in items for i in party.items):
                dot.edge(system_node, names.add(dot, g.node("third_party", party.id)))
    return dot.source()


def item_dot(inventory: Inventory, graph: nx.MultiDiGraph, lang: str, item_id: str, methods: dict | None = None, legend: dict | None = None) -> str:
    """Where one item comes from, the systems and fields that hold it, who receives it, why and how long."""
    names, dot = _Names(inventory, graph, lang, methods), _Dot(legend)
    lineage = g.item_lineage(graph, item_id)
    for point in lineage["collected_by"]:
        names.add(dot, point)
    item = names.add(dot, lineage["item"])
    for point in lineage["collected_by"]:
        dot.edge(point, item)
    for rule in lineage["retention"]:
        dot.edge(item, names.add(dot, rule))
    for system in lineage["systems"]:
        names.add(dot, system)
        fields = [graph.nodes[f]["entity"].name for f in lineage["fields"] if graph.nodes[f]["system"] == system.partition(":")[2]]
        dot.edge(item, system, ", ".join(fields))
        _add_operator(dot, names, graph, system)
        for purpose in g.purposes_of_system(graph, system):
            dot.edge(system, names.add(dot, purpose))
    for party in lineage["third_parties"]:
        dot.edge(item, names.add(dot, party))
    return dot.source()


def system_dot(inventory: Inventory, graph: nx.MultiDiGraph, lang: str, system_id: str, methods: dict | None = None, legend: dict | None = None) -> str:
    """What one system holds, where it comes from, who operates it and what it serves."""
    names, dot = _Names(inventory, graph, lang, methods), _Dot(legend)
    lineage = g.system_lineage(graph, system_id)
    for point in lineage["collected_by"]:
        names.add(dot, point)
    system = lineage["system"]
    for item in lineage["items"]:
        names.add(dot, item)
    names.add(dot, system)
    for item in lineage["items"]:
        for point in g._sources(graph, item, "collects"):
            dot.edge(point, item)
        fields = [graph.nodes[f]["entity"].name for f in lineage["fields"] if graph.nodes[f]["entity"].item == item.partition(":")[2]]
        dot.edge(item, system, ", ".join(fields))
    _add_operator(dot, names, graph, system)
    for purpose in lineage["purposes"]:
        dot.edge(system, names.add(dot, purpose))
    return dot.source()


def _run_dot(sources: list[str]) -> list[str]:
    try:
        done = subprocess.run(["dot", "-Tsvg"], input="".join(sources).encode("utf-8"), capture_output=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise DiagramError(f"dot failed: {e}") from e
    if done.returncode != 0:
        raise DiagramError(f"dot failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    documents = done.stdout.decode("utf-8").split('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')[1:]
    if len(documents) != len(sources):
        raise DiagramError(f"dot returned {len(documents)} drawings for {len(sources)} graphs")
    return [_clean(d) for d in documents]


def _clean(svg: str) -> str:
    svg = _BATCH_ID.sub('id="', _COMMENT.sub("", svg))
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + svg


def render_svgs(sources: dict[str, str], progress=None) -> dict[str, str]:
    """DOT sources by name -> SVG by name. Batches graphs per dot process and runs batches in parallel.

    ``progress("diagrams", done, total)``, when given, is called as batches finish.
    """
    if not sources:
        return {}
    if shutil.which("dot") is None:
        raise DiagramError("Graphviz 'dot' not found: install graphviz (scripts/setup.sh does)")
    names = list(sources)
    batches = [names[i : i + _BATCH] for i in range(0, len(names), _BATCH)]
    out: dict[str, str] = {}
    large = threading.Lock()

    def run(batch: list[str]) -> list[str]:
        texts = [sources[n] for n in batch]
        if sum(text.count("\n") for text in texts) <= _LARGE:
            return _run_dot(texts)
        with large:
            return _run_dot(texts)

    # one dot per core: more run no faster, and each holds its batch's layout beside the build's own
    # memory; the layout of a large graph (half a gigabyte for an overview of 5,000 systems) is never
    # made beside another one
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for batch, svgs in zip(batches, pool.map(run, batches)):
            out.update(zip(batch, svgs))
            if progress:
                progress("diagrams", len(out), len(names))
    return {name: out[name] for name in names}
