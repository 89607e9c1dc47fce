"""The rules engine: from a catalog and a company's inputs to a sized, explained org.

``inputs`` checks what was asked, ``build`` chooses the structure and sizes it (with
``sizing``'s seat arithmetic), ``result`` is what the renderers and exports read.
"""
