"""pandera schemas (schemas/<role>.yaml) run on a typed frame; their failure cases become findings."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from lkjip_xl.check.model import column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read.arrays import per_value_bool
from lkjip_xl.read.sheets import Sheet
from lkjip_xl.schemas_io import load_yaml, schema_path


_CHECK_CODES = {"str_matches": "bad-kode", "greater_than_or_equal_to": "negative-amount",
                "column_in_dataframe": "missing-column"}


@lru_cache(maxsize=None)
def schema(role: str):
    import pandera.pandas as pa

    return pa.DataFrameSchema.from_yaml(schema_path(f"{role}.yaml"))


def suspects(df: pd.DataFrame, role: str, known: dict | None = None) -> pd.DataFrame | None:
    """The rows a schema could fail on, found with the schema's own rules (read from the same YAML),
    so that pandera, slow to import and to run on a large frame, checks only those. None when no
    row and no column could fail. A schema using anything else is checked whole by pandera.
    `known`: column → (codes, distinct values), or ("int64", values, present) for amounts."""
    spec = load_yaml(f"{role}.yaml")
    known = known or {}
    if set(spec) - {"schema_type", "api", "name", "columns"}:
        return df
    suspect = np.zeros(len(df), dtype=bool)
    missing = False
    for name, rules in (spec.get("columns") or {}).items():
        rules = dict(rules or {})
        required = rules.pop("required", True)
        rules.pop("nullable", None)       # a null is never turned into a finding
        if name not in df:
            missing = missing or required
            continue
        values = df[name].to_numpy(dtype=object)
        for check, arg in rules.items():
            if check == "str_matches":
                pattern = re.compile(arg)
                bad = lambda v: v is not None and v == v and not (isinstance(v, str) and pattern.match(v))
            elif check == "greater_than_or_equal_to":
                bad = lambda v: v is not None and v == v and not v >= arg
            elif check == "in_range":
                lo, hi = arg.get("min_value"), arg.get("max_value")
                bad = lambda v: v is not None and v == v and not (lo <= v <= hi)
            else:
                return df
            k = known.get(name)
            ints = k is not None and isinstance(k[0], str)
            if ints and check == "greater_than_or_equal_to":
                suspect |= k[2] & (k[1] < arg)
            elif k is not None and not ints:
                suspect |= np.array([bool(bad(u)) for u in k[1]], dtype=bool)[k[0]]
            else:
                suspect |= per_value_bool(values, bad)
    if suspect.any():
        return df[suspect]
    return df.iloc[:0] if missing else None


def pandera_findings(bs_sheet: Sheet, df: pd.DataFrame, role: str, known: dict | None = None) -> tuple[list[Finding], set]:
    try:
        checked = suspects(df, role, known)
    except (TypeError, ValueError, re.error):
        checked = df
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
        check = str(case.check).split("(")[0]
        code = _CHECK_CODES.get(check)
        if code is None:
            continue
        if code == "missing-column":
            out.append(Finding(code, {"role": Text(f"role-{role}"), "column": column_label(case.failure_case)},
                               **bs_sheet.place()))
            continue
        row = int(case.index)
        column = str(case.column)
        if code == "bad-kode":
            bad_rows.add(row)      # a row that cannot be placed is left out; a negative amount still counts
        kode = df.at[row, "kode"] if "kode" in df else None
        params = {"text": case.failure_case, "column": column_label(column)}
        out.append(Finding(code, params, **bs_sheet.place(), cell=bs_sheet.cell(row, column if column in bs_sheet.cols else "kode#0"),
                           kode=kode if code != "bad-kode" else None, actual=case.failure_case))
    return out, bad_rows
