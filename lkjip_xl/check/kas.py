"""Anggaran kas (SIPD's cash plan, rencana penarikan dana): typed from read's frame, its stated
subtotals and totals checked like any budget sheet (sums.sheet_sums), each row's Jumlah and
quarters checked against its months, and its total per sub kegiatan compared with the DPA pagu
(`kas-mismatch`). Also the realisasi fisik (%) an LRA may carry, per code."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from lkjip_xl.check.cells import Cells, kodes, texts
from lkjip_xl.check.cells import amounts as parse_amounts
from lkjip_xl.check.hierarchy import KINDS, classify
from lkjip_xl.check.model import KAS_AMOUNTS, QUARTER_LABELS, BudgetSheet, Validated, column_label
from lkjip_xl.check.schema import pandera_findings
from lkjip_xl.check.lines import Skipped, code_key, diff, prefixes, skip, under
from lkjip_xl.check.sums import cell_at, sheet_sums
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read.arrays import distinct, nones
from lkjip_xl.read.sheets import Sheet

MONTHS = tuple(f"kas_{m}" for m in range(1, 13))
QUARTERS = tuple(f"kas_tw{q}" for q in range(1, 5))


@dataclass
class Kas:
    """The cash plan: code (sub kegiatan, or the deepest code the plan gives) → 12 monthly amounts."""
    plan: dict[str, list]
    source: str | None                      # "file › sheet" of the first anggaran kas sheet
    by_quarter: bool = False                # only quarters were given: each spread over its months
    fisik: dict[str, Decimal] = field(default_factory=dict)   # code → realisasi fisik % (latest month)
    place: dict = field(default_factory=dict)                 # file and sheet of the first anggaran kas sheet
    cells: dict = field(default_factory=dict)                 # code → (file and sheet, its Kode cell)
    names: dict = field(default_factory=dict)                 # code → uraian, as the first sheet names it

    def upto(self, month: int, code: str | None = None):
        """The plan from January up to and including `month`, for every code at or below `code`."""
        cache = self.__dict__.setdefault("_upto", {})
        if month not in cache:
            cache[month] = under({c: sum(v[:month], 0) for c, v in self.plan.items()})
        if code is None:
            return sum(sum(v[:month], 0) for v in self.plan.values())
        return cache[month].get(code, 0)


def kas_sheet(sheet: Sheet) -> tuple[BudgetSheet, list[Finding]]:
    """An anggaran kas sheet typed as a BudgetSheet whose amounts are the month columns (else the
    quarter columns). A row's Jumlah and quarters are checked against its months here, so that the
    sums check only the month columns: one wrong cell, one finding."""
    raw = sheet.frame
    cells = Cells(sheet)
    sheet.cols["kode"] = sheet.cols.get("kode#0")
    index = raw.index
    rows = index.to_numpy()
    col = lambda name: raw[name].to_numpy(dtype=object)
    column = lambda values: pd.Series(values, index=index, dtype=object, copy=False)
    kode_cols = sorted((c for c in raw.columns if c.startswith("kode#")), key=lambda c: int(c.split("#")[1]))
    known: dict = {}
    coded: dict = {}
    kode, *known["kode"] = kodes(cells, rows, kode_cols, [col(c) for c in kode_cols], [None] * len(kode_cols))
    coded["kode"] = distinct(*known["kode"])
    df = pd.DataFrame({"kode": column(kode)})
    df["uraian"] = column(texts(col("uraian"))[0]) if "uraian" in raw else ""
    ints: dict = {}
    present = [a for a in MONTHS + QUARTERS + ("kas_total",) if a in raw]
    for a in present:
        values, fast = parse_amounts(cells, rows, a, col(a))
        df[a] = column(values)
        if fast is not None:
            ints[a] = fast
            known[a] = ("int64", *fast)
    df["_total"] = raw["_total"] if "_total" in raw else None
    findings, bad_rows = pandera_findings(sheet, df, "anggaran_kas", known)
    findings = cells.findings + findings
    kinds, subs = classify(df, bad_rows | cells.bad_rows, sheet, findings, coded)
    df["kind"], df["sub"] = column(kinds), column(subs)
    months = [a for a in MONTHS if a in df]
    parts = months or [a for a in QUARTERS if a in df]
    unknown = _unknown_positions(sheet, df, cells.findings)
    derived = _row_checks(sheet, df, months, unknown, findings)
    has_rek = bool((coded["kind"][0] == KINDS.index("rek")).any())
    # the derived columns (Jumlah, quarters beside months) now hold their lines' own sums: summed as objects
    bs = BudgetSheet(sheet, df, parts + derived, has_rek, None, {a: ints[a] for a in parts if a in ints}, coded)
    return bs, findings


_UNKNOWN = ("bad-number", "formula-without-value", "error-value")


def _unknown_positions(sheet: Sheet, df: pd.DataFrame, said: list[Finding]) -> dict[str, set]:
    """Amount column → positions of the rows whose cell there has an unknown value (its finding
    was given): the sums that cell enters are not compared, one mistake being one finding."""
    letters = {sheet.cell(1, a)[:-1]: a for a in KAS_AMOUNTS if a in df}
    at = {row: pos for pos, row in enumerate(df.index.tolist())}
    out: dict[str, set] = {}
    for f in said:
        if f.code not in _UNKNOWN or not f.cell:
            continue
        letter, row = f.cell.rstrip("0123456789"), int(f.cell[len(f.cell.rstrip("0123456789")):] or 0)
        if letter in letters and row in at:
            out.setdefault(letters[letter], set()).add(at[row])
    return out


def _lines(df: pd.DataFrame) -> np.ndarray:
    """The rows that add up (as sums.sheet_sums takes them): rekening lines, and program…sub
    kegiatan rows with nothing under them; the other rows state sums of these."""
    kind = df["kind"].to_numpy(dtype=object)
    kode = df["kode"].to_numpy(dtype=object)
    sub = df["sub"].to_numpy(dtype=object)
    nodes = [k for k, t in zip(kode, kind) if t == "node" and k]
    above = {p for k in nodes for p in prefixes(k)[:-1]} | {s for s, t in zip(sub, kind) if t == "rek" and s}
    return np.array([t == "rek" or (t == "node" and k not in above) for k, t in zip(kode, kind)], dtype=bool)


def _row_checks(sheet: Sheet, df: pd.DataFrame, months: list[str], unknown: dict, findings: list[Finding]) -> list[str]:
    """On every line, its Jumlah against its months (or quarters), and each quarter against its
    three months; then the line holds the sum of its parts, so that a stated subtotal of the Jumlah
    or of a quarter is checked against true sums, and one wrong cell gives one finding. A row with
    an unknown cell (bad-number, formula without value) is not checked: that cell is the finding.
    Returns the derived columns."""
    parts = months or [a for a in QUARTERS if a in df]
    checks = [("kas_total", parts)] if "kas_total" in df and parts else []
    if months:
        checks += [(f"kas_tw{q}", [f"kas_{m}" for m in range(3 * q - 2, 3 * q + 1) if f"kas_{m}" in df])
                   for q in range(1, 5) if f"kas_tw{q}" in df]
    return row_totals(sheet, df, checks, unknown, findings)


def row_totals(sheet: Sheet, df: pd.DataFrame, checks: list[tuple[str, list[str]]], unknown: dict,
               findings: list[Finding]) -> list[str]:
    """Each (stated column, summed columns) of `checks` on every line: a row's stated Jumlah against
    its parts (an anggaran kas row's months, a realisasi row's month columns), as a total-mismatch
    at the stated cell; the column then holds the true sums. `unknown`: column → positions of cells
    whose value is unknown (their own finding was given): those rows are not compared."""
    if not checks:
        return []
    line = _lines(df)
    rows = df.index.tolist()
    for stated_col, summed in checks:
        stated_values = df[stated_col].to_numpy(dtype=object).copy()
        values = [df[a].to_numpy(dtype=object) for a in summed]
        blind = set().union(*(unknown.get(a, {}) for a in [stated_col, *summed]))
        for pos in np.flatnonzero(line).tolist():
            if pos in blind:
                continue
            got = [v[pos] for v in values]
            computed = sum((v or 0 for v in got), 0)
            stated = stated_values[pos]
            if stated is not None and any(v is not None for v in got) and stated != computed:
                label = df["kode"].iat[pos] or df["uraian"].iat[pos] or str(rows[pos])
                findings.append(Finding("total-mismatch", {"label": str(label), "column": column_label(stated_col),
                                                           "diff": diff(stated, computed)},
                                        **sheet.place(), cell=sheet.cell(rows[pos], stated_col),
                                        kode=df["kode"].iat[pos], expected=computed, actual=stated))
            stated_values[pos] = computed
        df[stated_col] = pd.Series(stated_values, index=df.index, dtype=object)
    return [c for c, _ in checks]


def _blind_codes(bs: BudgetSheet, said: list[Finding]) -> set:
    """The codes whose plan an unknown cell enters: the row's own code, its sub kegiatan, and the
    codes above them."""
    mine = [f for f in said if f.file == bs.sheet.file and f.sheet == bs.sheet.name]
    out: set = set()
    for positions in _unknown_positions(bs.sheet, bs.df, mine).values():
        for pos in positions:
            for code in (bs.df["kode"].iat[pos], bs.df["sub"].iat[pos]):
                if isinstance(code, str) and code:
                    out.update(prefixes(code))
    return out


def _monthly(amounts: dict, by_quarter: bool) -> list:
    """12 monthly amounts of one code; a quarter's amount spread over its months exactly (the
    remainder of an uneven split on the quarter's last month)."""
    if not by_quarter:
        return [amounts.get(f"kas_{m}", 0) or 0 for m in range(1, 13)]
    out = []
    for q in range(1, 5):
        v = amounts.get(f"kas_tw{q}", 0) or 0
        third = v // 3 if isinstance(v, int) else (v / 3).quantize(Decimal("0.01"))
        out += [third, third, v - 2 * third]
    return out


def reconcile_kas(v: Validated, pagu: dict, findings: list[Finding], unknown_pagu: dict | None = None,
                  skipped: Skipped | None = None) -> Kas | None:
    """The plan of every anggaran kas sheet (the first sheet that gives a code wins), its stated
    sums checked, and its total per code compared with the DPA pagu (`pagu`: sub code → pagu).
    `unknown_pagu`: sub code → the findings of the DPA cells that make its pagu unknown; a plan that
    such a pagu enters is not compared (its pagu is not 0, it is unknown), and the comparison is
    added to `skipped` (said after the root finding)."""
    if not v.kas:
        return None
    if all(bs.df.empty or not bs.df["kode"].astype(bool).any() for bs in v.kas):
        # a template's anggaran kas emptied of its example and kept: no plan was given, not a plan of 0
        sheet = v.kas[0].sheet
        if not any(bs.sheet.examples for bs in v.kas):      # else its example rows were said
            findings.append(Finding("no-role", {"why": "", "variant": "empty-kas"}, **sheet.place()))
        return None
    in_dpa = under(pagu)
    unknown_pagu = unknown_pagu or {}
    unknown_in = {}                 # every code at or above a sub kegiatan of unknown pagu → its roots
    for sub, roots in unknown_pagu.items():
        for p in prefixes(sub):
            unknown_in[p] = unknown_in.get(p, ()) + tuple(roots)
    plan: dict[str, list] = {}
    origin: dict = {}
    by_quarter = False
    blind: set = set()          # codes whose plan holds an unknown cell: their comparison is skipped
    cells: dict = {}
    names: dict = {}
    for bs in v.kas:
        s, found = sheet_sums(bs)
        findings += found
        for code, row in s.rows.items():
            cells.setdefault(code, (bs.sheet.place(), bs.sheet.cell(row, "kode")))
        for code, name in s.names.items():
            names.setdefault(code, name)
        blind |= _blind_codes(bs, v.findings)
        quarterly = not any(a in bs.amounts for a in MONTHS)
        by_quarter = by_quarter or quarterly
        for code, amounts in s.leaves.items():
            if code and code not in plan:
                plan[code], origin[code] = _monthly(amounts, quarterly), s
    first = v.kas[0].sheet
    for code in sorted(plan, key=code_key):
        s, total = origin[code], sum(plan[code], 0)
        if code in blind:
            continue
        roots = unknown_in.get(code, ()) + tuple(r for p in prefixes(code)[:-1] for r in unknown_pagu.get(p, ()))
        if roots:
            if skipped is not None:
                skip(skipped, roots, Text("skip-kas", kode=code, here=s.label))
            continue
        if code not in in_dpa:
            findings.append(Finding("missing-in-dpa", {"doc": s.label}, **s.bs.sheet.place(),
                                    cell=cell_at(s, code, "kode"), kode=code))
        elif total != in_dpa[code]:
            findings.append(Finding("kas-mismatch", {"diff": diff(total, in_dpa[code])}, **s.bs.sheet.place(),
                                    cell=cell_at(s, code, "kas_total") or cell_at(s, code, "kode"), kode=code,
                                    expected=in_dpa[code], actual=total))
    covered = {p for c in plan for p in prefixes(c)}
    for code in sorted(pagu, key=code_key):
        if pagu[code] and code not in unknown_pagu and code not in covered and not any(p in plan for p in prefixes(code)):
            findings.append(Finding("kas-mismatch", {"diff": pagu[code]}, **first.place(), kode=code,
                                    expected=pagu[code], actual=0))
    return Kas(plan, f"{first.file} › {first.name}", by_quarter, place=first.place(), cells=cells, names=names)


def fisik_values(cells: Cells, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The Realisasi Fisik (%) column of an LRA: percentages, a bad-number finding where unreadable."""
    out = nones(len(values))
    for pos, (row, value) in enumerate(zip(rows.tolist(), values.tolist())):
        out[pos] = cells.indicator(int(row), "realisasi_fisik", value).value
    return out


def fisik_per_code(v: Validated) -> dict[str, Decimal]:
    """Code → realisasi fisik %, from the program/kegiatan/sub kegiatan rows of the realisasi sheets;
    the latest month wins."""
    best: dict[str, tuple[int, Decimal]] = {}
    for bs in v.budgets:
        df = bs.df
        if bs.sheet.role != "realisasi" or "realisasi_fisik" not in df:
            continue
        month = df["bulan"].to_numpy(dtype=object) if "bulan" in df else None
        for pos, (code, kind, value) in enumerate(zip(df["kode"].tolist(), df["kind"].tolist(),
                                                      df["realisasi_fisik"].tolist())):
            if kind != "node" or value is None or not code:
                continue
            m = (month[pos] if month is not None and month[pos] is not None else None) or bs.month or 12
            if code not in best or m >= best[code][0]:
                best[code] = (int(m), value)
    return {c: value for c, (_, value) in best.items()}


__all__ = ["Kas", "kas_sheet", "reconcile_kas", "fisik_values", "fisik_per_code", "QUARTER_LABELS"]
