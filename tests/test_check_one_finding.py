"""One mistake, one finding (CONTRACT §5): a single unreadable amount planted in a consistent office
gives exactly one error, at that cell, with its row's kode; the subtotal, total, pagu and over-budget
checks it enters are skipped (and said), and the totals say they are incomplete."""
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from builders import (REAL, SUBS, budget_sheet, check, clean_office, dpa, iku, iku_sheet, program_sheet, realisasi,
                      renstra_sheet, save)
from hypothesis import HealthCheck, given, settings, strategies as st

DPA = "DPA 2024.xlsx"
P1, K1, S1 = "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"
S3 = "7.01.02.2.01.0001"


def errors(result):
    return [(f.code, f.file, f.cell, f.kode) for f in result.findings if f.severity == "error"]


def test_letter_o_pagu_is_one_error_with_its_kode(tmp_path):
    clean_office(tmp_path)
    s = budget_sheet("DPA", SUBS)
    s.set(S1, "Pagu", "4.93O.000")
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert errors(r) == [("bad-number", DPA, s.cell(S1, "Pagu"), S1)]
    assert r.findings[0].code == "bad-number"
    # no knock-on: not the kegiatan, program, JUMLAH, the LRA's Anggaran, nor over-budget
    assert {f.code for f in r.findings} == {"bad-number"}
    msg = r.findings[0].message()
    assert f"baris kode {S1}" in msg
    for skipped in (f"subtotal {K1} ({s.cell(K1, 'Pagu')})", f"subtotal {P1} ({s.cell(P1, 'Pagu')})",
                    f"total JUMLAH ({s.cell('JUMLAH', 'Pagu')})", f"realisasi {S1} terhadap pagunya"):
        assert skipped in msg, msg
    assert "budget comparison" in r.findings[0].message("en")
    # the readable sum, marked incomplete
    assert r.totals["pagu"] == sum(SUBS.values()) - SUBS[S1]
    assert r.totals["incomplete"] == ["pagu"]
    assert r.to_json()["totals"]["incomplete"] == ["pagu"]
    assert r.budget.incomplete("pagu", P1) and not r.budget.incomplete("pagu", "7.01.02")


def test_unreadable_realisasi_skips_its_sums_and_comparisons(tmp_path):
    clean_office(tmp_path)
    _, lra = realisasi(tmp_path, 12, SUBS, REAL)
    lra.set(S3, "Realisasi", "22.175.OOO")
    save(tmp_path / "Realisasi 2024-12.xlsx", lra)
    r = check(tmp_path)
    assert errors(r) == [("bad-number", "Realisasi 2024-12.xlsx", lra.cell(S3, "Realisasi"), S3)]
    assert {f.code for f in r.findings} == {"bad-number"}
    assert r.totals["realisasi"] == sum(REAL.values()) - REAL[S3]
    assert r.totals["incomplete"] == ["realisasi"]


def test_unknown_month_is_not_a_fall_or_a_mismatch(tmp_path):
    # November unreadable: December's rise from it is not checked, and no realisasi-decreased appears
    clean_office(tmp_path)
    nov = {c: v // 2 for c, v in REAL.items()}
    _, lra = realisasi(tmp_path, 11, SUBS, nov)
    lra.set(S1, "Realisasi", "#REF!")
    save(tmp_path / "Realisasi 2024-11.xlsx", lra)
    r = check(tmp_path)
    assert errors(r) == [("error-value", "Realisasi 2024-11.xlsx", lra.cell(S1, "Realisasi"), S1)]
    assert {f.code for f in r.findings} == {"error-value"}
    assert "kenaikan realisasi kumulatif" in r.findings[0].message()
    assert r.totals["incomplete"] == []          # December, the figure reported, is complete


def test_formula_without_value_on_a_rekening_line(tmp_path):
    rek = {S1: [("5.1.02.01.01.0024", 1_500_000), ("5.1.02.01.01.0052", 3_430_000)]}
    clean_office(tmp_path)
    s = budget_sheet("DPA", SUBS, rekening=rek)
    s.set(f"{S1}/5.1.02.01.01.0052", "Pagu", "=1000+2430")    # saved by openpyxl: no cached value
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert errors(r) == [("formula-without-value", DPA, s.cell(f"{S1}/5.1.02.01.01.0052", "Pagu"), S1)]
    assert {f.code for f in r.findings} == {"formula-without-value"}
    assert f"subtotal {S1} ({s.cell(S1, 'Pagu')})" in r.findings[0].message()


def test_root_cause_comes_first_and_the_report_says_where_to_start(tmp_path):
    from lkjip_xl.cli import _report
    clean_office(tmp_path)
    s = budget_sheet("DPA", SUBS)
    s.set(S1, "Pagu", "4.93O.000")
    s.set("7.01.02", "Pagu", 1)                  # a true subtotal mistake elsewhere
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert [f.code for f in r.findings] == ["bad-number", "subtotal-mismatch"]
    text = _report(r, None, "id")
    assert text.rstrip().splitlines()[-1].startswith(f"Mulailah dari {DPA} › DPA sel {s.cell(S1, 'Pagu')}")


# --- the year first ----------------------------------------------------------------------------------

def test_last_years_dpa_left_in_the_folder_is_one_tahun_mismatch(tmp_path):
    clean_office(tmp_path)
    old = {c: v + 1_000_000 for c, v in SUBS.items()}
    dpa(tmp_path, old, name="DPA 2023.xlsx", title="DPA KECAMATAN CONTOH TAHUN ANGGARAN 2023")
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.cell, f.expected, f.actual) for f in r.findings] == [
        ("tahun-mismatch", "error", "DPA 2023.xlsx", None, 2024, 2023)]
    assert "tahun 2023" in r.findings[0].message() and "tidak dipakai" in r.findings[0].message()
    assert r.totals["pagu"] == sum(SUBS.values())          # the 2023 amounts are left out


def test_last_years_dpa_is_found_without_tahun(tmp_path):
    # no --tahun: the year is what the files say; a tie (one DPA each year) goes to the later year
    dpa(tmp_path, SUBS)
    dpa(tmp_path, SUBS, name="DPA 2023.xlsx", title="DPA KECAMATAN CONTOH TAHUN ANGGARAN 2023")
    r = check(tmp_path, tahun=None)
    assert [(f.code, f.file) for f in r.findings] == [("tahun-mismatch", "DPA 2023.xlsx")]
    assert r.tahun == 2024


# --- copies counted once -------------------------------------------------------------------------

ROWS = [{"indikator": "Indeks Kepuasan Masyarakat", "target": 95, "realisasi": 89.5, "capaian": 94.21,
         "predikat": "Baik"},
        {"indikator": "Nilai SAKIP", "target": 70, "realisasi": 70.7, "capaian": 101, "predikat": "Sangat Baik"}]
PROGRAMS = [{"kode": "7.01.01", "program": "Uraian 7.01.01", "indikator": "P1", "target": 100, "realisasi": 100,
             "capaian": 100, "sasaran": "Sasaran A"},
            {"kode": "7.01.02", "program": "Uraian 7.01.02", "indikator": "P2", "target": 100, "realisasi": 90,
             "capaian": 90, "sasaran": "Sasaran A"}]


def _iku_file(tmp, name="IKU 2024.xlsx", rows=ROWS, renstra=None):
    renstra = renstra or {"Indeks Kepuasan Masyarakat": {2024: 95, 2026: 96}, "Nilai SAKIP": {2024: 70, 2026: 72}}
    return iku(tmp, iku_sheet(rows), renstra_sheet(renstra), program_sheet(PROGRAMS), name=name)


def test_an_exact_copy_is_read_once(tmp_path):
    clean_office(tmp_path)
    _iku_file(tmp_path)
    _iku_file(tmp_path, "IKU 2024 - Copy.xlsx")
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file) for f in r.findings] == [("duplicate-file", "warning", "IKU 2024 - Copy.xlsx")]
    assert "IKU 2024.xlsx" in r.findings[0].message()
    assert len(r.performance.ikus) == 2 and len(r.performance.programs) == 2     # not twice


def test_a_copy_with_one_edited_value_is_one_indikator_mismatch(tmp_path):
    clean_office(tmp_path)
    _iku_file(tmp_path)
    edited = {"Indeks Kepuasan Masyarakat": {2024: 95, 2026: 96}, "Nilai SAKIP": {2024: 70, 2026: 75}}
    path = _iku_file(tmp_path, "IKU 2024 - Copy.xlsx", renstra=edited)
    r = check(tmp_path)
    errs = [(f.code, f.file, f.sheet, f.cell, f.expected, f.actual) for f in r.findings]
    assert errs == [("indikator-mismatch", path.name, "Renstra", "F5", 72, 75)]
    msg = r.findings[0].message()
    assert "IKU 2024.xlsx › Renstra F5" in msg and "Yang dipakai nilai dari IKU 2024.xlsx" in msg and "salinan" in msg
    assert len(r.performance.programs) == 2
    assert "the other file is named as a copy" in r.findings[0].message("en")
    assert "budget comparison" not in r.findings[0].message("en")


def test_pk_and_iku_disagreeing_on_a_realisasi(tmp_path):
    clean_office(tmp_path)
    pk = iku_sheet([{**ROWS[0], "realisasi": 89.6, "capaian": 94.32}], name="PK 2024",
                   header=["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target 2024",
                           "Realisasi 2024", "Capaian 2024"])
    big = iku_sheet(ROWS, header=["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis",
                                  "Target 2024", "Realisasi 2024", "Capaian 2024", "Predikat 2024", "Target 2023",
                                  "Realisasi 2023"])
    iku(tmp_path, big, pk)
    r = check(tmp_path)
    assert [(f.code, f.sheet, f.cell, f.expected, f.actual) for f in r.findings] == [
        ("indikator-mismatch", "PK 2024", pk.cell("Indeks Kepuasan Masyarakat", "Realisasi 2024"),
         Decimal("89.5"), Decimal("89.6"))]
    assert f"IKU 2024.xlsx › IKU {big.cell('Indeks Kepuasan Masyarakat', 'Realisasi 2024')}" in r.findings[0].message()


def _pk_with_renstra(tmp, pk_target):
    pk = iku_sheet([{**ROWS[0], "target": pk_target, "capaian": None}], name="PK 2024",
                   header=["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target 2024",
                           "Realisasi 2024", "Capaian 2024"])
    big = iku_sheet(ROWS, header=["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis",
                                  "Target 2024", "Realisasi 2024", "Capaian 2024", "Predikat 2024", "Target 2023",
                                  "Realisasi 2023"])
    renstra = {"Indeks Kepuasan Masyarakat": {2024: 95, 2026: 96}, "Nilai SAKIP": {2024: 70, 2026: 72}}
    iku(tmp, big, renstra_sheet(renstra), pk)
    return pk


def test_pk_target_differing_from_iku_and_renstra_is_one_indikator_mismatch(tmp_path):
    # the PK copies the IKU, which follows the Renstra: one wrong PK target is one finding, at the PK,
    # not also a target-mismatch against the Renstra at the same cell
    clean_office(tmp_path)
    _pk_with_renstra(tmp_path, 95)
    assert check(tmp_path).findings == []
    pk = _pk_with_renstra(tmp_path, 90)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.sheet, f.cell, f.expected, f.actual) for f in r.findings] == [
        ("indikator-mismatch", "error", "PK 2024", pk.cell("Indeks Kepuasan Masyarakat", "Target 2024"), 95, 90)]


# --- examples are not data -----------------------------------------------------------------------

def test_a_row_marked_contoh_is_one_example_row_and_not_read(tmp_path):
    clean_office(tmp_path)
    _, lra = realisasi(tmp_path, 12, SUBS, REAL)
    lra.add(["7.01.09.2.01.0001", "CONTOH — hapus baris ini", 4_930_000, 4_929_950], key="contoh")
    save(tmp_path / "Realisasi 2024-12.xlsx", lra)
    r = check(tmp_path)
    # not a missing-in-dpa, not a total-mismatch against JUMLAH: one finding at the row
    assert [(f.code, f.severity, f.file, f.cell) for f in r.findings] == [
        ("example-row", "error", "Realisasi 2024-12.xlsx", lra.cell("contoh", "Kode"))]
    assert r.totals["realisasi"] == sum(REAL.values())


def _with_template_example_on_top(tmp, mark: bool, name: str | None = None):
    """A filled December LRA (the office's own rows, subtotals and JUMLAH) with the template's example
    realisasi row left on top, right under the header, as the template wrote it: sub kegiatan
    7.01.01.2.01.0001, which the office also has on its own row, with the example's figures."""
    from openpyxl import load_workbook
    from openpyxl.workbook.defined_name import DefinedName

    _, lra = realisasi(tmp, 12, SUBS, REAL)
    lra.lines.insert(0, [S1, "Penyusunan Dokumen Perencanaan Perangkat Daerah", 4_930_000, 4_929_950]
                     + (["CONTOH — hapus baris ini"] if mark else []))
    lra.rows = {k: r + 1 for k, r in lra.rows.items()}
    lra.rows["contoh"] = 4
    path = save(tmp / "Realisasi 2024-12.xlsx", lra)
    if name:
        wb = load_workbook(path)
        wb.defined_names["LKJIP_CONTOH_1"] = DefinedName("LKJIP_CONTOH_1", attr_text=f"'LRA'!$A${lra.rows[name]}:$E${lra.rows[name]}")
        wb.save(path)
    return lra


def test_templates_example_row_left_in_a_filled_realisasi(tmp_path):
    # the mark in an unheaded cell right of the table: one example-row at the row, and not a
    # duplicate of the office's own 7.01.01.2.01.0001, no realisasi-mismatch, no total-mismatch
    dpa(tmp_path, SUBS)
    lra = _with_template_example_on_top(tmp_path, mark=True)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode) for f in r.findings] == [
        ("example-row", "error", "Realisasi 2024-12.xlsx", "LRA", lra.cell("contoh", "Kode"), None)]
    assert r.totals["pagu"] == sum(SUBS.values()) and r.totals["realisasi"] == sum(REAL.values())
    assert r.totals["serapan"] == Decimal("97.55")          # 7.843.149.873 / 8.039.930.000


def test_example_row_whose_mark_was_typed_over_is_known_by_its_hidden_name(tmp_path):
    dpa(tmp_path, SUBS)
    lra = _with_template_example_on_top(tmp_path, mark=False, name="contoh")
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode) for f in r.findings] == [
        ("example-row", "error", "Realisasi 2024-12.xlsx", "LRA", lra.cell("contoh", "Kode"), None)]
    assert r.findings[0].params["variant"] == "name"
    assert r.totals["realisasi"] == sum(REAL.values())
    # without the name the same row is data: the example's figures are a real office's (Kecamatan
    # Blora's), so the content alone never makes a row an example (here: a duplicate of S1)
    _with_template_example_on_top(tmp_path, mark=False)
    assert "example-row" not in {f.code for f in check(tmp_path).findings}


def test_hidden_name_over_the_offices_own_figures_is_data(tmp_path):
    # the officer typed the office's own row over the example (here its uraian differs from the
    # example's): the name left over it does not make it an example
    from openpyxl import load_workbook
    from openpyxl.workbook.defined_name import DefinedName

    clean_office(tmp_path)
    path = tmp_path / "Realisasi 2024-12.xlsx"
    _, lra = realisasi(tmp_path, 12, SUBS, REAL)
    wb = load_workbook(path)
    row = lra.rows[S1]
    wb.defined_names["LKJIP_CONTOH_1"] = DefinedName("LKJIP_CONTOH_1", attr_text=f"'LRA'!$A${row}:$D${row}")
    wb.save(path)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["realisasi"] == sum(REAL.values())


def test_the_templates_example_indicator_left_beside_real_ones(tmp_path):
    clean_office(tmp_path)
    header = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target 2024", "Realisasi 2024",
              "Capaian 2024", "Predikat 2024", "Analisis", "Solusi"]
    s = iku_sheet([{"indikator": "Indeks Kepuasan Masyarakat", "target": 95, "realisasi": 89.5, "capaian": 94.21,
                    "predikat": "Baik"}, ROWS[1]], header=header)
    s.lines[0] += ["Pelayanan telah sesuai dengan SOP", "Meningkatkan kualitas sarana dan prasarana pelayanan"]
    s.lines[1] += ["Capaian sesuai rencana", "Mempertahankan kinerja"]
    iku(tmp_path, s)
    r = check(tmp_path)
    assert [(f.code, f.sheet, f.cell) for f in r.findings] == [("example-row", "IKU", "A4")]
    assert [i.ind.indikator for i in r.performance.ikus] == ["Nilai SAKIP"]
    # alone (the template tried out as it is), the example is read as data
    s.lines.pop(1)
    iku(tmp_path, s)
    assert check(tmp_path).findings == []


# --- every blank capaian says why ---------------------------------------------------------------

def test_negative_indicator_with_target_akhir_zero(tmp_path):
    clean_office(tmp_path)
    header = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target 2024", "Realisasi 2024",
              "Capaian 2024", "Predikat 2024", "Target Akhir 2026"]
    s = iku_sheet([{"indikator": "Angka kemiskinan", "polaritas": "negatif", "target": 10, "realisasi": 9,
                    "capaian": 110, "predikat": "Sangat Baik"}], header=header)
    s.lines[0].append(0)
    iku(tmp_path, s)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.cell, f.actual) for f in r.findings] == [
        ("zero-target", "warning", s.cell("Angka kemiskinan", "Target Akhir 2026"), 0)]
    assert "target akhir bernilai 0" in r.findings[0].message()


def test_blank_realisasi_mid_year_says_not_yet(tmp_path):
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 6, SUBS, {c: v // 2 for c, v in REAL.items()})
    s = iku_sheet([{"indikator": "Indeks Kepuasan Masyarakat", "target": 95}, ROWS[1]])
    iku(tmp_path, s)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.cell) for f in r.findings] == [
        ("zero-target", "info", s.cell("Indeks Kepuasan Masyarakat", "Realisasi 2024"))]
    assert "belum ada realisasi s.d. Juni" in r.findings[0].message()
    assert "no realisasi yet up to June" in r.findings[0].message("en")


# --- cumulative or per month -----------------------------------------------------------------------

def test_monthly_files_of_each_months_own_spending_are_added_up(tmp_path):
    dpa(tmp_path, SUBS)
    shares = {1: 5, 2: 4, 3: 3}                     # per cent of pagu spent in that month alone
    for m, share in shares.items():
        _, lra = realisasi(tmp_path, m, SUBS, {c: v * share // 100 for c, v in SUBS.items()})
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.cell) for f in r.findings] == [
        ("realisasi-ambiguous", "warning", "Realisasi 2024-03.xlsx", lra.cell(list(SUBS)[0], "Realisasi")[0] + "3")]
    assert r.totals["realisasi"] == sum(v * 5 // 100 + v * 4 // 100 + v * 3 // 100 for v in SUBS.values())
    assert "realisasi bulan itu saja" in r.findings[0].message()


def test_a_running_total_is_not_ambiguous(tmp_path):
    dpa(tmp_path, SUBS)
    for m, share in {1: 5, 2: 9, 3: 12}.items():
        realisasi(tmp_path, m, SUBS, {c: v * share // 100 for c, v in SUBS.items()})
    r = check(tmp_path)
    assert r.findings == [] and r.totals["realisasi"] == sum(v * 12 // 100 for v in SUBS.values())


# --- property: one random unreadable amount in a random consistent budget → exactly one error ------

_subs = st.dictionaries(
    st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3)).map(
        lambda t: f"7.01.0{t[0]}.2.0{t[1]}.000{t[2]}"),
    st.integers(0, 9_000_000_000), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subs=_subs, data=st.data())
def test_one_unreadable_amount_is_one_error(subs, data):
    real = {c: data.draw(st.integers(0, v), label=c) for c, v in subs.items()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        clean_office(tmp, subs, real)
        where = data.draw(st.sampled_from(["dpa", "anggaran", "realisasi"]))
        code = data.draw(st.sampled_from(sorted(subs)))
        bad = data.draw(st.sampled_from(["12.3O0", "=1+1", "#DIV/0!", "1.2.3,4"]))
        if where == "dpa":
            s, name, column = budget_sheet("DPA", subs), DPA, "Pagu"
        else:
            s = budget_sheet("LRA", {c: (subs[c], real[c]) for c in real}, ("Anggaran", "Realisasi"),
                             title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
            name, column = "Realisasi 2024-12.xlsx", "Anggaran" if where == "anggaran" else "Realisasi"
        s.set(code, column, bad)
        save(tmp / name, s)
        r = check(tmp)
        errs = errors(r)
        assert len(errs) == 1, [f.to_dict() for f in r.findings]
        assert errs[0][1:] == (name, s.cell(code, column), code)
        assert [f for f in r.findings if f.severity != "error"] == []


def test_workbook_marks_the_incomplete_totals(tmp_path):
    from openpyxl import load_workbook

    from lkjip_xl.pipeline import build
    clean_office(tmp_path)
    s = budget_sheet("DPA", SUBS)
    s.set(S1, "Pagu", "4.93O.000")
    save(tmp_path / DPA, s)
    _, out = build([tmp_path], tahun=2024, output=tmp_path / "hasil" / "x.xlsx")
    wb = load_workbook(out)
    texts = lambda ws: [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    ring = texts(wb["Ringkasan"])
    assert any(t.startswith("BELUM LENGKAP: anggaran") for t in ring)
    assert any(t.startswith(f"Anggaran belum lengkap: nilai sub kegiatan {S1} tidak terbaca") for t in ring)
    assert any(t.startswith(f"Anggaran belum lengkap: nilai sub kegiatan {S1}") for t in texts(wb["Tabel 3.9"]))
    rekon = [r for r in wb["Rekonsiliasi"].iter_rows(values_only=True) if r and r[0] == 1]
    assert rekon[0][2] == "bad-number"


# --- cumulative or per month: the Sisa column and the shape --------------------------------------

def _lra_with_sisa(tmp, month, real, sisa, head="Realisasi"):
    """`Realisasi 2024-MM.xlsx`: Kode | Uraian | Anggaran | <head> | Sisa Anggaran, subtotals and
    JUMLAH true in every column."""
    subs = {c: (SUBS[c], real[c], sisa[c]) for c in real}
    s = budget_sheet("LRA", subs, ("Anggaran", head, "Sisa Anggaran"),
                     title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
    save(tmp / f"Realisasi 2024-{month:02d}.xlsx", s)
    return s


def _findings(r):
    return [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode) for f in r.findings]


def test_sisa_proves_a_plain_realisasi_is_each_months_own(tmp_path):
    # spending that grows month by month: the figures never fall, so the shape alone would read them
    # as a running total (serapan 4 % instead of 9 %); the Sisa column falls by each whole figure
    dpa(tmp_path, SUBS)
    spent = {c: 0 for c in SUBS}
    for m, share in {1: 2, 2: 3, 3: 4}.items():
        month = {c: v * share // 100 for c, v in SUBS.items()}
        spent = {c: spent[c] + month[c] for c in SUBS}
        lra = _lra_with_sisa(tmp_path, m, month, {c: SUBS[c] - spent[c] for c in SUBS})
    r = check(tmp_path)
    head = lra.cell(S1, "Realisasi")[0] + "3"
    assert _findings(r) == [("realisasi-ambiguous", "warning", "Realisasi 2024-03.xlsx", "LRA", head, None)]
    total = sum(v * 2 // 100 + v * 3 // 100 + v * 4 // 100 for v in SUBS.values())
    assert r.totals["realisasi"] == total == sum(spent.values())
    assert r.totals["pagu"] == sum(SUBS.values()) and r.totals["serapan"] == Decimal("9.00")
    assert r.budget.monthly[2][S1] == SUBS[S1] * 2 // 100 + SUBS[S1] * 3 // 100
    msg = r.findings[0].message()
    assert "kolom Sisa-nya berkurang tepat sebesar angka bulan itu pada 4 sub kegiatan" in msg
    assert "dibaca sebagai realisasi bulan itu saja" in msg and "'Realisasi Bulan Ini'" in msg
    assert "each month's own spending" in r.findings[0].message("en")


def test_cumulative_files_whose_sisa_agrees_are_not_ambiguous(tmp_path):
    dpa(tmp_path, SUBS)
    for m, share in {1: 5, 2: 9, 3: 12}.items():
        cum = {c: v * share // 100 for c, v in SUBS.items()}
        _lra_with_sisa(tmp_path, m, cum, {c: SUBS[c] - cum[c] for c in SUBS})
    r = check(tmp_path)
    assert r.findings == []
    assert r.totals["realisasi"] == sum(v * 12 // 100 for v in SUBS.values())
    assert r.totals["serapan"] == Decimal("12.00")


def test_sisa_for_a_running_total_keeps_one_true_fall_one_finding(tmp_path):
    # Sisa says cumulative: a fall in one sub kegiatan is that cell's realisasi-decreased, nothing more
    dpa(tmp_path, SUBS)
    feb = {c: v * 9 // 100 for c, v in SUBS.items()}
    mar = {c: v * 12 // 100 for c, v in SUBS.items()}
    mar[S3] = feb[S3] - 1_000
    _lra_with_sisa(tmp_path, 2, feb, {c: SUBS[c] - feb[c] for c in SUBS})
    lra = _lra_with_sisa(tmp_path, 3, mar, {c: SUBS[c] - mar[c] for c in SUBS})
    r = check(tmp_path)
    assert _findings(r) == [("realisasi-decreased", "warning", "Realisasi 2024-03.xlsx", "LRA",
                             lra.cell(S3, "Realisasi"), S3)]
    assert r.totals["realisasi"] == sum(mar.values())


def test_mixed_shape_cannot_tell_and_is_read_cumulative(tmp_path):
    # two sub kegiatan rise, two fall every month, no Sisa: the data cannot tell. One warning says
    # the contract's default (cumulative) was used; the falls are not four realisasi-decreased
    dpa(tmp_path, SUBS)
    rising, falling = list(SUBS)[:2], list(SUBS)[2:]
    shares = {1: (3, 6), 2: (6, 4), 3: (9, 2)}
    for m, (up, down) in shares.items():
        real = {**{c: SUBS[c] * up // 100 for c in rising}, **{c: SUBS[c] * down // 100 for c in falling}}
        _, lra = realisasi(tmp_path, m, SUBS, real)
    r = check(tmp_path)
    head = lra.cell(S1, "Realisasi")[0] + "3"
    assert _findings(r) == [("realisasi-ambiguous", "warning", "Realisasi 2024-03.xlsx", "LRA", head, None)]
    assert r.findings[0].params["variant"] == "cannot-tell"
    march = {**{c: SUBS[c] * 9 // 100 for c in rising}, **{c: SUBS[c] * 2 // 100 for c in falling}}
    assert r.totals["realisasi"] == sum(march.values())          # the March figures, not a sum of months
    msg = r.findings[0].message()
    assert "turun pada 4 dari 8 perbandingan bulan ke bulan" in msg
    assert "dibaca sebagai realisasi kumulatif (s.d. bulan itu)" in msg.lower()
    assert "cannot tell" in r.findings[0].message("en")


def test_a_single_plain_monthly_file_tells_nothing_and_is_cumulative(tmp_path):
    dpa(tmp_path, SUBS)
    march = {c: v * 12 // 100 for c, v in SUBS.items()}
    realisasi(tmp_path, 3, SUBS, march)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["realisasi"] == sum(march.values()) and r.totals["bulan"] == 3


def test_sisa_that_fits_both_readings_half_and_half_cannot_tell(tmp_path):
    # two sub kegiatan's Sisa follow the running total, two follow each month's own figure
    dpa(tmp_path, SUBS)
    cum_codes = list(SUBS)[:2]
    spent = {c: 0 for c in SUBS}
    for m, share in {1: 3, 2: 4}.items():
        fig = {c: v * share // 100 for c, v in SUBS.items()}
        spent = {c: spent[c] + fig[c] for c in SUBS}
        sisa = {c: SUBS[c] - (fig[c] if c in cum_codes else spent[c]) for c in SUBS}
        _lra_with_sisa(tmp_path, m, fig, sisa)
    r = check(tmp_path)
    assert [(f.code, f.file, f.params.get("variant")) for f in r.findings] == [
        ("realisasi-ambiguous", "Realisasi 2024-02.xlsx", "cannot-tell")]
    assert "cocok dengan realisasi kumulatif pada 2 sub kegiatan dan dengan realisasi bulan itu saja pada 2" in \
        r.findings[0].message()
    assert r.totals["realisasi"] == sum(v * 4 // 100 for v in SUBS.values())


def test_a_header_saying_sd_with_a_sisa_saying_per_month(tmp_path):
    # the header's word is kept (cumulative), and the disagreement is said once at its header
    dpa(tmp_path, SUBS)
    spent = {c: 0 for c in SUBS}
    for m, share in {1: 2, 2: 3, 3: 4}.items():
        month = {c: v * share // 100 for c, v in SUBS.items()}
        spent = {c: spent[c] + month[c] for c in SUBS}
        lra = _lra_with_sisa(tmp_path, m, month, {c: SUBS[c] - spent[c] for c in SUBS}, head="Realisasi s.d. Bulan Ini")
    r = check(tmp_path)
    head = lra.cell(S1, "Realisasi s.d. Bulan Ini")[0] + "3"
    assert _findings(r) == [("realisasi-ambiguous", "warning", "Realisasi 2024-03.xlsx", "LRA", head, None)]
    assert r.findings[0].params["variant"] == "header-disagrees"
    assert r.totals["realisasi"] == sum(v * 4 // 100 for v in SUBS.values())     # March as written
    assert "menyebut kumulatif (s.d.), tetapi kolom Sisa-nya berkurang" in r.findings[0].message()


def test_sisa_on_rekening_lines_proves_per_month(tmp_path):
    # a rekening-level LRA whose sub kegiatan rows leave Sisa blank: the lines' Sisa add up per sub
    subs = {S1: 4_930_000, S3: 25_000_000}
    split = {S1: (1_500_000, 3_430_000), S3: (10_000_000, 15_000_000)}
    accounts = ("5.1.02.01.01.0024", "5.1.02.01.01.0052")
    dpa(tmp_path, subs, rekening={c: list(zip(accounts, split[c])) for c in subs})
    spent = {(c, a): 0 for c in subs for a in accounts}
    for m, share in {1: 10, 2: 20}.items():
        rek = {}
        for c in subs:
            rows = []
            for a, pagu in zip(accounts, split[c]):
                fig = pagu * share // 100
                spent[c, a] += fig
                rows.append((a, (pagu, fig, pagu - spent[c, a])))
            rek[c] = rows
        sums = {c: tuple(sum(x[1][k] for x in rek[c]) for k in range(3)) for c in subs}
        s = budget_sheet("LRA", sums, ("Anggaran", "Realisasi", "Sisa Anggaran"), rekening=rek,
                         title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
        for c in subs:
            s.set(c, "Sisa Anggaran", None)
        save(tmp_path / f"Realisasi 2024-{m:02d}.xlsx", s)
    r = check(tmp_path)
    assert [(f.code, f.file, f.cell) for f in r.findings] == [
        ("realisasi-ambiguous", "Realisasi 2024-02.xlsx", s.cell(S1, "Realisasi")[0] + "3")]
    assert "pada 2 sub kegiatan" in r.findings[0].message()
    assert r.totals["realisasi"] == sum(spent.values()) == (4_930_000 + 25_000_000) * 30 // 100


def _rincian(typed: str | None = None, akun: bool = False):
    """A SIPD-style rincian: each sub kegiatan's rekening lines in Kode, optionally under SIPD's
    account rows (5, 5.1, 5.1.02); `typed` replaces the Gaji line's account as the officer typed it."""
    lines = {"7.01.01.2.01.0001": [("5.1.02.01.01.0052", 2_430_000), ("5.1.02.01.01.0024", 2_500_000)],
             "7.01.01.2.02.0001": [("5.1.01.01.01.0001", 7_000_000_000), ("5.1.01.01.02.0001", 1_000_000_000)],
             "7.01.02.2.01.0001": [("5.1.02.01.01.0026", 25_000_000)],
             "7.01.02.2.02.0001": [("5.2.02.05.01.0005", 10_000_000)]}
    if akun:
        heads = {"7.01.01.2.02.0001": [("5", 8_000_000_000), ("5.1", 8_000_000_000), ("5.1.01", 8_000_000_000)]}
        lines = {s: heads.get(s, []) + ls for s, ls in lines.items()}
    s = budget_sheet("DPA", SUBS, rekening=lines)
    if typed is not None:
        s.set("7.01.01.2.02.0001/5.1.01.01.01.0001", "Kode", typed)
    return s


@pytest.mark.parametrize("akun", [False, True])
def test_unreadable_rekening_code_is_one_finding_and_its_amount_still_counts(tmp_path, akun):
    # the account of one rekening line typed with a letter O: the line still belongs to its sub
    # kegiatan (its own row says which), so the JUMLAH, the sub kegiatan's pagu against the
    # realisasi's Anggaran and SIPD's account rows over it follow from nothing; only its jenis
    # belanja is unknown, and said so
    realisasi(tmp_path, 12, SUBS, REAL)
    save(tmp_path / "DPA 2024.xlsx", _rincian(akun=akun))
    assert check(tmp_path).findings == []
    dpa = _rincian("5.1.O1.01.01.0001", akun=akun)
    save(tmp_path / "DPA 2024.xlsx", dpa)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.cell) for f in r.findings] == [
        ("bad-kode", "error", dpa.cell("7.01.01.2.02.0001/5.1.01.01.01.0001", "Kode"))]
    assert r.totals["pagu"] == sum(SUBS.values()) and r.totals["incomplete"] == []
    assert r.budget.pagu["7.01.01.2.02.0001"] == SUBS["7.01.01.2.02.0001"]
    assert r.budget.jenis["Belanja dengan kode rekening tidak terbaca"] == 7_000_000_000
    assert r.budget.jenis["Belanja Pegawai"] == 1_000_000_000


@pytest.mark.parametrize("layout", ["rincian", "rekap", "sibling"])
def test_unreadable_sub_kegiatan_code_is_one_finding_and_its_lines_stay_its_own(tmp_path, layout):
    # '7.01.01.2.O2.0001' (a letter O) on a sub kegiatan row: its rekening lines are its own, never
    # the sub kegiatan's above it (that would count them twice); the realisasi's 7.01.01.2.02.0001
    # may be that row, so it is not missing-in-dpa; with a readable sibling under the same kegiatan
    # the subtotals above and the JUMLAH miss the row's amount: said by its bad-kode alone, and the
    # pagu is the readable sum, marked incomplete
    subs = dict(SUBS, **({"7.01.01.2.02.0002": 5_000_000} if layout == "sibling" else {}))
    lines = {"7.01.01.2.01.0001": [("5.1.02.01.01.0052", 4_930_000)],
             "7.01.01.2.02.0001": [("5.1.01.01.01.0001", 7_000_000_000), ("5.1.01.01.02.0001", 1_000_000_000)],
             "7.01.01.2.02.0002": [("5.1.02.01.01.0026", 5_000_000)],
             "7.01.02.2.01.0001": [("5.1.02.01.01.0026", 25_000_000)],
             "7.01.02.2.02.0001": [("5.2.02.05.01.0005", 10_000_000)]}
    realisasi(tmp_path, 12, subs, {c: REAL.get(c, 1_000_000) for c in subs})
    dpa = budget_sheet("DPA", subs, rekening=None if layout == "rekap" else lines)
    save(tmp_path / DPA, dpa)
    assert check(tmp_path).findings == []
    dpa.set("7.01.01.2.02.0001", "Kode", "7.01.01.2.O2.0001")
    save(tmp_path / DPA, dpa)
    r = check(tmp_path)
    assert [(f.code, f.cell) for f in r.findings] == [("bad-kode", dpa.cell("7.01.01.2.02.0001", "Kode"))]
    assert r.budget.pagu["7.01.01.2.01.0001"] == 4_930_000          # not 8,004,930,000
    assert r.totals["incomplete"] == ["pagu"]
    readable = sum(subs.values()) - (8_000_000_000 if layout == "sibling" else 0)
    assert r.totals["pagu"] == readable


@pytest.mark.parametrize("code, typed", [("7.01.01.2.02", "7.01.01.2.O2"), ("7.01.01", "7.O1.01")])
@pytest.mark.parametrize("rekening", [True, False])
def test_unreadable_kegiatan_or_program_code_is_one_finding_and_nothing_is_lost(tmp_path, code, typed, rekening):
    # its sub kegiatan carry their own codes: every amount is placed, the totals are exact and whole
    realisasi(tmp_path, 12, SUBS, REAL)
    dpa = _rincian() if rekening else budget_sheet("DPA", SUBS)
    dpa.set(code, "Kode", typed)
    save(tmp_path / DPA, dpa)
    r = check(tmp_path)
    assert [(f.code, f.cell) for f in r.findings] == [("bad-kode", dpa.cell(code, "Kode"))]
    assert r.totals["pagu"] == sum(SUBS.values()) and r.totals["incomplete"] == []
