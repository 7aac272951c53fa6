"""Every stated figure of a budget sheet checked against the lines beneath it: program/kegiatan/sub
kegiatan subtotals, SIPD account subtotals, JUMLAH totals. A sum an unknown cell enters is skipped and
said on that cell's finding."""
from __future__ import annotations

from bisect import bisect_left

import numpy as np
import pandas as pd

from lkjip_xl.check.lines import Accounts, LineGroups, Lines, Rows, Skipped, diff, prefixes, skip
from lkjip_xl.check.model import column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes


def stand_ins(r: Rows, lines: LineGroups, stated: list) -> dict[str, dict[tuple, tuple]]:
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


def check_subtotals(r: Rows, lines: LineGroups, stated: list, skipped: Skipped,
                     stand: dict, accounts: dict | None = None) -> tuple[list[Finding], dict]:
    """Each stated program/kegiatan/sub kegiatan amount against the sum of the lines under it (and
    of the rows standing in for absent detail). One wrong figure is told once: a node that agrees
    with the stated nodes below it that disagree with their lines is not told again (a wrong line,
    or a wrong stand-in, is told at the nearest stated node above it, not at each node up to the
    program). Returns the findings and, per amount, the outermost such disagreeing nodes
    ((month, code) → (row, stated − lines)). `accounts`: what check_account_sums found the outermost
    disagreeing account rows of each (month, sub kegiatan) to state beyond their lines."""
    findings = []
    flagged: dict[str, dict[tuple, tuple]] = {a: {} for a in r.amts}
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
    for a, leaf in stand.items():
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
            inner = [key for key in flagged[a] if key[0] == m and key[1].startswith(k + ".")]
            agreed = computed + sum((flagged[a].pop(key)[1] for key in inner), 0) + \
                (accounts or {}).get(a, {}).get((m, k), 0)
            flagged[a][m, k] = (int(r.rows[i]), said - computed)
            if said != agreed:
                told.append((order, i, a, Finding("subtotal-mismatch", {"level": Text(codes.level_fragment(k)),
                                                                        "column": column_label(a),
                                                                        "diff": diff(said, computed)},
                                                  **r.place, cell=r.cell(i, a), kode=k, expected=computed, actual=said)))
    # an anggaran kas row's Jumlah that disagrees by just what its own months do (it adds them up, as a
    # formula does): the months were told, not the Jumlah
    by_row: dict = {}
    for _, i, a, f in told:
        by_row.setdefault(i, {})[a] = f
    follows = set()
    for row in by_row.values():
        total = row.pop("kas_total", None)
        if total is not None and row and sum((g.actual - g.expected for g in row.values()), 0) == total.actual - total.expected:
            follows.add(id(total))
    findings += [f for _, _, _, f in sorted(told, key=lambda t: t[0]) if id(f) not in follows]
    return findings, flagged


def check_totals(r: Rows, lines: LineGroups, skipped: Skipped, stand: dict, flagged: dict) -> list[Finding]:
    """Stated totals: the last covers every line; earlier ones cover the lines since the previous
    one. In a sheet of several months with a JUMLAH after each month, the last closes its month only.
    Rows standing in for absent detail count as lines; a total that agrees with the outermost stated
    nodes that disagree with their lines is not told again (they were: one wrong line, one finding)."""
    findings = []
    if not len(r.total_at):
        return findings
    rows, line_at = r.rows, lines.line_at
    per_month_totals = len(r.total_at) > 1 and len([m for m in lines.m_uniques if m is not None]) > 1
    order = np.argsort(rows[line_at], kind="stable")
    line_rows = rows[line_at][order]
    running = {a: Lines(r.bs, line_at[order]).cumulative(a) for a in r.amts}
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
            inside = (lambda x: True) if whole else (lambda x: prev < x < row)
            if a in stand:
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


def check_account_sums(r: Rows, accounts: Accounts, skipped: Skipped) -> tuple[list[Finding], dict]:
    """SIPD's account rows (5, 5.1, 5.1.02 … above the accounts of a sub kegiatan) against the
    rekening lines of that sub kegiatan (and month) under them. A wrong line is told once, at the
    deepest account row over it: an account row that agrees with the disagreeing account rows below
    it is not told again. Returns the findings and, per amount, (month, sub kegiatan) → what the
    outermost disagreeing account rows state beyond their lines, for check_subtotals."""
    findings = []
    bs, df = r.bs, r.df
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
        part = Lines(bs, rek_at[hit]).sums(inverse.reshape(-1), len(k_uniques))
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
    # a line whose account cannot be read may belong under any account row of its sub kegiatan (and month)
    if bs.unknown_account:
        at = {p: j for j, p in enumerate(rek_at.tolist())}
        for pos, root in bs.unknown_account.items():
            if pos in at and root is not None:
                ms = int(rek_ms[at[pos]])
                for k in wanted_set[wanted_set // width == ms].tolist():
                    for a in r.amts:
                        unknown.setdefault(a, {}).setdefault(k, []).append(root)
    flagged: dict[str, dict[tuple, dict[str, object]]] = {a: {} for a in r.amts}
    told = []
    # deepest account first, so that each knows the disagreeing account rows below it; told in row order
    for j, i in sorted(enumerate(rsum_at), key=lambda e: -acc_values[sum_acc[e[0]]].count(".")):
        k = int(wanted[j])
        account, s = acc_values[sum_acc[j]], sub[i]
        group = (r.months[i], s)
        for a in r.amts:
            said = df[a].iat[i]
            if said is None:
                continue
            roots = unknown.get(a, {}).get(k)
            if roots:
                skip(skipped, roots, Text("skip-subtotal", kode=f"{account} / {s}", cell=r.cell(i, a)))
                continue
            computed = totals[a].get(k, 0)
            if said == computed:
                continue
            mine = flagged[a].setdefault(group, {})
            inner = [x for x in mine if x.startswith(account + ".")]
            agreed = computed + sum((mine.pop(x) for x in inner), 0)
            mine[account] = said - computed
            if said != agreed:
                told.append((j, Finding("subtotal-mismatch", {"level": Text("level-account", account=account),
                                                              "column": column_label(a), "diff": diff(said, computed)},
                                        **r.place, cell=r.cell(i, a), kode=s, expected=computed, actual=said)))
    findings += [f for _, f in sorted(told, key=lambda t: t[0])]
    outer = {a: {g: sum(d.values(), 0) for g, d in per.items() if d} for a, per in flagged.items()}
    return findings, outer
