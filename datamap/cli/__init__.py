"""The command line: the only place that reads arguments, prints and chooses exit codes.

Exit codes: 0 success, 1 findings that fail the run (or a policy diff), 2 usage error, 3 internal error.
Each command lives with its kind (documents, site, review, project); the parser names them all.
"""

from __future__ import annotations

import os
import sys

from datamap.cli.common import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, say
from datamap.cli.parser import build_parser
from datamap.errors import DatamapError, UsageError

__all__ = ["build_parser", "main"]


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
        say(str(e))
        return EXIT_USAGE
    except SystemExit as e:  # --help and --version
        return int(e.code or 0) if isinstance(e.code, int) else EXIT_USAGE
    except DatamapError as e:  # a template, a file that leads outside the project: the user's to fix
        say(f"datamap: {e}")
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:  # a full disk, a read-only directory, a path too long: this machine, not datamap
        where = f" {e.filename}" if e.filename else " the output"
        say(f"datamap: cannot write or read{where}: {e.strerror or e}")
        return EXIT_USAGE
    except Exception as e:  # noqa: BLE001 - the one place that turns bugs into a one-line report
        say(f"datamap: internal error: {type(e).__name__}: {e}")
        return EXIT_INTERNAL
