"""The Word document beside the workbook, built from the Blora sample: tables in report order, real
figures in Indonesian format, A4 sections whose text width holds every table, repeating and merged
header rows, predikat shading, the same bytes on every run; the template and --no-docx."""
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from lkjip_xl.cli import main
from lkjip_xl.config import ConfigError
from lkjip_xl.pipeline import build
from lkjip_xl.report import docx_style
from lkjip_xl.report.docx_table import text

ORDER = ["Tabel 2.1", "Tabel 2.2", "Tabel 2.3"] + [f"Tabel 3.{n}" for n in range(1, 10)] + ["Tabel 4.1"]
A4_TWIPS = {(11906, 16838), (16838, 11906)}
TWIPS_PER_CM = 1440 / 2.54


@pytest.fixture(scope="module")
def built(tmp_path_factory, sample_dir):
    out = tmp_path_factory.mktemp("docx") / "lkjip.xlsx"
    build([sample_dir], output=out)
    path = out.with_suffix(".docx")
    return path, Document(str(path))


def _body_items(doc):
    """(kind, element) in body order: 'p' paragraphs and 't' tables."""
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            yield "p", el
        elif el.tag == qn("w:tbl"):
            yield "t", el


def _p_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _tables_with_titles(doc):
    """[(table number, tbl element, its section's sectPr)]: the number is the first title line above it."""
    found, pending, last_title = [], [], None
    for kind, el in _body_items(doc):
        if kind == "p":
            if re.fullmatch(r"Tabel \d\.\d", _p_text(el)):
                last_title = _p_text(el)
            sect = el.find(qn("w:pPr") + "/" + qn("w:sectPr"))
            if sect is not None:
                found += [(n, t, sect) for n, t in pending]
                pending = []
        else:
            pending.append((last_title, el))
    final = doc.element.body.find(qn("w:sectPr"))
    return found + [(n, t, final) for n, t in pending]


def _cells(tbl):
    return [[_p_text(tc) for tc in tr.iter(qn("w:tc"))] for tr in tbl.iter(qn("w:tr"))]


def _table(doc, number):
    return next(t for n, t, _ in _tables_with_titles(doc) if n == number)


def test_tables_in_report_order_with_title_and_footnote(built):
    _, doc = built
    assert [n for n, _, _ in _tables_with_titles(doc)] == ORDER
    texts = [_p_text(p) for p in doc.element.body.iter(qn("w:p"))]
    assert texts[0] == "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)" and "Kecamatan Blora, Kabupaten Blora" in texts[:3]
    i = texts.index("Tabel 3.2")
    assert texts[i + 1] == "Hasil Pengukuran Indikator Kinerja" and texts[i + 2] == "Kecamatan Blora, Kabupaten Blora Tahun 2024"
    assert any(t.startswith("Capaian = Realisasi / Target × 100") for t in texts)
    assert any("sebesar Rp19.422.400.000,00 (sembilan belas miliar" in t for t in texts)   # the Narasi


def test_real_figures_as_indonesian_text(built):
    _, doc = built
    t39 = _cells(_table(doc, "Tabel 3.9"))
    total = next(r for r in t39 if "JUMLAH" in r)
    assert total[2:5] == ["19.422.400.000", "19.092.845.159", "23.789.696.000"]
    t37 = _cells(_table(doc, "Tabel 3.7"))
    assert ["95", "89,50", "94,21"] == t37[3][2:5]
    assert "98,82" in t37[3] and "9.353.842.000" in t37[3]
    t41 = _cells(_table(doc, "Tabel 4.1"))
    assert t41[1][:7] == ["1", "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan", "Indeks Kepuasan Masyarakat",
                          "95", "89,50", "94,21", "Baik"]
    assert t41[2][3:7] == ["75", "75,75", "101", "Sangat Baik"]                # 101,00 printed as 101
    t21 = _cells(_table(doc, "Tabel 2.1"))
    assert t21[2] == ["1", "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan", "",
                      "Indeks Kepuasan Masyarakat", "95", "95", "95", "95", "95"]
    assert t21[4][4:] == ["66,85", "66,86", "75", "75", "75"]
    t22 = _cells(_table(doc, "Tabel 2.2"))
    assert t22[0] == ["NO", "TUJUAN", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET"]
    assert t22[2][2:] == ["Meningkatnya layanan Kecamatan sesuai SOP", "Persentase Layanan Kecamatan sesuai SOP", "%", "100"]


def test_number_text():
    from decimal import Decimal

    assert text(19422400000, "money") == "19.422.400.000"
    assert text(Decimal("94.21"), "pct") == "94,21" and text(Decimal("95.00"), "num") == "95"
    assert text(Decimal("89.5"), "num") == "89,50" and text(Decimal("-4.61"), "num") == "-4,61"
    assert text(98.3, "pct") == "98,30" and text(None, "num") == "" and text("7.01.01", "text") == "7.01.01"


def test_a4_and_no_table_wider_than_its_section(built):
    _, doc = built
    orientations = set()
    for n, tbl, sect in _tables_with_titles(doc):
        size, mar = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
        w, h = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
        assert (w, h) in A4_TWIPS, n
        text_width = w - int(mar.get(qn("w:left"))) - int(mar.get(qn("w:right")))
        grid = [int(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol"))]
        assert sum(grid) <= text_width, n
        assert tbl.find(qn("w:tblPr") + "/" + qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for tr in tbl.iter(qn("w:tr")):        # a width on every cell, matching the grid it spans
            pos = 0
            for tc in tr.iter(qn("w:tc")):
                span = tc.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
                k = int(span.get(qn("w:val"))) if span is not None else 1
                tcw = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
                assert int(tcw.get(qn("w:w"))) == sum(grid[pos:pos + k]), n
                pos += k
        orientations.add((n, w > h))
    wide = {n for n, landscape in orientations if landscape}
    assert {"Tabel 3.3", "Tabel 3.7", "Tabel 3.8"} <= wide          # wider than 18 cm: landscape
    assert {"Tabel 3.1", "Tabel 3.6", "Tabel 2.2"}.isdisjoint(wide)
    for sect in doc.element.body.iter(qn("w:sectPr")):
        size = sect.find(qn("w:pgSz"))
        assert (int(size.get(qn("w:w"))), int(size.get(qn("w:h")))) in A4_TWIPS
    portrait = doc.sections[0]
    assert round((portrait.page_width - portrait.left_margin - portrait.right_margin) / 360000, 2) == 18.0


def test_header_rows_repeat_and_merge_as_in_the_seed(built):
    _, doc = built
    for n, tbl, _ in _tables_with_titles(doc):
        first = next(tbl.iter(qn("w:tr")))
        assert first.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None, n
    t33 = _table(doc, "Tabel 3.3")
    rows = list(t33.iter(qn("w:tr")))
    assert sum(1 for tr in rows if tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None) == 2
    top = list(rows[0].iter(qn("w:tc")))
    spans = [(_p_text(tc), tc.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))) for tc in top]
    assert [(t, int(s.get(qn("w:val")))) for t, s in spans if s is not None] == [("2022", 3), ("2023", 3), ("2024", 3)]
    assert [_p_text(tc) for tc in rows[1].iter(qn("w:tc"))][3:6] == ["Target", "Realisasi", "Capaian %"]
    no = top[0].find(qn("w:tcPr") + "/" + qn("w:vMerge"))            # No spans both header rows
    assert _p_text(top[0]) == "No" and no.get(qn("w:val")) == "restart"


def test_data_merges_as_in_the_seed(built):
    """Tabel 3.8: one sasaran's No, Tujuan/Sasaran, IKU and % Capaian span its program rows."""
    _, doc = built
    rows = list(_table(doc, "Tabel 3.8").iter(qn("w:tr")))[1:]
    merge = [[(tc.find(qn("w:tcPr") + "/" + qn("w:vMerge")), _p_text(tc)) for tc in tr.iter(qn("w:tc"))] for tr in rows]
    vals = [[None if m is None else m.get(qn("w:val")) for m, _ in r] for r in merge]
    assert vals[0][:4] == ["restart"] * 4 and merge[0][1][1].startswith("Meningkatnya Kepuasan")
    assert all(v[:4] == ["continue"] * 4 and [t for _, t in m[:4]] == [""] * 4 for v, m in zip(vals[1:5], merge[1:5]))
    assert vals[5][:4] == [None] * 4 and merge[5][0][1] == "2"     # the one-program sasaran: no merge
    assert all(len(r.findall(qn("w:tc"))) == 8 for r in rows)      # every grid column has its cell


def _fill(tc):
    shd = tc.find(qn("w:tcPr") + "/" + qn("w:shd"))
    return None if shd is None else shd.get(qn("w:fill"))


def test_predikat_colours_as_shading(built):
    _, doc = built
    t31 = list(_table(doc, "Tabel 3.1").iter(qn("w:tr")))
    colours = [_fill(list(tr.iter(qn("w:tc")))[3]) for tr in t31[1:]]
    assert colours[0] == "00B050" and len(set(colours)) == 5
    assert all(_p_text(list(tr.iter(qn("w:tc")))[3]) == "" for tr in t31[1:])   # a swatch, not a code
    t32 = list(_table(doc, "Tabel 3.2").iter(qn("w:tr")))
    kategori = list(t32[2].iter(qn("w:tc")))[6]
    assert _p_text(kategori) == "Sangat Baik" and _fill(kategori) == "00B050"


def test_same_bytes_twice(tmp_path, sample_dir):
    build([sample_dir], output=tmp_path / "a.xlsx")
    build([sample_dir], output=tmp_path / "b.xlsx")
    a, b = (tmp_path / "a.docx").read_bytes(), (tmp_path / "b.docx").read_bytes()
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2025-01-01T00:00:00Z" in core and "lkjip-xl" in core


def test_no_docx_flag(tmp_path, sample_dir):
    assert main(["build", str(sample_dir), "-o", str(tmp_path / "r.xlsx"), "--no-docx"]) in (0, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
    build([sample_dir], output=tmp_path / "s.xlsx", docx=False)
    assert not (tmp_path / "s.docx").exists()


def test_cli_names_the_document(tmp_path, sample_dir, capsys):
    main(["build", str(sample_dir), "-o", str(tmp_path / "r.xlsx")])
    assert f"Dokumen Word ditulis: {tmp_path / 'r.docx'}" in capsys.readouterr().out


def test_shipped_template_is_the_generated_one(tmp_path):
    """assets/lkjip-template.docx is make_template's output: regenerate it after changing the styles."""
    made = tmp_path / "t.docx"
    docx_style.make_template(made)
    shipped = Path(docx_style.__file__).parent / "assets" / docx_style.TEMPLATE
    assert made.read_bytes() == shipped.read_bytes()
    template = Document(str(shipped))
    footer = template.sections[0].footer._element.xml
    assert "Halaman" in footer and 'w:instr="PAGE"' in footer              # page numbers on every page
    section = template.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    names = {s.name for s in template.styles}
    assert {docx_style.TITLE, docx_style.CELL, docx_style.HEAD, docx_style.NOTE, docx_style.TABLE} <= names


def test_office_template(tmp_path, sample_dir):
    import shutil

    from docx.shared import Pt

    folder = tmp_path / "kantor"
    shutil.copytree(sample_dir, folder)
    own = Document()
    style = own.styles.add_style(docx_style.BODY, 1)       # the office's own paragraph style for the Narasi
    style.font.size = Pt(13)
    own.add_paragraph("KOP SURAT KECAMATAN BLORA")
    own.save(str(folder / "templat.docx"))
    with (folder / "lkjip.toml").open("a", encoding="utf-8") as fh:
        fh.write('\ntemplate_docx = "templat.docx"\n')
    _, out = build([folder], output=tmp_path / "r.xlsx")
    doc = Document(str(out.with_suffix(".docx")))
    assert doc.paragraphs[0].text == "KOP SURAT KECAMATAN BLORA"
    assert doc.styles[docx_style.BODY].font.size == Pt(13)
    assert docx_style.CELL in {s.name for s in doc.styles}     # the styles it lacks are added


def test_bad_template_is_a_usage_error(tmp_path, sample_dir, capsys):
    import shutil

    folder = tmp_path / "kantor"
    shutil.copytree(sample_dir, folder)
    (folder / "bukan.docx").write_text("bukan dokumen")
    with (folder / "lkjip.toml").open("a", encoding="utf-8") as fh:
        fh.write('\ntemplate_docx = "bukan.docx"\n')
    with pytest.raises(ConfigError):
        build([folder], output=tmp_path / "r.xlsx")
    assert main(["build", str(folder), "-o", str(tmp_path / "r.xlsx")]) == 2
    assert "template_docx" in capsys.readouterr().err
    assert not any(tmp_path.glob("r.*"))                     # nothing written


def test_workbook_new_sheets_and_print_fixes(tmp_path, sample_dir):
    _, out = build([sample_dir], output=tmp_path / "r.xlsx", docx=False)
    book = openpyxl.load_workbook(out)
    values = openpyxl.load_workbook(out, data_only=True)
    assert [r[4:] for r in values["Tabel 2.1"].iter_rows(min_row=8, max_row=11, values_only=True)][2] == (66.85, 66.86, 75, 75, 75)
    assert values["Tabel 2.2"]["F7"].value == 95 and values["Tabel 2.2"]["E7"].value == "Indeks"
    assert [c.value for c in values["Tabel 4.1"][7]][3:7] == [95, 89.5, 94.21, "Baik"]
    ws = book["Tabel 3.1"]
    assert ws["D6"].value is None and ws["D6"].fill.fgColor.rgb == "FF00B050"      # a swatch, not "#00B050"
    t32 = book["Tabel 3.2"]
    assert t32["D7"].number_format == "#,##0" and t32["E7"].number_format == "#,##0.00"   # 95, 89.50
    assert book["Tabel 3.1"].page_setup.orientation == "portrait"
    assert book["Tabel 3.3"].page_setup.orientation == "landscape"
    monthly = book["Realisasi Bulanan"]
    assert monthly.page_setup.fitToWidth == 2 and monthly.print_title_cols == "$A:$C"
    ring = book["Ringkasan"]
    assert ring.row_breaks.brk and not ring.print_title_rows       # the charts start a page of their own


def test_document_that_cannot_be_written_leaves_no_output(tmp_path, sample_dir, monkeypatch, capsys):
    (tmp_path / "r.docx").mkdir()                       # in the way: found before anything is written
    assert main(["build", str(sample_dir), "-o", str(tmp_path / "r.xlsx")]) == 2
    assert "r.docx" in capsys.readouterr().err and not (tmp_path / "r.xlsx").exists()

    from lkjip_xl.errors import OutputError
    from lkjip_xl.report import docx_writer

    def locked(data, path, **kw):                        # Word holds the file: the rename fails
        raise OutputError("output-locked", path=str(path))

    monkeypatch.setattr(docx_writer, "write_docx", locked)
    assert main(["build", str(sample_dir), "-o", str(tmp_path / "s.xlsx")]) == 2
    assert "s.docx" in capsys.readouterr().err and not (tmp_path / "s.xlsx").exists()
