"""Finding roles by the names people use: ids, titles and aliases."""

from __future__ import annotations

import re

from csorg.catalog.schema import Catalog, Role
from csorg.errors import CsorgError, did_you_mean


def normal_title(text: str) -> str:
    """Titles compare without case, punctuation or repeated spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def title_index(catalog: Catalog) -> dict[str, str]:
    """Normalised id, title and alias -> role id (the first role to claim a name keeps it)."""
    names: dict[str, str] = {}
    for role in catalog.roles.values():
        for candidate in (role.id, role.title, *role.aliases):
            names.setdefault(normal_title(candidate), role.id)
    return names


def close_titles(catalog: Catalog) -> dict[str, str]:
    """Normalised close title -> role id: titles that may name the role but often do not."""
    names: dict[str, str] = {}
    for role in catalog.roles.values():
        for candidate in role.close_titles:
            names.setdefault(normal_title(candidate), role.id)
    return names


def find_role(cat: Catalog, name: str) -> Role:
    """A role by id, title or alias, ignoring case, spacing and punctuation."""
    if name in cat.roles:
        return cat.roles[name]
    wanted = normal_title(name)
    names = title_index(cat)
    if wanted in names:
        return cat.roles[names[wanted]]
    close = close_titles(cat)
    if wanted in close:
        role = cat.roles[close[wanted]]
        raise CsorgError(
            f"{name!r} is not a title csorg reads as one role: it sometimes means "
            f"{role.title} ({role.id}) but often names another job; see `csorg explain {role.id}`"
        )
    hits = did_you_mean(wanted, list(names))
    suggestions = list(dict.fromkeys(f"{cat.roles[names[h]].title} ({names[h]})" for h in hits))
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else "; see `csorg roles`"
    raise CsorgError(f"no role called {name!r}{hint}")
