"""datamap: a YAML data inventory -> lineage graph -> privacy policy, processor tables, notices and site."""

__version__ = "0.1.0"
#: where datamap's source lives: ``datamap init`` pins new projects' workflows to ``git+REPOSITORY@v<version>``
REPOSITORY = "https://github.com/datamap-dev/datamap"
