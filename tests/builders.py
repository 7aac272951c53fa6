"""Tiny input workbooks for engine tests, written with openpyxl in a plain layout.

Every sheet has a title line in row 1, a blank row 2, the header in row 3 and data from row 4,
so a test can name the cell it expects (`Book.cell`). The reader is general; the realistic
layouts live in workbooks/build_contoh.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
TAHUN = 2024


@dataclass
class Sheet:
    """Rows of one sheet; `rows` maps a key (a kode, "JUMLAH", an indicator) to its Excel row."""
    name: str
    header: list[str]
    lines: list[list] = field(default_factory=list)
    title: str = ""
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, values: list, key: str | None = None) -> int:
        row = FIRST_ROW + len(self.lines)
        self.lines.append(list(values))
        if key is not None:
            self.rows.setdefault(key, row)
        return row

    def cell(self, key: str, column: str) -> str:
        """A1 address of `column` (a header label) in the row of `key`."""
        return f"{get_column_letter(self.header.index(column) + 1)}{self.rows[key]}"

    def set(self, key: str, column: str, value) -> None:
        self.lines[self.rows[key] - FIRST_ROW][self.header.index(column)] = value


def save(path: Path, *sheets: Sheet) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.name)
        ws.cell(1, 1, s.title or s.name)
        for c, label in enumerate(s.header, 1):
            ws.cell(HEADER_ROW, c, label)
        for r, values in enumerate(s.lines, FIRST_ROW):
            for c, v in enumerate(values, 1):
                if v is not None:
                    ws.cell(r, c, v)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# --- budget sheets -------------------------------------------------------------------------------

def tree(subs: dict[str, object]) -> list[tuple[str, object]]:
    """Sub-kegiatan → amount, into (kode, amount) for every program, kegiatan and sub-kegiatan in
    code order, with the true subtotals on program and kegiatan rows. An amount may be a tuple
    (several amount columns)."""
    out: dict[str, object] = {}
    for sub, amount in sorted(subs.items()):
        seg = sub.split(".")
        for code in (".".join(seg[:3]), ".".join(seg[:5])):
            out[code] = _add(out.get(code), amount)
        out[sub] = amount
    return sorted(out.items(), key=lambda kv: [int(p) for p in kv[0].split(".")])


def _add(a, b):
    if a is None:
        return b
    if isinstance(b, tuple):
        return tuple(x + y for x, y in zip(a, b))
    return a + b


def total(subs: dict[str, object]):
    out = None
    for v in subs.values():
        out = _add(out, v)
    return out


def budget_sheet(name: str, subs: dict[str, object], amounts=("Pagu",), *, rekening: dict | None = None,
                 jumlah: bool = True, title: str = f"DPA KECAMATAN CONTOH TAHUN {TAHUN}", kode="Kode",
                 uraian="Uraian") -> Sheet:
    """Kode | Uraian | amounts…, program/kegiatan/sub rows with true subtotals, then JUMLAH.
    `rekening`: sub → [(account, amount), …] lines written under that sub row (their sum should
    be the sub's amount)."""
    s = Sheet(name, [kode, uraian, *amounts], title=title)
    for code, amount in tree(subs):
        vals = list(amount) if isinstance(amount, tuple) else [amount]
        s.add([code, f"Uraian {code}", *vals], key=code)
        for account, value in (rekening or {}).get(code, []):
            vals = list(value) if isinstance(value, tuple) else [value]
            s.add([account, f"Belanja {account}", *vals], key=f"{code}/{account}")
    if jumlah:
        t = total(subs)
        s.add([None, "JUMLAH", *(list(t) if isinstance(t, tuple) else [t])], key="JUMLAH")
    return s


def dpa(tmp: Path, subs: dict[str, int], *, name="DPA 2024.xlsx", **kw) -> tuple[Path, Sheet]:
    s = budget_sheet("DPA", subs, **kw)
    return save(tmp / name, s), s


def realisasi(tmp: Path, month: int, pagu: dict[str, int], real: dict[str, int], *, jumlah=True) -> tuple[Path, Sheet]:
    """`Realisasi 2024-MM.xlsx`, sheet LRA: Kode | Uraian | Anggaran | Realisasi (cumulative)."""
    subs = {c: (pagu.get(c, 0), real[c]) for c in real}
    s = budget_sheet("LRA", subs, ("Anggaran", "Realisasi"), jumlah=jumlah,
                     title=f"LAPORAN REALISASI ANGGARAN TAHUN {TAHUN}")
    return save(tmp / f"Realisasi {TAHUN}-{month:02d}.xlsx", s), s


def renja(tmp: Path, subs: dict[str, int]) -> tuple[Path, Sheet]:
    s = budget_sheet("Renja", subs, ("Pagu Indikatif",), title=f"RENJA KECAMATAN CONTOH TAHUN {TAHUN}")
    return save(tmp / "Renja 2024.xlsx", s), s


# --- indicator sheets ----------------------------------------------------------------------------

IKU_HEADER = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis",
              f"Target {TAHUN}", f"Realisasi {TAHUN}", f"Capaian {TAHUN}", f"Predikat {TAHUN}"]


def iku_sheet(rows: list[dict], name: str = "IKU", header=IKU_HEADER) -> Sheet:
    """rows: dicts with keys sasaran, indikator, satuan, polaritas, jenis, target, realisasi,
    capaian, predikat (missing keys are blank cells)."""
    s = Sheet(name, list(header), title=f"INDIKATOR KINERJA UTAMA TAHUN {TAHUN}")
    keys = ["no", "sasaran", "indikator", "satuan", "polaritas", "jenis", "target", "realisasi", "capaian", "predikat"]
    for n, r in enumerate(rows, 1):
        r = {"no": n, "satuan": "%", "polaritas": "positif", "jenis": "nilai akhir", "sasaran": "Sasaran A", **r}
        s.add([r.get(k) for k in keys[:len(header)]], key=r["indikator"])
    return s


def renstra_sheet(rows: dict[str, dict[int, object]], name: str = "Renstra") -> Sheet:
    """indikator → {year: target}."""
    years = sorted({y for t in rows.values() for y in t})
    s = Sheet(name, ["No", "Sasaran", "Indikator Kinerja", "Satuan", *(f"Target {y}" for y in years)],
              title="RENCANA STRATEGIS 2021-2026")
    for n, (ind, targets) in enumerate(rows.items(), 1):
        s.add([n, "Sasaran A", ind, "%", *(targets.get(y) for y in years)], key=ind)
    return s


def program_sheet(rows: list[dict], name: str = "Indikator Program") -> Sheet:
    """rows: dicts with kode, program, indikator, target, realisasi, capaian, sasaran."""
    header = ["Kode", "Program", "Indikator Kinerja Program", "Target", "Realisasi", "Capaian", "Sasaran"]
    keys = ["kode", "program", "indikator", "target", "realisasi", "capaian", "sasaran"]
    s = Sheet(name, header, title=f"INDIKATOR KINERJA PROGRAM TAHUN {TAHUN}")
    for r in rows:
        s.add([r.get(k) for k in keys], key=r.get("kode") or r["indikator"])
    return s


def iku(tmp: Path, *sheets: Sheet, name="IKU 2024.xlsx") -> Path:
    return save(tmp / name, *sheets)


# --- a small clean office ------------------------------------------------------------------------

SUBS = {
    "7.01.01.2.01.0001": 4_930_000,
    "7.01.01.2.02.0001": 8_000_000_000,
    "7.01.02.2.01.0001": 25_000_000,
    "7.01.02.2.02.0001": 10_000_000,
}
REAL = {
    "7.01.01.2.01.0001": 4_929_950,
    "7.01.01.2.02.0001": 7_806_084_923,
    "7.01.02.2.01.0001": 22_175_000,
    "7.01.02.2.02.0001": 9_960_000,
}


def staff_list(folder: Path) -> Path:
    """A workbook of no role at all (a list of staff, sheet 'Catatan'): 'Daftar Pegawai.xlsx'."""
    wb = Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["Nama", "Alamat"])
    wb.active.append(["Budi", "Jl. Pemuda 1"])
    path = folder / "Daftar Pegawai.xlsx"
    wb.save(path)
    return path


def clean_office(tmp: Path, subs=None, real=None) -> Path:
    """A DPA and one December realisasi that agree: no finding at all."""
    subs, real = subs or SUBS, real or REAL
    dpa(tmp, subs)
    realisasi(tmp, 12, subs, real)
    return tmp


# --- running -------------------------------------------------------------------------------------

def check(*paths, **overrides):
    from lkjip_xl.pipeline import check as _check

    return _check(list(paths), **{"tahun": TAHUN, **overrides})


def found(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


def one(result, code: str):
    """The single finding of `code`; fails with the whole list otherwise."""
    hits = found(result, code)
    assert len(hits) == 1, [f.to_dict() for f in result.findings]
    return hits[0]


def where(f) -> tuple:
    return (f.code, f.severity, f.file, f.sheet, f.cell, f.kode, f.expected, f.actual)


# --- the template's example rows, as an officer treats them -------------------------------------

def template_marks(folder: Path) -> list[tuple[str, str, str]]:
    """(file, sheet, first cell) of every example row the template marked with its hidden name, in
    file and row order."""
    from openpyxl import load_workbook

    out = []
    for path in sorted(folder.glob("*.xlsx")):
        wb = load_workbook(path)
        for name, dn in wb.defined_names.items():
            if name.startswith("LKJIP_CONTOH"):
                for sheet, coord in dn.destinations:
                    out.append((path.name, sheet, coord.replace("$", "").split(":")[0]))
    return sorted(out, key=lambda m: (m[0], m[1], int(m[2][1:])))


def _each_mark(folder: Path, change) -> None:
    from openpyxl import load_workbook

    for path in sorted(folder.glob("*.xlsx")):
        wb = load_workbook(path)
        marked = [(name, dn) for name, dn in wb.defined_names.items() if name.startswith("LKJIP_CONTOH")]
        if not marked:
            continue
        for name, dn in marked:
            for sheet, coord in list(dn.destinations):
                ws = wb[sheet]
                row = int(coord.replace("$", "").split(":")[0].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                change(wb, name, dn, ws, row)
        wb.save(path)


def clear_visible_marks(folder: Path) -> None:
    """The officer typed over every 'CONTOH — hapus baris ini' and left the example's figures: the
    hidden name stays over the row."""
    def clear(wb, name, dn, ws, row):
        for cell in ws[row]:
            if isinstance(cell.value, str) and "CONTOH" in cell.value:
                cell.value = None
    _each_mark(folder, clear)


def officer_fills(folder: Path) -> None:
    """What an officer's folder looks like after deleting every example row and typing the office's
    own rows in their place: the template's example figures are Kecamatan Blora's real 2024 ones, so
    the rows typed are the same values, with no CONTOH mark, and each hidden name points at #REF!
    (what Excel and LibreOffice leave when the named row is deleted)."""
    def retype(wb, name, dn, ws, row):
        for cell in ws[row]:
            if isinstance(cell.value, str) and "CONTOH" in cell.value:
                cell.value = None
        dn.attr_text = f"'{ws.title}'!#REF!"
    _each_mark(folder, retype)
