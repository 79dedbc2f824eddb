"""The sandbox project templates run in: confined to their directory, bounded in time, memory and output.

A project's templates come from pull requests like the inventory. Jinja's SandboxedEnvironment already
refuses unsafe attributes and bounds ``range()``; this module adds what it leaves open:

- :class:`ConfinedLoader` reads a template only when it resolves inside its search directory (a symlink in
  ``templates/`` leading out is refused, naming the link) and only when it is UTF-8;
- :class:`BoundedEnvironment` refuses operations that would allocate without bound (``"x" * 10**10``,
  ``10 ** 10 ** 10``, ``"x".center(10**9)``, a ``%`` format with a huge width);
- :func:`bounded` stops a render that runs too long or grows the process by too much memory (a watchdog on
  a timer signal, in the main thread), and turns recursion into a problem naming the template;
- :func:`render_bounded` stops a render whose output grows past :data:`MAX_OUTPUT` characters.

Every limit is reported as a :class:`~datamap.errors.TemplateProblem` naming the template, never as an
internal error.
"""

from __future__ import annotations

import os
import posixpath
import re
import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from datamap.confine import inside
from datamap.errors import TemplateProblem

#: seconds one render may take (the whole policy of a large inventory takes well under one)
TIME_LIMIT = 30.0
#: bytes the process may grow by during one render
MEMORY_LIMIT = 2 << 30
#: characters one render may produce
MAX_OUTPUT = 64 << 20
#: the largest string, list or number a single template operation may make
MAX_VALUE = 1 << 20
_TICK = 0.05
_WIDTH = re.compile(r"(\d{6,})")


class TemplateLimit(BaseException):
    """Raised inside a render by the watchdog: a BaseException, so no ``except Exception`` swallows it."""


class ConfinedLoader(jinja2.FileSystemLoader):
    """A file-system loader that reads only regular UTF-8 files resolving inside their search directory.

    ``names`` gives the names a template is found by (see :func:`datamap.regimes.template_names`): every
    search directory is searched for each of them before the next directory, so a project's file wins
    over a shipped one whichever of its names the project uses.
    """

    def __init__(self, searchpath, names: Callable[[str], tuple[str, ...]] | None = None, **kwargs):
        super().__init__(searchpath, **kwargs)
        self.names = names or (lambda template: (template,))

    def _find(self, template: str) -> tuple[str, str]:
        """The first file of ``template``'s names, and the search directory it was found in."""
        candidates = [jinja2.loaders.split_template_path(name) for name in self.names(template)]
        for searchpath in self.searchpath:
            for pieces in candidates:
                filename = posixpath.join(searchpath, *pieces)
                if os.path.islink(filename) or os.path.isfile(filename):
                    return filename, searchpath
        raise jinja2.TemplateNotFound(template)

    def get_source(self, environment, template):
        filename, searchpath = self._find(template)
        shown = os.path.relpath(filename)
        if not inside(filename, searchpath):
            raise TemplateProblem(f"{shown}: E115 template is a symlink that leads outside its templates directory: not read")
        if not os.path.isfile(filename):
            raise TemplateProblem(f"{shown}: E115 template is not a regular file: not read")
        with open(filename, "rb") as f:
            raw = f.read()
        try:
            contents = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise TemplateProblem(f"{shown}: E114 template is not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); save it as UTF-8") from e
        mtime = os.path.getmtime(filename)

        def uptodate() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False

        return contents, os.path.normpath(filename), uptodate


class TooLarge(jinja2.sandbox.SecurityError):
    """An operation that would make a value larger than the sandbox allows."""


def _too_big(what: str) -> TooLarge:
    return TooLarge(f"{what} is larger than the template sandbox allows ({MAX_VALUE:,})")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and any(int(m) > MAX_VALUE for m in _WIDTH.findall(text)):
        raise _too_big("a width or precision in this format")


def _check_args(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
            raise _too_big(f"the argument {value}")


def _bounded_filter(function):
    def filtered(*args, **kwargs):
        _check_args(args[1:], kwargs)
        _check_format(args[0] if args else None)
        return function(*args, **kwargs)

    return filtered


class BoundedEnvironment(SandboxedEnvironment):
    """A sandbox whose single operations cannot allocate gigabytes or compute for ever."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)
        for name in ("center", "indent", "wordwrap", "truncate", "format", "batch", "slice", "filesizeformat"):
            self.filters[name] = _bounded_filter(self.filters[name])

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_VALUE:
                    raise _too_big("a repeated string or list")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 4096:
                raise _too_big("a product")
        elif operator == "**":
            if isinstance(right, int) and isinstance(left, (int, float)) and abs(left) > 1 and right > 64:
                raise _too_big("a power")
        elif operator == "%":
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value):
        """``"...".format`` as the sandbox wraps it, refusing huge widths in the format string first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__

        def checked(*args, **kwargs):
            _check_format(text)
            return wrapped(*args, **kwargs)

        return checked

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        _check_args(args, kwargs)
        if isinstance(getattr(__obj, "__self__", None), str):
            _check_format(__obj.__self__)
        return super().call(__context, __obj, *args, **kwargs)


# --- the watchdog ------------------------------------------------------------------------------


def _resident() -> int:
    """The process's resident memory in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


_active = threading.local()


@contextmanager
def _watchdog() -> Iterator[None]:
    """Raise :class:`TemplateLimit` in the block when it runs past TIME_LIMIT or grows past MEMORY_LIMIT.

    A timer signal checks every few hundredths of a second; it works in the main thread only (elsewhere
    the output limit and the sandbox's own bounds still hold). Nested blocks share the outer watchdog.
    """
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable or getattr(_active, "on", False):
        yield
        return
    start, memory = time.monotonic(), _resident()

    def check(signum, frame):
        if not getattr(_active, "on", False):  # a tick delivered while the block was ending
            return
        if time.monotonic() - start > TIME_LIMIT:
            raise TemplateLimit(f"E111 stopped after {TIME_LIMIT:g} s: does a loop never end?")
        if memory and _resident() - memory > MEMORY_LIMIT:
            raise TemplateLimit(f"E112 stopped: it used more than {MEMORY_LIMIT >> 20:,} MB of memory")

    previous = signal.signal(signal.SIGALRM, check)
    _active.on = True
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield
    finally:
        _active.on = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def bounded(name: str) -> Iterator[None]:
    """Run a template's code with the watchdog; its limits and recursion become problems naming ``name``."""
    try:
        with _watchdog():
            yield
    except TemplateLimit as e:
        raise TemplateProblem(f"template {name}: {e}") from None
    except RecursionError:
        raise TemplateProblem(f"template {name}: E113 recursion without end or nesting too deep (a macro calling itself, a template including itself)") from None
    except MemoryError:
        raise TemplateProblem(f"template {name}: E112 stopped: out of memory") from None
    except TooLarge as e:
        raise TemplateProblem(f"template {name}: E116 refused by the sandbox: {e}") from None


def render_bounded(template: jinja2.Template, name: str, **context) -> str:
    """``template.render(**context)``, stopped once the output passes MAX_OUTPUT characters."""
    with bounded(name):
        chunks, size = [], 0
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateProblem(f"template {name}: E112 output larger than {MAX_OUTPUT >> 20} MB: stopped")
            chunks.append(chunk)
        return "".join(chunks)
