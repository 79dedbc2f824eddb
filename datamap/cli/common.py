"""What every command shares: exit codes, loading and reporting the inventory, writing output, languages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from datamap.confine import project_dir
from datamap.errors import UsageError
from datamap.findings import format_text, has_errors, printable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_INVENTORY = "inventory"
DEFAULT_NOTICES = "build/notices"
FORMAT_HELP = "text (default), json, or github (workflow annotations)"
#: the formats each document is rendered in; the first is the default (notices: html and pdf together)
RENDER_FORMATS = {"policy": ("md", "html", "pdf"), "processors": ("md", "csv", "json"), "notices": ("html", "pdf")}




def templates_dir(args) -> Path | None:
    if getattr(args, "templates", None):
        path = Path(args.templates)
        if not path.is_dir():
            raise UsageError(f"templates directory not found: {path}")
        return path
    return project_dir(args.inventory, "templates")


def say(message: str) -> None:
    """One message on standard error, each of its lines with control characters escaped."""
    sys.stderr.write("".join(printable(line) + "\n" for line in str(message).split("\n")))


def emit(text: str | bytes, output: str | None) -> None:
    if output:
        from datamap.output import write_atomic

        write_atomic(output, text)
    elif isinstance(text, bytes):
        sys.stdout.buffer.write(text)
    else:
        sys.stdout.write(text)


def load(args, extra_checks: Callable | None = None):
    """Check the inventory; print findings to stderr. Returns (inventory, findings, failed)."""
    from datamap.inventory.validate import check_inventory

    inventory, findings = check_inventory(args.inventory, extra_checks)
    failed = inventory is None or has_errors(findings, getattr(args, "strict", False))
    if findings:
        sys.stderr.write(format_text(findings))
    return inventory, findings, failed


def language_errors(lang: str | None, args=None) -> Callable | None:
    """E401 for each text missing in ``lang``: a document in that language must not fall back to another.

    With ``args`` (a command that writes documents), also E801/E803: ``lang`` must be one the project
    publishes, with templates for each of its regimes.
    """
    from datamap.inventory.checks import check_language
    from datamap.regimes.checks import check_languages

    if not lang:
        return None

    def check(inventory):
        if args is not None:
            unpublished = check_languages(inventory, [lang], templates_dir(args))
            if unpublished:  # no document in that language: its missing texts would only bury the reason
                return unpublished
        return check_language(inventory, lang, code="E401")

    return check


def language_code(value: str) -> str:
    from datamap.inventory.model import is_language

    if not is_language(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a language code such as en, de or ko")
    return value
