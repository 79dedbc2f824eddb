"""datamap's errors. Problems in the inventory are findings (datamap.findings), not exceptions."""


class DatamapError(Exception):
    """Base of the errors the command line reports in one line, without a traceback."""


class UsageError(DatamapError):
    """A problem with how datamap was called (exit 2)."""


class TemplateProblem(DatamapError):
    """A template that is missing, malformed, or did something the sandbox forbids (exit 1)."""


class TemplateBug(Exception):
    """One of datamap's own templates failed on valid data: a bug in datamap, never the user's (exit 3)."""


class DiagramError(RuntimeError):
    """Graphviz is missing or failed (:mod:`datamap.site.diagram`; here so that catching it imports no graph library)."""
