"""Build the second sample office, ``workbooks/contoh-dinas-lh-2025/``: an urusan-2 Dinas as SIPD
and its finance staff lay out their books (issue 11). The books are consistent: `check` must
give no error, and the figures below are the golden ones (tests/test_pipeline_sample_dinas.py).

Generated files
---------------
``DPA Rincian SIPD Dinas LH 2025.xlsx``
    Sheet ``Rincian Belanja``: SIPD's flattened rincian export, one row per rekening line, the
    code written one segment per column (Kode Urusan 2 | Kode Bidang 11 | Kode Program 01 |
    Kode Kegiatan 2.01 | Kode Sub Kegiatan 0001: urusan 2 and kegiatan 2 are different segments),
    a title block, JUMLAH TOTAL in the Kode column, a signature under the amounts.
``DPA Rekap Dinas LH 2025.xlsx``
    Sheet ``Rekap DPA``: program / kegiatan / sub kegiatan with stated subtotals, ``Anggaran (Rp)``
    merged over ``Tahun 2025 | Prakiraan Maju 2026``, a row of column numbers typed as numbers,
    ``JUMLAH`` merged across Kode and Uraian, a ``Catatan:`` under the table.
``LRA Dinas LH 2025-01.xlsx`` … ``LRA Dinas LH 2025-06.xlsx``
    Sheet ``LRA``: ``Realisasi (Rp)`` merged over ``Bulan Ini | s.d. Bulan Ini``, the month in the
    title (``s.d. Bulan Juni 2025``), subtotals, JUMLAH in the Kode column.
``IKU Dinas LH 2025.xlsx``
    ``IKU 2023-2025`` (year groups over Target | Realisasi | Capaian %), ``Renstra 2021-2026``
    (indicators written with their abbreviations: IKLH), ``Indikator Program``.
``lkjip.toml`` and ``README.md``.

Output is deterministic: fixed document properties and zip timestamps.
Run with ``python workbooks/build_contoh_dinas.py``.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = Path(__file__).resolve().parent / "contoh-dinas-lh-2025"
FIXED = dt.datetime(2025, 7, 10)
TAHUN = 2025
MONTHS = range(1, 7)
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni"]
INSTANSI = "DINAS LINGKUNGAN HIDUP"

# program → kegiatan → sub kegiatan → rekening lines (account, name, pagu 2025); pagu 2026 per sub
TREE = [
    ("2.11.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 27_500_000, [
                ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", 7_500_000),
                ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", 12_750_000),
                ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi", 6_000_000)]),
            ("0007", "Evaluasi Kinerja Perangkat Daerah", 16_000_000, [
                ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", 4_250_000),
                ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", 9_900_000)])]),
        ("2.02", "Administrasi Keuangan Perangkat Daerah", [
            ("0001", "Penyediaan Gaji dan Tunjangan ASN", 5_390_000_000, [
                ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 3_612_000_000),
                ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", 361_200_000),
                ("5.1.01.01.07.0001", "Belanja Tunjangan Beras PNS", 214_560_000),
                ("5.1.01.02.01.0001", "Belanja Tambahan Penghasilan berdasarkan Beban Kerja PNS", 1_027_440_000)])])]),
    ("2.11.03", "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP", [
        ("2.01", "Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup", [
            ("0001", "Pelaksanaan Pemantauan Kualitas Lingkungan", 265_000_000, [
                ("5.1.02.02.01.0059", "Belanja Jasa Pengujian Sampel Air dan Udara", 148_350_000),
                ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", 11_400_000),
                ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa", 63_750_000)]),
            ("0003", "Pengembangan Sistem Informasi Kualitas Lingkungan", 92_500_000, [
                ("5.1.02.02.01.0013", "Belanja Jasa Tenaga Ahli", 57_000_000),
                ("5.2.02.10.01.0002", "Belanja Modal Personal Computer", 31_450_000)])])]),
    ("2.11.11", "PROGRAM PENGELOLAAN PERSAMPAHAN", [
        ("2.01", "Pengelolaan Sampah", [
            ("0002", "Penanganan Sampah dengan Melakukan Pemilahan, Pengumpulan, Pengangkutan, Pengolahan, dan "
                     "Pemrosesan Akhir", 2_450_000_000, [
                ("5.1.02.01.01.0012", "Belanja Bahan-Bahan Bakar dan Pelumas", 684_000_000),
                ("5.1.02.02.01.0016", "Belanja Jasa Tenaga Kebersihan", 1_287_600_000),
                ("5.1.02.03.02.0035", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor", 342_700_000)]),
            ("0006", "Penyediaan Sarana dan Prasarana Pengelolaan Sampah", 1_950_000_000, [
                ("5.2.02.03.01.0005", "Belanja Modal Dump Truck", 1_296_000_000),
                ("5.2.02.03.01.0012", "Belanja Modal Kendaraan Roda Tiga Pengangkut Sampah", 187_500_000),
                ("5.2.03.03.01.0016", "Belanja Modal Bangunan Tempat Pengolahan Sampah Terpadu", 1_135_000_000)])])]),
]

# cumulative realisasi as a share of each line's pagu at the end of each month (per mille); gaji
# lines run evenly, modal is paid late
CURVE = {"5.1.01": [83, 167, 250, 333, 417, 500], "5.1.02": [31, 96, 174, 252, 341, 437],
         "5.2": [0, 0, 0, 112, 112, 405]}
LOGO = "LOGO"

# no, sasaran, indikator, satuan, {year: (target, realisasi)}
IKU = [
    ("1", "Meningkatnya kualitas lingkungan hidup", "Indeks Kualitas Lingkungan Hidup (IKLH)", "Indeks",
     {2023: ("70.50", "70.82"), 2024: ("71.00", "71.26"), 2025: ("71.50", "71.64")}),
    ("2", "Meningkatnya kualitas pengelolaan sampah", "Persentase sampah yang tertangani", "%",
     {2023: ("75.00", "76.10"), 2024: ("77.00", "78.40"), 2025: ("80.00", "79.20")}),
]
# the Renstra's targets 2021-2026, its indicators written as the Renstra writes them
RENSTRA = {"Indeks Kualitas Lingkungan Hidup (IKLH)": ("IKLH", ["69.50", "70.00", "70.50", "71.00", "71.50", "72.00"]),
           "Persentase sampah yang tertangani": ("Persentase Sampah yang Tertangani",
                                                 ["70.00", "72.00", "75.00", "77.00", "80.00", "82.00"])}
PROGRAM_IKU = [
    ("2.11.01", "Nilai evaluasi akuntabilitas kinerja perangkat daerah", "Nilai", "75.00", "76.40", "1"),
    ("2.11.03", "Persentase titik pantau yang memenuhi baku mutu", "%", "85.00", "83.30", "1"),
    ("2.11.11", "Persentase sampah yang diangkut ke TPA", "%", "70.00", "72.10", "2"),
]


def _subs():
    """(program, kegiatan, sub) codes and names, the sub's pagu 2026 and its rekening lines."""
    for pk, pname, kegs in TREE:
        for kk, kname, subs in kegs:
            for sk, sname, next_year, lines in subs:
                yield (pk, pname), (f"{pk}.{kk}", kname), (f"{pk}.{kk}.{sk}", sname), next_year, lines


def real_line(account: str, pagu: int, month: int) -> int:
    """Cumulative realisasi of one rekening line at the end of a month."""
    share = next(v for k, v in CURVE.items() if account.startswith(k))[month - 1]
    return pagu * share // 1000


def figures() -> dict:
    """Per code (program, kegiatan, sub kegiatan): name, pagu 2025, pagu 2026, realisasi per month."""
    out: dict = {}
    for prog, keg, sub, next_year, lines in _subs():
        pagu = sum(a for _, _, a in lines)
        real = [sum(real_line(acc, a, m) for acc, _, a in lines) for m in MONTHS]
        for code, name in (prog, keg, sub):
            slot = out.setdefault(code, {"name": name, "pagu": 0, "next": 0, "real": [0] * len(MONTHS)})
            slot["pagu"] += pagu
            slot["next"] += next_year
            slot["real"] = [x + y for x, y in zip(slot["real"], real)]
    return out


def totals() -> dict:
    f = figures()
    subs = [c for c in f if c.count(".") == 5]
    return {"pagu": sum(f[c]["pagu"] for c in subs), "next": sum(f[c]["next"] for c in subs),
            "real": [sum(f[c]["real"][i] for c in subs) for i in range(len(MONTHS))]}


def capaian(target: str, real: str) -> Decimal:
    return (Decimal(real) / Decimal(target) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- writing ------------------------------------------------------------------------------------
class _FixedZip(ZipFile):
    """Every member with the same timestamp: the same inputs give the same bytes."""

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = ZipInfo(zinfo_or_arcname, date_time=FIXED.timetuple()[:6])
            zinfo_or_arcname.compress_type = ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):  # openpyxl streams worksheets from temp files
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes())


def save(wb: Workbook, name: str) -> None:
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = wb.properties.lastModifiedBy = "SIPD"
    with _FixedZip(OUT / name, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()


def title(ws, lines: list[str], width: int) -> int:
    for r, line in enumerate(lines, 1):
        ws.cell(r, 1, line).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    return len(lines) + 2


def signature(ws, row: int, col: int) -> None:
    for i, line in enumerate((f"Contoh, 10 Juli {TAHUN}", "Kepala Dinas Lingkungan Hidup", None, None,
                              "Dr. Ir. SITI RAHAYU, M.Si.", "Pembina Utama Muda", "NIP. 19720314 199803 2 004")):
        if line:
            ws.cell(row + i, col, line)


def build_rincian() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Rincian Belanja"
    head = ["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
            "Nama Sub Kegiatan", "Kode Rekening", "Uraian Rekening", "Nilai (Rp)"]
    r = title(ws, ["RINCIAN BELANJA PERANGKAT DAERAH", INSTANSI, f"TAHUN ANGGARAN {TAHUN}"], len(head))
    for c, h in enumerate(head, 1):
        ws.cell(r, c, h).font = Font(bold=True)
    total = 0
    for prog, keg, sub, _, lines in _subs():
        u, b, p, k1, k2, s = sub[0].split(".")
        for acc, name, amount in lines:
            r += 1
            for c, v in enumerate([u, b, p, f"{k1}.{k2}", s, sub[1], acc, name, amount], 1):
                ws.cell(r, c, v)
            ws.cell(r, 9).number_format = "#,##0"
            total += amount
    r += 1
    ws.cell(r, 1, "JUMLAH TOTAL").font = Font(bold=True)
    ws.cell(r, 9, total).number_format = "#,##0"
    signature(ws, r + 2, 9)
    save(wb, f"DPA Rincian SIPD Dinas LH {TAHUN}.xlsx")


def build_rekap() -> None:
    f = figures()
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap DPA"
    r = title(ws, ["PEMERINTAH KABUPATEN CONTOH", INSTANSI, "REKAPITULASI DOKUMEN PELAKSANAAN ANGGARAN",
                   f"TAHUN ANGGARAN {TAHUN}"], 5)
    for c, h in enumerate(["Kode", "Program/Kegiatan/Sub Kegiatan", "Anggaran (Rp)"], 1):
        ws.cell(r, c, h).font = Font(bold=True)
    ws.cell(r + 1, 3, f"Tahun {TAHUN}").font = Font(bold=True)
    ws.cell(r + 1, 4, f"Prakiraan Maju {TAHUN + 1}").font = Font(bold=True)
    ws.cell(r, 5, "Sumber Dana").font = Font(bold=True)
    for c in (1, 2, 5):
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
    for c in range(1, 6):
        ws.cell(r + 2, c, c)               # the column numbers, typed as numbers
    r += 2
    for code in sorted(f, key=lambda k: [int(x) for x in k.split(".")]):
        r += 1
        ws.cell(r, 1, code)
        ws.cell(r, 2, f[code]["name"])
        ws.cell(r, 3, f[code]["pagu"]).number_format = "#,##0"
        ws.cell(r, 4, f[code]["next"]).number_format = "#,##0"
        ws.cell(r, 5, "PAD/DAU" if code.count(".") == 5 else None)
    t = totals()
    r += 1
    ws.cell(r, 1, "JUMLAH")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    ws.cell(r, 3, t["pagu"]).number_format = "#,##0"
    ws.cell(r, 4, t["next"]).number_format = "#,##0"
    ws.cell(r + 2, 1, "Catatan:")
    ws.cell(r + 3, 1, "Prakiraan maju mengikuti Renja tahun berikutnya.")
    save(wb, f"DPA Rekap Dinas LH {TAHUN}.xlsx")


def build_lra(month: int) -> None:
    f = figures()
    i = month - 1
    wb = Workbook()
    ws = wb.active
    ws.title = "LRA"
    r = title(ws, ["LAPORAN REALISASI ANGGARAN", INSTANSI, f"s.d. Bulan {BULAN[month]} {TAHUN}"], 6)
    for c, h in ((1, "Kode"), (2, "Uraian"), (3, "Anggaran (Rp)"), (4, "Realisasi (Rp)"), (6, "Sisa Anggaran (Rp)")):
        ws.cell(r, c, h).font = Font(bold=True)
    ws.cell(r + 1, 4, "Bulan Ini")
    ws.cell(r + 1, 5, "s.d. Bulan Ini")
    for c in (1, 2, 3, 6):
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
    r += 1
    for code in sorted(f, key=lambda k: [int(x) for x in k.split(".")]):
        r += 1
        now = f[code]["real"][i]
        before = f[code]["real"][i - 1] if i else 0
        for c, v in enumerate([code, f[code]["name"], f[code]["pagu"], now - before, now, f[code]["pagu"] - now], 1):
            ws.cell(r, c, v)
    t = totals()
    r += 1
    now, before = t["real"][i], t["real"][i - 1] if i else 0
    for c, v in enumerate(["JUMLAH", None, t["pagu"], now - before, now, t["pagu"] - now], 1):
        ws.cell(r, c, v)
    signature(ws, r + 2, 5)
    save(wb, f"LRA Dinas LH {TAHUN}-{month:02d}.xlsx")


def build_iku() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "IKU 2023-2025"
    years = (2023, 2024, 2025)
    r = title(ws, ["INDIKATOR KINERJA UTAMA", INSTANSI], 13)
    for c, h in enumerate(["No", "Sasaran", "Indikator Kinerja", "Satuan"], 1):
        ws.cell(r, c, h)
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    for j, y in enumerate(years):
        c = 5 + 3 * j
        ws.cell(r, c, str(y))
        ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 2)
        for k, h in enumerate(["Target", "Realisasi", "Capaian %"]):
            ws.cell(r + 1, c + k, h)
    r += 1
    for no, sas, ind, sat, vals in IKU:
        r += 1
        row = [int(no), sas, ind, sat]
        for y in years:
            t, real = vals[y]
            row += [float(t), float(real), float(capaian(t, real))]
        for c, v in enumerate(row, 1):
            ws.cell(r, c, v)
    rs = wb.create_sheet("Renstra 2021-2026")
    r = title(rs, ["RENCANA STRATEGIS 2021-2026", INSTANSI], 10)
    for c, h in enumerate(["No", "Sasaran", "Indikator Kinerja", "Satuan", *[f"Target {y}" for y in range(2021, 2027)]], 1):
        rs.cell(r, c, h)
    for no, sas, ind, sat, _ in IKU:
        r += 1
        written, targets = RENSTRA[ind]
        for c, v in enumerate([int(no), sas, written, sat, *[float(t) for t in targets]], 1):
            rs.cell(r, c, v)
    ps = wb.create_sheet("Indikator Program")
    f = figures()
    for c, h in enumerate(["Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target", "Realisasi",
                           "Capaian", "Sasaran"], 1):
        ps.cell(1, c, h)
    for r, (kode, ind, sat, t, real, sas) in enumerate(PROGRAM_IKU, 2):
        for c, v in enumerate([kode, f[kode]["name"], ind, sat, float(t), float(real), float(capaian(t, real)),
                               int(sas)], 1):
            ps.cell(r, c, v)
    save(wb, f"IKU Dinas LH {TAHUN}.xlsx")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build_rincian()
    build_rekap()
    for m in MONTHS:
        build_lra(m)
    build_iku()
    (OUT / "lkjip.toml").write_text(f'kabupaten = "Contoh"\ntahun = {TAHUN}\n', encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
