"""Column helpers for validate.py and reconcile.py: a code or a name recurs on thousands of rows,
so each distinct value is looked at once and the answer spread back over the rows.

Values are compared by type and value, as codes.clean's cache does (True, 1 and 1.0 are three
values here, although Python finds them equal).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

_HASHED = ("string", "integer", "floating", "empty")


def nones(n: int) -> np.ndarray:
    return np.full(n, None, dtype=object)


def table(values: list) -> np.ndarray:
    """An object array of the values as they are (numpy would unpack a tuple or a list)."""
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def factorize(values: np.ndarray) -> tuple[np.ndarray, list]:
    """Each value's code (int64) and the distinct values, numbered in order of first appearance."""
    n = len(values)
    if not n:
        return np.zeros(0, dtype=np.int64), []
    if values.dtype != object:
        found, uniques = pd.factorize(values, use_na_sentinel=False)
        return found.astype(np.int64, copy=False), list(uniques)
    if infer_dtype(values, skipna=True) in _HASHED:
        found, uniques = pd.factorize(values)
        found = found.astype(np.int64, copy=False)
        uniques = list(uniques)
        missing = found < 0
        if not missing.any():
            return found, uniques
        gone = values[missing]
        none = np.equal(gone, None)
        if none.all():
            token = None
        elif not none.any() and is_type(gone, float).all():
            token = gone[0]
        else:
            token = missing = None
        if missing is not None:
            # None or NaN: one more value, numbered where it first appears
            first_missing = int(np.argmax(missing))
            k = int(found[:first_missing].max()) + 1 if first_missing else 0   # codes 0..k-1 came before
            found = found.copy()
            found[found >= k] += 1
            found[missing] = k
            uniques.insert(k, token)
            return found, uniques
    seen: dict = {}
    found = np.fromiter((seen.setdefault(k, len(seen)) for k in zip(map(type, values), values)),
                        dtype=np.int64, count=n)
    return found, [v for _, v in seen]


def distinct(found: np.ndarray, values: list) -> tuple[np.ndarray, list]:
    """Codes whose values may repeat (read's codes list '' twice; two raw codes may clean to one)
    renumbered so that equal values share one code: the few values are hashed, not the rows."""
    if not len(values):
        return np.asarray(found, dtype=np.int64), []
    merged, uniques = factorize(table(values))
    return merged[found], uniques


def per_value_bool(values: np.ndarray, fn) -> np.ndarray:
    if not len(values):
        return np.zeros(0, dtype=bool)
    found, uniques = factorize(values)
    return np.array([bool(fn(v)) for v in uniques], dtype=bool)[found]


def is_type(values: np.ndarray, kind: type) -> np.ndarray:
    """Which values are exactly of this type (bool is not int, here)."""
    if not len(values):
        return np.zeros(0, dtype=bool)
    return np.fromiter(map(type, values), dtype=object, count=len(values)) == kind


def texts_only(values: np.ndarray) -> np.ndarray:
    """The str values, '' for anything else (pandas may hold a blank as NaN, which is truthy)."""
    if len(values) and infer_dtype(values, skipna=False) == "string":
        return values
    return np.where(is_type(values, str), values, "")


def groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group equal keys, numbered in order of first appearance: (first position of each group,
    the group of each key)."""
    n = len(keys)
    if not n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if keys.dtype.kind in "iu" and keys.min() >= 0 and (size := int(keys.max()) + 1) <= 2 * n + 1024:
        # keys in a small range (codes, or pairs of codes, of 500,000 rows): numbered by their first
        # position instead of hashed, several times quicker
        first = np.full(size, n, dtype=np.int64)
        np.minimum.at(first, keys, np.arange(n, dtype=np.int64))
        seen = np.flatnonzero(first < n)
        seen = seen[np.argsort(first[seen], kind="stable")]        # in order of first appearance
        number = np.empty(size, dtype=np.int64)
        number[seen] = np.arange(len(seen), dtype=np.int64)
        return first[seen], number[keys]
    found, uniques = pd.factorize(keys)
    found = found.astype(np.int64, copy=False)
    first = np.empty(len(uniques), dtype=np.int64)
    first[found[::-1]] = np.arange(len(keys) - 1, -1, -1)
    return first, found
