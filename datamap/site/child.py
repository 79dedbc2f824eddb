"""Run the part of ``datamap build`` that needs the lineage graph in a forked child process that ends.

Python keeps the memory a process has freed: after the pages of a large site are made, the build would
hold hundreds of megabytes it no longer uses while the PDFs are laid out. Made in a child, the pages,
their diagrams and the graph leave nothing behind in the build's own process. The child reports its
progress to the parent (which owns the terminal) and sends back its result, or the exception it raised,
which the parent raises again: errors end the build exactly as they would without the child.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import traceback
import types
from typing import Any, Callable


class _Relay:
    """Stands for the parent's progress in the child: every report goes through the pipe."""

    def __init__(self, connection) -> None:
        self.connection = connection

    def __call__(self, stage: str, done: int, total: int | None = None) -> None:
        self.connection.send(("progress", (stage, done, total)))


def _run(connection, function: Callable, progress: bool, counting: bool, args: tuple) -> None:
    relay = None
    if progress:
        relay = _Relay(connection)
        if counting:
            from datamap.progress import Progress

            relay.counting = types.MethodType(Progress.counting, relay)
    try:
        result = function(relay, *args)
    except BaseException as e:  # noqa: BLE001 - raised again by the parent
        detail = traceback.format_exc()
        try:
            message = pickle.dumps(("error", (e, detail)))
            pickle.loads(message)  # what the parent will do
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled comes back as its text
            message = pickle.dumps(("error", (RuntimeError(f"{type(e).__name__}: {e}"), detail)))
        _send(connection, message)
    else:
        _send(connection, pickle.dumps(("result", result), pickle.HIGHEST_PROTOCOL))


def _send(connection, message: bytes) -> None:
    try:
        connection.send_bytes(message)
    except OSError:  # the parent is gone (interrupted): it has nothing to report
        pass
    finally:
        connection.close()


def in_child(function: Callable, progress, *args) -> Any:
    """``function(progress, *args)`` in a forked child process; where processes cannot be forked, here.

    ``progress`` is called here with what the child reports; the child's result must pickle.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return function(progress, *args)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice
        stream.flush()
    process = context.Process(
        target=_run, args=(send, function, progress is not None, hasattr(progress, "counting"), args), name="datamap-pages"
    )
    process.start()
    send.close()
    try:
        while True:
            try:
                kind, payload = receive.recv()
            except EOFError:
                process.join()
                raise RuntimeError(f"the process making the pages ended without a result (exit code {process.exitcode})") from None
            if kind == "progress":
                progress(*payload)
            elif kind == "error":
                error, detail = payload
                error.add_note(f"in the process making the pages:\n{detail}")
                raise error
            else:
                return payload
    finally:
        receive.close()
        process.join()
