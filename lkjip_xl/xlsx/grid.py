"""Files → raw grids of cell values, with merged ranges and formulas that have no saved value.

The bulk of the cells is read by calamine (Rust, fast). What calamine does not tell us is read
from the sheet XML itself: which cells hold a formula without a cached result, which hold an Excel
error (#REF!, calamine gives ""), and which are formatted as percent (0.9421 shown as 94,21%).
A .xls file has none of these read: it always caches formula results, but its errors read as
blank and its percent cells as fractions (a capaian of 0.94 then shows up as capaian-mismatch).
Hostile files are refused before any parser sees them: sizes are checked from the zip directory, then every
part by guard.py (DOCTYPE, tags that never close, a sheet whose last cell is too far from A1).
The limits below are documented in README.md ("Batas ukuran dan berkas bermasalah").
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from posixpath import join as zjoin, normpath

from lkjip_xl.messages import Text
from lkjip_xl.xlsx import bulk, cells, guard, names
from lkjip_xl.xlsx.cells import (CELL, REF, Unreadable, a1, col_letter, error_cells, errors_in,
                                 formulas_in, formulas_without_value, open_workbook, parse_a1, sheet_rows, unescape,
                                 with_addresses)

MAX_FILE_BYTES = 100 * 1024**2          # a workbook larger than this on disk is refused
MAX_UNZIPPED_BYTES = 1024**3            # total decompressed size of a workbook
MAX_RATIO = 200                         # decompressed/compressed for any part over 10 MB
# a zip that breaks while it is read (after its directory was fine), or a part the checks cannot read
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError, ValueError,
           KeyError, IndexError)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass
class RawSheet:
    name: str
    rows: list[list]                       # absolute: rows[r][c] is Excel cell (r+1, c+1)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)   # r0, c0, r1, c1 (0-based, inclusive)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)     # (r, c) → formula without saved value
    errors: dict[tuple[int, int], str] = field(default_factory=dict)       # (r, c) → "#REF!": calamine gives ""
    bulk: object = None                    # a large sheet (bulk.Bulk): `rows` holds its head only, and
    merge_ranges: list | None = None       # its merged ranges as read, to be cut once its size is known
    names: dict[str, set[int]] = field(default_factory=dict)    # defined name (upper case) → its rows here


def load(path: Path) -> list[RawSheet]:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise Unreadable("file-cannot-open", why=str(exc.strerror or exc)) from exc
    if size == 0:
        raise Unreadable("file-empty")
    if size > MAX_FILE_BYTES:
        raise Unreadable("file-too-large", size=_size(MAX_FILE_BYTES))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _check_csv_size(path)
        return [_load_csv(path)]
    if head.startswith(_OLE):
        if _ENCRYPTED in path.read_bytes():
            raise Unreadable("file-password")
        return _load_calamine(path, None)
    if head.startswith(b"PK"):
        try:
            return _load_xlsx(path)
        except _BROKEN as exc:
            if "encrypted" in str(exc):         # a zip tool's password, not Excel's
                raise Unreadable("file-password") from exc
            raise Unreadable("xlsx-incomplete") from exc
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")) or b"<html" in text:
        raise Unreadable("file-is-html")
    if text.startswith(b"<?xml"):
        raise Unreadable("file-is-xml")
    raise Unreadable("file-not-excel")


def _size(n: int) -> str:
    return f"{n // 1024**3} GB" if n % 1024**3 == 0 else f"{n // 1024**2} MB"


def _check_csv_size(path: Path) -> None:
    """A .csv's cells are at most its separators and line breaks: bound them before parsing."""
    raw = path.read_bytes()
    n = sum(raw.count(sep) for sep in (b",", b";", b"\t", b"|", b"\n")) + 1
    if n > cells.MAX_CELLS:
        raise Unreadable("csv-too-large", cells=n, limit=cells.MAX_CELLS)


def _load_xlsx(path: Path) -> list[RawSheet]:
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable("xlsx-not-zip") from exc
    with zf:
        total = sum(i.file_size for i in infos)
        if total > MAX_UNZIPPED_BYTES:
            raise Unreadable("unzipped-too-large", size=_size(MAX_UNZIPPED_BYTES))
        for i in infos:
            if i.file_size > 10 * 1024**2 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                raise Unreadable("zip-ratio", part=i.filename, ratio=MAX_RATIO)
        listed = {i.filename for i in infos}
        if "xl/workbook.xml" not in listed:
            kind = ("kind-xlsb" if "xl/workbook.bin" in listed else "kind-word" if "word/document.xml" in listed
                    else "kind-ods" if "content.xml" in listed else "kind-zip")
            raise Unreadable("not-xlsx", kind=Text(kind))
        # a large sheet is read once as guard.check streams it (bulk.Scanner), and column-wise later
        sizes = {i.filename: i.file_size for i in infos}
        named: dict[str, str] = {}
        scanners: dict[str, bulk.Scanner] = {}

        parts: dict[str, str] = {}

        def sheet_names():
            parts.update(_sheet_parts(zf))
            named.update({part: sheet for sheet, part in parts.items()})
            return named

        def observe(part):
            if part in named and sizes.get(part, 0) > bulk.BULK_MIN_BYTES:
                return scanners.setdefault(part, bulk.Scanner(sizes[part])).feed
            return None

        try:
            guard.check(zf, cells.MAX_CELLS, sheet_names, observe, threads=lambda: not bulk.busy())
        except guard.Refused as exc:
            raise Unreadable(exc.code, **exc.params) from exc
        parts = parts or _sheet_parts(zf)      # guard.check asked for them once xl/workbook.xml had passed
        defined = names.defined_rows(zf)
        scans = {sheet: scanners[part].result() for sheet, part in parts.items() if part in scanners}
        scans = {sheet: sc for sheet, sc in scans.items() if sc is not None}
        formulas, errors = {}, {}
        for sheet, part in parts.items():
            if sheet in scans:
                formulas[sheet], errors[sheet] = scans[sheet].formulas, scans[sheet].errors
            elif part in zf.namelist():
                data = with_addresses(zf.read(part))      # decompressed once for both scans
                formulas[sheet], errors[sheet] = formulas_without_value(data), error_cells(data)
        source = bulk.head_workbook(zf, {parts[sheet]: sc for sheet, sc in scans.items()}) if scans else None
    sheets = _load_calamine(path, formulas, errors, source, frozenset(scans))
    for raw in sheets:
        raw.names = {name: rows[raw.name] for name, rows in defined.items() if raw.name in rows}
        if raw.name in scans:
            raw.bulk = bulk.Bulk(path, raw.name)
            if len(raw.rows) > bulk.HEAD_ROWS:     # a cell placed out of row order: read it all
                raw.rows, raw.merges = raw.bulk.full()
                raw.bulk = None
    return sheets


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace") if "xl/_rels/workbook.xml.rels" in zf.namelist() else ""
    targets = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        rid = re.search(r'\bId="([^"]+)"', tag)
        tgt = re.search(r'\bTarget="([^"]+)"', tag)
        if rid and tgt:
            t = tgt.group(1)
            targets[rid.group(1)] = t.lstrip("/") if t.startswith("/") else normpath(zjoin("xl", t))
    out = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", wb):
        tag = m.group(0)
        name = re.search(r'\bname="([^"]*)"', tag)
        rid = re.search(r'\br:id="([^"]+)"', tag) or re.search(r'\b\w+:id="([^"]+)"', tag)
        if name and rid and rid.group(1) in targets:
            out[unescape(name.group(1))] = targets[rid.group(1)]
    return out


_XFS = re.compile(rb"<cellXfs\b[^<>]*>((?:[^<]|<(?!cellXfs\b))*?)</cellXfs>", re.S)
_XF = re.compile(rb"<xf\b[^>]*>")
_NUMFMT = re.compile(rb"<numFmt\b[^>]*>")
_PERCENT_IDS = {9, 10}     # built-in 0% and 0.00%


def _attr(tag: bytes, name: bytes) -> bytes | None:
    m = re.search(rb"\b" + name + rb'="([^"]*)"', tag)
    return m.group(1) if m else None


def _percent_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indices of cell styles whose number format shows a percent (the value is a fraction)."""
    if "xl/styles.xml" not in zf.namelist():
        return set()
    data = zf.read("xl/styles.xml")
    ids = set(_PERCENT_IDS)
    for m in _NUMFMT.finditer(data):
        code = unescape((_attr(m.group(0), b"formatCode") or b"").decode("utf-8", "replace"))
        # a % inside quotes, [colour] or after a backslash is literal text, not a percent format
        if "%" in re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code):
            ids.add(int(_attr(m.group(0), b"numFmtId") or -1))
    xfs = _XFS.search(data)
    if not xfs:
        return set()
    return {i for i, m in enumerate(_XF.finditer(xfs.group(1))) if int(_attr(m.group(0), b"numFmtId") or 0) in ids}


def _styled_cells(zf: zipfile.ZipFile, part: str, styles: set[int]) -> set[tuple[int, int]]:
    if part not in zf.namelist():
        return set()
    alts = b"|".join(str(i).encode() for i in sorted(styles))
    tag = re.compile(rb'<c\b[^>]*?\bs="(?:' + alts + rb')"[^>]*>')
    out = set()
    for m in tag.finditer(with_addresses(zf.read(part))):
        ref = REF.search(m.group(0))
        if ref:
            out.add(parse_a1(ref.group(1).decode()))
    return out


def percent_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """(r, c) of one sheet's percent-formatted cells, which hold 0.9421 where the user sees 94,21%.

    Asked for indicator sheets only (a scan of every cell's style costs a quarter of the load time
    of a large rekening sheet). A .xls (BIFF) file's formats are read with xlrd, as calamine does
    not report them; a .csv has none.
    """
    if path.suffix.lower() == ".csv":
        return set()
    with path.open("rb") as fh:
        if fh.read(8) == _OLE:
            return _xls_percent_cells(path, sheet)
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_parts(zf).get(sheet)
            styles = _percent_styles(zf)
            return _styled_cells(zf, part, styles) if part and styles else set()
    except _BROKEN:         # a styles part Excel never writes (numFmtId="abc"…): no formats known
        return set()


def _xls_percent_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """percent_cells of a .xls sheet: the number format of each numeric cell's XF record."""
    try:
        import xlrd
    except ImportError:         # an install without xlrd reads .xls percents as fractions, as before
        return set()
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception:           # xlrd refuses what calamine read (a BIFF5 file, odd records): none known
        return set()
    try:
        ws = book.sheet_by_name(sheet)
        percent_xf = set()
        for i, xf in enumerate(book.xf_list):
            fmt = book.format_map.get(xf.format_key)
            code = fmt.format_str if fmt is not None else ""
            if "%" in re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code):
                percent_xf.add(i)
        if not percent_xf:
            return set()
        return {(r, c) for r in range(ws.nrows) for c in range(ws.row_len(r))
                if ws.cell_type(r, c) == xlrd.XL_CELL_NUMBER and ws.cell_xf_index(r, c) in percent_xf}
    except Exception:
        return set()
    finally:
        book.release_resources()


def _load_calamine(path: Path, formulas: dict | None, errors: dict | None = None, source=None,
                   defer=frozenset()) -> list[RawSheet]:
    if source is not None:    # the workbook with its large sheets cut after their head rows
        wb = open_workbook(lambda: source)
    elif path.suffix.lower() in ((".xls",) if formulas is None else (".xlsx", ".xlsm")):
        wb = open_workbook(lambda: str(path))
    else:   # an .xlsx saved as .xls or the other way round: calamine would go by the name
        with path.open("rb") as fh:
            wb = open_workbook(lambda: fh)
    sheets = []
    try:
        for name in wb.sheet_names:
            rows, merges, ranges = sheet_rows(wb, name, deferred=name in defer)
            sheets.append(RawSheet(name=name, rows=rows, merges=merges, formulas=(formulas or {}).get(name, {}),
                                   errors=(errors or {}).get(name, {}),
                                   merge_ranges=ranges if name in defer else None))
    finally:
        wb.close()
    return sheets


def _load_csv(path: Path) -> RawSheet:
    raw = path.read_bytes()
    # Excel writes "CSV UTF-8" with a BOM and plain "CSV" in the PC's code page (cp1252 here)
    encodings = ("utf-16",) if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp1252")
    for enc in encodings:
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Unreadable("csv-encoding")
    if "\x00" in text:
        raise Unreadable("csv-binary")
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]
    except csv.Error as exc:
        raise Unreadable("csv-unparsable", why=str(exc)) from exc
    return RawSheet(name=path.stem, rows=rows)


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number of fields most often.

    Counting characters is not enough: an Indonesian ';' file is full of decimal commas.
    """
    lines = text.splitlines()[:50]
    best, key = ",", (0, 0)
    for delim in (";", ",", "\t", "|"):
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delim) if any(x.strip() for x in r)]
        except csv.Error:
            continue
        common = max(set(widths), key=widths.count) if widths else 1
        k = (widths.count(common) if common > 1 else 0, common)
        if k > key:
            best, key = delim, k
    return best
