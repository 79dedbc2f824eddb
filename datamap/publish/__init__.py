"""Stage 5: documents rendered from the facts: Markdown, HTML, PDF, CSV and JSON."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_templates_dir() -> Path:
    """Templates shipped inside the wheel, or the source tree's top-level templates/.

    Here rather than in :mod:`datamap.publish.render` so that ``datamap check``, which only asks whether
    a template exists, does not import Jinja and networkx to learn where they are."""
    packaged = Path(str(resources.files("datamap"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"
