"""The reader end to end under random title blocks, and the small decisions it makes on cells."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from lkjip_xl.read import codes
from lkjip_xl.xlsx import grid
from lkjip_xl.read.numbers import parse_amount, parse_indicator
from lkjip_xl.pipeline import check
from lkjip_xl.check.cells import month as _month
from variants import make_variants as mv

# Title words that are no column name, so a title row can never pass for a header.
WORDS = ["PEMERINTAH", "KABUPATEN CONTOH", "KECAMATAN CONTOH", "DOKUMEN PELAKSANAAN", "REKAPITULASI",
         "Halaman 1 dari 2", "Lampiran I", "SKPD : 7.01.0.00.0.00.01.0000", ":", "Dicetak dari SIPD", ""]

title_cells = st.lists(st.sampled_from(WORDS), min_size=0, max_size=6)
layouts = st.fixed_dictionaries({
    "title": st.lists(title_cells, min_size=0, max_size=25),
    "merge": st.lists(st.booleans(), min_size=25, max_size=25),     # merge a title row across the table
    "left": st.integers(min_value=0, max_value=2),                   # blank columns left of the table
    "numbers": st.booleans(),                                        # a (1) (2) (3) row under the header
    "year": st.sampled_from(["TAHUN ANGGARAN 2024", "TAHUN 2024", "2024", "TA. 2024", "Tahun Anggaran : 2024"]),
})


def _write(path, layout):
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap DPA"
    left = layout["left"]
    # the year line right above the header must not pass for a group row over it
    rows = layout["title"] + [[layout["year"]]] if layout["title"] else []
    for r, cells in enumerate(rows, 1):
        for c, v in enumerate(cells, 1 + left):
            if v:
                ws.cell(r, c, v)
        if layout["merge"][min(r - 1, 24)] and cells:
            ws.merge_cells(start_row=r, start_column=1 + left, end_row=r, end_column=4 + left)
    r = len(rows) + 1
    table = mv.plain_dpa_tab().rows
    if layout["numbers"]:
        table.insert(1, ["(1)", "(2)", "(3)", "(4)"])
    for values in table:
        for c, v in enumerate(values, 1 + left):
            ws.cell(r, c, v)
        r += 1
    wb.save(path)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layouts)
def test_dpa_reads_the_same_under_any_title_block(tmp_path_factory, layout):
    d = tmp_path_factory.mktemp("judul")
    _write(d / "DPA Kecamatan Contoh 2024.xlsx", layout)
    r = check([d])
    assert r.budget.pagu == {n.kode: n.pagu for n in mv.SUBS}
    assert r.budget.pagu_next == {n.kode: n.pagu_next for n in mv.SUBS}
    assert r.findings == []


@pytest.mark.parametrize("value, kode", [
    ("7.01.01.2.01.0001", "7.01.01.2.01.0001"), (" 7.01.\n01\u200b", "7.01.01"), ("\u00a07.01\t", "7.01"),
    ("'7.01.01", "7.01.01"), (7.01, "7.01"), (2.01, "2.01"), (7.0, "7"), (7, "7"), ("x.xx.01", "X.XX.01"),
    (None, None), ("", None),
])
def test_kode_cells(value, kode):
    assert codes.clean(value) == kode


@pytest.mark.parametrize("value", [7.1, 2.1, 7.001, True, dt.date(2001, 1, 7)])
def test_kode_cells_that_lost_digits_are_refused(value):
    with pytest.raises(codes.BadKode):
        codes.clean(value)


def test_rekening_number_keeps_its_single_digit():
    assert codes.clean(5.1, account=True) == "5.1"


@pytest.mark.parametrize("value, month", [
    (3, 3), (3.0, 3), ("03", 3), ("2024-03", 3), ("03/2024", 3), ("Maret", 3), ("MARET 2024", 3), ("Mar-24", 3),
    (dt.date(2024, 3, 31), 3), (dt.datetime(2024, 12, 1), 12),
    (13, None), (3.5, None), ("Triwulan I", None), ("Januari s.d. Maret", None), ("2024", None),
])
def test_bulan_cells(value, month):
    assert _month(value) == month


def test_leading_apostrophe_is_excels_text_mark():
    assert parse_amount("'19.422.400.000") == 19_422_400_000
    assert parse_indicator("'89,50") == Decimal("89.50")
    assert parse_amount("'-") == 0


@pytest.mark.parametrize("text, delim", [
    ("Kode;Uraian;Pagu\n7.01;Perencanaan, Penganggaran, dan Evaluasi;19.422.400.000\n", ";"),
    ("No;Target;Realisasi;Capaian\n1;95;89,50;94,21\n2;75;75,75;101,00\n", ";"),
    ('Kode,Uraian,Pagu\n7.01,"Perencanaan; Evaluasi","10,000,000"\n', ","),
    ("Kode\tUraian\tPagu\n7.01\tPerencanaan, Evaluasi\t100\n", "\t"),
])
def test_csv_delimiter(text, delim):
    assert grid._delimiter(text) == delim


def test_csv_encodings(tmp_path):
    p = tmp_path / "DPA.csv"
    p.write_bytes("Kode;Uraian;Pagu\r\n7.01;Koordinasi – Kecamatan;1.000\r\n".encode("cp1252"))
    assert grid.load(p)[0].rows[1] == ["7.01", "Koordinasi – Kecamatan", "1.000"]
    p.write_bytes("Kode\tUraian\n7.01\tA\n".encode("utf-16"))
    assert grid.load(p)[0].rows[1] == ["7.01", "A"]
    p.write_bytes(b"Kode;Uraian\n7.01;\x81\x8d\n")
    with pytest.raises(grid.Unreadable, match="UTF-8"):
        grid.load(p)


def test_percent_formatted_cells_are_known(tmp_path):
    wb = Workbook()
    ws = wb.active
    for ref, value, fmt in [("A1", 0.9421, "0.00%"), ("A2", 0.5, "0%"), ("A3", 0.5, "0.0%"), ("A4", 5, '0 "%"'),
                            ("A5", 5, "#,##0"), ("A6", 0.5, "[Red]0.0%")]:
        ws[ref] = value
        ws[ref].number_format = fmt
    wb.save(tmp_path / "p.xlsx")
    assert grid.percent_cells(tmp_path / "p.xlsx", "Sheet") == {(0, 0), (1, 0), (2, 0), (5, 0)}


def test_kode_cache_keeps_true_apart_from_one():
    assert codes.clean(1) == "1"
    with pytest.raises(codes.BadKode):
        codes.clean(True)


@pytest.mark.parametrize("line, tail", [
    ("Blora, 31 Desember 2024", True), ("Blora, 31 Desember", True), ("Blora, ........ 2024", True),
    ("Blora,    Desember 2024", True), ("Kab. Blora, 31-12-2024", True), ("Blora, …… Desember 2024", True),
    ("Ditetapkan di Blora", True), ("Pada tanggal ........ 2024", True), ("Mengetahui,", True),
    # names of program, kegiatan or rekening, even with a comma, are not a signature
    ("Belanja Barang dan Jasa, Modal", False), ("Program Penunjang Urusan, Pemerintahan", False),
    ("Belanja Jasa, 2024 tambahan", False), ("Fasilitasi Pelaksanaan Musrenbang", False), ("7.01.01", False),
])
def test_signature_place_and_date_lines(line, tail):
    from lkjip_xl.read.rows import _is_tail_marker
    assert _is_tail_marker(line) is tail
