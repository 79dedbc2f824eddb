"""Regimes: the law a document follows is data.

A project names its regimes in ``policy.regimes`` (``[pipa]``, ``[gdpr, uk_gdpr]``, ``[pipa, gdpr]``). The
first shapes the document; each further one adds its own section. Everything specific to one law is
declared in one :class:`Regime`, in its own package ``datamap/regimes/<key>/``: its templates (a root under
``templates/``, one folder per language), the languages they ship in, the inventory sections it needs, its
completeness rules (findings that name the article they serve), its notices, its example inventory for
``datamap init``, and its dated data files (country groups, adequacy decisions) under ``data/``.
Regimes that share their templates (GDPR and UK GDPR) form a family: one document or section serves both.

Adding a regime
---------------
1. Create ``datamap/regimes/<key>/__init__.py`` declaring ``REGIME = Regime(...)``, and add its key to
   :data:`_MODULES` below. Nothing of another regime changes.
2. Write its templates under ``templates/<root>/<lang>/``: ``policy.md.j2`` (the document when the regime
   comes first) and ``section.md.j2`` (its section when it comes later), and list them in ``templates``.
3. Put its country groups and decisions in ``datamap/regimes/<key>/data/*.yaml``, each naming its source.
4. Give it completeness rules (``completeness``), using finding codes of a range of its own, and an example
   inventory (``skeleton``) that passes ``datamap check``.
5. Add a fixture from a real public notice under that law, and a test that every fact of it comes out.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

#: the regime packages, in the order ``datamap init --help`` lists them
_MODULES = ("pipa", "gdpr", "uk_gdpr", "ccpa")


@dataclass(frozen=True)
class Regime:
    key: str
    name: str  # as the command line and findings name it: "PIPA", "EU GDPR"
    family: str  # regimes of one family share templates and one document section
    template_root: str  # folder under templates/ holding <lang>/...
    languages: tuple[str, ...]  # languages its templates ship in
    templates: tuple[str, ...]  # what a language needs, relative to <root>/<lang>/
    example_country: str  # the country `datamap init --regime` scaffolds
    skeleton: Path  # the example inventory `datamap init --regime` copies
    required_sections: tuple[str, ...] = ()  # inventory sections the documents need besides organization and policy
    #: its templates are also found by bare "<lang>/<name>" names: PIPA's, which lived in templates/<lang>/
    #: before regimes, so that a project's override there still wins (:func:`template_names`)
    bare_names: bool = False
    #: "module:function" names, resolved when used so that declaring a regime imports nothing heavy
    completeness: str | None = None  # (inventory) -> findings: disclosures the law asks for that have no facts
    consistency: str | None = None  # (inventory) -> findings: contradictions under this law
    document: str | None = None  # (facts, lang, templates_dir, regimes) -> Markdown: the document it shapes
    section: str | None = None  # (facts, lang, templates_dir, regimes) -> Markdown: its section in another's document
    notices: str | None = None  # (facts, graph, lang, templates_dir, pdf) -> {file name: content}
    #: (facts, graph) -> [(name, kind, subject)]: its notices for the downloads; absent: PIPA's or the GDPR family's list
    notice_list: str | None = None

    def template(self, lang: str, name: str) -> str:
        """A template's name in the loader: ``<root>/<lang>/<name>``."""
        return "/".join(part for part in (self.template_root, lang, name) if part)

    def call(self, hook: str, *args):
        target = getattr(self, hook)
        if target is None:
            return None
        return resolve(target)(*args)


def resolve(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _load() -> dict[str, Regime]:
    return {key: importlib.import_module(f"datamap.regimes.{key}").REGIME for key in _MODULES}


REGIMES: dict[str, Regime] = _load()


#: folders under templates/ that hold regimes' templates, and the one of the regime found by bare names too
_ROOTS = frozenset(r.template_root for r in REGIMES.values() if r.template_root) | {"site"}
_BARE = next((r.template_root for r in REGIMES.values() if r.bare_names and r.template_root), None)


def template_names(name: str) -> tuple[str, ...]:
    """The names a template is found by, the one asked for first.

    PIPA's templates were ``templates/<lang>/...`` before they moved to ``templates/pipa/<lang>/...``, and a
    project overrides them under either name: ``pipa/en/policy.md.j2`` is also found as ``en/policy.md.j2``,
    and ``en/policy.md.j2`` as ``pipa/en/policy.md.j2``. The loader searches a project's templates for every
    name before datamap's own. Templates shared by every regime (``<lang>/document.html.j2``,
    ``<lang>/site/words.j2``) stay under ``templates/<lang>/``; a project's file wins there as well.
    """
    head, _, rest = name.partition("/")
    if _BARE is None or not rest:
        return (name,)
    if head == _BARE:
        return (name, rest)
    if head in _ROOTS:
        return (name,)
    return (name, f"{_BARE}/{name}")


def regimes_of(inventory) -> list[Regime]:
    return [REGIMES[key] for key in inventory.policy.regimes]


def families(regimes: list[Regime]) -> list[list[Regime]]:
    """Regimes grouped by family, in the order the first of each appears: each group is one document or section."""
    groups: dict[str, list[Regime]] = {}
    for regime in regimes:
        groups.setdefault(regime.family, []).append(regime)
    return list(groups.values())
