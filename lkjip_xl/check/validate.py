"""Raw sheets → typed data and findings: numbers parsed exactly, codes cleaned, pandera checks.

Every cell that cannot be used becomes a finding at its A1 address; nothing is guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, factorize, groups, is_type, nones, per_value_bool, table
from lkjip_xl.config import Settings
from lkjip_xl.findings import Finding
from lkjip_xl.read.headers import normalize, role_specs, text
from lkjip_xl.read.numbers import BadNumber, parse_amount, parse_indicator
from lkjip_xl.read.sheets import BUDGET_ROLES, MONTHS, Reading, Sheet
from lkjip_xl.schemas_io import load_yaml, schema_path

AMOUNTS = ("pagu", "pagu_next", "realisasi", "realisasi_bulan_ini")
COLUMN_LABELS = {"pagu": "Pagu/Anggaran", "pagu_next": "Anggaran tahun berikut", "realisasi": "Realisasi",
                 "realisasi_bulan_ini": "Realisasi bulan ini", "target": "Target", "capaian": "Capaian",
                 "kode": "Kode", "uraian": "Uraian", "indikator": "Indikator"}
_CHECK_CODES = {"str_matches": "bad-kode", "greater_than_or_equal_to": "negative-amount",
                "column_in_dataframe": "missing-column"}


@dataclass(frozen=True)
class Val:
    value: Decimal | None
    cell: str | None
    text: str = ""


@dataclass
class BudgetSheet:
    sheet: Sheet
    df: pd.DataFrame          # index = Excel row; see _budget() for columns
    amounts: list[str]
    has_rekening: bool
    month: int | None
    ints: dict = field(default_factory=dict)   # amount → (int64 values, present mask), when all fit
    # df column → (code of each row, distinct values): kode, kode_rekening, sub, kind, bulan and the
    # names, so that reconcile groups 500,000 rows by integers instead of hashing their text again
    codes: dict = field(default_factory=dict)


@dataclass
class Indicator:
    row: int
    no: str
    tujuan: str
    sasaran: str
    indikator: str
    satuan: str = ""
    negative: bool = False
    kumulatif: bool = False
    sumber_data: str = ""
    analisis: str = ""
    solusi: str = ""
    target_akhir: Val | None = None
    target_akhir_year: int | None = None
    years: dict[int, dict[str, Val]] = field(default_factory=dict)


@dataclass
class IndicatorSheet:
    sheet: Sheet
    rows: list[Indicator]
    renstra: bool


@dataclass
class ProgramIndicator:
    row: int
    kode: str | None
    program: str
    indikator: str
    satuan: str
    sasaran: str
    target: Val
    realisasi: Val
    capaian: Val
    cell_program: str | None


@dataclass
class ProgramIndicatorSheet:
    sheet: Sheet
    rows: list[ProgramIndicator]


@dataclass
class Validated:
    budgets: list[BudgetSheet]
    indicators: list[IndicatorSheet]
    programs: list[ProgramIndicatorSheet]
    findings: list[Finding]
    tahun: int | None


@lru_cache(maxsize=None)
def schema(role: str):
    import pandera.pandas as pa

    return pa.DataFrameSchema.from_yaml(schema_path(f"{role}.yaml"))


def _suspects(df: pd.DataFrame, role: str, known: dict | None = None) -> pd.DataFrame | None:
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


def _pandera_findings(bs_sheet: Sheet, df: pd.DataFrame, role: str, known: dict | None = None) -> tuple[list[Finding], set]:
    try:
        checked = _suspects(df, role, known)
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
            out.append(Finding(code, {"role": role, "column": COLUMN_LABELS.get(str(case.failure_case), case.failure_case)},
                               **bs_sheet.place()))
            continue
        row = int(case.index)
        column = str(case.column)
        if code == "bad-kode":
            bad_rows.add(row)      # a row that cannot be placed is left out; a negative amount still counts
        kode = df.at[row, "kode"] if "kode" in df else None
        params = {"text": case.failure_case, "column": COLUMN_LABELS.get(column, column)}
        out.append(Finding(code, params, **bs_sheet.place(), cell=bs_sheet.cell(row, column if column in bs_sheet.cols else "kode#0"),
                           kode=kode if code != "bad-kode" else None, actual=case.failure_case))
    return out, bad_rows


class _Cells:
    """Parses one sheet's cells and remembers what could not be parsed."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.findings: list[Finding] = []
        self.bad_rows: set[int] = set()      # rows whose code or month is unknown: not added up

    def formula(self, row: int, column: str) -> bool:
        """A cell whose value is unknown (a formula never calculated, or an Excel error): say so."""
        c = self.sheet.cols.get(column)
        f = self.sheet.formulas.get((row - 1, c)) if c is not None else None
        error = self.sheet.errors.get((row - 1, c)) if c is not None else None
        if error is not None:
            self.findings.append(Finding("error-value", {"error": error}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, column), actual=error))
            return True
        if f is None:
            return False
        self.findings.append(Finding("formula-without-value", {"formula": f}, **self.sheet.place(),
                                     cell=self.sheet.cell(row, column)))
        return True

    def indicator(self, row: int, column: str | None, value) -> Val:
        if column is None:
            return Val(None, None)
        cell = self.sheet.cell(row, column)
        if self.formula(row, column):
            return Val(None, cell)
        try:
            number = parse_indicator(value)
        except BadNumber:
            self._bad(row, column, value)
            return Val(None, cell, text(value))
        percent = (row - 1, self.sheet.cols[column]) in self.sheet.percent
        if number is not None and percent and not isinstance(value, str):
            number *= 100      # a cell formatted 0.00% holds 0.9421 and shows 94,21
        return Val(number, cell, text(value))

    def kode(self, row: int, columns: list[str], values, account: bool = False) -> str | None:
        """One code from one cell or from parts over several columns; None and a finding if unsure."""
        parts = []
        for column, value in zip(columns, values):
            try:
                parts.append(codes.clean(value, account=account))
            except codes.BadKode:
                self.findings.append(Finding("bad-kode", {"text": text(value)}, **self.sheet.place(),
                                             cell=self.sheet.cell(row, column), actual=text(value)))
                self.bad_rows.add(row)
                return None
        return codes.join_parts(parts)

    def year(self, row: int, column: str, value, needed: bool) -> int | None:
        """A Tahun cell of a long indicator sheet: 2024, '2024', 'TA 2024'; a finding if unsure."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value == int(value) and 1990 <= value <= 2100:
                return int(value)
        years = set(re.findall(r"\b(?:19|20)\d\d\b", text(value)))
        if len(years) == 1:
            return int(years.pop())
        if needed or text(value):
            self.findings.append(Finding("bad-number", {"text": text(value), "column": "Tahun"}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, column), actual=text(value)))
        return None

    def polarity(self, row: int, value: str) -> bool:
        """Negative polarity? Blank means positive (the usual case); unknown text is said, then positive."""
        negative = _polarity(value) if value else False
        if negative is None:
            self.findings.append(Finding("bad-polaritas", {"text": value}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, "polaritas"), actual=value))
        return bool(negative)

    def _bad(self, row, column, value):
        self.findings.append(_bad_number(self, row, column, value))


def _pick_amount_columns(sheet: Sheet, tahun: int | None) -> dict[str, str]:
    """Canonical amount → frame column, deciding which 'Anggaran <year>' is this year and next."""
    cols = sheet.cols
    out = {}
    for base in ("pagu", "realisasi", "realisasi_bulan_ini"):
        yearly = sorted((sheet.years[c], c) for c in cols if c.startswith(base + "@"))
        if base in cols:
            out[base] = base
        this = [c for y, c in yearly if y == tahun] if tahun else []
        if this:
            out[base] = this[0]
        elif yearly and base not in out:
            out[base] = yearly[0][1]
        if base == "pagu":
            chosen = sheet.years.get(out.get("pagu"), tahun)
            nxt = [c for y, c in yearly if chosen and y == chosen + 1]
            if nxt:
                out["pagu_next"] = nxt[0]
    if "pagu_next" in cols:
        out["pagu_next"] = "pagu_next"
    elif "pagu_next" not in out:
        labelled = sorted((sheet.years[c], c) for c in cols if c.startswith("pagu_next@"))   # "Prakiraan Maju 2025"
        if labelled:
            out["pagu_next"] = labelled[0][1]
    return out


def _month(value) -> int | None:
    """A Bulan cell → 1..12: a date, 3, '03', '2024-03', '03/2024', 'Maret', 'Mar-24'. None if unsure."""
    if value in (None, "") or isinstance(value, bool):
        return None
    if hasattr(value, "month"):
        return value.month
    if isinstance(value, (int, float)):
        return int(value) if value == int(value) and 1 <= value <= 12 else None
    norm = normalize(value)
    m = re.fullmatch(r"(?:(?:19|20)\d\d )?(\d{1,2})(?: (?:19|20)\d\d)?", norm)
    if m:
        return int(m.group(1)) if 1 <= int(m.group(1)) <= 12 else None
    named = {MONTHS[w] for w in norm.split() if w in MONTHS}
    return named.pop() if len(named) == 1 else None     # 'Januari s.d. Maret' names no single month


def _budget(sheet: Sheet, tahun: int | None) -> tuple[BudgetSheet, list[Finding]]:
    """Column by column, each distinct value parsed once: a code or a name recurs on thousands of
    rows, and numeric cells are converted as whole arrays. Findings come in the order a row-by-row
    reading gives them (column by column, row by row)."""
    raw = sheet.frame
    cells = _Cells(sheet)
    picked = _pick_amount_columns(sheet, tahun)
    kode_cols = sorted((c for c in raw.columns if c.startswith("kode#")), key=lambda c: int(c.split("#")[1]))
    sheet.cols["kode"] = sheet.cols.get("kode#0")
    index = raw.index
    rows = index.to_numpy()
    col = lambda name: raw[name].to_numpy(dtype=object)
    # a column of df from an array made here and not changed after: pandas need not copy it
    column = lambda values: pd.Series(values, index=index, dtype=object, copy=False)
    fac = sheet.codes.get         # a large sheet's text columns come with their codes
    known: dict = {}
    coded: dict = {}              # → BudgetSheet.codes
    if kode_cols:
        kode, *known["kode"] = _kodes(cells, rows, kode_cols, [col(c) for c in kode_cols], [fac(c) for c in kode_cols])
        coded["kode"] = distinct(*known["kode"])
    else:
        kode = nones(len(index))
        coded["kode"] = (np.zeros(len(index), dtype=np.int64), [None] if len(index) else [])
    df = pd.DataFrame({"kode": column(kode)})
    if "kode_rekening" in raw:
        # object dtype: pandas would turn the blanks into NaN, which is truthy
        rek, *known["kode_rekening"] = _kodes(cells, rows, ["kode_rekening"], [col("kode_rekening")],
                                              [fac("kode_rekening")], account=True)
        df["kode_rekening"] = column(rek)
        coded["kode_rekening"] = distinct(*known["kode_rekening"])
    uraian_cols = [c for c in raw.columns if c == "uraian" or c.startswith("uraian#")]
    if uraian_cols:
        uraian, coded["uraian"] = _texts(col(uraian_cols[0]), fac(uraian_cols[0]))
        for c in uraian_cols[1:]:
            blank = uraian == ""
            if blank.any():
                uraian[blank] = _texts(col(c), fac(c))[0][blank]
                coded.pop("uraian")     # two columns make one: its codes are no longer those
        df["uraian"] = column(uraian)
    else:
        df["uraian"] = ""
    for name in ("uraian_program", "uraian_kegiatan", "uraian_sub", "nama_rekening", "indikator", "satuan"):
        if name in raw:
            said, coded[name] = _texts(col(name), fac(name))
            df[name] = column(said)
    for name in ("target",):
        c = name if name in raw else next((c for c in raw.columns if c.startswith(name + "@")), None)
        if c:
            said, coded[name] = _texts(col(c), fac(c))
            df[name] = column(said)
    ints: dict[str, tuple] = {}
    for canon, c in picked.items():
        sheet.cols[canon] = sheet.cols[c]
        values, fast = _amounts(cells, rows, c, col(c))
        df[canon] = column(values)
        if fast is not None:
            ints[canon] = fast
            known[canon] = ("int64", *fast)
    if "bulan" in raw:
        months, coded["bulan"] = _months(cells, rows, col("bulan"), fac("bulan"))
        df["bulan"] = column(months)
    df["_total"] = raw["_total"] if "_total" in raw else None
    amounts = [a for a in AMOUNTS if a in df]
    if sheet.role == "realisasi" and "realisasi" not in df and "realisasi_bulan_ini" in df:
        amounts.append("realisasi")   # derived later from monthly amounts
    findings, bad_rows = _pandera_findings(sheet, df, sheet.role, known)
    findings = cells.findings + findings
    bad_rows |= cells.bad_rows
    kinds, subs = _classify(df, bad_rows, sheet, findings, coded)
    df["kind"] = column(kinds)
    df["sub"] = column(subs)
    has_rek = bool((coded["kind"][0] == KINDS.index("rek")).any())
    return BudgetSheet(sheet, df, [a for a in AMOUNTS if a in df], has_rek, sheet.month, ints, coded), findings


# column helpers ------------------------------------------------------------------------------------

def _texts(values: np.ndarray, known: tuple | None = None) -> tuple[np.ndarray, tuple]:
    """text() of every value, each distinct value once; also (code of each row, distinct texts)."""
    if not len(values):
        return nones(0), (np.zeros(0, dtype=np.int64), [])
    found, uniques = known if known is not None else factorize(values)
    said = [text(v) for v in uniques]
    return table(said)[found], distinct(found, said)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# a code that codes.clean gives back as it is: ASCII letters, digits and inner dots, a digit first
# (no blank, apostrophe, outer dot or x.xx to tidy); most codes are, and the regular expressions of
# codes.clean cost more than the rest of reading a code
_PLAIN = re.compile(r"[0-9](?:[0-9A-Za-z.]*[0-9A-Za-z])?")


def _clean(value, account: bool) -> str | None:
    """codes.clean(value, account=account), quicker for a code that is already clean."""
    if type(value) is str and _PLAIN.fullmatch(value):
        return value
    return codes.clean(value, account=account)


def _kodes(cells: _Cells, rows: np.ndarray, columns: list[str], arrays: list[np.ndarray], known: list | None = None,
           account: bool = False) -> tuple[np.ndarray, np.ndarray, list]:
    """cells.kode for every row: one code from one column or from parts over several; a bad-kode
    finding (and the row left out) where a part cannot be read. Also the codes as (group of each
    row, code of each group); two groups may give one code."""
    n = len(rows)
    if not n:
        return nones(0), np.zeros(0, dtype=np.int64), []
    coded = [k if k is not None else factorize(a) for a, k in zip(arrays, known or [None] * len(arrays))]
    if len(coded) == 1:
        # one column: its codes are the groups already; each distinct value is cleaned once
        inverse, uniques = coded[0]
        samples = [(u,) for u in uniques]
    else:
        # parts over several columns: one code per combination of parts, column by column
        inverse = coded[0][0]
        for found, uniques in coded[1:]:
            first, inverse = groups(inverse * len(uniques) + found)
        samples = [tuple(a[i] for a in arrays) for i in first]
    results, bad = [], {}
    for g, sample in enumerate(samples):
        parts = []
        for k, v in enumerate(sample):
            try:
                parts.append(_clean(v, account))
            except codes.BadKode:
                bad[g] = k
                parts = None
                break
        if parts is None:
            results.append(None)
        elif len(parts) == 1 and (parts[0] is None or parts[0] is sample[0]):
            results.append(parts[0])        # a code codes.clean left as it was: join_parts gives it back
        else:
            results.append(codes.join_parts(parts))
    if bad:
        wrong = np.fromiter(bad, dtype=np.int64, count=len(bad))
        for pos in np.flatnonzero(np.isin(inverse, wrong)):
            k = bad[inverse[pos]]
            row, value = int(rows[pos]), arrays[k][pos]
            cells.findings.append(Finding("bad-kode", {"text": text(value)}, **cells.sheet.place(),
                                          cell=cells.sheet.cell(row, columns[k]), actual=text(value)))
            cells.bad_rows.add(row)
    return table(results)[inverse], inverse, results


def _unknown_cells(cells: _Cells, rows: np.ndarray, column: str) -> dict[int, Finding]:
    """Cells of one column whose value is unknown (cells.formula): position → its finding."""
    c = cells.sheet.cols.get(column)
    out: dict[int, Finding] = {}
    if c is None:
        return out
    wanted = sorted({r + 1 for (r, cc) in list(cells.sheet.formulas) + list(cells.sheet.errors) if cc == c})
    if not wanted:
        return out
    at = np.searchsorted(rows, wanted)
    for row, pos in zip(wanted, at):
        if pos < len(rows) and rows[pos] == row:
            before = len(cells.findings)
            cells.formula(row, column)
            out[int(pos)] = cells.findings.pop()
            assert len(cells.findings) == before
    return out


_INT64 = 2**63


def _amounts(cells: _Cells, rows: np.ndarray, column: str, values: np.ndarray):
    """cells.amount for every row: int/Decimal, None for an empty cell, findings for the others.
    Also, when every amount is an int that fits, (int64 array with 0 for None, present mask)."""
    n = len(values)
    out = nones(n)
    ints = np.zeros(n, dtype=np.int64)
    present = np.zeros(n, dtype=bool)
    exact = True
    found: dict[int, Finding] = _unknown_cells(cells, rows, column)
    skip = np.zeros(n, dtype=bool)
    if found:
        skip[list(found)] = True
    if n and infer_dtype(values, skipna=False) == "floating":
        # a number in every row, as in a large sheet's amount column: no need to look at the type of
        # each (a float subclass, which is_type would leave to parse_amount, gives the same number)
        isfloat = ~skip
    else:
        isfloat = is_type(values, float) & ~skip
    if isfloat.any():
        at = np.flatnonzero(isfloat)
        x = (values if len(at) == n else values[at]).astype(np.float64)
        whole = np.isfinite(x) & (np.floor(x) == x) & (np.abs(x) < 1e16)
        if whole.all() and len(at) == n:
            # a whole number in every row, as in a large sheet's amount column: no indexing
            ints, present = x.astype(np.int64), np.ones(n, dtype=bool)
            out = ints.astype(object)
        else:
            w = at[whole]
            ints[w] = x[whole].astype(np.int64)
            present[w] = True
            out[w] = ints[w].astype(object)
        rest = at[~whole]
    else:
        rest = np.zeros(0, dtype=np.int64)
    others = np.flatnonzero(~isfloat & ~skip)
    if len(others):
        sub = values[others]
        codes_, uniques = factorize(sub)
        parsed = []
        for v in uniques:
            if _blank(v):
                parsed.append((None, None))
                continue
            try:
                parsed.append((parse_amount(v), None))
            except BadNumber:
                parsed.append((None, v))
        for pos, g in zip(others, codes_):
            value, bad = parsed[g]
            if bad is not None:
                found[int(pos)] = _bad_number(cells, int(rows[pos]), column, bad)
            elif value is not None:
                out[pos] = value
    for pos in rest:
        try:
            out[pos] = parse_amount(values[pos])
        except BadNumber:
            found[int(pos)] = _bad_number(cells, int(rows[pos]), column, values[pos])
    for pos in np.concatenate([rest, others]).astype(np.int64):
        v = out[pos]
        if v is None:
            continue
        if type(v) is int and -_INT64 <= v < _INT64:
            ints[pos] = v
            present[pos] = True
        else:
            exact = False
    cells.findings.extend(found[p] for p in sorted(found))
    return out, ((ints, present) if exact else None)


def _bad_number(cells: _Cells, row: int, column: str, value) -> Finding:
    label = COLUMN_LABELS.get(column.split("@")[0], column)
    return Finding("bad-number", {"text": text(value), "column": label}, **cells.sheet.place(),
                   cell=cells.sheet.cell(row, column), actual=text(value))


def _months(cells: _Cells, rows: np.ndarray, values: np.ndarray,
            known: tuple | None = None) -> tuple[np.ndarray, tuple]:
    """The Bulan column as month numbers; an unreadable month is a bad-month finding. Also (code of
    each row, distinct month numbers)."""
    found, uniques = known if known is not None else factorize(values)
    months = [None if _blank(v) else _month(v) for v in uniques]
    bad = [g for g, (v, m) in enumerate(zip(uniques, months)) if m is None and not _blank(v)]
    if bad:
        for pos in np.flatnonzero(np.isin(found, bad)):
            value, row = values[pos], int(rows[pos])
            cells.findings.append(Finding("bad-month", {"text": text(value)}, **cells.sheet.place(),
                                          cell=cells.sheet.cell(row, "bulan"), actual=text(value)))
            cells.bad_rows.add(row)
    if not len(values):
        return nones(0), (np.zeros(0, dtype=np.int64), [])
    return table(months)[found], distinct(found, months)


KINDS = ("", "rek", "node", "total", "rek_sum")    # the kinds of row, as numbered in BudgetSheet.codes["kind"]


def _classify(df: pd.DataFrame, bad_rows: set, sheet: Sheet, findings: list[Finding], coded: dict):
    """Each row: 'node' (program…sub kegiatan), 'rek' (rekening line), 'rek_sum' (an account above other
    accounts of its sub kegiatan: 5, 5.1, 5.1.02 … as SIPD prints them, a stated subtotal, not a line),
    'total', or '' (ignored). Rekening lines without a code of their own belong to the sub kegiatan
    above them. Works on the codes of the kode columns (`coded`), to which the codes of 'kind' and
    'sub' are added: on a large sheet no column of text is hashed again."""
    n = len(df)
    rows = df.index.to_numpy()
    kodes = df["kode"].to_numpy(dtype=object)
    bad = np.isin(rows, np.fromiter(bad_rows, dtype=np.int64, count=len(bad_rows))) if bad_rows else np.zeros(n, bool)
    k_found, k_uniques = coded["kode"]
    spread = lambda fn: np.array([bool(fn(k)) for k in k_uniques], dtype=bool)[k_found] if n else np.zeros(0, bool)
    has_kode = spread(bool)
    # a code in the Kode column that is an account (5.1.02…) makes the row a rekening line; so does a
    # bare 4/5/6 heading the accounts (5 BELANJA DAERAH), when the next code is one of them
    account = spread(lambda k: k and codes.is_account(k))
    roots = np.flatnonzero(spread(lambda k: k in ("4", "5", "6")))
    if len(roots):
        coded_rows = np.flatnonzero(has_kode)
        for i in roots:
            j = np.searchsorted(coded_rows, i, side="right")
            if j < len(coded_rows):
                k, nxt = kodes[i], kodes[coded_rows[j]]
                account[i] = nxt.startswith(k + ".") and codes.is_account(nxt)
    swap = has_kode & account
    has_kode &= ~swap
    has_rek = swap.copy()
    if "kode_rekening" in coded:
        r_found, r_uniques = coded["kode_rekening"]
        has_rek |= np.array([bool(r) for r in r_uniques], dtype=bool)[r_found]
    level6 = spread(lambda k: k and codes.level(k) == 6) & ~swap
    node6 = ~bad & has_kode & ~has_rek & level6
    # the sub kegiatan above each row: the code of the nearest level-6 node at or above it
    last6 = np.maximum.accumulate(np.where(node6, np.arange(n), -1)) if n else np.zeros(0, dtype=np.int64)
    has_current = last6 >= 0
    is_rek = ~bad & has_rek & (has_kode | has_current)
    is_node = ~bad & ~is_rek & has_kode
    totals = df["_total"].to_numpy(dtype=object)
    is_total = np.zeros(n, dtype=bool)
    maybe = np.flatnonzero(~bad & ~is_rek & ~is_node)     # only these can be a total: a few rows
    is_total[maybe] = per_value_bool(totals[maybe], lambda t: isinstance(t, str) and bool(t))
    kind = np.zeros(n, dtype=np.int64)
    kind[is_rek], kind[is_node], kind[is_total] = KINDS.index("rek"), KINDS.index("node"), KINDS.index("total")
    # the sub kegiatan of each line as a code of the Kode column; len(k_uniques) stands for None
    no_sub = len(k_uniques)
    current = np.where(has_current, k_found[np.maximum(last6, 0)] if n else last6, no_sub)
    sub = np.full(n, no_sub, dtype=np.int64)
    sub[is_rek] = np.where(has_kode, k_found, current)[is_rek]
    sub[is_node] = k_found[is_node]
    rest = np.flatnonzero(~bad & ~is_rek & ~is_node & ~is_total)
    if len(rest):
        amount_cols = [a for a in AMOUNTS if a in df]
        nonzero = np.zeros(len(rest), dtype=bool)
        for a in amount_cols:
            nonzero |= np.fromiter((bool(v) for v in df[a].to_numpy(dtype=object)[rest]), dtype=bool, count=len(rest))
        for i in rest[nonzero]:
            row = rows[i]
            label = df["uraian"].iat[i] or totals[i] or ""
            a, v = next((a, v) for a in amount_cols if (v := df[a].iat[i]))
            findings.append(Finding("row-without-kode", {"text": label or "(tanpa uraian)", "column": COLUMN_LABELS[a]},
                                    **sheet.place(), cell=sheet.cell(row, a), actual=v))
    # an account with other accounts of its sub kegiatan under it is their stated subtotal
    at = np.flatnonzero(is_rek)
    if len(at):
        # the account of each line (its Kode Rekening, or its Kode where that is an account), as a
        # number over the distinct codes of both columns
        ids: dict = {}
        k_acc = np.array([ids.setdefault(v, len(ids)) for v in k_uniques], dtype=np.int64)
        if "kode_rekening" in coded:
            r_acc = np.array([ids.setdefault(v, len(ids)) for v in r_uniques], dtype=np.int64)
            acc = r_acc[r_found[at]]
            if swap.any():
                acc = np.where(swap[at], k_acc[k_found[at]], acc)
        else:
            acc = k_acc[k_found[at]]
        accounts = list(ids)
        width = len(accounts)
        # per account of a line: the accounts of lines that are its proper prefixes, shortest first
        parents = _parents({accounts[i]: int(i) for i in np.flatnonzero(np.bincount(acc, minlength=width))})
        depth = max((len(p) for p in parents.values()), default=0)
        if depth:
            # the (sub kegiatan, account) pairs of the lines and, level by level, of the accounts
            # above them: a line whose pair is one of the latter is a subtotal
            pair = sub[at] * width + acc
            pairs = pd.unique(pair)
            p_sub, p_acc = pairs // width, pairs % width
            sums = []
            for level in range(depth):
                parent = np.full(width, -1, dtype=np.int64)
                for i, p in parents.items():
                    if level < len(p):
                        parent[i] = p[level]
                up = parent[p_acc]
                ok = up >= 0
                sums.append(p_sub[ok] * width + up[ok])
            above = np.isin(pair, np.unique(np.concatenate(sums)))
            kind[at[above]] = KINDS.index("rek_sum")
    coded["kind"] = (kind, list(KINDS))
    coded["sub"] = distinct(sub, list(k_uniques) + [None])
    return table(list(KINDS))[kind], table(coded["sub"][1])[coded["sub"][0]]


def _parents(present: dict[str, int]) -> dict[int, list[int]]:
    """Per account (code → number): the numbers of the accounts in `present` that are its proper
    prefixes, shortest first (5.1.02.01 → 5, 5.1, 5.1.02). Thousands of accounts share a few heads
    (5.1.02.01.01), so the accounts above each head are found once."""
    upto: dict[str, list[int]] = {}       # code → the accounts in `present` at or above it

    def at_or_above(code: str) -> list[int]:
        chain, top = [], code             # the codes from `code` up, until one already known
        while top not in upto:
            chain.append(top)
            head, dot, _ = top.rpartition(".")
            if not dot:
                break
            top = head
        found = upto.get(top, [])
        for c in reversed(chain):
            found = (found + [present[c]]) if c in present else found
            upto[c] = found
        return upto[code]

    out = {}
    for code, i in present.items():
        head, dot, _ = code.rpartition(".")
        out[i] = at_or_above(head) if dot else []
    return out


_NEGATIVE = ("neg", "semakin rendah", "makin rendah", "menurun", "turun", "minimal", "minimum", "min", "rendah")
_POSITIVE = ("pos", "semakin tinggi", "makin tinggi", "meningkat", "naik", "maksimal", "maksimum", "max", "tinggi")


def _polarity(value) -> bool | None:
    """True for negative polarity, False for positive, None when the text says neither."""
    norm = normalize(value)
    if norm.startswith(_NEGATIVE):
        return True
    if norm.startswith(_POSITIVE) or text(value) == "+":
        return False
    return None


def _kumulatif(value) -> bool:
    return normalize(value).startswith("kumulatif")


def _indicators(sheet: Sheet, tahun: int | None) -> tuple[IndicatorSheet, list[Finding]]:
    raw = sheet.frame
    cells = _Cells(sheet)
    year_cols: dict[int, dict[str, str]] = {}
    own_year = tahun
    for col in raw.columns:
        base, _, y = col.partition("@")
        if base in ("target", "realisasi", "capaian", "kategori"):
            year = int(y) if y else None
            year_cols.setdefault(year, {})[base] = col
    plain = year_cols.pop(None, {})
    has_realisasi = any("realisasi" in m for m in year_cols.values()) or "realisasi" in plain
    rows = []
    tahun_col = "tahun" if "tahun" in raw else None
    for r in raw.index:
        name = text(raw.at[r, "indikator"])
        if not name or normalize(name) in ("indikator kinerja", "indikator") or normalize(name).isdigit():
            continue
        g = lambda k: text(raw.at[r, k]) if k in raw else ""
        ind = Indicator(row=r, no=g("no"), tujuan=g("tujuan"), sasaran=g("sasaran") or g("tujuan"), indikator=name,
                        satuan=g("satuan"), negative=cells.polarity(r, g("polaritas")), kumulatif=_kumulatif(g("jenis")),
                        sumber_data=g("sumber_data"), analisis=g("analisis"), solusi=g("solusi"))
        ta = next((c for c in raw.columns if c.split("@")[0] == "target_akhir"), None)
        if ta:
            ind.target_akhir = cells.indicator(r, ta, raw.at[r, ta])
            ind.target_akhir_year = sheet.years.get(ta)
        for year, m in year_cols.items():
            ind.years[year] = {k: cells.indicator(r, c, raw.at[r, c]) if k != "kategori" else
                               Val(None, sheet.cell(r, c), text(raw.at[r, c])) for k, c in m.items()}
        if plain:
            y = own_year
            if tahun_col:
                stated = [raw.at[r, c] for c in plain.values()]
                y = cells.year(r, tahun_col, raw.at[r, tahun_col], needed=any(text(v) for v in stated))
            if y is not None:
                ind.years.setdefault(y, {}).update({k: cells.indicator(r, c, raw.at[r, c]) if k != "kategori" else
                                Val(None, sheet.cell(r, c), text(raw.at[r, c])) for k, c in plain.items()})
        rows.append(ind)
    rows = _merge_long(rows)
    long = pd.DataFrame({"indikator": [i.indikator for i in rows for _ in (i.years or {0: 0})],
                         "tahun": [y for i in rows for y in (i.years or {own_year or 0: 0})]},
                        index=[i.row for i in rows for _ in (i.years or {0: 0})])
    findings, _ = _pandera_findings(sheet, long, "indikator") if rows else ([], set())
    return IndicatorSheet(sheet, rows, renstra=not has_realisasi), cells.findings + findings


def _merge_long(rows: list[Indicator]) -> list[Indicator]:
    """Long format (one row per indicator and year, with a Tahun column) → one Indicator each."""
    merged: dict[str, Indicator] = {}
    for ind in rows:
        key = normalize(ind.indikator) + "|" + normalize(ind.sasaran)
        if key in merged:
            merged[key].years.update(ind.years)
        else:
            merged[key] = ind
    return list(merged.values())


def _programs(sheet: Sheet, tahun: int | None) -> tuple[ProgramIndicatorSheet, list[Finding]]:
    raw = sheet.frame
    cells = _Cells(sheet)
    col = lambda base: base if base in raw else next((c for c in raw.columns if c.startswith(base + "@")
                                                      and sheet.years.get(c) == tahun), None)
    rows = []
    for r in raw.index:
        name = text(raw.at[r, "indikator"])
        if not name:
            continue
        g = lambda k: text(raw.at[r, k]) if k in raw else ""
        kode = cells.kode(r, ["kode#0"], [raw.at[r, "kode#0"]]) if "kode#0" in raw else None
        t, rl, cp = col("target"), col("realisasi"), col("capaian")
        rows.append(ProgramIndicator(
            row=r, kode=kode, program=g("program"), indikator=name, satuan=g("satuan"), sasaran=g("sasaran"),
            target=cells.indicator(r, t, raw.at[r, t] if t else None),
            realisasi=cells.indicator(r, rl, raw.at[r, rl] if rl else None),
            capaian=cells.indicator(r, cp, raw.at[r, cp] if cp else None),
            cell_program=sheet.cell(r, "program")))
    sheet.cols["kode"] = sheet.cols.get("kode#0")
    df = pd.DataFrame({"indikator": [p.indikator for p in rows], "kode": [p.kode for p in rows]},
                      index=[p.row for p in rows], dtype=object)
    findings, _ = _pandera_findings(sheet, df, "indikator_program") if rows else ([], set())
    return ProgramIndicatorSheet(sheet, rows), cells.findings + findings


def _missing_required(sheet: Sheet) -> list[str]:
    """Required fields (aliases.yaml) with no column in the sheet's header. A field counts as present
    in any of its forms: split (kode#1), by year (pagu@2024) or detailed (realisasi_bulan_ini)."""
    if sheet.frame is None:
        return list(role_specs()[sheet.role]["required"])[:1]
    have = set(sheet.cols)
    return [f for f in role_specs()[sheet.role]["required"]
            if not any(k == f or k.startswith((f + "#", f + "@", f + "_")) for k in have)]


def validate(reading: Reading, settings: Settings) -> Validated:
    budgets, indicators, programs, findings = [], [], [], list(reading.findings)
    for sheet in reading.sheets:
        if sheet.role is None:
            continue
        missing = _missing_required(sheet)
        if missing:
            # the required fields of each role are data: aliases.yaml
            findings += [Finding("missing-column", {"role": sheet.role, "column": COLUMN_LABELS.get(m, m)}, **sheet.place())
                         for m in missing]
            continue
        if sheet.role in BUDGET_ROLES:
            b, f = _budget(sheet, reading.tahun)
            if not any(x.code == "missing-column" for x in f):
                budgets.append(b)
        elif sheet.role == "indikator":
            b, f = _indicators(sheet, reading.tahun)
            indicators.append(b)
        else:
            b, f = _programs(sheet, reading.tahun)
            programs.append(b)
        findings.extend(f)
    return Validated(budgets, indicators, programs, findings, reading.tahun)
