"""The California Consumer Privacy Act as amended by the CPRA: the privacy-policy disclosures of 11 CCR §7011(e),
the notice at collection (§7012) and the notices of the rights to opt out (§7013) and to limit (§7014).

Templates: ``templates/ccpa/<lang>/`` (English ships). The facts come from the inventory's ``ccpa:`` section
(:mod:`datamap.inventory.ccpa_parts`) and the lineage; with ``[ccpa]`` it shapes the policy, after another
regime it adds the section "Your California privacy rights".
"""

from pathlib import Path

from datamap.regimes import Regime

HERE = Path(__file__).resolve().parent

#: what a language needs, under templates/ccpa/<lang>/
TEMPLATES = (
    "policy.md.j2", "section.md.j2", "words.j2", "body.md.j2",
    "notices/collection.md.j2", "notices/do-not-sell.md.j2", "notices/limit.md.j2",
)

REGIME = Regime(
    key="ccpa",
    name="CCPA",
    family="ccpa",
    template_root="ccpa",
    languages=("en",),
    templates=TEMPLATES,
    example_country="US",
    skeleton=HERE / "skeleton",
    required_sections=("ccpa",),
    completeness="datamap.regimes.ccpa.completeness:check_ccpa",
    consistency="datamap.regimes.ccpa.completeness:check_references",
    document="datamap.regimes.ccpa.document:render_policy",
    section="datamap.regimes.ccpa.document:render_section",
    notices="datamap.regimes.ccpa.notices:render_notices",
    notice_list="datamap.regimes.ccpa.notices:notice_entries",
)
