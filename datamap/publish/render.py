"""Stage 5, render: policy facts -> Markdown, CSV and JSON through Jinja2 templates.

Templates are looked up first in the project's own templates directory, then in datamap's defaults,
so a project overrides any template by a file of the same name. All templates run in a sandboxed
environment. Every value a template inserts is escaped for Markdown unless it is marked safe.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from datamap import language
from datamap.errors import TemplateBug, TemplateProblem
from datamap.lineage import facts_of
from datamap.lineage.facts import PolicyFacts, processor_rows
from datamap.gcpause import paused_gc
from datamap.inventory.model import ANY_LANGUAGE, Inventory
from datamap.publish import default_templates_dir  # noqa: F401 - imported from here by most modules
from datamap.publish.cells import csv_text
from datamap.publish.sandbox import BoundedEnvironment, ConfinedLoader, bounded, render_bounded
from datamap.regimes import REGIMES, template_names

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|>#])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def md_escape(value: str) -> str:
    """Make inventory text inert in Markdown: no markup, no raw HTML, no table breaks."""
    value = _ENTITY_LIKE.sub("&amp;", value)
    value = value.replace("<", "&lt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return " ".join(value.split())


_LINKABLE = re.compile(r"https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~%/?#=&+,;:@!$'*-]*)?")


def autolink(value: str) -> Markup:
    """A web address as a Markdown autolink (clickable in HTML and PDF); anything else as escaped text."""
    value = str(value)
    if _LINKABLE.fullmatch(value):
        return Markup(f"<{value}>")
    return Markup(md_escape(value))


def _finalize(value):
    if value is None:
        return ""
    if isinstance(value, (Markup, int)):
        return value
    return md_escape(str(value))


class MissingText(jinja2.TemplateRuntimeError):
    """A text with no version in the document's language: the inventory's problem, not a template's."""


def _text_in(lang: str):
    """The ``t`` filter: a Text in ``lang``, never silently in another language.

    The command line reports missing texts beforehand as E401 findings; this is the last guard.
    """

    def text(value):
        if value and lang not in value and ANY_LANGUAGE not in value:
            raise MissingText(f"no '{lang}' text in {dict(value)!r}")
        return language.text(value, lang)

    return text


def _capfirst(value: str) -> str:
    return value[:1].upper() + value[1:]


#: compiled code depends on the operators the sandbox intercepts: kept apart from other Jinja caches
_BYTECODE_CACHE = jinja2.FileSystemBytecodeCache(pattern="__datamap_bounded_%s.cache")


def environment(lang: str, templates_dir: Path | None = None) -> BoundedEnvironment:
    """The template environment of one language and project.

    Compiled templates are kept in Jinja's bytecode cache (a per-user directory, keyed by each template's
    source, rebuilt when missing), so a template is compiled once, not on every run.
    """
    roots = ([Path(templates_dir)] if templates_dir and Path(templates_dir).is_dir() else []) + [default_templates_dir()]
    env = BoundedEnvironment(
        loader=ConfinedLoader([str(root) for root in roots], template_names),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        extensions=["jinja2.ext.do"],
        bytecode_cache=_BYTECODE_CACHE,
    )
    env.filters.update(
        t=_text_in(lang),
        josa=language.particle,
        duration=lambda value: language.duration(value, lang),
        date=lambda value: language.date(value, lang),
        country=lambda value: language.country(value, lang),
        join_words=lambda words, conjunction=None: language.join(list(words), lang, conjunction),
        capfirst=_capfirst,
        extract_from=lambda key, mapping: mapping[key],
        md=lambda value: Markup(md_escape(str(value))),
        law_name=lambda law: language.law(language.text(law.name, lang), language.text(law.article, lang) if law.article else None, lang),
        autolink=autolink,
    )
    env.tests["contains"] = lambda sequence, value: value in (sequence or ())
    env.globals["lang"] = lang
    return env


def _failing_template(error: BaseException) -> str | None:
    """The file of the innermost template frame in the error's traceback (Jinja names code after the template)."""
    found, tb = None, error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = filename
        tb = tb.tb_next
    return found


def _in_project(filename: str | None, templates_dir: Path | None) -> bool:
    if not filename or templates_dir is None:
        return False
    try:
        Path(filename).resolve().relative_to(Path(templates_dir).resolve())
    except (OSError, ValueError):
        return False
    return True


@contextmanager
def template_problems(name: str, templates_dir: Path | None = None):
    """Template errors as one-line problems.

    An error in a project's own overriding template (``templates_dir``) is the project's problem
    (TemplateProblem, exit 1); an error raised while one of datamap's own templates renders a valid
    inventory is a bug in datamap (TemplateBug, exit 3).

    The block runs under the sandbox's watchdog (:func:`datamap.publish.sandbox.bounded`).
    """
    try:
        with bounded(name):
            yield
    except jinja2.TemplateNotFound as e:
        raise TemplateProblem(f"template not found: {e.name}") from e
    except jinja2.TemplateSyntaxError as e:
        if e.filename and not _in_project(e.filename, templates_dir):
            raise TemplateBug(f"{e.filename}:{e.lineno}: template syntax error: {e.message}") from e
        raise TemplateProblem(f"{e.filename or e.name}:{e.lineno}: template syntax error: {e.message}") from e
    except jinja2.TemplateError as e:
        where = _failing_template(e)
        if where is not None and not _in_project(where, templates_dir) and not isinstance(e, MissingText):
            raise TemplateBug(f"template error in {name} ({Path(where).name}): {e}") from e
        raise TemplateProblem(f"template error in {name}: {e}") from e


def render_path(path: str, lang: str, templates_dir: Path | None = None, **context) -> str:
    """Render the template at ``path`` (a regime's ``<root>/<lang>/<name>``) in ``lang``."""
    with template_problems(path, templates_dir):
        return render_bounded(environment(lang, templates_dir).get_template(path), path, **context)


@paused_gc()
def render_policy_markdown(facts: PolicyFacts, lang: str, templates_dir: Path | None = None) -> str:
    """The policy of the inventory's regimes: the first shapes it, each further one adds its section."""
    from datamap.regimes.document import render_document

    return render_document(facts, lang, templates_dir)


def render_policy(inventory: Inventory, graph: nx.MultiDiGraph, lang: str = "en", templates_dir: Path | None = None) -> str:
    return render_policy_markdown(facts_of(inventory, graph), lang, templates_dir)


# --- the processor table -----------------------------------------------------------------------


def processor_records(inventory: Inventory, graph: nx.MultiDiGraph, lang: str) -> list[dict]:
    """Processor table rows as plain records, for CSV, JSON and other tools."""
    records = []
    for row in processor_rows(inventory, graph):
        p = row.processor
        records.append(
            {
                "id": p.id,
                "name": language.text(p.name, lang),
                "country": p.country,
                "items": [language.text(label, lang) for label in row.labels],
                "item_ids": [item.id for item in row.items],
                "tasks": [language.text(task, lang) for task in p.tasks],
                # null: not declared; []: declared that there are none
                "sub_processors": None if p.sub_processors is None else [
                    {"name": language.text(s.name, lang), "country": s.country, "task": language.text(s.task, lang)} for s in p.sub_processors
                ],
                "overseas": row.overseas,
                "contact": p.contact,
                "contract": p.contract,
            }
        )
    return records


def render_processors(inventory: Inventory, graph: nx.MultiDiGraph, fmt: str, lang: str = "en", templates_dir: Path | None = None) -> str:
    if fmt == "md":
        from datamap.regimes import regimes_of

        name = regimes_of(inventory)[0].template(lang, "processors.md.j2")
        with template_problems(name, templates_dir):  # the first regime's list, else PIPA's (entrustees)
            template = environment(lang, templates_dir).select_template([name, REGIMES["pipa"].template(lang, "processors.md.j2")])
            return render_bounded(template, name, rows=processor_rows(inventory, graph), inv=inventory)
    records = processor_records(inventory, graph, lang)
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    rows = []
    for r in records:
        if r["sub_processors"] is None:  # not declared
            subs = ""
        else:
            subs = "; ".join(f"{s['name']} ({s['country']}): {s['task']}" for s in r["sub_processors"]) or "none"
        rows.append([r["id"], r["name"], r["country"] or "", "; ".join(r["items"]), "; ".join(r["tasks"]), subs, str(r["overseas"]).lower(), r["contact"] or "", r["contract"] or ""])
    return csv_text(["id", "name", "country", "items", "tasks", "sub_processors", "overseas", "contact", "contract"], rows)
