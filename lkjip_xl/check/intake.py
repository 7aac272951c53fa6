"""Before anything is added up, which inputs count: a file of another year is left out (one
tahun-mismatch, not a comparison per row), and a copy of another input is read once (duplicate-file
when it carries the same data; indikator-mismatch at each cell where an indicator copy differs).
CONTRACT §5, one mistake, one finding."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import contoh
from lkjip_xl.read.headers import normalize, text
from lkjip_xl.read.sheets import Reading, Sheet
from lkjip_xl.xlsx.cells import col_letter

BUDGET_FILE_ROLES = ("dpa", "realisasi", "renja", "anggaran_kas")
INDICATOR_ROLES = ("indikator", "indikator_program")
_YEAR = re.compile(r"\b(?:tahun anggaran|tahun|ta|t a|anggaran)\s*(20\d\d)\b")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
# names Windows, Google Drive and officers give a copy: "IKU - Copy", "IKU (1)", "Salinan IKU"
_COPY = re.compile(r"(\bcopy\b|\bsalinan\b|\bkopi\b|\bduplikat\b|\(\d+\)\s*$|\bcopy of\b)", re.I)


@dataclass
class Intake:
    reading: Reading                   # the sheets that count
    findings: list[Finding] = field(default_factory=list)
    tahun_all: int | None = None       # the year every budget file names, when --tahun names another


def _years_in(s: str) -> set[int]:
    norm = normalize(s)
    said = {int(y) for y in _YEAR.findall(norm)}
    return said or {int(y) for y in _ANY_YEAR.findall(norm)}


def file_year(sheets: list[Sheet]) -> int | None:
    """The one year a budget file names in its sheets' titles, else in its file name; None when it
    names none, or several (a title 'TAHUN 2024' beside 'Perbup Nomor 5 Tahun 2023' is not read)."""
    titles = set().union(*(_years_in(s.title) for s in sheets)) if sheets else set()
    if len(titles) == 1:
        return titles.pop()
    if titles:
        return None
    names = _years_in(sheets[0].path.stem) if sheets else set()
    return names.pop() if len(names) == 1 else None


def _by_file(sheets: list[Sheet]) -> dict[str, list[Sheet]]:
    out: dict[str, list[Sheet]] = {}
    for s in sheets:
        out.setdefault(s.file, []).append(s)
    return out


def year_check(reading: Reading, tahun: int | None) -> tuple[list[Finding], set[str], bool]:
    """Each budget file against the report year: (findings, files left out, every budget file
    names another year)."""
    if tahun is None:
        return [], set(), False
    findings, other = [], set()
    budget_files = 0
    for file, sheets in _by_file(reading.sheets).items():
        budget = [s for s in sheets if s.role in BUDGET_FILE_ROLES and s.frame is not None]
        if not budget:
            continue
        budget_files += 1
        year = file_year(budget)
        if year is not None and year != tahun:
            other.add(file)
            findings.append(Finding("tahun-mismatch", {"diminta": str(tahun), "berkas": str(year), "variant": "file"},
                                    file=file, expected=tahun, actual=year))
    return findings, other, bool(budget_files) and len(other) == budget_files


def looks_like_copy(name: str) -> bool:
    """A file named as a copy ('Realisasi Juni (2).xlsx', 'DPA - Copy', 'Salinan IKU', 'Copy of …')."""
    return bool(_COPY.search(str(name).rsplit(".", 1)[0]))


def _shape(sheets: list[Sheet]) -> tuple:
    """What two copies share: sheet names, roles, titles, months, columns and rows. Two months'
    realisasi with the same figures (nothing spent in March) are not copies: their months differ."""
    return tuple((s.name, s.role, s.title, s.month, tuple(s.frame.columns), _rows(s.frame.index)) for s in sheets
                 if s.frame is not None and s.role is not None)


def _rows(index: pd.Index):
    # Excel row numbers: their bytes compare as the numbers do, and cost one copy, not a tuple of 500,000
    return index.to_numpy().tobytes() if index.dtype.kind == "i" else tuple(index)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    return a.equals(b)


def copies(reading: Reading) -> tuple[list[Finding], set[str]]:
    """Files whose readable sheets have the same names, roles, columns and rows: the copy (by its
    name, else the later one) is read once. The same data: duplicate-file. Indicator sheets that
    differ: indikator-mismatch at each differing cell of the copy, the original's value used. Budget
    copies that differ are left to the existing comparisons (pagu-mismatch, realisasi-mismatch)."""
    findings, dropped = [], set()
    groups: dict[tuple, list[tuple[str, list[Sheet]]]] = {}
    for file, sheets in _by_file(reading.sheets).items():
        shape = _shape(sheets)
        if shape:
            groups.setdefault(shape, []).append((file, sheets))
    for members in groups.values():
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda m: (looks_like_copy(m[0]), m[0]))
        first, kept = members[0]
        why = Text("used-not-copy") if any(looks_like_copy(f) for f, _ in members[1:]) else Text("used-first")
        for file, sheets in members[1:]:
            pairs = [(a, b) for a, b in zip(kept, sheets) if a.frame is not None and a.role is not None]
            differ = [(a, b) for a, b in pairs if not _same(a.frame, b.frame)]
            if not differ:
                dropped.add(file)
                findings.append(Finding("duplicate-file", {"other": first}, file=file))
                continue
            if any(b.role not in INDICATOR_ROLES for _, b in differ):
                continue
            dropped.add(file)
            for a, b in differ:
                findings += _cell_differences(a, b, first, why)
    return findings, dropped


def _cell_differences(original: Sheet, copy: Sheet, used: str, why: Text) -> list[Finding]:
    out = []
    name_col = "indikator" if "indikator" in copy.frame else None
    for column in copy.frame.columns:
        mine, theirs = copy.frame[column], original.frame[column]
        for row in copy.frame.index[~(mine.eq(theirs) | (mine.isna() & theirs.isna()))]:
            year = copy.years.get(column)
            out.append(Finding("indikator-mismatch", {
                "indikator": text(copy.frame.at[row, name_col]) if name_col else "-",
                "kolom": column.split("@")[0].replace("_", " ") + (f" {year}" if year else ""),
                "other": f"{original.file} › {original.name} {original.cell(row, column)}",
                "used": used, "why": why},
                **copy.place(), cell=copy.cell(row, column), expected=_plain(theirs.at[row]),
                actual=_plain(mine.at[row])))
    return out


def _plain(v):
    """A cell's value for the JSON: numbers and text as they are, never NaN."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, float) and v == int(v):
        return int(v)
    return v if isinstance(v, (int, str)) else text(v)


# The template's example IKU row (report/template.py): its indicator with the analysis and solution
# the template made up. Left in beside the office's own indicators, it is an example, not data.
_EXAMPLE_IKU = ("indeks kepuasan masyarakat", "pelayanan telah sesuai dengan sop",
                "meningkatkan kualitas sarana dan prasarana pelayanan")


def _marked_texts(texts) -> list:
    """The texts in which contoh.marked finds the mark. Most columns hold none: all their texts are
    casefolded as one string first (casefold works per character, so the words cannot appear by
    joining two texts across the separator), and looked at one by one only when both words are there."""
    strs = [v for v in texts if isinstance(v, str)]
    blob = "\x00".join(strs).casefold()
    if "contoh" not in blob or "hapus" not in blob:
        return []
    return [v for v in strs if contoh.marked((v,))]


def _marked_rows(frame: pd.DataFrame, data: list, codes: dict) -> list:
    """The index of the rows with a marked cell in the `data` columns. A column is looked at once
    per distinct text (a large SIPD sheet repeats its names thousands of times), not once per cell;
    `codes` are the sheet's columns as read (Sheet.codes), whose distinct texts are known already."""
    hit = None
    for name in data:
        values = frame[name]
        if name in codes and len(codes[name][0]) == len(values):
            found, uniques = codes[name]
            marked = set(_marked_texts(uniques))
            marked = [k for k, v in enumerate(uniques) if v in marked] if marked else None
            rows = np.isin(found, marked) if marked else None
        elif values.dtype == object:
            if infer_dtype(values, skipna=True) in _NO_TEXT:
                continue        # amounts: no text to look at (hashing 500,000 numbers costs more than this)
            marked = _marked_texts(pd.unique(values))
            rows = values.isin(marked).to_numpy() if marked else None
        else:
            continue
        if rows is not None:
            hit = rows if hit is None else hit | rows
    return [] if hit is None else list(frame.index[hit])


_NO_TEXT = {"floating", "integer", "mixed-integer-float", "decimal", "empty", "boolean"}


def _template_example(frame: pd.DataFrame, row) -> bool:
    said = tuple(normalize(text(frame.at[row, c])) if c in frame else "" for c in ("indikator", "analisis", "solusi"))
    return said == _EXAMPLE_IKU


def examples(reading: Reading) -> tuple[list[Finding], Reading]:
    """The template's example rows (read/contoh.py): a row with the visible mark, a row under the
    hidden mark that still holds only the example's values, and the template's example indicator
    left beside the office's own rows: one example-row each, and the row is not read (its amounts
    enter no sum, table or comparison)."""
    findings, sheets = [], []
    for s in reading.sheets:
        frame = s.frame
        if frame is None or s.role is None or frame.empty:
            sheets.append(s)
            continue
        data = [c for c in frame.columns if not str(c).startswith("_")]
        seen = {row: "text" for row in _marked_rows(frame, data, s.codes)}
        for row, how in sorted(s.examples.items()):
            if row in frame.index and row not in seen and (
                    how == "text" or contoh.still_example(frame.loc[row, data].tolist())):
                seen[row] = how
        if s.role == "indikator" and len(frame) > 1 and {"analisis", "solusi"} <= set(frame.columns):
            seen.update({row: "text" for row in frame.index if row not in seen and _template_example(frame, row)})
        if not seen:
            sheets.append(s)
            continue
        first = min(s.cols.values()) if s.cols else 0
        for row, how in sorted(seen.items()):
            params = {"mark": contoh.MARK, **({"variant": "name"} if how == "name" else {})}
            findings.append(Finding("example-row", params, **s.place(), cell=f"{col_letter(first)}{row}"))
        sheets.append(replace(s, frame=frame.drop(index=list(seen)), codes={}))
    return findings, replace(reading, sheets=sheets)


def intake(reading: Reading, tahun: int | None, asked: bool) -> Intake:
    """The sheets that count, and why the others do not. `asked`: the year came from --tahun or
    lkjip.toml (then a year every budget file contradicts is the user's, said once)."""
    f_year, other, all_other = year_check(reading, tahun)
    if all_other and asked:
        years = {f.actual for f in f_year}
        found = years.pop() if len(years) == 1 else None
        first = Finding("tahun-mismatch", {"diminta": str(tahun), "berkas": str(found or reading.tahun_berkas)},
                        file=None, expected=found, actual=tahun)
        return Intake(reading, [first], found)
    f_copy, dropped = copies(replace(reading, sheets=[s for s in reading.sheets if s.file not in other]))
    out = [s for s in reading.sheets if s.file not in other | dropped]
    f_example, kept = examples(replace(reading, sheets=out))
    # a copy that differs from its original (one realisasi or pagu edited) is compared with it; where
    # the first sheet's figure is used (realisasi of a month, the anggaran kas, the primary DPA among
    # equals), the original comes first, whatever the names' order (' (2)' sorts before '.xlsx')
    kept = replace(kept, sheets=sorted(kept.sheets, key=lambda s: looks_like_copy(s.file)))
    return Intake(kept, f_year + f_copy + f_example)
