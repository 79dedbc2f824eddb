"""datamap: a YAML data inventory -> lineage graph -> privacy policy, processor tables, notices and site."""

__version__ = "0.1.0"
