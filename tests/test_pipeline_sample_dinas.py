"""The second sample office, workbooks/contoh-dinas-lh-2025 (an urusan-2 Dinas in SIPD's layouts:
flattened rincian with one code segment per column, rekap with grouped headers and a numeric
column-number row, LRA with Bulan Ini / s.d. Bulan Ini, Renstra with abbreviated indicators):
consistent books, so no finding at all, and these golden figures."""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_xl.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbooks" / "contoh-dinas-lh-2025"


@pytest.fixture(scope="module")
def result():
    return check([SAMPLE])


def test_no_finding_and_golden_totals(result):
    assert result.findings == []
    assert result.instansi == "Dinas Lingkungan Hidup" and result.tahun == 2025
    assert {k: result.totals[k] for k in ("pagu", "realisasi", "serapan", "bulan")} == {
        "pagu": 10_500_350_000, "realisasi": 4_832_412_150, "serapan": Decimal("46.02"), "bulan": 6}
    b = result.budget
    assert b.latest_month == 6
    assert b.primary == "DPA Rincian SIPD Dinas LH 2025.xlsx › Rincian Belanja"


def test_golden_programs_jenis_and_months(result):
    b = result.budget
    assert {p: b.total("pagu", p) for p in b.programs()} == {
        "2.11.01": 5_255_600_000, "2.11.03": 311_950_000, "2.11.11": 4_932_800_000}
    assert sum(b.pagu_next.values()) == 10_191_000_000
    assert b.jenis == {"Belanja Pegawai": 5_215_200_000, "Belanja Barang dan Jasa": 2_635_200_000,
                       "Belanja Modal": 2_649_950_000}
    assert {m: sum(v.values()) for m, v in b.monthly.items()} == {
        1: 514_552_800, 2: 1_123_917_600, 3: 1_762_324_800, 4: 2_697_526_400, 5: 3_370_136_000, 6: 4_832_412_150}
    # urusan 2 and kegiatan 2 are different segments of the rincian's codes
    assert "2.11.01.2.02.0001" in b.pagu and "2.11.11.2.01.0006" in b.pagu


def test_golden_indicators(result):
    perf = result.performance
    assert [(i.ind.indikator, i.at(2025).capaian, i.at(2025).predikat) for i in perf.ikus] == [
        ("Indeks Kualitas Lingkungan Hidup (IKLH)", Decimal("100.20"), "Sangat Baik"),
        ("Persentase sampah yang tertangani", Decimal("99.00"), "Baik")]
    assert [(s.capaian, s.serapan, s.programs) for s in perf.sasaran] == [
        (Decimal("100.20"), Decimal("49.58"), ["2.11.01", "2.11.03"]), (Decimal("99.00"), Decimal("42.00"), ["2.11.11"])]


def test_builder_gives_the_committed_files(tmp_path, monkeypatch):
    """The folder is what workbooks/build_contoh_dinas.py writes, byte for byte."""
    sys.path.insert(0, str(ROOT / "workbooks"))
    try:
        import build_contoh_dinas as builder
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(builder, "OUT", tmp_path)
    builder.main()
    for f in sorted(SAMPLE.iterdir()):
        if f.suffix in (".xlsx", ".toml"):
            assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name
