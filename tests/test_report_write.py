import datetime
import os
import re
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.report import workbook as write
from lkjip_xl.report.layout import Chart, Column, Formula, Link, Table
from lkjip_xl.report.workbook import OutputError, write_workbook

# xlsxwriter signals a refused call (one-cell merge, bad URL…) with a warning: make it fail the test.
pytestmark = pytest.mark.filterwarnings("error")

CREATED = datetime.datetime(2024, 1, 31, 8, 0, 0)
HOSTILE = ["=HYPERLINK(\"http://evil\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "http://x"]


def anggaran() -> Table:
    """Title rows 1-4, blank row 5, two-row header 6-7, column numbers 8, data from row 9."""
    t = Table(
        sheet="Tabel 3.2",
        title=["Tabel 3.2", "Realisasi Anggaran", "Dinas Contoh", "Tahun 2022"],
        columns=[
            Column("no", "No", "center", 5),
            Column("uraian", "Program / Kegiatan", "wrap", 40),
            Column("target", "Target", "money", 16),
            Column("real", "Realisasi", "money", 16),
            Column("cap", "Capaian (%)", "pct", 10),
            Column("sumber", "Sumber", "text", 20),
        ],
        groups=[("2022", "target", "real")],
        col_numbers=["1", "2", "3", "4", "5", "6"],
        notes=["Sumber: DPA dan LRA 2022."],
    )
    t.add({"no": "1", "uraian": "Program A", "target": 1000, "real": Decimal("900"),
           "cap": Formula("D9/C9*100", 90.0), "sumber": Link("DPA.xlsx#'Rekap DPA'!G8", "DPA G8")}, "program")
    t.add({"no": "2", "uraian": "Kegiatan B", "target": 2000, "real": 2100,
           "cap": Formula("D10/C10*100", 105.0)}, "sub")
    t.add({"uraian": "Jumlah",
           "target": Formula(f"SUM({t.ref(0, 'target')}:{t.ref(1, 'target')})", 3000),
           "real": Formula(f"SUM({t.ref(0, 'real')}:{t.ref(1, 'real')})", Decimal("3000")),
           "cap": Formula("D11/C11*100", None)}, "total")
    t.fills[(1, "cap")] = "#FFC7CE"
    return t


def narasi() -> Table:
    t = Table(sheet="Narasi", title=["Narasi"], columns=[Column("teks", "Kalimat", "wrap", 100)], landscape=False)
    t.add({"teks": "Realisasi anggaran sebesar Rp3.000,00 (tiga ribu rupiah)."})
    return t


def written(tmp_path: Path, tables: list[Table], name: str = "hasil.xlsx") -> Path:
    path = tmp_path / name
    write_workbook(tables, path, created=CREATED)
    return path


@pytest.fixture
def book(tmp_path):
    return openpyxl.load_workbook(written(tmp_path, [anggaran(), narasi()]))


def merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_sheets_in_given_order(book):
    assert book.sheetnames == ["Tabel 3.2", "Narasi"]


def test_title_lines_merged_bold_centred(book):
    ws = book["Tabel 3.2"]
    assert {"A1:F1", "A2:F2", "A3:F3", "A4:F4"} <= merged(ws)
    assert [ws.cell(r, 1).value for r in range(1, 5)] == ["Tabel 3.2", "Realisasi Anggaran", "Dinas Contoh", "Tahun 2022"]
    assert ws["A1"].font.b and ws["A1"].font.sz == 12 and ws["A2"].font.sz == 11
    assert ws["A1"].alignment.horizontal == "center"
    assert ws["A5"].value is None


def test_one_column_sheet_title_is_not_merged(book):
    ws = book["Narasi"]
    assert ws["A1"].value == "Narasi" and merged(ws) == set()
    assert ws["A4"].alignment.wrap_text and ws.page_setup.orientation == "portrait"


def test_two_row_group_header(book):
    ws = book["Tabel 3.2"]
    assert {"C6:D6", "A6:A7", "B6:B7", "E6:E7", "F6:F7"} <= merged(ws)
    assert (ws["C6"].value, ws["C7"].value, ws["D7"].value) == ("2022", "Target", "Realisasi")
    assert ws["A6"].value == "No" and ws["E6"].value == "Capaian (%)"
    head = ws["C7"]
    assert head.font.b and head.fill.fgColor.rgb == "FFD9D9D9" and head.border.bottom.style == "thin"
    assert ws.row_dimensions[6].height >= 15 and ws.row_dimensions[7].height >= 30


def test_single_row_header(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "Kolom A"), Column("b", "Kolom B", "money")])
    t.add({"a": "x", "b": 1})
    ws = openpyxl.load_workbook(written(tmp_path, [t]))["S"]
    assert (ws["A3"].value, ws["B3"].value) == ("Kolom A", "Kolom B") and merged(ws) == {"A1:B1"}
    assert ws["B4"].value == 1 and ws.freeze_panes == "A4"


def test_column_number_row(book):
    ws = book["Tabel 3.2"]
    assert [c.value for c in ws[8]] == ["1", "2", "3", "4", "5", "6"]
    assert ws["A8"].font.i and ws["A8"].alignment.horizontal == "center" and ws["A8"].border.left.style == "thin"


def test_numbers_are_numbers_with_formats(book):
    ws = book["Tabel 3.2"]
    assert ws["C9"].data_type == "n" and ws["C9"].value == 1000 and ws["C9"].number_format == "#,##0"
    assert ws["D9"].value == 900                    # from a Decimal
    assert ws["E9"].number_format == "0.00"
    assert ws["A9"].alignment.horizontal == "center"


def test_formulas_keep_their_cached_values(tmp_path):
    path = written(tmp_path, [anggaran()])
    ws = openpyxl.load_workbook(path)["Tabel 3.2"]
    assert ws["C11"].value == "=SUM(C9:C10)" and ws["E9"].value == "=D9/C9*100"
    cached = openpyxl.load_workbook(path, data_only=True)["Tabel 3.2"]
    assert (cached["C11"].value, cached["D11"].value, cached["E9"].value, cached["E10"].value) == (3000, 3000, 90, 105)
    # no known value: nothing cached rather than a misleading 0
    assert cached["E11"].value in (None, "")


def test_formula_with_text_result(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "A")])
    t.add({"a": Formula('IF(1>0,"Ya","Tidak")', "Ya")})
    cached = openpyxl.load_workbook(written(tmp_path, [t]), data_only=True)["S"]
    assert cached["A4"].value == "Ya"


def test_link_cell_has_hyperlink(book):
    cell = book["Tabel 3.2"]["F9"]
    assert cell.value == "DPA G8"
    assert cell.hyperlink is not None and cell.hyperlink.target == "DPA.xlsx"
    assert cell.hyperlink.location == "'Rekap DPA'!G8"
    assert cell.font.u == "single" and cell.border.top.style == "thin"


def test_unusable_link_falls_back_to_text(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "A", width=30)])
    t.add({"a": Link("file:///C:/" + "x" * 300 + ".xlsx#A!A1", "terlalu panjang")})
    t.add({"a": Link("", "tanpa tujuan")})
    ws = openpyxl.load_workbook(written(tmp_path, [t]))["S"]
    assert (ws["A4"].value, ws["A5"].value) == ("terlalu panjang", "tanpa tujuan")
    assert ws["A4"].hyperlink is None and ws["A5"].hyperlink is None


def test_hostile_text_stays_text(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "A"), Column("b", "B", "money")])
    for s in HOSTILE:
        t.add({"a": s, "b": s})
    ws = openpyxl.load_workbook(written(tmp_path, [t]))["S"]
    for r, s in enumerate(HOSTILE, start=4):
        for cell in (ws.cell(r, 1), ws.cell(r, 2)):
            assert cell.data_type == "s" and cell.value == s and cell.hyperlink is None


def test_hostile_text_in_titles_headers_and_notes(tmp_path):
    t = Table(sheet="S", title=[HOSTILE[0], HOSTILE[2]], columns=[Column("a", HOSTILE[1]), Column("b", HOSTILE[3])],
              col_numbers=[HOSTILE[2], HOSTILE[4]], notes=[HOSTILE[0]])
    ws = openpyxl.load_workbook(written(tmp_path, [t]))["S"]
    cells = [ws["A1"], ws["A2"], ws["A4"], ws["B4"], ws["A5"], ws["B5"], ws["A7"]]
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells] == [HOSTILE[0], HOSTILE[2], HOSTILE[1], HOSTILE[3], HOSTILE[2], HOSTILE[4], HOSTILE[0]]


def test_booleans_and_blanks(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "A"), Column("b", "B", "money")])
    t.add({"a": True, "b": None})
    t.add({"a": False, "b": 5})
    ws = openpyxl.load_workbook(written(tmp_path, [t]))["S"]
    assert (ws["A4"].value, ws["A5"].value) == ("Ya", "Tidak")
    assert ws["B4"].value is None and ws["B4"].border.left.style == "thin"


def test_row_styles(book):
    ws = book["Tabel 3.2"]
    assert ws["B9"].font.b and ws["B9"].fill.fgColor.rgb == "FFF2F2F2"          # program
    assert not ws["B10"].font.b and ws["B10"].alignment.indent == 1             # sub: first text column only
    assert ws["A10"].alignment.indent == 0
    total = ws["C11"]
    assert total.font.b and total.border.top.style == "double" and total.fill.fgColor.rgb == "FFD9D9D9"
    assert ws["B9"].alignment.vertical == "top" and ws["B9"].alignment.wrap_text


def test_fill_colour_keeps_other_formatting(book):
    cell = book["Tabel 3.2"]["E10"]
    assert cell.fill.fgColor.rgb == "FFFFC7CE"
    assert cell.number_format == "0.00" and cell.border.bottom.style == "thin"
    assert book["Tabel 3.2"]["E9"].fill.fgColor.rgb == "FFF2F2F2"   # the program row keeps its own fill


def test_data_merges(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "A"), Column("b", "B", "money"), Column("c", "C", "money")])
    t.add({"a": "Program", "b": 7})
    t.add({"a": None, "b": None, "c": 1})
    t.add({"a": "x", "b": Formula("B4*2", 14), "c": 2})
    t.merges += [(0, "a", 1, "a"), (0, "b", 1, "b"), (2, "b", 2, "c")]
    path = written(tmp_path, [t])
    ws = openpyxl.load_workbook(path)["S"]
    assert {"A4:A5", "B4:B5", "B6:C6"} <= merged(ws)
    assert (ws["A4"].value, ws["B4"].value, ws["B6"].value) == ("Program", 7, "=B4*2")
    assert ws["B4"].number_format == "#,##0"
    assert openpyxl.load_workbook(path, data_only=True)["S"]["B6"].value == 14


def test_notes_after_one_blank_row(book):
    ws = book["Tabel 3.2"]
    assert ws["A12"].value is None and ws["A13"].value == "Sumber: DPA dan LRA 2022."
    assert ws["A13"].font.i and not ws["A13"].alignment.wrap_text and "A13" not in " ".join(merged(ws))


def test_page_setup_widths_and_panes(book):
    ws = book["Tabel 3.2"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0
    assert setup.fitToWidth in (None, 1)     # 1 is the default, so the file may leave it out
    assert ws.print_title_rows == "$6:$8"
    assert ws.print_options.horizontalCentered
    assert ws.page_margins.left == 0.5
    assert ws.oddFooter.center.text == "Halaman &P dari &N"
    assert ws.freeze_panes == "A9"
    assert ws.column_dimensions["B"].width == pytest.approx(40, abs=1)


def _anchor_rows(path: Path, drawing: str) -> list[tuple[int, int, int]]:
    with zipfile.ZipFile(path) as z:
        xml = z.read(drawing).decode()
    froms = re.findall(r"<xdr:from><xdr:col>(\d+)</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>", xml)
    tos = re.findall(r"<xdr:to><xdr:col>\d+</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>", xml)
    return [(int(c), int(r0), int(r1)) for (c, r0), r1 in zip(froms, tos)]


def test_charts_below_narrow_table_stacked(tmp_path):
    t = anggaran()
    t.charts = [Chart("column", "Anggaran", "uraian", [("target", "Target"), ("real", "Realisasi")], "Rupiah", 0, 1),
                Chart("line", "Capaian", "uraian", [("cap", "Capaian")])]
    path = written(tmp_path, [t])
    with zipfile.ZipFile(path) as z:
        first = z.read("xl/charts/chart1.xml").decode()
        second = z.read("xl/charts/chart2.xml").decode()
    assert "<c:barChart>" in first and "'Tabel 3.2'!$B$9:$B$10" in first and "'Tabel 3.2'!$D$9:$D$10" in first
    assert "Rupiah" in first and '<c:legendPos val="b"/>' in first
    assert "<c:lineChart>" in second and "'Tabel 3.2'!$E$9:$E$11" in second   # last_row -1: to the last row
    # a line's points are marked: a series of one month is a visible point, not a blank chart
    assert '<c:symbol val="circle"/>' in second and "<c:symbol" not in first
    (c1, top1, bottom1), (c2, top2, _) = _anchor_rows(path, "xl/drawings/drawing1.xml")
    # below the data: beside it, fit-to-width printing would shrink the table
    assert c1 == c2 == 0 and top1 > 8 + len(t.rows) and top2 > bottom1


def test_charts_below_wide_table(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column(f"k{i}", f"K{i}", "money") for i in range(9)],
              notes=["catatan"])
    t.add({f"k{i}": i for i in range(9)})
    t.add({f"k{i}": i * 2 for i in range(9)})
    t.charts = [Chart("column", "Grafik", "k0", [("k1", "Satu")])]
    col, top, _ = _anchor_rows(written(tmp_path, [t]), "xl/drawings/drawing1.xml")[0]
    assert col == 0 and top > 3 + 2 + 1      # below the data and the note


def test_chart_without_rows_is_left_out(tmp_path):
    t = Table(sheet="S", title=["T"], columns=[Column("a", "A"), Column("b", "B", "money")])
    t.charts = [Chart("column", "Kosong", "a", [("b", "B")])]
    with zipfile.ZipFile(written(tmp_path, [t])) as z:
        assert not any(n.startswith("xl/charts/") for n in z.namelist())


def test_same_tables_same_bytes(tmp_path):
    def tables():
        t = anggaran()
        t.charts = [Chart("column", "Anggaran", "uraian", [("target", "Target")])]
        return [t, narasi()]
    assert written(tmp_path, tables(), "satu.xlsx").read_bytes() == written(tmp_path, tables(), "dua.xlsx").read_bytes()


def test_created_date_is_recorded(tmp_path):
    with zipfile.ZipFile(written(tmp_path, [narasi()])) as z:
        core = z.read("docProps/core.xml").decode()
    assert "2024-01-31T08:00:00Z" in core and "lkjip-xl" in core


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~lkjip-"))


def locked(src, dst):
    """os.replace on Windows while Excel holds the target open."""
    raise PermissionError(13, "Permission denied", str(dst))


def test_failed_replace_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(write.os, "replace", locked)
    with pytest.raises(OutputError, match="dibuka di Excel"):
        write_workbook([narasi()], tmp_path / "hasil.xlsx", created=CREATED)
    assert leftovers(tmp_path) == [] and not (tmp_path / "hasil.xlsx").exists()


def test_failed_replace_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "hasil.xlsx"
    target.write_bytes(b"lama")
    monkeypatch.setattr(write.os, "replace", locked)
    with pytest.raises(OutputError):
        write_workbook([narasi()], target, created=CREATED)
    assert target.read_bytes() == b"lama" and leftovers(tmp_path) == []


def test_error_while_drawing_leaves_nothing(tmp_path):
    t = narasi()
    t.merges.append((0, "teks", 0, "no-such-column"))
    with pytest.raises(KeyError):
        write_workbook([t], tmp_path / "hasil.xlsx", created=CREATED)
    assert leftovers(tmp_path) == [] and not (tmp_path / "hasil.xlsx").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "hasil"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(OutputError, match="hanya-baca"):
            write_workbook([narasi()], folder / "hasil.xlsx", created=CREATED)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_target(tmp_path):
    target = tmp_path / "hasil.xlsx"
    target.write_bytes(b"lama")
    target.chmod(stat.S_IRUSR)
    with pytest.raises(OutputError, match="hanya-baca"):
        write_workbook([narasi()], target, created=CREATED)
    assert target.read_bytes() == b"lama" and leftovers(tmp_path) == []


def test_unwritable_folder_is_reported_before_writing(tmp_path, monkeypatch):
    # the same path as test_read_only_folder, reachable when the tests run as root
    monkeypatch.setattr(write.os, "access", lambda path, mode: False)
    with pytest.raises(OutputError, match="hanya-baca"):
        write_workbook([narasi()], tmp_path / "hasil.xlsx", created=CREATED)
    assert list(tmp_path.iterdir()) == []


def test_parent_folder_is_a_file(tmp_path):
    (tmp_path / "hasil").write_text("bukan folder")
    with pytest.raises(OutputError, match="tidak dapat dibuat"):
        write_workbook([narasi()], tmp_path / "hasil" / "tabel.xlsx", created=CREATED)
    assert leftovers(tmp_path) == []


def test_target_is_a_folder(tmp_path):
    (tmp_path / "hasil.xlsx").mkdir()
    with pytest.raises(OutputError, match="folder"):
        write_workbook([narasi()], tmp_path / "hasil.xlsx", created=CREATED)


def test_missing_folders_are_created(tmp_path):
    path = tmp_path / "a" / "b" / "hasil.xlsx"
    write_workbook([narasi()], path, created=CREATED)
    assert openpyxl.load_workbook(path).sheetnames == ["Narasi"] and leftovers(path.parent) == []


def test_english_messages(tmp_path):
    (tmp_path / "hasil").write_text("bukan folder")
    with pytest.raises(OutputError) as exc:
        write_workbook([narasi()], tmp_path / "hasil" / "tabel.xlsx", created=CREATED)
    assert exc.value.code == "output-folder" and exc.value.params["folder"] == str(tmp_path / "hasil")
    assert "cannot be created" in exc.value.message("en") and "tidak dapat dibuat" in str(exc.value)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_output_is_not_private(tmp_path):
    mask = os.umask(0o022)
    try:
        path = written(tmp_path, [narasi()])
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
