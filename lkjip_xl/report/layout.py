"""The shape of an output sheet, as plain data: tables.py fills it, write.py draws it.

Rows are placed at fixed positions (title, a blank row, header rows, an optional row of column
numbers, then data), so tables.py can write formulas that point at the right cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.utility import xl_col_to_name as col_letter


PORTRAIT_PX = 698      # printable width of A4 portrait with 0.5" margins, in 96-dpi pixels
LANDSCAPE_PX = 1026    # the same in landscape


@dataclass(frozen=True)
class Formula:
    """An Excel formula and the value it evaluates to, cached in the file for non-calculating viewers."""
    expr: str        # without the leading "="
    value: Any


@dataclass(frozen=True)
class Link:
    """A hyperlink to a cell in a source workbook (shown as text)."""
    target: str      # e.g. "file:///…/DPA.xlsx#'Rekap DPA'!G8" or a relative path with #sheet!cell
    text: str


@dataclass
class Column:
    key: str
    header: str
    fmt: str = "text"          # text | wrap | money | pct | num | int | center
    width: float = 14


@dataclass
class Chart:
    kind: str                  # "column" | "line"
    title: str
    categories: str            # column key holding the category labels
    series: list[tuple[str, str]]   # (column key, series name)
    y_title: str = ""
    first_row: int = 0         # data rows (0-based, inclusive) the chart covers
    last_row: int = -1


@dataclass
class Table:
    sheet: str                 # worksheet name, e.g. "Tabel 3.2"
    title: list[str]           # title block lines: number, title, instansi, year
    columns: list[Column]
    groups: list[tuple[str, str, str]] = field(default_factory=list)   # (label, first key, last key): two-row header
    col_numbers: list[str] | None = None
    rows: list[list[Any]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)   # per row: "" | program | kegiatan | sub | total | bold
    merges: list[tuple[int, str, int, str]] = field(default_factory=list)  # data-row merges: (row0, key0, row1, key1)
    fills: dict[tuple[int, str], str] = field(default_factory=dict)       # (data row, key) → "#RRGGBB"
    fmts: dict[tuple[int, str], str] = field(default_factory=dict)        # (data row, key) → fmt, overriding the column's
    notes: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    landscape: bool = True
    pages_wide: int = 1        # printed this many pages wide (fit to width); more than 1 for very wide sheets
    repeat_cols: int = 0       # leading columns printed again on each of those pages

    # print width ------------------------------------------------------------------------------
    def width_px(self, keys: list[str] | None = None) -> int:
        """Screen width of the columns (all, or those keyed) as Excel draws them: 7 px a unit + 5 px padding."""
        cols = self.columns if keys is None else [c for c in self.columns if c.key in keys]
        return sum(round(c.width * 7) + 5 for c in cols)

    def fits_portrait(self) -> bool:
        """Printed one page wide on A4 portrait (0.5" margins, 698 px) at 85 % or more: readable."""
        return self.width_px() <= PORTRAIT_PX / 0.85

    # positions ---------------------------------------------------------------------------------
    @property
    def header_row(self) -> int:
        return len(self.title) + 1

    @property
    def header_height(self) -> int:
        return 2 if self.groups else 1

    @property
    def data_row0(self) -> int:
        return self.header_row + self.header_height + (1 if self.col_numbers else 0)

    def col(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    def ref(self, i: int, key: str, absolute: bool = False) -> str:
        """A1 reference of data row i (0-based) in column key."""
        letter = col_letter(self.col(key))
        row = self.data_row0 + i + 1
        return f"${letter}${row}" if absolute else f"{letter}{row}"

    def add(self, values: dict[str, Any], style: str = "") -> int:
        self.rows.append([values.get(c.key) for c in self.columns])
        self.styles.append(style)
        return len(self.rows) - 1

    def next_index(self) -> int:
        return len(self.rows)
