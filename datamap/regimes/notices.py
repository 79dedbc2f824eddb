"""The notices of an inventory's regimes: the first family's as they are, each further family's prefixed
with its name (``gdpr-collection-signup``), so that names never collide."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from datamap.regimes import families, regimes_of


@dataclass(frozen=True)
class NoticeEntry:
    name: str  # file name without language and extension
    #: the notice's kind, naming it on the downloads page: consent, collection, processors...; a further
    #: family's kinds carry its prefix (pipa-overseas-transfer), so that each family names its own notices
    kind: str
    subject: dict | None  # a Text naming what it is about (a collection point, a purpose), or None


def _prefix(index: int, family: str) -> str:
    return "" if index == 0 else f"{family}-"


def notice_entries(facts, graph) -> list[NoticeEntry]:
    from datamap.publish.notices import notices as pipa_notices
    from datamap.regimes.gdpr.notices import notice_list

    found = []
    for index, group in enumerate(families(regimes_of(facts.inventory))):
        prefix = _prefix(index, group[0].family)
        if group[0].notice_list is not None:
            found.extend(NoticeEntry(prefix + name, prefix + kind, subject) for name, kind, subject in group[0].call("notice_list", facts, graph))
            continue
        listed = pipa_notices(facts) if group[0].family == "pipa" else notice_list(facts, graph)
        for notice in listed:
            point = notice.context.get("point")
            subject = notice.context.get("subject") or ((point.label or {"*": point.provider or point.id}) if point is not None else None)
            kind = notice.name.split("-", 1)[0] if notice.name.startswith(("consent-", "collection-")) else notice.name
            found.append(NoticeEntry(prefix + notice.name, prefix + kind, subject))
    return found


def render_all(facts, graph, lang: str, templates_dir: Path | None = None, pdf=None) -> dict[str, str | bytes]:
    """Every notice of every regime family as ``{file name: content}``."""
    outputs: dict[str, str | bytes] = {}
    for index, group in enumerate(families(regimes_of(facts.inventory))):
        prefix = _prefix(index, group[0].family)
        rendered = group[0].call("notices", facts, graph, lang, templates_dir, pdf) or {}
        outputs.update({prefix + name: content for name, content in rendered.items()})
    return outputs
