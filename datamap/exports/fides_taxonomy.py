"""The default Fides taxonomy: keys and names of data categories, data uses and data subjects.

Copied from fideslang's default taxonomy (see ``source`` in the JSON file), so that importing Fides
manifests needs no fideslang at run time. The Fides taxonomy is by Ethyca, Inc., licensed under
CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); item labels that come from it say so.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ATTRIBUTION = "Labels from the Fides taxonomy by Ethyca, Inc. (fideslang), licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/"


@lru_cache(maxsize=1)
def taxonomy() -> dict:
    return json.loads((Path(__file__).parent / "fides_taxonomy.json").read_text(encoding="utf-8"))


def is_default(kind: str, key: str) -> bool:
    return key in taxonomy()[kind]


def name(kind: str, key: str) -> str | None:
    return taxonomy()[kind].get(key)
