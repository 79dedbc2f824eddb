"""Findings: problems in an inventory, reported as data and printed by swappable formatters.

A finding points at a file and either a line and column, or a path of keys inside the file's YAML
document (``("systems", 2, "fields", 0, "item")``); paths are turned into line and column by
:func:`datamap.inventory.load.locate`, only for files that have findings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning"]

#: Every finding code, with what it means. Codes starting with E are errors, W warnings.
CODES: dict[str, str] = {
    "E101": "YAML syntax error",
    "E102": "duplicate key in one mapping",
    "E103": "unsafe or unknown YAML tag",
    "E104": "alias expansion too large or recursive",
    "E105": "file is not UTF-8",
    "E106": "empty file",
    "E107": "file cannot be read",
    "E108": "no inventory files",
    "E109": "symlink or path that leads outside the project",
    "E110": "bidirectional formatting character in inventory text",
    "E111": "template runs longer than its time limit",
    "E112": "template uses more memory or output than its limit",
    "E113": "template recursion without end",
    "E114": "template file is not UTF-8",
    "E115": "template file that leads outside its directory or is not a regular file",
    "E116": "template operation refused by the sandbox",
    "E118": "generated file name too long for the file system",
    "E119": "special file or symlink where a generated file belongs",
    "W109": "temporary file left behind by an interrupted build",
    "E201": "unknown key",
    "E202": "missing required value",
    "E203": "wrong type or invalid value",
    "E204": "duplicate id",
    "E205": "reference to an id that does not exist",
    "E206": "section defined more than once",
    "E207": "period of zero length or longer than a hundred years",
    "E208": "country code that is not an ISO 3166-1 code",
    "E209": "malformed email address",
    "E210": "value read by YAML as a boolean, number, date or null where text is expected",
    "E211": "text longer than the limit for its kind",
    "E212": "policy version recorded twice in the change history",
    "E213": "released policy version given another effective date",
    "E301": "processor with no task",
    "E302": "system abroad with no overseas-transfer details",
    "E310": "item reaching a processor that its declared items leave out",
    "E311": "retention rule that says nothing about how long",
    "E312": "no third parties declared while third parties are listed",
    "E313": "no automated decisions declared while automated decisions are listed",
    "E401": "text missing in the language a document is rendered in",
    "W301": "item collected but used for no purpose",
    "W302": "item with no retention rule",
    "W303": "item collected but stored in no system",
    "W304": "item declared but never collected",
    "W305": "overseas recipient with no contact",
    "W306": "processor that operates no system",
    "W401": "text missing in an output language",
    "W501": "no remedies for infringement of rights",
    "W502": "no change history of the policy",
    "W503": "foreign business with no domestic agent",
    "W504": "no statement on children under 14",
    "W505": "children under 14 without the legal representative's consent details",
    "W506": "web storage with no way to refuse it",
    "W507": "third-party web storage with no provider",
    "E601": "hand-written file where a generated site page belongs",
    "E900": "item collected by the app with no store data type (app_label)",
    "E901": "app_label that names no store data type",
    "E902": "item collected by the app with no data type for the store being exported",
    "E903": "item collected by the app that serves no purpose",
    "E904": "purpose using data the app collects with no store_purpose",
    "E905": "third party receiving data the app collects with no store_purpose",
    "E907": "app-store label asked for, but no collection point is in_app",
    "E910": "item with no Fides data category (fides_category)",
    "E911": "purpose with no Fides data use (fides_use)",
    "E920": "Fides manifest that cannot be read",
    "E921": "Fides resource that fideslang rejects",
    "W900": "app_label on an item the app does not collect",
    "W920": "Fides fact with no place in the inventory",
    "W921": "inventory fact Fides does not hold: add it to the imported inventory",
    "E602": "generated site files out of date (one finding for all of them)",
    "E603": "generated file no longer made from the inventory",
    "E604": "init: no place a CI runner could install this datamap from (pass --install-from)",
    "E701": "generated file out of date: the inventory, templates or datamap changed, or it was edited",
    "E702": "generated file missing",
}


#: control characters (C0, DEL, C1) and bidirectional formatting characters, as they are shown on a terminal
_SHOWN = {
    **{code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]},
    **{ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"},
    **{code: f"\\u{code:04x}" for code in [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
}


def printable(text: str) -> str:
    """``text`` with every control and bidirectional formatting character written as an escape (``\\n``,
    ``\\x1b``, ``\\u202e``): what reaches a terminal is one line that reads as it is."""
    return text.translate(_SHOWN)


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int = 0
    col: int = 0
    code: str = ""
    message: str = ""
    #: where in the file's document the problem is, when line/col are not known yet
    path: tuple = field(default=(), compare=False)
    #: point at the key of the last path element rather than its value (unknown keys)
    at_key: bool = field(default=False, compare=False)
    #: the message holds ``{source}``, to be replaced by the value as written in the file
    source_hint: bool = field(default=False, compare=False)

    @property
    def severity(self) -> Severity:
        return "warning" if self.code.startswith("W") else "error"

    def __str__(self) -> str:
        if not self.line:  # a path that does not exist, or a whole file: no position to give
            return printable(f"{self.file}: {self.code} {self.message}")
        return printable(f"{self.file}:{self.line}:{self.col}: {self.code} {self.message}")


def has_errors(findings: Iterable[Finding], strict: bool = False) -> bool:
    """True when any finding fails the run: errors always, warnings under ``--strict``."""
    return any(strict or f.severity == "error" for f in findings)


def format_text(findings: list[Finding]) -> str:
    lines = [str(f) for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if findings:
        lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(findings: list[Finding]) -> str:
    records = [
        {
            "file": f.file,
            "line": f.line or None,
            "col": f.col or None,
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
        }
        for f in findings
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _escape_annotation(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_annotation(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands, so findings show inline on a pull request."""
    out = []
    for f in findings:
        position = f",line={f.line},col={f.col}" if f.line else ""
        props = f"file={_escape_property(f.file)}{position},title={f.code}"
        out.append(f"::{f.severity} {props}::{_escape_annotation(f.code + ' ' + f.message)}")
    return "\n".join(out) + ("\n" if out else "")


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
