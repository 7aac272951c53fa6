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

from lkjip_xl import guard

MAX_FILE_BYTES = 100 * 1024**2          # a workbook larger than this on disk is refused
MAX_UNZIPPED_BYTES = 1024**3            # total decompressed size of a workbook
MAX_RATIO = 200                         # decompressed/compressed for any part over 10 MB
MAX_CELLS = 10_000_000                  # rows × columns from A1 to the last cell with a value, one sheet
# a zip that breaks while it is read (after its directory was fine), or a part the checks cannot read
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError, ValueError,
           KeyError, IndexError)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class Unreadable(Exception):
    "The file cannot be read as a workbook; the message says why and what to do."


@dataclass
class RawSheet:
    name: str
    rows: list[list]                       # absolute: rows[r][c] is Excel cell (r+1, c+1)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)   # r0, c0, r1, c1 (0-based, inclusive)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)     # (r, c) → formula without saved value
    errors: dict[tuple[int, int], str] = field(default_factory=dict)       # (r, c) → "#REF!": calamine gives ""
    bulk: object = None                    # a large sheet (bulk.Bulk): `rows` holds its head only, and
    merge_ranges: list | None = None       # its merged ranges as read, to be cut once its size is known


def col_letter(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def a1(r: int, c: int) -> str:
    return f"{col_letter(c)}{r + 1}"


def _parse_a1(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def load(path: Path) -> list[RawSheet]:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise Unreadable(f"berkas tidak dapat dibuka ({exc.strerror or exc})") from exc
    if size == 0:
        raise Unreadable("berkas kosong (0 byte), kemungkinan salinan atau unduhan yang gagal; salin ulang berkas "
                         "aslinya")
    if size > MAX_FILE_BYTES:
        raise Unreadable(f"berkas lebih besar dari batas {_size(MAX_FILE_BYTES)}; simpan lembar yang "
                         "diperlukan (DPA, realisasi, IKU) sebagai berkas tersendiri")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _check_csv_size(path)
        return [_load_csv(path)]
    if head.startswith(_OLE):
        if _ENCRYPTED in path.read_bytes():
            raise Unreadable(PASSWORD)
        return _load_calamine(path, None)
    if head.startswith(b"PK"):
        try:
            return _load_xlsx(path)
        except _BROKEN as exc:
            if "encrypted" in str(exc):         # a zip tool's password, not Excel's
                raise Unreadable(PASSWORD) from exc
            raise Unreadable("berkas rusak atau terpotong (isi arsip .xlsx tidak utuh); minta kirim ulang atau "
                             "simpan ulang dari Excel") from exc
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")) or b"<html" in text:
        raise Unreadable("berkas ini sebenarnya halaman web (HTML) yang diberi nama .xls/.xlsx, seperti hasil "
                         "ekspor sebagian aplikasi; buka di Excel, lalu Simpan Sebagai 'Excel Workbook (*.xlsx)'")
    if text.startswith(b"<?xml"):
        raise Unreadable("berkas ini sebenarnya XML (mis. 'XML Spreadsheet 2003') yang diberi nama .xls/.xlsx; "
                         "buka di Excel, lalu Simpan Sebagai 'Excel Workbook (*.xlsx)'")
    raise Unreadable("isi berkas bukan buku kerja Excel (mungkin berkas lain yang diberi nama .xlsx/.xls); "
                     "buka di Excel dan simpan sebagai .xlsx")


PASSWORD = ("berkas dilindungi kata sandi (terenkripsi), jadi isinya tidak dapat dibaca. Buka di Excel dengan "
            "kata sandinya, pilih File > Info > Protect Workbook (Proteksi Buku Kerja) > Encrypt with Password "
            "(Enkripsikan dengan Kata Sandi), kosongkan kata sandinya, klik OK, lalu simpan; atau Simpan Sebagai "
            "berkas baru tanpa kata sandi")


def _size(n: int) -> str:
    return f"{n // 1024**3} GB" if n % 1024**3 == 0 else f"{n // 1024**2} MB"


def _check_csv_size(path: Path) -> None:
    """A .csv's cells are at most its separators and line breaks: bound them before parsing."""
    raw = path.read_bytes()
    cells = sum(raw.count(sep) for sep in (b",", b";", b"\t", b"|", b"\n")) + 1
    if cells > MAX_CELLS:
        raise Unreadable(f"berkas .csv terlalu besar (sampai {cells:,} sel; batas {MAX_CELLS:,} sel)".replace(",", "."))


def _load_xlsx(path: Path) -> list[RawSheet]:
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable("berkas rusak atau terpotong (bukan arsip .xlsx yang utuh); minta kirim ulang atau simpan ulang dari Excel") from exc
    with zf:
        total = sum(i.file_size for i in infos)
        if total > MAX_UNZIPPED_BYTES:
            raise Unreadable(f"isi berkas jika diurai lebih dari {_size(MAX_UNZIPPED_BYTES)} (kemungkinan 'zip bomb'); berkas tidak dibaca")
        for i in infos:
            if i.file_size > 10 * 1024**2 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                raise Unreadable(f"bagian {i.filename} terkompresi secara tidak wajar (rasio > {MAX_RATIO}:1, kemungkinan 'zip bomb'); berkas tidak dibaca")
        names = {i.filename for i in infos}
        if "xl/workbook.xml" not in names:
            kind = ("buku kerja biner Excel (.xlsb)" if "xl/workbook.bin" in names else
                    "dokumen Word" if "word/document.xml" in names else
                    "berkas OpenDocument (.ods)" if "content.xml" in names else "arsip zip biasa")
            raise Unreadable(f"berkas ini {kind}, bukan buku kerja .xlsx; buka di Excel atau LibreOffice, lalu "
                             "Simpan Sebagai 'Excel Workbook (*.xlsx)'")
        # a large sheet is read once as guard.check streams it (bulk.Scanner), and column-wise later
        from lkjip_xl import bulk
        sizes = {i.filename: i.file_size for i in infos}
        named: dict[str, str] = {}
        scanners: dict[str, bulk.Scanner] = {}

        def sheet_names():
            named.update({part: sheet for sheet, part in _sheet_parts(zf).items()})
            return named

        def observe(part):
            if part in named and sizes.get(part, 0) > bulk.BULK_MIN_BYTES:
                return scanners.setdefault(part, bulk.Scanner(sizes[part])).feed
            return None

        try:
            guard.check(zf, MAX_CELLS, sheet_names, observe, threads=not bulk.busy())
        except guard.Refused as exc:
            raise Unreadable(str(exc)) from exc
        parts = _sheet_parts(zf)
        scans = {sheet: scanners[part].result() for sheet, part in parts.items() if part in scanners}
        scans = {sheet: sc for sheet, sc in scans.items() if sc is not None}
        formulas, errors = {}, {}
        for sheet, part in parts.items():
            if sheet in scans:
                formulas[sheet], errors[sheet] = scans[sheet].formulas, scans[sheet].errors
            elif part in zf.namelist():
                data = zf.read(part)       # decompressed once for both scans
                formulas[sheet], errors[sheet] = _formulas_without_value(data), _error_cells(data)
        source = bulk.head_workbook(zf, {parts[sheet]: sc for sheet, sc in scans.items()}) if scans else None
    sheets = _load_calamine(path, formulas, errors, source, frozenset(scans))
    for raw in sheets:
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
            out[_unescape(name.group(1))] = targets[rid.group(1)]
    return out


def _unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


# a cell's content ends at its </c> and never runs into the next <c: linear time on any input
_CELL = re.compile(rb'<c\b([^<>]*?)(?:/>|>((?:[^<]|<(?!c\b))*?)</c>)', re.S)
_REF = re.compile(rb'\br="([A-Z]+\d+)"')
_F = re.compile(rb'<f\b[^<>]*?(?:/>|>([^<]*)</f>)', re.S)
_V = re.compile(rb'<v>\s*[^<\s]')


def _formulas_without_value(data: bytes) -> dict[tuple[int, int], str]:
    return formulas_in(_CELL.finditer(data)) if b"<f" in data else {}


def formulas_in(cells) -> dict[tuple[int, int], str]:
    """(r, c) → formula, of the _CELL matches that hold a formula without a saved value."""
    out = {}
    for m in cells:
        inner = m.group(2)
        if not inner or b"<f" not in inner or _V.search(inner):
            continue
        ref = _REF.search(m.group(1))
        f = _F.search(inner)
        if ref:
            text = (f.group(1) or b"").decode("utf-8", "replace") if f else ""
            out[_parse_a1(ref.group(1).decode())] = _unescape(text) or "…"
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
        code = _unescape((_attr(m.group(0), b"formatCode") or b"").decode("utf-8", "replace"))
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
    for m in tag.finditer(zf.read(part)):
        ref = _REF.search(m.group(0))
        if ref:
            out.add(_parse_a1(ref.group(1).decode()))
    return out


_ERROR_CELL = re.compile(rb'<c\b([^<>]*\bt="e"[^<>]*)>((?:[^<]|<(?!c\b))*?)</c>', re.S)
_V_TEXT = re.compile(rb"<v>([^<]*)</v>")


def _error_cells(data: bytes) -> dict[tuple[int, int], str]:
    """Cells holding an Excel error (#REF!, #DIV/0!, #N/A …), which calamine reads as empty."""
    return errors_in(_ERROR_CELL.finditer(data)) if b'"e"' in data else {}


def errors_in(cells) -> dict[tuple[int, int], str]:
    """(r, c) → "#REF!" …, of the _ERROR_CELL matches."""
    out = {}
    for m in cells:
        ref, v = _REF.search(m.group(1)), _V_TEXT.search(m.group(2))
        if ref:
            out[_parse_a1(ref.group(1).decode())] = v.group(1).decode("utf-8", "replace") if v else "#ERROR"
    return out


def percent_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """(r, c) of one sheet's percent-formatted cells, which hold 0.9421 where the user sees 94,21%.

    Asked for indicator sheets only (a scan of every cell's style costs a quarter of the load time
    of a large rekening sheet). Not known for .xls and .csv: calamine does not report formats.
    """
    if path.suffix.lower() == ".csv":
        return set()
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_parts(zf).get(sheet)
            styles = _percent_styles(zf)
            return _styled_cells(zf, part, styles) if part and styles else set()
    except _BROKEN:         # a styles part Excel never writes (numFmtId="abc"…): no formats known
        return set()


def _load_calamine(path: Path, formulas: dict | None, errors: dict | None = None, source=None,
                   defer=frozenset()) -> list[RawSheet]:
    import python_calamine as pc

    try:
        if source is not None:    # the workbook with its large sheets cut after their head rows
            wb = pc.CalamineWorkbook.from_filelike(source)
        elif path.suffix.lower() in ((".xls",) if formulas is None else (".xlsx", ".xlsm")):
            wb = pc.CalamineWorkbook.from_path(str(path))
        else:   # an .xlsx saved as .xls or the other way round: calamine would go by the name
            with path.open("rb") as fh:
                wb = pc.CalamineWorkbook.from_filelike(fh)
    except pc.PasswordError as exc:
        raise Unreadable(PASSWORD) from exc
    except Exception as exc:  # calamine raises several unrelated types for a broken file
        raise Unreadable(f"berkas rusak atau bukan buku kerja Excel yang dapat dibaca ({type(exc).__name__})") from exc
    sheets = []
    try:
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise Unreadable(f"lembar '{name}' terlalu besar ({end[0] + 1} baris × {end[1] + 1} kolom; batas {MAX_CELLS:,} sel)")
            rows = sheet.to_python(skip_empty_area=False) if end is not None else []
            # an empty row costs nothing: a stray cell at A1048576 leaves a million of them above it
            rows = [row if row.count("") != len(row) else [] for row in rows]
            ranges = getattr(sheet, "merged_cell_ranges", None) or []
            if name in defer:     # a large sheet's head: its size is known once its rows are read
                merges = clip_merges(name, ranges, _UNBOUNDED, _UNBOUNDED)
            else:
                merges = _merges(name, ranges, rows)
            sheets.append(RawSheet(name=name, rows=rows, merges=merges, formulas=(formulas or {}).get(name, {}),
                                   errors=(errors or {}).get(name, {}),
                                   merge_ranges=list(ranges) if name in defer else None))
    except Unreadable:
        raise
    except Exception as exc:
        raise Unreadable(f"isi berkas rusak dan tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:120]})") from exc
    finally:
        wb.close()
    return sheets


def _merges(name: str, ranges, rows: list[list]) -> list[tuple[int, int, int, int]]:
    """Merged ranges as (r0, c0, r1, c1), corners in order, cut to the cells the sheet holds: a merge
    down to row 1,048,576 covers nothing below the last value. Excel never saves overlapping merges;
    a file that has them is refused before the readers fill thousands of ranges over each other."""
    return clip_merges(name, ranges, len(rows), max((len(r) for r in rows), default=0))


_UNBOUNDED = 1 << 40


def clip_merges(name: str, ranges, height: int, width: int) -> list[tuple[int, int, int, int]]:
    """_merges for a sheet of the given size (rows, columns from A1 to the last value)."""
    out, area, seen = [], 0, set()
    for (a0, a1), (b0, b1) in ranges:
        r0, r1 = sorted((a0, b0))
        c0, c1 = sorted((a1, b1))
        if r0 >= height or c0 >= width:
            continue
        r1, c1 = min(r1, height - 1), min(c1, width - 1)
        if (r0, c0, r1, c1) in seen:          # the same range twice is harmless: keep it once
            continue
        seen.add((r0, c0, r1, c1))
        out.append((r0, c0, r1, c1))
        area += (r1 - r0 + 1) * (c1 - c0 + 1)
    if area > max(height * width, 1):
        raise Unreadable(f"lembar '{name}' memuat sel gabungan (merge) yang saling bertumpuk, yang tidak pernah "
                         "disimpan Excel; berkas rusak. Buka di Excel (biarkan Excel memperbaikinya) dan simpan "
                         "ulang, lalu jalankan lagi")
    return out


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
        raise Unreadable("berkas .csv bukan teks UTF-8 atau Windows-1252; buka di Excel lalu simpan sebagai 'CSV UTF-8'")
    if "\x00" in text:
        raise Unreadable("berkas .csv berisi data biner, bukan teks")
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]
    except csv.Error as exc:
        raise Unreadable(f"berkas .csv tidak dapat diurai ({exc})") from exc
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
