"""The command line: the only place that reads arguments, prints and chooses exit codes.

Exit codes: 0 success, 1 findings that fail the run (or a policy diff), 2 usage error, 3 internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable

from datamap import __version__
from datamap.confine import project_dir, project_root
from datamap.errors import DatamapError, TemplateProblem, UsageError
from datamap.regimes import REGIMES
from datamap.findings import FORMATTERS, format_text, has_errors, printable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_INVENTORY = "inventory"
DEFAULT_NOTICES = "build/notices"
FORMAT_HELP = "text (default), json, or github (workflow annotations)"
#: the formats each document is rendered in; the first is the default (notices: html and pdf together)
RENDER_FORMATS = {"policy": ("md", "html", "pdf"), "processors": ("md", "csv", "json"), "notices": ("html", "pdf")}




def _templates_dir(args) -> Path | None:
    if getattr(args, "templates", None):
        path = Path(args.templates)
        if not path.is_dir():
            raise UsageError(f"templates directory not found: {path}")
        return path
    return project_dir(args.inventory, "templates")


def _say(message: str) -> None:
    """One message on standard error, each of its lines with control characters escaped."""
    sys.stderr.write("".join(printable(line) + "\n" for line in str(message).split("\n")))


def _emit(text: str | bytes, output: str | None) -> None:
    if output:
        from datamap.output import write_atomic

        write_atomic(output, text)
    elif isinstance(text, bytes):
        sys.stdout.buffer.write(text)
    else:
        sys.stdout.write(text)


def _load(args, extra_checks: Callable | None = None):
    """Check the inventory; print findings to stderr. Returns (inventory, findings, failed)."""
    from datamap.inventory.validate import check_inventory

    inventory, findings = check_inventory(args.inventory, extra_checks)
    failed = inventory is None or has_errors(findings, getattr(args, "strict", False))
    if findings:
        sys.stderr.write(format_text(findings))
    return inventory, findings, failed


# --- commands ----------------------------------------------------------------------------------


def _language_errors(lang: str | None, args=None) -> Callable | None:
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
            unpublished = check_languages(inventory, [lang], _templates_dir(args))
            if unpublished:  # no document in that language: its missing texts would only bury the reason
                return unpublished
        return check_language(inventory, lang, code="E401")

    return check


def _language_code(value: str) -> str:
    from datamap.inventory.model import is_language

    if not is_language(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a language code such as en, de or ko")
    return value


def cmd_validate(args) -> int:
    from datamap.inventory.validate import check_inventory

    inventory, findings = check_inventory(args.inventory, _language_errors(args.lang))
    sys.stdout.write(FORMATTERS[args.format](findings))
    if inventory is None or has_errors(findings, args.strict):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(args) -> int:
    from datamap.inventory.model import json_schema

    _emit(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output)
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

    inventory, _, failed = _load(args, _language_errors(args.lang, args))
    if failed:
        return EXIT_FINDINGS
    graph = build_graph(inventory)
    templates = _templates_dir(args)
    if args.document == "notices" or (args.document == "policy" and args.format in ("html", "pdf")):
        return _publish(args, inventory, graph, templates)
    if args.document == "policy":
        text = render_policy(inventory, graph, args.lang, templates)
    else:
        text = render_processors(inventory, graph, args.format, args.lang, templates)
    _emit(text, args.output)
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
            _emit(pdf(page) if args.format == "pdf" else page, args.output)
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
        _say(f"datamap: {e}")
        return EXIT_FINDINGS
    for url in dict.fromkeys(refused):
        sys.stderr.write(f"datamap: warning: did not fetch {url}: only files inside the project are used\n")
    return EXIT_OK


def cmd_graph(args) -> int:
    from datamap.lineage.graph import build_graph
    from datamap.lineage.reports import format_lineage_json, format_lineage_text, lineage

    inventory, _, failed = _load(args)
    if failed:
        return EXIT_FINDINGS
    graph = build_graph(inventory)
    kind, ident = next((k, v) for k, v in (("item", args.item), ("system", args.system), ("processor", args.processor)) if v)
    report = lineage(inventory, graph, kind, ident, args.lang)
    if report is None:
        from datamap.inventory.validate import suggest

        known = [e.id for e in getattr(inventory, {"item": "items", "system": "systems", "processor": "processors"}[kind])]
        raise UsageError(f"no {kind} '{ident}' in the inventory{suggest(ident, known)}")
    _emit(format_lineage_json(report) if args.format == "json" else format_lineage_text(report, args.lang), args.output)
    return EXIT_OK


def cmd_build(args) -> int:
    from datamap.inventory.checks import check_language
    from datamap.site.diagram import DiagramError
    from datamap.errors import DatamapError
    from datamap.findings import Finding
    from datamap.regimes.checks import check_languages
    from datamap.site.build import build_site
    from datamap.progress import Progress
    from datamap.confine import confined

    def languages(inv):
        found = [f for lang in inv.policy.languages for f in check_language(inv, lang)]
        return found + check_languages(inv, inv.policy.languages, _templates_dir(args))

    inventory, _, failed = _load(args, languages)
    if failed:
        return EXIT_FINDINGS
    project = project_root(args.inventory)
    site_dir = Path(args.site) if args.site else project / "site"
    progress = Progress(quiet=args.quiet)
    try:
        if not args.site:
            confined(site_dir, project)
        changes = build_site(inventory, Path(args.inventory), project, site_dir, _templates_dir(args), progress)
        progress.finish()
    except DiagramError as e:  # Graphviz missing or failing: this machine, not the inventory
        _say(f"datamap build: {e}")
        return EXIT_INTERNAL
    except UsageError:
        raise
    except DatamapError as e:  # an unreadable released text; a PDF that cannot be made here; a target that cannot be written
        _say(f"datamap build: {e}")
        return EXIT_FINDINGS
    if changes.conflicts:
        findings = [
            Finding(str(site_dir / path), 1, 1, "E601", "hand-written file where a generated page belongs: rename it, or delete it to let datamap generate the page")
            for path in changes.conflicts
        ]
        sys.stderr.write(format_text(findings))
        return EXIT_FINDINGS
    sys.stdout.write(
        f"{site_dir}: {len(changes.written)} written, {len(changes.unchanged)} unchanged, {len(changes.removed)} removed\n"
    )
    return EXIT_OK


def cmd_check(args) -> int:
    from datamap.errors import DatamapError
    from datamap.regimes.checks import check_completeness, check_languages
    from datamap.site.stale import stale_site
    from datamap.exports.app_labels import check_app_labels
    from datamap.inventory.validate import check_inventory

    language = _language_errors(args.lang)

    def checks(inv):
        found = check_completeness(inv) + check_app_labels(inv) + check_languages(inv, inv.policy.languages, _templates_dir(args))
        return found + (language(inv) if language else [])

    inventory, findings = check_inventory(args.inventory, checks)
    if inventory is not None and not has_errors(findings) and not args.no_stale:
        project = project_root(args.inventory)
        try:
            stale = stale_site(inventory, Path(args.inventory), project, _templates_dir(args), f"datamap build {args.inventory}", args.full)
        except DatamapError as e:  # a released text that cannot be read; a template that fails
            _say(f"datamap check: {e}")
            return EXIT_FINDINGS
        if stale is not None:
            # one record per file for machines; one finding for people, unless they ask for the list
            shown = stale.findings + stale.summary() if args.verbose else stale.summary()
            findings = sorted(findings + stale.others + (stale.findings if args.format != "text" else shown))
    sys.stdout.write(FORMATTERS[args.format](findings))
    return EXIT_FINDINGS if inventory is None or has_errors(findings, args.strict) else EXIT_OK


def cmd_diff(args) -> int:
    """Exit 1 means "the policy changes": every problem of datamap's input is exit 2 here."""
    try:
        return _diff(args)
    except UsageError:
        raise
    except DatamapError as e:
        _say(f"datamap diff: {e}")
        return EXIT_USAGE


def _diff(args) -> int:
    from datamap.review.diff import report, summarize
    from datamap.review.wording import phrase
    from datamap.lineage.facts import policy_facts
    from datamap.lineage.graph import build_graph
    from datamap.review.redline import redline_markdown, to_html
    from datamap.publish.render import render_policy_markdown
    from datamap.review.revisions import resolve
    from datamap.inventory.validate import check_inventory

    sides = []
    with resolve(args.old, args.inventory) as old, resolve(args.new, args.inventory) as new:
        for side in (old, new):
            inventory, findings = check_inventory(side.inventory, _language_errors(args.lang))
            if inventory is None or has_errors(findings):
                sys.stderr.write(format_text(findings) + f"datamap diff: the inventory of {side.label} has errors\n")
                return EXIT_USAGE
            facts = policy_facts(inventory, build_graph(inventory))
            try:
                sides.append((side.label, facts, render_policy_markdown(facts, args.lang, side.templates)))
            except TemplateProblem as e:  # exit 1 would read as "the policy changes"
                _say(f"datamap diff: {side.label}: {e}")
                return EXIT_USAGE
    (old_label, old_facts, old_text), (new_label, new_facts, new_text) = sides
    changed = old_text != new_text
    redline = None if args.summary_only else redline_markdown(old_text, new_text)
    text = report(summarize(old_facts, new_facts, args.lang), redline, old_label, new_label, changed, args.lang)
    if args.format == "html":
        text = to_html(text, phrase("report_title", args.lang, old=old_label, new=new_label), args.lang)
    _emit(text, args.output)
    return EXIT_FINDINGS if changed else EXIT_OK


def cmd_release(args) -> int:
    import datetime as dt

    from datamap.inventory.load import display_path
    from datamap.review.release import release

    try:
        effective = dt.date.fromisoformat(args.effective)
    except ValueError as e:
        raise UsageError(f"--effective: '{args.effective}' is not a date (YYYY-MM-DD)") from e
    inventory, _, failed = _load(args)
    if failed:
        return EXIT_FINDINGS
    result = release(inventory, Path(args.inventory), effective, args.version, args.summary, _templates_dir(args))
    sys.stdout.write(f"released version {result.version}, effective {effective}: recorded in {result.policy_file}\n")
    if result.superseded:
        sys.stdout.write(f"  kept the published version {result.superseded[0]} (effective {result.superseded[1]}) in the history\n")
    for path in result.texts:
        sys.stdout.write(f"  wrote {display_path(path)}\n")
    for lang in result.skipped_languages:
        sys.stderr.write(f"datamap release: no '{lang}' text frozen: the '{lang}' templates or inventory texts are missing "
                         f"(`datamap validate --lang {lang}` lists the texts)\n")
    if (project_root(args.inventory) / "mkdocs.yml").is_file():
        sys.stdout.write(f"next: datamap build {args.inventory}, to publish the version on the site\n")
    return EXIT_OK


def cmd_export(args) -> int:
    from datamap.exports.commands import export

    return export(args, _load, _language_errors, _emit)


def cmd_import(args) -> int:
    from datamap.exports.commands import import_fides

    return import_fides(args)


def cmd_init(args) -> int:
    from datamap.scaffold import scaffold

    for path in scaffold(Path(args.directory), args.name, args.country, args.effective, args.regime, args.install_from):
        sys.stdout.write(f"created {path}\n")
    sys.stdout.write(f"next: cd {args.directory} && datamap check\n")
    return EXIT_OK


# --- the parser --------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="datamap", description="Turn a YAML data inventory into privacy documentation.")
    parser.add_argument("--version", action="version", version=f"datamap {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def inventory_arg(p):
        p.add_argument("inventory", nargs="?", default=DEFAULT_INVENTORY, metavar="INV", help="inventory directory (default: inventory/)")

    p = commands.add_parser("validate", help="check the inventory and report every finding")
    inventory_arg(p)
    p.add_argument("--strict", action="store_true", help="warnings fail the run too")
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text", help=FORMAT_HELP)
    p.add_argument("--lang", type=_language_code, help="also require every text in this language (E401)")
    p.set_defaults(func=cmd_validate)

    p = commands.add_parser("schema", help="print the JSON Schema of inventory files")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_schema)

    p = commands.add_parser("render", help="render the policy, the processor table or the notices")
    p.add_argument("document", choices=["policy", "processors", "notices"], help="what to render")
    inventory_arg(p)
    p.add_argument("--lang", type=_language_code, default="en", help="the document's language (default: en)")
    p.add_argument("--format", help="policy: md (default), html, pdf; processors: md (default), csv, json; notices: html or pdf (default: both)")
    p.add_argument("--templates", metavar="DIR", help="project templates overriding the defaults (default: templates/ beside INV)")
    p.add_argument("--strict", action="store_true", help="warnings fail the run too")
    p.add_argument("-o", "--output", metavar="FILE", help=f"write here instead of standard output (notices: a directory, default {DEFAULT_NOTICES}/)")
    p.set_defaults(func=cmd_render)

    p = commands.add_parser("graph", help="show where an item, a system or a processor's data flows")
    inventory_arg(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--item", metavar="ID", help="the lineage of this item")
    which.add_argument("--system", metavar="ID", help="the lineage of this system")
    which.add_argument("--processor", metavar="ID", help="the lineage of this processor")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text for people (default), json for tools")
    p.add_argument("--lang", type=_language_code, default="en", help="the language of names (default: en)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_graph)

    p = commands.add_parser("build", help="regenerate the docs site's pages, diagrams and downloads")
    inventory_arg(p)
    p.add_argument("--site", metavar="DIR", help="the mkdocs docs_dir to write into (default: site/ beside INV)")
    p.add_argument("--templates", metavar="DIR", help="project templates overriding the defaults (default: templates/ beside INV)")
    p.add_argument("--strict", action="store_true", help="warnings fail the run too")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on the terminal")
    p.set_defaults(func=cmd_build)

    p = commands.add_parser("check", help="validate, list missing disclosures and stale pages (for CI)")
    inventory_arg(p)
    p.add_argument("--strict", action="store_true", help="warnings fail the run too")
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text", help=FORMAT_HELP)
    p.add_argument("--no-stale", action="store_true", help="do not compare the generated site pages")
    p.add_argument("--full", action="store_true", help="make every site page again and compare, trusting no build record (slower)")
    p.add_argument("-v", "--verbose", action="store_true", help="text format: list every stale generated file, not only their number")
    p.add_argument("--lang", type=_language_code, help="also require every text in this language (E401)")
    p.set_defaults(func=cmd_check)

    p = commands.add_parser("diff", help="the policy's changes between two inventories or git revisions")
    p.add_argument("old", metavar="OLD", help="inventory directory or git revision")
    p.add_argument("new", metavar="NEW", help="inventory directory or git revision")
    p.add_argument("--inventory", default=DEFAULT_INVENTORY, metavar="PATH", help="the inventory's path in git revisions (default: inventory/)")
    p.add_argument("--lang", type=_language_code, default="en", help="compare the policy in this language (default: en)")
    p.add_argument("--format", choices=["md", "html"], default="md", help="md (default) or a standalone html page")
    p.add_argument("--summary-only", action="store_true", help="the plain-language summary without the redline")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_diff)

    p = commands.add_parser("release", help="record a policy version in the inventory and freeze its texts")
    inventory_arg(p)
    p.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="the date the version takes effect")
    p.add_argument("--version", dest="version", metavar="VERSION", help="default: the current version if not yet published, else the next one (1.0 -> 1.1); a released version never changes")
    p.add_argument("--summary", metavar="TEXT", help="what changed, for the change history")
    p.add_argument("--templates", metavar="DIR", help="project templates overriding the defaults")
    p.set_defaults(func=cmd_release)

    p = commands.add_parser("export", help="export records of processing, Fides manifests, app-store labels")
    p.add_argument("target", choices=["ropa", "fides", "apple", "google"],
                   help="ropa: record of processing (GDPR Art 30 / PIPA files); fides: Fides manifests; "
                        "apple: App Privacy details JSON (fastlane); google: Play Console Data safety CSV")
    inventory_arg(p)
    p.add_argument("--format", choices=["csv", "xlsx", "md"], default="csv", help="ropa only: the file format (default csv)")
    p.add_argument("--lang", choices=["en", "ko"], default="en", help="ropa only: en, the GDPR Art 30(1) record; ko, the PIPA personal data file items")
    p.add_argument("--record", choices=["controller", "processor", "all"], default="all",
                   help="ropa only: the controller's record (Art 30(1), or the PIPA files with --lang ko), the processor's (Art 30(2)), "
                        "or all (default): every record the inventory has facts for")
    p.add_argument("--strict", action="store_true", help="warnings fail the run too")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output (fides: a directory, required)")
    p.set_defaults(func=cmd_export)

    p = commands.add_parser("import", help="turn another tool's data map into a datamap inventory")
    p.add_argument("source", choices=["fides"], help="fides: a directory (or file) of Fides YAML manifests")
    p.add_argument("directory", metavar="DIR", help="the Fides manifests: a directory searched recursively, or one YAML file")
    p.add_argument("-o", "--output", metavar="INV", default=DEFAULT_INVENTORY, help="inventory directory to write (default: inventory/); must not hold YAML files yet")
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("init", help="scaffold a new inventory project that passes datamap check")
    p.add_argument("directory", metavar="DIR", help="the new project's directory (created if missing)")
    p.add_argument("--name", default="Example Co., Ltd.", help="the organization's legal name")
    p.add_argument("--regime", choices=list(REGIMES), default="pipa", help="the law the example inventory follows (default: pipa)")
    p.add_argument("--country", help="ISO 3166 country code of the organization (default: the regime's example, KR, DE, GB or US)")
    p.add_argument("--effective", metavar="YYYY-MM-DD", help="the first policy version's effective date (default: today)")
    p.add_argument("--install-from", metavar="SPEC", help="what the workflow's pip installs datamap from "
                   "(default: this release's git URL, git+REPOSITORY@vVERSION)")
    p.set_defaults(func=cmd_init)
    return parser


def _flush_stdout() -> None:
    """Flush standard output now, so that a failing write (``> /dev/full``) is reported here."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        # nothing more can be written there: let the interpreter's last flush find nothing to write
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # a stand-in stdout (tests) has no descriptor
            pass
        raise


def main(argv: list[str] | None = None) -> int:
    """Run datamap; returns the exit code.

    Problems that are the user's are reported in one line each, never as an internal error: usage (2),
    templates (1), files that cannot be written or read, standard output that cannot take the output
    (``> /dev/full``: 2, as the result was not delivered).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        code = args.func(args)
        _flush_stdout()
        return code
    except UsageError as e:
        _say(str(e))
        return EXIT_USAGE
    except SystemExit as e:  # --help and --version
        return int(e.code or 0) if isinstance(e.code, int) else EXIT_USAGE
    except DatamapError as e:  # a template, a file that leads outside the project: the user's to fix
        _say(f"datamap: {e}")
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:  # a full disk, a read-only directory, a path too long: this machine, not datamap
        where = f" {e.filename}" if e.filename else " the output"
        _say(f"datamap: cannot write or read{where}: {e.strerror or e}")
        return EXIT_USAGE
    except Exception as e:  # noqa: BLE001 - the one place that turns bugs into a one-line report
        _say(f"datamap: internal error: {type(e).__name__}: {e}")
        return EXIT_INTERNAL
