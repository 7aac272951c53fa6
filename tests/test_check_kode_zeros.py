"""A sub kegiatan code split over SIPD's columns whose 'Kode Sub Kegiatan' cell is the number 1
(Excel dropped the zeros of 0001): read back as 0001, because that segment always has four digits,
and said once, as a warning at the cell to retype; nothing follows from it (CONTRACT §5)."""
from builders import SUBS, TAHUN, Sheet, budget_sheet, check, realisasi, save

HEAD = ["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
        "Nama Sub Kegiatan", "Jumlah Anggaran (Rp)"]
S2 = "7.01.01.2.02.0001"


def sipd_dpa(sub_cell) -> Sheet:
    """SIPD's flattened DPA: one row per sub kegiatan, each code over five columns, a TOTAL row."""
    s = Sheet("DPA", HEAD, title=f"DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN {TAHUN}")
    for code, pagu in sorted(SUBS.items()):
        u, b, p, k1, k2, sub = code.split(".")
        s.add([u, b, p, f"{k1}.{k2}", sub_cell if code == S2 else sub, f"Sub {code}", pagu], key=code)
    s.add([None, None, None, None, None, "TOTAL", sum(SUBS.values())], key="TOTAL")
    return s


def test_sub_kegiatan_typed_as_number_one_is_0001_and_one_warning(tmp_path):
    real = {c: v // 2 for c, v in SUBS.items()}
    realisasi(tmp_path, 6, SUBS, real)
    kas = budget_sheet("Anggaran Kas", {c: (v // 2, v - v // 2, v) for c, v in SUBS.items()},
                       ("Juni", "Desember", "Jumlah"), title=f"ANGGARAN KAS TAHUN {TAHUN}")
    save(tmp_path / "Anggaran Kas 2024.xlsx", kas)
    dpa = sipd_dpa("0001")
    save(tmp_path / "DPA 2024.xlsx", dpa)
    assert check(tmp_path).findings == []                  # the office is consistent
    dpa = sipd_dpa(1)
    save(tmp_path / "DPA 2024.xlsx", dpa)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.sheet, f.cell, f.kode, f.expected, f.actual) for f in r.findings] == [
        ("bad-kode", "warning", "DPA 2024.xlsx", "DPA", dpa.cell(S2, "Kode Sub Kegiatan"), S2, "0001", "1")]
    assert dpa.cell(S2, "Kode Sub Kegiatan") == "E5"
    msg = r.findings[0].message()
    assert "angka 1" in msg and "dibaca sebagai 0001 (kode 7.01.01.2.02.0001)" in msg and "Teks" in msg
    assert "read as 0001" in r.findings[0].message("en")
    # the row counts: no total-mismatch, no missing-in-dpa in the realisasi or the anggaran kas
    assert r.totals["pagu"] == sum(SUBS.values()) and r.totals["incomplete"] == []
    assert r.totals["realisasi"] == sum(real.values())
    assert r.budget.pagu[S2] == SUBS[S2]


def test_a_number_no_segment_can_be_is_bad_kode_at_its_own_cell(tmp_path):
    # 12345 in 'Kode Sub Kegiatan' (four digits) or 0: said at that cell (E), not at Kode Urusan (A)
    for typed in (12345, 0):
        dpa = sipd_dpa(typed)
        save(tmp_path / "DPA 2024.xlsx", dpa)
        r = check(tmp_path)
        bad = [(f.severity, f.cell) for f in r.findings if f.code == "bad-kode"]
        assert bad == [("error", dpa.cell(S2, "Kode Sub Kegiatan"))], typed
        assert [f.actual for f in r.findings if f.code == "bad-kode"] == [str(typed)]


def test_a_letter_in_one_part_is_bad_kode_at_that_part_as_typed(tmp_path):
    # own segments ('00O1', a letter O) or SIPD's full code in every column ('7.O1.01.2.02.0001'):
    # the finding names the cell holding the letter and what is typed there, not the joined code
    dpa = sipd_dpa("00O1")
    save(tmp_path / "DPA 2024.xlsx", dpa)
    bad = [(f.cell, f.actual) for f in check(tmp_path).findings if f.code == "bad-kode"]
    assert bad == [(dpa.cell(S2, "Kode Sub Kegiatan"), "00O1")]
    full = Sheet("DPA", ["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu (Rp)"],
                 title=f"DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN {TAHUN}")
    for code, pagu in sorted(SUBS.items()):
        typed = code.replace("7.01", "7.O1", 1) if code == S2 else code
        full.add([code[:7], code[:12], typed, f"Sub {code}", pagu], key=code)
    full.add([None, None, None, "TOTAL", sum(SUBS.values())], key="TOTAL")
    save(tmp_path / "DPA 2024.xlsx", full)
    found = [f for f in check(tmp_path).findings if f.code == "bad-kode"]
    assert [(f.cell, f.actual, f.params["text"]) for f in found] == [
        (full.cell(S2, "Kode Sub Kegiatan"), "7.O1.01.2.02.0001", "7.O1.01.2.02.0001")]
    assert full.cell(S2, "Kode Sub Kegiatan").startswith("C")


def test_a_letter_in_a_sipd_sub_kegiatan_code_is_the_one_finding(tmp_path):
    # SIPD's full code in each column, one row's Kode Sub Kegiatan typed with a letter O: its own
    # Kode Kegiatan says where it stood, so the JUMLAH, the realisasi's Anggaran and its spending
    # against that pagu follow from it and are not said; the pagu is the readable sum, incomplete
    real = {c: v // 2 for c, v in SUBS.items()}
    realisasi(tmp_path, 6, SUBS, real)
    head = ["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu (Rp)"]
    full = Sheet("DPA", head, title=f"DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN {TAHUN}")
    for code, pagu in sorted(SUBS.items()):
        full.add([code[:7], code[:12], code.replace("7.01", "7.O1", 1) if code == S2 else code, f"Sub {code}",
                  pagu], key=code)
    full.add([None, None, None, "TOTAL", sum(SUBS.values())], key="TOTAL")
    save(tmp_path / "DPA 2024.xlsx", full)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.cell) for f in r.findings if f.severity != "info"] == [
        ("bad-kode", "error", full.cell(S2, "Kode Sub Kegiatan"))]
    assert r.totals["pagu"] == sum(SUBS.values()) - SUBS[S2] and r.totals["incomplete"] == ["pagu"]
