"""The font the PNG and PDF exports embed: Liberation Sans 2.1.5, regular and bold, shipped
unmodified with its licence (SIL Open Font License 1.1, see ``LICENSE`` here).

It has Helvetica's metrics, which the layout measures text with, so text fits its boxes,
and it is passed to the renderers explicitly: the files look the same on every machine, with
or without fonts installed. (Italic text is drawn upright, to keep the wheel small.)
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
FAMILY = "Liberation Sans"
REGULAR = FOLDER / "LiberationSans-Regular.ttf"
BOLD = FOLDER / "LiberationSans-Bold.ttf"
