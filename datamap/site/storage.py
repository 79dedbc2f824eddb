"""The site's cookies and web storage page: one table of every entry of the inventory's ``web_storage``.

Each row gives what a visitor needs to decide about an entry: its provider (the organization itself for a
first-party entry with none named), purpose, duration, first or third party, and how to refuse it.
"""

from __future__ import annotations

PAGE = "storage.md"


def storage_pages(renderer) -> dict[str, str]:
    """``<lang>/storage.md`` for the renderer's language (a ``datamap.site.pages._Pages``)."""
    here = f"{renderer.lang}/{PAGE}"
    return {here: renderer.render("storage", here, entries=renderer.inventory.web_storage)}
