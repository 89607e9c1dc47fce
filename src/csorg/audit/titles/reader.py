"""Job titles read as catalog roles, each reading with a confidence and the rule that made it.

In order: a team's own title map (``--titles``); the catalog's titles, aliases and ids
(ignoring case, punctuation and abbreviations: "Cust. Success Mgr." is "Customer Success
Manager"); the candidates of :mod:`csorg.audit.titles.candidates`; a close spelling
(difflib, same number of words). A catalog *close title* ("Account Manager", "Customer
Success Associate") gives a reading that is asked about, never silently applied. The segment
and region a title names are kept with the reading.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Literal

from csorg.audit.titles.candidates import candidates
from csorg.audit.titles.custom import TitleMap
from csorg.audit.titles.normalise import Parsed, parse
from csorg.audit.titles.vocabulary import ABBREVIATIONS, SEGMENTS
from csorg.catalog.lookup import normal_title
from csorg.catalog.schema import ROOT_ROLE, Catalog

Method = Literal["map", "title", "normalised", "close-title", "close-spelling", "none"]
CLOSE_SPELLING = 0.85  # difflib ratio: "Sales Manager" is not read as "Support Manager"
WORD_SPELLING = 0.8  # and each word as close: "Partner" is not a misspelt "Manager"
MAX_FUZZY_WORDS = 8


@dataclass(frozen=True)
class Reading:
    """How a title was read: the role, how sure csorg is, and why."""

    role: str | None
    method: Method
    confidence: float
    rule: str
    ask: str | None = None  # why the reading should be confirmed; None: no question
    matched: str | None = None  # the catalog name the title was matched with
    segment: str | None = None
    region: str | None = None
    seniority: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()


def canonical(text: str) -> str:
    """A normalised title with abbreviations spelled out."""
    words = [ABBREVIATIONS.get(w, w) for w in normal_title(text).split()]
    return " ".join(words).replace("vice president", "vp")


class Names:
    """The catalog's names for roles, as written and spelled out."""

    def __init__(self, catalog: Catalog) -> None:
        self.exact: dict[str, tuple[str, str]] = {}
        self.close: dict[str, tuple[str, str]] = {}
        for role in catalog.roles.values():
            for name in (role.title, *role.aliases, role.id):
                for key in (normal_title(name), canonical(name)):
                    self.exact.setdefault(key, (role.id, name))
            for name in role.close_titles:
                for key in (normal_title(name), canonical(name)):
                    self.close.setdefault(key, (role.id, name))
        by_words: dict[int, list[str]] = {}
        for key in self.exact:
            by_words.setdefault(len(key.split()), []).append(key)
        self.by_words = by_words
        self.implied = {r.id: _implied_segment(r.title) for r in catalog.roles.values()}

    def find(self, text: str) -> tuple[str, str, bool] | None:
        """(role, catalog name, close title?) for a normalised name."""
        for key in (text, canonical(text)):
            if key in self.exact:
                return (*self.exact[key], False)
            if key in self.close:
                return (*self.close[key], True)
        return None

    def spelled(self, text: str) -> tuple[str, str] | None:
        """A catalog name ``text`` is a misspelling of: as many words, each close."""
        text = canonical(text)
        words = text.split()
        if not words or len(words) > MAX_FUZZY_WORDS:
            return None
        for hit in difflib.get_close_matches(
            text, self.by_words.get(len(words), []), n=3, cutoff=CLOSE_SPELLING
        ):
            pairs = zip(words, hit.split(), strict=True)
            if all(
                a == b or difflib.SequenceMatcher(None, a, b).ratio() >= WORD_SPELLING
                for a, b in pairs
            ):
                return self.exact[hit]
        return None


def _implied_segment(title: str) -> str | None:
    """The segment a role's own title names ("Digital Success Manager": scaled)."""
    words = normal_title(title).split()
    return next((SEGMENTS[w] for w in words if w in SEGMENTS), None)


class TitleReader:
    """Reads titles against one catalog (and a team's title map); titles repeat a lot in a
    chart, so each distinct title is read once."""

    def __init__(self, catalog: Catalog, title_map: TitleMap | None = None) -> None:
        self.names = Names(catalog)
        self.title_map = title_map
        self.seen: dict[str, Reading] = {}

    def read(self, title: str) -> Reading:
        if title not in self.seen:
            self.seen[title] = self._read(title)
        return self.seen[title]

    def _read(self, title: str) -> Reading:
        parsed = parse(title)
        mapped = self.title_map.get(title, parsed.whole) if self.title_map else None
        if mapped is not None:
            role, where = mapped
            return self._finish(Reading(role, "map", 1.0, f"your title map ({where})"), parsed)
        reading = self._lookup(parsed.whole, "catalog name", 1.0) or self._parts(parsed)
        if reading is None:
            spelled = self.names.spelled(parsed.head)
            if spelled is not None:
                role, name = spelled
                reading = Reading(role, "close-spelling", 0.75, "close spelling", matched=name)
        return self._finish(
            reading or Reading(None, "none", 0.0, "no catalog role matches"), parsed
        )

    def _lookup(
        self, text: str, rule: str, confidence: float, ask: str | None = None
    ) -> Reading | None:
        found = self.names.find(text) if text else None
        if found is None:
            return None
        role, name, close = found
        if close:
            why = "the title sometimes names this role, but often another job"
            return Reading(role, "close-title", 0.5, f"close title {name!r}", why, name)
        method: Method = "title" if rule == "catalog name" else "normalised"
        return Reading(role, method, confidence, rule, ask, name)

    def _parts(self, parsed: Parsed) -> Reading | None:
        found = self._first(parsed)
        if parsed.sides and (found is None or found.confidence < 0.9):
            return self._sides(parsed) or found
        return found

    def _first(self, parsed: Parsed) -> Reading | None:
        for candidate in candidates(parsed, canonical):
            reading = self._lookup(
                candidate.text, candidate.rule, candidate.confidence, candidate.ask
            )
            if reading is not None and (candidate.close_ok or reading.method != "close-title"):
                return reading
        return None

    def _sides(self, parsed: Parsed) -> Reading | None:
        """ "A & B", "A / B": the best-read side; two different jobs are asked about."""
        readings: list[Reading] = []
        sides = parsed.sides
        for i, side in enumerate(sides):
            noun = sides[-1].split()[-1] if i < len(sides) - 1 and " " in sides[-1] else ""
            for text in (f"{side} {noun}".strip(), side):
                reading = self._lookup(text, "one part of a combined title", 0.8)
                if reading is not None:
                    readings.append(reading)
                    break
        if not readings:
            return None
        best = max(readings, key=lambda r: r.confidence)
        close = any(r.method == "close-title" for r in readings)
        if (
            len({r.role for r in readings}) > 1
            or best.method == "close-title"
            or (parsed.slash and close)
        ):
            return replace(best, ask=best.ask or "the title combines two jobs")
        return best

    def _finish(self, reading: Reading, parsed: Parsed) -> Reading:
        segment = parsed.segment or (self.names.implied.get(reading.role) if reading.role else None)
        reading = replace(
            reading,
            segment=segment,
            region=parsed.region,
            seniority=tuple(parsed.seniority),
            steps=tuple(parsed.steps),
        )
        if reading.method == "map":
            return reading
        if reading.role == ROOT_ROLE and parsed.region is not None:
            # one company has one top: a regional "Managing Director" heads a region
            return replace(
                reading,
                role=None,
                method="none",
                ask="a title naming a region is not the company's top",
            )
        if parsed.ask and reading.role is not None and reading.ask is None:
            return replace(reading, ask=parsed.ask[0])
        return reading
