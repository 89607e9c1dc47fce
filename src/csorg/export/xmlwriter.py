"""A small streaming XML writer for the GraphML and draw.io exports: indented elements with
escaped attributes and text, written straight to a list of lines (several times faster than
building an ElementTree for charts of thousands of boxes, and as safe: every value goes
through :func:`attribute` or :func:`text`)."""

from __future__ import annotations

import re
from collections.abc import Mapping

_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_PLAIN_ATTRIBUTE = re.compile('[^&<>"\n\r\t]*')
_PLAIN_TEXT = re.compile("[^&<>]*")


def attribute(value: str) -> str:
    """A value for a double-quoted attribute; line breaks and tabs survive parsing."""
    if _PLAIN_ATTRIBUTE.fullmatch(value):  # most values (ids, numbers) need nothing
        return value
    return value.translate(_ATTRIBUTE)


def text(value: str) -> str:
    return value if _PLAIN_TEXT.fullmatch(value) else value.translate(_TEXT)


class XmlWriter:
    def __init__(self) -> None:
        self.lines = ['<?xml version="1.0" encoding="UTF-8"?>']
        self.depth = 0

    def _tag(self, name: str, attributes: Mapping[str, str]) -> str:
        pairs = "".join(f' {key}="{attribute(value)}"' for key, value in attributes.items())
        return f"{'  ' * self.depth}<{name}{pairs}"

    def open(self, name: str, attributes: Mapping[str, str] | None = None) -> None:
        self.lines.append(self._tag(name, attributes or {}) + ">")
        self.depth += 1

    def close(self, name: str) -> None:
        self.depth -= 1
        self.lines.append(f"{'  ' * self.depth}</{name}>")

    def leaf(self, name: str, attributes: Mapping[str, str] | None = None, body: str = "") -> None:
        """An element with no children: empty, or holding ``body`` as text."""
        start = self._tag(name, attributes or {})
        self.lines.append(f"{start}>{text(body)}</{name}>" if body else f"{start} />")

    def result(self) -> str:
        return "\n".join(self.lines) + "\n"
