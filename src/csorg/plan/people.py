"""The people a plan starts from, and how they change from one quarter's org to the next.

The team is counted as seats per (role, region). Between two quarters:

1. people whose role the new org has fewer of move into a role it needs more of, at their
   level or above (a CS Lead becomes the VP the org now needs): nobody is removed while the
   company grows;
2. a new manager seat is filled from within where someone of the role that will report to it
   is there (a senior CSM becomes the first Team Lead), and their seat is hired again;
3. what is still missing is hired;
4. anyone the org no longer needs stays, and the plan says so: csorg never lays people off.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from csorg.catalog.schema import ROOT_ROLE, Catalog, Role
from csorg.engine.result import Recommendation

Key = tuple[str, str | None]  # (role, region)


def from_recommendation(rec: Recommendation) -> Counter[Key]:
    """The seats of a recommended org (its seats when listed, else its roles' pods)."""
    team: Counter[Key] = Counter()
    if rec.seats is not None:
        for seat in rec.seats:
            if seat.role != ROOT_ROLE:
                team[(seat.role, seat.region)] += 1
        return team
    for entry in rec.roles:
        if entry.id == ROOT_ROLE:
            continue
        placed = 0
        for region, _, count in entry.pods or ():
            team[(entry.id, region)] += count
            placed += count
        if entry.count > placed:
            team[(entry.id, None)] += entry.count - placed
    return team


@dataclass(frozen=True)
class Move:
    """People who change role (a promotion when the new role ranks higher)."""

    role: str
    to: str
    region: str | None
    count: int
    promotion: bool
    backfill: bool  # their old seat is hired again


@dataclass(frozen=True)
class Change:
    hires: Counter[Key]
    moves: tuple[Move, ...]
    surplus: Counter[Key]  # people more than the org needs, kept
    team: Counter[Key]  # the team after the change


def change(catalog: Catalog, have: Counter[Key], want: Counter[Key]) -> Change:
    """From the team ``have`` to the org ``want``."""
    team = Counter(have)
    moves: list[Move] = []
    for key, over in sorted(_over(team, want).items(), key=lambda kv: _rank(catalog, kv[0])):
        role = catalog.roles[key[0]]
        while over > 0:
            target = _role_to_move_to(catalog, role, key[1], team, want)
            if target is None:
                break
            count = min(over, _short(team, want, target))
            team[key] -= count
            team[target] += count
            over -= count
            moves.append(
                Move(
                    key[0],
                    target[0],
                    key[1],
                    count,
                    catalog.roles[target[0]].level < role.level,
                    False,
                )
            )
    moves.extend(_promote_from_within(catalog, team, want))
    hires: Counter[Key] = Counter()
    for key in sorted(want, key=lambda k: _rank(catalog, k)):
        short = want[key] - team[key]
        if short > 0:
            hires[key] += short
            team[key] += short
    surplus = _over(team, want)
    return Change(hires, tuple(moves), surplus, +team)


def _rank(catalog: Catalog, key: Key) -> tuple[int, int, str]:
    return (catalog.roles[key[0]].level, catalog.role_order()[key[0]], key[1] or "")


def _over(team: Counter[Key], want: Counter[Key]) -> Counter[Key]:
    return Counter({k: team[k] - want[k] for k in team if team[k] > want[k]})


def _short(team: Counter[Key], want: Counter[Key], key: Key) -> int:
    return max(want[key] - team[key], 0)


def _role_to_move_to(
    catalog: Catalog, role: Role, region: str | None, team: Counter[Key], want: Counter[Key]
) -> Key | None:
    """A seat the org needs more of, at the person's level or above: the same region first,
    then the same area, then the nearest level. While the org still has the person's role,
    only a seat in the same area will do (a Team Lead the org has one too many of waits for
    growth rather than running support). When the role goes, its people may also step up
    into another area (a CS Lead becomes the VP), but never sideways into one: a Support
    Manager does not become a CS Team Lead, and waits instead."""
    stays = any(k[0] == role.id and want[k] for k in want)
    needed = [
        k
        for k in want
        if _short(team, want, k)
        and catalog.roles[k[0]].level <= role.level
        and (
            catalog.roles[k[0]].area == role.area
            or (not stays and catalog.roles[k[0]].level < role.level)
        )
    ]
    if not needed:
        return None
    return min(
        needed,
        key=lambda k: (
            k[1] != region,
            catalog.roles[k[0]].area != role.area,
            role.level - catalog.roles[k[0]].level,
            catalog.role_order()[k[0]],
            k[1] or "",
        ),
    )


def _promote_from_within(catalog: Catalog, team: Counter[Key], want: Counter[Key]) -> list[Move]:
    """New manager seats filled by someone of the role that will report to them, whose seat
    is hired again (a senior CSM becomes a Team Lead)."""
    moves: list[Move] = []
    for key in sorted(want, key=lambda k: _rank(catalog, k)):
        manager = catalog.roles[key[0]]
        if manager.span is None:
            continue
        while _short(team, want, key):
            source = next(
                (
                    k
                    for k in sorted(team, key=lambda k: (k[1] != key[1], _rank(catalog, k)))
                    if team[k] > 0 and _reports_to(catalog.roles[k[0]], manager)
                ),
                None,
            )
            if source is None:
                break
            count = min(_short(team, want, key), team[source])
            team[source] -= count
            team[key] += count
            moves.append(Move(source[0], key[0], source[1], count, True, True))
    return moves


def _reports_to(report: Role, manager: Role) -> bool:
    """Whether ``report`` is the role a ``manager`` seat is usually filled from: its team
    role in the same area, one level down."""
    teams = (*report.joins_teams_of, *report.reports_to[:1])
    return manager.id in teams and report.area == manager.area and report.level == manager.level + 1
