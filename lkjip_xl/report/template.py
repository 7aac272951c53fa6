"""`lkjip-xl template`: blank, documented input workbooks for offices that have no SIPD export.

One workbook per role, each with a `Petunjuk` sheet first (plain instruction lines in column A,
never read as data), a title block, a bordered header made only of names from
schemas/aliases.yaml, ONE example row (a small, internally consistent example: the amounts add up,
capaian and kategori are right), and data validation lists for closed-vocabulary columns. Plus a
commented `lkjip.toml`.

Output is deterministic: fixed document properties; xlsxwriter stamps zip members with a fixed
date. Workbooks that already exist in the folder are never overwritten; the double-click launchers
(report/launchers.py) hold no work of the office and are written again.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from lkjip_xl.config import describe_scale, preset_scales
from lkjip_xl.messages import month_names
from lkjip_xl.schemas_io import load_yaml
from lkjip_xl.read.contoh import (EXAMPLE_NAME, IKM, IKM_ANALISIS, IKM_SATUAN, IKM_SOLUSI, IKM_SUMBER, IKM_TARGET,
                                  IKM_YEARS, KAS, KEGIATAN, MARK, PAGU, PAGU_NEXT, PROGRAM, REALISASI,
                                  REALISASI_DESEMBER, REALISASI_JANUARI, REKENING, SASARAN, SUB, TUJUAN)
from lkjip_xl.report.launchers import LAUNCHERS, write_launchers

DEFAULT_TAHUN = 2024
FIXED_CREATED = datetime(2025, 1, 1)
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}
TEMPLATE_FILES = ("DPA.xlsx", "Realisasi.xlsx", "Anggaran Kas.xlsx", "IKU.xlsx", "Indikator Program.xlsx",
                  "lkjip.toml") + LAUNCHERS
INSTRUCTIONS_SHEET = "Petunjuk"      # no role keyword in this name: the reader ignores it
VALIDATION_ROWS = 500                # data validation covers this many rows under the header

BULAN = month_names("id")
POLARITAS = ["positif", "negatif"]
JENIS = ["nilai akhir", "kumulatif"]
# the scales, formulas and defaults the help text names: presets.yaml, never restated here
_PRESETS = load_yaml("presets.yaml")
_DEFAULTS = {k: v["default"] for k, v in _PRESETS["settings"].items()}
_PREDIKAT = preset_scales("predikat")
KATEGORI = [b.label for b in _PREDIKAT[_DEFAULTS["predikat"]].bands]
INSTANSI = "<NAMA INSTANSI>"

# the example (Kecamatan Blora 2024's figures) and its marks live where the reader finds them too
EXAMPLE_FILL = "#FFF2CC"            # the example rows stand out: a pale yellow row, its mark in red
KETERANGAN = "Keterangan"           # the last column of every data sheet: where the mark is written

MONEY, DEC = "#,##0", "0.00"

COMMON_LINES = [
    "",
    "Cara mengisi:",
    f"- Baris berwarna kuning bertuliskan {MARK} di kolom Keterangan adalah contoh, bukan data: hapus "
    "barisnya (seluruh baris, bukan hanya isinya), lalu ketik data Anda sendiri di bawah judul kolom. Baris contoh "
    "yang tertinggal dilaporkan sebagai kesalahan example-row dan tidak dibaca.",
    "- Jangan mengubah tulisan judul kolom; alat mengenali kolom dari judulnya. Kolom boleh ditambah.",
    "- Kode program/kegiatan/sub kegiatan ditulis lengkap dengan titik, misalnya 7.01.01 (program), "
    "7.01.01.2.01 (kegiatan) dan 7.01.01.2.01.0001 (sub kegiatan).",
    "- Kode rekening ditulis seperti 5.1.02.01.01.0024 (bentuk panjang 5.1.02.01.001.00024 juga diterima).",
    "- Angka sebaiknya diketik sebagai angka biasa. Teks angka juga diterima: rupiah dengan titik ribuan "
    "seperti 19.422.400.000 atau Rp. 19.422.400.000,-; desimal dengan koma seperti 89,50.",
    "- Tanda - atau sel kosong pada kolom rupiah berarti nol; pada kolom target/realisasi berarti belum diisi.",
    "- Rumus Excel boleh dipakai asalkan berkas disimpan dari Excel atau LibreOffice (hasil rumus ikut tersimpan).",
    "- Lembar petunjuk ini tidak dibaca oleh alat. Nama lembar data boleh diubah asalkan kata kuncinya tetap ada.",
    "",
    "Setelah diisi, simpan semua berkas di satu folder bersama lkjip.toml, lalu jalankan:",
    "lkjip-xl check NAMA-FOLDER   (memeriksa isian)   atau   lkjip-xl build NAMA-FOLDER   (membuat tabel LKjIP).",
    "Atau klik dua kali jalankan-lkjip.bat (Windows), jalankan-lkjip.command (macOS) atau jalankan-lkjip.sh "
    "(Linux) di folder itu: hasilnya ada di subfolder hasil.",
]


def write_templates(folder: Path, tahun: int | None = None) -> list[Path]:
    """Write the blank input workbooks and an example lkjip.toml into folder; return their paths."""
    folder = Path(folder)
    builders = (("DPA.xlsx", _dpa), ("Realisasi.xlsx", _realisasi), ("Anggaran Kas.xlsx", _kas), ("IKU.xlsx", _iku),
                ("Indikator Program.xlsx", _program))
    # an office may run this again in its working folder: never overwrite what it filled in
    existing = [folder / n for n in [name for name, _ in builders] + ["lkjip.toml"] if (folder / n).exists()]
    if existing:
        raise FileExistsError(", ".join(p.name for p in existing))
    folder.mkdir(parents=True, exist_ok=True)
    tahun = DEFAULT_TAHUN if tahun is None else int(tahun)
    out = []
    for name, build in builders:
        path = folder / name
        wb = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
        wb.set_properties({"title": f"Templat {path.stem} LKjIP", "author": "lkjip-xl",
                           "created": FIXED_CREATED})
        build(wb, _Formats(wb), tahun)
        wb.close()
        out.append(path)
    path = folder / "lkjip.toml"
    path.write_text(_toml(tahun), encoding="utf-8", newline="\n")
    out.append(path)
    return out + write_launchers(folder)


# ---------------------------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------------------------
class _Formats:
    def __init__(self, wb):
        self._wb = wb
        self._props: dict[int, dict] = {}
        self._example: dict[int, object] = {}
        self.names = 0        # example rows named so far in this workbook (LKJIP_CONTOH_1, _2, …)
        base = {"border": 1, "valign": "top", "text_wrap": True}
        self.title = wb.add_format({"bold": True, "font_size": 12, "align": "center"})
        self.header = wb.add_format({"bold": True, "border": 1, "bg_color": "#D9D9D9", "align": "center",
                                     "valign": "vcenter", "text_wrap": True})
        self.text = self._add(base)
        self.bold = self._add({**base, "bold": True})
        self.center = self._add({**base, "align": "center"})
        self.money = self._add({**base, "num_format": MONEY})
        self.money_bold = self._add({**base, "num_format": MONEY, "bold": True})
        self.num = self._add({**base, "num_format": "General"})
        self.num_bold = self._add({**base, "num_format": "General", "bold": True})
        self.dec = self._add({**base, "num_format": DEC})
        self.mark = wb.add_format({**base, "bold": True, "font_color": "#C00000", "bg_color": EXAMPLE_FILL})
        self.note_title = wb.add_format({"bold": True, "font_size": 12})
        self.note = wb.add_format({"text_wrap": True, "valign": "top"})

    def _add(self, props: dict):
        fmt = self._wb.add_format(props)
        self._props[id(fmt)] = props
        return fmt

    def example(self, fmt):
        """The same cell format on the example row's pale yellow."""
        if id(fmt) not in self._example:
            self._example[id(fmt)] = self._wb.add_format({**self._props[id(fmt)], "bg_color": EXAMPLE_FILL})
        return self._example[id(fmt)]


def _petunjuk(wb, f: _Formats, lines: list[str]) -> None:
    """Instruction lines, one per row, column A only (the reader never finds a header here)."""
    ws = wb.add_worksheet(INSTRUCTIONS_SHEET)
    ws.set_column(0, 0, 120)
    ws.hide_gridlines(2)
    for r, line in enumerate(lines + COMMON_LINES):
        if line:
            ws.write_string(r, 0, line, f.note_title if r == 0 else f.note)


def _title(ws, f: _Formats, lines: list[str], ncols: int) -> None:
    for r, line in enumerate(lines):
        if ncols > 1:
            ws.merge_range(r, 0, r, ncols - 1, line, f.title)
        else:
            ws.write_string(r, 0, line, f.title)


def _header(ws, f: _Formats, row: int, spec: list) -> tuple[int, int]:
    """Each item is a label or (group label, [sub labels]). With any group the header takes two
    rows and the plain labels are merged over both. Returns (first data row, number of columns)."""
    depth = 2 if any(isinstance(s, tuple) for s in spec) else 1
    col = 0
    for item in spec:
        if isinstance(item, tuple):
            label, subs = item
            if len(subs) > 1:
                ws.merge_range(row, col, row, col + len(subs) - 1, label, f.header)
            else:
                ws.write_string(row, col, label, f.header)
            for j, sub in enumerate(subs):
                ws.write_string(row + 1, col + j, sub, f.header)
            col += len(subs)
        else:
            if depth == 2:
                ws.merge_range(row, col, row + 1, col, item, f.header)
            else:
                ws.write_string(row, col, item, f.header)
            col += 1
    ws.set_row(row, 30 if depth == 1 else 22)
    ws.freeze_panes(row + depth, 0)
    return row + depth, col


def _put(ws, row: int, values: list, fmts: list) -> None:
    """One data row; strings are always written as text (codes such as 7.01.01 stay text).
    The row is made tall enough for its longest wrapped text (Excel does not do it on opening)."""
    ws.set_row(row, 15 * max(1, min(4, max((len(v) // 40 + 1 for v in values if isinstance(v, str)), default=1))))
    for c, (v, fmt) in enumerate(zip(values, fmts)):
        if v is None:
            ws.write_blank(row, c, None, fmt)
        elif isinstance(v, str):
            ws.write_string(row, c, v, fmt)
        else:
            ws.write_number(row, c, v, fmt)


def _example(wb, ws, f: _Formats, row: int, values: list, fmts: list) -> None:
    """The example row: the values on pale yellow, the mark in its Keterangan cell (the last column),
    and a defined name over the row (read/contoh.py), which the officer does not see and so does not
    overwrite: the row is known as the example even when the visible mark is typed over."""
    _put(ws, row, values + [MARK], [f.example(x) for x in fmts] + [f.mark])
    f.names += 1
    last = xl_col_to_name(len(values))
    wb.define_name(f"{EXAMPLE_NAME}_{f.names}", f"='{ws.name}'!$A${row + 1}:${last}${row + 1}")


def _widths(ws, widths: list[float]) -> None:
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    ws.set_landscape()
    ws.set_paper(9)       # A4
    ws.fit_to_pages(1, 0)


def _choice(ws, first_row: int, col: int, values: list[str], title: str, stop: bool = True) -> None:
    """A drop-down list on one column, for VALIDATION_ROWS rows from first_row."""
    listed = ", ".join(values)
    ws.data_validation(first_row, col, first_row + VALIDATION_ROWS - 1, col, {
        "validate": "list",
        "source": values,
        "input_title": title[:32],
        "input_message": f"Pilih salah satu: {listed}"[:255],
        "error_title": f"{title} tidak dikenal"[:32],
        "error_message": f"Isi dengan salah satu: {listed}"[:255],
        "error_type": "stop" if stop else "warning",
    })


# ---------------------------------------------------------------------------------------------
# Workbooks
# ---------------------------------------------------------------------------------------------
def _dpa(wb, f: _Formats, tahun: int) -> None:
    _petunjuk(wb, f, [
        "PETUNJUK PENGISIAN DOKUMEN PELAKSANAAN ANGGARAN",
        "",
        "Berkas ini untuk pagu anggaran (DPA) per program, kegiatan dan sub kegiatan, bila kantor Anda "
        "tidak memiliki ekspor dari SIPD. Isi lembar DPA.",
        f"Kolom wajib: Kode, Program/Kegiatan/Sub Kegiatan, dan Anggaran {tahun} (pagu tahun berjalan).",
        f"Kolom pilihan: Indikator, Target, Satuan, Kode Rekening, Nama Rekening, dan Anggaran {tahun + 1} "
        "(prakiraan maju); boleh dikosongkan.",
        "Baris program dan kegiatan berisi subtotal; alat memeriksa bahwa subtotal sama dengan jumlah sub "
        "kegiatan di bawahnya.",
        "Rincian per kode rekening (boleh tidak diisi): tulis satu baris per rekening tepat di bawah sub "
        "kegiatannya, kolom Kode dikosongkan dan Kode Rekening diisi. Pagu sub kegiatan harus sama dengan "
        "jumlah rekeningnya.",
        "Baris terakhir bertuliskan JUMLAH memuat total seluruh sub kegiatan dan ikut diperiksa.",
        "Nama lembar data harus memuat kata DPA atau Anggaran.",
    ])
    ws = wb.add_worksheet("DPA")
    spec = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Satuan", "Kode Rekening",
            "Nama Rekening", f"Anggaran {tahun}", f"Anggaran {tahun + 1}", KETERANGAN]
    _title(ws, f, ["DOKUMEN PELAKSANAAN ANGGARAN", INSTANSI, f"TAHUN ANGGARAN {tahun}"], len(spec))
    row, _ = _header(ws, f, 4, spec)
    node = [f.bold, f.bold, f.bold, f.num_bold, f.bold, f.bold, f.bold, f.money_bold, f.money_bold]
    leaf = [f.text, f.text, f.text, f.num, f.text, f.text, f.text, f.money, f.money]
    for code, name, ind, target, satuan in (PROGRAM, KEGIATAN):
        _example(wb, ws, f, row, [code, name, ind, target, satuan, None, None, PAGU, PAGU_NEXT], node)
        row += 1
    code, name, ind, target, satuan = SUB
    _example(wb, ws, f, row, [code, name, ind, target, satuan, None, None, PAGU, PAGU_NEXT], leaf)
    row += 1
    _example(wb, ws, f, row, [None, None, None, None, None, REKENING[0], REKENING[1], PAGU, PAGU_NEXT], leaf)
    row += 1
    _example(wb, ws, f, row, [None, "JUMLAH", None, None, None, None, None, PAGU, PAGU_NEXT], node)
    _widths(ws, [19, 50, 40, 9, 10, 19, 40, 17, 17, 26])


def _realisasi(wb, f: _Formats, tahun: int) -> None:
    _petunjuk(wb, f, [
        "PETUNJUK PENGISIAN LAPORAN REALISASI",
        "",
        "Berkas ini untuk realisasi belanja per sub kegiatan. Isi salah satu lembar atau keduanya.",
        "Lembar Realisasi: realisasi sampai dengan bulan laporan. Bulan laporan dibaca dari judul "
        f"(tulis misalnya s.d. Bulan Desember {tahun}).",
        "   Kolom wajib: Kode dan Realisasi s.d. Bulan Ini (kumulatif). Kolom pilihan: Uraian, Anggaran "
        "(dicocokkan dengan DPA) dan Realisasi Bulan Ini.",
        "   Untuk beberapa bulan, buat satu berkas per bulan, ubah bulan pada judul baris ke-3 (misalnya "
        f"s.d. Bulan Maret {tahun}) dan beri nama berkas dengan bulannya, misalnya Realisasi {tahun}-03.xlsx.",
        "Lembar Realisasi Bulanan: satu baris per sub kegiatan per bulan (format panjang).",
        "   Kolom wajib: Bulan, Kode dan Realisasi Bulan Ini (realisasi bulan itu saja, bukan kumulatif). "
        "Bulan dipilih dari daftar Januari sampai Desember.",
        "Kode harus sama dengan kode di DPA. Realisasi tidak boleh melebihi pagu.",
        "Nama lembar data harus memuat kata Realisasi atau LRA.",
    ])
    ws = wb.add_worksheet("Realisasi")
    spec = ["Kode", "Uraian", "Anggaran", "Realisasi Bulan Ini", "Realisasi s.d. Bulan Ini", KETERANGAN]
    _title(ws, f, ["LAPORAN REALISASI ANGGARAN", INSTANSI, f"s.d. Bulan Desember {tahun}"], len(spec))
    row, _ = _header(ws, f, 4, spec)
    _example(wb, ws, f, row, [SUB[0], SUB[1], PAGU, REALISASI_DESEMBER, REALISASI],
             [f.text, f.text, f.money, f.money, f.money])
    _widths(ws, [19, 55, 17, 17, 17, 26])

    ws = wb.add_worksheet("Realisasi Bulanan")
    spec = ["Bulan", "Kode", "Uraian", "Realisasi Bulan Ini", KETERANGAN]
    _title(ws, f, ["REALISASI ANGGARAN BULANAN", INSTANSI, f"TAHUN ANGGARAN {tahun}"], len(spec))
    row, _ = _header(ws, f, 4, spec)
    _example(wb, ws, f, row, ["Januari", SUB[0], SUB[1], REALISASI_JANUARI], [f.text, f.text, f.text, f.money])
    _choice(ws, row, 0, BULAN, "Bulan")
    _widths(ws, [12, 19, 55, 17, 26])


def _kas(wb, f: _Formats, tahun: int) -> None:
    _petunjuk(wb, f, [
        "PETUNJUK PENGISIAN ANGGARAN KAS (RENCANA PENARIKAN DANA)",
        "",
        "Berkas ini untuk anggaran kas per sub kegiatan, seperti ekspor Anggaran Kas dari SIPD. Dipakai untuk "
        "lembar RFK: rencana s.d. bulan laporan dibandingkan dengan realisasi.",
        "   Kolom wajib: Kode dan rencana tiap bulan (Januari sampai Desember). Boleh juga per triwulan: "
        "ganti judul kolom bulan dengan Triwulan I, Triwulan II, Triwulan III, Triwulan IV.",
        "   Kolom Jumlah boleh diisi; jumlah setahun tiap sub kegiatan harus sama dengan pagunya di DPA.",
        "   Baris kode rekening boleh ditulis di bawah sub kegiatannya; baris program dan kegiatan berisi "
        "subtotal (diperiksa).",
        "Nama lembar data harus memuat kata Anggaran Kas (atau AKB, Rencana Penarikan).",
    ])
    ws = wb.add_worksheet("Anggaran Kas")
    spec = ["Kode", "Uraian", *BULAN, "Jumlah", KETERANGAN]
    _title(ws, f, ["ANGGARAN KAS", INSTANSI, f"TAHUN ANGGARAN {tahun}"], len(spec))
    row, _ = _header(ws, f, 4, spec)
    _example(wb, ws, f, row, [SUB[0], SUB[1], *KAS, PAGU], [f.text, f.text] + [f.money] * 13)
    _widths(ws, [19, 45] + [12] * 12 + [14, 26])


def _iku(wb, f: _Formats, tahun: int) -> None:
    years = [tahun - 2, tahun - 1, tahun]
    _petunjuk(wb, f, [
        "PETUNJUK PENGISIAN INDIKATOR KINERJA UTAMA",
        "",
        f"Berkas ini untuk capaian Indikator Kinerja Utama (IKU) tahun {years[0]} sampai {tahun} dan target "
        "Rencana Strategis (Renstra).",
        "Lembar IKU: satu baris per indikator. Kolom wajib: Indikator Kinerja, serta Target dan Realisasi "
        "untuk setiap tahun.",
        "   Capaian % dan Kategori boleh diisi; alat menghitung ulang dan memberi tahu bila berbeda "
        f"(selisih lebih dari {_number(_DEFAULTS['tolerance'])} poin).",
        "   Polaritas: positif (semakin tinggi semakin baik) atau negatif (semakin rendah semakin baik). "
        "Jenis: nilai akhir atau kumulatif.",
        f"   Kategori mengikuti skala di lkjip.toml; skala bawaan: {describe_scale(_PREDIKAT[_DEFAULTS['predikat']])}.",
        f"   Capaian dihitung {_PRESETS['positive_formula']['text']}; untuk polaritas negatif "
        f"{_PRESETS['negative_formulas'][_DEFAULTS['negative_formula']]['text']}.",
        f"Lembar Renstra: target Renstra per tahun ({years[0]} sampai {tahun + 2}); target pada lembar IKU "
        "dicocokkan dengan target ini.",
        "Indikator pada lembar IKU dan Renstra dicocokkan menurut namanya, jadi tulis nama indikator sama persis.",
        "Nama lembar data harus memuat kata IKU, Indikator, Kinerja, PK atau Renstra.",
    ])
    ws = wb.add_worksheet("IKU")
    trc = ["Target", "Realisasi", "Capaian %"]
    spec = ["No", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis",
            *[(str(y), trc) for y in years],
            f"Kategori {tahun}", f"Target Akhir {tahun + 2}", "Sumber Data", "Analisis", "Solusi", KETERANGAN]
    ncols = 6 + 3 * len(years) + 6
    _title(ws, f, ["PENGUKURAN INDIKATOR KINERJA UTAMA", INSTANSI, f"TAHUN {tahun}"], ncols)
    row, _ = _header(ws, f, 4, spec)
    values = [1, SASARAN, IKM, IKM_SATUAN, "positif", "nilai akhir"]
    fmts = [f.center, f.text, f.text, f.text, f.text, f.text]
    for realisasi, capaian in IKM_YEARS:
        values += [IKM_TARGET, realisasi, capaian]
        fmts += [f.num, f.num, f.dec]
    values += ["Baik", IKM_TARGET, IKM_SUMBER, IKM_ANALISIS, IKM_SOLUSI]
    fmts += [f.text, f.num, f.text, f.text, f.text]
    _example(wb, ws, f, row, values, fmts)
    _choice(ws, row, 4, POLARITAS, "Polaritas")
    _choice(ws, row, 5, JENIS, "Jenis")
    _choice(ws, row, 6 + 3 * len(years), KATEGORI, "Kategori", stop=False)
    _widths(ws, [5, 35, 30, 9, 10, 11] + [9, 10, 10] * len(years) + [12, 11, 16, 35, 30, 26])

    ws = wb.add_worksheet("Renstra")
    plan = list(range(tahun - 2, tahun + 3))
    spec = ["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Satuan",
            ("Target Kinerja pada Tahun", [str(y) for y in plan]), KETERANGAN]
    ncols = 6 + len(plan)
    _title(ws, f, ["RENCANA STRATEGIS (RENSTRA)", INSTANSI, f"TAHUN {plan[0]} - {plan[-1]}"], ncols)
    row, _ = _header(ws, f, 4, spec)
    _example(wb, ws, f, row, [1, TUJUAN, SASARAN, IKM, IKM_SATUAN, *[IKM_TARGET] * len(plan)],
         [f.center, f.text, f.text, f.text, f.text, *[f.num] * len(plan)])
    _widths(ws, [5, 35, 35, 30, 9] + [9] * len(plan) + [26])


def _program(wb, f: _Formats, tahun: int) -> None:
    _petunjuk(wb, f, [
        "PETUNJUK PENGISIAN INDIKATOR KINERJA PROGRAM",
        "",
        f"Berkas ini untuk capaian indikator kinerja setiap program tahun {tahun} (Tabel 3.8 LKjIP).",
        "Kolom wajib: Indikator Kinerja Program, Kode atau Program, dan Target. Realisasi dan Capaian % "
        f"diisi bila ada; capaian dihitung ulang sebagai {_PRESETS['positive_formula']['text']}.",
        "Kolom Sasaran menghubungkan program dengan sasaran pada lembar IKU: tulis nama sasaran yang sama "
        "persis, atau nomor IKU-nya.",
        "Kode program (misalnya 7.01.01) dan nama program sebaiknya sama dengan di DPA.",
        "Nama lembar data harus memuat kata Indikator dan Program.",
    ])
    ws = wb.add_worksheet("Indikator Program")
    spec = ["No", "Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target", "Realisasi",
            "Capaian %", KETERANGAN]
    _title(ws, f, ["INDIKATOR KINERJA PROGRAM", INSTANSI, f"TAHUN {tahun}"], len(spec))
    row, _ = _header(ws, f, 4, spec)
    _example(wb, ws, f, row, [1, SASARAN, PROGRAM[0], PROGRAM[1], PROGRAM[2], PROGRAM[4], 100, 100, 100],
         [f.center, f.text, f.text, f.text, f.text, f.text, f.num, f.num, f.dec])
    _widths(ws, [5, 35, 10, 45, 45, 9, 9, 10, 10, 26])


def _number(x) -> str:
    return str(x).replace(".", ",")


def _choices(names: dict[str, str]) -> str:
    """'#   "default" : text' lines, one per preset, aligned."""
    width = max(len(n) for n in names) + 2
    return "\n".join(f"#   {chr(34) + n + chr(34):<{width}} : {text}" for n, text in names.items())


def _toml(tahun: int) -> str:
    d = _DEFAULTS
    scales = {n: describe_scale(sc) + (f" — {sc.title}" if sc.title != n else "") for n, sc in _PREDIKAT.items()}
    formulas = {n: f["text"] for n, f in _PRESETS["negative_formulas"].items()}
    efisiensi = {n: describe_scale(sc) for n, sc in preset_scales("efisiensi").items()}
    return f'''# Konfigurasi lkjip-xl. Simpan berkas ini di folder yang sama dengan berkas Excel masukan.
# Baris yang diawali tanda # adalah keterangan dan tidak dibaca. Nilai dari baris perintah
# (--tahun, --instansi, --kabupaten) mengalahkan nilai di berkas ini. Kunci yang salah ketik
# ditolak dengan saran nama yang benar.

# Nama instansi dan kabupaten, dipakai pada judul tabel dan nama berkas hasil.
instansi = "Kecamatan Contoh"
kabupaten = "Contoh"

# Tahun laporan (tahun anggaran yang dilaporkan).
tahun = {tahun}

# Skala predikat/kategori capaian:
{_choices(scales)}
predikat = "{d['predikat']}"

# Rumus capaian untuk indikator berpolaritas negatif (semakin rendah semakin baik):
{_choices(formulas)}
negative_formula = "{d['negative_formula']}"

# Cara menilai efisiensi (capaian kinerja dikurangi serapan anggaran):
{_choices(efisiensi)}
efisiensi = "{d['efisiensi']}"

# Program dianggap menunjang sasarannya bila capaiannya paling sedikit sekian persen.
menunjang_min_capaian = {d['menunjang_min_capaian']}

# Selisih yang masih diterima antara capaian tertulis dan hasil hitung (poin persen).
tolerance = {d['tolerance']}

# Judul kolom tambahan milik kantor Anda, per peran lembar (dpa, realisasi, anggaran_kas, indikator,
# indikator_program, renja). Contoh: kolom pagu yang berjudul "Nilai DPA Murni".
[aliases.dpa]
pagu = ["Nilai DPA Murni"]

# Peran lembar yang ditetapkan sendiri, bila nama lembarnya tidak memuat kata kunci
# (DPA, Anggaran, Realisasi, LRA, Anggaran Kas, AKB, IKU, Indikator, Kinerja, PK, Renja, Renstra).
# Peran: dpa, realisasi, anggaran_kas, indikator, indikator_program, renja. Contoh:
[roles]
"Lembar Saya" = "dpa"
'''
