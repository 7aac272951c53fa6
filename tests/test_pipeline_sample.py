"""Golden figures of the Kecamatan Blora 2024 sample against the seed report's correct numbers."""
from decimal import Decimal

DPA = "DPA Kecamatan Blora 2024.xlsx"
IKU = "IKU Kecamatan Blora 2024.xlsx"


def test_totals(sample_result):
    t = sample_result.totals
    assert t["pagu"] == 19_422_400_000
    assert t["realisasi"] == 19_092_845_159
    assert t["serapan"] == Decimal("98.30")
    assert isinstance(t["pagu"], int) and isinstance(t["realisasi"], int)


def test_program_one(sample_result):
    b = sample_result.budget
    assert b.total("pagu", "7.01.01") == 10_068_558_000
    assert b.total("realisasi", "7.01.01") == 9_849_028_252


def test_next_year_lines_and_composition(sample_result):
    b = sample_result.budget
    assert b.total("pagu_next") == 23_789_696_000
    assert b.jenis == {"Belanja Pegawai": 8_092_820_000, "Belanja Barang dan Jasa": 4_102_382_000,
                       "Belanja Modal": 7_227_198_000}


def test_instansi_and_year(sample_result):
    assert sample_result.instansi == "Kecamatan Blora"
    assert sample_result.tahun == 2024
    assert sample_result.budget.latest_month == 12


def test_monthly_realisasi_rises_to_december(sample_result):
    monthly = sample_result.budget.monthly
    assert sorted(monthly) == list(range(1, 13))
    totals = [sum(monthly[m].values()) for m in range(1, 13)]
    assert totals == sorted(totals)
    assert totals[-1] == 19_092_845_159


def test_exact_findings(sample_result):
    got = {(f.code, f.severity, f.file, f.sheet, f.cell) for f in sample_result.findings}
    assert got == {
        ("subtotal-mismatch", "error", DPA, "Rekap DPA", "G8"),
        ("total-mismatch", "error", DPA, "Rekap DPA", "H61"),
        ("capaian-mismatch", "error", IKU, "IKU 2022-2024", "I8"),
        ("capaian-mismatch", "error", IKU, "PK 2024", "F6"),
        ("target-mismatch", "warning", IKU, "IKU 2022-2024", "J9"),
        ("uraian-mismatch", "warning", IKU, "Indikator Program", "D5"),
    }


def test_finding_values(sample_result):
    by_cell = {(f.sheet, f.cell): f for f in sample_result.findings}
    f = by_cell[("Rekap DPA", "G8")]
    assert (f.kode, f.expected, f.actual) == ("7.01.01", 10_068_558_000, 4_930_000)
    f = by_cell[("Rekap DPA", "H61")]
    assert (f.expected, f.actual) == (23_789_696_000, 23_875_476_000)
    f = by_cell[("IKU 2022-2024", "I8")]
    assert (f.expected, f.actual) == (Decimal("90.45"), Decimal("9.45"))
    f = by_cell[("IKU 2022-2024", "J9")]
    assert (f.expected, f.actual) == (Decimal("66.86"), Decimal("66.85"))
    assert "10.063.628.000" in by_cell[("Rekap DPA", "G8")].message()


def test_indicators(sample_result):
    ikus = {i.ind.indikator: i for i in sample_result.performance.ikus}
    ikm, sakip = ikus["Indeks Kepuasan Masyarakat"], ikus["Nilai SAKIP"]
    assert (ikm.at(2024).capaian, ikm.at(2024).predikat) == (Decimal("94.21"), "Baik")
    assert (sakip.at(2024).capaian, sakip.at(2024).predikat) == (Decimal("101.00"), "Sangat Baik")
    assert ikm.at(2022).capaian == Decimal("90.45")


def test_efisiensi_per_sasaran(sample_result):
    s = {x.text: x for x in sample_result.performance.sasaran}
    ikm = s["Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan"]
    sakip = s["Terwujudnya birokrasi yang bersih dan akuntabel"]
    assert sakip.programs == ["7.01.01"]
    assert ikm.programs == ["7.01.02", "7.01.03", "7.01.04", "7.01.05", "7.01.06"]
    assert (sakip.pagu, sakip.realisasi, sakip.serapan) == (10_068_558_000, 9_849_028_252, Decimal("97.82"))
    assert (sakip.efisiensi, sakip.kategori_efisiensi) == (Decimal("3.18"), "Sangat Efisien")
    assert (ikm.pagu, ikm.realisasi, ikm.serapan) == (9_353_842_000, 9_243_816_907, Decimal("98.82"))
    assert (ikm.efisiensi, ikm.kategori_efisiensi) == (Decimal("-4.61"), "Kurang Efisien")


def test_json_document(sample_result):
    doc = sample_result.to_json()
    assert doc["totals"] == {"pagu": 19_422_400_000, "realisasi": 19_092_845_159, "serapan": "98.30", "bulan": 12,
                             "incomplete": []}
    assert doc["ok"] is False
    assert set(doc["findings"][0]) == {"code", "severity", "message", "file", "sheet", "cell", "kode", "expected", "actual"}
    assert all(not isinstance(f["expected"], float) and not isinstance(f["actual"], float) for f in doc["findings"])
