"""Write a valid synthetic catalog of a given size, for benchmarks.

    python benchmarks/generate_catalog.py --roles 5000 --models 1000 OUTDIR

The catalog stands alone (validate it with ``--no-defaults``). Roles come in families of
five: a chain of four managers under the CEO and one individual contributor, so any family is
a single tree. Each model uses one family; a few models match inputs (one stage each, so no
two match the same inputs), the rest are chosen with ``--model``. A rule per ten models adds a
role under a trait. The output depends only on the sizes: same sizes, same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FAMILY = 5  # roles per family: levels 1..4 manage, level 5 is the contributor
AREAS = ("leadership", "cs-management", "operations", "support", "technical")
SOURCES = 10


def _source_block() -> list[str]:
    lines = ["sources:"]
    for i in range(SOURCES):
        lines += [
            f"  - id: source-{i:02d}",
            f'    title: "Synthetic source {i}"',
            "    publisher: csorg benchmarks",
            '    date: "2024-01-01"',
        ]
    return lines


def roles_yaml(roles: int) -> str:
    families = max(1, (roles - 1) // FAMILY)
    lines = ["version: 1", *_source_block(), "areas:"]
    for area in AREAS:
        lines += [
            f"  - id: {area}",
            f"    name: {area.replace('-', ' ').title()}",
            f"    description: Synthetic area {area}.",
        ]
    lines += [
        "roles:",
        "  - id: ceo",
        "    title: Chief Executive Officer",
        "    area: leadership",
        "    level: 0",
        "    scope: global",
        "    summary: The root.",
        "    responsibilities: [Runs the company.]",
        "    when_to_add: Always.",
        "    span: {value: 12, heuristic: true, note: synthetic}",
        "    sources: [source-00]",
    ]
    for f in range(families):
        chain: list[str] = []
        for level in range(1, FAMILY + 1):
            role_id = f"f{f:04d}-l{level}"
            managers = [*reversed(chain), "ceo"]
            lines += [
                f"  - id: {role_id}",
                f'    title: "Family {f} level {level}"',
                f'    aliases: ["F{f}L{level}", "Synthetic {f}.{level}"]',
                f"    area: {AREAS[(f + level) % len(AREAS)]}",
                f"    level: {level}",
                f"    summary: Synthetic role {role_id}.",
                "    responsibilities: [Does synthetic work., Reports on it.]",
                f"    when_to_add: When family {f} needs level {level}.",
                f"    reports_to: [{', '.join(managers)}]",
                f"    sources: [source-{(f + level) % SOURCES:02d}]",
            ]
            if level < FAMILY:
                lines += [
                    "    headcount: {basis: span}",
                    f"    span: {{value: 7, source: source-{f % SOURCES:02d}}}",
                ]
                if level > 1:
                    lines += [
                        "    differs_from:",
                        f"      - role: f{f:04d}-l{level - 1}",
                        "        note: One level further from the top.",
                    ]
            else:
                lines += [
                    "    scope: pod",
                    "    headcount:",
                    "      basis: coverage",
                    "      accounts_per_seat:",
                    f"        low: {{value: {100 + f % 100}, source: source-{f % SOURCES:02d}}}",
                    f"        high: {{value: {20 + f % 30}, heuristic: true, note: synthetic}}",
                ]
            chain.append(role_id)
    return "\n".join(lines) + "\n"


def models_yaml(roles: int, models: int) -> str:
    families = max(1, (roles - 1) // FAMILY)
    matching = min(models, 40)  # one stage of their own each: no two models clash
    lines = ["version: 1", "stages:"]
    for i in range(matching):
        lines += [
            f"  - id: stage-{i:03d}",
            f"    name: Stage {i}",
            "    description: Synthetic stage.",
        ]
        lines += (
            [f"    max_employees: {{value: {10 * (i + 1)}, heuristic: true, note: synthetic}}"]
            if i < matching - 1
            else []
        )
    lines += ["traits:"]
    lines += [f"  - id: trait-{i}\n    description: Synthetic trait {i}." for i in range(5)]
    lines += ["models:"]
    for m in range(models):
        f = m % families
        lines += [
            f"  - id: model-{m:05d}",
            f'    name: "Model {m}"',
            f"    summary: Synthetic structure {m}.",
        ]
        if m < matching:
            lines += [f"    match: {{stage: [stage-{m:03d}]}}"]
        lines += ["    roles:"]
        for level in range(1, FAMILY + 1):
            optional = "true" if level == 3 else "false"
            lines += [f"      - {{role: f{f:04d}-l{level}, optional: {optional}}}"]
        lines += [f"    sources: [source-{m % SOURCES:02d}]"]
    lines += ["rules:"]
    for r in range(max(1, models // 10)):
        f = (r * 7) % families
        lines += [
            f"  - id: rule-{r:04d}",
            f"    why: Synthetic rule {r}.",
            f"    when: {{traits: [trait-{r % 5}], model: [model-{r * 10 % models:05d}]}}",
            f"    add: [{{role: f{f:04d}-l4}}]",
            f"    sources: [source-{r % SOURCES:02d}]",
        ]
    lines += ["hats:", "  - role: f0000-l2", "    into: [f0000-l1]"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, required=True, help="roles to generate (at least 6)")
    parser.add_argument("--models", type=int, required=True, help="business models to generate")
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    if args.roles < FAMILY + 1 or args.models < 1:
        parser.error("need --roles of at least 6 and --models of at least 1")
    args.outdir.mkdir(parents=True, exist_ok=True)
    (args.outdir / "roles.yaml").write_text(roles_yaml(args.roles), encoding="utf-8")
    (args.outdir / "business_models.yaml").write_text(
        models_yaml(args.roles, args.models), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
