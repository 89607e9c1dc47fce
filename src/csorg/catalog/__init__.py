"""The catalogs: YAML files of roles, structures, rules and figures, read safely, checked and
layered into one :class:`~csorg.catalog.schema.Catalog`.

Reading goes ``files`` (which files) → ``yamlload`` (safe YAML with positions; ``yamltext``
counts lines as editors do and explains syntax errors) → ``parse`` (schema, entry by entry)
→ ``layering`` → ``checks`` (a package of small checks across entries) → ``load``; the
``snapshot`` skips all of it for the shipped catalogs. ``validate`` reports problems for
people and CI, ``jsonschema`` gives editors the schema, ``lookup`` and ``explain`` answer
questions about roles.
"""
