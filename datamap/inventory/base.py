"""The base of every inventory mapping: unknown keys are errors; entities have an id."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from datamap.inventory.values import MAX_STRING

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="lower-case identifier, unique in its section")]


class Schema(BaseModel):
    """Base of every inventory mapping: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, str_max_length=MAX_STRING)


class Entity(Schema):
    id: Id
