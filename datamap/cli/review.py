"""The commands of a policy change: diff shows it, release records it."""

from __future__ import annotations

import sys
from pathlib import Path

from datamap.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, emit, language_errors, load, say, templates_dir
from datamap.confine import project_root
from datamap.errors import DatamapError, TemplateProblem, UsageError
from datamap.findings import format_text, has_errors


def cmd_diff(args) -> int:
    """Exit 1 means "the policy changes": every problem of datamap's input is exit 2 here."""
    try:
        return _diff(args)
    except UsageError:
        raise
    except DatamapError as e:
        say(f"datamap diff: {e}")
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
            inventory, findings = check_inventory(side.inventory, language_errors(args.lang))
            if inventory is None or has_errors(findings):
                sys.stderr.write(format_text(findings) + f"datamap diff: the inventory of {side.label} has errors\n")
                return EXIT_USAGE
            facts = policy_facts(inventory, build_graph(inventory))
            try:
                sides.append((side.label, facts, render_policy_markdown(facts, args.lang, side.templates)))
            except TemplateProblem as e:  # exit 1 would read as "the policy changes"
                say(f"datamap diff: {side.label}: {e}")
                return EXIT_USAGE
    (old_label, old_facts, old_text), (new_label, new_facts, new_text) = sides
    changed = old_text != new_text
    redline = None if args.summary_only else redline_markdown(old_text, new_text)
    text = report(summarize(old_facts, new_facts, args.lang), redline, old_label, new_label, changed, args.lang)
    if args.format == "html":
        text = to_html(text, phrase("report_title", args.lang, old=old_label, new=new_label), args.lang)
    emit(text, args.output)
    return EXIT_FINDINGS if changed else EXIT_OK


def cmd_release(args) -> int:
    import datetime as dt

    from datamap.inventory.load import display_path
    from datamap.review.release import release

    try:
        effective = dt.date.fromisoformat(args.effective)
    except ValueError as e:
        raise UsageError(f"--effective: '{args.effective}' is not a date (YYYY-MM-DD)") from e
    inventory, _, failed = load(args)
    if failed:
        return EXIT_FINDINGS
    result = release(inventory, Path(args.inventory), effective, args.version, args.summary, templates_dir(args))
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
