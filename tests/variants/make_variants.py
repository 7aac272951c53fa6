"""Office workbooks as offices really write them, each beside a PLAIN TWIN holding the same data.

One small data set (2 programs × 2 kegiatan × 2 sub kegiatan, realisasi January–March 2024,
two IKU over 2022–2024, two program indicators) is written once plainly (one-row header,
numbers as numbers, clean codes) and once per variant in a layout found in the wild. A variant
must read to the same canonical data as its twin; tests/test_variants.py checks that.

Nothing binary is committed: the corpus is generated at test time. To look at it by hand:

    python tests/variants/make_variants.py /tmp/varian

Each variant folder is a complete input (DPA, realisasi, IKU) in which only the files the
variant is about differ from the plain set.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, range_boundaries

TAHUN = 2024
MONTHS = (1, 2, 3)
BULAN = {1: "Januari", 2: "Februari", 3: "Maret"}

# program → kegiatan → sub kegiatan: (segment, name, pagu 2024, pagu 2025, cumulative realisasi Jan..Mar)
TREE = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 4_930_000, 4_730_000,
             (1_000_000, 2_500_000, 4_929_950)),
            ("0002", "Evaluasi Kinerja Perangkat Daerah", 12_500_000, 13_000_000, (0, 3_000_000, 6_250_000))]),
        ("2.02", "Administrasi Keuangan Perangkat Daerah", [
            ("0001", "Penyediaan Gaji dan Tunjangan ASN", 8_000_000_000, 8_803_000_000,
             (650_000_000, 1_300_000_000, 1_950_000_000)),
            ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN", 92_820_000, 123_120_000,
             (7_735_000, 15_470_000, 23_205_000))])]),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", [
        ("2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", [
            ("0001", "Koordinasi/Sinergi Perencanaan Kegiatan Pemerintahan", 25_000_000, 22_580_000,
             (0, 0, 5_500_000)),
            ("0002", "Fasilitasi Pelayanan Publik di Kecamatan", 10_000_000, 9_420_000,
             (1_000_000, 2_000_000, 3_000_000))]),
        ("2.02", "Pembangunan Sarana dan Prasarana Kelurahan", [
            ("0001", "Pelayanan Perizinan Non Usaha", 10_000_000, 8_850_000, (0, 2_500_000, 2_500_000)),
            ("0002", "Pembangunan Sarana dan Prasarana Kelurahan", 6_755_000_000, 9_560_000_000,
             (0, 1_000_000_000, 2_026_500_000))])]),
]

# Two rekening lines per sub kegiatan (the second takes the rest of the pagu).
REKENING = [("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
            ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat")]

SAS_IKM = "Meningkatnya kepuasan masyarakat terhadap pelayanan kecamatan"
SAS_SAKIP = "Terwujudnya birokrasi yang bersih dan akuntabel"
# no, sasaran, indikator, satuan, {year: (target, realisasi, capaian as stated)}
IKU = [
    ("1", SAS_IKM, "Indeks Kepuasan Masyarakat", "Indeks",
     {2022: ("95", "85.93", "90.45"), 2023: ("95", "86.34", "90.88"), 2024: ("95", "89.5", "94.21")}),
    ("2", SAS_SAKIP, "Nilai SAKIP", "Nilai",
     {2022: ("66.85", "66.86", "100.01"), 2023: ("66.86", "65.61", "98.13"), 2024: ("75", "75.75", "101")}),
]
YEARS = (2022, 2023, 2024)
# kode, program, indikator, satuan, target, realisasi, capaian, sasaran
PROGRAM_IKU = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     "Persentase pelayanan administrasi perkantoran", "%", "100", "98", "98", SAS_SAKIP),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Indeks Kepuasan Masyarakat Pelayanan Kecamatan", "Indeks", "95", "89.5", "94.21", SAS_IKM),
]


@dataclass
class Node:
    level: int            # 3 program, 5 kegiatan, 6 sub kegiatan (number of code segments)
    kode: str
    name: str
    pagu: int
    pagu_next: int
    real: tuple           # cumulative realisasi per month in MONTHS
    parents: tuple = ()

    @property
    def segments(self) -> list[str]:
        return self.kode.split(".")


def nodes() -> list[Node]:
    """Every program, kegiatan and sub kegiatan in code order, subtotals filled in."""
    out = []
    for pk, pname, kegs in TREE:
        p = Node(3, pk, pname, 0, 0, (0,) * len(MONTHS))
        out.append(p)
        for kk, kname, subs in kegs:
            k = Node(5, f"{pk}.{kk}", kname, 0, 0, (0,) * len(MONTHS), (p,))
            out.append(k)
            for sk, sname, pagu, nxt, real in subs:
                out.append(Node(6, f"{k.kode}.{sk}", sname, pagu, nxt, real, (p, k)))
                for parent in (p, k):
                    parent.pagu += pagu
                    parent.pagu_next += nxt
                    parent.real = tuple(a + b for a, b in zip(parent.real, real))
    return out


NODES = nodes()
SUBS = [n for n in NODES if n.level == 6]
TOTAL = {"pagu": sum(n.pagu for n in SUBS), "pagu_next": sum(n.pagu_next for n in SUBS),
         "real": tuple(sum(n.real[i] for n in SUBS) for i in range(len(MONTHS)))}


def rekening(sub: Node) -> list[tuple[str, str, int]]:
    first = sub.pagu // 3000 * 1000
    return [(*REKENING[0], first), (*REKENING[1], sub.pagu - first)]


def num(text: str):
    """'89.5' → 89.5, '95' → 95: what a user types into a numeric cell."""
    d = Decimal(text)
    return int(d) if d == d.to_integral_value() else float(d)


def id_text(text: str) -> str:
    """An indicator number as an Indonesian would type it: '89.5' → '89,50'."""
    d = Decimal(text)
    return str(int(d)) if d == d.to_integral_value() else f"{d:.2f}".replace(".", ",")


def rupiah(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# ---------------------------------------------------------------------------------------------
# Writing: a sheet is rows of values plus merges, formulas and number formats, written to
# .xlsx (openpyxl), .xls (xlwt) or .csv.
# ---------------------------------------------------------------------------------------------
@dataclass
class Formula:
    text: str             # without '=': openpyxl stores it with no cached value


@dataclass
class ExcelError:
    text: str             # "#REF!": stored as an error cell, as Excel saves a broken formula's result


@dataclass
class Tab:
    name: str
    rows: list[list] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)        # "A1:D1"
    formats: dict[str, str] = field(default_factory=dict)  # "E5" → "0.00%"

    def add(self, *values) -> int:
        """Append a row; returns its Excel row number."""
        self.rows.append(list(values))
        return len(self.rows)


def write_xlsx(path: Path, tabs: list[Tab]) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for tab in tabs:
        ws = wb.create_sheet(tab.name)
        for r, row in enumerate(tab.rows, 1):
            for c, v in enumerate(row, 1):
                if v is None or v == "":
                    continue
                if isinstance(v, Formula):
                    v = "=" + v.text
                elif isinstance(v, str) and v.startswith("="):
                    raise ValueError("text starting with '=' would become a formula")
                if isinstance(v, ExcelError):
                    ws.cell(r, c, v.text).data_type = "e"
                else:
                    ws.cell(r, c, v)
        for ref, fmt in tab.formats.items():
            ws[ref].number_format = fmt
        for ref in tab.merges:
            ws.merge_cells(ref)
    wb.save(path)


def write_xls(path: Path, tabs: list[Tab]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for tab in tabs:
        ws = wb.add_sheet(tab.name)
        merged = set()
        for ref in tab.merges:
            c0, r0, c1, r1 = range_boundaries(ref)
            ws.write_merge(r0 - 1, r1 - 1, c0 - 1, c1 - 1, tab.rows[r0 - 1][c0 - 1])
            merged |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(tab.rows, 1):
            for c, v in enumerate(row, 1):
                if v not in (None, "") and (r, c) not in merged:
                    ws.write(r - 1, c - 1, v)
    wb.save(str(path))


def write_csv(path: Path, rows: list[list], delimiter=";", encoding="cp1252") -> None:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])


def cell(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


# ---------------------------------------------------------------------------------------------
# The plain set
# ---------------------------------------------------------------------------------------------
def plain_dpa_tab(name="DPA") -> Tab:
    t = Tab(name)
    t.add("Kode", "Uraian", "Pagu", "Prakiraan Maju")
    for n in NODES:
        t.add(n.kode, n.name, n.pagu, n.pagu_next)
    return t


def plain_realisasi_tab(month: int, name="Realisasi") -> Tab:
    t = Tab(name)
    t.add("Kode", "Uraian", "Pagu", "Realisasi")
    for n in SUBS:
        t.add(n.kode, n.name, n.pagu, n.real[MONTHS.index(month)])
    return t


def plain_iku_tab(name="IKU") -> Tab:
    t = Tab(name)
    t.add("No", "Sasaran", "Indikator Kinerja", "Satuan",
          *[f"{k} {y}" for y in YEARS for k in ("Target", "Realisasi", "Capaian")])
    for no, sas, ind, sat, years in IKU:
        t.add(no, sas, ind, sat, *[num(v) for y in YEARS for v in years[y]])
    return t


def plain_program_tab(name="Indikator Program") -> Tab:
    t = Tab(name)
    t.add("Kode", "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Sasaran")
    for kode, prog, ind, sat, tgt, real, cap, sas in PROGRAM_IKU:
        t.add(kode, prog, ind, sat, num(tgt), num(real), num(cap), sas)
    return t


DPA_FILE = "DPA Kecamatan Contoh 2024.xlsx"
REAL_FILE = "Realisasi 2024-03.xlsx"
IKU_FILE = "IKU Kecamatan Contoh 2024.xlsx"


def plain(d: Path, *, dpa=True, realisasi=True, iku=True) -> None:
    """The plain set; a variant turns off the parts it writes itself."""
    d.mkdir(parents=True, exist_ok=True)
    if dpa:
        write_xlsx(d / DPA_FILE, [plain_dpa_tab()])
    if realisasi:
        write_xlsx(d / REAL_FILE, [plain_realisasi_tab(3)])
    if iku:
        write_xlsx(d / IKU_FILE, [plain_iku_tab(), plain_program_tab()])


def plain_monthly(d: Path) -> None:
    """Plain set with one cumulative realisasi file per month (twin of the long formats)."""
    plain(d, realisasi=False)
    for m in MONTHS:
        write_xlsx(d / f"Realisasi 2024-{m:02d}.xlsx", [plain_realisasi_tab(m)])


# ---------------------------------------------------------------------------------------------
# Variants. Each returns facts the test checks beyond twin equality (cells of expected findings).
# ---------------------------------------------------------------------------------------------
def v_sipd_full(d: Path) -> dict:
    """(a) SIPD flattened rekening export, every row carrying its parents' full codes."""
    plain(d, dpa=False)
    t = Tab("Rincian Belanja")
    t.add("RINCIAN BELANJA SUB KEGIATAN - KECAMATAN CONTOH")
    t.add("Tahun Anggaran 2024 (Sumber: SIPD)")
    t.add()
    t.add("Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan",
          "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Pagu (Rp)")
    for s in SUBS:
        p, k = s.parents
        for rek, nama, amount in rekening(s):
            t.add(p.kode, p.name, k.kode, k.name, s.kode, s.name, rek, nama, amount)
    t.add(*[None] * 7, "JUMLAH", TOTAL["pagu"])
    t.merges += ["A1:I1", "A2:I2"]
    next_year = plain_dpa_tab("Rekap")      # pagu_next lives in the rekap beside the rincian
    write_xlsx(d / DPA_FILE, [t, next_year])
    return {}


def v_sipd_segments(d: Path) -> dict:
    """(a) SIPD export with one code segment per column (urusan, bidang, program, kegiatan, sub)."""
    plain(d, dpa=False)
    t = Tab("Rincian Belanja")
    t.add("Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
          "Nama Sub Kegiatan", "Kode Rekening", "Uraian Rekening", "Nilai")
    for s in SUBS:
        u, b, p, k1, k2, sub = s.segments
        for rek, nama, amount in rekening(s):
            t.add(u, b, p, f"{k1}.{k2}", sub, s.name, rek, nama, amount)
    write_xlsx(d / DPA_FILE, [t, plain_dpa_tab("Rekap")])
    return {}


def v_rincian_account_tree(d: Path) -> dict:
    """(a) DPA rincian as SIPD prints it: under each sub kegiatan the account tree 5, 5.1, 5.1.02 …
    with its own subtotals, down to the rekening lines; one Kode column for everything."""
    plain(d, dpa=False)
    t = Tab("DPA Rincian")
    t.add("DOKUMEN PELAKSANAAN ANGGARAN - RINCIAN BELANJA")
    t.add()
    t.add("Kode Rekening", "Uraian", "Jumlah (Rp)")
    for n in NODES:
        t.add(n.kode, n.name, n.pagu)
        if n.level == 6:
            lines = rekening(n)
            for code, name in (("5", "BELANJA DAERAH"), ("5.1", "BELANJA OPERASI"),
                               ("5.1.02", "Belanja Barang dan Jasa"), ("5.1.02.01", "Belanja Barang"),
                               ("5.1.02.01.01", "Belanja Barang Pakai Habis")):
                t.add(code, name, n.pagu)
            for code, name, amount in lines:
                t.add(code, name, amount)
    write_xlsx(d / DPA_FILE, [t, plain_dpa_tab("Rekap")])
    return {}


def _rekap(group_only=False, labels_below=False, jumlah=True, wrapped=False) -> Tab:
    """(b) rekap: 4-line merged title right of a blank logo area, 'Anggaran' over '2024 | 2025'."""
    t = Tab("Rekap DPA")
    for line in ("PEMERINTAH KABUPATEN CONTOH", "DOKUMEN PELAKSANAAN ANGGARAN (DPA)",
                 "REKAPITULASI PROGRAM, KEGIATAN DAN SUB KEGIATAN KECAMATAN CONTOH", "TAHUN ANGGARAN 2024"):
        r = t.add(None, None, line)
        t.merges.append(f"C{r}:F{r}")
    t.merges.append("A1:B4")                   # the logo
    t.add()
    top = ["No", "Kode", "Program/ Kegiatan/\nSub Kegiatan", "Anggaran (Rp)", None]
    low = [None, None, None, "2024", "2025"]
    if labels_below:
        top, low = [None, None, None, "Anggaran (Rp)", None], ["No", "Kode", top[2], "2024", "2025"]
    h = t.add(*top)
    t.add(*low)
    t.merges.append(f"D{h}:E{h}")
    if not (group_only or labels_below):
        t.merges += [f"{c}{h}:{c}{h + 1}" for c in "ABC"]
    t.add("(1)", "(2)", "(3)", "(4)", "(5)")
    no = 0
    for n in NODES:
        if n.level == 3:
            no += 1
        if wrapped and n.level == 6:
            # a long name typed over two rows, its Kode cell merged down beside both
            head, _, tail = n.name.partition(" ")
            r = t.add(None, n.kode, head, n.pagu, n.pagu_next)
            t.add(None, None, tail)
            t.merges.append(f"B{r}:B{r + 1}")
            continue
        t.add(no if n.level == 3 else None, n.kode, n.name, n.pagu, n.pagu_next)
    if jumlah:
        t.add(None, None, "JUMLAH", TOTAL["pagu"], TOTAL["pagu_next"])
    return t


def v_rekap_merged(d: Path) -> dict:
    plain(d, dpa=False)
    write_xlsx(d / DPA_FILE, [_rekap()])
    return {}


def v_rekap_group_only_merged(d: Path) -> dict:
    """(b) only the group cell is merged; Kode/Uraian stand unmerged in the upper row."""
    plain(d, dpa=False)
    write_xlsx(d / DPA_FILE, [_rekap(group_only=True)])
    return {}


def v_rekap_labels_below(d: Path) -> dict:
    """(b) the plain labels stand in the lower header row, under a blank upper row."""
    plain(d, dpa=False)
    write_xlsx(d / DPA_FILE, [_rekap(labels_below=True)])
    return {}


def v_rekap_wrapped_names(d: Path) -> dict:
    """(b) each sub kegiatan's name runs over two rows, its Kode merged down beside them."""
    plain(d, dpa=False)
    write_xlsx(d / DPA_FILE, [_rekap(wrapped=True)])
    return {}


def v_lra_title_month(d: Path) -> dict:
    """(c) LRA with the month only in its title, and no month in the file name."""
    plain(d, realisasi=False)
    t = Tab("LRA")
    for line in ("LAPORAN REALISASI ANGGARAN", "KECAMATAN CONTOH", "s.d. Bulan Maret 2024"):
        r = t.add(line)
        t.merges.append(f"A{r}:G{r}")
    t.add()
    t.add("Kode", "Uraian", "Anggaran (Rp)", "Realisasi Bulan Ini (Rp)", "Realisasi s.d. Bulan Ini (Rp)",
          "Sisa Anggaran (Rp)", "%")
    for n in NODES:
        now, before = n.real[2], n.real[1]
        t.add(n.kode, n.name, n.pagu, now - before, now, n.pagu - now, round(now / n.pagu * 100, 2))
    t.add(None, "JUMLAH", TOTAL["pagu"], TOTAL["real"][2] - TOTAL["real"][1], TOTAL["real"][2],
          TOTAL["pagu"] - TOTAL["real"][2], None)
    write_xlsx(d / "LRA Kecamatan Contoh.xlsx", [t])
    return {}


def v_lra_month_in_header(d: Path) -> dict:
    """(c) the month only in the amount's header: 'Realisasi s.d. Bulan Maret 2024'."""
    plain(d, realisasi=False)
    t = Tab("LRA")
    t.add("LAPORAN REALISASI ANGGARAN KECAMATAN CONTOH TAHUN ANGGARAN 2024")
    t.add("Kode", "Uraian", "Anggaran Tahun 2024", "Realisasi s.d. Bulan Maret 2024")
    for n in SUBS:
        t.add(n.kode, n.name, n.pagu, n.real[2])
    write_xlsx(d / "LRA Kecamatan Contoh.xlsx", [t])
    return {}


def _iku_groups(percent=False, label="{}") -> Tab:
    """(d) IKU with year groups: '2022' merged over 'Target | Realisasi | Capaian %'."""
    t = Tab("IKU 2022-2024")
    t.add("INDIKATOR KINERJA UTAMA KECAMATAN CONTOH")
    t.merges.append("A1:M1")
    t.add()
    h = t.add("No", "Sasaran", "Indikator Kinerja", "Satuan",
              *[v for y in YEARS for v in (label.format(y), None, None)])
    t.add(None, None, None, None, *["Target", "Realisasi", "Capaian %"] * len(YEARS))
    t.merges += [f"{c}{h}:{c}{h + 1}" for c in "ABCD"]
    t.merges += [f"{get_column_letter(5 + 3 * i)}{h}:{get_column_letter(7 + 3 * i)}{h}" for i in range(len(YEARS))]
    for no, sas, ind, sat, years in IKU:
        values = []
        for y in YEARS:
            tgt, real, cap = years[y]
            values += [num(tgt), num(real), float(Decimal(cap) / 100) if percent else num(cap)]
        r = t.add(no, sas, ind, sat, *values)
        if percent:
            for i in range(len(YEARS)):
                t.formats[cell(r, 7 + 3 * i)] = "0.00%"
    return t


def v_iku_year_groups(d: Path) -> dict:
    plain(d, iku=False)
    write_xlsx(d / IKU_FILE, [_iku_groups(), plain_program_tab()])
    return {}


def v_iku_tahun_groups(d: Path) -> dict:
    """(d) year groups labelled 'Tahun 2022' rather than '2022'."""
    plain(d, iku=False)
    write_xlsx(d / IKU_FILE, [_iku_groups(label="Tahun {}"), plain_program_tab()])
    return {}


def v_iku_percent_cells(d: Path) -> dict:
    """Capaian typed as percent-formatted cells: Excel stores 0.9421 and shows 94,21%."""
    plain(d, iku=False)
    write_xlsx(d / IKU_FILE, [_iku_groups(percent=True), plain_program_tab()])
    return {}


def v_iku_long(d: Path) -> dict:
    """(e) IKU in long format: one row per indicator and year, with a Tahun column."""
    plain(d, iku=False)
    t = Tab("IKU")
    t.add("No", "Sasaran", "Indikator Kinerja", "Satuan", "Tahun", "Target", "Realisasi", "Capaian (%)")
    for no, sas, ind, sat, years in IKU:
        for y in YEARS:
            t.add(no, sas, ind, sat, y, *[num(v) for v in years[y]])
    write_xlsx(d / IKU_FILE, [t, plain_program_tab()])
    return {}


def v_split_code_columns(d: Path) -> dict:
    """(f) Kode Program | Kode Kegiatan | Kode Sub Kegiatan, one part each, program and kegiatan
    codes merged down over their rows."""
    plain(d, dpa=False)
    t = Tab("DPA")
    t.add("Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Uraian", "Pagu", "Prakiraan Maju")
    start = {}
    for n in NODES:
        segs = n.segments
        parts = [".".join(segs[:3]), ".".join(segs[3:5]) if n.level >= 5 else None, segs[5] if n.level == 6 else None]
        r = t.add(*parts, n.name, n.pagu, n.pagu_next)
        start[n.kode] = r
    for n in NODES:
        if n.level in (3, 5):
            last = max(start[x.kode] for x in NODES if x.kode.startswith(n.kode))
            col = "A" if n.level == 3 else "B"
            if last > start[n.kode]:
                t.merges.append(f"{col}{start[n.kode]}:{col}{last}")
    write_xlsx(d / DPA_FILE, [t])
    return {}


def v_merged_kode_segments(d: Path) -> dict:
    """(g) one 'Kode' header merged over six columns holding 7 | 01 | 01 | 2 | 01 | 0001."""
    plain(d, dpa=False)
    t = Tab("DPA")
    t.add("Kode", None, None, None, None, None, "Uraian", "Pagu", "Prakiraan Maju")
    t.merges.append("A1:F1")
    for n in NODES:
        segs = n.segments + [None] * (6 - len(n.segments))
        t.add(*segs, n.name, n.pagu, n.pagu_next)
    write_xlsx(d / DPA_FILE, [t])
    return {}


def v_xls(d: Path) -> dict:
    """(h) legacy .xls: the merged rekap and the realisasi, saved by an old Excel."""
    plain(d, dpa=False, realisasi=False)
    write_xls(d / "DPA Kecamatan Contoh 2024.xls", [_rekap()])
    write_xls(d / "Realisasi 2024-03.xls", [plain_realisasi_tab(3)])
    return {}


def v_csv(d: Path) -> dict:
    """(i) .csv with ';', cp1252 and Indonesian numbers (as Excel saves 'CSV' on an Indonesian PC)."""
    plain(d, dpa=False, iku=False)
    rows = [["Kode", "Uraian", "Pagu (Rp)", "Anggaran 2025 (Rp)"]]
    for n in NODES:
        rows.append([n.kode, n.name.replace("Kegiatan", "Kegiatan –"), rupiah(n.pagu), rupiah(n.pagu_next)])
    write_csv(d / "DPA Kecamatan Contoh 2024.csv", rows)
    rows = [["No", "Sasaran", "Indikator Kinerja", "Satuan",
             *[f"{k} {y}" for y in YEARS for k in ("Target", "Realisasi", "Capaian (%)")]]]
    for no, sas, ind, sat, years in IKU:
        rows.append([no, sas, ind, sat, *[id_text(v) for y in YEARS for v in years[y]]])
    write_csv(d / "IKU Kecamatan Contoh 2024.csv", rows)
    write_xlsx(d / "Indikator Program.xlsx", [plain_program_tab()])
    return {}


AMOUNT_STYLES = [lambda n: f"Rp. {rupiah(n)},-", lambda n: f"{n:,}", lambda n: rupiah(n),
                 lambda n: f"'{n}", lambda n: f"Rp {rupiah(n)},00", lambda n: f" {rupiah(n)} "]


def v_text_numbers(d: Path) -> dict:
    """(j) every number typed as text, in every way offices type them."""
    plain(d, dpa=False, realisasi=False, iku=False)
    t = Tab("DPA")
    t.add("Kode", "Uraian", "Pagu", "Prakiraan Maju")
    for i, n in enumerate(NODES):
        style = AMOUNT_STYLES[i % len(AMOUNT_STYLES)]
        t.add(n.kode, n.name, style(n.pagu), AMOUNT_STYLES[(i + 1) % len(AMOUNT_STYLES)](n.pagu_next))
    write_xlsx(d / DPA_FILE, [t])
    t = Tab("Realisasi")
    t.add("Kode", "Uraian", "Pagu", "Realisasi")
    for i, n in enumerate(SUBS):
        real = n.real[2]
        t.add(n.kode, n.name, AMOUNT_STYLES[i % len(AMOUNT_STYLES)](n.pagu),
              "-" if real == 0 else AMOUNT_STYLES[(i + 2) % len(AMOUNT_STYLES)](real))
    write_xlsx(d / REAL_FILE, [t])
    t = plain_iku_tab()
    for row in t.rows[1:]:
        row[4:] = [id_text(str(v)) + (" %" if i % 3 == 2 else "") for i, v in enumerate(row[4:])]
    p = plain_program_tab()
    for row in p.rows[1:]:
        row[4:7] = [id_text(str(v)) for v in row[4:7]]
    write_xlsx(d / IKU_FILE, [t, p])
    return {}


DIRT = ["\u00a0{}", "{}\u200b", "{}\t", "{}\n", " {} ", "\u00a0{}\u00a0", "\ufeff{}", "{}\r\n"]


def _dirty(kode: str, i: int) -> str:
    """Whitespace around and inside a code, as copy-paste from PDFs and web pages leaves it."""
    segs = kode.split(".")
    if len(segs) > 3 and i % 2:
        kode = ".".join(segs[:3]) + ".\n" + ".".join(segs[3:])   # a line break inside
    if i % 3 == 0:
        kode = kode.replace(".", ".\u200b", 1)
    return DIRT[i % len(DIRT)].format(kode)


def v_dirty_codes(d: Path) -> dict:
    """(k) codes with NBSP, zero-width spaces, tabs and line breaks."""
    plain(d, dpa=False, realisasi=False, iku=False)
    t = plain_dpa_tab()
    for i, row in enumerate(t.rows[1:]):
        row[0] = _dirty(row[0], i)
    write_xlsx(d / DPA_FILE, [t])
    t = plain_realisasi_tab(3)
    for i, row in enumerate(t.rows[1:]):
        row[0] = _dirty(row[0], i + 1)
    write_xlsx(d / REAL_FILE, [t])
    p = plain_program_tab()
    for i, row in enumerate(p.rows[1:]):
        row[0] = _dirty(row[0], i)
    write_xlsx(d / IKU_FILE, [plain_iku_tab(), p])
    return {}


def v_formula_without_value(d: Path) -> dict:
    """(l) subtotals and the total as formulas, saved by a program that does not calculate."""
    plain(d, dpa=False)
    t = Tab("DPA")
    t.add("Kode", "Uraian", "Pagu", "Prakiraan Maju")
    first = 2
    cells = []
    for i, n in enumerate(NODES):
        r = first + i
        if n.level == 3:
            subs = [first + j for j, x in enumerate(NODES) if x.level == 6 and x.kode.startswith(n.kode)]
            t.add(n.kode, n.name, Formula("+".join(f"C{x}" for x in subs)), n.pagu_next)
            cells.append(f"C{r}")
        else:
            t.add(n.kode, n.name, n.pagu, n.pagu_next)
    r = t.add(None, "JUMLAH", Formula(f"SUM(C2:C{len(t.rows)})/2"), TOTAL["pagu_next"])
    cells.append(f"C{r}")
    write_xlsx(d / DPA_FILE, [t])
    return {"formula_cells": {(DPA_FILE, "DPA", c) for c in cells}}


def v_no_header_sheet(d: Path) -> dict:
    """(m) a sheet of notes with no table, and a file that is only a cover letter."""
    plain(d, dpa=False)
    notes = Tab("Catatan")
    notes.add("Catatan penyusunan")
    notes.add("Data ini disusun oleh Subbag Keuangan.")
    notes.add(None, "Diperiksa tanggal", dt.datetime(2024, 4, 2))
    write_xlsx(d / DPA_FILE, [plain_dpa_tab(), notes])
    cover = Tab("Surat")
    cover.add("Kepada Yth. Camat")
    cover.add("Bersama ini kami sampaikan data realisasi.")
    write_xlsx(d / "Surat Pengantar.xlsx", [cover])
    return {"no_role": {(DPA_FILE, "Catatan"), ("Surat Pengantar.xlsx", "Surat")}}


def _long(dates=False) -> Tab:
    """(n) one realisasi sheet for the whole year so far: a Bulan column and monthly amounts."""
    t = Tab("Realisasi")
    t.add("Bulan", "Kode", "Uraian", "Realisasi Bulan Ini (Rp)")
    for i, m in enumerate(MONTHS):
        for n in SUBS:
            now = n.real[i] - (n.real[i - 1] if i else 0)
            month = dt.datetime(TAHUN, m + 1, 1) - dt.timedelta(days=1) if dates else BULAN[m]
            t.add(month, n.kode, n.name, now)
    return t


def v_long_monthly(d: Path) -> dict:
    plain(d, realisasi=False)
    write_xlsx(d / "Realisasi 2024.xlsx", [_long()])
    return {}


def v_long_monthly_dates(d: Path) -> dict:
    """(n) the Bulan column holds dates (last day of each month)."""
    plain(d, realisasi=False)
    write_xlsx(d / "Realisasi 2024.xlsx", [_long(dates=True)])
    return {}


def v_roles_by_header(d: Path) -> dict:
    """(o) one workbook, sheets named Sheet1..4: every role comes from the header signature."""
    d.mkdir(parents=True, exist_ok=True)
    real = plain_realisasi_tab(3, "Sheet2")
    real.rows.insert(0, ["Laporan s.d. Bulan Maret 2024"])
    write_xlsx(d / "Data Kantor 2024.xlsx", [plain_dpa_tab("Sheet1"), real, plain_iku_tab("Sheet3"),
                                             plain_program_tab("Sheet4")])
    return {}


def v_roles_by_name(d: Path) -> dict:
    """(o) roles from file names (sheets are 'Sheet1'), a sheet named 'Indikator Program' inside
    an IKU file, and an IKU sheet called 'Realisasi Kinerja' (its Realisasi is not money)."""
    d.mkdir(parents=True, exist_ok=True)
    write_xlsx(d / "DPA 2024.xlsx", [plain_dpa_tab("Sheet1")])
    write_xlsx(d / "LRA Maret 2024.xlsx", [plain_realisasi_tab(3, "Sheet1")])
    write_xlsx(d / "Laporan Kinerja 2024.xlsx", [plain_iku_tab("Realisasi Kinerja 2024"),
                                                 plain_program_tab("Indikator Program")])
    return {}


def v_config_alias(d: Path) -> dict:
    """(p) an office's own header, 'Nilai DPA Murni', made readable by lkjip.toml."""
    plain(d, dpa=False)
    t = plain_dpa_tab()
    t.rows[0][2] = "Nilai DPA Murni"
    write_xlsx(d / DPA_FILE, [t])
    (d / "lkjip.toml").write_text('[aliases.dpa]\npagu = ["Nilai DPA Murni"]\n', encoding="utf-8")
    return {}


def v_iku_long_merged(d: Path) -> dict:
    """(e) long IKU whose No, Sasaran, Indikator and Satuan are merged down over the years."""
    plain(d, iku=False)
    t = Tab("IKU")
    t.add("No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Tahun", "Target", "Realisasi", "Capaian (%)")
    for no, sas, ind, sat, years in IKU:
        first = len(t.rows) + 1
        for i, y in enumerate(YEARS):
            head = [no, sas, ind, sat, "Semakin tinggi semakin baik"] if i == 0 else [None] * 5
            t.add(*head, f"TA {y}", *[id_text(v) for v in years[y]])
        t.merges += [f"{c}{first}:{c}{first + len(YEARS) - 1}" for c in "ABCDE"]
    write_xlsx(d / IKU_FILE, [t, plain_program_tab()])
    return {}


def _numeric_kegiatan() -> Tab:
    t = Tab("DPA")
    t.add("Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Uraian", "Pagu", "Prakiraan Maju")
    for n in NODES:
        segs = n.segments
        t.add(".".join(segs[:3]), float(".".join(segs[3:5])) if n.level >= 5 else None,
              segs[5] if n.level == 6 else None, n.name, n.pagu, n.pagu_next)
    return t


def v_numeric_kode_parts(d: Path) -> dict:
    """(f) split code columns typed as numbers: Kode Kegiatan 2.01 and 2.02 survive as numbers."""
    plain(d, dpa=False)
    write_xlsx(d / DPA_FILE, [_numeric_kegiatan()])
    return {}


# ---------------------------------------------------------------------------------------------
# Near misses: one cell an office gets wrong. Each returns the findings that must point at it,
# as {(code, file, sheet, cell)}; no other finding of those codes may appear.
# ---------------------------------------------------------------------------------------------
def _row_of(kode: str) -> int:
    """Excel row of a code in a plain DPA sheet (header in row 1)."""
    return 2 + [n.kode for n in NODES].index(kode)


def n_negative_amount(d: Path) -> set:
    """'(1.000)' in a pagu cell is minus one thousand: a negative-amount finding there."""
    plain(d, dpa=False)
    t = plain_dpa_tab()
    r = _row_of(SUBS[0].kode)
    t.rows[r - 1][2] = "(1.000)"
    write_xlsx(d / DPA_FILE, [t])
    return {("negative-amount", DPA_FILE, "DPA", f"C{r}")}


def n_float_kode(d: Path) -> set:
    """Kode Kegiatan typed as the number 2.1: was it 2.10 or 2.01? Not guessed."""
    plain(d, dpa=False)
    t = _numeric_kegiatan()
    r = _row_of(SUBS[-1].kode)
    t.rows[r - 1][1] = 2.1
    write_xlsx(d / DPA_FILE, [t])
    return {("bad-kode", DPA_FILE, "DPA", f"B{r}")}


def n_numeric_segments(d: Path) -> set:
    """(g) with the segments typed as numbers: 7 | 1 | 1 | 2 | 1 | 1 lost its zeros on every row."""
    plain(d, dpa=False)
    t = Tab("DPA")
    t.add("Kode", None, None, None, None, None, "Uraian", "Pagu", "Prakiraan Maju")
    t.merges.append("A1:F1")
    for n in NODES:
        segs = [int(x) for x in n.segments] + [None] * (6 - len(n.segments))
        t.add(*segs, n.name, n.pagu, n.pagu_next)
    write_xlsx(d / DPA_FILE, [t])
    return {("bad-kode", DPA_FILE, "DPA", f"A{r}") for r in range(2, 2 + len(NODES))}


def n_bad_month(d: Path) -> set:
    """A Bulan cell that names no single month."""
    plain(d, realisasi=False)
    t = _long()
    t.rows[1][0] = "Triwulan I"
    write_xlsx(d / "Realisasi 2024.xlsx", [t])
    return {("bad-month", "Realisasi 2024.xlsx", "Realisasi", "A2")}


def n_bad_tahun(d: Path) -> set:
    """A Tahun cell of a long IKU that names two years."""
    plain(d, iku=False)
    t = Tab("IKU")
    t.add("No", "Sasaran", "Indikator Kinerja", "Satuan", "Tahun", "Target", "Realisasi", "Capaian (%)")
    for no, sas, ind, sat, years in IKU:
        for y in YEARS:
            t.add(no, sas, ind, sat, y, *[num(v) for v in years[y]])
    t.rows[2][4] = "2022/2023"
    write_xlsx(d / IKU_FILE, [t, plain_program_tab()])
    return {("bad-number", IKU_FILE, "IKU", "E3")}


def n_leaf_formula(d: Path) -> set:
    """A sub kegiatan's own pagu is a formula with no saved value: its amount is unknown."""
    plain(d, dpa=False)
    t = plain_dpa_tab()
    r = _row_of(SUBS[1].kode)
    t.rows[r - 1][2] = Formula("1000000*12.5")
    write_xlsx(d / DPA_FILE, [t])
    return {("formula-without-value", DPA_FILE, "DPA", f"C{r}")}


def n_error_value(d: Path) -> set:
    """#REF! in a realisasi cell and #DIV/0! in a capaian cell: unknown values, said at their cells."""
    plain(d, realisasi=False, iku=False)
    t = plain_realisasi_tab(3)
    t.rows[3][3] = ExcelError("#REF!")
    write_xlsx(d / REAL_FILE, [t])
    iku = plain_iku_tab()
    iku.rows[1][6] = ExcelError("#DIV/0!")
    write_xlsx(d / IKU_FILE, [iku, plain_program_tab()])
    return {("error-value", REAL_FILE, "Realisasi", "D4"), ("error-value", IKU_FILE, "IKU", "G2")}


def n_unknown_polaritas(d: Path) -> set:
    """A polaritas the reader does not know is said, not silently taken as positive."""
    plain(d, iku=False)
    t = plain_iku_tab()
    t.rows[0].insert(4, "Polaritas")
    t.rows[1].insert(4, "Positif")
    t.rows[2].insert(4, "stabil")
    write_xlsx(d / IKU_FILE, [t, plain_program_tab()])
    return {("bad-polaritas", IKU_FILE, "IKU", "E3")}


NEAR_MISSES = {f.__name__[2:].replace("_", "-"): f for f in (
    n_negative_amount, n_float_kode, n_numeric_segments, n_bad_month, n_bad_tahun, n_leaf_formula,
    n_error_value, n_unknown_polaritas)}


@dataclass
class Variant:
    name: str
    build: Callable[[Path], dict]
    twin: Callable[[Path], None] = plain
    ignore: frozenset = frozenset()      # finding codes only the variant has, by design
    needs: str | None = None             # a module the writer needs


VARIANTS = {v.name: v for v in [
    Variant("a1-sipd-full-codes", v_sipd_full),
    Variant("a2-sipd-code-segments", v_sipd_segments),
    Variant("a3-rincian-account-tree", v_rincian_account_tree),
    Variant("b1-rekap-merged-header", v_rekap_merged),
    Variant("b2-rekap-group-only-merged", v_rekap_group_only_merged),
    Variant("b3-rekap-labels-below", v_rekap_labels_below),
    Variant("b4-rekap-wrapped-names", v_rekap_wrapped_names),
    Variant("c1-lra-month-in-title", v_lra_title_month),
    Variant("c2-lra-month-in-header", v_lra_month_in_header),
    Variant("d1-iku-year-groups", v_iku_year_groups),
    Variant("d2-iku-percent-cells", v_iku_percent_cells),
    Variant("d3-iku-tahun-groups", v_iku_tahun_groups),
    Variant("e1-iku-long", v_iku_long),
    Variant("e2-iku-long-merged-down", v_iku_long_merged),
    Variant("f1-split-code-columns", v_split_code_columns),
    Variant("f2-numeric-kode-parts", v_numeric_kode_parts),
    Variant("g-merged-kode-segments", v_merged_kode_segments),
    Variant("h-xls", v_xls, needs="xlwt"),
    Variant("i-csv-semicolon-cp1252", v_csv),
    Variant("j-text-numbers", v_text_numbers),
    Variant("k-dirty-codes", v_dirty_codes),
    Variant("l-formula-without-value", v_formula_without_value, ignore=frozenset({"formula-without-value"})),
    Variant("m-no-header-sheet", v_no_header_sheet, ignore=frozenset({"no-role"})),
    Variant("n1-long-monthly", v_long_monthly, twin=plain_monthly),
    Variant("n2-long-monthly-dates", v_long_monthly_dates, twin=plain_monthly),
    Variant("o1-roles-by-header", v_roles_by_header),
    Variant("o2-roles-by-name", v_roles_by_name),
    Variant("p-config-alias", v_config_alias),
]}


def available(v: Variant) -> bool:
    if v.needs is None:
        return True
    try:
        __import__(v.needs)
        return True
    except ImportError:
        return False


def build(v: Variant, root: Path) -> tuple[Path, Path, dict]:
    """Write the variant and its twin under root/<name>/{variant,twin}; returns both and the facts."""
    base = root / v.name
    if base.exists():
        shutil.rmtree(base)
    facts = v.build(base / "variant")
    v.twin(base / "twin")
    return base / "variant", base / "twin", facts


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "varian")
    for v in VARIANTS.values():
        if available(v):
            build(v, out)
            print(out / v.name)
        else:
            print(f"{v.name}: dilewati, modul {v.needs} tidak terpasang", file=sys.stderr)
    for name, make in NEAR_MISSES.items():
        make(out / f"hampir-{name}")
        print(out / f"hampir-{name}")
