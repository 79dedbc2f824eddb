"""Stage 6, site: the docs site's generated pages, in every language, from the inventory.

:func:`generate_pages` returns every generated file as text (Markdown pages and their SVG diagrams)
keyed by its path under ``site/``, and writes nothing. Pages come from the producers in
:data:`PRODUCERS`; each yields :class:`Page` records that say what a page is made from before it is
made, so ``datamap build`` (:mod:`datamap.site.build`) makes only the pages whose inputs changed and
``datamap check`` (:mod:`datamap.site.stale`) compares digests. Page layout under ``site/<lang>/``:

    policy.md               the current policy, linking to past versions and downloads
    policy/history.md       every version with its effective date; policy/v<version>.md: frozen texts
    processors.md  systems.md  items.md  purposes.md  fields.md  lineage.md  downloads.md
    processor/<id>.md  system/<id>.md (+ .svg)  item/<id>.md (+ .svg)  purpose/<id>.md
    storage.md              cookies and web storage (datamap.site.storage)
    changes/v<version>.md   what each version changed; policy/feed.xml: Atom feed of versions (datamap.site.changes)

Listing pages are named in the plural and entity pages live in singular folders, so no id (not even
``index``) can make two pages share a URL. Pages are rendered from language-neutral templates under
``templates/site/`` with the wording of ``templates/<lang>/site/words.j2``.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator
from pathlib import Path

import markdown
import networkx as nx
from markupsafe import Markup

from datamap.site import diagram
from datamap.site.record import MARKER, SVG_MARKER, is_generated  # noqa: F401  (is_generated: part of this module's interface)
from datamap.site.changes import FEED, annotate, changes_pages
from datamap.site.storage import PAGE as STORAGE_PAGE, storage_pages
from datamap.site.words import site_words

from datamap import language
from datamap.lineage import graph as g
from datamap.publish.downloads import Download, downloads
from datamap.confine import Escape, confined, inside
from datamap.errors import DatamapError
from datamap.inventory.load import display_path
from datamap.lineage.facts import processor_rows
from datamap.inventory.model import Inventory
from datamap.regimes import regimes_of
from datamap.publish.render import environment, md_escape, render_policy_markdown, template_problems
from datamap.publish.sandbox import render_bounded

#: a released version's name as it may appear in a URL
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_BLANK_LINES = re.compile(r"\n{3,}")
_TAGS = re.compile(r"<[^>]*>")
#: the attribute that names an entity of each kind, where it is not ``name``
_NAMED_BY = {"item": "label", "purpose": "title"}


class SiteError(DatamapError):
    """A project file the site is made from cannot be used (a released policy text that is not UTF-8)."""


def released_versions(project_dir: Path) -> dict[str, dict[str, str]]:
    """Frozen policy texts: ``<project>/versions/<version>/policy.<lang>.md`` -> {version: {lang: text}}."""
    root = Path(project_dir) / "versions"
    if not inside(root, project_dir):
        raise Escape(display_path(root))
    versions: dict[str, dict[str, str]] = {}
    if not root.is_dir():
        return versions
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or not _VERSION.match(folder.name):
            continue
        texts = {}
        for lang in sorted(p.name[len("policy."):-len(".md")] for p in folder.glob("policy.*.md")):
            path = folder / f"policy.{lang}.md"
            if not inside(path, project_dir):
                raise Escape(display_path(path))
            if path.exists() and not path.is_file():
                raise SiteError(f"{display_path(path)}: released policy text is not a regular file: not read")
            try:
                texts[lang] = path.read_text("utf-8")
            except FileNotFoundError:
                continue
            except (OSError, UnicodeDecodeError) as e:
                raise SiteError(f"{path}: released policy text cannot be read: {e}") from e
        if texts:
            versions[folder.name] = texts
    return versions


def _version_key(version: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[._-]", version))


def _history(inventory: Inventory, released: dict[str, dict[str, str]]) -> list[dict]:
    """Every version, newest first: version, effective date, summary, whether its frozen text is published.

    A released version keeps its own page even while it is the current one, so a link to it stays valid
    after the next release.
    """
    policy = inventory.policy
    rows = {old.version: {"version": old.version, "effective": old.effective, "summary": old.summary, "current": False} for old in policy.history}
    current = rows.setdefault(policy.version, {"version": policy.version, "summary": None})
    current.update(effective=policy.effective, current=True)
    for version in released:
        rows.setdefault(version, {"version": version, "effective": None, "summary": None, "current": False})
    for row in rows.values():
        row["published"] = row["version"] in released and _VERSION.match(row["version"]) is not None
    return sorted(rows.values(), key=lambda r: (r["effective"] is not None, r["effective"] or 0, _version_key(r["version"])), reverse=True)


def _retitle(text: str, title: str, banner: str) -> str:
    """A frozen policy text under the page's own title, with ``banner`` below it; the text is left as released."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if start < len(lines) and lines[start].startswith("# "):
        lines = lines[start + 1 :]
    return "\n".join([f"# {title}", "", banner, "", *lines]) + "\n"


@lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> Markup:
    return Markup(posixpath.relpath(target, folder))


def _with_title(page: str) -> str:
    """The page with its title in front matter, as the HTML its first heading renders to.

    mkdocs takes a page's title from its first heading and un-escapes it, and the theme inserts it in
    ``<title>`` unescaped: a heading showing ``<script>`` would become a script there. A title given in
    front matter is used as written, so it is given already escaped.
    """
    first = page.split("\n", 1)[0]
    if not first.startswith("# "):
        return page
    html = _TAGS.sub("", markdown.markdown(first[2:])).strip()
    return f"---\ntitle: {json.dumps(html, ensure_ascii=False)}\n---\n\n{page}"


class _Pages:
    """Renders the pages of one language."""

    def __init__(self, inventory: Inventory, graph: nx.MultiDiGraph, lang: str, templates_dir: Path | None) -> None:
        self.inventory, self.graph, self.lang, self.templates_dir = inventory, graph, lang, templates_dir
        self.env = environment(lang, templates_dir)
        with template_problems(f"{lang}/site/words.j2", templates_dir):
            self.words = site_words(self.env, regimes_of(inventory), lang)
        #: entities by id, for templates (built once: pages look them up for every row)
        self.ids = {section: inventory.by_id(section) for section in ("items", "processors", "laws", "systems", "purposes", "data_subjects")}

    def render(self, template: str, here: str, **context) -> str:
        folder = posixpath.dirname(here)

        def href(target: str) -> Markup:
            """A link from this page to ``target``: a path under site/<lang>/, or under site/ when it starts with '/'."""
            return _relative(target[1:] if target.startswith("/") else f"{self.lang}/{target}", folder)

        def link(kind: str, entity) -> Markup:
            """A Markdown link to an entity's page, named in this page's language (a function: pages call it per row)."""
            name = language.text(getattr(entity, _NAMED_BY.get(kind, "name")), self.lang)
            return Markup(f"[{md_escape(name)}]({href(f'{kind}/{entity.id}.md')})")

        with template_problems(f"site/{template}.md.j2", self.templates_dir):
            text = render_bounded(
                self.env.get_template(f"site/{template}.md.j2"), f"site/{template}.md.j2", w=self.words, inv=self.inventory, ids=self.ids, href=href, link=link, here=here, lang=self.lang, **context
            )
        return _with_title(_BLANK_LINES.sub("\n\n", text).strip("\n") + "\n\n" + MARKER + "\n")


@dataclass
class Page:
    """One generated file, not made yet: ``make`` returns its text (a diagram's: its DOT source)."""

    path: str  # under site/
    inputs: str  # digest of what it is made from (datamap.site.inputs)
    make: Callable[[], str]
    diagram: bool = False


class Site:
    """What page producers share: the inventory, its graph, the released texts, the downloads, and one
    renderer per language (made when a page first needs it)."""

    def __init__(self, inventory: Inventory, graph: nx.MultiDiGraph, project_dir: Path | str, templates_dir: Path | None = None,
                 everything: str | None = None) -> None:
        from datamap.site.inputs import Inputs
        from datamap.site.record import digest

        project_dir = Path(project_dir)
        if templates_dir is None and (project_dir / "templates").is_dir():
            templates_dir = confined(project_dir / "templates", project_dir)
        self.inventory, self.graph, self.project_dir, self.templates_dir = inventory, graph, project_dir, templates_dir
        self.released = released_versions(project_dir)
        self.history = _history(inventory, self.released)
        annotate(self.history, project_dir)
        #: digest of the whole inventory and released texts: the input of pages that show all of it
        self.everything = everything or digest(inventory.model_dump_json(), json.dumps(self.released, sort_keys=True))
        self.inputs = Inputs(inventory, graph, self.everything, templates_dir)
        self._renderers: dict[str, _Pages] = {}
        self._lineage: dict[tuple[str, str], dict] = {}

    @cached_property
    def available(self) -> list[Download]:
        """The downloads (listing them computes the policy's facts: done only when a page lists them)."""
        return downloads(self.inventory, self.graph, self.project_dir, self.templates_dir)

    @cached_property
    def facts(self):
        """The policy's facts, computed once for the policy pages of every language."""
        from datamap.lineage import facts_of

        return facts_of(self.inventory, self.graph)

    def renderer(self, lang: str) -> _Pages:
        if lang not in self._renderers:
            self._renderers[lang] = _Pages(self.inventory, self.graph, lang, self.templates_dir)
        return self._renderers[lang]

    def lineage(self, kind: str, entity_id: str) -> dict:
        """The lineage record of one entity (node names), shared by its pages and diagrams in every language."""
        key = (kind, entity_id)
        if key not in self._lineage:
            graph = self.graph
            if kind == "item":
                found = g.item_lineage(graph, entity_id)
            elif kind == "system":
                found = g.system_lineage(graph, entity_id)
            elif kind == "processor":
                found = g.processor_lineage(graph, entity_id)
            else:
                node = g.node("purpose", entity_id)
                found = {"purpose": node, "systems": g._sources(graph, node, "serves"), "items": g.items_of_purpose(graph, entity_id)}
            self._lineage[key] = found
        return self._lineage[key]


def policy_pages(site: Site, lang: str) -> Iterator[Page]:
    """The current policy and the frozen text of every released version."""
    def policy() -> str:
        pages = site.renderer(lang)
        text = Markup(render_policy_markdown(site.facts, lang, site.templates_dir))
        own = [d for d in site.available if d.lang == lang]
        return pages.render("policy", f"{lang}/policy.md", policy=text, history=site.history, downloads=own)

    yield Page(f"{lang}/policy.md", site.everything, policy)
    for row in site.history:
        if row["published"]:
            here = f"{lang}/policy/v{row['version']}.md"
            yield Page(here, site.everything, lambda row=row, here=here: _frozen(site, lang, row, here))


def _frozen(site: Site, lang: str, row: dict, here: str) -> str:
    pages = site.renderer(lang)
    texts = site.released[row["version"]]
    frozen_lang = lang if lang in texts else next(iter(texts))
    banner = pages.render("version", here, row=row, frozen_lang=frozen_lang).replace(MARKER, "").rstrip()
    title = pages.words["version_title"].replace("{version}", row["version"])
    return _with_title(_retitle(texts[frozen_lang], title, banner).rstrip("\n") + "\n\n" + MARKER + "\n")


def listing_pages(site: Site, lang: str) -> Iterator[Page]:
    """One page per section listing its entities, the lineage overview, the downloads and the version history."""
    inv = site.inventory

    def fields() -> list:
        return sorted(((f, s) for s in inv.systems for f in s.fields), key=lambda fs: (fs[0].name.lower(), fs[0].name, fs[1].id))

    listings = {
        "systems": lambda: {"systems": inv.systems},
        "items": lambda: {"items": inv.items},
        "purposes": lambda: {"purposes": inv.purposes},
        "processors": lambda: {"rows": processor_rows(inv, site.graph)},
        "fields": lambda: {"fields": fields()},
        "lineage": lambda: {},
        "downloads": lambda: {"downloads": [d for d in site.available if d.lang == lang]},
    }
    for name, context in listings.items():
        here = f"{lang}/{name}.md"
        yield Page(here, site.everything, lambda name=name, here=here, context=context: site.renderer(lang).render(name, here, **context()))
    here = f"{lang}/policy/history.md"
    yield Page(here, site.everything, lambda: site.renderer(lang).render("history", here, history=site.history))


def entity_pages(site: Site, lang: str) -> Iterator[Page]:
    """A page for every item, system, processor and purpose."""
    inv, graph = site.inventory, site.graph

    def page(kind: str, entity) -> Page:
        here = f"{lang}/{kind}/{entity.id}.md"
        record = site.lineage(kind, entity.id)

        def make() -> str:
            if kind == "purpose":
                context = {"systems": [g.entity(graph, n) for n in record["systems"]], "items": [g.entity(graph, n) for n in record["items"]]}
            else:
                context = {"lin": _entities(graph, record)}
            return site.renderer(lang).render(kind, here, **{kind: entity}, **context)

        return Page(here, site.inputs.of(record), make)

    for kind, section in (("item", inv.items), ("system", inv.systems), ("processor", inv.processors), ("purpose", inv.purposes)):
        for entity in section:
            yield page(kind, entity)


def diagrams(site: Site, lang: str) -> Iterator[Page]:
    """The lineage overview, and a diagram for every item and every system, as DOT sources."""
    inv, graph = site.inventory, site.graph

    def methods() -> dict:
        return site.renderer(lang).words["methods"]

    def legend():
        return site.renderer(lang).words.get("diagram_legend")

    yield Page(f"{lang}/lineage.svg", site.everything, lambda: diagram.overview_dot(inv, graph, lang, methods(), legend()), diagram=True)
    for kind, section, dot in (("item", inv.items, diagram.item_dot), ("system", inv.systems, diagram.system_dot)):
        for entity in section:
            yield Page(
                f"{lang}/{kind}/{entity.id}.svg", site.inputs.of(site.lineage(kind, entity.id)),
                lambda dot=dot, entity_id=entity.id: dot(inv, graph, lang, entity_id, methods(), legend()), diagram=True,
            )


def storage(site: Site, lang: str) -> Iterator[Page]:
    """The cookies and web storage page (:mod:`datamap.site.storage`)."""
    here = f"{lang}/{STORAGE_PAGE}"
    yield Page(here, site.everything, lambda: storage_pages(site.renderer(lang))[here])


def changes(site: Site, lang: str) -> Iterator[Page]:
    """What each version changed, and the Atom feed of versions (:mod:`datamap.site.changes`), made together."""
    made: dict[str, str] = {}

    def make(path: str) -> str:
        if not made:
            made.update(changes_pages(site.renderer(lang), site.history, site.project_dir))
        return made.pop(path)

    paths = [f"{lang}/changes/v{row['version']}.md" for row in site.history if row.get("changes_page")] + [f"{lang}/{FEED}"]
    for path in paths:
        yield Page(path, site.everything, lambda path=path: make(path))


#: Every producer of generated pages, called once per language; add a page kind by adding its producer.
PRODUCERS: list[Callable[[Site, str], Iterable[Page]]] = [policy_pages, listing_pages, entity_pages, storage, changes, diagrams]


def plan_pages(site: Site) -> list[Page]:
    """Every generated file of the site, not made yet, in path order."""
    planned = [page for lang in site.inventory.policy.languages for producer in PRODUCERS for page in producer(site, lang)]
    return sorted(planned, key=lambda page: page.path)


def make_pages(pages: Iterable[Page], progress=None, done: int = 0, total: int | None = None,
               large: dict[str, str] | None = None) -> dict[str, str]:
    """The text of each page; diagrams are drawn together, in batches of ``dot`` processes.

    ``progress(stage, done, total)``, when given, is told of the pages made (counted from ``done``) and the
    diagrams drawn. With ``large``, the DOT sources of large diagrams go there (path -> source), not drawn.
    """
    texts: dict[str, str] = {}
    sources: dict[str, str] = {}
    for page in pages:
        if page.diagram:
            source = page.make()
            if large is not None and source.count("\n") > diagram._LARGE:
                large[page.path] = source
            else:
                sources[page.path] = source
        else:
            texts[page.path] = page.make()
            if progress and (len(texts) % 100 == 0):
                progress("pages", done + len(texts), total)
    if progress and texts:
        progress("pages", done + len(texts), total)
    texts.update(draw(sources, progress))
    return texts


def draw(sources: dict[str, str], progress=None) -> dict[str, str]:
    """The SVG files of diagrams, by path, from their DOT sources."""
    texts = {}
    for path, svg in diagram.render_svgs(sources, progress).items():
        head, _, body = svg.partition("\n")
        texts[path] = f"{head}\n{SVG_MARKER}\n{body}"
    return texts


def _entities(graph: nx.MultiDiGraph, lineage: dict) -> dict:
    """A lineage record with node names replaced by their inventory entities (countries kept as pairs)."""
    def resolve(value):
        if isinstance(value, str) and value in graph:
            return graph.nodes[value]["entity"]
        if isinstance(value, tuple):
            return (resolve(value[0]), value[1])
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    out = {key: resolve(value) for key, value in lineage.items()}
    if "fields" in lineage:
        out["field_systems"] = [(graph.nodes[f]["entity"], graph.nodes[g.system_of_field(graph, f)]["entity"]) for f in lineage["fields"]]
    return out


def generate_pages(inventory: Inventory, graph: nx.MultiDiGraph, project_dir: Path | str, templates_dir: Path | None = None,
                   progress=None) -> dict[str, str]:
    """Every generated file of the site: relative path under site/ -> text. Writes nothing.

    ``progress(stage, done, total)``, when given, is told of the pages and diagrams made so far.
    """
    texts = make_pages(plan_pages(Site(inventory, graph, project_dir, templates_dir)), progress)
    return dict(sorted(texts.items()))
