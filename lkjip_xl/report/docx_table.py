"""One layout.Table → one Word table: widths on the grid and on every cell (Word keeps them),
header rows that repeat on each page, merged header and data cells, Indonesian number text and
cell shading. The figures are the workbook's cached values (Word has no formulas to recalculate).
"""
from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

from lkjip_xl.report import docx_style as st
from lkjip_xl.report.layout import Formula, Link, Table
from lkjip_xl.report.terbilang import format_angka

PAD_CM = 0.45             # Word's default cell margins (0.19 cm each side) and the border
_RIGHT = ("money", "num", "pct", "int")
_STYLE_FILL = {"program": st.PROGRAM_FILL, "total": st.HEADER_FILL}


# numbers as Indonesian text -------------------------------------------------------------------
def text(value: Any, fmt: str) -> str:
    """A cell's value as the report prints it: 19.422.400.000, 94,21, 95 (never 95,00)."""
    if isinstance(value, Formula):
        value = value.value
    if isinstance(value, Link):
        return value.text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "-"
        value = Decimal(repr(value))
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
        if number == number.to_integral_value():
            return format_angka(int(number))
        if fmt == "money":
            return format_angka(number, 2)
        places = max(2, -number.normalize().as_tuple().exponent)     # 89,50 and 94,21; 0,125 kept whole
        return format_angka(number, min(places, 6))
    return str(value)


# widths -------------------------------------------------------------------------------------
def _cm(word: str, bold: bool) -> float:
    """Printed width of a word in 9-point Arial: capitals ~0.72 em, small letters and digits ~0.55,
    narrow marks ~0.3 (1 em = 0.3175 cm); bold ~8 % wider; 5 % to spare."""
    em = sum(0.72 if ch.isupper() or ch in "%mwMW@" else 0.3 if ch in ".,:;il1|!'()/-– " else 0.56 for ch in word)
    return em * 0.3175 * (1.08 if bold else 1.0) * 1.05


def _widest(s: str, bold: bool) -> float:
    return max((_cm(w, bold) for w in s.split()), default=0.0)


def minimum_cm(table: Table) -> list[float]:
    """The narrowest each column may be without breaking a word or a number across lines."""
    mins = []
    for c, col in enumerate(table.columns):
        need = _widest(col.header, True)
        for i, row in enumerate(table.rows):
            shown = text(row[c], table.fmts.get((i, col.key), col.fmt))
            bold = (table.styles[i] if i < len(table.styles) else "") in ("program", "kegiatan", "total", "bold")
            need = max(need, _widest(shown, bold) if col.fmt == "wrap" else _cm(shown[:40], bold))
        mins.append(min(need, 8.0) + PAD_CM)
    for label, first, last in table.groups:      # a group label over too narrow columns widens them
        c0, c1 = table.col(first), table.col(last)
        short = _widest(label, True) + PAD_CM - sum(mins[c0:c1 + 1])
        for c in range(c0, c1 + 1):
            mins[c] += max(short, 0) / (c1 - c0 + 1)
    return mins


def fit_widths(table: Table, avail_cm: float) -> list[float] | None:
    """Column widths (cm) filling avail_cm in proportion to the workbook's widths, every column at
    least its minimum; None when the minimums alone are wider than avail_cm."""
    mins = minimum_cm(table)
    if sum(mins) > avail_cm:
        return None
    pref = [c.width for c in table.columns]
    fixed: set[int] = set()
    while True:
        free = avail_cm - sum(mins[c] for c in fixed)
        weight = sum(pref[c] for c in range(len(pref)) if c not in fixed)
        widths = [mins[c] if c in fixed else free * pref[c] / weight for c in range(len(pref))]
        short = {c for c in range(len(pref)) if c not in fixed and widths[c] < mins[c]}
        if not short:
            return widths
        fixed |= short


# xml helpers ----------------------------------------------------------------------------------
def _set(parent, tag: str, **attrs):
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


def _shade(tc, fill: str) -> None:
    tcPr = tc.get_or_add_tcPr()
    _set(tcPr, "w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill.lstrip("#").upper()})


def _tc_widths(tbl, widths_twips: list[int]) -> None:
    """tcW on every cell from its grid position and span, after the merges."""
    for tr in tbl.tr_lst:
        pos = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Emu(sum(widths_twips[pos:pos + span]) * 635)
            pos += span


# the table ------------------------------------------------------------------------------------
def add_table(doc: DocxDocument, table: Table, widths_cm: list[float]) -> None:
    n = len(table.columns)
    head_rows = table.header_height + (1 if table.col_numbers else 0)
    t = doc.add_table(rows=head_rows + len(table.rows), cols=n)
    t.style = doc.styles[st.TABLE]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False                                    # fixed layout: Word keeps the widths below
    twips = [round(Cm(w).emu / 635) for w in widths_cm]
    twips[-1] -= sum(twips) - round(Cm(sum(widths_cm)).emu / 635)   # rounding never widens the table
    tbl = t._tbl
    for gc, w in zip(tbl.tblGrid.gridCol_lst, twips):
        gc.w = Emu(w * 635)
    _set(tbl.tblPr, "w:tblW", **{"w:w": str(sum(twips)), "w:type": "dxa"})
    rows = [r.cells for r in t.rows]                     # once: Table.cell() walks the whole table each call

    def put(r: int, c: int, value: str, style: str, *, align=None, bold=False, fill=None, indent=False):
        cell = rows[r][c]
        p = cell.paragraphs[0]
        p.style = doc.styles[style]
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.left_indent = Cm(0.3)
        if value:
            run = p.add_run(value)
            if bold:
                run.bold = True
        if fill:
            _shade(cell._tc, fill)

    # header: group labels over their columns, other headers spanning both rows
    grouped = {c for _, a, b in table.groups for c in range(table.col(a), table.col(b) + 1)}
    lower = 1 if table.groups else 0
    for c, col in enumerate(table.columns):
        put(lower if c in grouped else 0, c, col.header, st.HEAD, fill=st.HEADER_FILL)
        if lower and c not in grouped:
            _shade(rows[1][c]._tc, st.HEADER_FILL)
    for label, a, _ in table.groups:
        put(0, table.col(a), label, st.HEAD, fill=st.HEADER_FILL)
    if table.col_numbers:
        for c, number in enumerate(table.col_numbers):
            put(head_rows - 1, c, number, st.HEAD, fill=st.HEADER_FILL)
    # data
    spanned = {(i, c) for i0, k0, i1, k1 in table.merges for i in range(i0, i1 + 1)
               for c in range(table.col(k0), table.col(k1) + 1) if (i, c) != (i0, table.col(k0))}
    indent_col = next((c for c, col in enumerate(table.columns) if col.fmt == "wrap"), None)
    for i, row in enumerate(table.rows):
        style = table.styles[i] if i < len(table.styles) else ""
        for c, value in enumerate(row):
            if (i, c) in spanned:
                continue
            col = table.columns[c]
            fmt = table.fmts.get((i, col.key), col.fmt)
            align = (WD_ALIGN_PARAGRAPH.RIGHT if fmt in _RIGHT else
                     WD_ALIGN_PARAGRAPH.CENTER if fmt == "center" else None)
            put(head_rows + i, c, text(value, fmt), st.CELL, align=align, bold=style in ("program", "kegiatan", "total", "bold"),
                fill=table.fills.get((i, col.key)) or _STYLE_FILL.get(style), indent=style == "sub" and c == indent_col)
    # merges last: python-docx moves any content into the first cell, and ours are empty
    for label, a, b in table.groups:
        rows[0][table.col(a)].merge(rows[0][table.col(b)])
    if lower:
        for c in range(n):
            if c not in grouped:
                rows[0][c].merge(rows[1][c])
    for i0, k0, i1, k1 in table.merges:
        if (i0, k0) != (i1, k1):
            rows[head_rows + i0][table.col(k0)].merge(rows[head_rows + i1][table.col(k1)])
    _tc_widths(tbl, twips)
    for n, tr in enumerate(tbl.tr_lst):
        # no row split across pages (a program's name would continue on the next page without its header)
        _set(tr.get_or_add_trPr(), "w:cantSplit")
        if n < head_rows:
            _set(tr.get_or_add_trPr(), "w:tblHeader")
