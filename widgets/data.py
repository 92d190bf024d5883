"""Load the book's data tables, validated against data/datapackage.json.

Every table is a CSV file described by a frictionless-style data package:
each resource has a schema (typed fields with constraints and a primary key)
and sources that locate it in the essays' seed texts.  `load` checks a file
cell by cell and raises `DataError` naming the file, row, line and column of
the first problem, so a mistyped number stops the book build instead of
reaching a chart.
"""

from __future__ import annotations

import copy
import csv
import difflib
import json
import math
import os
import re
from functools import lru_cache
from importlib import resources as _resources
from pathlib import Path

import pandas as pd

__all__ = [
    "DATA",
    "DataError",
    "resources",
    "schema",
    "notes",
    "source",
    "load",
    "printed",
    "outside",
    "citation",
    "numbers",
    "number",
]

# The book's data/ folder, which the package carries as ``widgets._data`` (see pyproject.toml): read
# through importlib.resources, the one way that works from a checkout, an editable install and a wheel.
DATA = _resources.files("widgets._data")
DTYPES = {"integer": "Int64", "number": "Float64", "string": "string", "boolean": "boolean"}
CONSTRAINTS = {"required", "minimum", "maximum", "enum", "pattern"}
INTEGER = re.compile(r"[+-]?\d+")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
BOOLEANS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "1": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "0": False,
}


OUTSIDE = "outside"  # the source 'essay' of figures from outside the two essays


class DataError(ValueError):
    """A data file, or a request for one, does not match the data package."""


@lru_cache
def _package(folder) -> dict:
    """The parsed datapackage.json of a data folder."""
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _folder(folder):
    """The data folder (a Path or an importlib.resources Traversable): `folder` if given, else the book's data/."""
    if folder is None:
        return DATA
    return Path(folder).resolve() if isinstance(folder, str | os.PathLike) else folder


def _resource(name: str, folder=None) -> dict:
    """The resource called `name`, or a DataError listing the known names."""
    for resource in _package(_folder(folder))["resources"]:
        if resource["name"] == name:
            return resource
    raise DataError(f"unknown resource {name!r}; known resources: {', '.join(resources(folder))}")


def resources(folder=None) -> list[str]:
    """Names of all resources in the data package."""
    return [r["name"] for r in _package(_folder(folder))["resources"]]


def schema(name: str, folder=None) -> dict:
    """A copy of a resource's schema: fields (name, type, description, constraints) and primaryKey."""
    return copy.deepcopy(_resource(name, folder)["schema"])


def notes(name: str, folder=None) -> list[str]:
    """The notes of a resource (the source table's footnotes), possibly empty."""
    return list(_resource(name, folder).get("notes", []))


def source(name: str, folder=None) -> str:
    """One line citing where a resource comes from, as a reader expects it ("Source: Portes, Table 1"),
    for a chart caption. The seed-line locators stay in ``datapackage.json`` (they point into the
    book's working copy of the essays, which a reader does not have)."""
    essays = _package(_folder(folder))["essays"]
    citations = []
    for src in _resource(name, folder)["sources"]:
        if src["essay"] == OUTSIDE:
            cited = dict.fromkeys(load(name, folder)["citation"])
            return "Source (outside the two essays): " + " ".join(c.rstrip(".") + "." for c in cited)
        essay = essays[src["essay"]]
        text = f"{essay['author'].split()[-1]}, {src.get('table') or src['section']}"
        if "original_source" in src:
            text += f"; the essay cites, in its own words: {src['original_source']}"
        citations.append(text)
    return "Source: " + "; ".join(citations).rstrip(".") + "."


def _parse(text: str, field: dict, missing: list[str]):
    """The typed value of one cell; raises ValueError with the problem."""
    constraints = field.get("constraints", {})
    if text in missing:
        if constraints.get("required"):
            raise ValueError("a value is required")
        return None
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        raise ValueError(f"{text!r} does not match the pattern {constraints['pattern']!r}")
    kind = field["type"]
    if kind == "integer":
        if not INTEGER.fullmatch(text):
            raise ValueError(f"{text!r} is not an integer")
        value = int(text)
    elif kind == "number":
        if not NUMBER.fullmatch(text) or not math.isfinite(float(text)):
            raise ValueError(f"{text!r} is not a number")
        value = float(text)
    elif kind == "boolean":
        if text not in BOOLEANS:
            raise ValueError(f"{text!r} is not a boolean")
        value = BOOLEANS[text]
    else:
        value = text
    if "enum" in constraints and value not in constraints["enum"]:
        raise ValueError(f"{text!r} is not one of {constraints['enum']}")
    if "minimum" in constraints and value < constraints["minimum"]:
        raise ValueError(f"{text!r} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        raise ValueError(f"{text!r} is above the maximum {constraints['maximum']}")
    return value


@lru_cache
def _table(name: str, folder) -> pd.DataFrame:
    """Read and validate one resource; cached, so callers must not modify it."""
    resource = _resource(name, folder)
    file, key = resource["path"], resource["schema"].get("primaryKey", [])
    # Primary-key fields are required whatever their constraints say.
    fields = [
        dict(f, constraints={**f.get("constraints", {}), "required": True}) if f["name"] in key else f
        for f in resource["schema"]["fields"]
    ]
    for field in fields:
        if field["type"] not in DTYPES or set(field.get("constraints", {})) - CONSTRAINTS:
            raise DataError(f"{file}: unsupported type or constraint in the schema of {field['name']!r}")
    names = [f["name"] for f in fields]
    missing = _package(folder).get("missingValues", [""])

    with (folder / file).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise DataError(f"{file}: the file is empty (no header)")
        for column in names:
            if column not in header:
                raise DataError(f"{file}, header (line 1), column {column!r}: the column is missing")
        for column in header:
            if column not in names or header.count(column) > 1:
                raise DataError(
                    f"{file}, header (line 1), column {column!r}: unexpected or repeated column; the schema has {names}"
                )
        columns = {n: [] for n in names}
        seen = {}
        line = reader.line_num + 1
        for row_number, cells in enumerate(reader, start=1):
            where = f"{file}, row {row_number} (line {line})"
            if len(cells) != len(header):
                raise DataError(f"{where}: {len(cells)} cells where the header has {len(header)}")
            record = dict(zip(header, cells))
            for field in fields:
                column = field["name"]
                try:
                    columns[column].append(_parse(record[column], field, missing))
                except ValueError as problem:
                    raise DataError(f"{where}, column {column!r}: {problem}") from None
            if key:
                value = tuple(columns[k][-1] for k in key)
                if value in seen:
                    first, first_line = seen[value]
                    raise DataError(
                        f"{where}, column{'s' if len(key) > 1 else ''} "
                        f"{', '.join(map(repr, key))}: duplicate primary key {value}, "
                        f"same as row {first} (line {first_line})"
                    )
                seen[value] = (row_number, line)
            line = reader.line_num + 1
    return pd.DataFrame({f["name"]: pd.array(columns[f["name"]], dtype=DTYPES[f["type"]]) for f in fields})


def load(name: str, folder=None) -> pd.DataFrame:
    """The validated table of resource `name` (a fresh copy, safe to modify).

    `folder` replaces the book's data folder; it must hold its own datapackage.json.
    """
    return _table(name, _folder(folder)).copy()


def printed(name: str, folder=None) -> pd.DataFrame:
    """The validated table's cells as written in the CSV (strings), so a display keeps the source's
    decimals: 0.440 and 0.0 stay as printed where a float would show 0.44 and 0."""
    load(name, folder)  # validates
    with (_folder(folder) / _resource(name, folder)["path"]).open(encoding="utf-8-sig") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False)


def _value(resource: str, key: str, folder) -> float | int:
    table = _table(resource, _folder(folder))
    match = table.loc[table["key"] == key, "value"]
    if match.empty:
        close = difflib.get_close_matches(key, table["key"].tolist(), n=3, cutoff=0.5)
        raise KeyError(f"unknown {resource} key {key!r}; close matches: {', '.join(close) or 'none'}")
    value = float(match.iloc[0])
    return int(value) if value.is_integer() else value


def outside(key: str, folder=None) -> float | int:
    """A published figure from outside the two essays (data/outside_numbers.csv), by key."""
    return _value("outside_numbers", key, folder)


def citation(key: str, folder=None) -> str:
    """The full citation of an outside figure, for a label such as 'outside the essays: ...'."""
    table = _table("outside_numbers", _folder(folder))
    return str(table.loc[table["key"] == key, "citation"].iloc[0])


def numbers(folder=None) -> pd.DataFrame:
    """The registry of numbers stated in the essays, indexed by key."""
    return load("numbers", folder).set_index("key")


def number(key: str, folder=None) -> float | int:
    """The value registered under `key` (an int when it is a whole number)."""
    return _value("numbers", key, folder)
