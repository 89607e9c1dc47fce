"""The company profile (``csorg.yaml``): a company's inputs in a file, so that nobody retypes
ten flags on every command.

``csorg init`` writes it (:mod:`~csorg.profile.write`); every command that takes company
inputs reads it (:mod:`~csorg.profile.read`) and lays the flags given over it; ``csorg
validate`` checks it (:mod:`~csorg.profile.validate`) and ``csorg schema profile`` prints its
JSON Schema (:mod:`~csorg.profile.schema`).
"""
