"""The rows of one budget sheet as arrays: which rows state a figure and which are lines that add
up, the lines grouped by (month, sub kegiatan) and summed exactly, the accounts of rekening lines;
and the small helpers on codes and amounts the checks share."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import numpy as np

from lkjip_xl.check.model import BudgetSheet
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


def diff(a, b):
    return abs((a or 0) - (b or 0))


# a Kabupaten has thousands of sub kegiatan, each looked up by several checks: split each code once
@lru_cache(maxsize=1 << 16)
def prefixes(code: str) -> tuple[str, ...]:
    """The code and every code above it: 7.01.01.2.01 → 7, 7.01, 7.01.01, 7.01.01.2, 7.01.01.2.01."""
    segs = code.split(".")
    return tuple(".".join(segs[:n]) for n in range(1, len(segs) + 1))


def unplaced_over(bs, code: str) -> tuple:
    """The bad-kode findings of the rows of `bs` whose code cannot be read and that stood at or above
    `code` (BudgetSheet.unplaced): this code may hold such a row, so its absence from the DPA or its
    pagu there is not a finding of its own."""
    return tuple(r for p in prefixes(code) for r in bs.unplaced.get(p, ())) if bs.unplaced else ()


def under(pagu: dict) -> dict[str, object]:
    """Every code and every code above it → the pagu at or below it."""
    out: dict[str, object] = defaultdict(int)
    for code, v in pagu.items():
        for p in prefixes(code):
            out[p] += v or 0
    return out


def month_of(v) -> int | None:
    return None if v is None or v != v or v == "" else int(v)


class Lines:
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


def coded(bs: BudgetSheet, name: str) -> tuple[np.ndarray, list]:
    """(code of each row, distinct values) of a column: as validate numbered it, else numbered here;
    a column the sheet lacks is all None."""
    if name in bs.codes:
        return bs.codes[name]
    n = len(bs.df)
    if name not in bs.df:
        return np.zeros(n, dtype=np.int64), ([None] if n else [])
    return factorize(bs.df[name].to_numpy(dtype=object))


class Rows:
    """The arrays of one budget sheet that every job below reads: kinds, months, sub kegiatan."""

    def __init__(self, bs: BudgetSheet):
        self.bs, self.sheet, self.df = bs, bs.sheet, bs.df
        self.amts = bs.amounts
        self.place = bs.sheet.place()
        n = self.n = len(bs.df)
        self.rows = bs.df.index.to_numpy()
        self.kode = self.col("kode")
        kind, kinds = coded(bs, "kind")
        self.node_at, self.rek_at, self.rsum_at, self.total_at = (
            np.flatnonzero(kind == kinds.index(k)) if k in kinds else np.zeros(0, dtype=np.int64)
            for k in ("node", "rek", "rek_sum", "total"))
        # the month and the sub kegiatan of each row as codes: m_ids into month_values (month number
        # or None), sub_ids into sub_values
        m_found, m_values = coded(bs, "bulan")
        self.m_ids, self.month_values = distinct(m_found, [month_of(v) for v in m_values])
        self.months = table(self.month_values)[self.m_ids] if n else np.full(0, None, dtype=object)
        self.sub_ids, self.sub_values = coded(bs, "sub")
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


class Accounts:
    """The account of each rekening line: its Kode Rekening, else the account in its Kode column; as
    a code into `values`, each distinct value of the two columns looked at once."""

    def __init__(self, bs: BudgetSheet):
        self.r_found, r_values = coded(bs, "kode_rekening")
        self.k_found, k_values = coded(bs, "kode")
        space: dict = {}
        # a bare 5 in the Kode Rekening column is the account 5 (BELANJA DAERAH), not a line without one
        self.r_acc = np.array([space.setdefault(v, len(space)) if isinstance(v, str) and v
                               and (codes.is_account(v) or v in codes.ACCOUNT_ROOTS or v == codes.UNKNOWN_ACCOUNT)
                               else -1 for v in r_values],
                              dtype=np.int64)
        self.k_acc = np.array([space.setdefault(v if isinstance(v, str) else "", len(space)) for v in k_values],
                              dtype=np.int64)
        self.values = list(space)

    def of(self, at) -> np.ndarray:
        got = self.r_acc[self.r_found[at]]
        return np.where(got >= 0, got, self.k_acc[self.k_found[at]])


def stated_and_lines(r: Rows) -> tuple[list, np.ndarray, list[Finding]]:
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


class LineGroups:
    """The lines grouped by (month, sub kegiatan or deepest code), with each group's sums and the
    unknown cells in it."""

    def __init__(self, r: Rows, line_at: np.ndarray):
        self.r, self.line_at = r, line_at
        self.lines = Lines(r.bs, line_at)
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


@lru_cache(maxsize=1 << 16)
def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else -1 for p in code.split("."))
