"""Realisasi months with no file (the outsider corpus c, p30 and p09): 'Bulan Ini' files are added up
month by month, so a month without its file leaves the realisasi to date unknown — one month-missing
warning, the realisasi the sum of the months given and marked incomplete; cumulative files stay
exact, and a month between them without a file is only a gap in the monthly trend (info)."""
from builders import REAL, SUBS, TAHUN, budget_sheet, check, dpa, found, one, realisasi, save

S1 = "7.01.01.2.01.0001"


def share(month: int) -> dict[str, int]:
    """Each month's own realisasi: a different part of the year's per sub kegiatan."""
    return {c: v * month // 100 for c, v in REAL.items()}


def bulan_ini(tmp, months):
    """'Realisasi <tahun>-MM.xlsx' with Kode | Uraian | Anggaran | Realisasi Bulan Ini."""
    for m in months:
        s = budget_sheet("LRA", {c: (SUBS[c], v) for c, v in share(m).items()}, ("Anggaran", "Realisasi Bulan Ini"),
                         title=f"LAPORAN REALISASI ANGGARAN BULAN INI TAHUN {TAHUN}")
        save(tmp / f"Realisasi {TAHUN}-{m:02d}.xlsx", s)


def test_bulan_ini_files_with_a_month_missing(tmp_path):
    dpa(tmp_path, SUBS)
    bulan_ini(tmp_path, (1, 3, 4))
    r = check(tmp_path)
    f = one(r, "month-missing")
    assert (f.severity, f.file, f.sheet, f.cell, f.params["missing"]) == ("warning", f"Realisasi {TAHUN}-03.xlsx",
                                                                          "LRA", None, [2])
    assert f.message() == (
        "Tidak ada berkas realisasi untuk Februari, padahal ada untuk Januari, Maret dan April, yang "
        "angkanya realisasi bulan itu saja ('Bulan Ini'): realisasi s.d. April adalah jumlah realisasi per bulan, sehingga tanpa bulan itu tidak dapat diketahui. "
        "Yang dijumlahkan hanya bulan yang ada, dan realisasi ditandai belum lengkap. Tambahkan berkas bulan "
        "yang hilang, atau berkas realisasi s.d. April.")
    assert "for February, though there is one for January, March and April" in f.message("en")
    assert [x.code for x in r.findings] == ["month-missing"]
    given = sum(sum(share(m).values()) for m in (1, 3, 4))
    assert r.totals["realisasi"] == given and r.totals["bulan"] == 4
    assert r.to_json()["totals"]["incomplete"] == ["realisasi"]
    # January alone is known; from March on every running total holds the unknown February
    assert r.budget.monthly[1][S1] == share(1)[S1] and r.budget.monthly[3][S1] == share(1)[S1] + share(3)[S1]
    assert r.budget.incomplete("realisasi", "7.01.02")


def test_bulan_ini_files_without_january(tmp_path):
    dpa(tmp_path, SUBS)
    bulan_ini(tmp_path, (2, 3))
    r = check(tmp_path)
    assert one(r, "month-missing").params["missing"] == [1]
    assert "untuk Januari, padahal ada untuk Februari dan Maret" in one(r, "month-missing").message()
    assert r.totals["incomplete"] == ["realisasi"]


def test_bulan_ini_files_every_month_given(tmp_path):
    dpa(tmp_path, SUBS)
    bulan_ini(tmp_path, (1, 2, 3))
    r = check(tmp_path)
    assert r.findings == []
    assert r.totals["realisasi"] == sum(sum(share(m).values()) for m in (1, 2, 3)) and r.totals["incomplete"] == []


def test_cumulative_files_with_a_month_missing_keep_exact_totals(tmp_path):
    dpa(tmp_path, SUBS)
    for m in (1, 2, 4, 5):
        realisasi(tmp_path, m, SUBS, {c: v * m // 12 for c, v in REAL.items()})
    r = check(tmp_path)
    f = one(r, "trend-month-missing")
    assert (f.severity, f.file, f.params["missing"]) == ("info", f"Realisasi {TAHUN}-04.xlsx", [3])
    assert f.message().startswith("Tidak ada berkas realisasi untuk Maret: realisasi s.d. bulan terakhir tetap tepat")
    assert [x.code for x in r.findings] == ["trend-month-missing"]
    assert r.totals["realisasi"] == sum(v * 5 // 12 for v in REAL.values()) and r.totals["incomplete"] == []
    assert sorted(r.budget.monthly) == [1, 2, 4, 5]


def test_cumulative_files_from_a_later_month_are_no_gap(tmp_path):
    # an office that keeps only its recent files (April to June): nothing is skipped between them
    dpa(tmp_path, SUBS)
    for m in (4, 5, 6):
        realisasi(tmp_path, m, SUBS, {c: v * m // 12 for c, v in REAL.items()})
    assert found(check(tmp_path), "trend-month-missing") == []


def test_missing_month_said_in_the_workbook(tmp_path):
    from openpyxl import load_workbook

    from lkjip_xl.pipeline import build

    dpa(tmp_path, SUBS)
    bulan_ini(tmp_path, (1, 3))
    out = tmp_path / "out.xlsx"
    build([tmp_path], output=out, tahun=TAHUN, docx=False)
    wb = load_workbook(out)
    texts = lambda ws: [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    note = ("Realisasi belum lengkap: tidak ada berkas realisasi untuk Februari, padahal angka berkas bulanan "
            "lainnya adalah realisasi bulan itu saja, sehingga realisasi s.d. bulan terakhir hanya menjumlahkan "
            "bulan yang ada (lihat lembar Rekonsiliasi).")
    assert note in texts(wb["Ringkasan"]) and note in texts(wb["Tabel 3.9"])
    assert any(t.startswith("BELUM LENGKAP: realisasi") for t in texts(wb["Ringkasan"]))
    assert not any("tidak terbaca" in t for t in texts(wb["Tabel 3.9"]))


def test_quarter_files_are_no_gap(tmp_path):
    # files at each quarter's end (or June and December) skip months on purpose: no trend finding
    dpa(tmp_path, SUBS)
    for m in (3, 6, 9):
        realisasi(tmp_path, m, SUBS, {c: v * m // 12 for c, v in REAL.items()})
    assert check(tmp_path).findings == []


def test_realisasi_bulanan_says_the_months_without_a_file(tmp_path):
    from openpyxl import load_workbook

    from lkjip_xl.pipeline import build

    dpa(tmp_path, SUBS)
    for m in (1, 2, 4):
        realisasi(tmp_path, m, SUBS, {c: v * m // 12 for c, v in REAL.items()})
    out = tmp_path / "out.xlsx"
    build([tmp_path], output=out, tahun=TAHUN, docx=False)
    ws = load_workbook(out)["Realisasi Bulanan"]
    texts = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert [t for t in ("Januari", "Februari", "Maret", "April") if t in texts] == ["Januari", "Februari", "April"]
    assert ("Tidak ada berkas realisasi untuk Maret: bulan itu tidak ditampilkan; angka bulan lain tetap tepat "
            "(realisasi kumulatif).") in texts
    assert not any(t.startswith("Realisasi belum lengkap") for t in texts)


def test_realisasi_bulanan_says_the_bulan_ini_gap(tmp_path):
    from openpyxl import load_workbook

    from lkjip_xl.pipeline import build

    dpa(tmp_path, SUBS)
    bulan_ini(tmp_path, (1, 3))
    out = tmp_path / "out.xlsx"
    build([tmp_path], output=out, tahun=TAHUN, docx=False)
    ws = load_workbook(out)["Realisasi Bulanan"]
    texts = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert ("Realisasi belum lengkap: tidak ada berkas realisasi untuk Februari, padahal angka berkas bulanan "
            "lainnya adalah realisasi bulan itu saja, sehingga realisasi s.d. bulan terakhir hanya menjumlahkan "
            "bulan yang ada (lihat lembar Rekonsiliasi).") in texts


def test_plain_realisasi_read_per_month_with_a_month_missing(tmp_path):
    # plain 'Realisasi' files whose figures fall month after month are read per month and added up
    # (realisasi-ambiguous): February missing among them leaves the figure to date unknown alike
    dpa(tmp_path, SUBS)
    shares = {1: 5, 3: 4, 4: 3}
    for m, pct in shares.items():
        realisasi(tmp_path, m, SUBS, {c: v * pct // 100 for c, v in SUBS.items()})
    r = check(tmp_path)
    assert sorted(f.code for f in r.findings) == ["month-missing", "realisasi-ambiguous"]
    f = one(r, "month-missing")
    assert (f.file, f.params["missing"]) == (f"Realisasi {TAHUN}-03.xlsx", [2])
    assert r.totals["realisasi"] == sum(v * pct // 100 for v in SUBS.values() for pct in shares.values())
    assert r.totals["incomplete"] == ["realisasi"]
