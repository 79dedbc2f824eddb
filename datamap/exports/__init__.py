"""Records and interop: the inventory written in other tools' and authorities' shapes (and read back from Fides)."""
