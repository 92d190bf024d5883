"""Answers as plain data, their expected form, and the checks of an autograded exercise.

An exercise's check (``exercises/tests/<label>.py``) declares the answer's **form** with the helpers
below (a number in a range and the tolerance its prompt states, a fixed-length sequence, a mapping,
a text, one of a few values, rows of a table) and computes its **expected** value from
``widgets.data`` and ``widgets.models``. Forms and answers are plain JSON data (numbers, strings,
lists, dicts, tables as lists of records), so that:

- a student's kernel turns an answer into plain data (:func:`plain`) and the grader, in its own
  process, checks that data against expected values computed beforehand (:func:`score`): nothing
  the student's code could change (a patched function, an object whose ``__eq__`` lies) takes part;
- the student edition's ``grader.check`` (:class:`Checks`) tells a student, in one line, whether the
  answer has the right form, never whether it is right.

Equivalent forms pass: an int where a float is asked, a list, tuple, numpy array or pandas Series
for a sequence, a Series with labels for a mapping, a DataFrame with any index (or a list of records) for rows.
Only the standard library is imported here: the module runs in students' kernels and in the grader.
"""

from __future__ import annotations

import inspect
import json
import math
from pathlib import Path

__all__ = [
    "Checks",
    "FORMS_FILE",
    "MISSING",
    "answers_of",
    "mapping",
    "number",
    "one_of",
    "plain",
    "problem",
    "rows",
    "score",
    "sequence",
]

MISSING = "replace the ... with your answer"
FORMS_FILE = "forms.json"  # the student edition's forms of every autograded exercise, by chapter


# ----------------------------------------------------------------------------- forms


def number(low=None, high=None, within=0.0, relative=False, what="a number") -> dict:
    """A number in ``[low, high]``, right when within ``within`` of the expected value (a fraction of
    it when ``relative``). ``what`` names it in messages ("a share between 0 and 1")."""
    return {"kind": "number", "low": low, "high": high, "within": within, "relative": relative, "what": what}


def sequence(*items: dict, what: str) -> dict:
    """A fixed-length sequence (list, tuple, array) whose parts have the forms ``items``."""
    return {"kind": "sequence", "items": list(items), "what": what}


def mapping(value: dict, keys=None, count=None, allowed=None, what="a dict") -> dict:
    """A dict whose values have the form ``value``: with exactly the ``keys`` given, or with ``count``
    keys taken from ``allowed`` (then which keys is part of the answer)."""
    return {"kind": "mapping", "value": value, "keys": keys, "count": count, "allowed": allowed, "what": what}


def one_of(choices: list, what: str) -> dict:
    """One of a few values (numbers or strings): right when it equals the expected one."""
    return {"kind": "one_of", "choices": list(choices), "what": what}


def rows(column: str, what: str) -> dict:
    """Rows of a table (a DataFrame, any index, or a list of records) with a ``column``: right when
    that column holds the expected values, in any order."""
    return {"kind": "rows", "column": column, "what": what}


# ----------------------------------------------------------------------------- plain data


def plain(value, depth: int = 0):
    """``value`` as plain JSON data: None for ``...``, exact copies of numbers and strings (a subclass
    loses its methods), lists for sequences and arrays, dicts for mappings and Series, lists of
    records for DataFrames. Anything else becomes ``{"unsupported": type name}``."""
    if depth > 8:
        return {"unsupported": "nesting deeper than 8 levels"}
    if value is None or value is Ellipsis:
        return None
    if isinstance(value, bool):
        return bool(int.__index__(value))
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        number = float.__float__(value)
        return number if math.isfinite(number) else {"unsupported": "a number that is not finite"}
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, dict):
        return {_key(k): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v, depth + 1) for v in value]
    kind = type(value).__module__.split(".")[0], type(value).__name__
    if kind in {("numpy", "ndarray")} or (kind[0] == "numpy" and hasattr(value, "item")):
        return plain(value.tolist() if kind[1] == "ndarray" else value.item(), depth)
    if kind == ("pandas", "Series") and type(value.index).__name__ == "RangeIndex":
        return [plain(v, depth + 1) for v in value]
    if kind == ("pandas", "Series"):
        return {_key(k): plain(v, depth + 1) for k, v in value.items()}
    if kind == ("pandas", "DataFrame"):
        return [{_key(k): plain(v, depth + 2) for k, v in row.items()} for row in value.to_dict("records")]
    return {"unsupported": kind[1]}


def _key(key) -> str:
    """A mapping key as a string (JSON's keys are strings)."""
    key = plain(key)
    return key if isinstance(key, str) else json.dumps(key)


def answers_of(namespace: dict, variables: dict[str, str]) -> dict:
    """Each label's answer in ``namespace`` (a kernel's globals) as plain data; absent ones are None."""
    return {label: plain(namespace.get(name)) for label, name in variables.items()}


# ----------------------------------------------------------------------------- checks


def _is_number(value) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def problem(form: dict, value) -> str | None:
    """What is wrong with the form of ``value`` (plain data), or None if its form is right."""
    if value is None:
        return MISSING
    if isinstance(value, dict) and set(value) == {"unsupported"} and form["kind"] != "mapping":
        return f"give {form['what']}, not {value['unsupported']}"
    kind = form["kind"]
    if kind == "number":
        low, high = form["low"], form["high"]
        if not _is_number(value) or (low is not None and value < low) or (high is not None and value > high):
            return f"give {form['what']}"
    elif kind == "one_of":
        if not any(_same(value, choice) for choice in form["choices"]):
            return f"give {form['what']}"
    elif kind == "sequence":
        if not isinstance(value, list) or len(value) != len(form["items"]):
            return f"give {form['what']}"
        for part, item in zip(value, form["items"]):
            if problem(item, part):
                return f"give {form['what']}: each part {item['what']}"
    elif kind == "mapping":
        if not isinstance(value, dict):
            return f"give {form['what']}"
        if form["keys"] is not None and sorted(value) != sorted(form["keys"]):
            return f"give {form['what']}, with the keys {form['keys']}"
        if form["count"] is not None and (len(value) != form["count"] or not set(value) <= set(form["allowed"])):
            return f"give {form['what']}: {form['count']} keys from {form['allowed']}"
        if any(problem(form["value"], part) for part in value.values()):
            return f"give {form['what']}: each value {form['value']['what']}"
    elif kind == "rows":
        if not isinstance(value, list) or not all(isinstance(r, dict) and form["column"] in r for r in value):
            return f"give {form['what']}"
    return None


def _same(value, expected) -> bool:
    """Equal as plain data, with ints and floats of the same value equal (7 and 7.0)."""
    if _is_number(value) and _is_number(expected):
        return value == expected
    return type(value) is type(expected) and value == expected


def _close(form: dict, value, expected) -> bool:
    """``value`` (of the right form) is right against ``expected`` under ``form``'s tolerance."""
    kind = form["kind"]
    if kind == "number":
        gap = abs(value - expected)
        limit = form["within"] * abs(expected) if form["relative"] else form["within"]
        return gap <= limit * (1 + 1e-9) + 1e-12
    if kind == "one_of":
        return _same(value, expected)
    if kind == "sequence":
        return all(_close(item, v, e) for item, v, e in zip(form["items"], value, expected))
    if kind == "mapping":
        return sorted(value) == sorted(expected) and all(_close(form["value"], value[k], expected[k]) for k in value)
    if kind == "rows":
        found = sorted(json.dumps(row[form["column"]]) for row in value)
        return found == sorted(json.dumps(v) for v in expected)
    raise ValueError(f"unknown form kind {kind!r}")


def score(form: dict, value, expected) -> tuple[int, str]:
    """``(1, "right")`` or ``(0, why not)`` for an answer given as plain data. Never raises on a
    student's answer: anything unexpected in it scores 0 with a message."""
    try:
        wrong_form = problem(form, value)
        if wrong_form:
            return 0, f"wrong form: {wrong_form}"
        return (1, "right") if _close(form, value, expected) else (0, "wrong value")
    except (TypeError, ValueError, KeyError, OverflowError, RecursionError) as error:
        return 0, f"unreadable answer ({type(error).__name__})"


# ----------------------------------------------------------------------------- the student's checks


class Checks:
    """The student edition's ``grader``: checks the form of the open chapter's answers, one line each.

    ``forms`` maps each autograded label of the chapter to its variable and form (read from the
    edition's ``forms.json``). A right form is never called right: the value is checked when the
    work is graded.
    """

    def __init__(self, chapter: str, forms: dict | None = None):
        if forms is None:
            forms = json.loads(Path(FORMS_FILE).read_text())[chapter]
        self.chapter, self.forms = chapter, forms

    def _namespace(self) -> dict:
        """The notebook's globals: those of the frame that called ``check`` or ``check_all``."""
        frame = inspect.currentframe()
        while frame and frame.f_globals.get("__name__") == __name__:
            frame = frame.f_back
        return frame.f_globals if frame else {}

    def verdict(self, label: str, namespace: dict) -> str:
        """The one-line verdict on the form of one answer."""
        if label not in self.forms:
            return f"{label}: not an autograded exercise of this chapter (they are: {', '.join(self.forms)})"
        entry = self.forms[label]
        wrong = problem(entry["form"], plain(namespace.get(entry["variable"])))
        if wrong:
            return f"{label}: not yet: {wrong}."
        return f"{label}: right form ({entry['form']['what']}); its value is checked when your work is graded."

    def check(self, label: str) -> None:
        """Print the verdict on one answer's form."""
        print(self.verdict(label, self._namespace()))

    def check_all(self) -> None:
        """Print the verdict on every autograded answer of this chapter."""
        namespace = self._namespace()
        for label in self.forms:
            print(self.verdict(label, namespace))
