"""Layouts of unseen offices (issue 11) read with zero false errors: the named variants of
tests/variants/layouts.py beyond their twin equality (tests/test_pipeline_variants.py), and the
reading rules they rest on, each on its own."""
from __future__ import annotations

import pytest

from lkjip_xl.pipeline import check
from lkjip_xl.read.codes import join_parts
from lkjip_xl.read.headers import find_header, is_number_row, role_specs
from lkjip_xl.read.sheets import kode_level
from variants import layouts

SPECS = role_specs()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("layouts")
    cache = {}

    def get(name):
        if name not in cache:
            d = root / name
            facts = layouts.VARIANTS[name].build(d)
            cache[name] = (check([d]), facts)
        return cache[name]
    return get


@pytest.mark.parametrize("name", [n for n in layouts.VARIANTS if n.startswith(("q01", "q03", "q04", "q14"))])
def test_instansi_is_one_title_line(name, built):
    result, facts = built(name)
    assert result.instansi == facts["instansi"] == "Dinas Lingkungan Hidup"
    assert result.findings == []


def test_renja_official_form_is_read(built):
    result, facts = built("q19-renja-official-form")
    assert result.findings == []
    renja = [s for s in result.sheets if s.role == "renja"]
    assert [(s.file, s.name) for s in renja] == [facts["renja"]]
    s = renja[0]
    assert {"kode#0", "uraian", "pagu@2024", "pagu@2025", "target@2024", "indikator"} <= set(s.cols)
    assert (s.cols["pagu@2024"], s.cols["pagu@2025"]) == (5, 9)       # Pagu Indikatif, Kebutuhan Dana 2025


def test_dppa_pagu_is_after_the_shift(built):
    result, _ = built("q04-dppa-setelah-pergeseran")
    b = layouts.book("2.11")
    assert result.budget.pagu == {n.kode: n.pagu for n in b.subs}
    assert any(layouts._before(n) != n.pagu for n in b.subs)     # the column before the shift differs


def test_months_as_columns_give_the_monthly_trend(built):
    result, _ = built("q13-months-as-columns")
    b = layouts.book("2.11")
    assert result.budget.latest_month == 3
    assert result.budget.monthly == {m: {n.kode: n.real[i] for n in b.subs} for i, m in enumerate((1, 2, 3))}
    assert result.findings == []


def test_a_wrong_jumlah_in_the_kode_column_is_checked(tmp_path):
    b = layouts.book("2.11")
    layouts.write_book(b, tmp_path, layouts.Layout(total="kode"))
    path = tmp_path / "DPA Kecamatan Contoh 2024.xlsx"
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.active
    last = ws.max_row
    assert ws.cell(last, 1).value == "JUMLAH TOTAL"
    ws.cell(last, 3).value = b.total["pagu"] + 1000
    wb.save(path)
    got = [(f.code, f.cell) for f in check([tmp_path]).findings]
    assert got == [("total-mismatch", f"C{last}")]


@pytest.mark.parametrize("values,expected", [
    ([1, 2, 3, 4, 5], True), ([1.0, 2.0, 3.0], True), (["1", "2", "3"], True), (["(1)", "(2)", "(3)"], True),
    ([1, 2, None, 4, "5=3-4"], True), ([7, 1, 1, 2, 1, 1], False), (["7.01.01", "Program", 100], False),
    ([1, "Program", 100], False), ([2024, 2025], False), ([1], False), ([True, 2], False)])
def test_column_number_row_whatever_its_type(values, expected):
    assert is_number_row(values) is expected


def test_group_over_non_year_sub_labels_is_a_two_row_header():
    rows = [["DINAS X"], ["Kode", "Uraian", "Anggaran (Rp)", ""], ["", "", "Tahun 2025", "Prakiraan Maju 2026"],
            ["2.11.01", "Program", 10, 12]]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)]
    h = find_header(rows, merges, SPECS)
    assert (h.row, h.height, h.data_start) == (1, 2, 3)
    dpa = h.role_scores["dpa"]
    assert [(c.index, c.year) for c in dpa["pagu"]] == [(2, 2025)]
    assert [(c.index, c.year) for c in dpa["pagu_next"]] == [(3, 2026)]


def test_a_title_over_the_whole_table_is_not_a_group():
    rows = [["DOKUMEN PELAKSANAAN ANGGARAN TAHUN 2024", "", ""], ["Kode", "Uraian", "Pagu"], ["7.01.01", "P", 5]]
    h = find_header(rows, [(0, 0, 0, 2)], SPECS)
    assert (h.row, h.height, h.data_start) == (1, 1, 2)


@pytest.mark.parametrize("parts,levels,code", [
    (["2", "05", "02", "2", "01", "0003"], None, "2.05.02.2.01.0003"),       # kegiatan 2 after urusan 2
    (["7", "01", "01", "2", "01", "0001"], None, "7.01.01.2.01.0001"),
    (["2.05.02", "2.05.02.2.01", "2.05.02.2.01.0003"], None, "2.05.02.2.01.0003"),   # full codes
    (["2", "05", "02", "2.05", "0001"], [1, 2, 3, 5, 6], "2.05.02.2.05.0001"),      # kegiatan 2.05 in its column
    (["2.05.02", "2.01", "0003"], [3, 5, 6], "2.05.02.2.01.0003"),
    (["2.05.02.2.01.0003", "2.05.02"], [None, 3], "2.05.02.2.01.0003"),              # a parent's code repeated
    (["2", "05", "02", None, None], None, "2.05.02"),
])
def test_code_segments_join_by_position(parts, levels, code):
    assert join_parts(parts, levels) == code


def test_kode_level_from_header():
    assert [kode_level(h) for h in ("Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan",
                                    "Kode Sub Kegiatan", "Kode", "Kode Program/Kegiatan")] == [1, 2, 3, 5, 6, None, None]


def test_indicator_names_written_two_ways_are_one_key():
    from lkjip_xl.read.names import indicator_key

    ikm = {indicator_key(n) for n in ("Indeks IKM", "Indeks Kepuasan Masyarakat (IKM)", "INDEKS KEPUASAN MASYARAKAT",
                                      "IKM", "Nilai SKM", "Survei Kepuasan Masyarakat (SKM)")}
    assert ikm == {"indeks kepuasan masyarakat"}
    assert indicator_key("Nilai SAKIP") == indicator_key("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    assert indicator_key("Nilai SAKIP") != indicator_key("Indeks IKM")


def test_indicators_matched_by_number_under_the_same_sasaran_and_alike_ones_said():
    from lkjip_xl.check.matching import match
    from lkjip_xl.check.model import Indicator

    ref = [Indicator(1, "1", "", "Sasaran A", "Persentase dokumen perencanaan tepat waktu"),
           Indicator(2, "2", "", "Sasaran A", "Persentase pengaduan yang ditindaklanjuti")]
    others = [Indicator(5, "1", "", "Sasaran A", "Persentase dokumen perencanaan yang disusun tepat waktu"),
              Indicator(6, "3", "", "Sasaran B", "Persentase pengaduan masyarakat yang ditindaklanjuti"),
              Indicator(7, "4", "", "Sasaran B", "Jumlah desa mandiri")]
    found, alike = match(ref, others)
    assert {i: r.row for i, r in found.items()} == {0: 1}
    assert [(o.row, r.row) for o, r in alike] == [(6, 2)]


def test_cells_without_address_keep_formula_and_percent(tmp_path):
    from lkjip_xl.xlsx.cells import with_addresses

    xml = b'<row r="2"><c s="1"><v>1</v></c><c t="e"><v>#REF!</v></c><c r="E2"/><c><f>A1</f></c></row><row><c/></row>'
    assert with_addresses(xml) == (b'<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2" t="e"><v>#REF!</v></c>'
                                   b'<c r="E2"/><c r="F2"><f>A1</f></c></row><row><c r="A3"/></row>')
    facts = layouts.VARIANTS["q21-xlsx-cells-without-address"].build(tmp_path)
    found = check([tmp_path]).findings
    assert {(f.file, f.sheet, f.cell) for f in found if f.code == "formula-without-value"} == facts["formula_cells"]
    assert [f.code for f in found if f.code != "formula-without-value"] == []     # capaian read as percent


def test_next_year_stated_per_sub_kegiatan_only(built):
    """Rekening lines with an empty next-year cell: the sub kegiatan rows' next-year amounts are the
    leaves of that column (no finding), and kegiatan, program and JUMLAH agree with their sum."""
    result, facts = built("q24-rekening-next-year-blank")
    assert result.findings == []
    assert result.budget.pagu_next == facts["pagu_next"]
    assert result.budget.total("pagu_next") == layouts.book("7.01").total["pagu_next"]
    assert result.totals["pagu"] == layouts.book("7.01").total["pagu"]


def test_wrong_sub_kegiatan_next_year_is_one_finding(tmp_path):
    """One sub kegiatan's stated next-year amount typed 1.000.000 too high, its kegiatan, program
    and JUMLAH kept: one subtotal-mismatch, at the kegiatan's next-year cell."""
    b = layouts.book("7.01")
    sub = b.subs[0]
    keg = next(n for n in b.nodes if n.level == 5 and sub.kode.startswith(n.kode + "."))
    layouts._rekening_next_blank(tmp_path, {sub.kode: sub.pagu_next + 1_000_000})
    result = check([tmp_path])
    assert [(f.code, f.kode, f.cell[0], f.expected - f.actual) for f in result.findings] == [
        ("subtotal-mismatch", keg.kode, "F", 1_000_000)]
    # the stated figure is the leaf: the totals follow what the sub kegiatan row says
    assert result.budget.pagu_next[sub.kode] == sub.pagu_next + 1_000_000


def test_tabel_3_9_next_year_column(tmp_path):
    """Tabel 3.9's next-year column: the sub kegiatan figures when the DPA states them per sub
    kegiatan only; "-" (not 0) when the DPA gives no next-year amount at all."""
    import openpyxl

    from lkjip_xl.pipeline import build
    b = layouts.book("7.01")
    layouts._rekening_next_blank(tmp_path / "rincian")
    _, out = build([tmp_path / "rincian"], output=tmp_path / "a.xlsx")
    rows = [r for r in openpyxl.load_workbook(out, data_only=True)["Tabel 3.9"].iter_rows(values_only=True)]
    total = next(r for r in rows if r[1] == "JUMLAH")
    assert total[2:5] == (b.total["pagu"], b.total["real"][-1], b.total["pagu_next"])

    layouts.write_plain(b, tmp_path / "tanpa")
    t = layouts.plain_dpa(b)
    for row in t.rows:
        del row[3]                                      # no Prakiraan Maju column
    layouts.write_xlsx(tmp_path / "tanpa" / layouts.mv.DPA_FILE, [t])
    result, out = build([tmp_path / "tanpa"], output=tmp_path / "b.xlsx")
    assert result.budget.pagu_next == {} and result.findings == []
    rows = [r for r in openpyxl.load_workbook(out, data_only=True)["Tabel 3.9"].iter_rows(values_only=True)]
    body = [r for r in rows if isinstance(r[2], int)]              # program, kegiatan, sub and JUMLAH rows
    assert len(body) == len(b.nodes) + 1 and all(r[4] == "-" for r in body)
    assert next(r for r in rows if r[1] == "JUMLAH")[2] == b.total["pagu"]
