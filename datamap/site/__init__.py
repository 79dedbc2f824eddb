"""Stage 6: the docs site's generated pages, diagrams and the stale-page check."""
