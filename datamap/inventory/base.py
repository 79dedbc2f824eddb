"""The base of every inventory mapping: unknown keys are errors; entities have an id."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from datamap.inventory.values import MAX_STRING, Id


class Schema(BaseModel):
    """Base of every inventory mapping: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, str_max_length=MAX_STRING)


class Entity(Schema):
    id: Id
