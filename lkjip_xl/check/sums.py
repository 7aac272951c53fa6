"""One budget sheet summed: its leaves (rekening lines, else the deepest codes) and every stated
subtotal and total checked against those leaves, never against other stated figures, so one wrong
cell is one finding. Money stays int/Decimal."""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from lkjip_xl.check.model import BudgetSheet, column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, factorize, groups as group_keys, table, texts_only


# root finding (bad-number, formula-without-value, error-value) → the checks that its unknown value
# made impossible (Text fragments skip-*), said after the root's own message
Skipped = dict


def skip(skipped: Skipped, roots, what: Text) -> None:
    for root in roots:
        items = skipped.setdefault(root, [])
        if what not in items:
            items.append(what)


@dataclass
class SheetSums:
    """What one budget sheet says, after its own checks."""
    bs: BudgetSheet
    leaves: dict[str, dict[str, object]]          # sub-kegiatan (or deepest code) → amount column → sum
    rows: dict[str, int]                          # code → the Excel row to point at
    names: dict[str, str]                         # code → uraian as written
    info: dict[str, dict[str, str]]               # code → indikator/target/satuan as written
    jenis: dict[str, object]                      # jenis belanja → pagu (rekening sheets)
    months: dict[int, dict[str, object]] = field(default_factory=dict)   # long format: month → code → cumulative
    month_rows: dict[tuple[int, str], int] = field(default_factory=dict)  # long format: (month, code) → row
    last: int | None = None                       # the latest month of a long sheet (its leaves)
    # unknown is not zero: (month, code) → amount → the findings of the unknown cells summed into it;
    # for a long sheet also month → code → those under the cumulative realisasi
    unknown: dict[tuple, dict[str, tuple]] = field(default_factory=dict)
    months_unknown: dict[int, dict[str, tuple]] = field(default_factory=dict)
    skipped: Skipped = field(default_factory=dict)   # root finding → the checks its unknown value stopped
    root_kode: dict = field(default_factory=dict)    # root finding → the kode of its row

    def unknown_at(self, code: str, amount: str, month: int | None = None) -> tuple:
        """The findings that make this code's amount (its latest month, or `month`) unknown."""
        if month is not None and self.months_unknown:
            return self.months_unknown.get(month, {}).get(code, ())
        return self.unknown.get((self.last, code), {}).get(amount, ())

    @property
    def label(self) -> str:
        return f"{self.bs.sheet.file} › {self.bs.sheet.name}"


def diff(a, b):
    return abs((a or 0) - (b or 0))


# a Kabupaten has thousands of sub kegiatan, each looked up by several checks: split each code once
@lru_cache(maxsize=1 << 16)
def prefixes(code: str) -> tuple[str, ...]:
    """The code and every code above it: 7.01.01.2.01 → 7, 7.01, 7.01.01, 7.01.01.2, 7.01.01.2.01."""
    segs = code.split(".")
    return tuple(".".join(segs[:n]) for n in range(1, len(segs) + 1))


def under(pagu: dict) -> dict[str, object]:
    """Every code and every code above it → the pagu at or below it."""
    out: dict[str, object] = defaultdict(int)
    for code, v in pagu.items():
        for p in prefixes(code):
            out[p] += v or 0
    return out


def _month_of(v) -> int | None:
    return None if v is None or v != v or v == "" else int(v)


class _Lines:
    """The amounts of some rows of a sheet, summed by group exactly: int64 where every amount is an
    int and no sum can pass 2**62, Python int/Decimal otherwise."""

    def __init__(self, bs: BudgetSheet, positions: np.ndarray):
        self.positions = positions
        self.amts = bs.amounts
        self.ints: dict[str, np.ndarray] = {}
        self.objs: dict[str, np.ndarray] = {}
        for a in self.amts:
            fast = bs.ints.get(a)
            if fast is not None:
                v = fast[0][positions]
                if float(np.abs(v.astype(np.float64)).sum()) < 2.0**62:
                    self.ints[a] = v
                    continue
            self.objs[a] = bs.df[a].to_numpy(dtype=object)[positions] if a in bs.df else np.zeros(len(positions), object)

    def sums(self, inverse: np.ndarray, groups: int) -> dict[str, list]:
        """Per amount column, the sum of each group (inverse: each line's group)."""
        out = {}
        for a, v in self.ints.items():
            total = np.zeros(groups, dtype=np.int64)
            np.add.at(total, inverse, v)
            out[a] = [int(x) for x in total]
        for a, v in self.objs.items():
            total = [0] * groups
            for g, x in zip(inverse.tolist(), v.tolist()):
                total[g] += x or 0
            out[a] = total
        return out

    def cumulative(self, a: str):
        """Running sums of column a (index k: the first k lines), exact."""
        if a in self.ints:
            return np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(self.ints[a])])
        out, run = [0], 0
        for x in self.objs[a].tolist():
            run += x or 0
            out.append(run)
        return out


def _coded(bs: BudgetSheet, name: str) -> tuple[np.ndarray, list]:
    """(code of each row, distinct values) of a column: as validate numbered it, else numbered here;
    a column the sheet lacks is all None."""
    if name in bs.codes:
        return bs.codes[name]
    n = len(bs.df)
    if name not in bs.df:
        return np.zeros(n, dtype=np.int64), ([None] if n else [])
    return factorize(bs.df[name].to_numpy(dtype=object))


class _Rows:
    """The arrays of one budget sheet that every job below reads: kinds, months, sub kegiatan."""

    def __init__(self, bs: BudgetSheet):
        self.bs, self.sheet, self.df = bs, bs.sheet, bs.df
        self.amts = bs.amounts
        self.place = bs.sheet.place()
        n = self.n = len(bs.df)
        self.rows = bs.df.index.to_numpy()
        self.kode = self.col("kode")
        kind, kinds = _coded(bs, "kind")
        self.node_at, self.rek_at, self.rsum_at, self.total_at = (
            np.flatnonzero(kind == kinds.index(k)) if k in kinds else np.zeros(0, dtype=np.int64)
            for k in ("node", "rek", "rek_sum", "total"))
        # the month and the sub kegiatan of each row as codes: m_ids into month_values (month number
        # or None), sub_ids into sub_values
        m_found, m_values = _coded(bs, "bulan")
        self.m_ids, self.month_values = distinct(m_found, [_month_of(v) for v in m_values])
        self.months = table(self.month_values)[self.m_ids] if n else np.full(0, None, dtype=object)
        self.sub_ids, self.sub_values = _coded(bs, "sub")
        self.amount_values = {a: self.col(a) for a in self.amts}

    def col(self, name: str) -> np.ndarray:
        return self.df[name].to_numpy(dtype=object) if name in self.df else np.full(self.n, None, dtype=object)

    def strs(self, name: str, at) -> np.ndarray:
        """texts_only of some rows of a column ("" for a missing column)."""
        return texts_only(self.col(name)[at]) if name in self.df else np.full(len(at), "", dtype=object)

    def values_at(self, i) -> dict:
        return {a: self.amount_values[a][i] for a in self.amts}

    def cell(self, i, column: str) -> str:
        return self.sheet.cell(int(self.rows[i]), column)

    def code_of(self, i) -> str | None:
        """The kode a row belongs to: a rekening line's sub kegiatan, else its own code."""
        sub = self.sub_values[self.sub_ids[i]] if len(self.sub_values) else None
        return sub if isinstance(sub, str) else (self.kode[i] if isinstance(self.kode[i], str) else None)


def sheet_sums(bs: BudgetSheet) -> tuple[SheetSums, list[Finding]]:
    """One sheet: its leaves (rekening lines, else the deepest codes), and every stated subtotal and
    total checked against those leaves, never against other stated figures. A long sheet (a Bulan
    column, one block of rows per month) is checked month by month; its leaves are its latest month.
    The rekening lines, the bulk of a large sheet, are summed as arrays and grouped by the codes of
    their columns (bs.codes), never by hashing their text again; the rest row by row. A sum that an
    unknown cell enters is unknown: its check is skipped and said on that cell's finding."""
    r = _Rows(bs)
    names, info, rows_of = _names(r)
    stated, line_at, findings = _stated_and_lines(r)
    lines = _LineGroups(r, line_at)
    skipped: Skipped = {}
    accounts = _Accounts(bs)
    stand = _stand_ins(r, lines, stated)
    f, flagged = _check_subtotals(r, lines, stated, skipped, stand)
    findings += f
    if len(r.rsum_at):
        findings += _check_account_sums(r, accounts, skipped)
    findings += _check_totals(r, lines, skipped, stand, flagged)
    present = [m for m in lines.m_uniques if m is not None]
    last = max(present) if present else None
    leaves: dict[str, dict] = {}
    for g, (m, code) in enumerate(lines.groups):
        if m == last:
            slot = leaves.setdefault(code, dict.fromkeys(r.amts, 0))
            for a in r.amts:
                slot[a] += lines.group_sums[a][g]
    unknown = lines.unknown_groups()
    for a, leaf in stand.items():
        for (m, k), (_, v, roots) in leaf.items():
            if m == last:
                leaves.setdefault(k, dict.fromkeys(r.amts, 0))[a] += v or 0
                if roots:
                    unknown.setdefault((m, k), {})[a] = roots
    out = SheetSums(bs, leaves, rows_of, names, info, _jenis(r, accounts, last), last=last,
                    unknown=unknown, skipped=skipped,
                    root_kode={root: r.code_of(pos) for a in r.amts for pos, root in bs.unknown.get(a, {}).items()})
    if last is not None:
        out.months, out.months_unknown = _long_months(lines.groups, lines.group_sums, r.amts, out.unknown)
        out.month_rows = {grp: int(r.rows[line_at[j]]) for grp, j in zip(lines.groups, lines.first)}
    elif r.sheet.month_cols:
        _month_columns(out, lines.groups, lines.group_sums)
    return out, findings


def _month_columns(out: SheetSums, groups, group_sums) -> None:
    """Months as columns (Januari … Desember, each month's own amount): the running total of each sub
    kegiatan month by month, up to the month the title or file name gives, else the last month with
    an amount. Its latest month is the sheet's month, its year-to-date figure the leaves' realisasi.
    An unknown month's amount stays in every later running total."""
    sheet = out.bs.sheet
    by_month = {m: c for c, m in sheet.month_cols.items() if c in group_sums}
    filled = [m for m, c in by_month.items() if any(group_sums[c])]
    last = sheet.month or max(filled, default=None)
    if last is None:
        return
    running: dict[str, object] = {}
    still: dict[str, tuple] = {}
    for m in range(1, last + 1):
        c = by_month.get(m)
        for g, (_, code) in enumerate(groups):
            running[code] = running.get(code, 0) + (group_sums[c][g] if c else 0)
            roots = out.unknown.get((None, code), {}).get(c, ()) if c else ()
            if roots:
                still[code] = still.get(code, ()) + roots
        out.months[m] = dict(running)
        if still:
            out.months_unknown[m] = dict(still)
    for code, amounts in out.leaves.items():
        amounts["realisasi"] = running.get(code, 0)
        if code in still:
            out.unknown.setdefault((None, code), {})["realisasi"] = still[code]
    out.bs.month = last
    if f"bulanan:{last:02d}" in sheet.cols:
        sheet.cols.setdefault("realisasi", sheet.cols[f"bulanan:{last:02d}"])


def _names(r: _Rows) -> tuple[dict, dict, dict]:
    """Names, info (indikator/target/satuan) and the row to point at of each code: the first row that
    says it, in row order."""
    bs, df = r.bs, r.df
    names, info, rows_of = {}, {}, {}
    events = []        # (position, order, code, name or None)
    node_at, rek_at = r.node_at, r.rek_at
    uraian = r.strs("uraian", node_at)
    ind, tgt, sat = (r.strs(c, node_at) for c in ("indikator", "target", "satuan"))
    for j, i in enumerate(node_at):
        k = r.kode[i]
        events.append((i, 0, k, uraian[j] or None))
        if ind[j] or tgt[j] or sat[j]:
            info.setdefault(k, {"indikator": ind[j], "target": tgt[j], "satuan": sat[j]})
    if len(rek_at):
        s_codes, sub_values = r.sub_ids[rek_at], r.sub_values
        # the kegiatan and program of each sub kegiatan, as codes: each distinct sub is split once
        split = lambda fn: factorize(table([fn(c) if isinstance(c, str) else None for c in sub_values]))
        k_codes, k_uniques = split(lambda c: c.rsplit(".", 1)[0])
        p_codes, p_uniques = split(lambda c: ".".join(c.split(".")[:3]))
        lead = group_keys(s_codes)[0]          # the first line of each sub kegiatan
        events += [(i, 0, sub_values[c], None) for i, c in zip(rek_at[lead].tolist(), s_codes[lead].tolist())]
        for order, (found, uniques, column) in enumerate(((s_codes, sub_values, "uraian_sub"),
                                                          (k_codes[s_codes], k_uniques, "uraian_kegiatan"),
                                                          (p_codes[s_codes], p_uniques, "uraian_program"))):
            if column not in df:
                continue
            # the first line of each code that names it (a text other than "")
            n_ids, n_values = _coded(bs, column)
            named = np.array([isinstance(v, str) and v != "" for v in n_values], dtype=bool)
            said = np.flatnonzero(named[n_ids[rek_at]])
            lead = said[group_keys(found[said])[0]]
            events += [(i, order, uniques[c], n_values[t]) for i, c, t in
                       zip(rek_at[lead].tolist(), found[lead].tolist(), n_ids[rek_at[lead]].tolist())]
    for i, _, code, name in sorted(events, key=lambda e: (e[0], e[1])):
        if name:
            names.setdefault(code, name)
        rows_of.setdefault(code, int(r.rows[i]))
    return names, info, rows_of


class _Accounts:
    """The account of each rekening line: its Kode Rekening, else the account in its Kode column; as
    a code into `values`, each distinct value of the two columns looked at once."""

    def __init__(self, bs: BudgetSheet):
        self.r_found, r_values = _coded(bs, "kode_rekening")
        self.k_found, k_values = _coded(bs, "kode")
        space: dict = {}
        # a bare 5 in the Kode Rekening column is the account 5 (BELANJA DAERAH), not a line without one
        self.r_acc = np.array([space.setdefault(v, len(space)) if isinstance(v, str) and v
                               and (codes.is_account(v) or v in codes.ACCOUNT_ROOTS) else -1 for v in r_values],
                              dtype=np.int64)
        self.k_acc = np.array([space.setdefault(v if isinstance(v, str) else "", len(space)) for v in k_values],
                              dtype=np.int64)
        self.values = list(space)

    def of(self, at) -> np.ndarray:
        got = self.r_acc[self.r_found[at]]
        return np.where(got >= 0, got, self.k_acc[self.k_found[at]])


def _stated_and_lines(r: _Rows) -> tuple[list, np.ndarray, list[Finding]]:
    """Rows that claim a sum (a node with deeper codes or rekening lines under it) and rows that add
    up (rekening lines and the deepest nodes); a node line repeated on a sheet without rekening
    lines is a duplicate-kode."""
    findings = []
    rek_at, node_at, rows = r.rek_at, r.node_at, r.rows
    rek_subs = set()
    if len(rek_at):
        s_codes = r.sub_ids[rek_at]
        lead = group_keys(r.m_ids[rek_at] * len(r.sub_values) + s_codes)[0]     # one line of each (month, sub)
        rek_subs = set(zip([r.month_values[m] for m in r.m_ids[rek_at[lead]].tolist()],
                           [r.sub_values[c] for c in s_codes[lead].tolist()]))
    node_keys = [(r.months[i], r.kode[i]) for i in node_at]
    deeper = {(m, p) for m, k in set(node_keys) for p in prefixes(k)[:-1]}
    stated, seen, node_lines = [], {}, []
    for i, key in zip(node_at, node_keys):
        if key in deeper or key in rek_subs:
            stated.append(i)
        elif key in seen:
            if not len(rek_at):
                findings.append(Finding("duplicate-kode", {"other": r.sheet.cell(seen[key], "kode")}, **r.place,
                                        cell=r.cell(i, "kode"), kode=key[1]))
        else:
            seen[key] = int(rows[i])
            node_lines.append(i)
    line_at = np.concatenate([rek_at, np.array(node_lines, dtype=np.int64)]).astype(np.int64)
    return stated, line_at, findings


class _LineGroups:
    """The lines grouped by (month, sub kegiatan or deepest code), with each group's sums and the
    unknown cells in it."""

    def __init__(self, r: _Rows, line_at: np.ndarray):
        self.r, self.line_at = r, line_at
        self.lines = _Lines(r.bs, line_at)
        # a node line's sub is its own code, so one numbering covers both kinds of line
        line_month, line_code = r.m_ids[line_at], r.sub_ids[line_at]
        self.first, self.inverse = group_keys(line_month * max(len(r.sub_values), 1) + line_code)
        self.group_sums = self.lines.sums(self.inverse, len(self.first))
        self.groups = list(zip([r.month_values[m] for m in line_month[self.first].tolist()],
                               [r.sub_values[c] for c in line_code[self.first].tolist()]))
        self.m_uniques = [r.month_values[m] for m in
                          np.flatnonzero(np.bincount(line_month, minlength=len(r.month_values)))]
        # amount → group → the findings of its unknown cells (rare: looked up one by one)
        self.unknown: dict[str, dict[int, list]] = {}
        where = {p: j for j, p in enumerate(line_at.tolist())} if r.bs.unknown else {}
        self.where = where
        for a, cells in r.bs.unknown.items():
            for pos, root in cells.items():
                if pos in where:
                    self.unknown.setdefault(a, {}).setdefault(int(self.inverse[where[pos]]), []).append(root)

    def unknown_groups(self) -> dict[tuple, dict[str, tuple]]:
        out: dict[tuple, dict[str, tuple]] = {}
        for a, per in self.unknown.items():
            for g, roots in per.items():
                out.setdefault(self.groups[g], {})[a] = tuple(roots)
        return out


def _stand_ins(r: _Rows, lines: _LineGroups, stated: list) -> dict[str, dict[tuple, tuple]]:
    """Amount → (month, code) → (position, stated value, roots) of the rows that stand in for absent
    detail: where every line under a node leaves a column blank (not 0, not "-": SIPD gives the
    prakiraan maju per sub kegiatan, not per rekening), the deepest rows that state that column are
    its leaves there. An unreadable cell is not blank (unknown is not zero)."""
    out: dict[str, dict[tuple, tuple]] = {}
    if not stated:
        return out
    for a in r.amts:
        values, bad = r.amount_values[a], r.bs.unknown.get(a, {})
        here = ~pd.isna(values[lines.line_at])
        for p in bad:
            if p in lines.where:
                here[lines.where[p]] = True
        present = np.zeros(len(lines.first), dtype=bool)
        np.logical_or.at(present, lines.inverse, here)
        if present.all():
            continue
        detailed = {(m, p) for g in np.flatnonzero(present).tolist() for m, code in (lines.groups[g],)
                    for p in prefixes(code)}
        said: dict[tuple, tuple] = {}
        for i in stated:
            key = (r.months[i], r.kode[i])
            if key in detailed or key in said or (values[i] is None and i not in bad):
                continue
            said[key] = (int(i), values[i], (bad[i],) if i in bad else ())
        below = {(m, p) for m, k in said for p in prefixes(k)[:-1]}
        leaf = {key: v for key, v in said.items() if key not in below}
        if leaf:
            out[a] = leaf
    return out


def _check_subtotals(r: _Rows, lines: _LineGroups, stated: list, skipped: Skipped,
                     stand: dict) -> tuple[list[Finding], dict]:
    """Each stated program/kegiatan/sub kegiatan amount against the sum of the lines under it (and
    of the rows standing in for absent detail). Above stand-in rows a wrong stated sub kegiatan
    figure is told once, at the nearest stated node above it: a node that agrees with the stated
    nodes below it that disagree with their leaves is not told again. Returns the findings and, per
    amount, the outermost such disagreeing nodes ((month, code) → (row, stated − leaves))."""
    findings = []
    flagged: dict[str, dict[tuple, tuple]] = {a: {} for a in stand}
    if not stated:
        return findings, flagged
    sums: dict = {}       # (month, code) → amount → sum of the lines at or below it
    unknown: dict = {}    # (month, code) → amount → the unknown cells among them
    for g, (m, code) in enumerate(lines.groups):
        for p in prefixes(code):
            slot = sums.setdefault((m, p), dict.fromkeys(r.amts, 0))
            for a in r.amts:
                slot[a] += lines.group_sums[a][g]
                if g in lines.unknown.get(a, ()):
                    unknown.setdefault((m, p), {}).setdefault(a, []).extend(lines.unknown[a][g])
    above_stand: dict[str, set] = {}
    for a, leaf in stand.items():
        above_stand[a] = {(m, p) for m, k in leaf for p in prefixes(k)[:-1]}
        for (m, k), (_, v, roots) in leaf.items():
            for p in prefixes(k):
                sums.setdefault((m, p), dict.fromkeys(r.amts, 0))[a] += v or 0
                if roots:
                    unknown.setdefault((m, p), {}).setdefault(a, []).extend(roots)
    told = []
    # deepest first, so that each node knows the disagreeing nodes below it; told in row order
    for order, i in sorted(enumerate(stated), key=lambda e: -len(prefixes(r.kode[e[1]]))):
        m, k = r.months[i], r.kode[i]
        for a, said in r.values_at(i).items():
            if said is None:
                continue
            roots = unknown.get((m, k), {}).get(a)
            if roots:
                skip(skipped, roots, Text("skip-subtotal", kode=k, cell=r.cell(i, a)))
                continue
            computed = sums[m, k][a] if (m, k) in sums else 0
            if said == computed:
                continue
            agreed = computed
            if (m, k) in above_stand.get(a, ()):
                inner = [key for key in flagged[a] if key[0] == m and key[1].startswith(k + ".")]
                agreed = computed + sum((flagged[a].pop(key)[1] for key in inner), 0)
                flagged[a][m, k] = (int(r.rows[i]), said - computed)
            if said != agreed:
                told.append((order, Finding("subtotal-mismatch", {"level": Text(codes.level_fragment(k)),
                                                                  "column": column_label(a), "diff": diff(said, computed)},
                                            **r.place, cell=r.cell(i, a), kode=k, expected=computed, actual=said)))
    findings += [f for _, f in sorted(told, key=lambda t: t[0])]
    return findings, flagged


def _check_totals(r: _Rows, lines: _LineGroups, skipped: Skipped, stand: dict, flagged: dict) -> list[Finding]:
    """Stated totals: the last covers every line; earlier ones cover the lines since the previous
    one. In a sheet of several months with a JUMLAH after each month, the last closes its month only.
    Rows standing in for absent detail count as lines; a total that agrees with the outermost stated
    nodes that disagree with their leaves is not told again (they were)."""
    findings = []
    if not len(r.total_at):
        return findings
    rows, line_at = r.rows, lines.line_at
    per_month_totals = len(r.total_at) > 1 and len([m for m in lines.m_uniques if m is not None]) > 1
    order = np.argsort(rows[line_at], kind="stable")
    line_rows = rows[line_at][order]
    running = {a: _Lines(r.bs, line_at[order]).cumulative(a) for a in r.amts}
    # amount → (index among the ordered lines, finding) of each unknown line, in order
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    unknown = {a: sorted((int(rank[lines.where[p]]), id(root), root) for p, root in cells.items() if p in lines.where)
               for a, cells in r.bs.unknown.items()}
    prev = 0
    for t, i in enumerate(r.total_at):
        row, label = int(rows[i]), r.df["_total"].iat[i]
        whole = t == len(r.total_at) - 1 and not per_month_totals
        if whole:
            lo, hi = 0, len(line_rows)
        else:
            lo, hi = np.searchsorted(line_rows, prev, side="right"), np.searchsorted(line_rows, row, side="left")
        for a, said in r.values_at(i).items():
            if said is None:
                continue
            bad = unknown.get(a, [])
            roots = [x[2] for x in bad[bisect_left(bad, (lo, -1)):bisect_left(bad, (hi, -1))]]
            if roots:
                skip(skipped, roots, Text("skip-total", label=label.upper(), cell=r.cell(i, a)))
                continue
            computed = running[a][hi] - running[a][lo]
            computed = int(computed) if isinstance(computed, np.integer) else computed
            agreed = computed
            if a in stand:
                inside = (lambda x: True) if whole else (lambda x: prev < x < row)
                here = [(int(rows[j]), v, rt) for j, v, rt in stand[a].values() if inside(int(rows[j]))]
                roots = [x for _, _, rt in here for x in rt]
                if roots:
                    skip(skipped, roots, Text("skip-total", label=label.upper(), cell=r.cell(i, a)))
                    continue
                computed += sum((v or 0 for _, v, _ in here), 0)
                agreed = computed + sum((d for x, d in flagged.get(a, {}).values() if inside(x)), 0)
            if said != computed and said != agreed:
                findings.append(Finding("total-mismatch", {"label": label.upper(), "column": column_label(a),
                                                           "diff": diff(said, computed)},
                                        **r.place, cell=r.cell(i, a), expected=computed, actual=said))
        prev = row
    return findings


def _jenis(r: _Rows, accounts: _Accounts, last) -> dict[str, object]:
    """Pagu by jenis belanja (rekening sheets), of the latest month's lines."""
    rek_at = r.rek_at
    if not len(rek_at) or "pagu" not in r.amts:
        return {}
    latest = rek_at[r.m_ids[rek_at] == (r.month_values.index(last) if last in r.month_values else -1)]
    # jenis belanja of each account, then of each line, named in the order the lines first give them
    j_ids, j_names = factorize(table([codes.jenis_belanja(a) for a in accounts.values]))
    line_jenis = j_ids[accounts.of(latest)]
    first_j, group_j = group_keys(line_jenis)
    jsum = _Lines(r.bs, latest).sums(group_j, len(first_j))["pagu"]
    return dict(zip([j_names[line_jenis[j]] for j in first_j], jsum))


def _check_account_sums(r: _Rows, accounts: _Accounts, skipped: Skipped) -> list[Finding]:
    """SIPD's account rows (5, 5.1, 5.1.02 … above the accounts of a sub kegiatan) against the
    rekening lines of that sub kegiatan (and month) under them."""
    findings = []
    bs, df, rows = r.bs, r.df, r.rows
    rek_at, rsum_at = r.rek_at, r.rsum_at
    month_sub = r.m_ids * max(len(r.sub_values), 1) + r.sub_ids
    sub = df["sub"].to_numpy(dtype=object)
    rek_acc, sum_acc = accounts.of(rek_at), accounts.of(rsum_at)
    acc_values = accounts.values
    width = len(acc_values)
    wanted = month_sub[rsum_at] * width + sum_acc
    wanted_set = np.unique(wanted)
    # an account covers itself and every account written below it: 5.1 covers 5.1.02.01
    ids = {acc_values[i]: int(i) for i in np.unique(np.concatenate([rek_acc, sum_acc]))}
    above = {i: [ids.get(".".join(a.split(".")[:j]), -1) for j in range(1, a.count(".") + 2)]
             for a, i in ids.items()}
    rek_ms = month_sub[rek_at]
    totals = {a: {} for a in r.amts}
    for level in range(max((len(p) for p in above.values()), default=0)):
        parent = np.full(width, -1, dtype=np.int64)
        for i, p in above.items():
            if level < len(p):
                parent[i] = p[level]
        up = parent[rek_acc]
        key = rek_ms * width + up
        hit = (up >= 0) & np.isin(key, wanted_set)
        if not hit.any():
            continue
        k_uniques, inverse = np.unique(key[hit], return_inverse=True)
        part = _Lines(bs, rek_at[hit]).sums(inverse.reshape(-1), len(k_uniques))
        for a in r.amts:
            t = totals[a]
            for k, v in zip(k_uniques.tolist(), part[a]):
                t[k] = t.get(k, 0) + v
    # the account sums an unknown rekening line enters: its (month, sub) with each account above it
    unknown: dict[str, dict[int, list]] = {}
    if bs.unknown:
        at = {p: j for j, p in enumerate(rek_at.tolist())}
        for a, cells in bs.unknown.items():
            for pos, root in cells.items():
                if pos in at:
                    for up in above.get(int(rek_acc[at[pos]]), []):
                        if up >= 0:
                            unknown.setdefault(a, {}).setdefault(int(rek_ms[at[pos]]) * width + up, []).append(root)
    for j, i in enumerate(rsum_at):
        k = int(wanted[j])
        account, s = acc_values[sum_acc[j]], sub[i]
        for a in r.amts:
            said = df[a].iat[i]
            if said is None:
                continue
            roots = unknown.get(a, {}).get(k)
            if roots:
                skip(skipped, roots, Text("skip-subtotal", kode=f"{account} / {s}", cell=r.cell(i, a)))
                continue
            computed = totals[a].get(k, 0)
            if said != computed:
                findings.append(Finding("subtotal-mismatch", {"level": Text("level-account", account=account),
                                                              "column": column_label(a), "diff": diff(said, computed)},
                                        **r.place, cell=r.cell(i, a), kode=s, expected=computed, actual=said))
    return findings


def _long_months(groups, group_sums, amts, unknown) -> tuple[dict, dict]:
    """A long realisasi sheet (Bulan column): month → code → cumulative realisasi, from either the
    cumulative column or, without it, the running sum of the monthly amounts; and month → code →
    the unknown cells in that figure (an unknown month's amount stays in every later running sum)."""
    per: dict[int, dict[str, object]] = {}
    col = "realisasi" if "realisasi" in amts else "realisasi_bulan_ini"
    if col in amts:
        for g, (m, code) in enumerate(groups):
            if m is not None:
                per.setdefault(m, {})[code] = group_sums[col][g]
    out, running, bad, still = {}, {}, {}, {}
    for m in sorted(per):
        here = {c: unknown[m, c][col] for c in per[m] if col in unknown.get((m, c), {})}
        if col == "realisasi":
            out[m], bad[m] = dict(per[m]), here
        else:
            for c, v in per[m].items():
                running[c] = running.get(c, 0) + v
            for c, roots in here.items():
                still[c] = still.get(c, ()) + roots
            out[m], bad[m] = dict(running), dict(still)
    return out, {m: b for m, b in bad.items() if b}


def cell_at(s: SheetSums, code: str, column: str, month: int | None = None) -> str | None:
    row = s.month_rows.get((month, code)) or s.rows.get(code)
    return s.bs.sheet.cell(row, column) if row else None


@lru_cache(maxsize=1 << 16)
def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else -1 for p in code.split("."))
