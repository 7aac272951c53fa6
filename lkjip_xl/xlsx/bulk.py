"""Large .xlsx sheets, read column by column instead of cell by cell.

A sheet whose XML is larger than BULK_MIN_BYTES is read in three pieces, each giving exactly what
grid.py's cell-by-cell reading (python-calamine) would give:

- as guard.check streams its XML (one pass for both), a Scanner finds the formulas without a saved
  value and the error cells, with grid.py's own regular expressions applied to the cells that hold
  `<f` or `t="e"`, and keeps the head (the first HEAD_ROWS rows) and the tail (merged ranges and
  the rest after </sheetData>);
- python-calamine reads the head from a copy of the workbook cut after those rows, so the header
  search, the title and merged header cells see the very values of a small sheet;
- fastexcel (calamine → Arrow) reads the rows below the header, each column as one typed array.
  A column of the frame must hold one type only (numbers, or text): then a number is the float
  python-calamine gives and a text is the same string. A column that mixes them ("-" among
  amounts), a NaN, a date or a yes/no cell in a frame column, anything unexpected: `read` returns
  None and the caller reads the whole sheet cell by cell, as for a small one. So does a merged
  range that the sheet's size (known only now) cuts, since the head was read with it uncut.

fastexcel parses in a background thread (`start`) while the next file is checked. Rows are taken in
document order, as every spreadsheet program writes them.
"""
from __future__ import annotations

import io
import re
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lkjip_xl.xlsx import cells

BULK_MIN_BYTES = 8 * 1024**2     # sheet XML (uncompressed) above which a sheet is read column-wise
HEAD_ROWS = 40                   # rows read cell by cell: the header is searched in the first 30
_MAX_COLS = 16_384

_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_ROW = re.compile(rb"<row\b[^>]*>")
_ROW_R = re.compile(rb'\br="(\d+)"')
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*>")
_SHEET_DATA_END = b"</sheetData"
_TAIL_MAX = 64 * 1024**2         # merged ranges and the rest after </sheetData>: looked for in this much


@dataclass
class Scan:
    """What one pass over a large sheet's XML found."""
    formulas: dict = field(default_factory=dict)     # (r, c) → formula without a saved value
    errors: dict = field(default_factory=dict)       # (r, c) → "#REF!" …
    head: bytes = b""                                # XML up to the first row below HEAD_ROWS
    tail: bytes = b""                                # XML from </sheetData> to the end


def _cell_start(buf: bytes, end: int) -> int:
    """Offset of the last cell tag (`<c` not followed by a word character) before `end`, or -1."""
    i = buf.rfind(b"<c", 0, end)
    while i >= 0 and i + 2 < len(buf) and buf[i + 2] in _WORD:
        i = buf.rfind(b"<c", 0, i)
    return i


def _cells(body: bytes, marker: bytes, pattern: re.Pattern):
    """The matches of `pattern` at every cell holding `marker`, in document order. A cell match
    can never run over the next cell tag, so this finds what pattern.finditer(body) finds among
    the cells that hold the marker."""
    seen = -1
    p = body.find(marker)
    while p >= 0:
        s = _cell_start(body, p)
        if s >= 0 and s != seen:
            seen = s
            m = pattern.match(body, s)
            if m:
                yield m
        p = body.find(marker, p + 1)


_HAS_F = re.compile(rb"<f")       # faster than `in` where '<' is on every few bytes
_HAS_E = re.compile(rb't="e"')


def _scan_body(body: bytes, out: Scan) -> None:
    if _HAS_F.search(body):
        out.formulas.update(cells.formulas_in(_cells(body, b"<f", cells.CELL)))
    if _HAS_E.search(body):
        out.errors.update(cells.errors_in(_cells(body, b't="e"', cells.ERROR_CELL)))


def _find(before: bytes, chunk: bytes, end: int, needle: bytes) -> int:
    """(before + chunk[:end]).find(needle), without joining them."""
    t = before.find(needle)
    if t >= 0:
        return t
    k = len(needle) - 1
    seam = before[-k:] + chunk[:min(k, end)] if k else b""
    t = seam.find(needle)
    if t >= 0:
        return len(before) - min(k, len(before)) + t
    t = chunk.find(needle, 0, end)
    return len(before) + t if t >= 0 else -1


def _markers(before: bytes, chunk: bytes, end: int) -> bool:
    """Whether before + chunk[:end] holds `<f` or `t="e"`, without joining them."""
    return _find(before, chunk, end, b"<f") >= 0 or _find(before, chunk, end, b't="e"') >= 0


def _head_cut(data: bytes) -> int | None:
    """Offset of the first <row> tag below row HEAD_ROWS, or None when data does not reach it."""
    n = 0
    for m in _ROW.finditer(data):
        r = _ROW_R.search(m.group(0))
        n = int(r.group(1)) if r else n + 1
        if n > HEAD_ROWS:
            return m.start()
    return None


class Scanner:
    """Reads a sheet part as it streams by (guard.check hands it each piece it reads): formulas
    without a saved value, error cells, the head and the tail. `result()` is None when the rows
    do not reach past HEAD_ROWS (then the sheet is read as a small one)."""

    def __init__(self, size: int | None = None):
        self.size = size                       # the part's length, when known: </sheetData> is near its end
        self.fed = 0
        self.out = Scan()
        self.head = bytearray()
        self.cut: int | None = None
        self.tail: bytearray | None = None     # once </sheetData> is seen, everything from it on
        self.carry = b""
        self.small = False
        self.done = False
        self.carry_marked = False      # whether the carry may hold a marker (came from a marked piece)

    def feed(self, chunk: bytes, marked: bool | None = None) -> None:
        """The next piece of the part (b"" at the end). `marked` False: guard.py found neither `<f`
        nor `t="e"` in it, so only the carry may need the search."""
        self.fed += len(chunk)
        carry_marked, self.carry_marked = self.carry_marked, marked is not False
        if chunk:
            # whole cells only: cut before the last cell tag and carry the rest
            at = _cell_start(chunk, len(chunk))
            if at <= 0:
                self.carry += chunk
                self.carry_marked |= carry_marked
                return
            before, self.carry = self.carry, chunk[at:]
        else:
            before, at = self.carry, 0
            self.carry = b""
            self.done = True
        # the body is carry + chunk[:at]; most chunks of a large sheet are only searched for the
        # two markers, where they lie, so their 4 MB are not copied
        body = None
        if self.cut is None and not self.small:
            body = before + chunk[:at]
            self.head += body
            if cells.unaddressed(body):
                # cells written without their address (a generator's habit, on every row): their
                # places are counted from the start of each row, which this scan does not do
                self.small = True
            c = _head_cut(self.head)
            if c is not None:
                self.cut = c
                del self.head[c:]
            elif _SHEET_DATA_END in self.head:
                self.small = True
        if self.tail is None and (self.size is None or self.size - self.fed < _TAIL_MAX or not chunk):
            t = body.find(_SHEET_DATA_END) if body is not None else _find(before, chunk, at, _SHEET_DATA_END)
            if t >= 0:
                body = before + chunk[:at] if body is None else body
                self.tail = bytearray(body[t:])
        elif self.tail is not None:
            body = before + chunk[:at] if body is None else body
            self.tail += body
        if body is None:
            # where a marker may be: anywhere, unless guard.py said this piece has none (then only
            # in a carry from a piece that may)
            where = (before, chunk, at) if marked is not False else (before, b"", 0) if carry_marked else None
            if where is None or not _markers(*where):
                return
            body = before + chunk[:at]
        _scan_body(body, self.out)

    def result(self) -> Scan | None:
        if not self.done or self.small or self.cut is None or self.tail is None:
            return None
        self.out.head = _DIMENSION.sub(b"", bytes(self.head), count=1)
        self.out.tail = bytes(self.tail)
        return self.out


def head_workbook(zf: zipfile.ZipFile, cut: dict[str, Scan]) -> io.BytesIO:
    """A copy of the workbook (uncompressed, in memory) with the sheets in `cut` ending after
    their head rows; every other part as it is."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for info in zf.infolist():
            if info.is_dir():
                continue
            s = cut.get(info.filename)
            out.writestr(info.filename, s.head + s.tail if s is not None else zf.read(info))
    buf.seek(0)
    return buf


@dataclass
class Block:
    """The rows of a sheet from `start` (0-based) down, one array per column that has a value."""
    start: int
    n: int
    floats: dict[int, np.ndarray]                       # column → float64, NaN where the cell is empty
    texts: dict[int, tuple[np.ndarray, list[str]]]      # column → (codes, strings); code -1 = empty
    width: int = 0                                      # columns from A to the last one with a value

    def filled(self) -> np.ndarray:
        """Rows with any value in any column ("" is empty, as in a small sheet)."""
        out = np.zeros(self.n, dtype=bool)
        for a in self.floats.values():
            out |= ~np.isnan(a)
        for codes, uniques in self.texts.values():
            blank = np.array([u == "" for u in uniques] + [True], dtype=bool)
            out |= ~blank[codes]
        return out

    def objects(self, col: int, rows: np.ndarray) -> np.ndarray:
        """Column values of the given rows as python-calamine gives them: float, str, '' if empty."""
        if col in self.floats:
            a = self.floats[col][rows]
            out = a.astype(object)
            out[np.isnan(a)] = ""
            return out
        if col in self.texts:
            codes, uniques = self.texts[col]
            table = np.empty(len(uniques) + 1, dtype=object)
            table[:-1] = uniques
            table[-1] = ""
            return table[codes[rows]]
        out = np.empty(len(rows), dtype=object)
        out[:] = ""
        return out


_POOL = None
_LOCK = threading.Lock()
_RUNNING = 0                     # background reads under way; the pool's threads count them down


def busy() -> bool:
    """Whether a background read is under way (it has a core to itself)."""
    return _RUNNING > 0


def _done(_future) -> None:
    global _RUNNING
    with _LOCK:
        _RUNNING -= 1


def start(sheet: "Bulk", start_row: int | None, frame_cols: set[int] = frozenset()):
    """Bulk.read (or, without a start row, Bulk.size) in a background thread: fastexcel parses
    without holding the GIL, so the next file is checked meanwhile. A future."""
    global _POOL
    if _POOL is None:
        from concurrent.futures import ThreadPoolExecutor

        _POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="lkjip-bulk")
    global _RUNNING
    with _LOCK:
        _RUNNING += 1
    future = _POOL.submit(sheet.size) if start_row is None else _POOL.submit(sheet.read, start_row, frame_cols)
    future.add_done_callback(_done)
    return future


def _quiet() -> None:
    import logging

    # "Could not determine dtype for column …, falling back to string": an empty column, nothing wrong
    logging.getLogger("fastexcel").setLevel(logging.ERROR)


@dataclass
class Bulk:
    """A large sheet of an .xlsx file, whose rows below the header are read on demand."""
    path: Path
    sheet: str

    def read(self, start: int, frame_cols: set[int]) -> Block | None:
        """Rows from `start` down. Every column is read; those in `frame_cols` must each hold one
        type, the others are only looked at for being empty or saying JUMLAH, so they are read as
        text. None when the rows cannot be read exactly this way."""
        try:
            import fastexcel
            import pyarrow as pa
            import pyarrow.compute as pac
        except ImportError:
            return None
        _quiet()
        strings = {c: "string" for c in range(_MAX_COLS) if c not in frame_cols}
        try:
            reader = fastexcel.read_excel(str(self.path))
            sheet = reader.load_sheet(self.sheet, header_row=None, skip_rows=start, schema_sample_rows=None,
                                      dtype_coercion="strict", dtypes=strings)
            if sheet.total_height - start != sheet.height:
                return None
            batch, errors = sheet.to_arrow_with_errors()
        except Exception:          # a mixed column (strict), an error cell type fastexcel refuses …
            return None
        for e in (errors.errors if errors is not None else []):
            detail = str(e.detail)
            if "but got 'Error(" not in detail and "but got 'String(\"\")'" not in detail:
                return None        # a value fastexcel could not convert: only the full read is exact
        floats, texts = {}, {}
        width = max((info.absolute_index + 1 for info in sheet.selected_columns), default=0)
        for info, column in zip(sheet.selected_columns, batch.columns):
            col = info.absolute_index
            kind = column.type
            if pa.types.is_floating(kind):
                if col not in frame_cols:
                    return None
                if pac.any(pac.is_nan(column)).as_py():
                    return None    # a text "nan" read as a number
                floats[col] = column.to_numpy(zero_copy_only=False).astype(np.float64, copy=False)
            elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
                enc = pac.dictionary_encode(column)
                codes = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
                texts[col] = (codes, enc.dictionary.to_pylist())
            elif pa.types.is_null(kind):
                continue
            else:
                return None        # yes/no, dates, whole numbers of an .xls: the full read knows them
        n = batch.num_rows
        del batch, sheet, reader
        return Block(start=start, n=n, floats=floats, texts=texts, width=width)

    def size(self) -> tuple[int, int] | None:
        """(rows, columns) from A1 to the last value: what the merged ranges are cut to."""
        try:
            import fastexcel

            _quiet()
            sheet = fastexcel.read_excel(str(self.path)).load_sheet(self.sheet, header_row=None, skip_rows=0,
                                                                    n_rows=1, dtypes="string")
            return sheet.total_height, max((i.absolute_index + 1 for i in sheet.selected_columns), default=0)
        except Exception:
            return None

    def full(self) -> tuple[list[list], list]:
        """Every row, cell by cell, and the merged ranges, exactly as grid.py reads a small sheet."""
        with self.path.open("rb") as fh:
            wb = cells.open_workbook(lambda: fh)
            try:
                rows, merges, _ = cells.sheet_rows(wb, self.sheet)
            finally:
                wb.close()
        return rows, merges
