"""Hostile .xlsx parts, refused before any parser sees them.

An .xlsx is a zip of XML parts; grid.py has already checked the sizes the zip declares. What is
left is content that would hurt the reader although it is small:

- a DOCTYPE: the only way to declare XML entities (the "billion laughs" bomb, external entities);
- a sheet naming a cell far from A1: calamine builds a dense grid from A1 to the last cell, so one
  cell at XFD1048576 asks for 550 GB and aborts the whole process, which no `except` can catch;
- tags that never close: grid.py reads some parts with regular expressions, which take quadratic
  time on `<c <c <c …` (a 10 KB zip would run for hours);
- parts in UTF-16, which calamine reads as an empty sheet: the figures would be lost silently.

Every part is read once, in chunks, so memory stays small whatever the part's size. A large sheet
is checked on two cores: the next chunk is decompressed in one thread, its addresses are read with
array operations in another, while the regular expressions run here (zlib and numpy leave the GIL
while they work; the answers are exactly those of the single-threaded reading).
"""
from __future__ import annotations

import queue
import re
import threading
import zipfile
from typing import Callable

from lkjip_xl.errors import Refused  # also known as guard.Refused
from lkjip_xl.messages import RowNumber, Text
from lkjip_xl.xlsx.marks import ODD_CELL, PREFIXED_CELL, R_LOOSE, Marks, column_number, loose_max

MAX_ROWS = 1_048_576          # Excel's grid: rows
MAX_COLS = 16_384             # and columns (XFD)

_CHUNK = 1024**2               # a chunk and its arrays stay in a core's cache (4 MB chunks measured slower)
_READ_AHEAD_FROM = 16 * 1024**2   # parts this large (uncompressed) are decompressed in a thread meanwhile
_MAX_RUN = 1024**2            # text or a tag without '>' this long is not something Excel writes
_OVERLAP = 64
_INDEX = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_LOOSE_FOLDERS = ("customxml/", "docprops/")   # XML that is not Excel's own: only DOCTYPE is refused

_DOCTYPE = re.compile(rb"<!(?i:doctype|entity)")
_SHEET = re.compile(rb"<(?:[^\s<>/:]+:)?sheetData[\s/>]")
_BRACKETS = bytes(c for c in range(256) if c not in b"<>")       # translate() deletes all but < and >
# exact reading, for the rare sheets that need it: row and cell tags with their attributes
_TAG = re.compile(rb"""<(?:[^\s<>/:]+:)?(row|c)(?=[\s/>])((?:\s*[^\s<>/="']+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""")
_R_ATTR = re.compile(rb"""(?:^|[\s"'])r\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def check(zf: zipfile.ZipFile, max_cells: int, sheets: Callable[[], dict[str, str]] | None = None,
          observe: Callable[[str], Callable[[bytes], None] | None] | None = None,
          threads: bool | Callable[[], bool] = True) -> None:
    """Raise Refused for the first hostile part. `sheets()` maps the sheet parts to their names;
    it is called once the parts it reads (workbook.xml and its rels) have passed. `observe(part)`
    may give a function that is handed the part's bytes as they are read (b"" at the end), so
    that a caller reads a large part once: it is asked after sheets(). `threads=False` keeps the
    work on this thread (when the other core is busy, more threads only take turns); a function
    is asked again before each piece, so that the other core is used as soon as it is free."""
    if not callable(threads):
        threads = (lambda: True) if threads else (lambda: False)
    infos = [i for i in zf.infolist() if not i.is_dir()]
    first = [i for i in infos if i.filename in _INDEX]
    for info in first:
        _Part(info.filename, max_cells, threads=threads).scan(zf, info)
    names: dict[str, str] = {}
    if sheets is not None:
        try:
            names = sheets()
        except Exception:      # the reader proper will say what is wrong with workbook.xml
            names = {}
    for info in infos:
        if info.filename not in _INDEX:
            feed = observe(info.filename) if observe is not None else None
            _Part(info.filename, max_cells, names.get(info.filename), threads).scan(zf, info, feed)


_ARRAYS_FROM = 256 * 1024      # bodies larger than this are checked with array operations (marks.py)


_WORKER = None


def _worker():
    global _WORKER
    if _WORKER is None:
        from concurrent.futures import ThreadPoolExecutor

        _WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lkjip-guard")
    return _WORKER


class _Chunks:
    """A part's decompressed chunks, b"" last. A large part is decompressed one chunk ahead in a
    thread while the caller checks the chunk before (zlib leaves the GIL while it works)."""

    def __init__(self, fh, size: int, threads: bool = True):
        self.fh = fh
        self.ahead = threads and size > _READ_AHEAD_FROM
        if self.ahead:
            self.q: queue.Queue = queue.Queue(maxsize=2)
            self.stop = threading.Event()
            self.thread = threading.Thread(target=self._run, daemon=True, name="lkjip-guard-read")
            self.thread.start()

    def _run(self) -> None:
        try:
            while not self.stop.is_set():
                chunk = self.fh.read(_CHUNK)
                self._put(chunk)
                if not chunk:
                    return
        except BaseException as exc:       # a broken part: raised in the caller's thread
            self._put(exc)

    def _put(self, item) -> None:
        while not self.stop.is_set():
            try:
                self.q.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def __enter__(self):
        return self

    def __iter__(self):
        while True:
            item = self.q.get() if self.ahead else self.fh.read(_CHUNK)
            if isinstance(item, BaseException):
                raise item
            yield item
            if not item:
                return

    def __exit__(self, *exc) -> None:
        if self.ahead:             # the file stays open until the thread has stopped reading it
            self.stop.set()
            self.thread.join()


class _Part:
    def __init__(self, name: str, max_cells: int, sheet: str | None = None,
                 threads: Callable[[], bool] = lambda: True):
        self.threads = threads
        self.feed = None
        self.name = name
        lower = name.lower()
        self.sheet_name = sheet
        self.xml = lower.endswith((".xml", ".rels")) or sheet is not None
        self.strict = self.xml and not lower.startswith(_LOOSE_FOLDERS)
        self.sheet = sheet is not None
        self.max_cells = max_cells
        self.row = self.col = 0          # calamine's counters, for cells without an address
        self.max_row = self.max_col = 0

    def refuse(self, code: str, **params) -> Refused:
        where = Text("where-sheet-part", sheet=self.sheet_name, part=self.name) if self.sheet_name else \
            Text("where-part", part=self.name)
        return Refused(code, where=where, **params)

    def scan(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, feed: Callable[..., None] | None = None) -> None:
        """Check the part. `feed(body, marked)` is handed each body once it has passed, and b"" at
        the end; `marked` is False when the body holds neither `<f` nor `t="e"`, None when unknown."""
        self.feed = feed
        carry = b""
        first = True
        with zf.open(info) as fh, _Chunks(fh, info.file_size, self.threads()) as chunks:
            for chunk in chunks:
                if first:
                    first = False
                    head = chunk[:64]
                    if self.xml and (head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<" in head or b"<\x00" in head):
                        raise self.refuse("part-utf16")
                if not chunk:
                    self._body(carry)
                    break
                # a body ends at a '>', which the carry never holds: the last one is in this chunk
                cut = chunk.rfind(b">") + 1
                if cut == 0:
                    buf = carry + chunk
                    if len(buf) <= _MAX_RUN:
                        carry = buf
                        continue
                    if self.strict or self.sheet:
                        raise self.refuse("part-long-run", size=f"{_MAX_RUN // 1024**2} MB")
                    self._body(buf)    # a binary part: keep enough to find a marker cut here
                    carry = buf[-_OVERLAP:]
                    continue
                self._body(carry + chunk[:cut])
                carry = chunk[cut:]
        if feed is not None:
            feed(b"", None)

    def _body(self, body: bytes) -> None:
        if not body:
            return
        if not self.sheet and _SHEET.search(body):
            self.sheet = True
        if not (self.xml or self.sheet):
            return
        # a large sheet body is looked at with array operations, on the other core (when it is
        # free) while this thread runs the rest: the same checks, several times faster
        arrays = Marks(body) if self.sheet and len(body) > _ARRAYS_FROM else None
        job = _worker().submit(arrays.answers) if arrays is not None and self.threads() else None
        if b"!" in body and _DOCTYPE.search(body):     # '!' is rare in a sheet: memchr finds it at once
            raise self.refuse("part-doctype")
        if self.strict or self.sheet:
            # every '<' must meet a '>' before the next '<': the regular expressions that read these
            # parts then take linear time (a body ends at a '>' unless it is the last one)
            marks = body.translate(None, _BRACKETS)
            if b"<<" in marks or marks.rfind(b"<") > marks.rfind(b">"):
                raise self.refuse("part-unclosed")
        if not self.sheet:
            return
        answers = None
        if arrays is not None:
            plain = arrays.plain_cells()
            answers = job.result() if job is not None else arrays.answers()
        self._extent(body, None if answers is None else (plain, answers.extent))
        if self.feed is not None:
            # bulk.Scanner reads formulas and error cells with regular expressions, where there are any
            self.feed(body, None if answers is None else answers.error or arrays.formula())

    def _extent(self, body: bytes, answers: tuple | None = None) -> None:
        """Grow the bound on the last row and column calamine will place a value in. `answers` are
        (plain cells, _loose_max(body)) when the array path computed them."""
        plain, found = answers if answers is not None else (
            body.count(b"<c ") == body.count(b"<c r=") and not ODD_CELL.search(body)
            and not PREFIXED_CELL.search(body), None)
        if plain:
            # every cell tag starts with its address: the largest r="…" anywhere bounds the grid. It
            # may count more than calamine (a formatted empty cell, text that looks like an address),
            # never less; when that bound is too large the exact reading below decides.
            rows, cols = self.max_row, self.max_col
            if answers is None:
                found = loose_max(body)
            if found is None:       # a form only the regular expression reads (spaces around '=' …)
                refs = [(c, r) for c, r in R_LOOSE.findall(body) if c and r]    # a cell's address: both
                found = (max(map(int, {r for _, r in refs})), max(map(column_number, {c for c, _ in refs}))) \
                    if refs else (0, 0)
            rows, cols = max(rows, found[0]), max(cols, found[1])
            if self._fits(rows, cols):
                self.max_row, self.max_col = rows, cols
                self.row, self.col = max(self.row, rows), cols
                return
        self._exact(body)
        self._check_extent()

    def _exact(self, body: bytes) -> None:
        """calamine's own rule: a cell without an address follows the one before it in its row,
        a row without one follows the row before; a cell without a value places nothing."""
        for m in _TAG.finditer(body):
            values = [a or b for a, b in _R_ATTR.findall(m.group(2))]
            value = values[-1] if values else b""          # calamine keeps the last of duplicates
            letters = bytes(ch for ch in value if 65 <= ch <= 90 or 97 <= ch <= 122)
            digits = bytes(ch for ch in value if 48 <= ch <= 57)
            if m.group(1) == b"row":
                self.row = int(digits) if digits else self.row + 1
                self.col = 0
                continue
            if letters:
                self.col = column_number(letters)
                row = int(digits) if digits else self.row
            else:
                row, self.col = self.row, self.col + 1
            if not m.group(3):                   # <c …/> holds no value
                self.max_row = max(self.max_row, row)
                self.max_col = max(self.max_col, self.col)

    def _fits(self, rows: int, cols: int) -> bool:
        return rows <= MAX_ROWS and cols <= MAX_COLS and rows * cols <= self.max_cells

    def _check_extent(self) -> None:
        rows, cols = self.max_row, self.max_col
        if self._fits(rows, cols):
            return
        where = Text("where-sheet", sheet=self.sheet_name) if self.sheet_name else Text("where-part", part=self.name)
        last = Text("cell-address", col=_letters(min(cols, MAX_COLS * 26)), row=RowNumber(rows))
        if rows > MAX_ROWS or cols > MAX_COLS:
            raise Refused("cell-beyond-grid", where=where, cell=last)
        raise Refused("sheet-too-many-cells", where=where, cell=last, rows=rows, cols=cols, cells=rows * cols,
                      limit=self.max_cells)


def _letters(n: int) -> str:
    s = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s or "A"
