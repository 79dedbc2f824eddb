"""Stage 1-2: reading the inventory files and turning them into one checked, typed model."""
