"""Read YAML safely: plain data only, hard limits, and where each value came from.

PyYAML's loaders build whatever tags ask for, keep the last of two duplicate keys without a
word, recurse once per nesting level and expand aliases without bound. csorg reads every file
through :func:`load_yaml` instead, which walks libyaml's event stream (the C parser where it is
available) with an explicit stack and

* builds only strings, numbers, booleans, nulls, lists and mappings; any other tag
  (``!!python/...``, ``!!binary``, local tags) is a problem at its line;
* rejects duplicate keys, merge keys (``<<``), more than one document and empty files;
* stops at :data:`MAX_FILE_BYTES`, :data:`MAX_DEPTH` levels of nesting and :data:`MAX_NODES`
  values (aliases count every time they are used, which defeats "billion laughs");
* reports undecodable bytes, NUL bytes and UTF-16/32 files with their position.

Mapping keys are always the text as written, so ``on:`` stays the key ``"on"``; values follow
YAML 1.1 as PyYAML does, so ``id: no`` gives ``False`` and the schema reports a type error
there. Timestamps stay strings. Positions are only gathered when asked for (``locate=True``),
because the common case, a valid file, never needs them.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csorg.errors import CsorgError, Problem
from csorg.fileio import MAX_FILE_BYTES, read_bytes

MAX_DEPTH = 64
MAX_NODES = 1_000_000

KeyPath = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER: Any = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based
    text: str | None = None  # the scalar as written, for hints such as "quote `no`"


@dataclass
class Document:
    """One parsed file: its data, the problems found while reading it, and positions."""

    file: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)

    def locate(self, path: KeyPath, *, key: bool = False) -> Position | None:
        """Where ``path`` is, or its nearest located ancestor (for missing fields)."""
        if key and path in self.keys:
            return self.keys[path]
        probe = path
        while True:
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return None
            probe = probe[:-1]


def decode(data: bytes, file: str) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is dropped); anything else is an error."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise CsorgError.at(file, "file is UTF-32 encoded; save it as UTF-8", line=1, column=1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsorgError.at(file, "file is UTF-16 encoded; save it as UTF-8", line=1, column=1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\0")
    if nul >= 0:
        line, column = _line_column(data, nul)
        raise CsorgError.at(
            file, "file holds NUL bytes: it is binary, not YAML", line=line, column=column
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_column(data, exc.start)
        raise CsorgError.at(
            file, f"invalid UTF-8 byte 0x{data[exc.start]:02x}", line=line, column=column
        ) from None


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def load_file(path: Path, display: str | None = None, *, locate: bool = False) -> Document:
    name = display or str(path)
    return load_yaml(read_bytes(path, name), name, locate=locate)


def load_yaml(data: bytes | str, file: str, *, locate: bool = False) -> Document:
    """Parse one YAML document into plain data.

    Fatal problems (syntax, encoding, limits) raise :class:`CsorgError`; problems that leave
    the rest of the file readable (a duplicate key, an unsupported tag) are collected in
    ``Document.problems`` so that one run reports them all.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise CsorgError.at(file, "file is too large")
        text = decode(data, file)
    else:
        text = data
    builder = _Builder(file, locate)
    try:
        builder.run(_events(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(m) for m in (exc.context, exc.problem) if m) or "invalid YAML"
        raise CsorgError.at(
            file,
            f"YAML syntax error: {message}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise CsorgError.at(
            file,
            f"character U+{code:04X} is not allowed in YAML ({exc.reason})",
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:
        raise CsorgError.at(file, f"YAML error: {exc}") from None
    return builder.document


_IMPLICIT: dict[Any, list[tuple[str, Any]]] = _RESOLVER.yaml_implicit_resolvers
_WILDCARD = _IMPLICIT.get(None, [])
_STR = _TAG + "str"


def _events(text: str) -> Iterator[Any]:
    """libyaml's events, pulled straight from the parser (cheaper than ``yaml.parse``)."""
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            yield event
            if event.__class__ is yaml.StreamEndEvent:
                return
    finally:
        loader.dispose()


def _plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar (what PyYAML's resolver does, minus its overhead)."""
    for tag, pattern in _IMPLICIT.get(value[:1], ()):
        if pattern.match(value):
            return tag
    for tag, pattern in _WILDCARD:
        if pattern.match(value):
            return tag
    return _STR


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "key", "key_lines", "nodes", "path")

    def __init__(
        self, container: dict[str, Any] | list[Any], path: KeyPath, anchor: str | None
    ) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.path = path
        self.anchor = anchor
        self.nodes = 1
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_lines: dict[str, int] = {}


class _Builder:
    """Builds plain data from libyaml's events, one loop and an explicit stack.

    The loop is the hot path for large catalogs, so scalars are handled inline and paths
    (tuples naming where a value is) are only built when positions are asked for or a
    problem has to name its field.
    """

    def __init__(self, file: str, locate: bool) -> None:
        self.document = Document(file=file, data=None)
        self.locate = locate
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.documents = 0

    # -- helpers -----------------------------------------------------------------------

    def problem(self, mark: Any, message: str, path: KeyPath | None = None) -> None:
        self.document.problems.append(
            Problem(
                file=self.document.file,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                field=_dotted(path) if path else None,
                message=message,
            )
        )

    def fatal(self, mark: Any, message: str) -> CsorgError:
        return CsorgError.at(
            self.document.file,
            message,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )

    def too_many(self, mark: Any) -> CsorgError:
        return self.fatal(
            mark,
            f"more than {MAX_NODES:,} values (counting each use of an alias): "
            "the file is too large or an alias expands without bound",
        )

    def next_path(self) -> KeyPath | None:
        """The path of the value about to start, or None if it is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if not top.is_map:
            return (*top.path, len(top.container))
        if top.key is None:
            return None
        return (*top.path, top.key)

    def place(self, value: Any, nodes: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, nodes)
        if not self.stack:
            self.document.data = value
            return
        top = self.stack[-1]
        top.nodes += nodes
        if top.is_map:
            top.container[top.key] = value  # type: ignore[index,call-overload]
            top.key = None
        else:
            top.container.append(value)  # type: ignore[union-attr]

    # -- events ------------------------------------------------------------------------

    def run(self, events: Iterator[Any]) -> None:
        scalar_event = yaml.ScalarEvent
        starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        stack = self.stack
        locate = self.locate
        for event in events:
            kind = event.__class__
            if kind is scalar_event:
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    raise self.too_many(event.start_mark)
                top = stack[-1] if stack else None
                if top is not None and top.is_map and top.key is None:
                    self.key(event, top)
                    continue
                value = event.value
                if event.tag is None and event.style:
                    result: Any = value  # quoted or block scalars are always text
                elif event.tag is None and _plain_tag(value) == _STR:
                    result = value
                else:
                    result = self.construct(event)
                if locate:
                    path = self.next_path()
                    assert path is not None
                    mark: Any = event.start_mark
                    written = None if event.style else value
                    self.document.values[path] = Position(mark.line + 1, mark.column + 1, written)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (result, 1)
                if top is None:
                    self.document.data = result
                elif top.is_map:
                    top.container[top.key] = result  # type: ignore[index,call-overload]
                    top.key = None
                    top.nodes += 1
                else:
                    top.container.append(result)  # type: ignore[union-attr]
                    top.nodes += 1
            elif kind in starts:
                self.start(event)
            elif kind in ends:
                frame = stack.pop()
                self.place(frame.container, frame.nodes, frame.anchor)
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fatal(
                        event.start_mark,
                        "more than one YAML document ('---'); a catalog file holds exactly one",
                    )
        if self.documents == 0:
            raise CsorgError.at(self.document.file, "file is empty", line=1, column=1)

    def start(self, event: Any) -> None:
        mark: Any = event.start_mark
        path = self.next_path()
        if path is None:
            raise self.fatal(mark, "a mapping key must be plain text, not a list or mapping")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fatal(mark, f"nesting deeper than {MAX_DEPTH} levels")
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.too_many(mark)
        is_map = isinstance(event, yaml.MappingStartEvent)
        expected = _TAG + ("map" if is_map else "seq")
        if event.tag not in (None, "!", expected):
            self.problem(mark, f"unsupported YAML tag {event.tag!r}", path)
        if self.locate:
            self.document.values[path] = Position(mark.line + 1, mark.column + 1)
        container: dict[str, Any] | list[Any] = {} if is_map else []
        self.stack.append(_Frame(container, path, event.anchor))

    def key(self, event: Any, top: _Frame) -> None:
        mark: Any = event.start_mark
        key = event.value
        if event.tag not in (None, "!", _STR):
            self.problem(mark, f"unsupported YAML tag {event.tag!r} on a key", top.path)
        if key == "<<" and not event.style:
            self.problem(
                mark, "merge keys ('<<') are not supported; write the fields out", top.path
            )
        if self.locate:
            self.document.keys[(*top.path, key)] = Position(mark.line + 1, mark.column + 1, key)
        if key in top.key_lines:
            self.problem(
                mark,
                f"duplicate key {key!r} (first given on line {top.key_lines[key]}); "
                "YAML keeps only one of them",
                (*top.path, key),
            )
        else:
            top.key_lines[key] = mark.line + 1
        top.key = key

    def alias(self, event: Any) -> None:
        mark: Any = event.start_mark
        path = self.next_path()
        if path is None:
            raise self.fatal(mark, "an alias cannot be used as a mapping key")
        name = event.anchor
        if name not in self.anchors:
            if any(frame.anchor == name for frame in self.stack):
                raise self.fatal(mark, f"alias *{name} refers to the value that contains it")
            raise self.fatal(mark, f"alias *{name} names no anchor defined before it")
        value, nodes = self.anchors[name]
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise self.too_many(mark)
        if self.locate:
            self.document.values[path] = Position(mark.line + 1, mark.column + 1)
        self.place(value, nodes, None)

    def construct(self, event: Any) -> Any:
        """A scalar that is not plain text: typed, or explicitly tagged."""
        tag = event.tag
        if tag in (None, "!"):
            tag = _plain_tag(event.value) if not event.style else _STR
        if tag not in _SCALAR_TAGS:
            self.problem(event.start_mark, f"unsupported YAML tag {tag!r}", self.next_path())
            return None
        if tag in (_STR, _TAG + "timestamp"):
            return event.value
        node = yaml.ScalarNode(tag, event.value)
        try:
            if tag == _TAG + "null":
                return None
            if tag == _TAG + "bool":
                return _CONSTRUCTOR.construct_yaml_bool(node)
            if tag == _TAG + "int":
                return _CONSTRUCTOR.construct_yaml_int(node)
            return _CONSTRUCTOR.construct_yaml_float(node)
        except (ValueError, KeyError, yaml.YAMLError):
            self.problem(
                event.start_mark,
                f"{event.value!r} is not a valid {tag[len(_TAG) :]}",
                self.next_path(),
            )
            return None


def _dotted(path: KeyPath) -> str:
    """``("roles", 3, "title")`` as ``roles[3].title``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


dotted = _dotted
