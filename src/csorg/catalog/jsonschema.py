"""The JSON Schema of each catalog file, for editors and other validators (`csorg schema`).

pydantic derives the schema from the dataclasses in :mod:`csorg.catalog.schema`. Field descriptions
come from the attribute docstrings there; pydantic's ``use_attribute_docstrings`` would read
them on every validation too, slowing every load, so they are read here, from the module's
source, only when a schema is printed.
"""

from __future__ import annotations

import ast
import inspect
import json
from types import ModuleType
from typing import Any

from csorg.catalog import schema
from csorg.catalog.files import Kind

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAME: dict[Kind, str] = {
    "roles": "roles.schema.json",
    "business-models": "business_models.schema.json",
    "compensation": "compensation.schema.json",
}
_TITLE: dict[Kind, str] = {
    "roles": "csorg roles catalog (roles.yaml)",
    "business-models": "csorg business models catalog (business_models.yaml)",
    "compensation": "csorg compensation catalog (compensation.yaml)",
}


def attribute_docs(module: ModuleType = schema) -> dict[str, dict[str, str]]:
    """Class name -> field name -> the docstring written under the field in ``module``."""
    tree = ast.parse(inspect.getsource(module))
    docs: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = docs.setdefault(node.name, {})
        for statement, following in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                fields[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _describe(definition: dict[str, Any], cls: type, docs: dict[str, dict[str, str]]) -> None:
    """Give each property of ``cls``'s definition its docstring, looking in base classes
    too (``Figure.source`` is documented on ``_Provenance``)."""
    for name, prop in definition.get("properties", {}).items():
        prop.pop("title", None)  # "Id", "Name": pydantic's echo of the field name
        for base in cls.__mro__:
            text = docs.get(base.__name__, {}).get(name)
            if text:
                prop["description"] = text
                break


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) a ``kind`` file must satisfy."""
    from csorg.catalog.parse import FILE_TYPES

    name = FILE_NAME[kind].removesuffix(".schema.json")
    return schema_of(FILE_TYPES[kind], (schema,), name, _TITLE[kind])


def schema_of(root: type, modules: tuple[ModuleType, ...], name: str, title: str) -> dict[str, Any]:
    """The JSON Schema of the dataclass ``root``, its fields described by the attribute
    docstrings of the dataclasses in ``modules``."""
    from pydantic import TypeAdapter

    generated: dict[str, Any] = TypeAdapter(root).json_schema(mode="validation")
    docs: dict[str, dict[str, str]] = {}
    classes: dict[str, type] = {}
    for module in modules:
        docs.update(attribute_docs(module))
        classes.update(
            {key: value for key, value in vars(module).items() if isinstance(value, type)}
        )
    for definition_name, definition in generated.get("$defs", {}).items():
        _describe(definition, classes[definition_name], docs)
    _describe(generated, root, docs)
    return {
        "$schema": DIALECT,
        "$id": f"urn:csorg:schema:{name}",
        "title": title,
        **{key: value for key, value in generated.items() if key != "title"},
    }


def text_of(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def schema_text(kind: Kind) -> str:
    return text_of(json_schema(kind))
