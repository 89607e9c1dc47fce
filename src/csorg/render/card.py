"""A role card for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from csorg.catalog.explain import card_json
from csorg.catalog.schema import Catalog, Role
from csorg.text import one_line as safe
from csorg.text import reference

__all__ = ["card_json", "print_card"]


def _section(title: str) -> Text:
    return Text(f"\n{title}", style="bold")


def print_card(catalog: Catalog, role: Role, console: Console) -> None:
    card = card_json(catalog, role)
    parts: list[Any] = []
    head = Text(safe(card["summary"]))
    parts.append(head)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("id", card["id"])
    if card["aliases"]:
        facts.add_row("also called", safe(", ".join(card["aliases"])))
    facts.add_row("area", safe(card["area"]["name"]))
    facts.add_row("level", str(card["level"]))
    managers = [f"{safe(m['title'])} ({m['role']})" for m in card["reports_to"]]
    facts.add_row(
        "reports to",
        f"one of, best first: {', '.join(managers)}" if managers else "no one (the root)",
    )
    if card["manages"]:
        facts.add_row("can manage", ", ".join(card["manages"]))
    facts.add_row("seats", safe(card["headcount"]["rule"]))
    parts += [Text(""), facts]

    parts.append(_section("Responsibilities"))
    parts += [Text(f"• {safe(r)}") for r in card["responsibilities"]]
    parts.append(_section("When to add"))
    parts.append(Text(safe(card["when_to_add"])))
    if card["differs_from"] or card["variants"]:
        parts.append(_section("How it differs"))
        for d in card["differs_from"]:
            parts.append(Text(f"• vs {safe(d['title'])}: ", style="bold") + Text(safe(d["note"])))
        for v in card["variants"]:
            parts.append(Text(f"• vs {safe(v['title'])}: ", style="bold") + Text(safe(v["note"])))
    if card["figures"]:
        parts.append(_section("Numbers"))
        for f in card["figures"]:
            value = f["value"]
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            where = "heuristic" if f["heuristic"] else safe(reference(f["source"], quoted=True))
            line = (
                Text(f"• {safe(f['what'])}: ", style="bold")
                + Text(shown)
                + Text(f"  ({where})", style="dim")
            )
            parts.append(line)
            if f["note"]:
                parts.append(Text(f"    {safe(f['note'])}", style="dim"))
    if card["models"]:
        parts.append(_section("In the structures"))
        parts.append(
            Text(
                ", ".join(
                    safe(m["name"]) + (" (optional)" if m["optional"] else "")
                    for m in card["models"]
                )
            )
        )
    parts.append(_section("Sources"))
    if card["own_reading"]:
        parts.append(
            Text("csorg's own reading: no source names this role as such.", style="italic")
        )
    for s in card["sources"]:
        url = f" {safe(s['url'])}" if s.get("url") else ""
        parts.append(Text(f"• {safe(reference(s, quoted=True))}{url}"))
    console.print(
        Panel(Group(*parts), title=Text(safe(card["title"]), style="bold"), title_align="left")
    )
