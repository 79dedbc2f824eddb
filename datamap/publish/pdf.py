"""Publishing, step 2: a standalone HTML page -> a tagged PDF, through weasyprint.

The PDF takes everything from the page: title, language, author and dates from its metadata (the
policy's effective date, never the clock), page numbers, the linked table of contents and repeated
table headers from its print stylesheet. weasyprint embeds the fonts it uses (subsets); the PDF is
tagged (PDF/UA-1) so that screen readers can follow its structure.

Two guards: weasyprint may fetch only files inside the project (a document that names any other URL
renders without it), and a Korean document without a Korean font installed is an error rather than
a PDF of empty boxes.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from datamap.confine import inside
from datamap.errors import DatamapError

PDF_VARIANT = "pdf/ua-1"
#: CSS font families per language, in order of preference (the stylesheet of datamap.publish.html names them).
#: Korean text needs a Korean font: :func:`check_fonts` makes sure one of these is installed.
FONTS = {
    "en": ("DejaVu Sans", "Liberation Sans", "Noto Sans", "NanumGothic"),
    "ko": ("NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "UnDotum", "Baekmuk Gulim"),
}


class PublishError(DatamapError):
    """A document cannot be published on this machine (a missing font, a missing tool)."""


@functools.cache
def installed_families(lang: str) -> frozenset[str]:
    """Font families fontconfig knows that cover ``lang``."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise PublishError("cannot look for fonts: fc-list is missing (install fontconfig)")
    result = subprocess.run([fc_list, f":lang={lang}", "family"], capture_output=True, text=True, check=False)
    return frozenset(name.strip() for line in result.stdout.splitlines() for name in line.split(","))


def check_fonts(lang: str) -> None:
    """Raise :class:`PublishError` unless a font the stylesheet names for ``lang`` is installed."""
    if lang != "ko":
        return
    if not installed_families("ko") & set(FONTS["ko"]):
        wanted = ", ".join(FONTS["ko"])
        raise PublishError(
            f"no Korean font installed: Korean PDFs need one of {wanted} (on Debian or Ubuntu: apt-get install fonts-nanum)"
        )


def _fetcher_class():
    from weasyprint import URLFetcher

    class LocalFetcher(URLFetcher):
        """Fetches ``data:`` URLs and files under the allowed directories; refuses everything else."""

        def __init__(self, roots: list[Path]):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.roots = [root.resolve() for root in roots]
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data" or (parts.scheme == "file" and self._inside(Path(unquote(parts.path)))):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: only files inside the project may be used")

        def _inside(self, path: Path) -> bool:
            return any(inside(path, root) for root in self.roots)

    return LocalFetcher


def local_fetcher(roots: list[Path]):
    """A weasyprint URL fetcher limited to files under ``roots``; it lists what it refused in ``.refused``."""
    return _fetcher_class()(roots)


def render_pdf(html: str, base_dir: str, roots: list[str]) -> tuple[bytes, list[str]]:
    """weasyprint itself: an HTML page to PDF bytes, and the URLs it refused to fetch."""
    import weasyprint

    # weasyprint logs every resource it cannot use; the refused ones are returned to the caller instead
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = local_fetcher([Path(base_dir), *map(Path, roots)])
    document = weasyprint.HTML(string=html, base_url=Path(base_dir).resolve().as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=False), fetcher.refused


# --- a child process for weasyprint -------------------------------------------------------------
#
# Importing weasyprint takes about as long as rendering a short policy (it looks for its C libraries
# by running ldconfig). ``datamap render`` forks a child before the inventory is read, which does that
# import on another core while datamap loads, checks and renders the inventory, instead of after it.
#
# ``datamap build`` makes many PDFs while it holds a large inventory, its graph and the plan of its
# pages. Laying out a long document takes more memory than all of those (half a gigabyte for a policy
# of 100,000 fields), so there the PDFs are made in a fresh interpreter (spawned, not forked: it shares
# nothing with the large parent), which is started again when a document left it large and ends when
# the downloads are made: the build's memory is the parent's plus one document's, never their sum.

#: a worker whose resident memory passed this after a document is ended (the next document gets a new one)
RECYCLE_BYTES = 256 * 2**20


class _Worker:
    def __init__(self, method: str = "fork"):
        context = multiprocessing.get_context(method)
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), name="datamap-pdf", daemon=True)
        self.process.start()
        child.close()
        self.resident = 0

    def render(self, *job) -> tuple[bytes, list[str]]:
        self.connection.send(job)
        ok, result, self.resident = self.connection.recv()
        if not ok:
            raise RuntimeError(result)
        return result

    def close(self) -> None:
        """End the child and wait for it (so that its memory and CPU time are counted as the parent's children's)."""
        self.connection.close()
        self.process.join()


def _resident() -> int:
    """This process's resident memory in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _serve(connection) -> None:
    import weasyprint  # noqa: F401 - the reason this process exists

    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        try:
            connection.send((True, render_pdf(*job), _resident()))
        except Exception as e:  # noqa: BLE001 - reported by the parent
            connection.send((False, f"{type(e).__name__}: {e}", _resident()))


_worker: _Worker | None = None
#: inside :func:`separate_process`: PDFs are made in a spawned child, started when the first one is needed
_separate = False


def preload() -> None:
    """Start weasyprint in a child process now; where processes cannot be forked, PDFs are made here."""
    global _worker
    if _worker is None and "fork" in multiprocessing.get_all_start_methods():
        _worker = _Worker()


@contextlib.contextmanager
def separate_process() -> Iterator[None]:
    """Make every PDF asked for inside the block in a fresh child process, ended when the block ends."""
    global _separate, _worker
    outer = _separate, _worker
    _separate, _worker = True, None
    try:
        yield
    finally:
        if _worker is not None:
            _worker.close()
        _separate, _worker = outer


def html_to_pdf(html: str, lang: str, base_dir: Path, roots: list[Path] | None = None) -> tuple[bytes, list[str]]:
    """A PDF of an HTML page, and the URLs it refused to fetch.

    Relative URLs resolve against ``base_dir``; files under it and under ``roots`` may be read. A Korean
    page gets word joiners first (:mod:`datamap.publish.hangul`), so that its lines break only between words.
    """
    global _worker
    check_fonts(lang)
    if lang == "ko":
        from datamap.publish.hangul import join_words

        html = join_words(html)
    job = (html, str(base_dir), [str(root) for root in roots or []])
    if _worker is None and _separate:
        _worker = _Worker("spawn")
    if _worker is not None:
        try:
            result = _worker.render(*job)
        except (EOFError, OSError):  # the child is gone: carry on without it
            _worker = None
        else:
            if _separate and _worker.resident > RECYCLE_BYTES:
                _worker.close()
                _worker = None
            return result
    return render_pdf(*job)
