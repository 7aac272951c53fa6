"""The report workbook built from the Blora sample: sheets, golden figures, formulas, bytes."""
import hashlib

import openpyxl
import pytest

from lkjip_xl.pipeline import build

SHEETS = ["Ringkasan", "Rekonsiliasi", "Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.5",
          "Tabel 3.6", "Tabel 3.7", "Tabel 3.8", "Tabel 3.9", "Tabel 4.1", "Realisasi Bulanan", "RFK", "Narasi"]


@pytest.fixture(scope="module")
def built(tmp_path_factory, sample_dir):
    out = tmp_path_factory.mktemp("out") / "lkjip.xlsx"
    result, path = build([sample_dir], output=out)
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    return result, path, values, formulas


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def find_row(ws, text, col=None):
    for r in ws.iter_rows():
        for c in r:
            if isinstance(c.value, str) and c.value.startswith(text) and (col is None or c.column == col):
                return [x.value for x in r], r[0].row
    raise AssertionError(f"{text!r} not in {ws.title}")


def test_sheet_names_exactly(built):
    assert built[2].sheetnames == SHEETS


def test_tabel_3_9_figures(built):
    ws = built[2]["Tabel 3.9"]
    prog, _ = find_row(ws, "PROGRAM PENUNJANG")
    assert prog[2:5] == [10_068_558_000, 9_849_028_252, 11_964_656_000]
    total, r = find_row(ws, "JUMLAH")
    assert total[2:5] == [19_422_400_000, 19_092_845_159, 23_789_696_000]
    assert built[3]["Tabel 3.9"][f"C{r}"].value.startswith("=SUM(")


def test_tabel_2_3_program_is_a_formula_with_the_true_sum(built):
    ws = built[2]["Tabel 2.3"]
    prog, r = find_row(ws, "PROGRAM PENUNJANG")
    assert prog[0] == 1 and prog[4] == 10_068_558_000
    assert built[3]["Tabel 2.3"][f"E{r}"].value.startswith("=SUM(")
    total, _ = find_row(ws, "JUMLAH")
    assert total[4] == 19_422_400_000


def test_tabel_3_2_capaian_and_kategori(built):
    ws = built[2]["Tabel 3.2"]
    ikm, r = find_row(ws, "Indeks Kepuasan Masyarakat", col=3)
    assert ikm[3:7] == [95, 89.5, 94.21, "Baik"]
    sakip, _ = find_row(ws, "Nilai SAKIP", col=3)
    assert sakip[5:7] == [101, "Sangat Baik"]
    assert built[3]["Tabel 3.2"][f"F{r}"].value == f"=ROUND(E{r}/D{r}*100,2)"


def test_tabel_3_3_years(built):
    ws = built[2]["Tabel 3.3"]
    ikm, _ = find_row(ws, "Indeks Kepuasan Masyarakat", col=3)
    assert ikm[3:12] == [95, 85.93, 90.45, 95, 86.34, 90.88, 95, 89.5, 94.21]


def test_tabel_3_7_serapan_and_efisiensi(built):
    ws = built[2]["Tabel 3.7"]
    sakip, r = find_row(ws, "Terwujudnya birokrasi", col=2)
    assert sakip[5:10] == [10_068_558_000, 9_849_028_252, 97.82, 3.18, "Sangat Efisien"]
    ikm, _ = find_row(ws, "Meningkatnya Kepuasan", col=2)
    assert ikm[5:10] == [9_353_842_000, 9_243_816_907, 98.82, -4.61, "Kurang Efisien"]
    assert "'Tabel 3.9'!" in built[3]["Tabel 3.7"][f"F{r}"].value


def test_tabel_3_8_links_programs_to_sasaran(built):
    ws = built[2]["Tabel 3.8"]
    body = [r for r in rows(ws) if r[7] in ("Menunjang", "Tidak menunjang")]
    assert len(body) == 6 and all(r[7] == "Menunjang" for r in body)


def test_rekonsiliasi_lists_every_finding_errors_first(built):
    result, _, values, formulas = built
    ws = values["Rekonsiliasi"]
    body = [r for r in rows(ws) if isinstance(r[0], int)]
    assert len(body) == len(result.findings) == 6
    assert [r[1] for r in body] == ["Kesalahan"] * 4 + ["Peringatan"] * 2
    link_cell = next(c for c in formulas["Rekonsiliasi"]["G"] if c.value == "G8")
    assert link_cell.hyperlink is not None and "Rekap DPA" in (link_cell.hyperlink.location or link_cell.hyperlink.target)


def test_narasi_has_figures_and_words(built):
    text = " ".join(r[0] for r in rows(built[2]["Narasi"]) if r[0])
    assert "Rp19.422.400.000,00 (sembilan belas miliar empat ratus dua puluh dua juta empat ratus ribu rupiah)" in text
    assert ("Rp19.092.845.159,00 (sembilan belas miliar sembilan puluh dua juta delapan ratus empat puluh lima ribu "
            "seratus lima puluh sembilan rupiah)") in text
    assert "98,30%" in text and "1. Belanja Pegawai sebesar Rp8.092.820.000,00" in text


def test_realisasi_bulanan(built):
    ws = built[2]["Realisasi Bulanan"]
    total, _ = find_row(ws, "JUMLAH", col=2)
    assert total[2] == 19_422_400_000 and total[-1] == 19_092_845_159


def test_same_inputs_same_bytes_and_inputs_untouched(tmp_path, sample_dir):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_dir.iterdir() if p.is_file()}
    _, a = build([sample_dir], output=tmp_path / "a.xlsx")
    _, b = build([sample_dir], output=tmp_path / "b.xlsx")
    assert a.read_bytes() == b.read_bytes()
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_dir.iterdir() if p.is_file()}
    assert before == after
    assert a.with_suffix(".docx").read_bytes() == b.with_suffix(".docx").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.xlsx", "b.docx", "b.xlsx"]


def test_table_titles_and_numbers_from_config(tmp_path, sample_dir):
    import shutil

    folder = tmp_path / "kantor"
    shutil.copytree(sample_dir, folder)
    with (folder / "lkjip.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[judul]\n"Tabel 3.9" = "Realisasi Anggaran per Program"\n\n[nomor]\n"Tabel 3.9" = "Tabel 3.10"\n')
    _, path = build([folder], output=tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path)["Tabel 3.9"]      # the sheet name is fixed by the contract
    assert (ws["A1"].value, ws["A2"].value) == ("Tabel 3.10", "Realisasi Anggaran per Program")


def test_an_amount_beyond_the_words_is_built_in_figures(tmp_path):
    """A pagu of 10^18 (a slip of the keyboard) has no Indonesian words: the report is still written
    and the Narasi gives the figure alone."""
    import builders as b

    subs = dict(b.SUBS)
    first = next(iter(subs))
    subs[first] = 10**18
    folder = b.clean_office(tmp_path / "kantor", subs=subs)
    result, path = build([folder], output=tmp_path / "hasil.xlsx", tahun=b.TAHUN)
    text = " ".join(str(v) for r in rows(openpyxl.load_workbook(path)["Narasi"]) for v in r if v)
    assert "Rp1.000.000." in text


def test_rekonsiliasi_links_are_relative_uris_with_forward_slashes(tmp_path):
    # a relationship target is a URI: '../DPA 2024.xlsx' beside hasil/, never Windows' '..\\DPA 2024.xlsx'
    import re
    import zipfile

    from builders import SUBS, budget_sheet, save

    s = budget_sheet("DPA", SUBS)
    s.set("7.01.01", "Pagu", 1)
    save(tmp_path / "DPA 2024.xlsx", s)
    _, path = build([tmp_path], output=tmp_path / "hasil" / "out.xlsx", tahun=2024, docx=False)
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index("Rekonsiliasi") + 1
    with zipfile.ZipFile(path) as z:
        rels = z.read(f"xl/worksheets/_rels/sheet{index}.xml.rels").decode()
        sheet = z.read(f"xl/worksheets/sheet{index}.xml").decode()
    assert re.findall(r'Target="([^"]*)"', rels) == ["../DPA%202024.xlsx"]
    assert 'TargetMode="External"' in rels and "\\" not in rels
    assert re.findall(r'<hyperlink [^>]*location="([^"]*)"', sheet) == [f"'DPA'!{s.cell('7.01.01', 'Pagu')}"]
    link = next(c for row in wb["Rekonsiliasi"].iter_rows() for c in row if c.hyperlink is not None)
    assert link.hyperlink.target == "../DPA%202024.xlsx" and link.value == s.cell("7.01.01", "Pagu")


def test_every_sheet_heading_names_the_office_alike(built):
    # the office as the tables' headings name it, on the summary sheets too
    wb = built[2]
    for name in ("Tabel 3.2", "Rekonsiliasi", "Realisasi Bulanan", "Narasi", "RFK"):
        texts = [c for r in rows(wb[name])[:6] for c in r if isinstance(c, str)]
        assert "Kecamatan Blora, Kabupaten Blora" in texts, (name, texts)
