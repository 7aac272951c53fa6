"""Build the sample input folder ``workbooks/contoh-blora-2024/``.

Every number comes from the seed report "LKjIP Kecamatan Blora 2024"
(Tabel 2.1, 2.3-1, 3.2-3.5, 3.8, 3.9, 4.1). The seed's mistakes are kept on
purpose, because catching them is the tool's job.

Generated files
---------------
``DPA Kecamatan Blora 2024.xlsx``
    ``Rekap DPA``: program / kegiatan / sub-kegiatan with indicator, target,
    satuan and anggaran 2024 + 2025 (Tabel 2.3-1 + Tabel 3.9 column 5).
    Three merged title lines, a two-row merged header at rows 5-6, column
    numbers at row 7, data from row 8, ``JUMLAH`` on the last row.
    ``DPA Rincian Belanja``: SIPD-style flat export, one row per rekening,
    each row carrying its program / kegiatan / sub-kegiatan codes and names.
    The jenis belanja add up to the seed's composition: Pegawai 8,092,820,000,
    Barang dan Jasa 4,102,382,000, Modal 7,227,198,000.
``Realisasi 2024-01.xlsx`` ... ``Realisasi 2024-12.xlsx``
    Sheet ``LRA``: cumulative realisasi per month. December equals Tabel 3.9
    exactly. Earlier months follow a fixed S-curve (the gaji line is linear).
    All subtotals in these files are correct.
``Anggaran Kas Kecamatan Blora 2024.xlsx``
    Sheet ``Anggaran Kas``: SIPD's cash plan per month for every rekening line (KAS_CURVES: gaji
    evenly, barang/jasa slightly ahead of the realisasi S-curve, modal late), under its sub kegiatan,
    with program/kegiatan/sub subtotals and JUMLAH. Each sub kegiatan's plan sums to its DPA pagu.
``IKU Kecamatan Blora 2024.xlsx``
    ``IKU Renstra 2021-2026`` (Tabel 2.1), ``IKU 2022-2024`` (Tabel 3.2-3.5),
    ``PK 2024`` (Tabel 4.1) and ``Indikator Program`` (Tabel 3.8).
``lkjip.toml`` and ``README.md``.

Planted seed mistakes (the cell addresses are written to README.md)
-------------------------------------------------------------------
* Rekap DPA: program 7.01.01 states 2024 = 4,930,000 (true sum
  10,068,558,000). JUMLAH 2025 states 23,875,476,000 (the lines add up to
  23,789,696,000). Program 7.01.06 and its kegiatan show 2024 as the text
  "10,000,000" (US commas). Kegiatan 7.01.01.2.07 shows 2024 as the text
  "-". One Kode has a trailing space and another has a line break inside it.
* IKU 2022-2024: IKM capaian 2022 is the text "09,45" (true 90.45). Nilai
  SAKIP target 2023 is 66.85, while the Renstra says 66.86.
* PK 2024: Nilai SAKIP capaian 119.6 (Tabel 3.2 says 101).
* Indikator Program: program 7.01.01 is named "Program Penunjang Urusan
  Pemerintahan Daerah Kabupaten Blora", not the DPA's name.

Output is deterministic: fixed document properties and zip timestamps.
Run with ``python workbooks/build_contoh.py``.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

OUT = Path(__file__).resolve().parent / "contoh-blora-2024"
FIXED = dt.datetime(2025, 1, 15)

# ---------------------------------------------------------------------------
# Data: program -> kegiatan -> sub-kegiatan (seed Tabel 2.3-1 + Tabel 3.9)
# program/kegiatan: (code, name, indicator, target, satuan, children)
# sub-kegiatan:     (code, name, indicator, target, satuan, pagu, realisasi, anggaran2025)
# ---------------------------------------------------------------------------
P = "Persentase"
TREE = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     f"{P} peningkatan pelayanan PD", 100, "%", [
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
         f"{P} penyusunan perencanaan, penganggaran dan evaluasi kinerja PD", 100, "%", [
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
             "Tersusunnya Dokumen Perencanaan Perangkat Daerah", 4, "Dokumen", 4930000, 4929950, 4730000)]),
        ("2.02", "Administrasi Keuangan Perangkat Daerah",
         f"{P} pemenuhan administrasi keuangan PD", 100, "%", [
            ("0001", "Penyediaan Gaji dan Tunjangan ASN", "Tersedianya Gaji dan Tunjangan ASN",
             79, "Orang", 8000000000, 7806084923, 8803000000),
            ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
             "Tersedianya Administrasi Pelaksanaan Tugas ASN", 12, "Bulan", 92820000, 92820000, 123120000)]),
        ("2.06", "Administrasi Umum Perangkat Daerah", f"{P} pemenuhan administrasi umum pada PD", 100, "%", [
            ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
             "Tersedianya Komponen Instalasi Listrik/Penerangan Bangunan Kantor", 12, "Bulan",
             9416400, 9416400, 10976000),
            ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor",
             "Tersedianya Peralatan dan Perlengkapan Kantor", 1, "Paket", 163000000, 162973000, 109950000),
            ("0004", "Penyediaan Bahan Logistik Kantor", "Tersedianya Bahan Logistik Kantor", 12, "Bulan",
             519666600, 506767600, 590409000),
            ("0005", "Penyediaan Barang Cetakan dan Penggandaan", "Tersedianya Barang Cetak dan Penggandaan",
             12, "Bulan", 6900000, 6899950, 7400000),
            ("0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
             "Tersedianya Bahan Bacaan dan Peraturan Perundang-undangan", 12, "Bulan", 9400000, 9400000, 10100000),
            ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
             "Terlaksananya Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 96, "Kali",
             111000000, 110725090, 122900000)]),
        ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
         f"{P} pengadaan barang milik daerah pada PD", None, "%", [
            ("0001", "Pengadaan Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan", None, None, None,
             0, 0, 362556000),
            ("0005", "Pengadaan Mebel", "Tersedianya Mebel", None, "Unit", 0, 0, 31700000)]),
        ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", f"{P} Penyediaan jasa penunjang",
         100, "%", [
            ("0001", "Penyediaan Jasa Surat Menyurat", "Terlaksananya Penyediaan Jasa Surat Menyurat", 12, "Bulan",
             1125000, 1125000, 1125000),
            ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
             "Tersedianya Jasa Komunikasi, Sumber Daya Air dan Listrik", 12, "Bulan", 90000000, 82304371, 95000000),
            ("0003", "Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
             "Tersedianya Jasa Peralatan dan Perlengkapan", 1, "Paket", 16000000, 16000000, 13500000),
            ("0004", "Penyediaan Jasa Pelayanan Umum Kantor", "Tersedianya Jasa Pelayanan Umum Kantor", 12, "Bulan",
             928000000, 924868069, 1513890000)]),
        ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
         f"{P} barang milik daerah yang terpelihara", 100, "%", [
            ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas "
             "Operasional atau Lapangan", "Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan "
             "Kendaraan Dinas Operasional atau Lapangan", 26, "Unit", 42300000, 40905899, 54300000),
            ("0006", "Pemeliharaan Peralatan dan Mesin Lainnya",
             "Terlaksananya Pemeliharaan Peralatan dan Mesin Lainnya", 1, "Paket", 24000000, 24000000, 10000000),
            ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
             "Terlaksananya Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 3, "Unit",
             50000000, 49808000, 100000000)])]),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "IKM", 95, "Indeks", [
        ("2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
         "Prosentase Pelaksanaan koordinasi penyelenggaraan kegiatan pemerintahan di tingkat kecamatan", 100, "%", [
            ("0001", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah "
             "dan Instansi Vertikal Terkait", "Terlaksananya Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan "
             "Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait", 200, "Kegiatan",
             25000000, 22175000, 22580000)]),
        ("2.02", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
         f"{P} pelaksanaan urusan pemerintahan yang dilimpahkan kepada Camat", 100, "%", [
            ("0001", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Pelayanan Perizinan Non Usaha",
             "Jumlah pelayanan perizinan non usaha yang telah dilaksanakan", 150, "Dokumen",
             10000000, 9960000, 9420000),
            ("0002", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Kewenangan Lain yang Dilimpahkan",
             "Jumlah koordinasi penderasan PBB/P2 di wilayah Kecamatan", 56, "Kali", 10000000, 9950000, 8850000)])]),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", f"{P} lembaga masyarakat aktif", 100, "%", [
        ("2.01", "Koordinasi Kegiatan Pemberdayaan Desa", "Pelaksanaan kegiatan pemberdayaan desa", 16, "Desa", [
            ("0001", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
             "Jumlah desa yang melaksanakan Musyawarah Perencanaan Pembangunan Desa", 16, "Desa",
             5600000, 5590000, 5120000),
            ("0002", "Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang dilakukan oleh Pemerintah "
             "dan Swasta di Wilayah Kerja Kecamatan", "Jumlah pelaksanaan Kegiatan Pemberdayaan Masyarakat Yang "
             "dilakukan Oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan yang tersinkronisasi", 36, "Kegiatan",
             29400000, 29360000, 25013000),
            ("0003", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
             "Jumlah pelaksanaan koordinasi kegiatan pemberdayaan masyarakat di wilayah kecamatan", 36, "Kegiatan",
             45000000, 44849000, 40000000)]),
        ("2.02", "Kegiatan Pemberdayaan Kelurahan", f"{P} pelaksanaan kegiatan pemberdayaan kelurahan", 100, "%", [
            ("0001", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Kelurahan",
             "Jumlah Kelurahan yang melaksanakan Musyawarah Perencanaan Pembangunan Kelurahan", 12, "Kelurahan",
             24000000, 23700000, 0),
            ("0002", "Pembangunan Sarana dan Prasarana Kelurahan",
             "Jumlah Sarana dan Prasarana kelurahan yang terbangun", 100, "Unit", 6755000000, 6718470943, 9560000000),
            ("0003", "Pemberdayaan Masyarakat di Kelurahan",
             "Pelaksanaan kegiatan Pemberdayaan Masyarakat ditingkat Kelurahan", 12, "Kelurahan",
             2391522000, 2322581964, 2094642000)])]),
    ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
     f"{P} Penyelesaian Gangguan Ketentraman dan Ketertiban Umum di Wilayah Kecamatan", 100, "%", [
        ("2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
         f"{P} pelaksanaan koordinasi upaya penyelenggaraan ketentraman dan ketertiban umum", 100, "%", [
            ("0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi "
             "Vertikal di Wilayah Kecamatan", "Jumlah pelaksanaan koordinasi sinergitas antara POLRI, TNI dan "
             "Instansi Vertikal di wilayah Kecamatan", 28, "Kegiatan", 10000000, 9990000, 8775000),
            ("0002", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
             "Terlaksananya Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat", 4, "Kegiatan",
             11860000, 11710000, 16780000)]),
        ("2.02", "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
         f"{P} penerapan dan penegakan peraturan daerah dan peraturan kepala daerah", 100, "%", [
            ("0001", "Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan "
             "Peraturan Perundang-undangan dan/ atau Kepolisian Republik Indonesia", "Terlaksananya Koordinasi/"
             "Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan Peraturan Perundang- "
             "Undangan dan/atau Kepolisian Negara Republik Indonesia", 28, "Kegiatan", 10000000, 9930000, 8575000)])]),
    ("7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
     f"{P} kelompok masyarakat (kades/ kalur/ perangkat, karang taruna, LPM, BPD, Ormas) yang mendapatkan "
     "peningkatan wawasan kebangsaan ditingkat kecamatan", 100, "%", [
        ("2.01", "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
         f"{P} Penyelenggaraan urusan pemerintahan umum sesuai penugasan kepala daerah", 100, "%", [
            ("0001", "Fasilitasi, Koordinasi dan Pembinaan (Bimtek, Sosialisasi, Konsultasi) Wawasan Kebangsaan dan "
             "Ketahanan Nasional", "Jumlah pelaksanaan pembinaan (bimtek, sosialisasi, konsultasi) wawasan "
             "kebangsaan dan ketahanan nasional", 28, "Kegiatan", 5000000, 4540000, 9760000),
            ("0002", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan",
             "Jumlah pelaksanaan koordinasi Forkompimcam", 28, "Kegiatan", 11460000, 11160000, 6950000)])]),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
     f"{P} desa yang sudah menyusun dokumen perencanaan, penganggaran dan pelaporan dengan benar dan tepat waktu",
     100, "%", [
        ("2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
         "Prosentase Pembinaan dan Pengawasan Pemerintahan Desa", 100, "%", [
            ("0001", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa",
             "Jumlah Desa yang telah melaksanakan pembinaan Pengelolaan Keuangan Dan aset desa", 16, "Desa",
             10000000, 9850000, 8575000)])]),
]

# Seed mistakes kept in "Rekap DPA" (stated values that replace the true sums).
REKAP_2024_STATED = {"7.01.01": 4930000, "7.01.06": "10,000,000", "7.01.06.2.01": "10,000,000",
                     "7.01.01.2.07": "-"}
REKAP_JUMLAH_2025_STATED = 23875476000
DIRTY_CODES = {"7.01.01.2.08.0004": "7.01.01.2.08.0004 ", "7.01.03.2.02.0002": "7.01.03.2.02.\n0002"}
GAJI = "7.01.01.2.02.0001"

# ---------------------------------------------------------------------------
# Rekening lines per sub-kegiatan (SIPD "Rincian Belanja"). Common lines first.
# ---------------------------------------------------------------------------
ATK = ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor")
KERTAS = ("5.1.02.01.01.0025", "Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover")
CETAK = ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak")
MAMIN = ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat")
HONOR = ("5.1.02.02.01.0003", "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia")
PD_DK = ("5.1.02.04.01.0003", "Belanja Perjalanan Dinas Dalam Kota")
PD_BIASA = ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa")


def _r(*pairs):
    """Pair rekening tuples with amounts: _r(ATK, 100, MAMIN, 200)."""
    return [(*pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]


REKENING = {
    "7.01.01.2.01.0001": _r(MAMIN, 2430000, ATK, 1500000, CETAK, 1000000),
    "7.01.01.2.02.0001": _r(("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"), 4850000000,
                            ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS"), 470000000,
                            ("5.1.01.01.06.0001", "Belanja Tunjangan Beras PNS"), 300000000,
                            ("5.1.01.02.01.0001", "Belanja Tambahan Penghasilan berdasarkan Beban Kerja PNS"),
                            2380000000),
    "7.01.01.2.02.0002": _r(("5.1.01.03.07.0001", "Belanja Honorarium Penanggungjawaban Pengelola Keuangan"),
                            64800000,
                            ("5.1.01.03.07.0002", "Belanja Honorarium Pengadaan Barang/Jasa"), 28020000),
    "7.01.01.2.06.0001": _r(("5.1.02.01.01.0031", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik"), 9416400),
    "7.01.01.2.06.0002": _r(("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya"), 98000000,
                            ("5.2.02.05.02.0001", "Belanja Modal Mebel"), 65000000),
    "7.01.01.2.06.0004": _r(ATK, 215666600, KERTAS, 104000000,
                            ("5.1.02.01.01.0004", "Belanja Bahan-Bahan Bakar dan Pelumas"), 200000000),
    "7.01.01.2.06.0005": _r(CETAK, 6900000),
    "7.01.01.2.06.0006": _r(("5.1.02.02.01.0062", "Belanja Langganan Jurnal/Surat Kabar/Majalah"), 9400000),
    "7.01.01.2.06.0009": _r(MAMIN, 36000000, PD_DK, 45000000, PD_BIASA, 30000000),
    "7.01.01.2.08.0001": _r(("5.1.02.01.01.0027", "Belanja Alat/Bahan untuk Kegiatan Kantor-Benda Pos"), 1125000),
    "7.01.01.2.08.0002": _r(("5.1.02.02.01.0061", "Belanja Tagihan Listrik"), 60000000,
                            ("5.1.02.02.01.0059", "Belanja Tagihan Telepon"), 6000000,
                            ("5.1.02.02.01.0060", "Belanja Tagihan Air"), 9000000,
                            ("5.1.02.02.01.0063", "Belanja Kawat/Faksimili/Internet/TV Berlangganan"), 15000000),
    "7.01.01.2.08.0003": _r(("5.1.02.02.05.0044", "Belanja Sewa Alat Kantor Lainnya"), 16000000),
    "7.01.01.2.08.0004": _r(("5.1.02.02.01.0016", "Belanja Jasa Tenaga Kebersihan"), 384000000,
                            ("5.1.02.02.01.0017", "Belanja Jasa Tenaga Keamanan"), 312000000,
                            ("5.1.02.02.01.0013", "Belanja Jasa Tenaga Administrasi"), 232000000),
    "7.01.01.2.09.0002": _r(("5.1.02.03.02.0035", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat "
                             "Bermotor-Kendaraan Dinas Bermotor Perorangan"), 24300000,
                            ("5.1.02.03.02.0036", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat "
                             "Bermotor-Kendaraan Bermotor Beroda Dua"), 9000000,
                            ("5.1.02.02.01.0055", "Belanja Jasa Pengurusan Pajak dan Perizinan Kendaraan Dinas"),
                            9000000),
    "7.01.01.2.09.0006": _r(("5.1.02.03.02.0405", "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Rumah "
                             "Tangga-Alat Pendingin"), 14000000,
                            ("5.1.02.03.02.0311", "Belanja Pemeliharaan Komputer-Komputer Unit-Personal Computer"),
                            10000000),
    "7.01.01.2.09.0009": _r(("5.1.02.03.03.0001", "Belanja Pemeliharaan Bangunan Gedung-Bangunan Gedung Tempat "
                             "Kerja-Bangunan Gedung Kantor"), 50000000),
    "7.01.02.2.01.0001": _r(MAMIN, 12500000, HONOR, 5000000, PD_DK, 7500000),
    "7.01.02.2.02.0001": _r(ATK, 2500000, MAMIN, 4000000, PD_DK, 3500000),
    "7.01.02.2.02.0002": _r(MAMIN, 6000000, PD_DK, 4000000),
    "7.01.03.2.01.0001": _r(MAMIN, 3200000, PD_DK, 2400000),
    "7.01.03.2.01.0002": _r(MAMIN, 14400000, HONOR, 6000000, PD_DK, 9000000),
    "7.01.03.2.01.0003": _r(MAMIN, 18000000, HONOR, 9000000, PD_DK, 12000000, ATK, 6000000),
    "7.01.03.2.02.0001": _r(MAMIN, 14400000, HONOR, 3600000, PD_DK, 6000000),
    "7.01.03.2.02.0002": _r(("5.2.04.01.01.0012", "Belanja Modal Jalan Lingkungan"), 4120000000,
                            ("5.2.04.02.04.0001", "Belanja Modal Saluran Drainase/Irigasi Lingkungan"), 1985000000,
                            ("5.2.03.01.01.0013", "Belanja Modal Bangunan Gedung Tempat Pertemuan"), 650000000),
    "7.01.03.2.02.0003": _r(("5.1.02.05.01.0001", "Belanja Barang yang Akan Diserahkan kepada Masyarakat"),
                            1612324000, MAMIN, 318000000, HONOR, 152000000,
                            ("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya"), 309198000),
    "7.01.04.2.01.0001": _r(MAMIN, 6250000, PD_DK, 3750000),
    "7.01.04.2.01.0002": _r(MAMIN, 7860000, HONOR, 4000000),
    "7.01.04.2.02.0001": _r(MAMIN, 6000000, PD_DK, 4000000),
    "7.01.05.2.01.0001": _r(MAMIN, 3000000, HONOR, 2000000),
    "7.01.05.2.01.0002": _r(MAMIN, 7960000, PD_DK, 3500000),
    "7.01.06.2.01.0001": _r(MAMIN, 5000000, HONOR, 2500000, PD_DK, 2500000),
}

# Cumulative share of the final realisasi per month, in percent (S-curve).
S_CURVE = [4, 10, 18, 27, 36, 46, 55, 64, 73, 82, 91, 100]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]

# Anggaran kas (SIPD rencana penarikan dana): cumulative share of each rekening line's pagu planned
# by the end of each month, in percent. Gaji and tunjangan are drawn evenly; belanja modal late in
# the year, after procurement; barang dan jasa a little ahead of the realisasi S-curve above.
KAS_CURVES = {
    "5.1.01": [round(100 * m / 12, 6) for m in range(1, 13)],
    "5.1.02": [5, 12, 20, 29, 38, 48, 57, 66, 75, 84, 93, 100],
    "5.2": [0, 0, 5, 10, 20, 35, 50, 65, 80, 90, 95, 100],
}


def kas_plan(account, amount):
    """Twelve monthly amounts of one rekening line that add up to its pagu exactly (each month is
    the difference of the rounded-down cumulative shares)."""
    curve = next(c for prefix, c in KAS_CURVES.items() if account.startswith(prefix))
    cum = [int(amount * share) // 100 for share in curve[:-1]] + [amount]
    return [b - a for a, b in zip([0] + cum[:-1], cum)]


# IKU data (seed Tabel 2.1, 3.2-3.5, 3.8, 4.1).
T_IKM = "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan"
T_SAKIP = "Terwujudnya birokrasi yang bersih dan akuntabel"
RENSTRA = [  # (no, tujuan, sasaran, indikator, satuan, targets 2022..2026)
    (1, T_IKM, None, "Indeks Kepuasan Masyarakat", "Indeks", [95] * 5),
    (None, None, "Meningkatnya layanan Kecamatan sesuai SOP", "Persentase Layanan Kecamatan sesuai SOP", "%",
     [100] * 5),
    (2, T_SAKIP, None, "Nilai SAKIP", "Nilai", [66.85, 66.86, 75, 75, 75]),
    (None, None, "Meningkatnya kualitas pelayanan administrasi umum perkantoran dalam rangka pencapaian nilai sakip",
     "Persentase pelayanan administrasi umum perkantoran yang mendukung pencapaian skor SAKIP", "%", [100] * 5),
]
IKU = [  # no, sasaran, indikator, satuan, polaritas, jenis, (t,r,c)x3, kategori, akhir, sumber, analisis, solusi
    (1, T_IKM, "Indeks Kepuasan Masyarakat", "Indeks", "positif", "nilai akhir",
     95, 85.93, "09,45", 95, 86.34, 90.88, 95, 89.5, 94.21, "Baik", 95, "e-SKM", "Pelayanan sesuai dengan SOP", "-"),
    (2, T_SAKIP, "Nilai SAKIP", "Nilai", "positif", "nilai akhir",
     66.85, 66.86, 100, 66.85, 65.61, 98.14, 75, 75.75, 101, "Sangat Baik", 75, "Evaluasi Inspektorat",
     "Peningkatan kapasitas Penyusun SAKIP melalui asistensi penyusunannya", "-"),
]
PK = [
    (1, T_IKM, "Indeks Kepuasan Masyarakat", 95, 89.5, 94.21, "Baik", "e-SKM"),
    (2, T_SAKIP, "Nilai SAKIP", 75, 75.75, 119.6, "Sangat Baik", "Evaluasi Inspektorat"),
]
PROGRAM_IKU = [  # (kode, nama as in Tabel 3.8, indikator as in Tabel 3.8, satuan)
    ("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten Blora",
     "Persentase tercapainya program penunjang urusan pemerintahan daerah kabupaten/kota", "%"),
    ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
     "Indeks Kepuasan Masyarakat Pelayanan Kecamatan", "Indeks"),
    ("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "Persentase lembaga masyarakataktif", "%"),
    ("7.01.04", "Program Koordinasi Ketentraman dan Ketertiban Umum",
     "Persentase Penyelesaian Gangguan Ketentraman dan Ketertiban Umum di Wilayah Kecamatan", "%"),
    ("7.01.05", "Program Penyelenggaraan Urusan Pemerintahan Umum",
     "Persentase kelompok masyarakat (kades/ kalur/ perangkat, karangtaruna, LPM, BPD, Ormas) yang mendapatkan "
     "peningkatan wawasan kebangsaan ditingkat kecamatan", "%"),
    ("7.01.06", "Program Pembinaan dan Pengawasan Pemerintahan Desa",
     "Persentase desa yang sudah Menyusun dokumen perencanaan, penganggaran dan pelaporan dengan benar dan tepat "
     "waktu", "%"),
]


# ---------------------------------------------------------------------------
# Flattening
# ---------------------------------------------------------------------------
def flat_rows():
    """Return dicts for every program, kegiatan and sub-kegiatan in code order,
    with correct subtotals (pagu, real, a25) on program and kegiatan rows."""
    rows = []
    for pno, (pc, pname, pind, ptgt, psat, kegs) in enumerate(TREE, 1):
        prow = dict(level=0, no=pno, code=pc, name=pname, ind=pind, target=ptgt, satuan=psat,
                    pagu=0, real=0, a25=0, parents=())
        rows.append(prow)
        for kc, kname, kind, ktgt, ksat, subs in kegs:
            kcode = f"{pc}.{kc}"
            krow = dict(level=1, code=kcode, name=kname, ind=kind, target=ktgt, satuan=ksat,
                        pagu=0, real=0, a25=0, parents=(prow,))
            rows.append(krow)
            for sc, sname, sind, stgt, ssat, pagu, real, a25 in subs:
                rows.append(dict(level=2, code=f"{kcode}.{sc}", name=sname, ind=sind, target=stgt, satuan=ssat,
                                 pagu=pagu, real=real, a25=a25, parents=(prow, krow)))
                for parent in (prow, krow):
                    parent["pagu"] += pagu
                    parent["real"] += real
                    parent["a25"] += a25
    return rows


ROWS = flat_rows()
SUBS = [r for r in ROWS if r["level"] == 2]
TOTAL = {k: sum(r[k] for r in SUBS) for k in ("pagu", "real", "a25")}


def cumulative(row, month):
    """Realisasi s.d. month (1..12): floor(final * share)."""
    if row["code"] == GAJI:
        return row["real"] * month // 12
    return row["real"] * S_CURVE[month - 1] // 100


# ---------------------------------------------------------------------------
# Writer helpers
# ---------------------------------------------------------------------------
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
RP, DEC, INT = "#,##0", "0.00", "0"
PLANTED: list[tuple[str, str, str, str]] = []  # (file, sheet, cell, description) for README.md


def title(ws, lines, ncols):
    """Merged, bold, centred title lines starting at row 1."""
    for i, text in enumerate(lines, 1):
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=ncols)
        c = ws.cell(i, 1, text)
        c.font, c.alignment = Font(bold=True, size=12), Alignment(horizontal="center")


def header(ws, row, spec):
    """Write a header at `row`. Each item is a label, or (label, [sub labels]).
    If any item has sub labels, the header takes two rows and the plain labels
    are merged vertically. Returns the first row below the header."""
    depth = 2 if any(isinstance(s, tuple) for s in spec) else 1
    col = 1
    for item in spec:
        label, subs = item if isinstance(item, tuple) else (item, None)
        width = len(subs) if subs else 1
        for r in range(row, row + depth):
            for c in range(col, col + width):
                cell = ws.cell(r, c)
                cell.border, cell.fill, cell.alignment, cell.font = BORDER, HEAD_FILL, CENTER, Font(bold=True)
        ws.cell(row, col, label)
        if subs:
            if width > 1:
                ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + width - 1)
            for j, sub in enumerate(subs):
                ws.cell(row + 1, col + j, sub)
        elif depth == 2:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
        col += width
    return row + depth


def colnums(ws, row, ncols):
    """The '(1) (2) ...' column-number row under a header."""
    for c in range(1, ncols + 1):
        cell = ws.cell(row, c, f"({c})")
        cell.border, cell.alignment, cell.font = BORDER, CENTER, Font(italic=True, size=9)
    return row + 1


def put(ws, row, values, fmts, bold=False):
    """Write one bordered data row; fmts[i] is the number format of column i+1."""
    for c, (v, fmt) in enumerate(zip(values, fmts), 1):
        cell = ws.cell(row, c, v)
        cell.border, cell.alignment = BORDER, WRAP
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = Font(bold=True)
    return row + 1


def widths(ws, ws_widths, freeze=None):
    for i, w in enumerate(ws_widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def rp(value):
    """Indonesian thousands separator for README text; strings are quoted as they are."""
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else f"'{value}'"


def plant(file, ws, row, col, desc):
    PLANTED.append((file, ws.title, f"{get_column_letter(col)}{row}", desc))


class _FixedZip(ZipFile):
    """ZipFile that stamps every member with the same date (deterministic bytes)."""

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = ZipInfo(zinfo_or_arcname, date_time=FIXED.timetuple()[:6])
            zinfo_or_arcname.compress_type = ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):  # openpyxl streams worksheets from temp files
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes())


def new_book():
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = wb.properties.lastModifiedBy = "Subbag Keuangan Kecamatan Blora"
    return wb


def save(wb, name):
    wb.properties.created = wb.properties.modified = FIXED
    with _FixedZip(OUT / name, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()


# ---------------------------------------------------------------------------
# Workbooks
# ---------------------------------------------------------------------------
def build_dpa():
    file = "DPA Kecamatan Blora 2024.xlsx"
    wb = new_book()

    ws = wb.create_sheet("Rekap DPA")
    title(ws, ["DOKUMEN PELAKSANAAN ANGGARAN (DPA) - REKAPITULASI PROGRAM, KEGIATAN DAN SUB KEGIATAN",
               "KECAMATAN BLORA KABUPATEN BLORA", "TAHUN ANGGARAN 2024"], 8)
    r = header(ws, 5, ["No", "Kode", "Program/ Kegiatan/ Sub Kegiatan", "Indikator", "Target", "Satuan",
                       ("Anggaran (Rp)", ["2024", "2025"])])
    r = colnums(ws, r, 8)
    fmts = [None, None, None, None, INT, None, RP, RP]
    for row in ROWS:
        code = row["code"]
        sub = row["level"] == 2
        a24 = REKAP_2024_STATED.get(code, row["pagu"] or (None if sub else 0))
        a25 = row["a25"] or (None if sub else 0)
        if code in REKAP_2024_STATED:
            kind = "tertulis" if isinstance(a24, int) else "berupa teks"
            plant(file, ws, r, 7, f"anggaran 2024 {code} {kind} {rp(a24)}; jumlah sebenarnya {rp(row['pagu'])}")
        if code in DIRTY_CODES:
            plant(file, ws, r, 2, f"kode kotor {DIRTY_CODES[code]!r}; seharusnya {code}")
        r = put(ws, r, [row.get("no"), DIRTY_CODES.get(code, code), row["name"], row["ind"], row["target"],
                        row["satuan"], a24, a25], fmts, bold=not sub)
    plant(file, ws, r, 8, f"JUMLAH 2025 tertulis {rp(REKAP_JUMLAH_2025_STATED)}; jumlah baris {rp(TOTAL['a25'])}")
    put(ws, r, [None, None, "JUMLAH", None, None, None, TOTAL["pagu"], REKAP_JUMLAH_2025_STATED], fmts, bold=True)
    widths(ws, [5, 20, 55, 50, 8, 11, 18, 18], freeze="C8")

    ws = wb.create_sheet("DPA Rincian Belanja")
    title(ws, ["RINCIAN BELANJA SUB KEGIATAN - KECAMATAN BLORA", "Tahun Anggaran 2024 (Sumber: SIPD)"], 9)
    r = header(ws, 4, ["Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan",
                       "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Pagu (Rp)"])
    fmts = [None] * 8 + [RP]
    for row in SUBS:
        prog, keg = row["parents"]
        for kode, nama, amount in REKENING.get(row["code"], []):
            r = put(ws, r, [prog["code"], prog["name"], keg["code"], keg["name"], row["code"], row["name"],
                            kode, nama, amount], fmts)
    put(ws, r, [None] * 7 + ["JUMLAH", TOTAL["pagu"]], fmts, bold=True)
    widths(ws, [11, 40, 14, 40, 19, 45, 19, 50, 17], freeze="A5")
    save(wb, file)


def build_realisasi(month):
    wb = new_book()
    ws = wb.create_sheet("LRA")
    title(ws, ["LAPORAN REALISASI ANGGARAN", "KECAMATAN BLORA", f"s.d. Bulan {BULAN[month - 1]} 2024"], 7)
    r = header(ws, 5, ["Kode", "Uraian", "Anggaran (Rp)", "Realisasi Bulan Ini (Rp)",
                       "Realisasi s.d. Bulan Ini (Rp)", "Sisa Anggaran (Rp)", "%"])
    fmts = [None, None, RP, RP, RP, RP, DEC]

    def values(code, name, pagu, now, before):
        pct = round(now / pagu * 100, 2) if pagu else None
        return [code, name, pagu, now - before, now, pagu - now, pct]

    totals = [0, 0, 0]
    for row in ROWS:
        subs = [s for s in SUBS if s is row or any(p is row for p in s["parents"])]
        now = sum(cumulative(s, month) for s in subs)
        before = sum(cumulative(s, month - 1) for s in subs) if month > 1 else 0
        if row["level"] == 2:
            totals = [totals[0] + row["pagu"], totals[1] + now, totals[2] + before]
        r = put(ws, r, values(row["code"], row["name"], row["pagu"], now, before), fmts, bold=row["level"] < 2)
    put(ws, r, values(None, "JUMLAH", *totals), fmts, bold=True)
    widths(ws, [19, 60, 17, 17, 17, 17, 8], freeze="C6")
    save(wb, f"Realisasi 2024-{month:02d}.xlsx")


def build_kas():
    """SIPD's Anggaran Kas export: program / kegiatan / sub kegiatan rows stating the sums of the
    rekening lines under them, Januari … Desember and Jumlah, a JUMLAH row. Every figure correct:
    each sub kegiatan's plan adds up to its DPA pagu."""
    file = "Anggaran Kas Kecamatan Blora 2024.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Anggaran Kas")
    title(ws, ["ANGGARAN KAS SATUAN KERJA PERANGKAT DAERAH", "KECAMATAN BLORA KABUPATEN BLORA",
               "TAHUN ANGGARAN 2024"], 15)
    r = header(ws, 5, ["Kode", "Uraian", *BULAN, "Jumlah"])
    fmts = [None, None] + [RP] * 13
    plans = {row["code"]: [(kode, nama, kas_plan(kode, amount)) for kode, nama, amount in REKENING.get(row["code"], [])]
             for row in SUBS}

    def months_of(code):
        return [sum(m[i] for c, lines in plans.items() if c == code or c.startswith(code + ".") for *_, m in lines)
                for i in range(12)]

    for row in ROWS:
        months = months_of(row["code"])
        r = put(ws, r, [row["code"], row["name"], *months, sum(months)], fmts, bold=row["level"] < 2)
        for kode, nama, m in plans.get(row["code"], []):
            r = put(ws, r, [kode, nama, *m, sum(m)], fmts)
    total = [sum(months_of(p["code"])[i] for p in ROWS if p["level"] == 0) for i in range(12)]
    put(ws, r, [None, "JUMLAH", *total, sum(total)], fmts, bold=True)
    widths(ws, [19, 55] + [15] * 13, freeze="C6")
    save(wb, file)


def build_iku():
    file = "IKU Kecamatan Blora 2024.xlsx"
    wb = new_book()
    lines = ["KECAMATAN BLORA KABUPATEN BLORA"]

    ws = wb.create_sheet("IKU Renstra 2021-2026")
    title(ws, ["INDIKATOR KINERJA UTAMA (IKU)", "RENCANA STRATEGIS KECAMATAN BLORA TAHUN 2021-2026", *lines], 10)
    r = header(ws, 5, ["NO", "TUJUAN", "SASARAN", "INDIKATOR KINERJA", "SATUAN",
                       ("TARGET KINERJA PADA TAHUN", [str(y) for y in range(2022, 2027)])])
    r = colnums(ws, r, 10)
    for i, (no, tujuan, sasaran, ind, sat, targets) in enumerate(RENSTRA):
        fmt = DEC if ind == "Nilai SAKIP" else INT
        if ind == "Nilai SAKIP":
            plant(file, ws, r, 7, "pembanding (bukan kesalahan): target Renstra Nilai SAKIP 2023 = 66,86")
        put(ws, r, [no, tujuan, sasaran, ind, sat, *targets], [None] * 5 + [fmt] * 5)
        if no is not None:  # NO and TUJUAN merged over the tujuan's two rows, as in the seed
            for c in (1, 2):
                ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
        r += 1
    widths(ws, [5, 38, 40, 45, 9, 9, 9, 9, 9, 9])

    ws = wb.create_sheet("IKU 2022-2024")
    title(ws, ["PENGUKURAN INDIKATOR KINERJA UTAMA (IKU)", "PERBANDINGAN TAHUN 2022, 2023 DAN 2024", *lines], 20)
    trc = ["Target", "Realisasi", "Capaian %"]
    r = header(ws, 5, ["No", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis",
                       ("2022", trc), ("2023", trc), ("2024", trc), "Kategori 2024", "Target Akhir 2026",
                       "Sumber Data", "Analisis Keberhasilan/Kegagalan", "Solusi"])
    r = colnums(ws, r, 20)
    for row in IKU:
        if row[2] == "Indeks Kepuasan Masyarakat":
            plant(file, ws, r, 9, "capaian IKM 2022 berupa teks '09,45' (seharusnya 90,45)")
        else:
            plant(file, ws, r, 10, "target Nilai SAKIP 2023 = 66,85 (Renstra: 66,86)")
        r = put(ws, r, row, [None] * 6 + [DEC] * 9 + [None, DEC, None, None, None])
    widths(ws, [5, 35, 25, 8, 9, 10] + [9] * 9 + [11, 10, 18, 40, 10], freeze="D8")

    ws = wb.create_sheet("PK 2024")
    title(ws, ["HASIL PENGUKURAN INDIKATOR KINERJA PERJANJIAN KINERJA",
               "Kecamatan Blora, Kabupaten Blora Tahun 2024"], 8)
    r = header(ws, 4, ["No", "Tujuan/Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian %",
                       "Kategori", "Sumber Data"])
    for row in PK:
        if row[2] == "Nilai SAKIP":
            plant(file, ws, r, 6, "capaian Nilai SAKIP 119,6 (Tabel 3.2 / IKU 2022-2024: 101)")
        r = put(ws, r, row, [None, None, None, DEC, DEC, DEC, None, None])
    widths(ws, [5, 45, 30, 10, 10, 11, 13, 22])

    ws = wb.create_sheet("Indikator Program")
    title(ws, ["INDIKATOR KINERJA PROGRAM", "Kecamatan Blora Tahun 2024"], 9)
    r = header(ws, 4, ["No", "Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target",
                       "Realisasi", "Capaian %"])
    for no, (kode, nama, ind, sat) in enumerate(PROGRAM_IKU, 1):
        if kode == "7.01.01":
            plant(file, ws, r, 4, f"nama program '{nama}' berbeda dengan nama di DPA '{TREE[0][1]}'")
        r = put(ws, r, [no, T_SAKIP if kode == "7.01.01" else T_IKM, kode, nama, ind, sat, 100, 100, 100],
                [None] * 6 + [INT] * 3)
    widths(ws, [5, 38, 10, 45, 55, 8, 9, 10, 10])
    save(wb, file)


README = """# Contoh berkas kantor: Kecamatan Blora 2024

Berkas contoh ini dibuat oleh `workbooks/build_contoh.py`. Jangan diedit manual;
jalankan ulang skripnya. Semua angka diambil dari LKjIP Kecamatan Blora 2024
(Tabel 2.1, 2.3-1, 3.2-3.5, 3.8, 3.9, 4.1). Kesalahan yang ada di laporan
itu sengaja dipertahankan agar alat bisa mendeteksinya.

| Berkas | Isi |
|---|---|
| `DPA Kecamatan Blora 2024.xlsx` | sheet `Rekap DPA`: program/kegiatan/sub kegiatan, indikator, target, anggaran 2024 dan 2025 (judul baris 1-3, header dua baris 5-6, nomor kolom baris 7, data mulai baris 8). Sheet `DPA Rincian Belanja`: ekspor SIPD per kode rekening (header baris 4) |
| `Realisasi 2024-01.xlsx` … `Realisasi 2024-12.xlsx` | sheet `LRA`: realisasi kumulatif per bulan (header baris 5). Semua subtotalnya benar. Desember = Tabel 3.9 (total {real}) |
| `Anggaran Kas Kecamatan Blora 2024.xlsx` | sheet `Anggaran Kas`: rencana penarikan dana per bulan (ekspor SIPD, header baris 5): program/kegiatan/sub kegiatan dengan subtotal, baris rekening di bawah sub kegiatan, Januari … Desember dan Jumlah. Semua angkanya benar; jumlah tiap sub kegiatan = pagu DPA |
| `IKU Kecamatan Blora 2024.xlsx` | sheet `IKU Renstra 2021-2026` (Tabel 2.1), `IKU 2022-2024` (Tabel 3.2-3.5), `PK 2024` (Tabel 4.1), `Indikator Program` (Tabel 3.8) |
| `lkjip.toml` | identitas instansi dan tahun |

Komposisi belanja (Rincian Belanja): Pegawai 8.092.820.000, Barang dan Jasa
4.102.382.000, Modal 7.227.198.000; jumlah pagu {pagu}.

## Kesalahan yang sengaja ditanam

| Berkas | Sheet | Sel | Keterangan |
|---|---|---|---|
{rows}
"""


def build_meta():
    (OUT / "lkjip.toml").write_text('instansi = "Kecamatan Blora"\nkabupaten = "Blora"\ntahun = 2024\n',
                                    encoding="utf-8")
    rows = "\n".join(f"| `{f}` | `{s}` | {c} | {d} |" for f, s, c, d in PLANTED)
    (OUT / "README.md").write_text(README.format(real=rp(TOTAL["real"]), pagu=rp(TOTAL["pagu"]), rows=rows),
                                   encoding="utf-8")


def main():
    assert TOTAL == {"pagu": 19422400000, "real": 19092845159, "a25": 23789696000}, TOTAL
    for row in SUBS:
        assert sum(a for *_, a in REKENING.get(row["code"], [])) == row["pagu"], row["code"]
    OUT.mkdir(parents=True, exist_ok=True)
    PLANTED.clear()
    build_dpa()
    for month in range(1, 13):
        build_realisasi(month)
    build_kas()
    build_iku()
    build_meta()
    print(f"wrote {len(list(OUT.iterdir()))} files to {OUT}")


if __name__ == "__main__":
    main()
