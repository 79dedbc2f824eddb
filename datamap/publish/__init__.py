"""Stage 5: documents rendered from the facts: Markdown, HTML, PDF, CSV and JSON."""
