"""The UK GDPR (with the Data Protection Act 2018): the GDPR family's templates, the UK's adequacy
regulations (``data/adequacy.yaml``), the UK representative (Art 27) and the Information Commissioner."""

from datamap.regimes import Regime
from datamap.regimes.gdpr import HERE, TEMPLATES

REGIME = Regime(
    key="uk_gdpr",
    name="UK GDPR",
    family="gdpr",
    template_root="gdpr",
    languages=("en",),
    templates=TEMPLATES,
    example_country="GB",
    skeleton=HERE.parent / "uk_gdpr" / "skeleton",
    completeness="datamap.regimes.gdpr.completeness:check_uk_gdpr",
    document="datamap.regimes.gdpr.document:render_policy",
    section="datamap.regimes.gdpr.document:render_section",
    notices="datamap.regimes.gdpr.notices:render_notices",
)
