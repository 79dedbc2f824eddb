"""The EU General Data Protection Regulation: a notice under Art 13 and 14, and notices at collection.

Templates: ``templates/gdpr/<lang>/`` (English ships; another language is a project override). The UK GDPR
(:mod:`datamap.regimes.uk_gdpr`) is the same family: one document or section serves both.
"""

from pathlib import Path

from datamap.regimes import Regime

HERE = Path(__file__).resolve().parent

#: what a language of the GDPR family needs, under templates/gdpr/<lang>/
TEMPLATES = (
    "policy.md.j2", "section.md.j2", "words.j2",
    "policy/controller.md.j2", "policy/data.md.j2", "policy/purposes.md.j2", "policy/recipients.md.j2",
    "policy/transfers.md.j2", "policy/retention.md.j2", "policy/rights.md.j2", "policy/automated.md.j2",
    "policy/children.md.j2", "policy/cookies.md.j2", "policy/security.md.j2", "policy/changes.md.j2",
    "notices/consent.md.j2", "notices/collection.md.j2", "processors.md.j2", "site/words.j2",
)

REGIME = Regime(
    key="gdpr",
    name="EU GDPR",
    family="gdpr",
    template_root="gdpr",
    languages=("en",),
    templates=TEMPLATES,
    example_country="DE",
    skeleton=HERE / "skeleton",
    completeness="datamap.regimes.gdpr.completeness:check_gdpr",
    document="datamap.regimes.gdpr.document:render_policy",
    section="datamap.regimes.gdpr.document:render_section",
    notices="datamap.regimes.gdpr.notices:render_notices",
)
