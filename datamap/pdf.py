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

import functools
import importlib
import logging
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import DatamapError
from .html import FONTS

PDF_VARIANT = "pdf/ua-1"


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


def preload() -> None:
    """Start importing weasyprint in the background.

    Importing it takes about as long as rendering a short document (it looks for its C libraries by
    running ldconfig); done while the inventory is loaded and checked, that time is not added to the run.
    """
    import threading

    threading.Thread(target=importlib.import_module, args=("weasyprint",), daemon=True).start()


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
            path = path.resolve()
            return any(path == root or root in path.parents for root in self.roots)

    return LocalFetcher


def local_fetcher(roots: list[Path]):
    """A weasyprint URL fetcher limited to files under ``roots``; it lists what it refused in ``.refused``."""
    return _fetcher_class()(roots)


def html_to_pdf(html: str, lang: str, base_dir: Path, roots: list[Path] | None = None) -> tuple[bytes, list[str]]:
    """A PDF of an HTML page, and the URLs it refused to fetch.

    Relative URLs resolve against ``base_dir``; files under it and under ``roots`` may be read.
    """
    check_fonts(lang)
    import weasyprint

    # weasyprint logs every resource it cannot use; the refused ones are returned to the caller instead
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = local_fetcher([base_dir, *(roots or [])])
    document = weasyprint.HTML(string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=False), fetcher.refused
