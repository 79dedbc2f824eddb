"""Stage 1, load: inventory YAML files -> plain documents, plus findings about the files themselves.

Parsing is done once, fast, with libyaml's safe loader; source positions are recovered afterwards
(:func:`locate`) only for the files that have findings, by composing their node tree again.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from datamap.confine import inside, project_root
from datamap.findings import Finding

try:  # libyaml is almost always there; the pure-Python loader gives the same results, slower
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader

YAML_SUFFIXES = (".yaml", ".yml")
#: aliases may repeat a structure, but an inventory that expands past this is refused
MAX_EXPANDED_NODES = 1_000_000
_ALIAS = re.compile(r"(?:^|[\s\[\{,:-])\*[^\s,\]\}]+", re.M)


@dataclass
class Document:
    """One inventory file: its path as shown to users, and its parsed content."""

    file: str
    path: Path
    data: Any


_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP, _MERGE = _TAG + "str", _TAG + "seq", _TAG + "map", _TAG + "merge"
#: scalar tags whose safe constructors return a plain value at once (no generator, no state)
_PLAIN_SCALARS = frozenset(_TAG + name for name in ("null", "bool", "int", "float", "timestamp"))


class _Unusual(Exception):
    """A node the plain-data fast path leaves to PyYAML's own constructor."""


class _InventoryLoader(_BaseLoader):
    """Safe loader that records duplicate keys instead of silently keeping the last one.

    Inventory files are plain trees of mappings, lists and scalars. For those, :meth:`construct_document`
    builds the data in one recursive pass, about twice as fast as PyYAML's general constructor, which
    supports aliases and recursive structures through generators. A document with anchors, or with
    anything else unusual (merge keys, other tags, complex keys, deep nesting), is built by PyYAML's
    constructor instead, with the same result and the same errors.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_keys: list[yaml.Node] = []
        #: without anchors there are no aliases: every node is reached once
        self._is_tree = isinstance(stream, str) and "&" not in stream

    def construct_document(self, node):
        if self._is_tree:
            try:
                return self._construct_plain(node)
            except (_Unusual, RecursionError):
                self.duplicate_keys.clear()
        return super().construct_document(node)

    def resolve(self, kind, value, implicit):
        """The tag of a node, as :meth:`yaml.resolver.BaseResolver.resolve` gives it, with fewer steps.

        libyaml's composer calls this for every node; the implicit resolvers are looked up once (below).
        """
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if implicit[0]:
                for tag, regexp in _IMPLICIT_RESOLVERS.get(value[:1], _WILDCARD_RESOLVERS):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)

    def _construct_plain(self, node):
        """The same data as :meth:`construct_document` for a tree of plain nodes; _Unusual otherwise."""
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                return node.value
            if tag in _PLAIN_SCALARS:
                return self.yaml_constructors[tag](self, node)
        elif isinstance(node, yaml.MappingNode) and tag == _MAP:
            mapping = {}
            seen = set()
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
                    raise _Unusual
                if key_node.value in seen:
                    self.duplicate_keys.append(key_node)
                seen.add(key_node.value)
                mapping[self._construct_plain(key_node)] = self._construct_plain(value_node)
            return mapping
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            return [self._construct_plain(child) for child in node.value]
        raise _Unusual

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    if key_node.value in seen:
                        self.duplicate_keys.append(key_node)
                    seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)

    def construct_bounded_int(self, node):
        """An integer, unless it has more digits than Python converts (a ValueError that has no position)."""
        try:
            return self.construct_yaml_int(node)
        except ValueError as e:
            raise yaml.constructor.ConstructorError(None, None, f"a number of {len(node.value):,} characters is too long", node.start_mark) from e

    def construct_lenient_timestamp(self, node):
        """A date-like scalar that is no real date (2024-13-01) stays text, for the schema to report."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_WILDCARD_RESOLVERS = tuple(_InventoryLoader.yaml_implicit_resolvers.get(None, ()))
#: first character of a plain scalar ("" for an empty one) -> the implicit resolvers to try, in order
_IMPLICIT_RESOLVERS = {
    first: tuple(resolvers) + _WILDCARD_RESOLVERS for first, resolvers in _InventoryLoader.yaml_implicit_resolvers.items() if first is not None
}
_InventoryLoader.add_constructor("tag:yaml.org,2002:timestamp", _InventoryLoader.construct_lenient_timestamp)
_InventoryLoader.add_constructor("tag:yaml.org,2002:int", _InventoryLoader.construct_bounded_int)


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working directory when it is inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def inventory_files(inv: Path) -> list[Path]:
    """The YAML files of an inventory directory (symlinks among them, whether or not they stay inside)."""
    if inv.is_file():
        return [inv]
    return sorted(
        p
        for p in inv.rglob("*")
        if p.suffix in YAML_SUFFIXES and (p.is_file() or p.is_symlink()) and not any(part.startswith(".") for part in p.relative_to(inv).parts)
    )


def _escaping_links(inv: Path, root: Path) -> list[Path]:
    """Symlinks under ``inv`` (files or directories, hidden ones aside) that resolve outside ``root``."""
    found = []
    for dirpath, dirnames, filenames in os.walk(inv):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            if not name.startswith(".") and path.is_symlink() and not inside(path, root):
                found.append(path)
    return sorted(found)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _expanded_size(data: Any) -> int | None:
    """Number of nodes once aliases are expanded; None for a recursive structure."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(obj: Any) -> int | None:
        if not isinstance(obj, (dict, list)):
            return 1
        key = id(obj)
        if key in sizes:
            return sizes[key]
        if key in active:
            return None
        active.add(key)
        total = 1
        children = obj.values() if isinstance(obj, dict) else obj
        for child in children:
            n = size(child)
            if n is None:
                return None
            total += n
            if total > MAX_EXPANDED_NODES:
                break
        active.discard(key)
        sizes[key] = total
        return total

    return size(data)


#: bidirectional formatting characters, raw or as YAML escapes: they make text read otherwise than it is
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_BIDI_IN_SOURCE = re.compile(r"[\u202a-\u202e\u2066-\u2069]|\\(?:u|U0000)20(?:2[a-eA-E]|6[6-9])")


def _bidi_findings(file: str, text: str, data: Any) -> list[Finding]:
    """E110 for every key or string value holding a bidirectional formatting character.

    They can make a published sentence display differently from what its source says. The whole text is
    searched first, so a file without any is not walked.
    """
    if not _BIDI_IN_SOURCE.search(text):
        return []
    found: list[Finding] = []

    def walk(value: Any, path: tuple) -> None:
        if isinstance(value, str):
            if _BIDI.search(value):
                char = _BIDI.search(value).group()
                found.append(Finding(file, code="E110", message=f"bidirectional formatting character U+{ord(char):04X} in text: remove it", path=path))
        elif isinstance(value, dict):
            for key, child in value.items():
                if isinstance(key, str) and _BIDI.search(key):
                    found.append(Finding(file, code="E110", message="bidirectional formatting character in a key: remove it", path=path + (key,), at_key=True))
                walk(child, path + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, path + (index,))

    walk(data, ())
    return found


def load_file(path: Path) -> tuple[Document | None, list[Finding]]:
    """Parse one file. Returns no document when the file cannot be used at all."""
    file = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, [Finding(file, 1, 1, "E107", f"cannot read file: {e.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        good = raw[: e.start].decode("utf-8", errors="replace")
        line, col = _line_col(good, len(good))
        return None, [Finding(file, line, col, "E105", f"file is not UTF-8 (byte 0x{raw[e.start]:02x}); save it as UTF-8")]

    loader = _InventoryLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "could not determine a constructor" in (e.problem or ""):
            tag = (e.problem or "").split("tag ")[-1].strip()
            return None, [Finding(file, line, col, "E103", f"unsafe or unknown YAML tag {tag}: inventory files hold plain data only")]
        return None, [Finding(file, line, col, "E101", f"YAML error: {e.problem}")]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = e.problem or "invalid YAML"
        if e.context:
            problem = f"{problem} ({e.context})"
        return None, [Finding(file, line, col, "E101", f"YAML syntax error: {problem}")]
    except yaml.YAMLError as e:  # reader errors (control characters) have no mark object
        pos = getattr(e, "position", 0) or 0
        line, col = _line_col(text, pos)
        return None, [Finding(file, line, col, "E101", f"YAML error: {getattr(e, 'reason', e)}")]
    except RecursionError:
        return None, [Finding(file, 1, 1, "E101", "YAML nesting too deep")]
    finally:
        loader.dispose()

    findings = [
        Finding(file, node.start_mark.line + 1, node.start_mark.column + 1, "E102", f"duplicate key '{node.value}' in this mapping")
        for node in loader.duplicate_keys
    ]
    if data is None:
        return None, findings + [Finding(file, 1, 1, "E106", "empty file: an inventory file holds at least one section")]
    if "*" in text and _ALIAS.search(text):
        size = _expanded_size(data)
        if size is None or size > MAX_EXPANDED_NODES:
            m = _ALIAS.search(text)
            line, col = _line_col(text, m.start() + (0 if text[m.start()] == "*" else 1))
            what = "recursive alias" if size is None else f"aliases expand to more than {MAX_EXPANDED_NODES:,} nodes"
            return None, findings + [Finding(file, line, col, "E104", f"refused: {what}")]
    try:
        findings += _bidi_findings(file, text, data)
    except RecursionError:
        findings.append(Finding(file, 1, 1, "E101", "YAML nesting too deep"))
        return None, findings
    return Document(file, path, data), findings


def load_inventory(inv: Path) -> tuple[list[Document], list[Finding]]:
    """Load every YAML file of an inventory directory (or one file), collecting all findings."""
    if not inv.exists():
        return [], [Finding(display_path(inv), 0, 0, "E107", "no such file or directory")]
    if inv.is_dir() and not inside(inv, project_root(inv)):
        return [], [Finding(display_path(inv), 0, 0, "E109", "symlink that leads outside the project: not read (the inventory must be inside it)")]
    paths = inventory_files(inv)
    escaping = _escaping_links(inv, project_root(inv)) if inv.is_dir() else []
    findings = [
        Finding(display_path(link), 0, 0, "E109", "symlink that leads outside the project: not read (inventory files must be inside it)")
        for link in escaping
    ]
    paths = [p for p in paths if p not in escaping and p.is_file()]
    if not paths:
        return [], findings or [Finding(display_path(inv), 0, 0, "E108", "no .yaml or .yml files in this directory")]
    documents = []
    for path in paths:
        doc, found = load_file(path)
        findings += found
        if doc is not None:
            documents.append(doc)
    return documents, findings


# --- positions ---------------------------------------------------------------------------------


class _Index:
    """Child lookup in composed YAML nodes: each mapping is indexed once, on its first lookup, so that
    locating any number of findings costs time linear in the size of the file (a mapping of 90,000 keys
    with a finding on each key is indexed once, not scanned once per finding)."""

    def __init__(self):
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def child(self, node: yaml.MappingNode, step) -> tuple[yaml.Node, yaml.Node] | None:
        keys = self._keys.get(id(node))
        if keys is None:
            keys = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    keys.setdefault(key_node.value, (key_node, value_node))
            self._keys[id(node)] = keys
        return keys.get(str(step))


def _node_at(root: yaml.Node, path: tuple, at_key: bool, index: _Index) -> yaml.Node:
    """The deepest node along ``path``; the key node of the last step when ``at_key``."""
    node = root
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            found = index.child(node, step)
            if found is None:
                return node
            node = found[0] if (last and at_key) else found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def _with_source(f: Finding, node: yaml.Node | None) -> str:
    """The message of a finding that quotes the value as written in the file (``{source}``, ``{quoted}``)."""
    if not f.source_hint:
        return f.message
    source = node.value if isinstance(node, yaml.ScalarNode) else ""
    if not source:
        return f.message.split(" {source} ", 1)[0] + " no value is given; write the text"
    return f.message.replace("{source}", source).replace("{quoted}", json.dumps(source, ensure_ascii=False))


def locate(findings: list[Finding], documents: list[Document]) -> list[Finding]:
    """Give line and column to findings that only have a path, composing each file at most once."""
    by_file = {doc.file: doc for doc in documents}
    roots: dict[str, yaml.Node | None] = {}
    index = _Index()
    located = []
    for f in findings:
        if f.line or f.file not in by_file:
            located.append(Finding(f.file, f.line, f.col, f.code, _with_source(f, None)) if f.source_hint else f)
            continue
        if f.file not in roots:
            doc = by_file[f.file]
            try:
                roots[f.file] = yaml.compose(doc.path.read_text(encoding="utf-8-sig"), Loader=_BaseLoader)
            except (OSError, yaml.YAMLError):
                roots[f.file] = None
        root = roots[f.file]
        if root is None:
            located.append(Finding(f.file, 1, 1, f.code, _with_source(f, None)))
            continue
        node = _node_at(root, f.path, f.at_key, index)
        mark = node.start_mark
        located.append(Finding(f.file, mark.line + 1, mark.column + 1, f.code, _with_source(f, node)))
    return sorted(located)
