"""A copy of a budget file with one value edited ('Realisasi Juni (2).xlsx', 'DPA 2024 - Copy.xlsx'):
the file that is not a copy is the one counted, whatever the names' order (' (2)' sorts before
'.xlsx'); one finding, at the copy's cell, saying which value was used and why."""
from builders import REAL, SUBS, budget_sheet, check, clean_office, dpa, realisasi, save

S2 = "7.01.01.2.02.0001"


def test_edited_realisasi_copy_is_one_finding_at_the_copy_and_the_original_counts(tmp_path):
    dpa(tmp_path, SUBS)
    half = {c: v // 2 for c, v in REAL.items()}
    realisasi(tmp_path, 6, SUBS, half)                    # Realisasi 2024-06.xlsx
    edited = {**half, S2: half[S2] + 2_500_000}
    copy = budget_sheet("LRA", {c: (SUBS[c], edited[c]) for c in edited}, ("Anggaran", "Realisasi"),
                        jumlah=False, title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
    save(tmp_path / "Realisasi 2024-06 (2).xlsx", copy)   # sorts before the original
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode, f.expected, f.actual) for f in r.findings] == [
        ("realisasi-mismatch", "error", "Realisasi 2024-06 (2).xlsx", "LRA", copy.cell(S2, "Realisasi"), S2,
         half[S2], half[S2] + 2_500_000)]
    msg = r.findings[0].message()
    assert f"yang dipakai 3.903.042.461 dari Realisasi 2024-06.xlsx › LRA (berkas ini bernama salinan)" in msg, msg
    assert "(this file is named as a copy)" in r.findings[0].message("en")
    assert r.budget.monthly[6][S2] == half[S2]
    assert r.totals["realisasi"] == sum(half.values()) and r.totals["bulan"] == 6


def test_edited_dpa_copy_is_one_pagu_mismatch_at_the_copy(tmp_path):
    clean_office(tmp_path)
    edited = {**SUBS, S2: SUBS[S2] + 1_000_000}
    copy = budget_sheet("DPA", edited, jumlah=False)
    save(tmp_path / "DPA 2024 - Copy.xlsx", copy)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode, f.expected, f.actual) for f in r.findings] == [
        ("pagu-mismatch", "error", "DPA 2024 - Copy.xlsx", "DPA", copy.cell(S2, "Pagu"), S2, SUBS[S2],
         SUBS[S2] + 1_000_000)]
    assert "yang dipakai 8.000.000.000 dari DPA 2024.xlsx › DPA (berkas ini bernama salinan)" in r.findings[0].message()
    assert r.totals["pagu"] == sum(SUBS.values())
