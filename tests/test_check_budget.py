"""Budget findings: each code from one input that must raise it, and a near miss that must not."""
from builders import (REAL, SUBS, Sheet, budget_sheet, check, clean_office, dpa, found, one, realisasi, renja, save,
                      where)

DPA = "DPA 2024.xlsx"
P1, K1, S1 = "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"
S2 = "7.01.01.2.02.0001"


def test_clean_office_has_no_finding(tmp_path):
    r = check(clean_office(tmp_path))
    assert r.findings == []
    assert r.totals["pagu"] == sum(SUBS.values()) and r.totals["realisasi"] == sum(REAL.values())


# subtotal-mismatch / total-mismatch ---------------------------------------------------------------

def test_subtotal_mismatch_at_the_stated_cell(tmp_path):
    s = budget_sheet("DPA", SUBS)
    s.set(P1, "Pagu", 4_930_000)
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "subtotal-mismatch")
    assert where(f) == ("subtotal-mismatch", "error", DPA, "DPA", s.cell(P1, "Pagu"), P1, 8_004_930_000, 4_930_000)
    assert found(check(tmp_path), "total-mismatch") == []
    assert "tertulis 4.930.000, tetapi jumlah rinciannya 8.004.930.000 (selisih 8.000.000.000)" in f.message()


def test_subtotal_is_checked_against_the_leaves_not_the_stated_children(tmp_path):
    # the kegiatan is wrong, the program is right: one finding, at the kegiatan
    s = budget_sheet("DPA", SUBS)
    s.set(K1, "Pagu", 1)
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert [(f.code, f.cell, f.kode) for f in r.findings] == [("subtotal-mismatch", s.cell(K1, "Pagu"), K1)]


def test_blank_subtotal_is_not_a_mismatch(tmp_path):
    s = budget_sheet("DPA", SUBS)
    s.set(P1, "Pagu", None)
    s.set(K1, "Pagu", "")
    save(tmp_path / DPA, s)
    assert check(tmp_path).findings == []


def test_total_mismatch_in_any_amount_column(tmp_path):
    subs = {c: (v, v * 2) for c, v in SUBS.items()}
    s = budget_sheet("DPA", subs, ("Pagu", "Anggaran 2025"))
    s.set("JUMLAH", "Anggaran 2025", 1_000)
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "total-mismatch")
    assert where(f) == ("total-mismatch", "error", DPA, "DPA", s.cell("JUMLAH", "Anggaran 2025"), None,
                        2 * sum(SUBS.values()), 1_000)
    assert "selisih" in f.message()


def test_total_is_checked_against_the_lines_not_the_stated_subtotals(tmp_path):
    # a wrong program subtotal does not make the (correct) JUMLAH wrong
    s = budget_sheet("DPA", SUBS)
    s.set(P1, "Pagu", 5)
    save(tmp_path / DPA, s)
    assert [f.code for f in check(tmp_path).findings] == ["subtotal-mismatch"]


def test_rekening_lines_are_the_leaves(tmp_path):
    rek = {S1: [("5.1.02.01.01.0024", 1_500_000), ("5.1.02.01.01.0052", 3_430_000)]}
    s = budget_sheet("DPA", SUBS, rekening=rek)
    save(tmp_path / DPA, s)
    assert check(tmp_path).findings == []
    s.set(S1, "Pagu", 4_930_001)      # the sub row no longer agrees with its rekening lines
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "subtotal-mismatch")
    assert (f.cell, f.kode, f.expected, f.actual) == (s.cell(S1, "Pagu"), S1, 4_930_000, 4_930_001)


def test_sipd_account_subtotals_are_checked_against_their_lines(tmp_path):
    tree = [("5", 4_930_000), ("5.1", 4_930_000), ("5.1.02", 4_930_000), ("5.1.02.01.01.0024", 1_500_000),
            ("5.1.02.01.01.0052", 3_430_000)]
    s = budget_sheet("DPA", SUBS, rekening={S1: tree})
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["pagu"] == sum(SUBS.values())
    assert r.budget.jenis == {"Belanja Barang dan Jasa": 4_930_000}
    s.set(f"{S1}/5.1", "Pagu", 4_930_100)
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "subtotal-mismatch")
    assert (f.cell, f.kode, f.expected, f.actual) == (s.cell(f"{S1}/5.1", "Pagu"), S1, 4_930_000, 4_930_100)
    assert "Rekening 5.1" in f.message()


def _sipd_flat(name: str, amount: str, title: str, lines: dict[str, list]) -> Sheet:
    """SIPD's flat rekening export: Kode holds the sub kegiatan on every row, Kode Rekening the
    account; under each sub row the account subtotals 5, 5.1, 5.1.02 … then the leaf accounts."""
    s = Sheet(name, ["Kode", "Kode Rekening", "Uraian", amount], title=title)
    for sub, accounts in lines.items():
        s.add([sub, None, f"Sub {sub}", sum(v for a, v in accounts if a.count(".") == 5)], key=sub)
        for account, value in accounts:
            s.add([sub, account, f"Belanja {account}", value], key=f"{sub}/{account}")
    return s


SIPD_LINES = {
    S1: [("5", 4_930_000), ("5.1", 4_930_000), ("5.1.02", 4_930_000), ("5.1.02.01.01.0024", 1_500_000),
         ("5.1.02.01.01.0052", 3_430_000)],
    S2: [("5", 900_000), ("5.1", 400_000), ("5.1.02", 400_000), ("5.1.02.01.01.0024", 400_000),
         ("5.2", 500_000), ("5.2.02", 500_000), ("5.2.02.10.01.0002", 500_000)],
}


def test_sipd_account_head_5_in_kode_rekening_is_the_subtotal_of_all_lines(tmp_path):
    # the bare 5 (BELANJA DAERAH) in a Kode Rekening column is the account 5, not a line of the sub
    s = _sipd_flat("DPA", "Pagu", "DPA TAHUN 2024", SIPD_LINES)
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["pagu"] == 5_830_000
    s.set(f"{S2}/5", "Pagu", 950_000)
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert [(f.code, f.cell, f.kode, f.expected, f.actual) for f in r.findings] == [
        ("subtotal-mismatch", s.cell(f"{S2}/5", "Pagu"), S2, 900_000, 950_000)]
    assert "Rekening 5 " in r.findings[0].message()


def test_sipd_account_head_5_in_a_rekening_level_lra(tmp_path):
    save(tmp_path / DPA, _sipd_flat("DPA", "Pagu", "DPA TAHUN 2024", SIPD_LINES))
    real = {sub: [(a, v // 10) for a, v in accounts] for sub, accounts in SIPD_LINES.items()}
    lra = _sipd_flat("LRA", "Realisasi", "LAPORAN REALISASI ANGGARAN TAHUN 2024", real)
    save(tmp_path / "Realisasi 2024-03.xlsx", lra)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["realisasi"] == 583_000
    lra.set(f"{S1}/5", "Realisasi", 493_001)
    save(tmp_path / "Realisasi 2024-03.xlsx", lra)
    r = check(tmp_path)
    assert [(f.code, f.cell, f.kode, f.expected, f.actual) for f in r.findings] == [
        ("subtotal-mismatch", lra.cell(f"{S1}/5", "Realisasi"), S1, 493_000, 493_001)]


# duplicate-kode ---------------------------------------------------------------------------------

def _with_duplicate(rekening: bool) -> Sheet:
    s = Sheet("DPA", ["Kode", "Kode Rekening", "Uraian", "Pagu"], title="DPA TAHUN 2024")
    s.add([P1, None, "Program", 30], key=P1)
    s.add([K1, None, "Kegiatan", 30], key=K1)
    if rekening:   # SIPD flat export: every rekening line carries its sub-kegiatan
        s.lines.clear()
        s.add([S1, "5.1.02.01.01.0024", "ATK", 10], key="a")
        s.add([S1, "5.1.02.01.01.0052", "Mamin", 20], key="b")
    else:
        s.add([S1, None, "Sub", 10], key="a")
        s.add([S1, None, "Sub", 20], key="b")
    return s


def test_duplicate_kode(tmp_path):
    s = _with_duplicate(rekening=False)
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "duplicate-kode")
    assert where(f)[:6] == ("duplicate-kode", "error", DPA, "DPA", s.cell("b", "Kode"), S1)
    assert s.cell("a", "Kode") in f.message()


def test_repeated_sub_in_a_rekening_sheet_is_not_duplicate(tmp_path):
    save(tmp_path / DPA, _with_duplicate(rekening=True))
    assert check(tmp_path).findings == []


# pagu-mismatch ----------------------------------------------------------------------------------

def test_pagu_mismatch_between_two_dpa_sheets(tmp_path):
    rek = {c: [("5.1.02.01.01.0024", v)] for c, v in SUBS.items()}
    detail = budget_sheet("DPA Rincian", SUBS, rekening=rek)
    rekap = budget_sheet("Rekap DPA", SUBS, jumlah=False)
    rekap.set(S2, "Pagu", 7_999_999_000)
    rekap.set("7.01.01.2.02", "Pagu", 7_999_999_000)
    rekap.set(P1, "Pagu", 8_004_929_000)
    save(tmp_path / DPA, detail, rekap)
    f = one(check(tmp_path), "pagu-mismatch")
    assert where(f) == ("pagu-mismatch", "error", DPA, "Rekap DPA", rekap.cell(S2, "Pagu"), S2,
                        8_000_000_000, 7_999_999_000)
    assert "selisih 1.000" in f.message()
    assert check(tmp_path).totals["pagu"] == sum(SUBS.values())      # the rekening-level sheet is primary


def test_pagu_mismatch_realisasi_anggaran_column(tmp_path):
    dpa(tmp_path, SUBS)
    _, lra = realisasi(tmp_path, 12, {**SUBS, S1: 5_000_000}, REAL)
    f = one(check(tmp_path), "pagu-mismatch")
    assert where(f) == ("pagu-mismatch", "error", "Realisasi 2024-12.xlsx", "LRA", lra.cell(S1, "Anggaran"), S1,
                        4_930_000, 5_000_000)


def test_renja_differences_are_warning_and_info(tmp_path):
    dpa(tmp_path, SUBS)
    plan = {**SUBS, S1: 4_000_000, "7.01.09.2.01.0001": 1_000}
    _, s = renja(tmp_path, plan)
    r = check(tmp_path)
    f = one(r, "pagu-mismatch")
    assert where(f) == ("pagu-mismatch", "warning", "Renja 2024.xlsx", "Renja", s.cell(S1, "Pagu Indikatif"), S1,
                        4_930_000, 4_000_000)
    m = one(r, "missing-in-dpa")
    assert (m.severity, m.cell, m.kode) == ("info", s.cell("7.01.09.2.01.0001", "Kode"), "7.01.09.2.01.0001")
    assert r.ok


def test_renja_equal_to_dpa_is_silent(tmp_path):
    dpa(tmp_path, SUBS)
    renja(tmp_path, SUBS)
    assert check(tmp_path).findings == []


# missing-in-dpa / missing-realisasi / over-budget / realisasi-decreased -------------------------

def test_missing_in_dpa(tmp_path):
    extra = "7.01.02.2.02.0002"
    dpa(tmp_path, SUBS)
    _, lra = realisasi(tmp_path, 12, SUBS, {**REAL, extra: 5})
    f = one(check(tmp_path), "missing-in-dpa")
    assert where(f) == ("missing-in-dpa", "error", "Realisasi 2024-12.xlsx", "LRA", lra.cell(extra, "Kode"), extra,
                        None, None)


def test_missing_in_dpa_from_an_earlier_month_only(tmp_path):
    extra = "7.01.02.2.02.0002"
    dpa(tmp_path, SUBS)
    _, march = realisasi(tmp_path, 3, SUBS, {**{c: 0 for c in REAL}, extra: 5})
    realisasi(tmp_path, 12, SUBS, REAL)
    f = one(check(tmp_path), "missing-in-dpa")
    assert (f.file, f.cell, f.kode) == ("Realisasi 2024-03.xlsx", march.cell(extra, "Kode"), extra)


def test_missing_realisasi(tmp_path):
    _, d = dpa(tmp_path, SUBS)
    real = {c: v for c, v in REAL.items() if c != S2}
    realisasi(tmp_path, 12, SUBS, real)
    f = one(check(tmp_path), "missing-realisasi")
    assert where(f) == ("missing-realisasi", "warning", DPA, "DPA", d.cell(S2, "Kode"), S2, 8_000_000_000, None)
    assert "Desember" in f.message()


def test_zero_pagu_sub_without_realisasi_is_not_missing(tmp_path):
    dpa(tmp_path, {**SUBS, "7.01.01.2.07.0001": 0})
    realisasi(tmp_path, 12, SUBS, REAL)
    assert check(tmp_path).findings == []


def test_over_budget(tmp_path):
    dpa(tmp_path, SUBS)
    _, lra = realisasi(tmp_path, 12, SUBS, {**REAL, S1: 4_930_001})
    f = one(check(tmp_path), "over-budget")
    assert where(f) == ("over-budget", "error", "Realisasi 2024-12.xlsx", "LRA", lra.cell(S1, "Realisasi"), S1,
                        4_930_000, 4_930_001)
    assert "lebih 1)" in f.message()


def test_realisasi_equal_to_pagu_is_not_over_budget(tmp_path):
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 12, SUBS, {**REAL, S1: 4_930_000})
    assert check(tmp_path).findings == []


def test_realisasi_decreased(tmp_path):
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 2, SUBS, {**REAL, S1: 3_000_000})
    _, march = realisasi(tmp_path, 3, SUBS, {**REAL, S1: 2_999_000})
    r = check(tmp_path)
    f = one(r, "realisasi-decreased")
    assert where(f) == ("realisasi-decreased", "warning", "Realisasi 2024-03.xlsx", "LRA", march.cell(S1, "Realisasi"),
                        S1, 3_000_000, 2_999_000)
    assert "Februari" in f.message() and "Maret" in f.message() and "1.000" in f.message()
    assert r.budget.latest_month == 3


def test_flat_realisasi_is_not_decreased(tmp_path):
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 2, SUBS, REAL)
    realisasi(tmp_path, 3, SUBS, REAL)
    assert check(tmp_path).findings == []


# uraian-mismatch --------------------------------------------------------------------------------

def test_uraian_mismatch(tmp_path):
    dpa(tmp_path, SUBS)
    _, lra = realisasi(tmp_path, 12, SUBS, REAL)
    lra.set(S1, "Uraian", "Penyusunan Dokumen Lain")
    save(tmp_path / "Realisasi 2024-12.xlsx", lra)
    f = one(check(tmp_path), "uraian-mismatch")
    assert where(f) == ("uraian-mismatch", "warning", "Realisasi 2024-12.xlsx", "LRA", lra.cell(S1, "Uraian"), S1,
                        f"Uraian {S1}", "Penyusunan Dokumen Lain")


def test_uraian_differing_in_case_space_and_punctuation_is_the_same(tmp_path):
    dpa(tmp_path, SUBS)
    _, lra = realisasi(tmp_path, 12, SUBS, REAL)
    lra.set(S1, "Uraian", f"  URAIAN\n{S1}.")
    save(tmp_path / "Realisasi 2024-12.xlsx", lra)
    assert check(tmp_path).findings == []


# two realisasi sheets for one month ---------------------------------------------------------------

def test_two_sheets_of_one_month_are_counted_once(tmp_path):
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 12, SUBS, REAL)
    p2 = {c: v for c, v in REAL.items() if c.startswith("7.01.02")}
    extra = budget_sheet("LRA", {c: (SUBS[c], v) for c, v in p2.items()}, ("Anggaran", "Realisasi"),
                         title="LAPORAN REALISASI PROGRAM 7.01.02 s.d. Bulan Desember 2024")
    save(tmp_path / "Realisasi Program 2.xlsx", extra)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["realisasi"] == sum(REAL.values())
    c = "7.01.02.2.01.0001"
    extra.set(c, "Realisasi", REAL[c] + 1)
    extra.set("7.01.02.2.01", "Realisasi", REAL[c] + 1)
    extra.set("7.01.02", "Realisasi", sum(p2.values()) + 1)
    extra.set("JUMLAH", "Realisasi", sum(p2.values()) + 1)
    save(tmp_path / "Realisasi Program 2.xlsx", extra)
    r = check(tmp_path)
    f = one(r, "realisasi-mismatch")
    assert where(f) == ("realisasi-mismatch", "error", "Realisasi Program 2.xlsx", "LRA", extra.cell(c, "Realisasi"), c,
                        REAL[c], REAL[c] + 1)
    assert r.totals["realisasi"] == sum(REAL.values())


def test_long_sheet_is_checked_month_by_month(tmp_path):
    dpa(tmp_path, SUBS)
    s = Sheet("Realisasi Bulanan", ["Bulan", "Kode", "Uraian", "Realisasi"], title="REALISASI 2024")
    for month, factor in (("Januari", 1), ("Februari", 3), ("Maret", 2)):
        for code, v in REAL.items():
            s.add([month, code, f"Uraian {code}", v * factor // 3], key=f"{month}/{code}")
    save(tmp_path / "Realisasi Bulanan.xlsx", s)
    r = check(tmp_path)
    assert {f.code for f in r.findings} == {"realisasi-decreased"} and len(r.findings) == len(REAL)
    f = next(f for f in r.findings if f.kode == S1)
    assert (f.cell, f.expected, f.actual) == (s.cell(f"Maret/{S1}", "Realisasi"), REAL[S1], REAL[S1] * 2 // 3)
    assert r.budget.latest_month == 3 and r.totals["realisasi"] == sum(v * 2 // 3 for v in REAL.values())


def test_monthly_files_with_only_this_month_add_up(tmp_path):
    dpa(tmp_path, SUBS)
    first = next(iter(SUBS))
    for month, paid in ((1, 100_000), (2, 250_000), (3, 50_000)):
        s = Sheet("LRA", ["Kode", "Uraian", "Realisasi Bulan Ini"], title="LAPORAN REALISASI TAHUN 2024")
        s.add([first, "Sub", paid])
        save(tmp_path / f"Realisasi 2024-{month:02d}.xlsx", s)
    r = check(tmp_path)
    assert r.budget.monthly[1][first] == 100_000 and r.budget.monthly[3][first] == 400_000
    assert r.totals["realisasi"] == 400_000
    assert not [f for f in r.findings if f.code in ("realisasi-decreased", "missing-column")]


def test_long_sheet_with_a_jumlah_after_each_month(tmp_path):
    dpa(tmp_path, SUBS)
    a, b = list(SUBS)[:2]
    s = Sheet("Realisasi", ["Bulan", "Kode", "Uraian", "Realisasi"], title="REALISASI TAHUN 2024")
    s.add(["November", a, "Sub", 100]); s.add(["November", b, "Sub", 200]); s.add([None, "JUMLAH", None, 300])
    s.add(["Desember", a, "Sub", 150]); s.add(["Desember", b, "Sub", 250]); s.add([None, "JUMLAH", None, 400])
    save(tmp_path / "Realisasi Bulanan.xlsx", s)
    r = check(tmp_path)
    assert not [f for f in r.findings if f.code == "total-mismatch"]
    assert r.totals["realisasi"] == 400


def test_year_row_of_a_two_row_header_is_not_data(tmp_path):
    # CONTRACT §2: `Anggaran` over `2024 | 2025`, years typed as numbers: no row-without-kode for the
    # year row; the pagu is the 2024 column. A row with an amount but neither code nor name is said
    # as '(tanpa uraian)', never as pandas' 'nan'.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "DPA"
    ws.append(["DPA KECAMATAN CONTOH TAHUN 2024"])
    ws.append([])
    ws.append(["Kode", "Uraian", "Anggaran", None])
    ws.append([None, None, 2024, 2025])
    ws.merge_cells("C3:D3")
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    for code, amount in [(P1, 10_000), (K1, 10_000), (S1, 10_000)]:
        ws.append([code, f"Uraian {code}", amount, amount * 2])
    ws.append([None, None, 7, None])
    wb.save(tmp_path / DPA)
    r = check(tmp_path / DPA)
    assert r.totals["pagu"] == 10_000
    f = one(r, "row-without-kode")
    assert (f.cell, f.actual) == ("C8", 7)
    assert f.message() == "Baris '(tanpa uraian)' berisi nilai Pagu/Anggaran 7 tetapi tidak memiliki kode, sehingga tidak dijumlahkan."
    assert "nan" not in f.message("en")


def test_months_as_columns_row_jumlah_checked(tmp_path):
    # CONTRACT §2 "stated totals are checked, never trusted": realisasi with months as columns and a
    # per-row Jumlah; one row's Jumlah typed 300.000 too high is one total-mismatch at that cell (as an
    # anggaran kas row's Jumlah is), and the realisasi is the months' sum, not the Jumlah
    dpa(tmp_path, SUBS)
    months = {c: (v // 10, v // 5, v // 4) for c, v in REAL.items()}
    s = budget_sheet("Realisasi", {c: (*m, sum(m)) for c, m in months.items()},
                     ("Januari", "Februari", "Maret", "Jumlah"), jumlah=False,
                     title="REALISASI PER BULAN TAHUN 2024")
    save(tmp_path / "Realisasi per Bulan.xlsx", s)
    assert check(tmp_path).findings == []
    s.set(S2, "Jumlah", sum(months[S2]) + 300_000)
    save(tmp_path / "Realisasi per Bulan.xlsx", s)
    r = check(tmp_path)
    f = one(r, "total-mismatch")
    assert where(f) == ("total-mismatch", "error", "Realisasi per Bulan.xlsx", "Realisasi", s.cell(S2, "Jumlah"), S2,
                        sum(months[S2]), sum(months[S2]) + 300_000)
    assert [x.code for x in r.findings] == ["total-mismatch"]
    assert "pada kolom Jumlah realisasi per bulan tertulis" in f.message()
    assert r.totals["realisasi"] == sum(sum(m) for m in months.values()) and r.totals["bulan"] == 3
