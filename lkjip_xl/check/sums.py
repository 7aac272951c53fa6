"""One budget sheet summed: its leaves (rekening lines, else the deepest codes) and every stated
subtotal and total checked against those leaves, never against other stated figures, so one wrong
cell is one finding. Money stays int/Decimal."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from lkjip_xl.check.model import BudgetSheet, column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, factorize, groups as group_keys, table, texts_only


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


def sheet_sums(bs: BudgetSheet, findings: list[Finding]) -> SheetSums:
    """One sheet: its leaves (rekening lines, else the deepest codes), and every stated subtotal and
    total checked against those leaves, never against other stated figures. A long sheet (a Bulan
    column, one block of rows per month) is checked month by month; its leaves are its latest month.
    The rekening lines, the bulk of a large sheet, are summed as arrays and grouped by the codes of
    their columns (bs.codes), never by hashing their text again; the rest row by row."""
    sheet, df = bs.sheet, bs.df
    amts = bs.amounts
    place = sheet.place()
    n = len(df)
    rows = df.index.to_numpy()
    none = np.full(n, None, dtype=object)
    col = lambda name: df[name].to_numpy(dtype=object) if name in df else none
    # texts_only of some rows of a column ("" for a missing column)
    strs = lambda name, at: texts_only(col(name)[at]) if name in df else np.full(len(at), "", dtype=object)
    kode = col("kode")
    kind, kinds = _coded(bs, "kind")
    kind_at = lambda k: np.flatnonzero(kind == kinds.index(k)) if k in kinds else np.zeros(0, dtype=np.int64)
    node_at, rek_at, rsum_at, total_at = (kind_at(k) for k in ("node", "rek", "rek_sum", "total"))
    # the month and the sub kegiatan of each row as codes: m_ids into month_values (month number or
    # None), sub_ids into sub_values
    m_found, m_values = _coded(bs, "bulan")
    m_ids, month_values = distinct(m_found, [_month_of(v) for v in m_values])
    months = table(month_values)[m_ids] if n else none
    sub_ids, sub_values = _coded(bs, "sub")
    amount_values = {a: col(a) for a in amts}
    values_at = lambda i: {a: amount_values[a][i] for a in amts}

    # names, info and the row to point at: the first row that says it, in row order
    names, info, rows_of = {}, {}, {}
    events = []        # (position, order, code, name or None)
    uraian = strs("uraian", node_at)
    ind, tgt, sat = (strs(c, node_at) for c in ("indikator", "target", "satuan"))
    for j, i in enumerate(node_at):
        k = kode[i]
        events.append((i, 0, k, uraian[j] or None))
        if ind[j] or tgt[j] or sat[j]:
            info.setdefault(k, {"indikator": ind[j], "target": tgt[j], "satuan": sat[j]})
    if len(rek_at):
        s_codes = sub_ids[rek_at]
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
        rows_of.setdefault(code, int(rows[i]))

    # account of each rekening line: its Kode Rekening, else the account in its Kode column; as a code
    # into acc_values, each distinct value of the two columns looked at once
    r_found, r_values = _coded(bs, "kode_rekening")
    k_found, k_values = _coded(bs, "kode")
    space: dict = {}
    r_acc = np.array([space.setdefault(v, len(space)) if isinstance(v, str) and v and codes.is_account(v) else -1
                      for v in r_values], dtype=np.int64)
    k_acc = np.array([space.setdefault(v if isinstance(v, str) else "", len(space)) for v in k_values], dtype=np.int64)
    acc_values = list(space)

    def accounts(at):
        r = r_acc[r_found[at]]
        return np.where(r >= 0, r, k_acc[k_found[at]])

    # lines: every row that adds up; stated: rows that claim a sum
    rek_subs = set()
    if len(rek_at):
        lead = group_keys(m_ids[rek_at] * len(sub_values) + s_codes)[0]     # one line of each (month, sub)
        rek_subs = set(zip([month_values[m] for m in m_ids[rek_at[lead]].tolist()],
                           [sub_values[c] for c in s_codes[lead].tolist()]))
    node_keys = [(months[i], kode[i]) for i in node_at]
    deeper = {(m, p) for m, k in set(node_keys) for p in prefixes(k)[:-1]}
    stated, seen, node_lines = [], {}, []
    for i, key in zip(node_at, node_keys):
        if key in deeper or key in rek_subs:
            stated.append(i)
        elif key in seen:
            if not len(rek_at):
                findings.append(Finding("duplicate-kode", {"other": sheet.cell(seen[key], "kode")}, **place,
                                        cell=sheet.cell(int(rows[i]), "kode"), kode=key[1]))
        else:
            seen[key] = int(rows[i])
            node_lines.append(i)
    line_at = np.concatenate([rek_at, np.array(node_lines, dtype=np.int64)]).astype(np.int64)
    lines = _Lines(bs, line_at)
    # a node line's sub is its own code, so one numbering covers both kinds of line
    line_month, line_code = m_ids[line_at], sub_ids[line_at]
    first, inverse = group_keys(line_month * max(len(sub_values), 1) + line_code)
    group_sums = lines.sums(inverse, len(first))
    groups = list(zip([month_values[m] for m in line_month[first].tolist()],
                      [sub_values[c] for c in line_code[first].tolist()]))
    m_uniques = [month_values[m] for m in np.flatnonzero(np.bincount(line_month, minlength=len(month_values)))]
    sums: dict = {}       # (month, code) → amount → sum of the lines at or below it; only stated rows need it
    for g, (m, code) in enumerate(groups if stated else ()):
        for p in prefixes(code):
            slot = sums.setdefault((m, p), dict.fromkeys(amts, 0))
            for a in amts:
                slot[a] += group_sums[a][g]
    for i in stated:
        m, k, row = months[i], kode[i], int(rows[i])
        for a, said in values_at(i).items():
            computed = sums[m, k][a] if (m, k) in sums else 0
            if said is not None and said != computed:
                findings.append(Finding("subtotal-mismatch", {"level": Text(codes.level_fragment(k)), "column": column_label(a),
                                                              "diff": diff(said, computed)},
                                        **place, cell=sheet.cell(row, a), kode=k, expected=computed, actual=said))
    if len(rsum_at):
        _check_account_sums(bs, rek_at, rsum_at, m_ids * max(len(sub_values), 1) + sub_ids, accounts, acc_values,
                            findings)
    # stated totals: the last covers every line; earlier ones cover the lines since the previous one.
    # In a sheet of several months with a JUMLAH after each month, the last one closes its month only.
    per_month_totals = len(total_at) > 1 and len([m for m in m_uniques if m is not None]) > 1
    if len(total_at):
        order = np.argsort(rows[line_at], kind="stable")
        line_rows = rows[line_at][order]
        ordered = _Lines(bs, line_at[order])
        running = {a: ordered.cumulative(a) for a in amts}
        prev = 0
        for t, i in enumerate(total_at):
            row, label = int(rows[i]), df["_total"].iat[i]
            if t == len(total_at) - 1 and not per_month_totals:
                lo, hi = 0, len(line_rows)
            else:
                lo, hi = np.searchsorted(line_rows, prev, side="right"), np.searchsorted(line_rows, row, side="left")
            for a, said in values_at(i).items():
                computed = running[a][hi] - running[a][lo]
                computed = int(computed) if isinstance(computed, np.integer) else computed
                if said is not None and said != computed:
                    findings.append(Finding("total-mismatch", {"label": label.upper(), "column": column_label(a),
                                                               "diff": diff(said, computed)},
                                            **place, cell=sheet.cell(row, a), expected=computed, actual=said))
            prev = row
    present = [m for m in m_uniques if m is not None]
    last = max(present) if present else None
    leaves: dict[str, dict] = {}
    for g, (m, code) in enumerate(groups):
        if m == last:
            slot = leaves.setdefault(code, dict.fromkeys(amts, 0))
            for a in amts:
                slot[a] += group_sums[a][g]
    jenis: dict[str, object] = {}
    if len(rek_at) and "pagu" in amts:
        latest = rek_at[m_ids[rek_at] == (month_values.index(last) if last in month_values else -1)]
        # jenis belanja of each account, then of each line, named in the order the lines first give them
        j_ids, j_names = factorize(table([codes.jenis_belanja(a) for a in acc_values]))
        line_jenis = j_ids[accounts(latest)]
        first_j, group_j = group_keys(line_jenis)
        jsum = _Lines(bs, latest).sums(group_j, len(first_j))["pagu"]
        jenis = dict(zip([j_names[line_jenis[j]] for j in first_j], jsum))
    out = SheetSums(bs, leaves, rows_of, names, info, jenis if len(rek_at) and "pagu" in amts else {})
    if last is not None:
        out.months = _long_months(groups, group_sums, amts)
        out.month_rows = {grp: int(rows[line_at[j]]) for grp, j in zip(groups, first)}
    elif sheet.month_cols:
        _month_columns(out, groups, group_sums, int(rows[line_at[0]]) if len(line_at) else None)
    return out


def _month_columns(out: SheetSums, groups, group_sums, first_row) -> None:
    """Months as columns (Januari … Desember, each month's own amount): the running total of each sub
    kegiatan month by month, up to the month the title or file name gives, else the last month with
    an amount. Its latest month is the sheet's month, its year-to-date figure the leaves' realisasi."""
    sheet = out.bs.sheet
    by_month = {m: c for c, m in sheet.month_cols.items() if c in group_sums}
    filled = [m for m, c in by_month.items() if any(group_sums[c])]
    last = sheet.month or max(filled, default=None)
    if last is None:
        return
    running: dict[str, object] = {}
    for m in range(1, last + 1):
        c = by_month.get(m)
        for g, (_, code) in enumerate(groups):
            running[code] = running.get(code, 0) + (group_sums[c][g] if c else 0)
        out.months[m] = dict(running)
    for code, amounts in out.leaves.items():
        amounts["realisasi"] = running.get(code, 0)
    out.bs.month = last
    if f"bulanan:{last:02d}" in sheet.cols:
        sheet.cols.setdefault("realisasi", sheet.cols[f"bulanan:{last:02d}"])


def _check_account_sums(bs: BudgetSheet, rek_at, rsum_at, month_sub, accounts, acc_values, findings) -> None:
    """SIPD's account rows (5, 5.1, 5.1.02 … above the accounts of a sub kegiatan) against the
    rekening lines of that sub kegiatan (and month) under them. month_sub: (month, sub kegiatan) of
    each row as one code; accounts(at): each row's account as a code into acc_values."""
    sheet, df = bs.sheet, bs.df
    rows, sub = df.index.to_numpy(), df["sub"].to_numpy(dtype=object)
    amts = bs.amounts
    rek_acc, sum_acc = accounts(rek_at), accounts(rsum_at)
    width = len(acc_values)
    wanted = month_sub[rsum_at] * width + sum_acc
    wanted_set = np.unique(wanted)
    # an account covers itself and every account written below it: 5.1 covers 5.1.02.01
    ids = {acc_values[i]: int(i) for i in np.unique(np.concatenate([rek_acc, sum_acc]))}
    prefixes = {i: [ids.get(".".join(a.split(".")[:j]), -1) for j in range(1, a.count(".") + 2)]
                for a, i in ids.items()}
    rek_ms = month_sub[rek_at]
    totals = {a: {} for a in amts}
    for level in range(max((len(p) for p in prefixes.values()), default=0)):
        parent = np.full(width, -1, dtype=np.int64)
        for i, p in prefixes.items():
            if level < len(p):
                parent[i] = p[level]
        up = parent[rek_acc]
        key = rek_ms * width + up
        hit = (up >= 0) & np.isin(key, wanted_set)
        if not hit.any():
            continue
        k_uniques, inverse = np.unique(key[hit], return_inverse=True)
        part = _Lines(bs, rek_at[hit]).sums(inverse.reshape(-1), len(k_uniques))
        for a in amts:
            t = totals[a]
            for k, v in zip(k_uniques.tolist(), part[a]):
                t[k] = t.get(k, 0) + v
    for j, i in enumerate(rsum_at):
        k = int(wanted[j])
        account, s = acc_values[sum_acc[j]], sub[i]
        for a in amts:
            said = df[a].iat[i]
            computed = totals[a].get(k, 0)
            if said is not None and said != computed:
                findings.append(Finding("subtotal-mismatch", {"level": Text("level-account", account=account),
                                                              "column": column_label(a), "diff": diff(said, computed)},
                                        **sheet.place(), cell=sheet.cell(int(rows[i]), a), kode=s, expected=computed,
                                        actual=said))


def _long_months(groups, group_sums, amts) -> dict[int, dict[str, object]]:
    """A long realisasi sheet (Bulan column): month → code → cumulative realisasi, from either the
    cumulative column or, without it, the running sum of the monthly amounts."""
    per: dict[int, dict[str, object]] = {}
    col = "realisasi" if "realisasi" in amts else "realisasi_bulan_ini"
    if col in amts:
        for g, (m, code) in enumerate(groups):
            if m is not None:
                per.setdefault(m, {})[code] = group_sums[col][g]
    out, running = {}, {}
    for m in sorted(per):
        if col == "realisasi":
            out[m] = dict(per[m])
        else:
            for c, v in per[m].items():
                running[c] = running.get(c, 0) + v
            out[m] = dict(running)
    return out


def cell_at(s: SheetSums, code: str, column: str, month: int | None = None) -> str | None:
    row = s.month_rows.get((month, code)) or s.rows.get(code)
    return s.bs.sheet.cell(row, column) if row else None


@lru_cache(maxsize=1 << 16)
def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else -1 for p in code.split("."))
