"""Stage 5, render: policy facts -> Markdown, CSV and JSON through Jinja2 templates.

Templates are looked up first in the project's own templates directory, then in datamap's defaults,
so a project overrides any template by a file of the same name. All templates run in a sandboxed
environment. Every value a template inserts is escaped for Markdown unless it is marked safe.
"""

from __future__ import annotations

import csv
import io
import json
import re
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from datamap import language
from datamap.errors import TemplateProblem
from datamap.lineage.facts import PolicyFacts, policy_facts, processor_rows
from datamap.gcpause import paused_gc
from datamap.inventory.model import ANY_LANGUAGE, Inventory

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|>#])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def default_templates_dir() -> Path:
    """Templates shipped inside the wheel, or the source tree's top-level templates/."""
    packaged = Path(str(resources.files("datamap"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def md_escape(value: str) -> str:
    """Make inventory text inert in Markdown: no markup, no raw HTML, no table breaks."""
    value = _ENTITY_LIKE.sub("&amp;", value)
    value = value.replace("<", "&lt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return " ".join(value.split())


def _finalize(value):
    if value is None:
        return ""
    if isinstance(value, (Markup, int)):
        return value
    return md_escape(str(value))


def _text_in(lang: str):
    """The ``t`` filter: a Text in ``lang``, never silently in another language.

    The command line reports missing texts beforehand as E401 findings; this is the last guard.
    """

    def text(value):
        if value and lang not in value and ANY_LANGUAGE not in value:
            raise jinja2.TemplateRuntimeError(f"no '{lang}' text in {dict(value)!r}")
        return language.text(value, lang)

    return text


def _capfirst(value: str) -> str:
    return value[:1].upper() + value[1:]


_BYTECODE_CACHE = jinja2.FileSystemBytecodeCache()


def environment(lang: str, templates_dir: Path | None = None) -> SandboxedEnvironment:
    """The template environment of one language and project.

    Compiled templates are kept in Jinja's bytecode cache (a per-user directory, keyed by each template's
    source, rebuilt when missing), so a template is compiled once, not on every run.
    """
    search = [str(templates_dir)] if templates_dir and Path(templates_dir).is_dir() else []
    search.append(str(default_templates_dir()))
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(search),
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
    )
    env.globals["lang"] = lang
    return env


@contextmanager
def template_problems(name: str):
    """Template errors (a project's own overriding templates among them) as one-line TemplateProblems."""
    try:
        yield
    except jinja2.TemplateNotFound as e:
        raise TemplateProblem(f"template not found: {e.name}") from e
    except jinja2.TemplateSyntaxError as e:
        raise TemplateProblem(f"{e.filename or e.name}:{e.lineno}: template syntax error: {e.message}") from e
    except jinja2.TemplateError as e:
        raise TemplateProblem(f"template error in {name}: {e}") from e


def render_template(name: str, lang: str, templates_dir: Path | None = None, **context) -> str:
    with template_problems(f"{lang}/{name}"):
        return environment(lang, templates_dir).get_template(f"{lang}/{name}").render(**context)


@paused_gc()
def render_policy_markdown(facts: PolicyFacts, lang: str, templates_dir: Path | None = None) -> str:
    return render_template("policy.md.j2", lang, templates_dir, facts=facts, inv=facts.inventory)


def render_policy(inventory: Inventory, graph: nx.MultiDiGraph, lang: str = "en", templates_dir: Path | None = None) -> str:
    return render_policy_markdown(policy_facts(inventory, graph), lang, templates_dir)


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
                "sub_processors": [
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
        return render_template("processors.md.j2", lang, templates_dir, rows=processor_rows(inventory, graph), inv=inventory)
    records = processor_records(inventory, graph, lang)
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "country", "items", "tasks", "sub_processors", "overseas", "contact", "contract"])
    for r in records:
        subs = "; ".join(f"{s['name']} ({s['country']}): {s['task']}" for s in r["sub_processors"])
        writer.writerow([r["id"], r["name"], r["country"], "; ".join(r["items"]), "; ".join(r["tasks"]), subs, str(r["overseas"]).lower(), r["contact"] or "", r["contract"] or ""])
    return out.getvalue()
