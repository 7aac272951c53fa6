"""One budget sheet summed: its leaves (rekening lines, else the deepest codes) and every stated
subtotal and total checked against those leaves, never against other stated figures, so one wrong
cell is one finding. Money stays int/Decimal."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from lkjip_xl.check.lines import Accounts, LineGroups, Lines, Rows, Skipped, coded, prefixes, stated_and_lines
from lkjip_xl.check.model import BudgetSheet
from lkjip_xl.check.stated import check_account_sums, check_subtotals, check_totals, stand_ins
from lkjip_xl.findings import Finding
from lkjip_xl.read import codes
from lkjip_xl.read.arrays import factorize, groups as group_keys, table


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


def sheet_sums(bs: BudgetSheet) -> tuple[SheetSums, list[Finding]]:
    """One sheet: its leaves (rekening lines, else the deepest codes), and every stated subtotal and
    total checked against those leaves, never against other stated figures. A long sheet (a Bulan
    column, one block of rows per month) is checked month by month; its leaves are its latest month.
    The rekening lines, the bulk of a large sheet, are summed as arrays and grouped by the codes of
    their columns (bs.codes), never by hashing their text again; the rest row by row. A sum that an
    unknown cell enters is unknown: its check is skipped and said on that cell's finding."""
    r = Rows(bs)
    names, info, rows_of = _names(r)
    stated, line_at, findings = stated_and_lines(r)
    lines = LineGroups(r, line_at)
    skipped: Skipped = {}
    accounts = Accounts(bs)
    stand = stand_ins(r, lines, stated)
    f_acc, outer = check_account_sums(r, accounts, skipped) if len(r.rsum_at) else ([], {})
    f, flagged = check_subtotals(r, lines, stated, skipped, stand, outer)
    findings += f + f_acc
    findings += check_totals(r, lines, skipped, stand, flagged)
    if bs.unplaced:
        # a node whose code cannot be read is left out with its lines: the subtotals above it and the
        # sheet's totals miss its amount, which its bad-kode says (one mistake, one finding)
        above = {p for c in bs.unplaced for p in prefixes(c)}
        findings = [f for f in findings if f.code != "total-mismatch"
                    and not (f.code == "subtotal-mismatch" and f.kode in above)]
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


def _names(r: Rows) -> tuple[dict, dict, dict]:
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
            n_ids, n_values = coded(bs, column)
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


def _jenis(r: Rows, accounts: Accounts, last) -> dict[str, object]:
    """Pagu by jenis belanja (rekening sheets), of the latest month's lines."""
    rek_at = r.rek_at
    if not len(rek_at) or "pagu" not in r.amts:
        return {}
    latest = rek_at[r.m_ids[rek_at] == (r.month_values.index(last) if last in r.month_values else -1)]
    # jenis belanja of each account, then of each line, named in the order the lines first give them
    j_ids, j_names = factorize(table([codes.jenis_belanja(a) for a in accounts.values]))
    line_jenis = j_ids[accounts.of(latest)]
    first_j, group_j = group_keys(line_jenis)
    jsum = Lines(r.bs, latest).sums(group_j, len(first_j))["pagu"]
    return dict(zip([j_names[line_jenis[j]] for j in first_j], jsum))


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
