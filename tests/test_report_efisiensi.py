"""Tabel 3.7 when nothing links programs to sasaran: with several sasaran the office's budget is shown
once (never repeated as if each sasaran had it), with a footnote, the same in the Word table and the
Narasi, and an info finding that says which sheet and columns to add."""
from decimal import Decimal as D

import openpyxl
import pytest
from builders import REAL, SUBS, check, clean_office, iku, iku_sheet, one, program_sheet
from docx import Document
from docx.oxml.ns import qn

from lkjip_xl.pipeline import build

PAGU = sum(SUBS.values())            # 8.039.930.000: the whole office
SPENT = sum(REAL.values())           # 7.843.149.873
TWO = [{"sasaran": "Meningkatnya Kepuasan Masyarakat", "indikator": "IKM", "target": 95, "realisasi": 89.5},
       {"sasaran": "Terwujudnya birokrasi yang akuntabel", "indikator": "Nilai SAKIP", "target": 75, "realisasi": 75.75}]


def _office(tmp, rows, *extra):
    clean_office(tmp)
    iku(tmp, iku_sheet(rows), *extra)
    return tmp


def _body(ws):
    return [[c.value for c in r] for r in ws.iter_rows() if isinstance(r[0].value, int)]


@pytest.fixture(scope="module")
def two_sasaran(tmp_path_factory):
    folder = _office(tmp_path_factory.mktemp("two"), TWO)
    out = folder / "out.xlsx"
    result, _ = build([folder], output=out, tahun=2024)
    return result, out


def test_budget_shown_once_for_all_sasaran(two_sasaran):
    _, out = two_sasaran
    ws = openpyxl.load_workbook(out, data_only=True)["Tabel 3.7"]
    first, second = _body(ws)
    # capaian 94,21 and 101; serapan 7.843.149.873 / 8.039.930.000 = 97,55; efisiensi 97,61 − 97,55
    assert first[1:10] == ["Meningkatnya Kepuasan Masyarakat", 95, 89.5, 94.21, PAGU, SPENT, 97.55, 0.06, "Sangat Efisien"]
    assert second[1:5] == ["Terwujudnya birokrasi yang akuntabel", 75, 75.75, 101]
    assert second[5:10] == [None] * 5                      # not the office's budget a second time
    merged = {str(m) for m in ws.merged_cells.ranges}
    r = next(c.row for c in ws["B"] if c.value == "Meningkatnya Kepuasan Masyarakat")
    assert {f"F{r}:F{r + 1}", f"G{r}:G{r + 1}", f"H{r}:H{r + 1}", f"I{r}:I{r + 1}"} <= merged
    f = openpyxl.load_workbook(out)["Tabel 3.7"]
    total_row = next(c.row for c in openpyxl.load_workbook(out)["Tabel 3.9"]["B"] if c.value == "JUMLAH")
    assert f[f"F{r}"].value == f"=SUM('Tabel 3.9'!C{total_row})"
    assert f[f"I{r}"].value == f"=ROUND(ROUND(AVERAGE(E{r},E{r + 1}),2)-H{r},2)"
    notes = " ".join(str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str))
    assert "Program pendukung tiap sasaran tidak diketahui" in notes
    assert ("Anggaran dan realisasi s.d. bulan Desember = jumlah seluruh program instansi (JUMLAH Tabel 3.9), "
            "sekali untuk 2 sasaran, bukan anggaran tiap sasaran.") in notes
    assert "jumlah program yang mendukung sasaran (lihat Tabel 3.8)" not in notes


def test_the_office_figures_are_exact(two_sasaran):
    result, _ = two_sasaran
    office = result.performance.office
    assert (office.pagu, office.realisasi) == (PAGU, SPENT) and isinstance(office.pagu, int)
    assert (office.capaian, office.serapan, office.efisiensi) == (D("97.61"), D("97.55"), D("0.06"))
    assert all(s.efisiensi is None and not s.programs for s in result.performance.sasaran)


def test_info_finding_says_what_to_add(two_sasaran):
    result, _ = two_sasaran
    f = one(result, "sasaran-programs-unknown")
    assert (f.severity, f.file, f.sheet) == ("info", "IKU 2024.xlsx", "IKU")
    assert "tambahkan lembar 'Indikator Program' dengan kolom Kode (kode program), Program" in f.message()
    assert "add an 'Indikator Program' sheet with the columns Kode (programme code)" in f.message("en")


def test_word_table_and_narasi(two_sasaran):
    result, out = two_sasaran
    doc = Document(str(out.with_suffix(".docx")))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))]
    i = texts.index("Tabel 3.7")
    tbl = next(el for el in doc.element.body.iter(qn("w:tbl"))
               if "Meningkatnya Kepuasan Masyarakat" in "".join(t.text or "" for t in el.iter(qn("w:t")))
               and "Tingkat Efisiensi" in "".join(t.text or "" for t in el.iter(qn("w:t"))))
    cells = "".join(t.text or "" for t in tbl.iter(qn("w:t")))
    assert cells.count("8.039.930.000") == 1 and cells.count("7.843.149.873") == 1
    assert any(t.startswith("Program pendukung tiap sasaran tidak diketahui") for t in texts[i:])
    narasi = " ".join(texts)
    assert ("efisiensi dihitung untuk Kecamatan Contoh secara keseluruhan: rata-rata capaian kinerja 2 sasaran 97,61% "
            "dan serapan seluruh anggaran 97,55% (Rp7.843.149.873,00 dari Rp8.039.930.000,00), sehingga tingkat "
            "efisiensinya 0,06 dan termasuk kategori Sangat Efisien.") in narasi
    assert "Pada sasaran \"Meningkatnya Kepuasan Masyarakat\", capaian kinerja" not in narasi


def test_one_sasaran_keeps_the_whole_budget(tmp_path):
    """With a single sasaran every program supports it: its own row, no finding."""
    result = check(_office(tmp_path, [TWO[0], {**TWO[1], "sasaran": TWO[0]["sasaran"]}]))
    (s,) = result.performance.sasaran
    assert (s.pagu, s.realisasi, s.serapan) == (PAGU, SPENT, D("97.55")) and result.performance.office is None
    assert not [f for f in result.findings if f.code == "sasaran-programs-unknown"]


def test_program_sheet_linking_nothing(tmp_path):
    prog = program_sheet([{"kode": "7.01.01", "program": "Uraian 7.01.01", "indikator": "P", "target": 100,
                           "realisasi": 100}])          # no Sasaran: links nothing
    result = check(_office(tmp_path, TWO, prog))
    f = one(result, "sasaran-programs-unknown")
    assert f.params["variant"] == "unlinked"
    assert "isi kolom Kode (kode program) dan Sasaran" in f.message()
    assert result.performance.office.pagu == PAGU


# Narasi: the year-on-year sentence reads the polarity ------------------------------------------------

def _narasi(folder) -> str:
    from lkjip_xl.report.narasi import paragraphs
    from lkjip_xl.report.tables import Context

    r = check(folder)
    return " ".join(paragraphs(Context(r.settings, r.budget, r.performance, r.findings, r.tahun, r.instansi, None)))


def test_a_rise_of_a_negative_indicator_is_a_worsening(tmp_path):
    from builders import Sheet, save

    s = Sheet("IKU", ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target 2023", "Realisasi 2023",
                      "Target 2024", "Realisasi 2024"], title="INDIKATOR KINERJA UTAMA TAHUN 2024")
    s.add([1, "Sasaran A", "Angka kemiskinan", "%", "negatif", 10, 8.5, 9, 9.25])
    s.add([2, "Sasaran A", "Waktu layanan", "hari", "semakin rendah semakin baik", 5, 6, 5, 4])
    s.add([3, "Sasaran A", "Indeks Kepuasan", "nilai", "positif", 90, 86.34, 95, 89.5])
    clean_office(tmp_path)
    save(tmp_path / "IKU 2024.xlsx", s)
    text = _narasi(tmp_path)
    assert ("Dibandingkan tahun 2023, realisasinya naik dari 8,50 menjadi 9,25; karena indikator ini berpolaritas "
            "negatif (semakin rendah semakin baik), kenaikan ini berarti kinerjanya memburuk.") in text
    assert ("Dibandingkan tahun 2023, realisasinya turun dari 6 menjadi 4; karena indikator ini berpolaritas negatif "
            "(semakin rendah semakin baik), penurunan ini berarti kinerjanya membaik.") in text
    assert "Dibandingkan tahun 2023, realisasinya naik dari 86,34 menjadi 89,50, artinya kinerjanya membaik." in text


def test_trend_sentences_in_english():
    from lkjip_xl.report.narasi import trend

    assert trend(True, True, 2023, "8.50", "9.25", "en") == (
        "Compared with 2023, its result rose from 8.50 to 9.25; as this indicator has negative polarity (lower is "
        "better), the rise means performance worsened.")
    assert trend(False, False, 2023, "90", "80", "en") == "Compared with 2023, its result fell from 90 to 80, so performance declined."


def test_whole_percentages_keep_the_contracts_two_decimals_in_the_workbook(tmp_path):
    """CONTRACT §4: percent cells are formatted `0.00` (a formula: a format chosen from the cached
    value would hide decimals after a recalculation), while a whole target shows as 95 (#,##0); the
    Word document writes the same 101 without decimals (test_report_docx)."""
    rows = [{**TWO[0], "target": 80, "realisasi": 100}, TWO[1]]          # capaian 125 and 101: whole
    folder = _office(tmp_path, rows)
    _, out = build([folder], output=folder / "out.xlsx", tahun=2024)
    ws = openpyxl.load_workbook(out)["Tabel 3.2"]
    r = next(c.row for c in ws["C"] if c.value == "IKM")
    assert (ws[f"D{r}"].number_format, ws[f"F{r}"].number_format) == ("#,##0", "0.00")
    assert openpyxl.load_workbook(out, data_only=True)["Tabel 3.2"][f"F{r}"].value == 125
    doc = Document(str(out.with_suffix(".docx")))
    cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in doc.element.body.iter(qn("w:tc"))]
    assert "125" in cells and "125,00" not in cells


def test_office_wide_mid_year_states_no_category(tmp_path):
    from builders import dpa, realisasi

    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 6, SUBS, {c: v // 2 for c, v in REAL.items()})
    iku(tmp_path, iku_sheet(TWO))
    out = tmp_path / "out.xlsx"
    build([tmp_path], output=out, tahun=2024, docx=False)
    wb = openpyxl.load_workbook(out, data_only=True)
    first, second = _body(wb["Tabel 3.7"])
    assert first[5:7] == [PAGU, sum(v // 2 for v in REAL.values())] and first[9] == "Sementara (realisasi s.d. Juni)"
    assert second[5:10] == [None] * 5
    narasi = " ".join(str(c.value) for row in wb["Narasi"].iter_rows() for c in row if c.value)
    assert "serapan seluruh anggaran s.d. bulan Juni 48,78%" in narasi and "masih sementara" in narasi
    assert "termasuk kategori" not in narasi
