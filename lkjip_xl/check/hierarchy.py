"""Which budget row is what: program…sub kegiatan node, rekening line, stated account subtotal,
total, or nothing; and the sub kegiatan each line belongs to."""
from __future__ import annotations

import numpy as np
import pandas as pd

from lkjip_xl.check.model import AMOUNTS, column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, per_value_bool, table
from lkjip_xl.read.sheets import Sheet


KINDS = ("", "rek", "node", "total", "rek_sum")    # the kinds of row, as numbered in BudgetSheet.codes["kind"]


def _words(v) -> str:
    """A cell's text for a message: an empty cell (None, or pandas' NaN) is no text, never 'nan'."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v).strip()


def classify(df: pd.DataFrame, bad_rows: set, sheet: Sheet, findings: list[Finding], coded: dict,
             unplaced: set = frozenset()):
    """Each row: 'node' (program…sub kegiatan), 'rek' (rekening line), 'rek_sum' (an account above other
    accounts of its sub kegiatan: 5, 5.1, 5.1.02 … as SIPD prints them, a stated subtotal, not a line),
    'total', or '' (ignored). Rekening lines without a code of their own belong to the sub kegiatan
    above them. Works on the codes of the kode columns (`coded`), to which the codes of 'kind' and
    'sub' are added: on a large sheet no column of text is hashed again. `unplaced`: rows of
    `bad_rows` whose own code cannot be read; the lines under such a node are its own, so they are
    left out with it rather than given to the sub kegiatan above it."""
    n = len(df)
    rows = df.index.to_numpy()
    kodes = df["kode"].to_numpy(dtype=object)
    bad = np.isin(rows, np.fromiter(bad_rows, dtype=np.int64, count=len(bad_rows))) if bad_rows else np.zeros(n, bool)
    k_found, k_uniques = coded["kode"]
    spread = lambda fn: np.array([bool(fn(k)) for k in k_uniques], dtype=bool)[k_found] if n else np.zeros(0, bool)
    has_kode = spread(bool)
    # a code in the Kode column that is an account (5.1.02…) makes the row a rekening line; so does a
    # bare 4/5/6 heading the accounts (5 BELANJA DAERAH), when the next code is one of them
    account = spread(lambda k: k and (codes.is_account(k) or k == codes.UNKNOWN_ACCOUNT))
    roots = np.flatnonzero(spread(lambda k: k in codes.ACCOUNT_ROOTS))
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
    barrier = (np.isin(rows, np.fromiter(unplaced, dtype=np.int64, count=len(unplaced))) & ~has_rek) if unplaced \
        else np.zeros(n, bool)
    # the sub kegiatan above each row: the code of the nearest level-6 node at or above it, unless a
    # node whose code cannot be read stands between them: its lines are then its own, left out with it
    last6 = np.maximum.accumulate(np.where(node6 | barrier, np.arange(n), -1)) if n else np.zeros(0, dtype=np.int64)
    under = (last6 >= 0) & barrier[np.maximum(last6, 0)] if n else np.zeros(0, bool)
    bad = bad | (under & has_rek & ~has_kode)
    last6 = np.where(under, -1, last6)
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
            label = _words(df["uraian"].iat[i]) or _words(totals[i])
            a, v = next((a, v) for a in amount_cols if (v := df[a].iat[i]))
            findings.append(Finding("row-without-kode", {"text": label or Text("no-uraian"), "column": column_label(a)},
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
