"""Inputs → sheets with a role, a header, and a frame of raw cell values (index = Excel row).

No judgement happens here: numbers and codes stay as the user typed them; validate.py parses
them and says which cells are wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from lkjip_xl.xlsx import bulk
from lkjip_xl.xlsx import cells, grid
from lkjip_xl.read import contoh
from lkjip_xl.config import Settings
from lkjip_xl.read.files import Inputs, display_name
from lkjip_xl.errors import NoRequiredRole  # noqa: F401  (sheets.NoRequiredRole, as callers know it)
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text, month_names
from lkjip_xl.read.headers import (BUDGET_ROLES, MONTHS, Col, find_header, normalize, role_keywords, role_specs, text,
                                   total_labels)

if TYPE_CHECKING:
    import pandas as pd

# pandas is imported where the rows become a frame, not above: a large sheet's rows are then already
# being read in the background (bulk.start), and the import (a quarter of a second) overlaps them

ROLES = ("dpa", "realisasi", "indikator", "indikator_program", "renja", "anggaran_kas")
MONTH_NAMES = ["", *month_names("id")]       # MONTH_NAMES[12] == "Desember"


# a workbook with these sheets is a report this tool wrote, not an input
OUTPUT_SHEETS = {"Ringkasan", "Rekonsiliasi", "Narasi"}
# instruction and cover sheets are not data; saying so for each of them is noise
NOTE_SHEETS = {"petunjuk", "petunjuk pengisian", "cara pengisian", "readme", "instructions", "cover", "sampul"}


@dataclass
class Sheet:
    file: str
    path: Path
    name: str
    role: str | None
    role_source: str
    frame: pd.DataFrame | None = None      # raw values; index = Excel row number (1-based)
    cols: dict[str, int] = field(default_factory=dict)   # frame column → Excel column (0-based)
    title: str = ""
    title_lines: list = field(default_factory=list)      # the title block, one text per row
    header_row: int | None = None
    month: int | None = None
    years: dict[str, int] = field(default_factory=dict)  # frame column → year it is for
    formulas: dict = field(default_factory=dict)
    merges: list = field(default_factory=list)
    percent: set = field(default_factory=set)            # (r, c) 0-based: percent-formatted cells
    errors: dict = field(default_factory=dict)           # (r, c) 0-based → "#REF!" and the like
    codes: dict = field(default_factory=dict)            # frame column → (code of each row, distinct values)
    month_cols: dict = field(default_factory=dict)       # months as columns: frame column → month (1..12)
    kode_levels: dict = field(default_factory=dict)      # kode#i → the level its header names (Kode Program: 3)
    why: Text | str = ""                                 # why it has no role (a messages.Text), or ""
    # the template's example rows (read/contoh.py): Excel row → "text" (the visible mark in any cell)
    # or "name" (only the hidden defined name over the row)
    examples: dict = field(default_factory=dict)
    heads: dict = field(default_factory=dict)            # frame column → its header as written

    def cell(self, row: int, column: str) -> str | None:
        c = self.cols.get(column)
        return None if c is None else f"{cells.col_letter(c)}{row}"

    def place(self) -> dict:
        return {"file": self.file, "sheet": self.name}


def _keyword_roles(name: str) -> list[str]:
    """Roles whose keywords the name holds, in the order of aliases.yaml; a role matched by more
    words than any other ("Anggaran Kas": anggaran_kas over dpa's "Anggaran") alone."""
    words = set(re.findall(r"[a-z]+", normalize(name).replace("_", " ")))
    out = {}
    for role, groups in role_keywords().items():
        sizes = [len(group) for group in groups if all(w in words for w in group)]
        if sizes:
            out[role] = max(sizes)
    longest = max(out.values(), default=0)
    best = [r for r, n in out.items() if n == longest]
    if len(best) == 1 and longest > 1 and best[0] == "anggaran_kas":
        return best
    return list(out)


def _signature(found: dict[str, dict]) -> str | None:
    """The role a header looks like, from which fields it has."""
    b = found.get("dpa", {})
    r = found.get("realisasi", {})
    i = found.get("indikator", {})
    p = found.get("indikator_program", {})
    k = found.get("anggaran_kas", {})
    # a plan spread over months or quarters, and no realisasi column: SIPD's Anggaran Kas
    if "kode" in k and sum(f.startswith("kas_") and f != "kas_total" for f in k) >= 2 and "realisasi" not in r:
        return "anggaran_kas"
    if "kode" in b and "realisasi" in r and ("realisasi" in r and ("pagu" in b or "uraian" in b or "bulan" in r)) \
            and "indikator" not in i:
        return "realisasi"
    if "kode" in b and "pagu" in b and "uraian" in b:
        return "dpa"
    if "indikator" in p and ("kode" in p or "program" in p) and "target" in p:
        return "indikator_program"
    if "indikator" in i and "target" in i:
        return "indikator"
    if "kode" in b and "realisasi" in r:
        return "realisasi"
    return None


def _choose_role(path: Path, sheet: str, found, settings: Settings) -> tuple[str | None, str]:
    for key in (f"{path.name}:{sheet}", f"{path.name}!{sheet}", sheet, path.name, path.stem):
        if key in settings.roles:
            role = settings.roles[key]
            return (role if role in ROLES else None), "config"
    sig = _signature(found) if found else None
    for source, name in (("sheet name", sheet), ("file name", path.stem)):
        cands = _keyword_roles(name)
        if len(cands) == 1:
            return cands[0], source
        if len(cands) > 1:
            return (sig if sig in cands else cands[0]), source
    return sig, "header"


def _year_in(texts: str) -> int | None:
    m = re.search(r"\b(?:tahun|ta|t a|anggaran)\s*(20\d\d)\b", texts) or re.search(r"\b(20\d\d)\b", texts)
    return int(m.group(1)) if m else None


def month_from_text(s: str) -> int | None:
    norm = normalize(s)
    m = re.search(r"\b(?:sd|sampai dengan|bulan|periode|per)\s+(?:bulan\s+)?([a-z]+)\b", norm)
    if m and m.group(1) in MONTHS:
        return MONTHS[m.group(1)]
    for word in norm.split():
        if word in MONTHS and len(word) >= 3 and word not in ("mar", "mei", "jun", "jul", "des", "nov"):
            return MONTHS[word]
    return None


def month_from_filename(stem: str) -> int | None:
    s = stem.lower()
    m = re.search(r"(?:19|20)\d\d[-_. ](0?[1-9]|1[0-2])(?!\d)", s) or re.search(r"(?<!\d)(0?[1-9]|1[0-2])[-_. ](?:19|20)\d\d", s)
    if m:
        return int(m.group(1))
    m = re.search(r"(?:^|[_\-. ])(0[1-9]|1[0-2])(?:[_\-. ]|$)", s)
    if m:
        return int(m.group(1))
    for word in re.findall(r"[a-z]+", s):
        if word in MONTHS and len(word) >= 3:
            return MONTHS[word]
    return None


_LEVEL_WORDS = (("sub kegiatan", 6), ("subkegiatan", 6), ("kegiatan", 5), ("program", 3), ("bidang urusan", 2),
                ("bidang", 2), ("urusan", 1))


def kode_level(header: str) -> int | None:
    """The level of code a Kode column's header names ('Kode Kegiatan': 5), None for 'Kode' or a
    header naming several ('Kode Program/Kegiatan')."""
    norm = normalize(header)
    named = set()
    for word, level in _LEVEL_WORDS:
        if word in norm:
            named.add(level)
            norm = norm.replace(word, " ")
    return named.pop() if len(named) == 1 else None


def _column_names(role: str, found: dict[str, list[Col]], tahun: int | None) -> tuple[dict[str, int], dict[str, int]]:
    """Field columns → frame columns. Multi-column fields get a suffix: kode#0, target@2022; month
    columns (Januari … Desember) are bulanan:01 … bulanan:12."""
    cols, years = {}, {}
    if role in BUDGET_ROLES and "kode" not in found and "kode_rekening" in found:
        # the only code column holds program and account codes alike: "Kode Rekening" over 7.01.01 …
        # 5.1.02.01.01.0024
        found = {("kode" if f == "kode_rekening" else f): cs for f, cs in found.items()}
    monthly = found.get("realisasi_bulanan", [])
    by_month = {c.month: c for c in sorted(monthly, key=lambda c: c.index, reverse=True)}
    if len(by_month) >= 2:
        found = {f: cs for f, cs in found.items() if f != "realisasi_bulanan"}
        for m in sorted(by_month):
            cols[f"bulanan:{m:02d}"] = by_month[m].index
        # a 'Jumlah'/'Total' right of the months adds them up: it is not the pagu, but the row's
        # stated sum of its months (bulanan_total), checked like any stated total
        first = min(c.index for c in by_month.values())
        row_total = lambda f, c: f == "pagu" and c.index > first and normalize(c.header) in total_labels()
        totals = sorted(c.index for f, cs in found.items() for c in cs if row_total(f, c))
        if totals:
            cols["bulanan_total"] = totals[0]
        found = {f: [c for c in cs if not row_total(f, c)] for f, cs in found.items()}
        found = {f: cs for f, cs in found.items() if cs}
    elif monthly:
        # one month's column: that month's own amount ("Realisasi Bulan Maret")
        found = {f: cs for f, cs in found.items() if f != "realisasi_bulanan"}
        found.setdefault("realisasi_bulan_ini", monthly)
    for fld, cs in found.items():
        if fld == "kode" or (fld.startswith("uraian") and len(cs) > 1 and role in BUDGET_ROLES and fld == "uraian"):
            for i, c in enumerate(sorted(cs, key=lambda c: c.index)):
                cols[f"{fld}#{i}"] = c.index
            continue
        yearly = [c for c in cs if c.year is not None]
        # of two cumulative columns ("s.d. Februari", "s.d. Maret") the later month is the one to date
        plain = sorted((c for c in cs if c.year is None),
                       key=lambda c: (c.rank, -(month_from_text(c.header) or 0), c.index))
        for c in yearly:
            name = f"{fld}@{c.year}"
            if name not in cols:
                cols[name] = c.index
                years[name] = c.year
        if plain:
            cols[fld] = plain[0].index
    return cols, years


def _frame(raw: grid.RawSheet, start: int, cols: dict[str, int]) -> pd.DataFrame:
    import pandas as pd

    data = {name: [] for name in cols}
    index = []
    rows = raw.rows
    idx = list(cols.items())
    for r in range(start, len(rows)):
        row = rows[r]
        values = [row[c] if c < len(row) else "" for _, c in idx]
        if all(v == "" or v is None for v in values) and not any(v not in ("", None) for v in row):
            continue
        index.append(r + 1)
        for (name, _), v in zip(idx, values):
            data[name].append(v)
    return pd.DataFrame(data, index=pd.Index(index, name="row"), dtype=object)


def _block_frame(block, cols: dict[str, int]) -> tuple[pd.DataFrame, dict]:
    """_frame for the rows of a large sheet read column-wise (bulk.Block): the same rows and values;
    and the text columns' codes as read (each distinct text once), so that they are not hashed again."""
    import pandas as pd

    from lkjip_xl.read.arrays import table

    keep = np.flatnonzero(block.filled())
    every = len(keep) == block.n          # no empty row to leave out (the usual large sheet)
    index = pd.Index(block.start + 1 + keep, name="row")
    columns, codes = {}, {}
    for name, c in cols.items():
        if c in block.texts:
            found, uniques = block.texts[c]
            found = (found if every else found[keep]).astype(np.int64)
            found[found < 0] = len(uniques)
            codes[name] = (found, list(uniques) + [""])
            columns[name] = table(codes[name][1])[found]      # as block.objects gives it: "" when empty
        else:
            columns[name] = block.objects(c, keep)
    # copy=False: a block per column, as built; joining them into one would copy 500,000 rows again
    return pd.DataFrame(columns, index=index, dtype=object, copy=False), codes


def _read_sheet(path: Path, base: Path, raw: grid.RawSheet, settings: Settings, specs):
    """The sheet as far as its header, and None or a function that reads its rows: a large sheet's
    rows are being read in the background meanwhile (bulk.start), while the next file is checked."""
    sheet, finish = _header(path, base, raw, settings, specs)
    if raw.bulk is None or finish is not None or not raw.merge_ranges:
        return sheet, finish
    # a large sheet that is not read: its merged ranges were used uncut; cut them as the small
    # sheet's reading would (its size is needed), and read it cell by cell if that differs
    pending = bulk.start(raw.bulk, None)
    return sheet, lambda: _check_merges(sheet, raw, pending.result(), path, base, settings, specs)


def _check_merges(sheet: Sheet, raw: grid.RawSheet, size, path, base, settings, specs) -> bool:
    """True when the uncut merged ranges a large sheet's head was read with are those the sheet of
    this size has; otherwise the sheet is read again, whole and cell by cell."""
    if size is not None and cells.clip_merges(raw.name, raw.merge_ranges, *size) == raw.merges:
        return True
    raw.rows, raw.merges = raw.bulk.full()
    raw.bulk = raw.merge_ranges = None
    again, finish = _header(path, base, raw, settings, specs)
    if finish is not None:
        finish()
    sheet.__dict__.update(again.__dict__)
    return False


def _header(path: Path, base: Path, raw: grid.RawSheet, settings: Settings, specs):
    name = display_name(path, base)
    header = find_header(raw.rows, raw.merges, specs)
    found = {role: header.role_scores[role] for role in specs} if header else {}
    role, source = _choose_role(path, raw.name, found, settings)
    sheet = Sheet(file=name, path=path, name=raw.name, role=role, role_source=source, formulas=raw.formulas,
                  merges=raw.merges, errors=raw.errors)
    if role is None:
        sheet.why = "" if header else Text("why-no-header")
        return sheet, None
    if header is None or len(found.get(role, {})) < 2:
        if source in ("file name", "header"):
            sheet.role, sheet.why = None, Text("why-no-header")
        sheet.frame = None
        return sheet, None
    sheet.header_row = header.row
    title_rows = raw.rows[: header.row]
    sheet.title_lines = [" ".join(text(v) for v in row if text(v)) for row in title_rows]
    sheet.title_lines = [line for line in sheet.title_lines if line]
    sheet.title = " ".join(sheet.title_lines)
    tahun = settings.tahun or _year_in(normalize(sheet.title)) or _year_in(normalize(path.stem))
    cols, years = _column_names(role, found[role], tahun)
    sheet.cols, sheet.years = cols, years
    written = {c.index: c.header for cs in found[role].values() for c in cs}
    sheet.heads = {n: written.get(c, "") for n, c in cols.items()}
    sheet.month_cols = {n: int(n.partition(":")[2]) for n in cols if n.startswith("bulanan:")}
    heads = {c.index: c.header for c in found[role].get("kode", found[role].get("kode_rekening", []))}
    sheet.kode_levels = {n: kode_level(heads.get(c, "")) for n, c in cols.items() if n.startswith("kode#")}
    if raw.bulk is None:
        _read_rows(sheet, raw, header, found, cols, None)
        return sheet, None
    pending = bulk.start(raw.bulk, header.data_start, set(cols.values()))

    def finish():
        block = pending.result()
        # a column of mixed types, or merged ranges that the sheet's size cuts: read every cell
        size = (block.start + block.n, block.width) if block is not None else None
        if _check_merges(sheet, raw, size, path, base, settings, specs):
            raw.bulk = raw.merge_ranges = None
            _read_rows(sheet, raw, header, found, cols, block)
    return sheet, finish


def _read_rows(sheet: Sheet, raw: grid.RawSheet, header, found, cols: dict[str, int], block) -> None:
    import pandas as pd

    from lkjip_xl.read.rows import block_labels, clear_total_codes, cut_tail, fill_merged, left_label

    path, role = sheet.path, sheet.role
    if block is None:
        sheet.frame = _frame(raw, header.data_start, cols)
    else:
        sheet.frame, sheet.codes = _block_frame(block, cols)
        if any(r1 > r0 for r0, _, r1, _ in raw.merges):
            sheet.codes = {}      # fill_merged may change the values
    fill_merged(sheet.frame, raw.merges, cols, role)
    if block is None:     # the mark may stand in a column that is not read (Keterangan): every cell
        sheet.examples = {r: "text" for r in sheet.frame.index if contoh.marked(raw.rows[r - 1])}
    kept = cut_tail(sheet.frame, cols)
    if kept is not None:
        sheet.frame, sheet.codes = kept.copy(), {}
    if role in ("indikator", "indikator_program") or (role == "realisasi" and "realisasi_fisik" in cols):
        sheet.percent = grid.percent_cells(path, raw.name)
    amount_cols = [c for n, c in cols.items() if n.split("@")[0] in ("pagu", "pagu_next", "realisasi", "realisasi_bulan_ini")
                   or n.startswith("kas_")]
    if (role in BUDGET_ROLES or role == "anggaran_kas") and amount_cols and not sheet.frame.empty:
        labels = left_label(raw, header.data_start, min(amount_cols), total_labels()) if block is None else \
            block_labels(block, min(amount_cols), total_labels())
        sheet.frame["_total"] = pd.Series(labels, dtype=object).reindex(sheet.frame.index)
        if labels and clear_total_codes(sheet.frame, labels):
            sheet.codes = {}
    if role == "realisasi":
        chosen = {c for n, c in cols.items() if n.split("@")[0] == "realisasi"}
        heads = " ".join(c.header for c in found[role].get("realisasi", []) if c.index in chosen)
        sheet.month = month_from_text(sheet.title) or month_from_text(heads) or month_from_filename(path.stem)


@dataclass
class Reading:
    sheets: list[Sheet]
    findings: list[Finding]
    tahun: int | None
    tahun_berkas: int | None = None     # the year the budget files' titles name, whatever was asked


def read_inputs(inputs: Inputs, settings: Settings) -> Reading:
    """Read every sheet of every input. Raises grid.Unreadable (with the file) for a bad file: the
    first one in the files' order, as if they were read one after another."""
    specs = role_specs(settings.aliases)
    files = inputs.files
    # the largest file first: its rows are read in the background (bulk.start) while the smaller
    # ones are checked, instead of the other way round
    order = sorted(range(len(files)), key=lambda i: (-_size(files[i]), i))
    read: dict[int, tuple[list, dict]] = {}
    pending: list = []          # (file's index, its name, a function that reads its large sheets' rows)
    failed: tuple[int, grid.Unreadable] | None = None
    for i in order:
        if failed is not None and i > failed[0]:
            continue            # a file before it is unreadable: that one is said
        try:
            read[i] = _read_file(files[i], inputs.base, settings, specs, pending, i)
        except grid.Unreadable as exc:
            exc.file = display_name(files[i], inputs.base)
            failed = (i, exc)
    # a file before the unreadable one whose large sheet turns out unreadable is named first
    _finish(sorted((p for p in pending if failed is None or p[0] < failed[0]), key=lambda p: p[0]))
    if failed is not None:
        raise failed[1]
    sheets, findings, said, named = [], [], [], {}
    for i in range(len(files)):
        items, rows_named = read[i]
        said += items
        sheets += [item[0] for item in items if not isinstance(item, Finding)]
        named[display_name(files[i], inputs.base)] = rows_named
    for item in said:
        if isinstance(item, Finding):
            findings.append(item)
            continue
        sheet, raw = item
        for r in named.get(sheet.file, {}).get(sheet.name, ()):
            sheet.examples.setdefault(r, "name")
        if sheet.role is None and raw.rows and normalize(raw.name) not in NOTE_SHEETS:
            findings.append(Finding("no-role", {"why": sheet.why}, **sheet.place()))
    found = _guess_year(sheets)
    return Reading(sheets=sheets, findings=findings, tahun=settings.tahun or found, tahun_berkas=found)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0                # grid.load says what is wrong with it


def _read_file(path: Path, base: Path, settings: Settings, specs, pending: list, index: int) -> tuple[list, dict]:
    """One input: per sheet (sheet, raw), or a finding about the file; and the rows under its
    template-example names. Its large sheets' rows are left in `pending`."""
    raws = grid.load(path)
    name = display_name(path, base)
    if not raws or all(not r.rows for r in raws):
        return [Finding("no-role", {"why": Text("why-empty-workbook")}, file=name)], {}
    if OUTPUT_SHEETS <= {r.name for r in raws}:
        return [Finding("no-role", {"why": Text("why-own-output")}, file=name)], {}
    mark = contoh.EXAMPLE_NAME.upper()
    rows_named = {r.name: set().union(*(rows for n, rows in r.names.items() if n.startswith(mark)))
                  for r in raws if any(n.startswith(mark) for n in r.names)}
    items = []
    for raw in raws:
        sheet, finish = _read_sheet(path, base, raw, settings, specs)
        if finish is not None:
            pending.append((index, name, finish))
        items.append((sheet, raw))
    return items, rows_named


def _finish(pending: list) -> None:
    """Read the rows of the large sheets read in the background, in order; an unreadable one is
    said with its file."""
    for _, file, finish in pending:
        try:
            finish()
        except grid.Unreadable as exc:
            exc.file = file
            raise
    pending.clear()


def _guess_year(sheets: list[Sheet]) -> int | None:
    votes: dict[int, int] = {}
    for s in sheets:
        if s.role in ("dpa", "realisasi", "renja"):
            y = _year_in(normalize(s.title)) or _year_in(normalize(s.path.stem))
            if y:
                votes[y] = votes.get(y, 0) + 1
    # a tie (this year's DPA beside last year's) goes to the later year
    return max(votes, key=lambda y: (votes[y], y)) if votes else None
