"""The docs site's commands: build writes it, check tells a pull request what is missing or stale."""

from __future__ import annotations

import sys
from pathlib import Path

from datamap.cli.common import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, language_errors, load, say, templates_dir
from datamap.confine import project_root
from datamap.errors import UsageError
from datamap.findings import FORMATTERS, format_text, has_errors


def cmd_build(args) -> int:
    from datamap.inventory.checks import check_language
    from datamap.errors import DiagramError
    from datamap.errors import DatamapError
    from datamap.findings import Finding
    from datamap.regimes.checks import check_languages
    from datamap.site.build import build_site
    from datamap.progress import Progress
    from datamap.confine import confined

    def languages(inv):
        found = [f for lang in inv.policy.languages for f in check_language(inv, lang)]
        return found + check_languages(inv, inv.policy.languages, templates_dir(args))

    inventory, _, failed = load(args, languages)
    if failed:
        return EXIT_FINDINGS
    project = project_root(args.inventory)
    site_dir = Path(args.site) if args.site else project / "site"
    progress = Progress(quiet=args.quiet)
    try:
        if not args.site:
            confined(site_dir, project)
        changes = build_site(inventory, Path(args.inventory), project, site_dir, templates_dir(args), progress)
        progress.finish()
    except DiagramError as e:  # Graphviz missing or failing: this machine, not the inventory
        say(f"datamap build: {e}")
        return EXIT_INTERNAL
    except UsageError:
        raise
    except DatamapError as e:  # an unreadable released text; a PDF that cannot be made here; a target that cannot be written
        say(f"datamap build: {e}")
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

    language = language_errors(args.lang)

    def checks(inv):
        found = check_completeness(inv) + check_app_labels(inv) + check_languages(inv, inv.policy.languages, templates_dir(args))
        return found + (language(inv) if language else [])

    inventory, findings = check_inventory(args.inventory, checks)
    if inventory is not None and not has_errors(findings) and not args.no_stale:
        project = project_root(args.inventory)
        try:
            stale = stale_site(inventory, Path(args.inventory), project, templates_dir(args), f"datamap build {args.inventory}", args.full,
                                args.record_from)
        except UsageError:  # --record-from names no revision
            raise
        except DatamapError as e:  # a released text that cannot be read; a template that fails
            say(f"datamap check: {e}")
            return EXIT_FINDINGS
        if stale is not None:
            # one record per file for machines; one finding for people, unless they ask for the list
            shown = stale.findings + stale.summary() if args.verbose else stale.summary()
            findings = sorted(findings + stale.others + (stale.findings if args.format != "text" else shown))
    sys.stdout.write(FORMATTERS[args.format](findings))
    return EXIT_FINDINGS if inventory is None or has_errors(findings, args.strict) else EXIT_OK
