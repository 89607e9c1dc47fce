"""Read YAML safely: plain data only, hard limits, and where each value came from.

PyYAML's loaders build whatever tags ask for, keep the last of two duplicate keys without a
word, recurse once per nesting level and expand aliases without bound. csorg reads every file
through :func:`load_yaml` instead, which walks libyaml's event stream (the C parser where it is
available) with an explicit stack and

* builds only strings, numbers, booleans, nulls, lists and mappings; any other tag
  (``!!python/...``, ``!!binary``, local tags) is a problem at its line;
* rejects duplicate keys, merge keys (``<<``), more than one document and empty files;
* stops at :data:`MAX_FILE_BYTES`, :data:`MAX_DEPTH` levels of nesting, :data:`MAX_NODES`
  values and :data:`MAX_TEXT` characters of text, where an alias counts every time it is
  used, both its values and its depth (which defeats "billion laughs" and deep-alias chains
  before anything expands them);
* reports undecodable bytes, NUL bytes and UTF-16/32 files with their position (a UTF-8
  byte-order mark is allowed and skipped);
* keeps at most :data:`MAX_PROBLEMS` problems per file and counts the rest;
* counts lines as editors do (:mod:`csorg.catalog.yamltext`), and explains syntax errors in
  plain words beside libyaml's own text.

Mapping keys are always the text as written, so ``on:`` stays the key ``"on"``; values follow
YAML 1.1 as PyYAML does, so ``id: no`` gives ``False`` and the schema reports a type error
there. Timestamps stay strings. Positions are only gathered when asked for (``locate=True``),
because the common case, a valid file, never needs them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from csorg.catalog.yamltext import Lines, byte_position, nesting_past, syntax_hint
from csorg.errors import CsorgError, Problem
from csorg.fileio import MAX_FILE_BYTES, read_bytes

MAX_DEPTH = 64
MAX_NODES = 1_000_000
MAX_TEXT = MAX_FILE_BYTES  # characters of scalar text once aliases are expanded
MAX_PROBLEMS = 1000  # per file; a broken file of a million values reports the first ones

KeyPath = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER: Any = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_INT = _TAG + "int"
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = _RESOLVER.yaml_implicit_resolvers
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_ENTRY_DEPTH = 2  # ("roles", 3): an entry of a top-level section
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


class Position(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based
    text: str | None = None  # the scalar as written, for hints such as "quote `no`"


@dataclass
class Document:
    """One parsed file: its data, the problems found while reading it, and positions."""

    file: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    flagged: set[KeyPath] = field(default_factory=set)  # values the problems already explain
    sizes: dict[KeyPath, int] = field(default_factory=dict)  # values in each section entry
    dropped: int = 0  # problems past MAX_PROBLEMS, counted but not kept
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

    def field_name(self, path: KeyPath) -> str:
        """``path`` as people read it: list entries with an id are named by it,
        ``("roles", 3, "title")`` as ``roles[csm].title``."""
        out = ""
        node = self.data
        for part in path:
            node = _child(node, part)
            if isinstance(part, int):
                entry_id = node.get("id") if isinstance(node, dict) else None
                if isinstance(entry_id, str) and _ID.fullmatch(entry_id) and not entry_id.isdigit():
                    out += f"[{entry_id}]"
                else:
                    out += f"[{part}]"
            else:
                text = shorten(part, 60)
                out += f".{text}" if out else text
        return out


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
        return node[part]
    if isinstance(part, str) and isinstance(node, dict):
        return node.get(part)
    return None


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for a message (a value can be megabytes long)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        line, column = byte_position(data, nul)
        raise CsorgError.at(
            file,
            "file holds NUL bytes: it is binary, or UTF-16/32 text; save it as UTF-8",
            line=line,
            column=column,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(data, exc.start)
        raise CsorgError.at(
            file,
            f"invalid UTF-8 byte 0x{data[exc.start]:02x}; save the file as UTF-8",
            line=line,
            column=column,
        ) from None


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
            raise CsorgError.at(
                file, f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB csorg reads"
            )
        text = decode(data, file)
    else:
        text = data
    lines = Lines(text)
    builder = _Builder(file, locate, lines)
    try:
        builder.run(_events(text))
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, builder, lines) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        # found again here: parsers give its position in bytes or in characters
        found = _NOT_PRINTABLE.search(text)
        line, column = lines.of(found.start() if found else 0)
        raise CsorgError.at(
            file,
            f"character U+{code:04X} is not allowed in YAML ({exc.reason})",
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:
        raise CsorgError.at(file, f"YAML error: {exc}") from None
    return builder.finish()


# the characters YAML 1.1 allows in a file: tab, line breaks and the printable ones
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _syntax_error(exc: yaml.MarkedYAMLError, builder: _Builder, lines: Lines) -> CsorgError:
    """csorg's message for a libyaml error: its nesting limit where the text around the error
    nests deeper than that (whichever limit the parser hit first), else libyaml's text with
    a hint in plain words."""
    file = builder.document.file
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return CsorgError.at(file, f"YAML syntax error: {exc.problem or 'invalid YAML'}")
    depth = len(builder.tree.stack)
    deep = nesting_past(lines.text, builder.read_to, mark.index, depth, MAX_DEPTH)
    if deep is not None:
        line, column = lines.of(deep)
        return CsorgError.at(file, _too_deep(), line=line, column=column)
    message = " ".join(str(m) for m in (exc.context, exc.problem) if m) or "invalid YAML"
    context = exc.context_mark.index if exc.context_mark else None
    hint = syntax_hint(lines, mark.index, context)
    line, column = lines.at(mark)
    return CsorgError.at(
        file,
        f"YAML syntax error: {message}{'; ' + hint if hint else ''}",
        line=line,
        column=column,
    )


def _too_deep() -> str:
    return f"nesting deeper than {MAX_DEPTH} levels"


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


class _Frame:
    """A list or mapping being built, and what it costs once expanded: values, characters
    of text and levels of nesting (an alias to it costs the same again)."""

    __slots__ = (
        "anchor",
        "container",
        "dropped",
        "height",
        "is_map",
        "key",
        "key_lines",
        "nodes",
        "path",
        "text",
    )

    def __init__(self, container: dict[str, Any] | list[Any], path: KeyPath, anchor: Any) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.path = path
        self.anchor: str | None = anchor
        self.nodes = 1
        self.text = 0
        self.height = 1
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_lines: dict[str, int] = {}  # key -> where it is (a character index)
        self.dropped = False  # under an unsupported tag: read to the end, then left out


class _Problems:
    """Problems found while reading one file. They are named by field only when the file is
    finished, once every entry's id is known; past :data:`MAX_PROBLEMS` they are counted."""

    def __init__(self, document: Document, lines: Lines) -> None:
        self.document = document
        self.at = lines.at  # a mark's line and column, as editors count them
        self.pending: list[tuple[Any, str, KeyPath | None]] = []
        self.dropped = 0

    def add(self, mark: Any, message: str, path: KeyPath | None = None) -> None:
        if path is not None:
            self.document.flagged.add(path)
        if len(self.pending) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        self.pending.append((mark, message, path))

    def fatal(self, mark: Any, message: str) -> CsorgError:
        """The error that ends the reading of the file."""
        line, column = self.at(mark) if mark else (None, None)
        return CsorgError.at(self.document.file, message, line=line, column=column)

    def finish(self) -> None:
        doc = self.document
        for mark, message, path in self.pending:
            line, column = self.at(mark) if mark else (None, None)
            doc.problems.append(
                Problem(
                    file=doc.file,
                    line=line,
                    column=column,
                    field=doc.field_name(path) or None if path else None,
                    message=message,
                )
            )
        doc.dropped = self.dropped


class _Tree:
    """The data being built: the lists and mappings still open (an explicit stack), the
    anchors, and what everything read so far costs once expanded, against the limits."""

    def __init__(self, document: Document, problems: _Problems, locate: bool, lines: Lines):
        self.document = document
        self.problems = problems
        self.locate = locate
        self.at = lines.at
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int, int]] = {}  # value, nodes, text, height
        self.nodes = 0
        self.text = 0

    def limits(self, mark: Any, height: int = 0) -> None:
        """Raise when the values, text or depth read so far pass their limit."""
        if self.nodes > MAX_NODES:
            raise self.problems.fatal(
                mark,
                f"more than {MAX_NODES:,} values (counting each use of an alias): "
                "the file is too large or an alias expands without bound",
            )
        if self.text > MAX_TEXT:
            raise self.problems.fatal(
                mark,
                f"more than {MAX_TEXT:,} characters of text (counting each use of an alias): "
                "an alias expands without bound",
            )
        if len(self.stack) + height > MAX_DEPTH:
            raise self.problems.fatal(mark, _too_deep())

    def next_path(self) -> KeyPath:
        """The path of the value about to start (never a mapping key)."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.is_map:
            return (*top.path, top.key or "")
        return (*top.path, len(top.container))

    def expects_key(self) -> bool:
        return bool(self.stack) and self.stack[-1].is_map and self.stack[-1].key is None

    def record(self, path: KeyPath, mark: Any, text: str | None = None) -> None:
        self.document.values[path] = Position(*self.at(mark), text)

    def place(self, value: Any, nodes: int, text: int, height: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, nodes, text, height)
        if not self.stack:
            self.document.data = value
            return
        top = self.stack[-1]
        top.nodes += nodes
        top.text += text
        if height >= top.height:
            top.height = height + 1
        if top.is_map:
            top.container[top.key] = value  # type: ignore[index,call-overload]
            top.key = None
        else:
            top.container.append(value)  # type: ignore[union-attr]

    def open(self, event: Any) -> None:
        """A list or mapping starts."""
        mark: Any = event.start_mark
        if self.expects_key():
            raise self.problems.fatal(
                mark, "a mapping key must be plain text, not a list or mapping"
            )
        path = self.next_path()
        self.nodes += 1
        self.limits(mark, height=1)
        is_map = event.__class__ is yaml.MappingStartEvent
        if self.locate:
            self.record(path, mark)
        container: dict[str, Any] | list[Any] = {} if is_map else []
        self.stack.append(_Frame(container, path, event.anchor))
        if event.tag not in (None, "!", _TAG + ("map" if is_map else "seq")):
            self.problems.add(mark, _unsupported(event.tag), path)
            self.stack[-1].dropped = True

    def close(self) -> None:
        """The innermost list or mapping ends."""
        frame = self.stack.pop()
        if len(frame.path) == _ENTRY_DEPTH:
            self.document.sizes[frame.path] = frame.nodes
        value = None if frame.dropped else frame.container
        self.place(value, frame.nodes, frame.text, frame.height, frame.anchor)

    def alias(self, event: Any) -> None:
        """An alias: the anchored value again, costing what it cost the first time."""
        mark: Any = event.start_mark
        if self.expects_key():
            raise self.problems.fatal(mark, "an alias cannot be used as a mapping key")
        path = self.next_path()
        name = event.anchor or ""
        if name not in self.anchors:
            if any(frame.anchor == name for frame in self.stack):
                raise self.problems.fatal(
                    mark, f"alias *{shorten(name)} refers to the value that contains it"
                )
            raise self.problems.fatal(
                mark, f"alias *{shorten(name)} names no anchor defined before it"
            )
        value, nodes, text, height = self.anchors[name]
        self.nodes += nodes
        self.text += text
        self.limits(mark, height)
        if len(path) == _ENTRY_DEPTH:
            self.document.sizes[path] = nodes
        if self.locate:
            self.record(path, mark)
        self.place(value, nodes, text, height, None)


class _Builder:
    """Builds plain data from libyaml's events, one loop over them.

    The loop is the hot path for large catalogs, so scalars are handled inline and paths
    (tuples naming where a value is) are only built when positions are asked for or a
    problem has to name its field.
    """

    def __init__(self, file: str, locate: bool, lines: Lines) -> None:
        self.document = Document(file=file, data=None)
        self.lines = lines
        self.problems = _Problems(self.document, lines)
        self.tree = _Tree(self.document, self.problems, locate, lines)
        self.read_to = 0  # where the last event read ended (a syntax error lies beyond)
        self.documents = 0

    def finish(self) -> Document:
        """The document, its problems named by field now that every entry's id is known."""
        self.problems.finish()
        return self.document

    def run(self, events: Iterator[Any]) -> None:
        scalar_event = yaml.ScalarEvent
        starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        tree = self.tree
        stack = tree.stack
        locate = tree.locate
        event = None
        try:
            for event in events:
                kind = event.__class__
                if kind is scalar_event:
                    value = event.value
                    tree.nodes += 1
                    tree.text += len(value)
                    if tree.nodes > MAX_NODES or tree.text > MAX_TEXT:
                        tree.limits(event.start_mark)
                    top = stack[-1] if stack else None
                    if top is not None and top.is_map and top.key is None:
                        self.key(event, top)
                        continue
                    if top is None and not value and not event.style and event.tag is None:
                        raise CsorgError.at(self.document.file, "file is empty", line=1, column=1)
                    if event.tag is None and (event.style or _resolve(value) == _STR):
                        result: Any = value  # quoted, block or plain text
                    else:
                        result, trouble = _scalar(event)
                        if trouble:
                            self.problems.add(event.start_mark, trouble, tree.next_path())
                    if locate:
                        tree.record(
                            tree.next_path(), event.start_mark, None if event.style else value
                        )
                    if event.anchor is not None:
                        tree.anchors[event.anchor] = (result, 1, len(value), 0)
                    if top is None:
                        self.document.data = result
                        continue
                    top.nodes += 1
                    top.text += len(value)
                    if top.is_map:
                        top.container[top.key] = result  # type: ignore[index,call-overload]
                        top.key = None
                    else:
                        top.container.append(result)  # type: ignore[union-attr]
                elif kind in starts:
                    tree.open(event)
                elif kind in ends:
                    tree.close()
                elif kind is yaml.AliasEvent:
                    tree.alias(event)
                elif kind is yaml.DocumentStartEvent:
                    self.documents += 1
                    if self.documents > 1:
                        raise self.problems.fatal(
                            event.start_mark,
                            "more than one YAML document ('---'); a catalog file holds exactly one",
                        )
        except yaml.MarkedYAMLError:
            # the parser read past the last event; how far decides what the error is
            self.read_to = event.end_mark.index if event is not None else 0
            raise
        if self.documents == 0:
            raise CsorgError.at(self.document.file, "file is empty", line=1, column=1)

    def key(self, event: Any, top: _Frame) -> None:
        key = event.value
        top.nodes += 1  # keys are expanded with their mapping too
        top.text += len(key)
        mark: Any = event.start_mark
        if event.tag not in (None, "!", _STR):
            self.problems.add(mark, f"{_unsupported(event.tag)} on a key", top.path)
        if key == "<<" and not event.style:
            self.document.flagged.add((*top.path, key))
            self.problems.add(
                mark, "merge keys ('<<') are not supported; write the fields out", top.path
            )
        if self.tree.locate:
            self.document.keys[(*top.path, key)] = Position(*self.lines.at(mark), key)
        if key in top.key_lines:
            self.problems.add(
                mark,
                f"duplicate key {shorten(key)!r} (first given on line "
                f"{self.lines.of(top.key_lines[key])[0]}); "
                "YAML keeps only one of them",
                (*top.path, key),
            )
        else:
            top.key_lines[key] = mark.index
        top.key = key


def _scalar(event: Any) -> tuple[Any, str | None]:
    """A scalar that is not plain text, typed or explicitly tagged; or None and the problem
    with it."""
    value = event.value
    tag = event.tag
    if tag in (None, "!"):
        tag = _resolve(value) if event.implicit[0] else _STR
    if tag == _STR or tag == _TAG + "timestamp":
        return value, None
    if (  # plain decimal, the common case; a leading 0 is octal in YAML 1.1
        tag == _INT
        and len(value) < 19
        and value.isascii()
        and value.isdigit()
        and (value[0] != "0" or value == "0")
    ):
        return int(value), None
    if tag not in _SCALAR_TAGS:
        return None, _unsupported(tag)
    node = yaml.ScalarNode(tag, value)
    try:
        if tag == _TAG + "null":
            return None, None
        if tag == _TAG + "bool":
            return _CONSTRUCTOR.construct_yaml_bool(node), None
        if tag == _INT:
            return _CONSTRUCTOR.construct_yaml_int(node), None
        return _CONSTRUCTOR.construct_yaml_float(node), None
    except (ValueError, KeyError, yaml.YAMLError):
        return None, f"{shorten(value)!r} is not a valid {tag[len(_TAG) :]}"


def _unsupported(tag: str) -> str:
    written = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return (
        f"unsupported YAML tag {shorten(written, 60)}: a catalog holds only text, numbers, "
        "true/false, lists and mappings"
    )


def _resolve(plain: str) -> str:
    """The tag YAML 1.1 gives a plain scalar, as PyYAML's resolver does, except that the
    schema-language tags (a lone ``=``, ``<<``, ``!``) stay text: they are not data."""
    for tag, pattern in _IMPLICIT.get(plain[:1], ()):
        if pattern.match(plain):
            return tag if tag in _SCALAR_TAGS else _STR
    return _STR


def too_many() -> str:
    return f"more problems not shown: csorg reports at most {MAX_PROBLEMS:,} per file"
