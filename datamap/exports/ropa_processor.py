"""The processor's record of processing (GDPR Art 30(2)): one row per controller the organization serves.

The columns follow the ICO's "Documentation template for processors" (UK GDPR Art 30(2)), which asks,
per controller, for its name and contact details and those of its representative and data protection
officer, the processor's own, the categories of processing carried out on its behalf, the third countries
data goes to with the safeguards of the transfers, a general description of the technical and
organisational security measures, and the contract with the controller; the location of the data
follows its controller template. Art 30(2)(a) also names "the processor or processors": the
sub-processors engaged for the controller's data.

Everything is derived from ``organization.controllers_served``: the processing it states and the titles
of the purposes it refers to; the systems it refers to (their location, and the processors that operate
them); the transfers to those processors outside the EEA (or the UK), with their safeguards; the
organization's security measures. Nothing it does not declare is printed.
"""

from __future__ import annotations

import networkx as nx

from datamap import language
from datamap.exports.ropa import Column, _contact, _controller, _cover, _gdpr_transfers, _lines, _person, _representatives, _security
from datamap.inventory.model import ControllerServed, Inventory

COLUMNS = [
    Column("controller", "Controller: name and contact details", 30),
    Column("controller_representative", "Controller's representative", 24),
    Column("controller_dpo", "Controller's data protection officer", 24),
    Column("processor", "Processor: name and contact details", 30),
    Column("processor_representative", "Processor's representative", 24),
    Column("processor_dpo", "Processor's data protection officer", 24),
    Column("processing", "Categories of processing carried out on behalf of the controller", 40),
    Column("sub_processors", "Sub-processors (country): tasks", 36),
    Column("transfers", "Transfers to third countries (country, recipient)", 30),
    Column("safeguards", "Safeguards for the transfers", 36),
    Column("security", "General description of technical and organisational security measures", 50),
    Column("location", "Location of personal data (systems)", 30),
    Column("contract", "Contract with the controller", 30),
]
TITLE = "Record of processing activities carried out on behalf of controllers (GDPR Art 30(2))"
SHEET = "Art 30(2) record"


def _representative(served: ControllerServed, lang: str) -> str:
    r = served.representative
    return _contact(r, lang) if r is not None else ""


def processor_rows(inventory: Inventory, graph: nx.MultiDiGraph) -> list[list[str]]:
    """Art 30(2): one row per controller served, in the inventory's order."""
    lang = "en"
    org = inventory.organization
    purposes = inventory.by_id("purposes")
    systems = inventory.by_id("systems")
    processors = inventory.by_id("processors")
    security = _security(inventory, lang)
    transfers = _gdpr_transfers(inventory, graph)
    processor = _controller(inventory, lang)  # the organization: a processor here
    rows = []
    for served in inventory.organization.controllers_served:
        held = [systems[s] for s in served.systems if s in systems]
        engaged = [processors[p] for p in dict.fromkeys([s.operator for s in held] + served.processors) if p in processors]
        engaged_ids = {p.id for p in engaged}
        here = [t for t in transfers if t.kind == "processor" and t.recipient.id in engaged_ids]
        cells = {
            "controller": _contact(served, lang),
            "controller_representative": _representative(served, lang),
            "controller_dpo": _person(served.dpo, lang),
            "processor": processor,
            "processor_representative": _representatives(inventory, lang),
            "processor_dpo": _person(org.dpo, lang),
            "processing": _lines([language.text(p, lang) for p in served.processing]
                                 + [language.text(purposes[p].title, lang) for p in served.purposes if p in purposes]),
            "sub_processors": _lines(f"{language.text(p.name, lang)}{f' ({p.country})' if p.country else ''}: "
                                     f"{'; '.join(language.text(t, lang) for t in p.tasks)}" for p in engaged),
            "transfers": _lines(f"{language.country(t.country, lang)}, {language.text(t.recipient.name, lang)}" for t in here),
            "safeguards": _lines(f"{language.text(t.recipient.name, lang)}: {'; '.join(_cover(c) for c in t.covers)}" for t in here if t.covers),
            "security": security,
            "location": _lines(f"{language.text(s.name, lang)} ({inventory.system_country(s)})" for s in held),
            "contract": served.contract or "",
        }
        rows.append([cells[c.key] for c in COLUMNS])
    return rows
