"""Tables → one .xlsx, drawn with XlsxWriter at the positions layout.py promises.

The file appears whole or not at all: it is written to a temporary file beside the target and
moved into place. User text is always written as text (never a formula or a link), and the same
tables give the same bytes.
"""
from __future__ import annotations

import datetime
import math
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import xlsxwriter
from xlsxwriter.chart import Chart as XlChart
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.errors import OutputError
from lkjip_xl.report.layout import Chart, Column, Formula, Link, Table

__all__ = ["OutputError", "write_workbook"]


_NUMBER_FORMATS = {"money": "#,##0", "pct": "0.00", "num": "#,##0.00", "int": "0"}
_TEXT_FMTS = ("text", "wrap")
_COLUMN_PROPS: dict[str, dict[str, Any]] = {
    **{fmt: {"num_format": nf} for fmt, nf in _NUMBER_FORMATS.items()},
    **{fmt: {"text_wrap": True} for fmt in _TEXT_FMTS},
    "center": {"align": "center"},
}
_STYLE_PROPS: dict[str, dict[str, Any]] = {
    "": {},
    "sub": {},                 # indented on the first text column, see _cell_props
    "program": {"bold": True, "bg_color": "#F2F2F2"},
    "kegiatan": {"bold": True},
    "total": {"bold": True, "top": 6, "bg_color": "#D9D9D9"},   # 6 = double line
    "bold": {"bold": True},
}
_CELL = {"border": 1, "valign": "top"}
_LINK = {"font_color": "#0563C1", "underline": 1}
_HEADER = {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1,
           "bg_color": "#D9D9D9"}
_COL_NUMBER = {"italic": True, "font_size": 8, "align": "center", "border": 1}
_NOTE = {"italic": True, "font_size": 9}

_MAX_LINK = 255               # older Excel refuses longer hyperlink targets
_LINE_POINTS = 15             # height of one line of 11-point text
_CHART_SIZE = (720, 360)      # pixels
_CHART_STEP = 20              # rows between stacked charts: 360 px at 20 px a row, plus a gap


def write_workbook(tables: list[Table], path: Path, *, created: datetime.datetime,
                   protect: Iterable[Path] = ()) -> None:
    """Write the tables, one sheet each in the order given, to path, atomically. `protect`: files
    that must never be replaced (the inputs)."""
    path = Path(path)
    if any(_same_file(path, p) for p in protect):
        raise OutputError("output-is-input", path=str(path))
    made = _check_target(path)
    done = False
    try:
        try:
            fd, name = tempfile.mkstemp(prefix=".~lkjip-", suffix=".xlsx", dir=path.parent)
        except OSError as exc:
            raise OutputError("output-locked", path=str(path)) from exc
        os.close(fd)
        tmp = Path(name)
        try:
            _build(tables, tmp, created)
            _match_permissions(tmp, path)
            os.replace(tmp, path)
            done = True
        except PermissionError as exc:
            raise OutputError("output-locked", path=str(path)) from exc
        except (OSError, FileCreateError) as exc:
            raise OutputError("output-io", path=str(path), why=str(exc)) from exc
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        if not done:            # a failed or interrupted run leaves no empty hasil/ folder behind either
            _remove_folders(made)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve() or (a.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _check_target(path: Path) -> list[Path]:
    """Fail before any work with a message that names the real obstacle. Returns the folders it
    made, deepest first, so that a failed write can take them away again."""
    folder = path.parent
    made = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        made.append(probe)
        probe = probe.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("output-folder", folder=str(folder), why=str(exc.strerror or exc)) from exc
    try:
        if path.is_dir():
            raise OutputError("output-is-dir", path=str(path))
        if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise OutputError("output-locked", path=str(path))
    except OutputError:
        _remove_folders(made)
        raise
    return made


def _remove_folders(made: list[Path]) -> None:
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            break


def _match_permissions(tmp: Path, path: Path) -> None:
    """mkstemp makes the file private (0600); give it the mode a plain new file (or the old one) has."""
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)     # the only portable way to read the umask is to set it
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


# workbook ----------------------------------------------------------------------------------------
def _build(tables: list[Table], target: Path, created: datetime.datetime) -> None:
    workbook = xlsxwriter.Workbook(str(target), {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "nan_inf_to_errors": True,      # a stray NaN becomes #NUM! instead of aborting the whole file
    })
    # xlsxwriter stamps zip entries with a fixed date; pinning these makes the bytes reproducible.
    workbook.set_properties({"created": created, "title": "Tabel LKjIP", "author": "lkjip-xl"})
    formats = _Formats(workbook)
    for table in tables:
        _write_sheet(workbook, formats, table)
    workbook.close()


class _Formats:
    """One Format per distinct set of properties, made on first use (so in a reproducible order)."""

    def __init__(self, workbook: xlsxwriter.Workbook):
        self._workbook = workbook
        self._made: dict[tuple, Format] = {}

    def get(self, *parts: dict[str, Any]) -> Format:
        props: dict[str, Any] = {}
        for part in parts:
            props.update(part)
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self._workbook.add_format(props)
        return self._made[key]


def _write_sheet(workbook: xlsxwriter.Workbook, formats: _Formats, table: Table) -> None:
    ws = workbook.add_worksheet(table.sheet)
    _write_title(ws, formats, table)
    _write_header(ws, formats, table)
    _write_col_numbers(ws, formats, table)
    _write_data(ws, formats, table)
    _write_notes(ws, formats, table)
    for c, column in enumerate(table.columns):
        ws.set_column(c, c, column.width)
    ws.freeze_panes(table.data_row0, 0)
    _print_setup(ws, table)
    _insert_charts(workbook, ws, table)


# cells -------------------------------------------------------------------------------------------
def _write_value(ws: Worksheet, r: int, c: int, value: Any, fmt: Format) -> None:
    """Write one value by its type; text goes through write_string so it is never read as a formula."""
    if isinstance(value, Formula):
        ws.write_formula(r, c, "=" + value.expr, fmt, _cached(value.value))
    elif isinstance(value, Link):
        _write_link(ws, r, c, value, fmt)
    elif value is None:
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_string(r, c, "Ya" if value else "Tidak", fmt)
    elif isinstance(value, (int, float, Decimal)):
        # Excel stores doubles; rupiah amounts are whole numbers below 2**53, so this is exact.
        ws.write_number(r, c, float(value) if isinstance(value, Decimal) else value, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def _cached(value: Any) -> Any:
    """The result stored with a formula; without one xlsxwriter would store 0."""
    if value is None:
        return ""
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float, Decimal)):
        number = float(value) if isinstance(value, Decimal) else value
        return number if math.isfinite(number) else "#NUM!"
    return str(value)


def _write_link(ws: Worksheet, r: int, c: int, link: Link, fmt: Format) -> None:
    target = link.target
    if "://" not in target and not target.startswith(("mailto:", "internal:", "external:")):
        target = "external:" + target      # a relative path to another workbook
    written = -1
    if len(target) <= _MAX_LINK:
        try:
            written = ws.write_url(r, c, target, fmt, string=link.text)
        except (ValueError, IndexError):    # xlsxwriter's URL parser refuses it (IndexError: a 0-1 char path)
            written = -1
    if written != 0:
        ws.write_string(r, c, link.text, fmt)
    elif target.startswith("external:"):
        _forward_slashes(ws, r, c)


def _forward_slashes(ws: Worksheet, r: int, c: int) -> None:
    """xlsxwriter writes a relative file link's relationship target with Windows backslashes
    (`..\\DPA.xlsx`), as Excel on Windows does. A relationship target is a URI (ECMA-376 Part 2, RFC
    3986), whose separator is '/': `../DPA.xlsx` is the form xlsxwriter itself writes for links from
    objects, Excel resolves it, and LibreOffice opens it on any system (checked: converted with soffice,
    the link points at the input beside `hasil/`). Set on the link xlsxwriter keeps for the cell."""
    url = ws.hyperlinks.get(r, {}).get(c)
    rel = getattr(url, "_relationship_link", None)
    if isinstance(rel, str) and "\\" in rel and not rel.startswith("file:"):
        url._relationship_link = rel.replace("\\", "/")


def _merge(ws: Worksheet, r0: int, c0: int, r1: int, c1: int, value: Any, fmt: Format) -> None:
    """Merge a range holding value; Excel refuses a one-cell merge, so that is just the cell."""
    if (r0, c0) != (r1, c1):
        ws.merge_range(r0, c0, r1, c1, "", fmt)
    # merge_range would write value with write(), which knows nothing of Formula or Link.
    _write_value(ws, r0, c0, value, fmt)


# blocks ------------------------------------------------------------------------------------------
def _write_title(ws: Worksheet, formats: _Formats, table: Table) -> None:
    last = len(table.columns) - 1
    align = "center"
    if table.pages_wide > 1 and table.repeat_cols:     # printed on every page: over the repeated columns only
        last, align = table.repeat_cols - 1, "left"
    for r, line in enumerate(table.title):
        fmt = formats.get({"bold": True, "align": align, "font_size": 12 if r == 0 else 11})
        _merge(ws, r, 0, r, last, line, fmt)


def _write_header(ws: Worksheet, formats: _Formats, table: Table) -> None:
    top, fmt = table.header_row, formats.get(_HEADER)
    if not table.groups:
        for c, column in enumerate(table.columns):
            ws.write_string(top, c, column.header, fmt)
        ws.set_row(top, _text_height([(col.header, col.width) for col in table.columns], 2))
        return
    grouped: set[int] = set()
    labels: list[tuple[str, float]] = []
    for label, first, last in table.groups:
        c0, c1 = table.col(first), table.col(last)
        _merge(ws, top, c0, top, c1, label, fmt)
        labels.append((label, sum(col.width for col in table.columns[c0:c1 + 1])))
        for c in range(c0, c1 + 1):
            ws.write_string(top + 1, c, table.columns[c].header, fmt)
            grouped.add(c)
    for c, column in enumerate(table.columns):
        if c not in grouped:
            _merge(ws, top, c, top + 1, c, column.header, fmt)
    upper = _text_height(labels, 1)
    lower = _text_height([(col.header, col.width) for c, col in enumerate(table.columns) if c in grouped], 2)
    spanning = _text_height([(col.header, col.width) for c, col in enumerate(table.columns) if c not in grouped], 2)
    ws.set_row(top, upper)
    ws.set_row(top + 1, max(lower, spanning - upper))


def _text_height(texts: list[tuple[str, float]], min_lines: int) -> float:
    """Row height (points) for bold text wrapped in columns of the given widths (in characters)."""
    lines = min_lines
    for text, width in texts:
        per_line = max(int(width) - 1, 1)    # bold text runs a little wider than the width unit
        needed = sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))
        lines = max(lines, needed)
    return min(lines * _LINE_POINTS + 2, 409)   # 409 pt is Excel's tallest row


def _write_col_numbers(ws: Worksheet, formats: _Formats, table: Table) -> None:
    if not table.col_numbers:
        return
    r, fmt = table.data_row0 - 1, formats.get(_COL_NUMBER)
    for c, text in enumerate(table.col_numbers):
        ws.write_string(r, c, text, fmt)


def _write_data(ws: Worksheet, formats: _Formats, table: Table) -> None:
    indent_col = next((c for c, col in enumerate(table.columns) if col.fmt in _TEXT_FMTS), None)

    def fmt(i: int, c: int, value: Any) -> Format:
        style = table.styles[i] if i < len(table.styles) else ""
        column = table.columns[c]
        override = table.fmts.get((i, column.key))
        if override is None and column.fmt == "num" and _whole(value):
            override = "money"          # a whole number shows as 95, not 95.00 (#,##0)
        if override:
            column = Column(column.key, column.header, override, column.width)
        return formats.get(*_cell_props(column, style, indent=style == "sub" and c == indent_col,
                                        fill=table.fills.get((i, table.columns[c].key)),
                                        link=isinstance(value, Link)))

    spanned = {(i, c) for i0, k0, i1, k1 in table.merges if i1 > i0
               for i in range(i0, i1 + 1) for c in range(table.col(k0), table.col(k1) + 1)}
    for i, row in enumerate(table.rows):
        for c, value in enumerate(row):
            _write_value(ws, table.data_row0 + i, c, value, fmt(i, c, value))
        # Excel grows wrapped rows when it opens a file, other viewers and printing do not
        texts = [(_shown(v), table.columns[c].width) for c, v in enumerate(row)
                 if (i, c) not in spanned and table.columns[c].fmt in _TEXT_FMTS and _shown(v)]
        height = _text_height(texts, 1) if texts else None
        if height and height > _LINE_POINTS + 2:
            ws.set_row(table.data_row0 + i, height)
    for i0, key0, i1, key1 in table.merges:
        c0, c1 = table.col(key0), table.col(key1)
        value = table.rows[i0][c0]
        _merge(ws, table.data_row0 + i0, c0, table.data_row0 + i1, c1, value, fmt(i0, c0, value))


def _whole(value: Any) -> bool:
    v = value.value if isinstance(value, Formula) else value
    if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
        return False
    return isinstance(v, int) or (math.isfinite(v) and v == int(v))


def _shown(value: Any) -> str:
    if isinstance(value, Link):
        return value.text
    if isinstance(value, Formula):
        return "" if value.value is None else str(value.value)
    return value if isinstance(value, str) else ""


def _cell_props(column: Column, style: str, *, indent: bool, fill: str | None, link: bool) -> list[dict]:
    return [_CELL, _COLUMN_PROPS[column.fmt], _STYLE_PROPS[style],
            {"indent": 1} if indent else {}, {"bg_color": fill} if fill else {}, _LINK if link else {}]


def _write_notes(ws: Worksheet, formats: _Formats, table: Table) -> None:
    first = table.data_row0 + len(table.rows) + 1
    for k, note in enumerate(table.notes):
        ws.write_string(first + k, 0, note, formats.get(_NOTE))


# page and charts ---------------------------------------------------------------------------------
def _print_setup(ws: Worksheet, table: Table) -> None:
    if table.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(9)                     # A4
    # one page wide (or pages_wide), as many long as needed; Excel and LibreOffice choose the scale
    ws.fit_to_pages(table.pages_wide, 0)
    if table.repeat_cols:
        ws.repeat_columns(0, table.repeat_cols - 1)
    if table.charts:
        # the charts start on a page of their own; a short table needs no header repeated over them
        ws.set_h_pagebreaks([_charts_row(table)])
    else:
        ws.repeat_rows(table.header_row, table.data_row0 - 1)
    ws.set_margins(left=0.5, right=0.5, top=0.5, bottom=0.6)
    ws.center_horizontally()
    ws.set_footer("&CHalaman &P dari &N")


def _insert_charts(workbook: xlsxwriter.Workbook, ws: Worksheet, table: Table) -> None:
    # below the table: beside it, fit-to-width printing would shrink the table to fit the charts
    row, col = _charts_row(table), 0
    for chart in table.charts:
        drawn = _chart(workbook, table, chart)
        if drawn is not None:
            ws.insert_chart(row, col, drawn)
            row += _CHART_STEP


def _charts_row(table: Table) -> int:
    return table.data_row0 + len(table.rows) + len(table.notes) + 2


def _chart(workbook: xlsxwriter.Workbook, table: Table, chart: Chart) -> XlChart | None:
    """A native chart over data rows first_row..last_row, or None when that range is empty."""
    first = chart.first_row
    last = chart.last_row if chart.last_row >= 0 else len(table.rows) + chart.last_row
    if last < first:
        return None
    r0, r1 = table.data_row0 + first, table.data_row0 + last
    cat = table.col(chart.categories)
    drawn = workbook.add_chart({"type": chart.kind})
    for key, name in chart.series:
        c = table.col(key)
        series = {"name": name, "categories": [table.sheet, r0, cat, r1, cat], "values": [table.sheet, r0, c, r1, c]}
        if chart.kind == "line":
            series["marker"] = {"type": "circle", "size": 5}     # one month is one point: seen, not blank
        drawn.add_series(series)
    drawn.set_title({"name": chart.title})
    if chart.y_title:
        # rupiah axes in thousands separators, not 1.2E+10
        drawn.set_y_axis({"name": chart.y_title, "num_format": "#,##0"})
    drawn.set_legend({"position": "bottom"})
    drawn.set_size({"width": _CHART_SIZE[0], "height": _CHART_SIZE[1]})
    return drawn
