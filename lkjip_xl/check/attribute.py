"""One wrong sub kegiatan pagu, one finding, across documents.

A sub kegiatan pagu typed wrong in the DPA makes the stated subtotal above it disagree with its lines
(one subtotal-mismatch, at the nearest stated node: check/stated.py), and every other document that
agrees with that subtotal disagrees with the line (pagu-mismatch in the realisasi's Anggaran column,
kas-mismatch in the anggaran kas). When the other documents' figures for exactly one sub kegiatan
under that node make up the node's whole difference, that sub kegiatan's cell is the mistake: the
subtotal-mismatch is said there (variant "line", naming the node and the documents that agree with
it), and the mismatches it explains are not said again. Likewise a wrong rekening line under a sub
kegiatan whose stated pagu the other documents agree with: the sub kegiatan's subtotal-mismatch is
the one finding. The figures stay the DPA's lines, as typed.
"""
from __future__ import annotations

from dataclasses import replace

from lkjip_xl.check.model import column_label
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes
from lkjip_xl.xlsx.cells import a1, parse_a1

_ACROSS = ("pagu-mismatch", "kas-mismatch")


def one_wrong_line(findings: list[Finding], primary: str | None, cells: dict[str, str]) -> list[Finding]:
    """`primary`: the DPA sheet the pagu comes from ("file › sheet"); `cells`: sub code → its pagu
    cell there. Returns the findings with each such group told once."""
    nodes = [f for f in findings if f.code == "subtotal-mismatch" and primary and f.kode
             and f"{f.file} › {f.sheet}" == primary and codes.level(f.kode) <= 6 and f.actual is not None]
    across: dict[str, list[Finding]] = {}
    for f in findings:
        if f.code in _ACROSS and f.kode and f.severity == "error" and f.actual is not None and f.expected is not None:
            across.setdefault(f.kode, []).append(f)
    moved: dict[int, Finding] = {}
    explained: set[int] = set()
    for node in nodes:
        missing = node.actual - node.expected          # what the lines give beyond (−) the stated node
        if codes.level(node.kode) == 6:
            # a sub kegiatan whose rekening lines disagree with its stated pagu, where the other
            # documents agree with the stated pagu: a line is wrong, told at the sub kegiatan
            same = across.get(node.kode, [])
            if same and all(f.actual - f.expected == missing for f in same):
                explained |= {id(f) for f in same}
            continue
        lines = [c for c, fs in across.items() if c.startswith(node.kode + ".") and c in cells
                 and all(f.actual - f.expected == missing for f in fs)]
        if len(lines) != 1:
            continue
        line = lines[0]
        said = across[line]
        typed = said[0].expected
        others = sorted({f"{f.file} › {f.sheet}" for f in said})
        moved[id(node)] = replace(node, cell=cells[line], kode=line, expected=typed + missing, actual=typed,
                                  params={**node.params, "variant": "line", "node": node.kode,
                                          "node_level": Text(codes.level_fragment(node.kode)),
                                          "node_cell": node.cell, "others": ", ".join(others)})
        explained |= {id(f) for f in said}
    return [moved.get(id(f), f) for f in findings if id(f) not in explained]


def wrong_month(findings: list[Finding]) -> list[Finding]:
    """An anggaran kas row whose months add up to more or less than its Jumlah, where the Jumlah is
    the DPA's pagu: a month is wrong, not the Jumlah. The row's total-mismatch says so (variant
    "months"), and the kas-mismatch that only follows from the months (their sum against the pagu)
    is not said again."""
    jumlah = column_label("kas_total")
    rows = {f.kode: f for f in findings if f.code == "total-mismatch" and f.kode and f.params.get("column") == jumlah
            and f.actual is not None and f.expected is not None}
    moved: dict[int, Finding] = {}
    explained: set[int] = set()
    for f in findings:
        row = rows.get(f.kode) if f.code == "kas-mismatch" else None
        if row is None or f.actual is None or f.expected is None or row.actual != f.expected \
                or f.actual - f.expected != row.expected - row.actual:
            continue
        explained.add(id(f))
        moved[id(row)] = replace(row, params={**row.params, "variant": "months"})
        # the month's own subtotal above the row disagrees by as much: that month of this row is the cell
        above = [g for g in findings if g.code == "subtotal-mismatch" and (g.file, g.sheet) == (row.file, row.sheet)
                 and g.kode and row.kode.startswith(g.kode + ".") and g.actual is not None and g.expected is not None
                 and g.expected - g.actual == row.expected - row.actual]
        if len(above) == 1 and above[0].cell and row.cell:
            g = above[0]
            cell = a1(parse_a1(row.cell)[0], parse_a1(g.cell)[1])
            moved[id(row)] = replace(row, cell=cell, expected=None, actual=None, params={
                **row.params, "variant": "month-cell", "month": g.params["column"], "months": row.expected,
                "jumlah": row.actual, "node": g.kode, "node_level": Text(codes.level_fragment(g.kode)),
                "node_cell": g.cell})
            explained.add(id(g))
    return [moved.get(id(f), f) for f in findings if id(f) not in explained]
