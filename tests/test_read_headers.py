"""Header rows are found under any title block, and two-row headers keep their group labels."""
from hypothesis import given, settings, strategies as st

from lkjip_xl.read.headers import find_header, normalize, role_specs

SPECS = role_specs()
HEADER = ["No", "Kode", "Program/ Kegiatan/\nSub Kegiatan", "Pagu (Rp)", "Anggaran 2025 (Rp.)"]


def test_normalize():
    assert normalize("Realisasi s.d. Bulan Ini (Rp)") == "realisasi sd bulan ini"
    assert normalize("% Capaian") == "capaian"
    assert normalize("Program/ Kegiatan/\nSub Kegiatan") == "program kegiatan sub kegiatan"


titles = st.lists(st.lists(st.one_of(st.just(""), st.text(alphabet="ABCDEFGHIJ KLMNOP", max_size=30)),
                           min_size=0, max_size=6), min_size=0, max_size=25)


@settings(max_examples=60, deadline=None)
@given(titles)
def test_header_found_under_random_title_block(title):
    rows = [row + [""] * (len(HEADER) - len(row)) for row in title] + [list(HEADER), ["1", "2", "3", "4", "5"],
                                                                      ["1", "7.01.01", "PROGRAM X", 100, 120]]
    h = find_header(rows, [], SPECS)
    assert h is not None and h.row == len(title) and h.height == 1
    assert h.data_start == len(title) + 2          # the column-number row is skipped
    found = h.role_scores["dpa"]
    assert {"kode", "uraian", "pagu"} <= set(found)


def test_two_row_group_header_with_merges():
    rows = [["IKU"], ["No", "Indikator Kinerja", "2022", "", "", "2023", "", ""],
            ["", "", "Target", "Realisasi", "Capaian %", "Target", "Realisasi", "Capaian %"],
            ["1", "IKM", 95, 85.93, "90,45", 95, 86.34, 90.88]]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 4), (1, 5, 1, 7)]
    h = find_header(rows, merges, SPECS)
    assert (h.row, h.height, h.data_start) == (1, 2, 3)
    cols = h.role_scores["indikator"]
    assert sorted((c.year, c.index) for c in cols["target"]) == [(2022, 2), (2023, 5)]
    assert [c.year for c in cols["capaian"]] == [2022, 2023]


def test_two_row_group_header_without_merges():
    rows = [["No", "Kode", "Uraian", "Anggaran", ""], ["", "", "", "2024", "2025"], [1, "7.01.01", "P", 5, 6]]
    h = find_header(rows, [], SPECS)
    cols = h.role_scores["dpa"]["pagu"]
    assert sorted((c.year, c.index) for c in cols) == [(2024, 3), (2025, 4)]


def test_years_typed_as_numbers_under_a_merged_group():
    # `Anggaran` merged over `2024 | 2025` typed as numbers (read as 2024.0): the same header as text
    rows = [["DPA 2024", "", "", ""], ["Kode", "Uraian", "Anggaran", ""], ["", "", 2024.0, 2025.0],
            ["7.01.01", "P", 5.0, 6.0]]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)]
    h = find_header(rows, merges, SPECS)
    assert (h.row, h.height, h.data_start) == (1, 2, 3)
    assert sorted((c.year, c.index) for c in h.role_scores["dpa"]["pagu"]) == [(2024, 2), (2025, 3)]
