"""Files → raw grids of cell values, with merged ranges and formulas that have no saved value.

The bulk of the cells is read by calamine (Rust, fast). What calamine does not tell us, which
cells hold a formula without a cached result, is read from the sheet XML itself. Hostile files
are refused before any parser sees them: sizes are checked from the zip directory and XML with
a DOCTYPE (the only way to declare entities) is never parsed.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from posixpath import join as zjoin, normpath

MAX_FILE_BYTES = 300 * 1024**2          # a workbook larger than this on disk is refused
MAX_UNZIPPED_BYTES = 2 * 1024**3        # total decompressed size of a workbook
MAX_RATIO = 200                         # decompressed/compressed for any part over 10 MB
MAX_CELLS = 60_000_000                  # rows × columns actually used in one sheet

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
            head = fh.read(8)
    except OSError as exc:
        raise Unreadable(f"berkas tidak dapat dibuka ({exc.strerror or exc})") from exc
    if size == 0:
        raise Unreadable("berkas kosong (0 byte)")
    if size > MAX_FILE_BYTES:
        raise Unreadable(f"berkas lebih besar dari batas {MAX_FILE_BYTES // 1024**2} MB")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_load_csv(path)]
    if head.startswith(_OLE):
        if _ENCRYPTED in path.read_bytes():
            raise Unreadable("berkas dilindungi kata sandi. Buka di Excel, pilih File > Info > Protect Workbook > "
                             "Encrypt with Password, kosongkan kata sandinya, lalu simpan ulang")
        return _load_calamine(path, None)
    if head.startswith(b"PK"):
        return _load_xlsx(path)
    raise Unreadable("isi berkas bukan buku kerja Excel (mungkin berkas lain yang diberi nama .xlsx/.xls); "
                     "buka di Excel dan simpan sebagai .xlsx")


def _load_xlsx(path: Path) -> list[RawSheet]:
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable("berkas rusak atau terpotong (bukan arsip .xlsx yang utuh); minta kirim ulang atau simpan ulang dari Excel") from exc
    with zf:
        total = sum(i.file_size for i in infos)
        if total > MAX_UNZIPPED_BYTES:
            raise Unreadable(f"isi berkas jika diurai lebih dari {MAX_UNZIPPED_BYTES // 1024**3} GB (kemungkinan 'zip bomb'); berkas tidak dibaca")
        for i in infos:
            if i.file_size > 10 * 1024**2 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                raise Unreadable(f"bagian {i.filename} terkompresi secara tidak wajar (rasio > {MAX_RATIO}:1, kemungkinan 'zip bomb'); berkas tidak dibaca")
        names = {i.filename for i in infos}
        if "xl/workbook.xml" not in names:
            raise Unreadable("arsip ini bukan buku kerja Excel (tidak ada xl/workbook.xml)")
        for name in names:
            if name.endswith(".xml") and name.startswith("xl/"):
                with zf.open(name) as fh:
                    start = fh.read(4096)
                if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                    raise Unreadable(f"bagian {name} berisi deklarasi DOCTYPE/ENTITY yang tidak pernah dibuat Excel (XML berbahaya); berkas tidak dibaca")
        parts = _sheet_parts(zf)
        formulas = {sheet: _formulas_without_value(zf, part) for sheet, part in parts.items()}
    return _load_calamine(path, formulas)


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


_CELL = re.compile(rb'<c\b([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_REF = re.compile(rb'\br="([A-Z]+\d+)"')
_F = re.compile(rb'<f\b[^>]*?(?:/>|>(.*?)</f>)', re.S)
_V = re.compile(rb'<v>\s*[^<\s]')


def _formulas_without_value(zf: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    if part not in zf.namelist():
        return {}
    data = zf.read(part)
    if b"<f" not in data:
        return {}
    out = {}
    for m in _CELL.finditer(data):
        inner = m.group(2)
        if not inner or b"<f" not in inner or _V.search(inner):
            continue
        ref = _REF.search(m.group(1))
        f = _F.search(inner)
        if ref:
            text = (f.group(1) or b"").decode("utf-8", "replace") if f else ""
            out[_parse_a1(ref.group(1).decode())] = _unescape(text) or "…"
    return out


def _load_calamine(path: Path, formulas: dict | None) -> list[RawSheet]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        raise Unreadable("berkas dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu simpan ulang") from exc
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
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (getattr(sheet, "merged_cell_ranges", None) or [])]
            sheets.append(RawSheet(name=name, rows=rows, merges=merges, formulas=(formulas or {}).get(name, {})))
    except Unreadable:
        raise
    except Exception as exc:
        raise Unreadable(f"isi berkas rusak dan tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:120]})") from exc
    finally:
        wb.close()
    return sheets


def _load_csv(path: Path) -> RawSheet:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise Unreadable("berkas .csv berisi data biner, bukan teks")
    sample = text[:20000]
    delim = ";" if sample.count(";") > sample.count(",") else ","
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delim)]
    except csv.Error as exc:
        raise Unreadable(f"berkas .csv tidak dapat diurai ({exc})") from exc
    return RawSheet(name=path.stem, rows=rows)
