"""Tabel 2.3 and 3.9 when a document stops at kegiatan or program level: the formulas written
must recalculate to the cached totals."""
import openpyxl

from builders import Sheet, dpa, save
from lkjip_xl.pipeline import build

SUBS = {"7.01.01.2.01.0001": 1_000_000, "7.01.01.2.01.0002": 2_000_000, "7.01.02.2.01.0001": 4_000_000}


def _sum_refs(ws, formula: str) -> int:
    """Evaluate the =SUM(C9,C11)+N formulas tables.py writes, from the cells' cached values."""
    total = 0
    for part in formula.lstrip("=").split("+"):
        if part.startswith("SUM("):
            for ref in part[4:-1].split(","):
                v = ws[ref].value
                total += v if isinstance(v, (int, float)) else 0
        else:
            total += int(part)
    return total


def test_realisasi_reported_per_kegiatan(tmp_path):
    dpa(tmp_path, SUBS)
    lra = Sheet("LRA", ["Kode", "Uraian", "Realisasi"], title="LAPORAN REALISASI s.d. Bulan Desember 2024")
    lra.add(["7.01.01.2.01", "Kegiatan satu", 2_500_000])
    lra.add(["7.01.02.2.01", "Kegiatan dua", 3_900_000])
    save(tmp_path / "Realisasi 2024-12.xlsx", lra)
    result, path = build([tmp_path], output=tmp_path / "out" / "r.xlsx")
    assert result.totals["realisasi"] == 6_400_000
    values = openpyxl.load_workbook(path, data_only=True)["Tabel 3.9"]
    formulas = openpyxl.load_workbook(path)["Tabel 3.9"]
    checked = 0
    for row in formulas.iter_rows(min_col=4, max_col=4):
        cell = row[0]
        if isinstance(cell.value, str) and cell.value.startswith("="):
            assert _sum_refs(values, cell.value) == values[cell.coordinate].value, cell.coordinate
            checked += 1
    assert checked >= 5
    total = next(r for r in values.iter_rows(values_only=True) if r[1] == "JUMLAH")
    assert total[3] == 6_400_000
