"""The commands that start a project or move its data map in and out: init, export, import."""

from __future__ import annotations

import sys
from pathlib import Path

from datamap.cli.common import EXIT_OK, emit, language_errors, load, say


def cmd_export(args) -> int:
    from datamap.exports.commands import export

    return export(args, load, language_errors, emit)


def cmd_import(args) -> int:
    from datamap.exports.commands import import_fides

    return import_fides(args)


def cmd_init(args) -> int:
    from datamap.scaffold import scaffold

    notes: list[str] = []
    for path in scaffold(Path(args.directory), args.name, args.country, args.effective, args.regime, args.install_from, notes):
        sys.stdout.write(f"created {path}\n")
    for note in notes:
        say(f"datamap: note: {note}")
    sys.stdout.write(f"next: cd {args.directory} && datamap check\n")
    return EXIT_OK
