"""The rows a workbook's defined names point at (xl/workbook.xml).

The template marks each example row with a defined name (read/contoh.py): a mark the officer does not
see and so does not overwrite, which Excel and LibreOffice move with the row and turn into #REF! when
the row is deleted. Read with a regular expression over the part, never an XML parser; the file has
passed guard.py already (grid.load), and the part is read only up to a size.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lkjip_xl.xlsx.cells import unescape

MAX_WORKBOOK_PART = 8 * 1024**2       # xl/workbook.xml beyond this is not looked at for names
MAX_NAMED_ROWS = 100                   # a name over more rows (a whole column) marks no example row
_NAME = re.compile(rb"<(?:\w+:)?definedName\b([^<>]*)>([^<]*)</(?:\w+:)?definedName>")
_ATTR = re.compile(rb'\bname="([^"]*)"')
_REF = re.compile(r"(?:'((?:[^']|'')+)'|([^'!,()=\s]+))!\$?[A-Za-z]{1,3}\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?")


def named_rows(path: Path, prefix: str) -> dict[str, set[int]]:
    """Sheet name → the Excel rows (1-based) of the names that start with `prefix` (any case), for an
    .xlsx/.xlsm file; {} when it has none or is no such file."""
    try:
        with zipfile.ZipFile(path) as zf:
            return with_prefix(defined_rows(zf), prefix)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return {}


def with_prefix(defined: dict[str, dict[str, set[int]]], prefix: str) -> dict[str, set[int]]:
    """Sheet name → rows, of the defined_rows names that start with `prefix` (any case)."""
    out: dict[str, set[int]] = {}
    want = prefix.upper()
    for name, sheets in defined.items():
        if name.startswith(want):
            for sheet, rows in sheets.items():
                out.setdefault(sheet, set()).update(rows)
    return out


def defined_rows(zf: zipfile.ZipFile) -> dict[str, dict[str, set[int]]]:
    """Every defined name of an open workbook (upper case) → sheet name → the Excel rows it covers;
    names over MAX_NAMED_ROWS rows or more are left out. Raises KeyError without xl/workbook.xml."""
    info = zf.getinfo("xl/workbook.xml")
    if info.file_size > MAX_WORKBOOK_PART:
        return {}
    out: dict[str, dict[str, set[int]]] = {}
    for attrs, body in _NAME.findall(zf.read(info)):
        name = _ATTR.search(attrs)
        if not name:
            continue
        key = unescape(name.group(1).decode("utf-8", "replace")).upper()
        for ref in _REF.finditer(unescape(body.decode("utf-8", "replace"))):
            sheet = ref.group(1).replace("''", "'") if ref.group(1) else ref.group(2)
            first = int(ref.group(3))
            last = int(ref.group(4) or first)
            if 0 < first <= last and last - first < MAX_NAMED_ROWS:
                out.setdefault(key, {}).setdefault(sheet, set()).update(range(first, last + 1))
    return out
