"""The template's example rows (report/template.py writes them, check/intake.py leaves them out).

An example row carries two marks: the visible text MARK in its Keterangan cell, and a defined name
starting with EXAMPLE_NAME over the row (xlsx/names.py), which the officer does not see and so does
not overwrite. A row with the text is an example whatever it holds (the finding says to delete the
text when the row is the office's own). A row with only the name is an example while every value
it holds is still one the template wrote (EXAMPLE_VALUES): an officer who typed the office's own
figures over it has made it data. The example's figures are Kecamatan Blora's real 2024 figures
(the seed report), so the content alone, without a mark, never makes a row an example.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from lkjip_xl.read.headers import normalize

MARK = "CONTOH — hapus baris ini"
EXAMPLE_NAME = "LKJIP_CONTOH"

# One consistent example, shared by every workbook (numbers from the seed LKjIP Kecamatan Blora 2024).
PROGRAM = ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
           "Persentase peningkatan pelayanan perangkat daerah", 100, "%")
KEGIATAN = ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "Persentase penyusunan perencanaan, penganggaran dan evaluasi kinerja perangkat daerah", 100, "%")
SUB = ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
       "Tersusunnya Dokumen Perencanaan Perangkat Daerah", 4, "Dokumen")
REKENING = ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor")
PAGU = 4_930_000
PAGU_NEXT = 4_730_000
REALISASI = 4_929_950
REALISASI_DESEMBER = 380_000
REALISASI_JANUARI = 450_000
KAS = [PAGU // 12] * 11 + [PAGU - 11 * (PAGU // 12)]     # the example's plan adds up to its pagu
TUJUAN = "Meningkatkan kualitas pelayanan publik Kecamatan"
SASARAN = "Meningkatnya kepuasan masyarakat terhadap pelayanan Kecamatan"
IKM = "Indeks Kepuasan Masyarakat"
IKM_TARGET = 95
# (realisasi, capaian) for tahun-2, tahun-1, tahun; capaian = realisasi / 95 × 100, rounded to 2 decimals
IKM_YEARS = [(85.93, 90.45), (86.34, 90.88), (89.5, 94.21)]
IKM_SATUAN, IKM_SUMBER = "Indeks", "e-SKM"
IKM_ANALISIS = "Pelayanan telah sesuai dengan SOP"
IKM_SOLUSI = "Meningkatkan kualitas sarana dan prasarana pelayanan"
# the other words the example rows hold: a month, the total label, the drop-down choices used, row numbers
OTHER = ("Januari", "JUMLAH", "positif", "nilai akhir", "Baik", 1, 100)


def value_key(v) -> str | None:
    """A cell's value compared with the example's: numbers by value (4930000 == 4930000.0), texts
    normalised; None for a blank."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float, Decimal)):
        try:
            return format(Decimal(str(v)).normalize(), "f")
        except InvalidOperation:
            return None
    s = normalize(v)
    return s or None


def _leaves(*items):
    for item in items:
        if isinstance(item, (tuple, list)):
            yield from _leaves(*item)
        else:
            yield item


EXAMPLE_VALUES = frozenset(k for k in map(value_key, _leaves(
    PROGRAM, KEGIATAN, SUB, REKENING, PAGU, PAGU_NEXT, REALISASI, REALISASI_DESEMBER, REALISASI_JANUARI, KAS,
    TUJUAN, SASARAN, IKM, IKM_TARGET, IKM_YEARS, IKM_SATUAN, IKM_SUMBER, IKM_ANALISIS, IKM_SOLUSI, OTHER)) if k)


def marked(values) -> bool:
    """A row the officer is told to delete: 'CONTOH — hapus baris ini' in any of its cells."""
    return any(isinstance(v, str) and "contoh" in (n := v.casefold()) and "hapus" in n for v in values)


def still_example(values) -> bool:
    """A row under the example's hidden name that holds only what the template wrote there."""
    keys = [k for k in map(value_key, values) if k is not None]
    return bool(keys) and all(k in EXAMPLE_VALUES for k in keys)
