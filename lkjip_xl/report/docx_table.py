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
from lxml.etree import SubElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

from lkjip_xl.report import docx_style as st
from lkjip_xl.report.layout import Formula, Link, Table
from lkjip_xl.report.terbilang import format_angka

PAD_CM = 0.45             # Word's default cell margins (0.19 cm each side) and the border
_ALIGN = {"money": "right", "num": "right", "pct": "right", "int": "right", "center": "center"}
INDENT_TWIPS = 170        # 0.3 cm: a sub kegiatan under its kegiatan
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


# xml -----------------------------------------------------------------------------------------
# Rows are built as XML directly: python-docx's cell API inserts each child in schema order and
# looks styles up by name, about 1 ms a cell — a kabupaten's Tabel 2.3 would take minutes.
def _el(parent, tag: str, **attrs):
    el = SubElement(parent, qn(tag))
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


def _tc(tr, width: int, text_: str, style_id: str, *, span: int = 1, vmerge: str | None = None, fill: str | None = None,
        align: str | None = None, bold: bool = False, indent: bool = False, middle: bool = False) -> None:
    """One w:tc, children in the schema's order (tcW, gridSpan, vMerge, shd, vAlign; pStyle, ind, jc; b)."""
    tc = _el(tr, "w:tc")
    tcPr = _el(tc, "w:tcPr")
    _el(tcPr, "w:tcW", **{"w:w": str(width), "w:type": "dxa"})
    if span > 1:
        _el(tcPr, "w:gridSpan", **{"w:val": str(span)})
    if vmerge:
        _el(tcPr, "w:vMerge", **{"w:val": vmerge})
    if fill:
        _el(tcPr, "w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill.lstrip("#").upper()})
    if middle:
        _el(tcPr, "w:vAlign", **{"w:val": "center"})
    p = _el(tc, "w:p")
    pPr = _el(p, "w:pPr")
    _el(pPr, "w:pStyle", **{"w:val": style_id})
    if indent:
        _el(pPr, "w:ind", **{"w:left": str(INDENT_TWIPS)})
    if align:
        _el(pPr, "w:jc", **{"w:val": align})
    if text_:
        r = _el(p, "w:r")
        if bold:
            _el(_el(r, "w:rPr"), "w:b")
        t = _el(r, "w:t")
        t.text = text_
        if text_ != text_.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _tr(tbl, header: bool):
    """A row that never splits across pages (a name would continue without its header); header rows
    repeat on each page (w:tblHeader; python-docx has no API for it)."""
    tr = _el(tbl, "w:tr")
    trPr = _el(tr, "w:trPr")
    _el(trPr, "w:cantSplit")
    if header:
        _el(trPr, "w:tblHeader")
    return tr


# the table ------------------------------------------------------------------------------------
def add_table(doc: DocxDocument, table: Table, widths_cm: list[float]) -> None:
    n = len(table.columns)
    t = doc.add_table(rows=0, cols=n)
    t.style = doc.styles[st.TABLE]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False                                    # fixed layout: Word keeps the widths below
    twips = [round(Cm(w).emu / 635) for w in widths_cm]
    twips[-1] -= sum(twips) - round(Cm(sum(widths_cm)).emu / 635)   # rounding never widens the table
    tbl = t._tbl
    for gc, w in zip(tbl.tblGrid.gridCol_lst, twips):
        gc.w = Emu(w * 635)
    tblW = tbl.tblPr.find(qn("w:tblW"))
    tblW.set(qn("w:w"), str(sum(twips)))
    tblW.set(qn("w:type"), "dxa")
    head, cell = doc.styles[st.HEAD].style_id, doc.styles[st.CELL].style_id
    width = lambda c0, c1: sum(twips[c0:c1 + 1])

    # header: a group label over its columns; the other headers span both rows
    first_of = {table.col(a): (label, table.col(b)) for label, a, b in table.groups}
    grouped = {c for _, c0, c1 in ((lbl, table.col(a), table.col(b)) for lbl, a, b in table.groups)
               for c in range(c0, c1 + 1)}
    two = bool(table.groups)
    tr = _tr(tbl, True)
    for c, col in enumerate(table.columns):
        if c in first_of:
            label, last = first_of[c]
            _tc(tr, width(c, last), label, head, span=last - c + 1, fill=st.HEADER_FILL, align="center", middle=True)
        elif c not in grouped:
            _tc(tr, twips[c], col.header, head, vmerge="restart" if two else None, fill=st.HEADER_FILL, align="center", middle=True)
    if two:
        tr = _tr(tbl, True)
        for c, col in enumerate(table.columns):
            _tc(tr, twips[c], col.header if c in grouped else "", head, vmerge=None if c in grouped else "continue",
                fill=st.HEADER_FILL, align="center", middle=True)
    if table.col_numbers:
        tr = _tr(tbl, True)
        for c, number in enumerate(table.col_numbers):
            _tc(tr, twips[c], number, head, fill=st.HEADER_FILL, align="center", middle=True)

    # data: a merge is a span across its columns, restarted in its first row and continued below
    starts, covered = {}, {}
    for i0, k0, i1, k1 in table.merges:
        c0, c1 = table.col(k0), table.col(k1)
        starts[(i0, c0)] = (c1, "restart" if i1 > i0 else None)
        for i in range(i0 + 1, i1 + 1):
            covered[(i, c0)] = c1
        for i in range(i0, i1 + 1):
            for c in range(c0 + 1, c1 + 1):
                covered[(i, c)] = None                   # inside the span: no cell of its own
    indent_col = next((c for c, col in enumerate(table.columns) if col.fmt == "wrap"), None)
    for i, row in enumerate(table.rows):
        style = table.styles[i] if i < len(table.styles) else ""
        bold = style in ("program", "kegiatan", "total", "bold")
        tr = _tr(tbl, False)
        for c, value in enumerate(row):
            col = table.columns[c]
            fill = table.fills.get((i, col.key)) or _STYLE_FILL.get(style)
            if (i, c) in covered:
                last = covered[(i, c)]
                if last is not None:
                    _tc(tr, width(c, last), "", cell, span=last - c + 1, vmerge="continue", fill=fill)
                continue
            last, vmerge = starts.get((i, c), (c, None))
            fmt = table.fmts.get((i, col.key), col.fmt)
            _tc(tr, width(c, last), text(value, fmt), cell, span=last - c + 1, vmerge=vmerge, fill=fill,
                align=_ALIGN.get(fmt), bold=bold, indent=style == "sub" and c == indent_col)
