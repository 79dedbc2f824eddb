"""The commands that check the inventory and render its documents: validate, schema, render, graph."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from datamap.cli.common import (DEFAULT_NOTICES, EXIT_FINDINGS, EXIT_OK, RENDER_FORMATS, emit, language_errors, load, say,
                                templates_dir)
from datamap.confine import project_root
from datamap.errors import UsageError
from datamap.findings import FORMATTERS, has_errors


def cmd_validate(args) -> int:
    from datamap.inventory.validate import check_inventory

    inventory, findings = check_inventory(args.inventory, language_errors(args.lang))
    sys.stdout.write(FORMATTERS[args.format](findings))
    if inventory is None or has_errors(findings, args.strict):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(args) -> int:
    from datamap.inventory.model import json_schema

    emit(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output)
    return EXIT_OK


def _render_format(args) -> None:
    """Check --format against the formats the document exists in; a PDF is never written to a terminal."""
    formats = RENDER_FORMATS[args.document]
    if args.format is None:
        args.format = None if args.document == "notices" else formats[0]
    elif args.format not in formats:
        raise UsageError(f"render {args.document}: unsupported format '{args.format}' (use {', '.join(formats[:-1])} or {formats[-1]})")
    if args.format == "pdf" and args.document != "notices" and not args.output and sys.stdout.isatty():
        raise UsageError(f"render {args.document}: a PDF is not written to a terminal: give -o FILE (or redirect the output)")


def cmd_render(args) -> int:
    _render_format(args)
    if args.document == "notices" or args.format == "pdf":
        from datamap.publish.pdf import preload

        preload()  # before the imports below, so that weasyprint loads alongside them
    from datamap.lineage.graph import build_graph
    from datamap.publish.render import render_policy, render_processors

    inventory, _, failed = load(args, language_errors(args.lang, args))
    if failed:
        return EXIT_FINDINGS
    graph = build_graph(inventory)
    templates = templates_dir(args)
    if args.document == "notices" or (args.document == "policy" and args.format in ("html", "pdf")):
        return _publish(args, inventory, graph, templates)
    if args.document == "policy":
        text = render_policy(inventory, graph, args.lang, templates)
    else:
        text = render_processors(inventory, graph, args.format, args.lang, templates)
    emit(text, args.output)
    return EXIT_OK


def _publish(args, inventory, graph, templates) -> int:
    """HTML and PDF: the policy as one page, or every notice into a directory."""
    from datamap.publish.html import policy_html
    from datamap.lineage import facts_of
    from datamap.output import write_atomic
    from datamap.regimes.notices import render_all
    from datamap.publish.pdf import PublishError, html_to_pdf
    from datamap.publish.render import default_templates_dir

    project = project_root(args.inventory)
    readable = [default_templates_dir(), *([templates] if templates else [])]
    refused: list[str] = []

    def pdf(page: str) -> bytes:
        data, refused_here = html_to_pdf(page, args.lang, project, readable)
        refused.extend(refused_here)
        return data

    try:
        if args.document == "policy":
            page = policy_html(inventory, graph, args.lang, templates)
            emit(pdf(page) if args.format == "pdf" else page, args.output)
        else:
            directory = Path(args.output or DEFAULT_NOTICES)
            if directory.exists() and not directory.is_dir():
                raise UsageError(f"render notices: -o must be a directory: {directory} is a file")
            outputs = render_all(facts_of(inventory, graph), graph, args.lang, templates, pdf=None if args.format == "html" else pdf)
            for name, content in outputs.items():
                if args.format == "pdf" and name.endswith(".html"):
                    continue
                write_atomic(directory / name, content)
                sys.stdout.write(f"{directory / name}\n")
    except PublishError as e:
        say(f"datamap: {e}")
        return EXIT_FINDINGS
    for url in dict.fromkeys(refused):
        sys.stderr.write(f"datamap: warning: did not fetch {url}: only files inside the project are used\n")
    return EXIT_OK


def cmd_graph(args) -> int:
    from datamap.lineage.graph import build_graph
    from datamap.lineage.reports import format_lineage_json, format_lineage_text, lineage

    inventory, _, failed = load(args)
    if failed:
        return EXIT_FINDINGS
    graph = build_graph(inventory)
    kind, ident = next((k, v) for k, v in (("item", args.item), ("system", args.system), ("processor", args.processor)) if v)
    report = lineage(inventory, graph, kind, ident, args.lang)
    if report is None:
        from datamap.inventory.validate import suggest

        known = [e.id for e in getattr(inventory, {"item": "items", "system": "systems", "processor": "processors"}[kind])]
        raise UsageError(f"no {kind} '{ident}' in the inventory{suggest(ident, known)}")
    emit(format_lineage_json(report) if args.format == "json" else format_lineage_text(report, args.lang), args.output)
    return EXIT_OK
