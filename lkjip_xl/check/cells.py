"""Cells → values: numbers, codes, months, polarity parsed exactly, column by column; every cell
that cannot be used becomes a finding at its A1 address and nothing is guessed."""
from __future__ import annotations

import re

import numpy as np
from pandas.api.types import infer_dtype

from lkjip_xl.check.model import Val, column_label
from lkjip_xl.findings import Finding
from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, factorize, groups, is_type, nones, table
from lkjip_xl.read.headers import normalize, text
from lkjip_xl.read.numbers import BadNumber, parse_amount, parse_indicator
from lkjip_xl.read.sheets import MONTHS, Sheet


class Cells:
    """Parses one sheet's cells and remembers what could not be parsed."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.findings: list[Finding] = []
        self.bad_rows: set[int] = set()      # rows whose code or month is unknown: not added up
        # amount column → {position of the row: the finding that says its value is unknown}; the sums
        # it enters are unknown too (CONTRACT §5, one mistake, one finding)
        self.unknown: dict[str, dict[int, Finding]] = {}

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
        levels = [self.sheet.kode_levels.get(c) for c in columns]
        padded = None
        for k, (column, value) in enumerate(zip(columns, values)):
            try:
                segment = None if account or type(value) is str else lost_zeros(value, levels[k], parts, levels)
                if segment is not None:
                    parts.append(segment)
                    padded = (column, value, segment)
                    continue
                parts.append(codes.clean(value, account=account))
            except codes.BadKode:
                self.findings.append(Finding("bad-kode", {"text": _as_typed(value)}, **self.sheet.place(),
                                             cell=self.sheet.cell(row, column), actual=_as_typed(value)))
                self.bad_rows.add(row)
                return None
        code = codes.join_parts(parts, levels)
        if padded:
            self.findings.append(zeros_finding(self, row, padded[0], padded[1], padded[2], code))
        return code

    def year(self, row: int, column: str, value, needed: bool) -> int | None:
        """A Tahun cell of a long indicator sheet: 2024, '2024', 'TA 2024'; a finding if unsure."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value == int(value) and 1990 <= value <= 2100:
                return int(value)
        years = set(re.findall(r"\b(?:19|20)\d\d\b", text(value)))
        if len(years) == 1:
            return int(years.pop())
        if needed or text(value):
            self.findings.append(Finding("bad-number", {"text": text(value), "column": column_label("tahun")}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, column), actual=text(value)))
        return None

    def polarity(self, row: int, value: str) -> bool:
        """Negative polarity? Blank means positive (the usual case); unknown text is said, then positive."""
        negative = polarity(value) if value else False
        if negative is None:
            self.findings.append(Finding("bad-polaritas", {"text": value}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, "polaritas"), actual=value))
        return bool(negative)

    def _bad(self, row, column, value):
        self.findings.append(bad_number(self, row, column, value))


def month(value) -> int | None:
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


# column helpers ------------------------------------------------------------------------------------


def texts(values: np.ndarray, known: tuple | None = None) -> tuple[np.ndarray, tuple]:
    """text() of every value, each distinct value once; also (code of each row, distinct texts)."""
    if not len(values):
        return nones(0), (np.zeros(0, dtype=np.int64), [])
    found, uniques = known if known is not None else factorize(values)
    said = [text(v) for v in uniques]
    return table(said)[found], distinct(found, said)


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# a code that codes.clean gives back as it is: ASCII letters, digits and inner dots, a digit first
# (no blank, apostrophe, outer dot or x.xx to tidy); most codes are, and the regular expressions of
# codes.clean cost more than the rest of reading a code
_PLAIN = re.compile(r"[0-9](?:[0-9A-Za-z.]*[0-9A-Za-z])?")


# the digits of the one segment a column headed 'Kode Bidang', 'Kode Program' or 'Kode Sub Kegiatan'
# holds on its own (7.01.01.2.01.0001): a fixed width, so a number that lost its leading zeros there
# (0001 typed or exported as 1) can be read back without guessing
_WIDTH = {2: 2, 3: 2, 6: 4}


def lost_zeros(value, level: int | None, parts: list, levels: list) -> str | None:
    """The segment a number stands for in a one-segment code column of fixed width, zeros put back
    ('Kode Sub Kegiatan' 1 → '0001'), when the parts before it make exactly the code one level up
    (7.01.01.2.02); else None (the number is read as before, and a code that is not a code is said).
    Raises codes.BadKode for a number there that no segment can be (0, 12345, 1.5): the cell to fix."""
    if level not in _WIDTH or isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        return None
    before = codes.join_parts(parts, levels[:len(parts)])
    if before is None or codes.level(before) != (5 if level == 6 else level - 1):
        return None
    if value != int(value) or not 0 < int(value) < 10 ** _WIDTH[level]:
        raise codes.BadKode(str(value))
    return str(int(value)).zfill(_WIDTH[level])


def _as_typed(value) -> str:
    """A code cell as the officer typed it: 12345, not the 12345.0 a reader may give for a number."""
    if isinstance(value, (float, np.floating)) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value))
    return text(value)


def zeros_finding(cells: "Cells", row: int, column: str, value, segment: str, kode: str | None) -> Finding:
    """A warning at the cell whose number lost its leading zeros: read as `segment`, to be typed as text."""
    typed = str(int(value))                 # 1, not the 1.0 a reader may give for it
    return Finding("bad-kode", {"text": typed, "variant": "zeros", "segment": segment,
                                "segment_width": len(segment), "kode": kode},
                   **cells.sheet.place(), cell=cells.sheet.cell(row, column), kode=kode, expected=segment,
                   actual=typed, severity="warning")


def _clean(value, account: bool) -> str | None:
    """codes.clean(value, account=account), quicker for a code that is already clean."""
    if type(value) is str and _PLAIN.fullmatch(value):
        return value
    return codes.clean(value, account=account)


def kodes(cells: Cells, rows: np.ndarray, columns: list[str], arrays: list[np.ndarray], known: list | None = None,
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
    results, bad, zeros = [], {}, {}
    levels = [cells.sheet.kode_levels.get(c) for c in columns]     # 'Kode Program' holds level 3 …
    for g, sample in enumerate(samples):
        parts = []
        for k, v in enumerate(sample):
            try:
                segment = None if account or type(v) is str else lost_zeros(v, levels[k], parts, levels)
                if segment is not None:
                    parts.append(segment)
                    zeros[g] = (k, segment)
                    continue
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
            results.append(codes.join_parts(parts, levels))
    if bad:
        wrong = np.fromiter(bad, dtype=np.int64, count=len(bad))
        for pos in np.flatnonzero(np.isin(inverse, wrong)):
            k = bad[inverse[pos]]
            row, value = int(rows[pos]), arrays[k][pos]
            shown = _as_typed(value)
            cells.findings.append(Finding("bad-kode", {"text": shown}, **cells.sheet.place(),
                                          cell=cells.sheet.cell(row, columns[k]), actual=shown))
            cells.bad_rows.add(row)
    if zeros:
        padded = np.fromiter(zeros, dtype=np.int64, count=len(zeros))
        for pos in np.flatnonzero(np.isin(inverse, padded)):
            k, segment = zeros[inverse[pos]]
            cells.findings.append(zeros_finding(cells, int(rows[pos]), columns[k], arrays[k][pos], segment,
                                                results[inverse[pos]]))
    return table(results)[inverse], inverse, results


def _unknown_cells(cells: Cells, rows: np.ndarray, column: str) -> dict[int, Finding]:
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


def amounts(cells: Cells, rows: np.ndarray, column: str, values: np.ndarray):
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
            if blank(v):
                parsed.append((None, None))
                continue
            try:
                parsed.append((parse_amount(v), None))
            except BadNumber:
                parsed.append((None, v))
        for pos, g in zip(others, codes_):
            value, bad = parsed[g]
            if bad is not None:
                found[int(pos)] = bad_number(cells, int(rows[pos]), column, bad)
            elif value is not None:
                out[pos] = value
    for pos in rest:
        try:
            out[pos] = parse_amount(values[pos])
        except BadNumber:
            found[int(pos)] = bad_number(cells, int(rows[pos]), column, values[pos])
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
    if found:
        cells.unknown[column] = {p: found[p] for p in sorted(found)}
    return out, ((ints, present) if exact else None)


def bad_number(cells: Cells, row: int, column: str, value) -> Finding:
    label = column_label(column)
    return Finding("bad-number", {"text": text(value), "column": label}, **cells.sheet.place(),
                   cell=cells.sheet.cell(row, column), actual=text(value))


def months(cells: Cells, rows: np.ndarray, values: np.ndarray,
            known: tuple | None = None) -> tuple[np.ndarray, tuple]:
    """The Bulan column as month numbers; an unreadable month is a bad-month finding. Also (code of
    each row, distinct month numbers)."""
    found, uniques = known if known is not None else factorize(values)
    months = [None if blank(v) else month(v) for v in uniques]
    bad = [g for g, (v, m) in enumerate(zip(uniques, months)) if m is None and not blank(v)]
    if bad:
        for pos in np.flatnonzero(np.isin(found, bad)):
            value, row = values[pos], int(rows[pos])
            cells.findings.append(Finding("bad-month", {"text": text(value)}, **cells.sheet.place(),
                                          cell=cells.sheet.cell(row, "bulan"), actual=text(value)))
            cells.bad_rows.add(row)
    if not len(values):
        return nones(0), (np.zeros(0, dtype=np.int64), [])
    return table(months)[found], distinct(found, months)


_NEGATIVE = ("neg", "semakin rendah", "makin rendah", "menurun", "turun", "minimal", "minimum", "min", "rendah")
_POSITIVE = ("pos", "semakin tinggi", "makin tinggi", "meningkat", "naik", "maksimal", "maksimum", "max", "tinggi")


def polarity(value) -> bool | None:
    """True for negative polarity, False for positive, None when the text says neither."""
    norm = normalize(value)
    if norm.startswith(_NEGATIVE):
        return True
    if norm.startswith(_POSITIVE) or text(value) == "+":
        return False
    return None


def kumulatif(value) -> bool:
    return normalize(value).startswith("kumulatif")
