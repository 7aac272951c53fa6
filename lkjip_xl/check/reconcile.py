"""Budget reconciliation: roll sub-kegiatan up to kegiatan, program and total in every sheet,
check every stated subtotal and total, then compare the documents with each other.

Money stays int/Decimal. A stated subtotal is compared with the sum of the most detailed lines
beneath it (not with the stated subtotals of its children), so one wrong cell is one finding.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, factorize, groups as group_keys, table, texts_only
from lkjip_xl.findings import Finding
from lkjip_xl.read.headers import normalize
from lkjip_xl.read.sheets import MONTH_NAMES
from lkjip_xl.check.validate import COLUMN_LABELS, BudgetSheet, Validated


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


@dataclass
class Budget:
    tahun: int | None
    codes: list[str]                       # every program/kegiatan/sub code, in code order
    names: dict[str, str]
    info: dict[str, dict[str, str]]
    pagu: dict[str, object]                # sub code → pagu (primary DPA)
    pagu_next: dict[str, object]
    realisasi: dict[str, object]           # sub code → year-to-date realisasi
    monthly: dict[int, dict[str, object]]  # month → sub code → cumulative realisasi
    latest_month: int | None
    jenis: dict[str, object]
    primary: str | None                    # label of the DPA sheet the totals come from
    has_realisasi: bool

    def subs(self) -> list[str]:
        return [c for c in self.codes if c in self.pagu or c in self.realisasi or c in self.pagu_next]

    def total(self, what: str, under: str | None = None):
        """The sum of `what` (pagu, realisasi, pagu_next) over every code at or below `under`.
        Built once per column for all codes (a Kabupaten has thousands of sub kegiatan): the
        Budget is not changed after reconcile_budget."""
        src = getattr(self, what)
        if under is None:
            return sum(src.values(), 0)
        cache = self.__dict__.setdefault("_totals", {})
        if what not in cache:
            cache[what] = _under(src)
        return cache[what].get(under, 0)

    def programs(self) -> list[str]:
        return [c for c in self.codes if codes.level(c) == 3]


def _diff(a, b):
    return abs((a or 0) - (b or 0))


# a Kabupaten has thousands of sub kegiatan, each looked up by several checks: split each code once
@lru_cache(maxsize=1 << 16)
def _prefixes(code: str) -> tuple[str, ...]:
    """The code and every code above it: 7.01.01.2.01 → 7, 7.01, 7.01.01, 7.01.01.2, 7.01.01.2.01."""
    segs = code.split(".")
    return tuple(".".join(segs[:n]) for n in range(1, len(segs) + 1))


def _under(pagu: dict) -> dict[str, object]:
    """Every code and every code above it → the pagu at or below it."""
    out: dict[str, object] = defaultdict(int)
    for code, v in pagu.items():
        for p in _prefixes(code):
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


def _sheet_sums(bs: BudgetSheet, findings: list[Finding]) -> SheetSums:
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
    deeper = {(m, p) for m, k in set(node_keys) for p in _prefixes(k)[:-1]}
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
        for p in _prefixes(code):
            slot = sums.setdefault((m, p), dict.fromkeys(amts, 0))
            for a in amts:
                slot[a] += group_sums[a][g]
    for i in stated:
        m, k, row = months[i], kode[i], int(rows[i])
        for a, said in values_at(i).items():
            computed = sums[m, k][a] if (m, k) in sums else 0
            if said is not None and said != computed:
                findings.append(Finding("subtotal-mismatch", {"level": codes.level_name(k), "column": COLUMN_LABELS[a],
                                                              "diff": _diff(said, computed)},
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
                    findings.append(Finding("total-mismatch", {"label": label.upper(), "column": COLUMN_LABELS[a],
                                                               "diff": _diff(said, computed)},
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
    return out


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
                findings.append(Finding("subtotal-mismatch", {"level": f"Rekening {account} pada Sub Kegiatan",
                                                              "column": COLUMN_LABELS[a], "diff": _diff(said, computed)},
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


def _pick_primary(sums: list[SheetSums]) -> SheetSums | None:
    dpa = [s for s in sums if s.bs.sheet.role == "dpa" and "pagu" in s.bs.amounts]
    if not dpa:
        return None
    return max(dpa, key=lambda s: (s.bs.has_rekening, len(s.leaves)))


def _name_key(s: str) -> str:
    return normalize(s).replace(" ", "")


def _uraian(primary: SheetSums, other: SheetSums, findings, done: set | None = None) -> None:
    """Same code, different name: a warning at the other sheet's uraian cell. Codes in `done` were
    already compared in a later month's sheet and are skipped."""
    sheet = other.bs.sheet
    done = set() if done is None else done
    for code, name in other.names.items():
        mine = primary.names.get(code)
        if code in done or not mine or not name:
            continue
        done.add(code)
        if _name_key(mine) != _name_key(name):
            findings.append(Finding("uraian-mismatch", {"other": primary.label}, **sheet.place(),
                                    cell=sheet.cell(other.rows[code], "uraian") if code in other.rows else None,
                                    kode=code, expected=mine, actual=name))


def _cell(s: SheetSums, code: str, column: str, month: int | None = None) -> str | None:
    row = s.month_rows.get((month, code)) or s.rows.get(code)
    return s.bs.sheet.cell(row, column) if row else None


def _compare_pagu(primary: SheetSums, pagu: dict, in_dpa: dict, s: SheetSums, findings) -> None:
    """Another DPA sheet (a rekap beside the rekening-level DPA) or a Renja, against the primary DPA,
    line by line at the other sheet's own level (a program-level rekap compares program totals).
    Renja differences are expected (it is a plan): warning and info, never error."""
    renja = s.bs.sheet.role == "renja"
    place = s.bs.sheet.place()
    for code in sorted(s.leaves, key=_code_key):
        mine = s.leaves[code].get("pagu", 0)
        if code in in_dpa:
            theirs = in_dpa[code]
        elif renja:
            findings.append(Finding("missing-in-dpa", {"doc": s.label}, **place, cell=_cell(s, code, "kode"),
                                    kode=code, severity="info"))
            continue
        else:
            # a zero-pagu sub kegiatan has no rekening lines, so the detailed DPA cannot list it
            theirs = pagu[code] = 0
            for p in _prefixes(code):
                in_dpa[p] += 0
        if mine != theirs:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": _diff(mine, theirs)}, **place,
                                    cell=_cell(s, code, "pagu"), kode=code, expected=theirs, actual=mine,
                                    severity="warning" if renja else None))
    if not renja:
        covered = {p for c in s.leaves for p in _prefixes(c)}
        for code in sorted(pagu, key=_code_key):
            if pagu[code] and not any(p in s.leaves for p in _prefixes(code)) and code not in covered:
                findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": pagu[code]}, **place,
                                        kode=code, expected=pagu[code], actual=0))


def reconcile_budget(v: Validated) -> tuple[Budget, list[Finding]]:
    findings: list[Finding] = []
    sums = [_sheet_sums(bs, findings) for bs in v.budgets]
    primary = _pick_primary(sums)
    pagu = {c: a["pagu"] for c, a in primary.leaves.items()} if primary else {}
    in_dpa = _under(pagu)
    for s in sums:
        if s is not primary and primary and s.bs.sheet.role != "realisasi" and "pagu" in s.bs.amounts:
            _compare_pagu(primary, pagu, in_dpa, s, findings)
            _uraian(primary, s, findings)
    dpa_sheets = sorted((s for s in sums if s.bs.sheet.role == "dpa"), key=lambda s: s is not primary)
    monthly, latest, origin, real_sheets = _monthly(sums, findings)
    realisasi = monthly.get(latest, {}) if latest is not None else {}
    if real_sheets and primary:
        _check_realisasi(primary, pagu, in_dpa, realisasi, origin.get(latest, {}), real_sheets, latest, findings)
    names: dict[str, str] = {}
    info: dict[str, dict] = {}
    for s in dpa_sheets + real_sheets[::-1]:
        for c, n in s.names.items():
            names.setdefault(c, n)
    for s in dpa_sheets:
        for c, i in s.info.items():
            info.setdefault(c, i)
    pagu_next = next(({c: a["pagu_next"] for c, a in s.leaves.items()} for s in dpa_sheets
                      if "pagu_next" in s.bs.amounts), {})
    all_codes = set(pagu) | set(realisasi) | set(pagu_next) | set(names)
    for c in list(all_codes):
        all_codes.update(a for a in codes.ancestors(c) if codes.level(a) >= 3)
    ordered = sorted((c for c in all_codes if codes.level(c) >= 3 and not codes.is_account(c)), key=_code_key)
    budget = Budget(tahun=v.tahun, codes=ordered, names=names, info=info, pagu=pagu, pagu_next=pagu_next,
                    realisasi=realisasi, monthly=monthly, latest_month=latest,
                    jenis=primary.jenis if primary else {}, primary=primary.label if primary else None,
                    has_realisasi=bool(real_sheets))
    return budget, findings


@lru_cache(maxsize=1 << 16)
def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else -1 for p in code.split("."))


def _monthly(sums: list[SheetSums], findings):
    """Month → sub → cumulative realisasi, from monthly files, title months or a Bulan column; also
    which sheet each figure came from, and the realisasi sheets from the earliest month to the latest.
    Two sheets of one month are merged code by code; a code in both is counted once, and a
    different figure for it is a finding."""
    per_month: dict[int, dict[str, object]] = {}
    origin: dict[int, dict[str, SheetSums]] = {}
    order: list[tuple[int, SheetSums]] = []
    real = [s for s in sums if s.bs.sheet.role == "realisasi"]
    for s in real:
        if not s.months and s.bs.month is None:
            findings.append(Finding("no-month", {}, **s.bs.sheet.place()))
    running = _running_totals(real)
    for s in real:
        months = s.months
        if not months:
            m = s.bs.month or 12
            months = {m: running.get(m, {}) if _monthly_only(s) else {c: a.get("realisasi", 0) for c, a in s.leaves.items()}}
        for m, vals in months.items():
            bucket, came = per_month.setdefault(m, {}), origin.setdefault(m, {})
            for code, value in vals.items():
                if code in bucket and bucket[code] != value:
                    findings.append(Finding("realisasi-mismatch", {"other": came[code].label, "month": MONTH_NAMES[m],
                                                                   "diff": _diff(value, bucket[code])},
                                            **s.bs.sheet.place(), cell=_cell(s, code, "realisasi", m), kode=code,
                                            expected=bucket[code], actual=value))
                elif code not in bucket:
                    bucket[code], came[code] = value, s
        order.append((max(months), s))
    months = sorted(per_month)
    for prev, cur in zip(months, months[1:]):
        for code, value in per_month[cur].items():
            before = per_month[prev].get(code)
            if before is not None and value < before:
                s = origin[cur][code]
                findings.append(Finding("realisasi-decreased", {"prev": MONTH_NAMES[prev], "month": MONTH_NAMES[cur],
                                                                "diff": before - value},
                                        **s.bs.sheet.place(), cell=_cell(s, code, "realisasi", cur), kode=code,
                                        expected=before, actual=value))
    latest = months[-1] if months else None
    sheets = [s for _, s in sorted(order, key=lambda x: x[0])]
    return per_month, latest, origin, sheets


def _monthly_only(s: SheetSums) -> bool:
    """A month's file that states only 'Realisasi Bulan Ini', not the cumulative figure."""
    return "realisasi" not in s.bs.amounts and "realisasi_bulan_ini" in s.bs.amounts


def _running_totals(real: list[SheetSums]) -> dict[int, dict[str, object]]:
    """Month → code → cumulative realisasi, adding up the monthly-only files month by month."""
    increments: dict[int, dict[str, object]] = defaultdict(lambda: defaultdict(int))
    for s in real:
        if not s.months and _monthly_only(s):
            for code, a in s.leaves.items():
                increments[s.bs.month or 12][code] += a.get("realisasi_bulan_ini") or 0
    out, total = {}, defaultdict(int)
    for m in sorted(increments):
        for code, v in increments[m].items():
            total[code] += v
        out[m] = dict(total)
    return out


def _check_realisasi(primary: SheetSums, pagu: dict, in_dpa: dict, realisasi: dict, origin: dict,
                     sheets: list[SheetSums], latest, findings):
    """Realisasi against the DPA. Codes and names are checked in every month's sheet (once per code,
    at the latest sheet that has it); amounts against pagu use the year-to-date (latest) figures,
    and the Anggaran column of the latest month only, since the DPA given is the final one."""
    missing, named = set(), set()
    for s in reversed(sheets):
        for code in sorted(set(s.leaves).union(*s.months.values()), key=_code_key):
            if code not in in_dpa and code not in missing:
                missing.add(code)
                findings.append(Finding("missing-in-dpa", {"doc": s.label}, **s.bs.sheet.place(),
                                        cell=_cell(s, code, "kode"), kode=code))
        _uraian(primary, s, findings, named)
    for code, value in realisasi.items():
        s = origin[code]
        limit = in_dpa.get(code)
        if limit is not None and value > limit:
            findings.append(Finding("over-budget", {"diff": value - limit}, **s.bs.sheet.place(),
                                    cell=_cell(s, code, "realisasi", latest), kode=code, expected=limit, actual=value))
        stated = s.leaves.get(code, {}).get("pagu") if "pagu" in s.bs.amounts else None
        if limit is not None and stated is not None and stated != limit:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": _diff(stated, limit)},
                                    **s.bs.sheet.place(), cell=_cell(s, code, "pagu", latest), kode=code,
                                    expected=limit, actual=stated))
    reported = {p for c in realisasi for p in _prefixes(c)}
    month = f" s.d. {MONTH_NAMES[latest]}" if latest else ""
    for code, p in pagu.items():
        if p and not any(x in realisasi for x in _prefixes(code)) and code not in reported:
            findings.append(Finding("missing-realisasi", {"month": month}, **primary.bs.sheet.place(),
                                    cell=_cell(primary, code, "kode"), kode=code, expected=p))
