"""A job title taken apart before it is matched: the job, and what the title says besides.

"Sr. CSM II - Mid Market (EMEA)" is the job "csm", seniority "sr" and "ii", segment
mid-market, region EMEA. Open-seat markers ("TBH -", "[Vacant]"), gender markers
("(m/w/d)") and employment ("(Part-Time)") are dropped; parts after a dash, comma, bar or in
brackets are read as region, segment, language, shift or grade, and what is left of them
(a function such as "Customer Success" in "Director, Customer Success", or a rank such as
"Team Lead") is kept for the matcher. "A & B" and "A / B" give both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from csorg.audit.titles.places import region_of
from csorg.audit.titles.vocabulary import (
    ASK_LEADING,
    ASK_SEGMENTS,
    EMPLOYMENT,
    GENDER,
    LANGUAGES,
    LEVEL,
    RANKS,
    SEGMENTS,
    SENIORITY_LEADING,
    SHIFTS,
    TIER,
    VACANCY_TITLE,
)
from csorg.catalog.lookup import normal_title

_GROUPS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_PIECES = re.compile(r"\s[-–—|]\s|,|;")
_JOINED = re.compile(r"\s&\s|\s\+\s|/|\band\b", re.I)


@dataclass
class Parsed:
    """What a title says, besides the job."""

    whole: str  # the title without markers, normalised
    head: str  # the job as the title starts, normalised, qualifier words removed
    written_head: str = ""  # the same before qualifier words were removed
    tails: list[str] = field(default_factory=list)  # functions and ranks after the job
    sides: list[str] = field(default_factory=list)  # "A & B", "A / B": each side, normalised
    slash: bool = False  # "A / B": two jobs in one title
    region: str | None = None
    segment: str | None = None
    seniority: list[str] = field(default_factory=list)
    ask: list[str] = field(default_factory=list)  # why the title alone cannot settle it
    steps: list[str] = field(default_factory=list)  # what was taken off, for the report

    @property
    def rank_tail(self) -> str | None:
        return next((t for t in self.tails if t in RANKS), None)

    @property
    def topic(self) -> str | None:
        return next((t for t in self.tails if t not in RANKS), None)


def parse(title: str) -> Parsed:
    text = title
    parsed = Parsed("", "")
    for pattern, step in (
        (VACANCY_TITLE, "open-seat marker"),
        (GENDER, "gender marker"),
        (EMPLOYMENT, "employment in the title"),
    ):
        text, hits = pattern.subn(" ", text)
        if hits:
            parsed.steps.append(f"dropped the {step}")
    parsed.whole = normal_title(text)
    groups = [g1 or g2 for g1, g2 in _GROUPS.findall(text)]
    rest = _GROUPS.sub(" , ", text)
    pieces = [p for p in _PIECES.split(rest) if p.strip()]
    if not pieces:
        return parsed
    head, *tails = pieces
    for tail in [*tails, *groups]:
        _tail(normal_title(tail), parsed)
    sides = [normal_title(s) for s in _JOINED.split(head) if normal_title(s)]
    if len(sides) > 1:
        parsed.sides = [_head(s, parsed, record=False) for s in sides]
        parsed.slash = "/" in head
    parsed.written_head = normal_title(head)
    parsed.head = _head(parsed.written_head, parsed)
    return parsed


def _tail(text: str, parsed: Parsed) -> None:
    """Read one qualifier: region, segment, language, shift, grade, or a kept topic."""
    if not text:
        return
    region = region_of(text)
    if region is not None:
        parsed.region = parsed.region or region
        parsed.steps.append(f"region {text!r} → {region}")
    elif text in SEGMENTS:
        parsed.segment = parsed.segment or SEGMENTS[text]
        parsed.steps.append(f"segment {text!r}")
    elif text.endswith(" accounts") and text[: -len(" accounts")] in SEGMENTS:
        parsed.segment = parsed.segment or SEGMENTS[text[: -len(" accounts")]]
        parsed.steps.append(f"segment {text!r}")
    elif all(word in LANGUAGES for word in text.split()) or text in SHIFTS:
        parsed.steps.append(f"ignored {text!r} (a language or shift, not a region)")
    elif LEVEL.fullmatch(text) or TIER.fullmatch(text):
        parsed.seniority.append(text)
        parsed.steps.append(f"grade {text!r}")
    else:
        parsed.tails.append(text)


def _head(text: str, parsed: Parsed, *, record: bool = True) -> str:
    """The job in ``text``: leading seniority, segment, region and language words, grades
    and tiers taken off (never the whole text)."""
    steps: list[str] = []
    tier = TIER.search(text)
    if tier and text[: tier.start()].strip() + text[tier.end() :].strip():
        steps.append(f"tier {tier.group(0)!r}")
        text = " ".join((text[: tier.start()] + " " + text[tier.end() :]).split())
    words = text.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in (3, 2, 1):
            lead = " ".join(words[:size])
            if len(words) <= size:
                continue
            if lead in SENIORITY_LEADING:
                steps.append(f"seniority {lead!r}")
                if lead in ASK_LEADING and record:
                    parsed.ask.append(
                        f"{lead!r} before a title may mean a team lead or a senior IC"
                    )
                parsed.seniority.append(lead)
            elif lead in SEGMENTS or lead in ASK_SEGMENTS:
                steps.append(f"segment {lead!r}")
                if lead in ASK_SEGMENTS and record:
                    parsed.ask.append(f"{lead!r} may name a segment or a sales quota")
                elif record:
                    parsed.segment = parsed.segment or SEGMENTS[lead]
            elif size < 3 and region_of(lead) is not None and len(lead) > 1:
                steps.append(f"region {lead!r}")
                if record:
                    parsed.region = parsed.region or region_of(lead)
            elif size == 1 and lead in LANGUAGES:
                steps.append(f"ignored {lead!r}")
            else:
                continue
            words = words[size:]
            changed = True
            break
    words = _trim_end(words, parsed, steps, record)
    if record:
        parsed.steps += steps
    return " ".join(words)


def _trim_end(words: list[str], parsed: Parsed, steps: list[str], record: bool) -> list[str]:
    """Grades, regions and segments written after the job without a separator."""
    trimmed = True
    while trimmed and len(words) > 1:
        trimmed = False
        for size in (2, 1):
            if len(words) <= size:
                continue
            last = " ".join(words[-size:])
            if LEVEL.fullmatch(last):
                steps.append(f"grade {last!r}")
                if record:
                    parsed.seniority.append(last)
            elif last in SEGMENTS and last not in ("digital", "scaled", "pooled"):
                steps.append(f"segment {last!r}")
                if record:
                    parsed.segment = parsed.segment or SEGMENTS[last]
            elif size == 1 and _region_word(last):
                steps.append(f"region {last!r}")
                if record:
                    parsed.region = parsed.region or region_of(last)
            else:
                continue
            words = words[:-size]
            trimmed = True
            break
    return words


def _region_word(word: str) -> bool:
    """Region names written after a job without a separator: only the sales regions."""
    return word in ("na", "emea", "apac", "latam", "amer", "anz", "dach", "apj", "uki")
