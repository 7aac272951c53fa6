"""`lkjip-xl template`: the blank input workbooks are written, documented, and read back by the
real reader with the right roles and no error findings."""
from __future__ import annotations

import tomllib
from decimal import Decimal

import openpyxl
import pytest
from builders import clear_visible_marks, officer_fills, template_marks

from lkjip_xl.config import load_settings
from lkjip_xl.read.files import discover
from lkjip_xl.read.sheets import read_inputs
from lkjip_xl.report.template import TEMPLATE_FILES, write_templates
from lkjip_xl.check.validate import validate

TAHUN = 2024


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("template")
    write_templates(d, TAHUN)
    return d


@pytest.fixture(scope="module")
def pipeline(folder):
    inputs = discover([folder])
    settings = load_settings(inputs.config, {})
    reading = read_inputs(inputs, settings)
    return inputs, settings, reading, validate(reading, settings)


def _header_row(ws, row):
    return [c.value for c in ws[row]]


def _validations(ws) -> dict[str, list[str]]:
    """Top-left cell of each list validation → its allowed values."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        values = [v.strip() for v in dv.formula1.strip('"').split(",")]
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0]] = values
    return out


def _show(findings) -> str:
    return "\n".join(f"{f.severity} {f.code} {f.file} › {f.sheet} {f.cell}: {f.message()}" for f in findings)


def test_files_written(tmp_path):
    out = tmp_path / "baru" / "templat"
    paths = write_templates(out)
    assert [p.name for p in paths] == list(TEMPLATE_FILES)
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert all(p.parent == out for p in paths)
    # default year is fixed (not the clock): 2024
    ws = openpyxl.load_workbook(out / "DPA.xlsx")["DPA"]
    assert ws["A3"].value == "TAHUN ANGGARAN 2024"
    assert "tahun = 2024" in (out / "lkjip.toml").read_text(encoding="utf-8")


def test_sheets_and_petunjuk_first(folder):
    expected = {
        "DPA.xlsx": ["Petunjuk", "DPA"],
        "Realisasi.xlsx": ["Petunjuk", "Realisasi", "Realisasi Bulanan"],
        "Anggaran Kas.xlsx": ["Petunjuk", "Anggaran Kas"],
        "IKU.xlsx": ["Petunjuk", "IKU", "Renstra"],
        "Indikator Program.xlsx": ["Petunjuk", "Indikator Program"],
    }
    for name, sheets in expected.items():
        wb = openpyxl.load_workbook(folder / name)
        assert wb.sheetnames == sheets, name
        ws = wb["Petunjuk"]
        assert ws.max_column == 1, f"{name}: Petunjuk must use column A only"
        text = "\n".join(str(c.value) for c in ws["A"] if c.value)
        for must in ("19.422.400.000", "89,50", "7.01.01.2.01.0001", "contoh"):
            assert must in text, (name, must)


def test_dpa_layout(folder):
    ws = openpyxl.load_workbook(folder / "DPA.xlsx")["DPA"]
    assert [ws.cell(r, 1).value for r in (1, 2, 3, 4)] == [
        "DOKUMEN PELAKSANAAN ANGGARAN", "<NAMA INSTANSI>", "TAHUN ANGGARAN 2024", None]
    assert _header_row(ws, 5) == ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Satuan",
                                  "Kode Rekening", "Nama Rekening", "Anggaran 2024", "Anggaran 2025", "Keterangan"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6, max_row=10)]
    assert [r[0] for r in rows] == ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", None, None]
    assert rows[3][5] == "5.1.02.01.01.0024"
    assert rows[4][1] == "JUMLAH"
    assert {r[7] for r in rows} == {4930000}
    # every example row says so in its Keterangan cell, in red on the row's pale yellow
    assert [r[9] for r in rows] == ["CONTOH — hapus baris ini"] * 5
    assert ws["J6"].font.color.rgb.endswith("C00000") and ws["J6"].font.b
    assert ws["A6"].fill.fgColor.rgb.endswith("FFF2CC") and ws["H8"].fill.fgColor.rgb.endswith("FFF2CC")
    assert ws["H6"].number_format == "#,##0"
    assert ws.freeze_panes == "A6"
    head = ws["A5"]
    assert head.font.b and head.border.left.style == "thin" and head.fill.fgColor.rgb.endswith("D9D9D9")


def test_realisasi_layout_and_bulan_list(folder):
    wb = openpyxl.load_workbook(folder / "Realisasi.xlsx")
    ws = wb["Realisasi"]
    assert ws["A3"].value == "s.d. Bulan Desember 2024"
    assert _header_row(ws, 5) == ["Kode", "Uraian", "Anggaran", "Realisasi Bulan Ini", "Realisasi s.d. Bulan Ini",
                                  "Keterangan"]
    assert ws["A6"].value == "7.01.01.2.01.0001" and ws["F6"].value == "CONTOH — hapus baris ini"
    ws = wb["Realisasi Bulanan"]
    assert _header_row(ws, 5) == ["Bulan", "Kode", "Uraian", "Realisasi Bulan Ini", "Keterangan"]
    assert ws["E6"].value == "CONTOH — hapus baris ini"
    assert _validations(ws)["A6"] == ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                      "September", "Oktober", "November", "Desember"]
    assert ws.freeze_panes == "A6"


def test_iku_layout_and_lists(folder):
    wb = openpyxl.load_workbook(folder / "IKU.xlsx")
    ws = wb["IKU"]
    top, sub = _header_row(ws, 5), _header_row(ws, 6)
    assert top[:6] == ["No", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis"]
    assert [top[6], top[9], top[12]] == ["2022", "2023", "2024"]
    assert sub[6:15] == ["Target", "Realisasi", "Capaian %"] * 3
    assert top[15:] == ["Kategori 2024", "Target Akhir 2026", "Sumber Data", "Analisis", "Solusi", "Keterangan"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A5:A6", "F5:F6", "G5:I5", "M5:O5", "P5:P6", "T5:T6", "U5:U6"} <= merged
    assert ws.freeze_panes == "A7"
    row = [c.value for c in ws[7]]
    assert row[2] == "Indeks Kepuasan Masyarakat"
    assert row[12:16] == [95, 89.5, 94.21, "Baik"]
    assert row[20] == "CONTOH — hapus baris ini"
    assert isinstance(row[13], float)          # a number, not the text "89,5"
    lists = _validations(ws)
    assert lists["E7"] == ["positif", "negatif"]
    assert lists["F7"] == ["nilai akhir", "kumulatif"]
    assert lists["P7"] == ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]

    ws = wb["Renstra"]
    assert _header_row(ws, 5)[:6] == ["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Satuan",
                                      "Target Kinerja pada Tahun"]
    assert _header_row(ws, 6)[5:10] == ["2022", "2023", "2024", "2025", "2026"]
    assert _header_row(ws, 5)[10] == "Keterangan" and ws["K7"].value == "CONTOH — hapus baris ini"
    assert "F5:J5" in {str(m) for m in ws.merged_cells.ranges}


def test_indikator_program_layout(folder):
    ws = openpyxl.load_workbook(folder / "Indikator Program.xlsx")["Indikator Program"]
    assert _header_row(ws, 5) == ["No", "Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan",
                                  "Target", "Realisasi", "Capaian %", "Keterangan"]
    assert ws["C6"].value == "7.01.01" and ws["J6"].value == "CONTOH — hapus baris ini"


def test_toml_is_valid_config(folder):
    text = (folder / "lkjip.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["tahun"] == TAHUN
    assert data["predikat"] == "default" and data["negative_formula"] == "2T-R"
    assert data["efisiensi"] == "difference"
    assert data["menunjang_min_capaian"] == 85 and data["tolerance"] == 0.01
    assert data["aliases"]["dpa"]["pagu"] == ["Nilai DPA Murni"]
    assert data["roles"] == {"Lembar Saya": "dpa"}
    for alt in ("permendagri86", "T/R", "bands"):
        assert alt in text
    settings = load_settings(folder / "lkjip.toml", {})
    assert settings.tahun == TAHUN and settings.predikat.name == "default"


def test_reader_detects_roles(pipeline):
    inputs, settings, reading, v = pipeline
    assert inputs.config is not None and inputs.config.name == "lkjip.toml"
    roles = {(s.file, s.name): s.role for s in reading.sheets}
    assert roles == {
        ("DPA.xlsx", "Petunjuk"): None,
        ("DPA.xlsx", "DPA"): "dpa",
        ("Realisasi.xlsx", "Petunjuk"): None,
        ("Realisasi.xlsx", "Realisasi"): "realisasi",
        ("Realisasi.xlsx", "Realisasi Bulanan"): "realisasi",
        ("Anggaran Kas.xlsx", "Petunjuk"): None,
        ("Anggaran Kas.xlsx", "Anggaran Kas"): "anggaran_kas",
        ("IKU.xlsx", "Petunjuk"): None,
        ("IKU.xlsx", "IKU"): "indikator",
        ("IKU.xlsx", "Renstra"): "indikator",
        ("Indikator Program.xlsx", "Petunjuk"): None,
        ("Indikator Program.xlsx", "Indikator Program"): "indikator_program",
    }
    by_name = {(s.file, s.name): s for s in reading.sheets}
    assert by_name[("Realisasi.xlsx", "Realisasi")].month == 12
    assert "bulan" in by_name[("Realisasi.xlsx", "Realisasi Bulanan")].cols
    assert reading.tahun == TAHUN


# Reader problems found while writing the templates (reported to the lead, reader not edited).
# Each is recognised precisely, so these tests pass by themselves once the reader is fixed.
BUG_BULAN_INI = ("validate/schemas: a long realisasi sheet with only 'Realisasi Bulan Ini' gets "
                 "missing-column, because schemas/realisasi.yaml requires 'realisasi'")
BUG_REKENING = ("validate._budget: blank 'Kode Rekening' cells become NaN (pandas 3 str dtype), so program/"
                "kegiatan/sub rows are classified as rekening lines; reconcile then fails on a float")


def _known_bug(f) -> bool:
    return ((f.code == "missing-column" and f.sheet == "Realisasi Bulanan")
            or (f.code == "row-without-kode" and f.sheet == "DPA"))


def test_no_error_findings(pipeline):
    *_, v = pipeline
    errors = [f for f in v.findings if f.severity == "error"]
    unexpected = [f for f in errors if not _known_bug(f)]
    assert not unexpected, _show(errors)
    if errors:
        pytest.xfail(BUG_BULAN_INI + "\n" + _show(errors))


def test_templates_read_without_any_finding(pipeline):
    *_, v = pipeline
    # the Petunjuk sheets are instructions: not data, and not worth an info line each
    noise = [f for f in v.findings if not _known_bug(f)]
    assert not noise, _show(noise)
    if any(_known_bug(f) for f in v.findings):
        pytest.xfail(BUG_BULAN_INI + "; " + BUG_REKENING)


def test_example_iku_reads_back(pipeline):
    *_, v = pipeline
    iku = next(s for s in v.indicators if s.sheet.name == "IKU")
    renstra = next(s for s in v.indicators if s.sheet.name == "Renstra")
    assert not iku.renstra and renstra.renstra
    (ind,) = iku.rows
    assert ind.indikator == "Indeks Kepuasan Masyarakat"
    assert not ind.negative and not ind.kumulatif
    year = ind.years[TAHUN]
    assert year["target"].value == Decimal(95)
    assert year["realisasi"].value == Decimal("89.5")
    assert year["capaian"].value == Decimal("94.21")
    assert year["kategori"].text == "Baik"
    assert sorted(ind.years) == [TAHUN - 2, TAHUN - 1, TAHUN]
    assert ind.target_akhir.value == 95 and ind.target_akhir_year == TAHUN + 2
    (plan,) = renstra.rows
    assert sorted(plan.years) == list(range(TAHUN - 2, TAHUN + 3))
    (prog,) = next(s for s in v.programs if s.sheet.name == "Indikator Program").rows
    assert prog.kode == "7.01.01" and prog.capaian.value == 100


def test_full_pipeline_is_clean(pipeline):
    """Reconcile and evaluate the example: amounts agree, capaian and kategori are right."""
    from lkjip_xl.check.indicators import evaluate
    from lkjip_xl.check.reconcile import reconcile_budget

    *_, settings, _, v = pipeline
    if any(_known_bug(f) for f in v.findings):
        pytest.xfail(BUG_REKENING + "; " + BUG_BULAN_INI)
    budget, found, _ = reconcile_budget(v)
    perf, more = evaluate(v, budget, settings)
    noise = [f for f in v.findings + found + more if f.code != "no-role"]
    assert not noise, _show(noise)
    sub = "7.01.01.2.01.0001"
    assert budget.pagu == {sub: 4930000} and budget.pagu_next == {sub: 4730000}
    assert budget.realisasi == {sub: 4929950} and budget.latest_month == 12
    assert budget.monthly[1] == {sub: 450000}
    (sasaran,) = perf.sasaran
    assert sasaran.capaian == Decimal("94.21") and sasaran.programs == ["7.01.01"]
    assert perf.counts["Baik"] == 1


@pytest.mark.parametrize("tahun", [2024, 2031])
def test_other_year_reads_back(tmp_path, tahun):
    write_templates(tmp_path, tahun)
    inputs = discover([tmp_path])
    settings = load_settings(inputs.config, {})
    v = validate(read_inputs(inputs, settings), settings)
    ind = next(s for s in v.indicators if s.sheet.name == "IKU").rows[0]
    assert ind.years[tahun]["capaian"].value == Decimal("94.21")
    dpa = next(b for b in v.budgets if b.sheet.name == "DPA")
    assert dpa.sheet.years[f"pagu@{tahun}"] == tahun and dpa.sheet.years[f"pagu@{tahun + 1}"] == tahun + 1
    assert "pagu_next" in dpa.amounts


def test_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    first = write_templates(a, TAHUN)
    second = write_templates(b, TAHUN)
    for p, q in zip(first, second):
        assert p.name == q.name
        assert p.read_bytes() == q.read_bytes(), p.name


def test_never_overwrites_an_office_s_files(tmp_path):
    (tmp_path / "DPA.xlsx").write_bytes(b"isian kantor")
    with pytest.raises(FileExistsError):
        write_templates(tmp_path, TAHUN)
    assert (tmp_path / "DPA.xlsx").read_bytes() == b"isian kantor"
    assert not (tmp_path / "IKU.xlsx").exists()


def test_cli_refuses_to_overwrite(tmp_path, capsys):
    from lkjip_xl.cli import main

    (tmp_path / "lkjip.toml").write_text("tahun = 2024\n", encoding="utf-8")
    assert main(["template", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "lkjip.toml" in err and "tertimpa" in err and "Traceback" not in err


def test_anggaran_kas_example_adds_up_to_the_pagu(tmp_path):
    # the folder as an officer leaves it after deleting the example rows and typing the office's own
    # (the same figures: the example is Kecamatan Blora's 2024): a clean run, exact figures
    from lkjip_xl.pipeline import check

    write_templates(tmp_path, TAHUN)
    officer_fills(tmp_path)
    r = check([tmp_path])
    assert [f.code for f in r.findings if f.code != "no-role"] == []
    sub = "7.01.01.2.01.0001"
    assert r.rfk.bulan == 12 and r.rfk.total.rencana == 4_930_000
    assert next(x for x in r.rfk.lines if x.kode == sub).rencana == 4_930_000
    assert r.totals["pagu"] == 4_930_000 and r.totals["realisasi"] == 4_929_950
    assert r.totals["serapan"] == Decimal("100.00") and r.totals["bulan"] == 12
    assert r.budget.monthly[1] == {sub: 450_000}
    assert [(i.ind.indikator, i.ind.years[TAHUN]["capaian"].value) for i in r.performance.ikus] == [
        ("Indeks Kepuasan Masyarakat", Decimal("94.21"))]


def test_fresh_template_folder_as_is_is_only_its_example_rows(tmp_path):
    """Run as it is written, the template folder is one example-row per example row, at the row's first
    cell, and nothing that follows from leaving them out: no subtotal or total of the DPA's JUMLAH,
    no missing-in-dpa or missing-realisasi, no kas-mismatch, no no-month for the emptied monthly
    sheet. The example's figures enter no total."""
    from lkjip_xl.pipeline import check

    write_templates(tmp_path, TAHUN)
    marks = template_marks(tmp_path)
    assert len(marks) == 11 and ("DPA.xlsx", "DPA", "A10") in marks      # the DPA's JUMLAH is part of it
    r = check([tmp_path])
    got = [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode) for f in r.findings]
    assert sorted(got) == sorted(("example-row", "error", *m, None) for m in marks)
    assert r.totals["pagu"] == 0 and r.totals["realisasi"] == 0 and r.totals["serapan"] is None
    assert r.budget.pagu == {} and r.budget.realisasi == {} and r.performance.ikus == []
    assert "Bila baris ini sudah berisi data Anda sendiri" in r.findings[0].message()


def test_example_rows_whose_mark_was_typed_over(tmp_path):
    # the visible CONTOH typed over, the example's figures left: the hidden name still tells, once per row
    from lkjip_xl.pipeline import check

    write_templates(tmp_path, TAHUN)
    marks = template_marks(tmp_path)
    clear_visible_marks(tmp_path)
    r = check([tmp_path])
    assert sorted((f.code, f.file, f.sheet, f.cell) for f in r.findings) == sorted(("example-row", *m) for m in marks)
    assert all(f.params.get("variant") == "name" for f in r.findings)
    assert "nama terdefinisi LKJIP_CONTOH_" in r.findings[0].message() and "defined name LKJIP_CONTOH_" in r.findings[0].message("en")
    assert r.totals["pagu"] == 0 and r.totals["realisasi"] == 0
