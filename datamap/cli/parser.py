"""The argument parser: every command and option, each with its help text."""

from __future__ import annotations

import argparse

from datamap import __version__
from datamap.cli.common import DEFAULT_INVENTORY, DEFAULT_NOTICES, FORMAT_HELP, language_code
from datamap.cli.documents import cmd_graph, cmd_render, cmd_schema, cmd_validate
from datamap.cli.project import cmd_export, cmd_import, cmd_init
from datamap.cli.review import cmd_diff, cmd_release
from datamap.cli.site import cmd_build, cmd_check
from datamap.errors import UsageError
from datamap.findings import FORMATTERS
from datamap.regimes import REGIMES


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
    p.add_argument("--lang", type=language_code, help="also require every text in this language (E401)")
    p.set_defaults(func=cmd_validate)

    p = commands.add_parser("schema", help="print the JSON Schema of inventory files")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_schema)

    p = commands.add_parser("render", help="render the policy, the processor table or the notices")
    p.add_argument("document", choices=["policy", "processors", "notices"], help="what to render")
    inventory_arg(p)
    p.add_argument("--lang", type=language_code, default="en", help="the document's language (default: en)")
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
    p.add_argument("--lang", type=language_code, default="en", help="the language of names (default: en)")
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
    p.add_argument("--record-from", metavar="REV", help="trust the build record as committed at this git revision "
                   "(on pull requests: the base, which the change cannot have edited), not the working tree's")
    p.add_argument("-v", "--verbose", action="store_true", help="text format: list every stale generated file, not only their number")
    p.add_argument("--lang", type=language_code, help="also require every text in this language (E401)")
    p.set_defaults(func=cmd_check)

    p = commands.add_parser("diff", help="the policy's changes between two inventories or git revisions")
    p.add_argument("old", metavar="OLD", help="inventory directory or git revision")
    p.add_argument("new", metavar="NEW", help="inventory directory or git revision")
    p.add_argument("--inventory", default=DEFAULT_INVENTORY, metavar="PATH", help="the inventory's path in git revisions (default: inventory/)")
    p.add_argument("--lang", type=language_code, default="en", help="compare the policy in this language (default: en)")
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
    p.add_argument("--install-from", metavar="SPEC", help="the pip requirement the workflow installs datamap from, "
                   "e.g. datamap==0.1.0 or git+https://HOST/OWNER/datamap.git@COMMIT (default: where this datamap was "
                   "installed from, pinned to its commit; init fails when that is no place a CI runner can reach)")
    p.set_defaults(func=cmd_init)
    return parser
