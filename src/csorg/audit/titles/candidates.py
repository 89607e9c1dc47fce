"""The names a parsed title may stand for, tried against the catalog in order.

Each candidate carries the rule that made it, a confidence, and whether the reading is worth
asking about. In order:

1. the job without its qualifiers ("Sr. CSM (EMEA)" → "csm");
2. a rank written after the job ("Customer Success Manager, Team Lead");
3. leaders: "Head of X", "Director, X", "X Team Lead", "Manager, X", ... as the leader of X
   (:data:`LEADERS`); when the catalog has no leader of X, its manager or specialist, asked;
4. the function after a comma put back in front ("Associate, Customer Success", "Business
   Analyst, Customer Success" → "Customer Success Analyst");
5. a segment that is a job of its own ("Customer Success Manager, Scaled" → digital);
6. the same job under another individual-contributor noun ("Support Engineer" = "Support
   Specialist"), or without a leading qualifier ("Product Support Specialist");
7. a function under another name ("CX Agent" → "Customer Support Agent"), asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from csorg.audit.titles.normalise import Parsed
from csorg.audit.titles.vocabulary import IC_NOUNS, OTHER_DOMAINS, RANKS

# rank -> (forms that name the leader of X, then forms that name someone near it: asked)
LEADERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "head": (
        ("head of {x}", "vp of {x}", "vp {x}", "{x} head", "director of {x}", "{x} director"),
        ("{x} manager", "{x} lead", "{x} specialist"),
    ),
    "vp": (
        ("vp of {x}", "vp {x}", "{x} vp", "director of {x}", "{x} director", "head of {x}"),
        ("{x} manager", "{x} specialist"),
    ),
    "director": (
        ("director of {x}", "{x} director", "director {x}"),
        ("head of {x}", "{x} manager", "{x} specialist"),
    ),
    "manager": (
        ("manager of {x}", "{x} team lead", "{x} manager", "manager {x}"),
        ("{x} lead", "{x} specialist"),
    ),
    "team lead": (
        ("{x} team lead", "team lead {x}", "{x} team manager", "manager of {x}"),
        ("{x} manager", "{x} lead"),
    ),
    "lead": (("{x} lead", "{x} team lead", "lead of {x}"), ("{x} manager", "manager of {x}")),
    "supervisor": (("{x} supervisor", "{x} team lead", "{x} manager"), ()),
}
LEADERS["team leader"] = LEADERS["team lead"]
SENIOR_RANKS = frozenset({"head", "vp", "director"})
# "X Lead" is asked about whatever it matches: many leads have no reports
ALWAYS_ASK = frozenset({"lead"})
# functions under other names, tried last; leaders of CX run the customer org, agents
# answer tickets
SYNONYMS_LEADERS = {
    "customer experience": ("customer success", "customer support"),
    "client services": ("customer success",),
    "customer service": ("customer support",),
    "customer care": ("customer support",),
    "customer operations": ("customer success operations",),
    "support operations": ("customer success operations",),
}
SYNONYMS_OTHERS = {
    "customer experience": ("customer support", "customer success"),
    "client services": ("customer success",),
    "customer service": ("customer support",),
    "customer care": ("customer support",),
    "member support": ("customer support",),
    "customer operations": ("customer success operations",),
    "support operations": ("customer success operations",),
    "customer education": ("training",),
}


@dataclass(frozen=True)
class Candidate:
    text: str
    rule: str
    confidence: float
    ask: str | None = None
    close_ok: bool = True  # False: a guess that lands on a close title is no reading


def candidates(parsed: Parsed, spelled: Callable[[str], str]) -> Iterator[Candidate]:
    """The candidates of ``parsed``; ``spelled`` spells out abbreviations ("cx agent" →
    "customer experience agent") where a rule works on words."""
    head = parsed.head
    if not head:
        return
    rank_tail = parsed.rank_tail
    if rank_tail:
        yield Candidate(f"{head} {rank_tail}", f"rank {rank_tail!r} after the job", 0.85)
    leader = _leader(parsed, spelled(head))
    if leader is not None and head in RANKS:
        yield from _leaders(*leader)
    if parsed.written_head != head:
        yield Candidate(parsed.written_head, "job without its qualifiers", 0.9)
    if parsed.segment == "scaled":
        for word in ("digital", "scaled"):
            yield Candidate(f"{word} {head}", "a scaled (digital) segment", 0.85)
    yield Candidate(head, "job without its qualifiers", 0.9)
    topic = parsed.topic
    if topic:
        yield Candidate(f"{topic} {head}", f"{topic!r} put back before the job", 0.85)
        yield Candidate(f"{head} {topic}", f"{topic!r} joined to the job", 0.8)
        if " " in head:
            last = head.split()[-1]
            yield Candidate(f"{topic} {last}", f"{topic!r} with the job's noun", 0.8)
    if leader is not None and head not in RANKS:
        yield from _leaders(*leader)
    yield from _variants(spelled(head))
    yield from _synonyms(spelled(head), leader)


def _leader(parsed: Parsed, head: str) -> tuple[str, str] | None:
    """(rank, function) when the title names the leader of a function."""
    if head in RANKS and parsed.topic:
        return head, parsed.topic
    for rank in RANKS:
        if head.startswith(f"{rank} of "):
            return rank, head[len(rank) + 4 :]
        if head.endswith(f" {rank}") and rank != "manager":
            return rank, head[: -len(rank) - 1]
        if rank in ("vp", "director", "head") and head.startswith(f"{rank} "):
            return rank, head[len(rank) + 1 :]
    return None


def _leaders(rank: str, function: str) -> Iterator[Candidate]:
    primary, secondary = LEADERS[rank]
    ask = (
        f"{rank!r} titles are sometimes given to senior individual contributors"
        if rank in ALWAYS_ASK
        else None
    )
    for form in primary:
        yield Candidate(form.format(x=function), f"{rank} of {function!r}", 0.85, ask)
    for form in secondary:
        yield Candidate(
            form.format(x=function),
            f"{rank} of {function!r}, nearest role",
            0.6,
            f"the catalog has no {rank} of {function}; this is the nearest role",
            close_ok=False,
        )


def _variants(head: str) -> Iterator[Candidate]:
    """The same job under another noun, without a leading qualifier, or without an inner
    word ("Implementation Project Manager")."""
    words = head.split()
    if len(words) >= 2:
        for noun in IC_NOUNS.get(words[-1], ()):
            yield Candidate(
                " ".join([*words[:-1], noun]),
                f"{words[-1]!r} read as {noun!r}",
                0.8,
                close_ok=False,
            )
    if len(words) >= 3 and words[0] not in OTHER_DOMAINS:
        yield Candidate(" ".join(words[1:]), f"without {words[0]!r}", 0.75, close_ok=False)
        for noun in IC_NOUNS.get(words[-1], ()):
            yield Candidate(
                " ".join([*words[1:-1], noun]),
                f"without {words[0]!r}, {words[-1]!r} read as {noun!r}",
                0.7,
                close_ok=False,
            )
    if len(words) >= 3 and not set(words) & OTHER_DOMAINS:
        for i in range(1, len(words) - 1):
            yield Candidate(
                " ".join(words[:i] + words[i + 1 :]),
                f"without {words[i]!r}",
                0.65,
                f"read without the word {words[i]!r}",
                close_ok=False,
            )


def _synonyms(head: str, leader: tuple[str, str] | None) -> Iterator[Candidate]:
    senior = leader is not None and leader[0] in SENIOR_RANKS
    table = SYNONYMS_LEADERS if senior else SYNONYMS_OTHERS
    for phrase, others in table.items():
        if phrase not in head:
            continue
        for other in others:
            text = head.replace(phrase, other)
            why = f"{phrase!r} can name more than one function" if leader is not None else None
            yield Candidate(text, f"{phrase!r} read as {other!r}", 0.6, why)
            if leader is not None:
                rank, function = leader
                more = _leaders(rank, function.replace(phrase, other))
            else:
                more = _variants(text)
            yield from (Candidate(c.text, c.rule, 0.55, why, c.close_ok) for c in more)
