"""Golden RFK figures of the Kecamatan Blora 2024 sample with its anggaran kas: the year-end run
(all twelve LRA files) and a mid-year run (January–June only, as an officer has them in July).
The expected plan is also recomputed from workbooks/build_contoh.py's own monthly plan."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.pipeline import build, check

ROOT = Path(__file__).resolve().parent.parent
SIX = {("subtotal-mismatch", "Rekap DPA", "G8"), ("total-mismatch", "Rekap DPA", "H61"),
       ("capaian-mismatch", "IKU 2022-2024", "I8"), ("capaian-mismatch", "PK 2024", "F6"),
       ("target-mismatch", "IKU 2022-2024", "J9"), ("uraian-mismatch", "Indikator Program", "D5")}


def _contoh():
    spec = importlib.util.spec_from_file_location("build_contoh", ROOT / "workbooks" / "build_contoh.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def planned(upto: int, under: str = "") -> int:
    """The sample's anggaran kas from January to `upto`, from the generator's own plan."""
    c = _contoh()
    return sum(sum(c.kas_plan(kode, amount)[:upto]) for sub, lines in c.REKENING.items() if sub.startswith(under)
               for kode, _, amount in lines)


@pytest.fixture(scope="module")
def mid_year(tmp_path_factory, sample_dir):
    folder = tmp_path_factory.mktemp("juli") / "LKjIP Blora"
    folder.mkdir()
    for f in sample_dir.iterdir():
        if f.is_file() and not (f.name.startswith("Realisasi 2024-") and int(f.stem[-2:]) > 6):
            shutil.copy(f, folder / f.name)
    return folder


def test_year_end(sample_result):
    r = sample_result
    assert {(f.code, f.sheet, f.cell) for f in r.findings} == SIX      # the anggaran kas adds no finding
    assert r.to_json()["rfk"] == {"bulan": 12, "rencana": 19_422_400_000, "realisasi": 19_092_845_159,
                                  "deviasi": "-1.70", "incomplete": []}
    p = {x.kode: x for x in r.rfk.lines}
    assert (p["7.01.01"].rencana, p["7.01.01"].realisasi, p["7.01.01"].deviasi) == (10_068_558_000, 9_849_028_252,
                                                                                   Decimal("-2.18"))
    assert (p["7.01.02.2.01"].deviasi, r.rfk.status(p["7.01.02.2.01"])) == (Decimal("-11.30"), "Kritis")
    assert [(q.rencana, q.realisasi) for q in r.rfk.quarters] == [
        (3_205_041_300, 3_983_138_069), (8_545_072_660, 9_094_952_166), (14_928_159_900, 14_093_898_660),
        (19_422_400_000, 19_092_845_159)]
    assert [q.rencana for q in r.rfk.quarters] == [planned(m) for m in (3, 6, 9, 12)]


def test_mid_year_check(mid_year):
    r = check([mid_year])
    assert {(f.code, f.sheet, f.cell) for f in r.findings} == SIX
    doc = r.to_json()
    assert doc["totals"]["bulan"] == 6 and doc["totals"]["realisasi"] == 9_094_952_166
    assert doc["rfk"] == {"bulan": 6, "rencana": 8_545_072_660, "realisasi": 9_094_952_166, "deviasi": "2.83", "incomplete": []}
    assert doc["rfk"]["rencana"] == planned(6)
    p = {x.kode: x for x in r.rfk.lines}
    got = {c: (p[c].rencana, p[c].realisasi, p[c].rencana_pct, p[c].realisasi_pct, p[c].deviasi, r.rfk.status(p[c]))
           for c in ("7.01.01", "7.01.02", "7.01.03", "7.01.03.2.02")}
    assert got == {
        "7.01.01": (4_973_574_240, 4_842_796_390, Decimal("49.40"), Decimal("48.10"), Decimal("-1.30"), "Terlambat"),
        "7.01.02": (21_600_000, 19_359_100, Decimal("48.00"), Decimal("43.02"), Decimal("-4.98"), "Terlambat"),
        "7.01.03": (3_521_904_820, 4_206_493_876, Decimal("38.07"), Decimal("45.47"), Decimal("7.40"), "Sesuai rencana"),
        "7.01.03.2.02": (3_483_504_820, 4_169_786_336, Decimal("37.99"), Decimal("45.47"), Decimal("7.48"),
                         "Sesuai rencana"),
    }
    assert p["7.01.01"].rencana == planned(6, "7.01.01")
    assert p["7.01.03.2.02"].rencana == planned(6, "7.01.03.2.02")
    assert [(q.label, q.rencana, q.realisasi) for q in r.rfk.quarters] == [
        ("Triwulan I", 3_205_041_300, 3_983_138_069), ("Triwulan II", 8_545_072_660, 9_094_952_166),
        ("Triwulan III", 14_928_159_900, None), ("Triwulan IV", 19_422_400_000, None)]


@pytest.fixture(scope="module")
def mid_year_report(mid_year):
    return build([mid_year])


def test_mid_year_output_keeps_the_month(mid_year_report, mid_year):
    _, out = mid_year_report
    assert out == mid_year.resolve() / "hasil" / "LKjIP-Kecamatan-Blora-2024-sd-06.xlsx"


def _rows(ws):
    return [[v for v in row if v is not None] for row in ws.iter_rows(values_only=True)]


def test_rfk_sheet_cached_values(mid_year_report):
    _, out = mid_year_report
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb.sheetnames.index("RFK") == wb.sheetnames.index("Narasi") - 1
    rows = {r[0]: r for r in _rows(wb["RFK"]) if r}
    assert rows["7.01.01"][2:] == [10_068_558_000, 4_973_574_240, 49.4, 4_842_796_390, 48.1, -1.3, 5_225_761_610,
                                   "Terlambat"]
    total = next(r for r in _rows(wb["RFK"]) if r and r[0] == "JUMLAH")
    assert total == ["JUMLAH", 19_422_400_000, 8_545_072_660, 44.0, 9_094_952_166, 46.83, 2.83, 10_327_447_834,
                     "Sesuai rencana"]
    tw = [r for r in _rows(wb["RFK"]) if r and str(r[0]).startswith("Triwulan")]
    assert tw[1] == ["Triwulan II", 19_422_400_000, 8_545_072_660, 44.0, 9_094_952_166, 46.83, 2.83, 10_327_447_834,
                     "Sesuai rencana"]
    assert tw[2] == ["Triwulan III", 19_422_400_000, 14_928_159_900, 76.86]
    formulas = openpyxl.load_workbook(out)["RFK"]
    status = {c.value for row in formulas.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=IF(")}
    assert status and all("Kritis" in f for f in status)


def test_mid_year_says_so(mid_year_report):
    _, out = mid_year_report
    wb = openpyxl.load_workbook(out, data_only=True)
    for name in ("Ringkasan", "Tabel 3.7", "Tabel 3.9", "Narasi"):
        assert "Tahun 2024, realisasi s.d. Juni" in [r[0] for r in _rows(wb[name]) if r], name
    t37 = _rows(wb["Tabel 3.7"])
    header = next(r for r in t37 if "Tingkat Efisiensi (sementara)" in r)
    assert "Kategori Efisiensi" in header
    lines = [r for r in t37 if r and r[0] in (1, 2)]
    # the figures stay; no year-end category is stated
    assert [r[-2:] for r in lines] == [[48.75, "Sementara (realisasi s.d. Juni)"], [52.9, "Sementara (realisasi s.d. Juni)"]]
    text = " ".join(str(v) for r in _rows(wb["Tabel 3.7"]) + _rows(wb["Narasi"]) for v in r)
    assert "Sangat Efisien" not in text and "Kurang Efisien" not in text
    narasi = " ".join(r[0] for r in _rows(wb["Narasi"]) if r)
    assert "sisa anggaran" not in narasi.lower()
    assert "anggaran yang belum direalisasikan sebesar Rp10.327.447.834,00" in narasi
    assert "Realisasi anggaran s.d. bulan Juni sebesar Rp9.094.952.166,00" in narasi
    ringkasan = _rows(wb["Ringkasan"])
    assert ["Seluruh program", 19_422_400_000, 9_094_952_166, 46.83, "Belum terealisasi s.d. Juni: Rp10.327.447.834,00"] \
        in ringkasan


def test_year_end_states_the_category(tmp_path, sample_dir):
    _, out = build([sample_dir], output=tmp_path / "akhir.xlsx")
    wb = openpyxl.load_workbook(out, data_only=True)
    lines = [r for r in _rows(wb["Tabel 3.7"]) if r and r[0] in (1, 2)]
    assert [r[-1] for r in lines] == ["Kurang Efisien", "Sangat Efisien"]
    assert "Tahun 2024" in [r[0] for r in _rows(wb["Narasi"]) if r]
    assert "RFK" in wb.sheetnames


def test_cli_json_mid_year(mid_year):
    p = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", str(mid_year), "--json"], capture_output=True,
                       text=True, timeout=300)
    doc = json.loads(p.stdout)
    assert doc["rfk"] == {"bulan": 6, "rencana": 8545072660, "realisasi": 9094952166, "deviasi": "2.83", "incomplete": []}
    assert isinstance(doc["rfk"]["rencana"], int) and isinstance(doc["rfk"]["deviasi"], str)


def test_libreoffice_recalculates_the_rfk_sheet(mid_year_report, tmp_path):
    """LibreOffice, told to recalculate on load, gives every RFK formula the value the workbook cached."""
    from test_report_libreoffice import SOFFICE, convert, recalculated_mismatches

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    _, out = mid_year_report
    checked, wrong = recalculated_mismatches(out, convert(out, tmp_path / "lo", tmp_path / "profile"), "RFK")
    assert checked > 300 and wrong == []


def test_cli_summary_names_plan_and_deviation(mid_year):
    p = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", str(mid_year)], capture_output=True, text=True,
                       timeout=300)
    assert "  Rencana    Rp8.545.072.660,00 (anggaran kas s.d. Juni)\n  Deviasi    +2,83 poin\n" in p.stdout


def test_spending_on_a_code_the_dpa_lacks_stays_out_of_the_rfk(tmp_path):
    # a realisasi line for a sub kegiatan the DPA does not have: its missing-in-dpa says so, and the
    # RFK (plan against spending of the DPA's own sub kegiatan) neither counts nor lists it
    from builders import REAL, SUBS, budget_sheet, check, dpa, realisasi, save

    dpa(tmp_path, SUBS)
    kas = budget_sheet("Anggaran Kas", {c: (v // 2, v - v // 2, v) for c, v in SUBS.items()},
                       ("Juni", "Desember", "Jumlah"), title="ANGGARAN KAS TAHUN 2024")
    save(tmp_path / "Anggaran Kas 2024.xlsx", kas)
    stray = "7.01.01.2.01.0099"
    realisasi(tmp_path, 6, {**SUBS, stray: 0}, {**{c: v // 3 for c, v in REAL.items()}, stray: 12_500_000})
    r = check(tmp_path)
    assert [f.code for f in r.findings if f.severity == "error"] == ["missing-in-dpa"]
    assert r.rfk.total.realisasi == sum(v // 3 for v in REAL.values())
    assert stray not in {x.kode for x in r.rfk.lines}
    keg = next(x for x in r.rfk.lines if x.kode == "7.01.01.2.01")
    assert keg.realisasi == REAL["7.01.01.2.01.0001"] // 3


def test_an_unreadable_realisasi_cell_leaves_its_sub_kegiatan_out_of_the_rfk(tmp_path):
    # '45.000.00O' in a sub kegiatan's realisasi: its spending is unknown, not 0, so the RFK leaves it
    # out of plan, pagu and spending alike (its kegiatan is not 'Kritis' for it, no deviasi warning)
    from builders import REAL, SUBS, budget_sheet, check, dpa, realisasi, save

    dpa(tmp_path, SUBS)
    plan = {c: (v // 2, v - v // 2, v) for c, v in SUBS.items()}
    save(tmp_path / "Anggaran Kas 2024.xlsx", budget_sheet("Anggaran Kas", plan, ("Juni", "Desember", "Jumlah"),
                                                           title="ANGGARAN KAS TAHUN 2024"))
    real = {c: v // 2 for c, v in SUBS.items()}
    _, lra = realisasi(tmp_path, 6, SUBS, real)
    bad = "7.01.02.2.01.0001"
    lra.set(bad, "Realisasi", "12.500.00O")
    save(tmp_path / "Realisasi 2024-06.xlsx", lra)
    r = check(tmp_path)
    assert [f.code for f in r.findings] == ["bad-number"]
    assert r.rfk.left_out == [bad] and r.rfk.incomplete == ["realisasi", "rencana"]
    assert r.rfk.total.rencana == sum(v // 2 for c, v in SUBS.items() if c != bad)
    assert r.rfk.total.realisasi == sum(v for c, v in real.items() if c != bad)
    assert r.rfk.total.pagu == sum(v for c, v in SUBS.items() if c != bad)
    assert next(x for x in r.rfk.lines if x.kode == bad).realisasi is None


def test_rfk_deviasi_always_shows_two_decimals(tmp_path):
    # a deviasi of exactly 0 is 0.00 beside -0.02, not a bare 0 (one format for the column)
    from openpyxl import load_workbook

    from builders import SUBS, budget_sheet, dpa, realisasi, save
    from lkjip_xl.pipeline import build

    dpa(tmp_path, SUBS)
    plan = {c: (v // 2, v - v // 2, v) for c, v in SUBS.items()}
    save(tmp_path / "Anggaran Kas 2024.xlsx", budget_sheet("Anggaran Kas", plan, ("Juni", "Desember", "Jumlah"),
                                                           title="ANGGARAN KAS TAHUN 2024"))
    realisasi(tmp_path, 6, SUBS, {c: v // 2 for c, v in SUBS.items()})       # on plan: deviasi 0
    out = tmp_path / "out.xlsx"
    build([tmp_path], output=out, tahun=2024, docx=False)
    ws = load_workbook(out)["RFK"]
    head = next(r for r in ws.iter_rows() if any(c.value == "Deviasi (poin %)" for c in r))
    col = next(c.column for c in head if c.value == "Deviasi (poin %)")
    cells = [ws.cell(r, col) for r in range(head[0].row + 2, ws.max_row + 1)]
    devs = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=ROUND(")]
    assert devs and {c.number_format for c in devs} == {"0.00"}
