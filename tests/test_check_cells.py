"""Structure and cell-content findings: each code from one input that must raise it, and a near
miss that must not."""
import zipfile

from builders import SUBS, Sheet, budget_sheet, check, dpa, found, one, save, where

from lkjip_xl.cli import main

DPA = "DPA 2024.xlsx"
P1, S1 = "7.01.01", "7.01.01.2.01.0001"


# unreadable-file: an exception the CLI turns into exit 2 -----------------------------------------

def test_unreadable_file_exits_2_with_a_message(tmp_path, capsys):
    dpa(tmp_path, SUBS)
    (tmp_path / "Realisasi 2024-12.xlsx").write_bytes(b"PK\x03\x04 this is not a workbook")
    assert main(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "Realisasi 2024-12.xlsx" in err and "rusak" in err
    assert "Traceback" not in err + out and out == ""


def test_readable_inputs_do_not_exit_2(tmp_path, capsys):
    dpa(tmp_path, SUBS)
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""


# missing-column / no-role -----------------------------------------------------------------------

def test_missing_column(tmp_path):
    dpa(tmp_path, SUBS)
    s = Sheet("LRA", ["Kode", "Uraian", "Anggaran"], title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
    s.add([S1, "Sub", 4_930_000], key=S1)
    save(tmp_path / "Realisasi 2024-12.xlsx", s)
    f = one(check(tmp_path), "missing-column")
    assert where(f) == ("missing-column", "error", "Realisasi 2024-12.xlsx", "LRA", None, None, None, None)
    assert "Realisasi" in f.message()


def test_column_under_an_alias_is_not_missing(tmp_path):
    s = budget_sheet("DPA", SUBS, ("Jumlah Anggaran",), uraian="Nomenklatur")
    save(tmp_path / DPA, s)
    r = check(tmp_path)
    assert r.findings == [] and r.totals["pagu"] == sum(SUBS.values())


def test_no_role(tmp_path):
    dpa(tmp_path, SUBS)
    notes = Sheet("Catatan", ["Tanggal", "Catatan"])
    notes.add(["1 Januari", "rapat"])
    save(tmp_path / "Lain-lain.xlsx", notes)
    f = one(check(tmp_path), "no-role")
    assert where(f) == ("no-role", "info", "Lain-lain.xlsx", "Catatan", None, None, None, None)


def test_sheet_with_a_neutral_name_gets_its_role_from_the_header(tmp_path):
    save(tmp_path / "Data.xlsx", budget_sheet("Sheet1", SUBS))
    r = check(tmp_path)
    assert r.findings == [] and r.totals["pagu"] == sum(SUBS.values())


# bad-number / bad-kode / negative-amount / formula-without-value --------------------------------

def test_bad_number(tmp_path):
    s = budget_sheet("DPA", SUBS, jumlah=False)
    s.set(S1, "Pagu", "4.930,000,00")
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "bad-number")
    assert where(f)[:5] == ("bad-number", "error", DPA, "DPA", s.cell(S1, "Pagu"))
    assert f.actual == "4.930,000,00" and "4.930,000,00" in f.message()


def test_office_number_text_is_not_bad(tmp_path):
    s = budget_sheet("DPA", SUBS)
    s.set(S1, "Pagu", "Rp. 4.930.000,-")
    s.set(P1, "Pagu", "8,004,930,000")
    save(tmp_path / DPA, s)
    assert check(tmp_path).findings == []


def test_bad_kode(tmp_path):
    s = budget_sheet("DPA", SUBS, jumlah=False)
    s.set(S1, "Kode", "7.01.01.2.O1.0001")     # letter O for zero
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "bad-kode")
    assert where(f)[:6] == ("bad-kode", "error", DPA, "DPA", s.cell(S1, "Kode"), None)
    assert "7.01.01.2.O1.0001" in f.message()


def test_kode_with_spaces_and_line_breaks_is_not_bad(tmp_path):
    s = budget_sheet("DPA", SUBS)
    s.set(S1, "Kode", " 7.01.01.2.\n01.0001 ")
    save(tmp_path / DPA, s)
    assert check(tmp_path).findings == []


def _subs_only(subs) -> Sheet:
    s = Sheet("DPA", ["Kode", "Uraian", "Pagu"])
    for code, v in subs.items():
        s.add([code, "Sub", v], key=code)
    return s


def test_negative_amount(tmp_path):
    s = _subs_only({**SUBS, S1: -5})
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "negative-amount")
    assert where(f)[:6] == ("negative-amount", "error", DPA, "DPA", s.cell(S1, "Pagu"), S1)
    assert f.actual == -5


def test_zero_amount_is_not_negative(tmp_path):
    save(tmp_path / DPA, _subs_only({**SUBS, S1: 0}))
    assert check(tmp_path).findings == []


def _cache_values(path, values: dict[str, int]):
    """openpyxl writes formulas without a saved result; add one, as Excel does on saving."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, v in values.items():
        start = xml.index(f'<c r="{ref}"')
        end = xml.index("</c>", start)
        xml = xml[:end] + f"<v>{v}</v>" + xml[end:]
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_formula_without_value(tmp_path):
    s = budget_sheet("DPA", SUBS)
    s.set("JUMLAH", "Pagu", f"=SUM(C{s.rows[S1]}:C{s.rows['JUMLAH'] - 1})")
    save(tmp_path / DPA, s)
    f = one(check(tmp_path), "formula-without-value")
    assert where(f)[:5] == ("formula-without-value", "error", DPA, "DPA", s.cell("JUMLAH", "Pagu"))
    assert "SUM(" in f.message()
    assert found(check(tmp_path), "total-mismatch") == []        # an unknown value is not a wrong one


def test_formula_with_its_saved_value_is_used(tmp_path):
    s = budget_sheet("DPA", SUBS)
    s.set("JUMLAH", "Pagu", "=SUM(C4:C15)")
    for saved, codes in ((sum(SUBS.values()), []), (1, ["total-mismatch"])):
        path = save(tmp_path / DPA, s)
        _cache_values(path, {s.cell("JUMLAH", "Pagu"): saved})
        assert [f.code for f in check(tmp_path).findings] == codes


def test_dpa_without_a_kode_column_is_unusable(tmp_path, capsys):
    from lkjip_xl.cli import main

    s = Sheet("DPA", ["Nomor", "Uraian", "Pagu"], title="DPA KECAMATAN CONTOH TAHUN 2024")
    s.add([1, "Penyusunan Dokumen", 4_930_000])
    save(tmp_path / "DPA 2024.xlsx", s)
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "DPA" in err and "Kode" in err and "Traceback" not in err


def test_a_second_dpa_sheet_without_kode_is_a_missing_column_finding(tmp_path):
    dpa(tmp_path, SUBS)
    s = Sheet("DPA Rekap", ["Nomor", "Uraian", "Pagu"])
    s.add([1, "Penyusunan Dokumen", 4_930_000])
    save(tmp_path / "Rekap.xlsx", s)
    f = one(check(tmp_path), "missing-column")
    assert (f.severity, f.file, f.sheet, f.params["column"]) == ("error", "Rekap.xlsx", "DPA Rekap", "Kode")
