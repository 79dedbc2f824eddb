"""The ``export`` and ``import`` commands: arguments in, files out, findings to stderr.

Kept beside the exports so that :mod:`datamap.cli` only dispatches; the CLI's helpers (loading with
findings, language checks, writing to a file or stdout) are passed in rather than imported back.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from datamap.errors import UsageError
from datamap.findings import format_text, has_errors

EXIT_OK, EXIT_FINDINGS = 0, 1


def export(args, load: Callable, language_errors: Callable, emit: Callable) -> int:
    from datamap.lineage.graph import build_graph

    record = getattr(args, "record", "all")
    if args.target != "ropa" and (args.format != "csv" or args.lang != "en" or record != "all"):
        raise UsageError(f"export {args.target}: --format, --lang and --record apply to ropa only")
    if record == "processor" and args.lang != "en":
        raise UsageError("export ropa --record processor: the processor's record (GDPR Art 30(2)) is written in English (--lang en)")
    checks = {"ropa": lambda: language_errors(args.lang), "fides": _fides_checks, "apple": lambda: _app_checks("apple"),
              "google": lambda: _app_checks("google")}
    inventory, _, failed = load(args, checks[args.target]())
    if failed:
        return EXIT_FINDINGS
    graph = build_graph(inventory)
    if args.target == "ropa":
        from datamap.exports.ropa import ropa

        if args.format == "xlsx" and not args.output and sys.stdout.isatty():
            raise UsageError("export ropa --format xlsx: give -o FILE (an XLSX is not for the terminal)")
        emit(ropa(inventory, graph, args.format, args.lang, _records(inventory, record, args.format, args.lang)), args.output)
    elif args.target == "fides":
        from datamap.exports.fides_export import fides_manifests
        from datamap.output import write_atomic

        if not args.output:
            raise UsageError("export fides: give -o DIR, the directory to write the manifests into")
        directory = Path(args.output)
        if directory.exists() and not directory.is_dir():
            raise UsageError(f"export fides: -o must be a directory: {directory} is a file")
        for name, text in fides_manifests(inventory, graph).items():
            write_atomic(directory / name, text)
            sys.stdout.write(f"{directory / name}\n")
    elif args.target == "apple":
        from datamap.exports.app_labels import apple_privacy_details

        emit(apple_privacy_details(inventory, graph), args.output)
    else:
        from datamap.exports.app_labels import google_data_safety

        emit(google_data_safety(inventory, graph), args.output)
    return EXIT_OK


def _records(inventory, record: str, fmt: str, lang: str) -> list[str]:
    """The records to write: the one asked for, or every one that applies; a CSV holds one."""
    from datamap.exports.ropa import applicable_records

    if record == "processor" and not inventory.organization.controllers_served:
        raise UsageError("export ropa --record processor: the inventory names no controller it serves (organization.controllers_served)")
    if record != "all":
        return [record]
    found = applicable_records(inventory, lang)
    if fmt == "csv" and len(found) > 1:
        raise UsageError("export ropa: the inventory has a controller's and a processor's record and a CSV holds one: "
                         "give --record controller or --record processor (XLSX and Markdown hold both)")
    return found


def _fides_checks() -> Callable:
    from datamap.exports.fides_export import check_fides

    return check_fides


def _app_checks(store: str) -> Callable:
    from datamap.exports.app_labels import check_app_labels

    return lambda inventory: check_app_labels(inventory, store)


def import_fides(args) -> int:
    from datamap.exports.fides_import import ImportProblem, import_manifests

    source = Path(args.directory)
    if not source.exists():
        raise UsageError(f"import fides: not found: {source}")
    target = Path(args.output)
    if target.exists() and (not target.is_dir() or any(target.glob("*.yaml")) or any(target.glob("*.yml"))):
        raise UsageError(f"import fides: {target} already holds an inventory (or is a file): choose an empty or new directory")
    try:
        result = import_manifests(source, target)
    except ImportProblem as e:
        sys.stderr.write(format_text(e.findings))
        return EXIT_FINDINGS
    for path in result.written:
        sys.stdout.write(f"wrote {path}\n")
    if result.findings:
        sys.stderr.write(format_text(result.findings))
    sys.stdout.write(f"next: datamap validate {target}, then add what Fides could not say (listed above)\n")
    return EXIT_FINDINGS if has_errors(result.findings) else EXIT_OK
