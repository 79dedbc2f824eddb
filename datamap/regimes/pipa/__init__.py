"""PIPA, the Korean Personal Information Protection Act: the policy datamap has always written.

Its templates are ``templates/pipa/<lang>/`` (the policy's articles in ``policy/``). They lived in
``templates/<lang>/`` before regimes, so a project's override there still wins over the shipped template of
the same name (``bare_names``; :func:`datamap.regimes.template_names`).
"""

from pathlib import Path

from datamap.regimes import Regime

REGIME = Regime(
    key="pipa",
    name="PIPA",
    family="pipa",
    template_root="pipa",
    bare_names=True,
    languages=("en", "ko"),
    templates=("policy.md.j2", "section.md.j2"),
    example_country="KR",
    skeleton=Path(__file__).resolve().parents[2] / "skeleton" / "inventory",
    required_sections=("destruction",),
    completeness="datamap.inventory.completeness:check_completeness",
    consistency="datamap.inventory.checks:check_transfers_abroad",
    document="datamap.regimes.pipa.document:render_policy",
    section="datamap.regimes.pipa.document:render_section",
    notices="datamap.regimes.pipa.document:render_notices",
)
