"""A SIPD DPA that gives codes but no names of program, kegiatan and sub kegiatan: the report names them
from the other documents for the same codes — the DPA's own names first, then the realisasi (latest
month first), the Renja, the anggaran kas — and never shows a bare code where any input has the name."""
import openpyxl
from builders import SUBS, Sheet, budget_sheet, check, realisasi, renja, save

from lkjip_xl.pipeline import build

S1, S2 = "7.01.01.2.01.0001", "7.01.01.2.02.0001"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def codes_only_dpa(tmp, named: dict | None = None):
    """Each line a rekening under its sub kegiatan's code; 'Uraian' names the rekening only, and
    'Nama Sub Kegiatan' is filled only for the subs in `named`."""
    s = Sheet("DPA", ["Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Nama Sub Kegiatan", "Pagu"],
              title="DPA KECAMATAN CONTOH TAHUN 2024")
    for c, v in SUBS.items():
        s.add([c, "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", (named or {}).get(c), v])
    return save(tmp / "DPA 2024.xlsx", s)


def _named(sheet: Sheet, prefix: str) -> Sheet:
    for i, line in enumerate(sheet.lines):
        if line[0]:
            line[1] = f"{prefix} {line[0]}"
    return sheet


def test_names_from_the_renja(tmp_path):
    codes_only_dpa(tmp_path)
    renja(tmp_path, SUBS)
    result = check(tmp_path)
    assert result.budget.names["7.01.01"] == "Uraian 7.01.01"
    assert result.budget.names[S1] == "Uraian 7.01.01.2.01.0001"
    out = tmp_path / "hasil.xlsx"
    build([tmp_path], output=out, tahun=2024, docx=False)
    ws = openpyxl.load_workbook(out, data_only=True)["Tabel 3.9"]
    column = [c.value for c in ws["B"] if isinstance(c.value, str)]
    assert "Uraian 7.01.01, dengan kegiatan:" in column and "a. Uraian 7.01.01.2.01.0001" in column
    assert not any(v.startswith("7.01") for v in column)       # no bare code where a name is known


def test_names_from_the_anggaran_kas(tmp_path):
    codes_only_dpa(tmp_path)
    plan = {c: (*[v // 12] * 11, v - 11 * (v // 12), v) for c, v in SUBS.items()}
    save(tmp_path / "Anggaran Kas 2024.xlsx",
         _named(budget_sheet("Anggaran Kas", plan, (*MONTHS, "Jumlah"), title="ANGGARAN KAS TAHUN 2024"), "Kas"))
    result = check(tmp_path)
    assert (result.budget.names["7.01.02"], result.budget.names[S2]) == ("Kas 7.01.02", "Kas 7.01.01.2.02.0001")
    assert not [f for f in result.findings if f.severity == "error"], [f.to_dict() for f in result.findings]


def test_dpa_names_first_then_realisasi_then_renja(tmp_path):
    codes_only_dpa(tmp_path, named={S1: "Penyediaan ATK (DPA)"})
    _, lra = realisasi(tmp_path, 12, SUBS, {c: v // 2 for c, v in SUBS.items()})
    save(tmp_path / "Realisasi 2024-12.xlsx", _named(lra, "LRA"))
    renja(tmp_path, SUBS)
    names = check(tmp_path).budget.names
    assert names[S1] == "Penyediaan ATK (DPA)"                 # the DPA's own name
    assert names[S2] == "LRA 7.01.01.2.02.0001"                # then the realisasi, before the Renja
    assert names["7.01.01"] == "LRA 7.01.01"
    again = check(tmp_path).budget.names                       # deterministic: same inputs, same names
    assert list(again.items()) == list(names.items())


def test_a_name_compared_says_where_it_is_written(tmp_path):
    """The Indikator Program's name compared with a name the Renja gave (the DPA has none) names the Renja."""
    from builders import iku, iku_sheet, program_sheet

    codes_only_dpa(tmp_path)
    renja(tmp_path, SUBS)
    iku(tmp_path, iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90}]),
        program_sheet([{"kode": "7.01.01", "program": "Program Lain", "indikator": "P", "target": 100, "realisasi": 100,
                        "sasaran": "Sasaran A"}]))
    f = next(f for f in check(tmp_path).findings if f.code == "uraian-mismatch" and f.sheet == "Indikator Program")
    assert f.params["other"] == "Renja 2024.xlsx › Renja" and f.expected == "Uraian 7.01.01"


def test_kas_names_reach_tabel_3_8(tmp_path):
    from builders import iku, iku_sheet, program_sheet

    codes_only_dpa(tmp_path)
    plan = {c: (*[v // 12] * 11, v - 11 * (v // 12), v) for c, v in SUBS.items()}
    save(tmp_path / "Anggaran Kas 2024.xlsx",
         _named(budget_sheet("Anggaran Kas", plan, (*MONTHS, "Jumlah"), title="ANGGARAN KAS TAHUN 2024"), "Kas"))
    iku(tmp_path, iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90}]),
        program_sheet([{"kode": "7.01.02", "indikator": "P", "target": 100, "realisasi": 100, "sasaran": "Sasaran A"}]))
    result = check(tmp_path)
    assert [link.program for link in result.performance.programs] == ["Kas 7.01.02"]
