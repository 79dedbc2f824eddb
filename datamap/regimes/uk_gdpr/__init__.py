"""The UK GDPR (with the Data Protection Act 2018): the GDPR family's templates and documents, with the UK's
adequacy regulations (``data/adequacy.yaml``), the UK representative (Art 27) and the Information
Commissioner (``data/authority.yaml``)."""

from dataclasses import replace
from pathlib import Path

from datamap.regimes.gdpr import REGIME as GDPR

REGIME = replace(
    GDPR,
    key="uk_gdpr",
    name="UK GDPR",
    example_country="GB",
    skeleton=Path(__file__).resolve().parent / "skeleton",
    completeness="datamap.regimes.gdpr.completeness:check_uk_gdpr",
)
