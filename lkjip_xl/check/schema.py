"""pandera schemas (schemas/<role>.yaml) run on a typed frame; their failure cases become findings.

pandera is the judge, and it runs each YAML as written. On a 500,000-row sheet it is slow to import
and to run (a regular expression per row), so a prefilter first finds the rows it could fail on:
the same checks, read from the same YAML the way pandera reads it, each applied the way pandera's
builtin applies it (the same pandas operation, nulls left out unless the column is not nullable),
but once per distinct value. pandera then sees only those rows, or nothing when none could fail.
Whatever the prefilter cannot follow exactly — an unknown check, a check option, a dtype, a
frame-wide setting, a value type whose answer could depend on its neighbours — sends the whole
frame to pandera. tests/test_check_schema.py shows that prefilter + pandera and pandera alone give
the same findings.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from lkjip_xl.check.model import column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read.arrays import factorize, table
from lkjip_xl.read.sheets import Sheet
from lkjip_xl.schemas_io import load_yaml, schema_path


@lru_cache(maxsize=None)
def schema(role: str):
    import pandera.pandas as pa

    return pa.DataFrameSchema.from_yaml(schema_path(f"{role}.yaml"))


# --- the YAML as pandera reads it (pandera.io.pandas_io.deserialize_schema) -------------------------

# Frame-level keys, each at pandera's default; any other key or value is a rule the prefilter does
# not follow (schema-wide checks, an index, strictness, coercion...).
_FRAME_DEFAULTS = {"checks": None, "index": None, "dtype": None, "coerce": False, "strict": False,
                   "ordered": False, "unique": None, "report_duplicates": "all", "unique_column_names": False,
                   "add_missing_columns": False, "drop_invalid_rows": False, "metadata": None}
_FRAME_FREE = {"schema_type", "api", "name", "version", "title", "description", "columns"}
# Column keys pandera reads as properties (pandera.io._flat_checks.COMPONENT_RESERVED_KEYS); any
# other key names a check. Those below must stay at their default; required and nullable are followed.
_COLUMN_DEFAULTS = {"checks": None, "dtype": None, "unique": False, "coerce": False, "regex": False,
                    "default": None, "report_duplicates": "all", "drop_invalid_rows": False}
_COLUMN_FREE = {"title", "description"}
_RESERVED = set(_COLUMN_DEFAULTS) | _COLUMN_FREE | {
    "nullable", "required", "name", "dims", "alias", "ordered_dims", "sizes", "shape", "coords",
    "schema_type", "version"}

_in_range = lambda s, min_value, max_value, include_min=True, include_max=True: (
    (operator.le if include_min else operator.lt)(min_value, s) & (operator.ge if include_max else operator.gt)(max_value, s))


def _str_length(s, min_value=None, max_value=None, exact_value=None):
    n = s.str.len()
    if exact_value is not None:
        return n == exact_value
    if min_value is None and max_value is None:
        raise ValueError("str_length without a bound")
    if max_value is None:
        return n >= min_value
    if min_value is None:
        return n <= max_value
    return (n <= max_value) & (n >= min_value)


# pandera's builtin checks (pandera/backends/pandas/builtin_checks.py), the same pandas operation each:
# name → (function of the column, its parameters in order (the first one takes a scalar YAML value), text check)
_BUILTINS = {
    "equal_to": (lambda s, value: s == value, ("value",), False),
    "not_equal_to": (lambda s, value: s != value, ("value",), False),
    "greater_than": (lambda s, min_value: s > min_value, ("min_value",), False),
    "greater_than_or_equal_to": (lambda s, min_value: s >= min_value, ("min_value",), False),
    "less_than": (lambda s, max_value: s < max_value, ("max_value",), False),
    "less_than_or_equal_to": (lambda s, max_value: s <= max_value, ("max_value",), False),
    "in_range": (_in_range, ("min_value", "max_value", "include_min", "include_max"), False),
    "isin": (lambda s, allowed_values: s.isin(allowed_values), ("allowed_values",), False),
    "notin": (lambda s, forbidden_values: ~s.isin(forbidden_values), ("forbidden_values",), False),
    "str_matches": (lambda s, pattern: s.str.match(pattern, na=False), ("pattern",), True),
    "str_contains": (lambda s, pattern: s.str.contains(pattern, na=False), ("pattern",), True),
    "str_startswith": (lambda s, string: s.str.startswith(string, na=False), ("string",), True),
    "str_endswith": (lambda s, string: s.str.endswith(string, na=False), ("string",), True),
    "str_length": (_str_length, ("min_value", "max_value", "exact_value"), True),
}
# checks whose scalar YAML value pandera gives to another parameter, or that need two
_NO_SCALAR = {"in_range", "str_length"}
_REQUIRED = {"in_range": ("min_value", "max_value")}
_COMPARISONS = {"equal_to", "not_equal_to", "greater_than", "greater_than_or_equal_to", "less_than",
                "less_than_or_equal_to", "in_range"}


@dataclass(frozen=True)
class Rule:
    check: str
    kwargs: tuple       # ((parameter, value), ...), as pandera's Check.statistics holds them


@dataclass(frozen=True)
class ColumnRules:
    name: str
    required: bool
    nullable: bool
    rules: tuple[Rule, ...]


def _rule(check: str, value) -> Rule | None:
    fn = _BUILTINS.get(check)
    if fn is None:
        return None
    params = fn[1]
    if isinstance(value, dict):
        if "options" in value or not value or set(value) - set(params):
            return None       # a check option (ignore_na, raise_warning, groupby...) or an unknown parameter
        if value.keys() == {"value"} and "value" not in params:
            value = value["value"]
    if not isinstance(value, dict):
        if value is None or check in _NO_SCALAR:
            return None
        value = {params[0]: value}
    if any(p not in value for p in _REQUIRED.get(check, ())):
        return None
    if check == "in_range":
        value = {"include_min": True, "include_max": True, **value}
        if not all(type(value[k]) is bool for k in ("include_min", "include_max")):
            return None
    return Rule(check, tuple((p, value[p]) for p in params if p in value))


@lru_cache(maxsize=None)
def rules(role: str) -> tuple[ColumnRules, ...] | None:
    """The column rules of schemas/<role>.yaml as pandera reads them; None when the schema uses
    anything the prefilter does not follow (pandera then checks the whole frame)."""
    spec = load_yaml(f"{role}.yaml")
    if not isinstance(spec, dict) or not isinstance(spec.get("columns"), dict):
        return None
    for key, value in spec.items():
        if key not in _FRAME_FREE and (key not in _FRAME_DEFAULTS or value != _FRAME_DEFAULTS[key]):
            return None
    out = []
    for name, props in spec["columns"].items():
        props = {} if props is None else props
        if not isinstance(name, str) or not isinstance(props, dict):
            return None
        required, nullable = props.get("required", True), props.get("nullable", False)
        if type(required) is not bool or type(nullable) is not bool:
            return None
        found = []
        for key, value in props.items():
            if key in _COLUMN_DEFAULTS:
                if value != _COLUMN_DEFAULTS[key]:
                    return None
            elif key in _RESERVED and key not in _COLUMN_FREE and key not in ("required", "nullable"):
                return None
            elif key not in _RESERVED:
                rule = _rule(key, value)
                if rule is None:
                    return None      # pandera runs it (or, not knowing it, ignores it) on the whole frame
                found.append(rule)
        out.append(ColumnRules(name, required, nullable, tuple(found)))
    return tuple(out)


# --- the prefilter ----------------------------------------------------------------------------------

class _Whole(Exception):
    """The answer for this column could depend on more than each value: pandera sees every row."""


def _failing(rule: Rule, series: pd.Series, null: np.ndarray | None, known) -> np.ndarray:
    """The rows whose non-null value fails `rule`, as pandera's builtin finds them."""
    fn, _, textual = _BUILTINS[rule.check]
    kwargs = dict(rule.kwargs)
    if known is not None and isinstance(known[0], str) and rule.check in _COMPARISONS and all(
            type(v) is int and -2**63 <= v < 2**63 for k, v in rule.kwargs if not k.startswith("include")):
        # amounts that are all Python ints: int64 against an int answers as the ints themselves do
        _, ints, present = known
        return present & ~np.asarray(fn(pd.Series(ints, copy=False), **kwargs), dtype=bool)
    if series.dtype != object:
        if not (series.dtype.kind in "iuf" or isinstance(series.dtype, pd.StringDtype)):
            raise _Whole
        # pandera's own operation on the same column: nothing to gain from distinct values
        out = np.zeros(len(series), dtype=bool)
        keep = ~null
        try:
            ok = np.asarray(fn(series[keep], **kwargs), dtype=bool)
        except Exception as exc:   # pandera reports the check's error: let it, on the whole frame
            raise _Whole from exc
        out[keep] = ~ok
        return out
    if known is not None and not isinstance(known[0], str):
        codes, uniques = known
        uniques = table(uniques)
    else:
        codes, uniques = factorize(series.to_numpy(dtype=object))
        uniques = table(uniques)
    valued = ~np.asarray(pd.isna(uniques), dtype=bool)
    present = uniques[valued]
    if textual and not all(isinstance(v, str) for v in present):
        # pandas' .str takes or refuses a column by the types in it, so a subset could be answered
        # otherwise than the whole
        raise _Whole
    bad = np.zeros(len(uniques), dtype=bool)
    try:
        ok = np.asarray(fn(pd.Series(present, dtype=object), **kwargs), dtype=bool)
    except Exception as exc:
        raise _Whole from exc
    bad[valued] = ~ok
    return bad[codes] if len(codes) else np.zeros(0, dtype=bool)


def suspects(df: pd.DataFrame, role: str, known: dict | None = None) -> pd.DataFrame | None:
    """The rows pandera could fail on, found by its own checks (rules()); the whole frame when the
    schema or a column is beyond the prefilter; an empty frame when only a required column is
    missing; None when nothing could fail. `known`: column → (codes, distinct values) of an object
    column, or ("int64", values, present) for amounts that are all ints."""
    spec = rules(role)
    if spec is None:
        return df
    known = known or {}
    suspect = np.zeros(len(df), dtype=bool)
    missing = False
    for col in spec:
        if col.name not in df:
            missing = missing or col.required
            continue
        series = df[col.name]
        if isinstance(series, pd.DataFrame):
            return df          # two columns of one name
        if col.nullable and not col.rules:
            continue
        # the nulls of an object column are found among its distinct values (_failing), not row by row
        null = np.asarray(series.isna(), dtype=bool) if not col.nullable or series.dtype != object else None
        if not col.nullable:
            suspect |= null
        for rule in col.rules:
            try:
                suspect |= _failing(rule, series, null, known.get(col.name))
            except _Whole:
                return df
    if suspect.any():
        return df[suspect]
    return df.iloc[:0] if missing else None


# --- pandera's failure cases → findings -------------------------------------------------------------

def pandera_findings(sheet: Sheet, df: pd.DataFrame, role: str, known: dict | None = None,
                     accounts: set | None = None) -> tuple[list[Finding], set]:
    """Every failure case pandera reports, as a finding at its cell; and the rows whose code is not
    a code (they cannot be placed in the hierarchy). With `accounts`, the rows whose Kode Rekening
    alone is not a code go there instead: a line still placed by its own code or the one above."""
    checked = suspects(df, role, known)
    if checked is None:
        return [], set()
    import pandera.errors

    try:
        schema(role).validate(checked, lazy=True)
        return [], set()
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    out, bad_rows = [], set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        name = check.split("(")[0]
        if name == "column_in_dataframe":
            out.append(Finding("missing-column", {"role": Text(f"role-{role}"), "column": column_label(case.failure_case)},
                               **sheet.place()))
            continue
        column = None if pd.isna(case.column) else str(case.column)
        row = None if pd.isna(case.index) else int(case.index)   # a check that could not run has no row
        value = None if _is_null(case.failure_case) else case.failure_case
        label = column_label(column) if column is not None else ""
        cell = None
        if row is not None:     # a column with no cell of its own (an indicator's year) points at the row's name
            cell = sheet.cell(row, next((c for c in (column, "kode", "indikator") if sheet.cols.get(c) is not None), "kode"))
        kode = df.at[row, "kode"] if row is not None and "kode" in df and df.index.is_unique else None
        if name == "not_nullable":
            out.append(Finding("empty-value", {"column": label, "yaml": f"schemas/{role}.yaml"}, **sheet.place(),
                               cell=cell, kode=kode))
        elif name == "str_matches" and column in ("kode", "kode_rekening") and row is not None:
            # a row that cannot be placed is left out; a negative amount still counts
            (accounts if accounts is not None and column == "kode_rekening" else bad_rows).add(row)
            if column == "kode":
                cell, value = _kode_part(sheet, row, cell, value)
            out.append(Finding("bad-kode", {"text": value, "column": label}, **sheet.place(), cell=cell, actual=value))
        elif name == "greater_than_or_equal_to" and _negative(value):
            out.append(Finding("negative-amount", {"text": value, "column": label}, **sheet.place(), cell=cell,
                               kode=kode, actual=value))
        else:
            out.append(Finding("schema-rule", {"text": "" if value is None else str(value), "column": label, "rule": check,
                                               "yaml": f"schemas/{role}.yaml"}, **sheet.place(), cell=cell, kode=kode,
                               actual=value))
    return out, bad_rows


def _kode_part(sheet: Sheet, row: int, cell: str | None, joined):
    """Where a code read from several columns (SIPD's Kode Program | Kode Kegiatan | Kode Sub
    Kegiatan, or one segment per column) is to be fixed, and what is typed there: the first part
    with a segment that is not a number ('7.O1.01…'); a code whose parts are all numbers of the wrong
    widths stays at its first column, where the code starts."""
    parts = sorted((c for c in sheet.cols if c.startswith("kode#")), key=lambda c: int(c.split("#")[1]))
    frame = sheet.frame
    if len(parts) < 2 or frame is None or row not in frame.index or not frame.index.is_unique:
        return cell, joined
    written = [(c, v) for c in parts if c in frame and not _is_null(v := frame.at[row, c]) and str(v).strip()]
    typed = lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
    odd = [(c, v) for c, v in written if not all(seg.strip().isdigit() for seg in typed(v).strip().split("."))]
    if not odd:
        return cell, joined
    c, v = odd[0]
    return sheet.cell(row, c), typed(v)


def _is_null(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _negative(v) -> bool:
    try:
        return v < 0
    except TypeError:
        return False
