"""What the two sheet readers share (grid.py cell by cell, bulk.py column-wise): cell addresses,
the regular expressions for formula and error cells, merged ranges, the calamine read of one
sheet. A bad file raises errors.Unreadable (a code and its parameters, see schemas/messages.yaml)."""
from __future__ import annotations

import re

from lkjip_xl.errors import Unreadable  # also known as cells.Unreadable and grid.Unreadable

MAX_CELLS = 10_000_000                  # rows × columns from A1 to the last cell with a value, one sheet


def col_letter(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def a1(r: int, c: int) -> str:
    return f"{col_letter(c)}{r + 1}"


def parse_a1(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


# a cell's content ends at its </c> and never runs into the next <c: linear time on any input
CELL = re.compile(rb'<c\b([^<>]*?)(?:/>|>((?:[^<]|<(?!c\b))*?)</c>)', re.S)
REF = re.compile(rb'\br="([A-Z]+\d+)"')
F = re.compile(rb'<f\b[^<>]*?(?:/>|>([^<]*)</f>)', re.S)
V = re.compile(rb'<v>\s*[^<\s]')


def formulas_without_value(data: bytes) -> dict[tuple[int, int], str]:
    return formulas_in(CELL.finditer(data)) if b"<f" in data else {}


# a cell tag without its address: some generators leave r="C3" out, and Excel reads the cell as the
# next one in its row (and a row without r as the next row)
_NO_REF_CELL = re.compile(rb'<c(?=[\s/>])(?![^<>]*\br\s*=)')
_ROW_OR_CELL = re.compile(rb'<(row|c)(?=[\s/>])([^<>]*?)(/?)>')
_ANY_R = re.compile(rb'\br\s*=\s*["\']([A-Za-z]*)(\d+)["\']')


def unaddressed(data: bytes) -> bool:
    """Whether some cell tag in data has no r="…"."""
    return _NO_REF_CELL.search(data) is not None


def with_addresses(data: bytes) -> bytes:
    """Sheet XML in which every cell tag carries its address, so that the scans for formulas,
    errors and number formats (which go by r="…") see cells written without one."""
    if not _NO_REF_CELL.search(data):
        return data
    out, pos, row, col = [], 0, 0, -1
    for m in _ROW_OR_CELL.finditer(data):
        kind, attrs = m.group(1), m.group(2)
        ref = _ANY_R.search(attrs)
        if kind == b"row":
            row, col = (int(ref.group(2)) if ref else row + 1), -1
            continue
        if ref and ref.group(1):
            col = 0
            for ch in ref.group(1).upper():
                col = col * 26 + ch - 64
            col -= 1
            continue
        col += 1
        out += [data[pos:m.start()], b'<c r="' + a1(row - 1, col).encode() + b'"' + attrs + m.group(3) + b">"]
        pos = m.end()
    out.append(data[pos:])
    return b"".join(out)


def formulas_in(cells) -> dict[tuple[int, int], str]:
    """(r, c) → formula, of the CELL matches that hold a formula without a saved value."""
    out = {}
    for m in cells:
        inner = m.group(2)
        if not inner or b"<f" not in inner or V.search(inner):
            continue
        ref = REF.search(m.group(1))
        f = F.search(inner)
        if ref:
            text = (f.group(1) or b"").decode("utf-8", "replace") if f else ""
            out[parse_a1(ref.group(1).decode())] = unescape(text) or "…"
    return out


ERROR_CELL = re.compile(rb'<c\b([^<>]*\bt="e"[^<>]*)>((?:[^<]|<(?!c\b))*?)</c>', re.S)
V_TEXT = re.compile(rb"<v>([^<]*)</v>")


def error_cells(data: bytes) -> dict[tuple[int, int], str]:
    """Cells holding an Excel error (#REF!, #DIV/0!, #N/A …), which calamine reads as empty."""
    return errors_in(ERROR_CELL.finditer(data)) if b'"e"' in data else {}


def errors_in(cells) -> dict[tuple[int, int], str]:
    """(r, c) → "#REF!" …, of the ERROR_CELL matches."""
    out = {}
    for m in cells:
        ref, v = REF.search(m.group(1)), V_TEXT.search(m.group(2))
        if ref:
            out[parse_a1(ref.group(1).decode())] = v.group(1).decode("utf-8", "replace") if v else "#ERROR"
    return out


def merges(name: str, ranges, rows: list[list]) -> list[tuple[int, int, int, int]]:
    """Merged ranges as (r0, c0, r1, c1), corners in order, cut to the cells the sheet holds: a merge
    down to row 1,048,576 covers nothing below the last value. Excel never saves overlapping merges;
    a file that has them is refused before the readers fill thousands of ranges over each other."""
    return clip_merges(name, ranges, len(rows), max((len(r) for r in rows), default=0))


UNBOUNDED = 1 << 40


def clip_merges(name: str, ranges, height: int, width: int) -> list[tuple[int, int, int, int]]:
    """merges for a sheet of the given size (rows, columns from A1 to the last value)."""
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
        raise Unreadable("merges-overlap", sheet=name)
    return out




def open_workbook(opener):
    """A calamine workbook from `opener()` (a path string or an open file), with a broken or
    password-protected file turned into Unreadable."""
    import python_calamine as pc

    try:
        source = opener()
        return pc.CalamineWorkbook.from_path(source) if isinstance(source, str) else pc.CalamineWorkbook.from_filelike(source)
    except pc.PasswordError as exc:
        raise Unreadable("file-password") from exc
    except Exception as exc:  # calamine raises several unrelated types for a broken file
        raise Unreadable("workbook-broken", why=type(exc).__name__) from exc


def sheet_rows(wb, name: str, deferred: bool = False) -> tuple[list[list], list, list]:
    """One sheet's rows (absolute: rows[r][c] is cell (r+1, c+1)), its merged ranges cut to the
    rows (uncut when `deferred`: a large sheet's head, whose size is known later), and the ranges
    as read."""
    try:
        sheet = wb.get_sheet_by_name(name)
        end = sheet.end
        if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
            raise Unreadable("sheet-too-large", sheet=name, rows=end[0] + 1, cols=end[1] + 1, limit=MAX_CELLS)
        rows = sheet.to_python(skip_empty_area=False) if end is not None else []
        # an empty row costs nothing: a stray cell at A1048576 leaves a million of them above it
        rows = [row if row.count("") != len(row) else [] for row in rows]
        ranges = list(getattr(sheet, "merged_cell_ranges", None) or [])
        cut = clip_merges(name, ranges, UNBOUNDED, UNBOUNDED) if deferred else merges(name, ranges, rows)
        return rows, cut, ranges
    except Unreadable:
        raise
    except Exception as exc:
        raise Unreadable("content-broken", why=f"{type(exc).__name__}: {str(exc)[:120]}") from exc
