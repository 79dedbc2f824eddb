"""Stages 3-4: the lineage graph of the inventory and the facts every document derives from it."""
