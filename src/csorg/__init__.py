"""csorg: recommend how to structure a Customer Success team.

The package is a small typed core (catalog loading, the rules engine, sizing) with a thin
command line in :mod:`csorg.cli`. Importing it does no work: catalogs load on demand.
"""

__version__ = "0.1.0"
