"""Anggaran kas (SIPD's cash plan): read by name or header, months or quarters, rekening lines,
stated sums checked, total per sub kegiatan against the DPA pagu; the RFK figures and warnings."""
from decimal import Decimal

import pytest
from builders import REAL, SUBS, Sheet, budget_sheet, check, dpa, found, one, realisasi, save, where

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
S1, S2, S3, S4 = sorted(SUBS)
HALF = {c: v // 2 for c, v in REAL.items()}


def even(pagu: int) -> tuple:
    m = [pagu // 12] * 12
    m[-1] += pagu - sum(m)
    return (*m, pagu)


def office(tmp, plan=None, *, name="Anggaran Kas 2024.xlsx", sheet="Anggaran Kas", header=(*MONTHS, "Jumlah"),
           real=HALF, month=6, **kw):
    dpa(tmp, SUBS)
    realisasi(tmp, month, SUBS, real)
    s = budget_sheet(sheet, plan or {c: even(v) for c, v in SUBS.items()}, tuple(header),
                     title="ANGGARAN KAS TAHUN 2024", **kw)
    save(tmp / name, s)
    return s


def test_clean_plan_gives_exact_rfk(tmp_path):
    office(tmp_path)
    r = check(tmp_path)
    assert r.findings == []
    assert [s.role for s in r.sheets if s.name == "Anggaran Kas"] == ["anggaran_kas"]
    rencana = sum(even(v)[0] * 6 for v in SUBS.values())
    assert r.rfk.bulan == 6 and r.rfk.total.rencana == rencana
    assert r.rfk.total.realisasi == sum(HALF.values())
    pagu = sum(SUBS.values())
    assert r.rfk.total.rencana_pct == Decimal("50.00") and r.rfk.total.realisasi_pct == Decimal("48.78")
    assert r.rfk.total.deviasi == Decimal("-1.22")
    assert r.to_json()["rfk"] == {"bulan": 6, "rencana": rencana, "realisasi": sum(HALF.values()), "deviasi": "-1.22", "incomplete": []}
    assert r.to_json()["totals"]["bulan"] == 6 and r.to_json()["totals"]["pagu"] == pagu
    sub = next(x for x in r.rfk.lines if x.kode == S2)
    assert (sub.pagu, sub.rencana, sub.realisasi) == (8_000_000_000, 666_666_666 * 6, 3_903_042_461)
    assert sub.sisa == 8_000_000_000 - 3_903_042_461
    q = r.rfk.quarters
    assert [x.label for x in q] == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert [x.realisasi for x in q] == [None, sum(HALF.values()), None, None]     # only June's file was given
    assert q[3].rencana == pagu


def test_without_anggaran_kas_rfk_is_null(tmp_path):
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 6, SUBS, HALF)
    r = check(tmp_path)
    assert r.rfk is None and r.to_json()["rfk"] is None and r.to_json()["totals"]["bulan"] == 6


def test_kas_total_differs_from_pagu(tmp_path):
    plan = {c: even(v) for c, v in SUBS.items()}
    plan[S1] = even(SUBS[S1] + 1200)
    s = office(tmp_path, plan)
    r = check(tmp_path)
    f = one(r, "kas-mismatch")
    assert where(f) == ("kas-mismatch", "error", "Anggaran Kas 2024.xlsx", "Anggaran Kas", s.cell(S1, "Jumlah"), S1,
                        SUBS[S1], SUBS[S1] + 1200)
    # the program and kegiatan rows state the sums of their lines: no other finding
    assert [x.code for x in r.findings] == ["kas-mismatch"]


def test_sub_kegiatan_missing_from_plan(tmp_path):
    office(tmp_path, {c: even(v) for c, v in SUBS.items() if c != S4})
    f = one(check(tmp_path), "kas-mismatch")
    assert (f.kode, f.expected, f.actual, f.cell) == (S4, SUBS[S4], 0, None)


def test_row_jumlah_and_stated_subtotal_checked(tmp_path):
    s = office(tmp_path)
    s.set(S3, "Jumlah", SUBS[S3] + 5)                 # a row's Jumlah ≠ its months
    s.set("7.01.02", "Maret", 1)                      # a program's stated March ≠ its lines
    save(tmp_path / "Anggaran Kas 2024.xlsx", s)
    r = check(tmp_path)
    got = sorted((f.code, f.cell, f.expected, f.actual) for f in r.findings)
    assert got == [("subtotal-mismatch", s.cell("7.01.02", "Maret"), even(SUBS[S3])[2] + even(SUBS[S4])[2], 1),
                   ("total-mismatch", s.cell(S3, "Jumlah"), SUBS[S3], SUBS[S3] + 5)]


def test_quarters_spread_over_their_months(tmp_path):
    tw = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    plan = {c: (v // 4, v // 4, v // 4, v - 3 * (v // 4), v) for c, v in SUBS.items()}
    office(tmp_path, plan, header=(*tw, "Jumlah"), name="Rencana Penarikan Dana 2024.xlsx", sheet="Sheet1")
    r = check(tmp_path)
    assert r.findings == []
    assert r.rfk.total.rencana == sum(2 * (v // 4) for v in SUBS.values())      # s.d. Juni = TW I + TW II
    assert r.rfk.quarters[0].rencana == sum(v // 4 for v in SUBS.values())


def test_rekening_lines_under_sub_kegiatan(tmp_path):
    lines = {S1: [("5.1.02.01.01.0024", even(4_000_000)), ("5.1.02.01.01.0052", even(930_000))]}
    office(tmp_path, rekening=lines)
    r = check(tmp_path)
    assert r.findings == []
    assert r.rfk.total.rencana == sum(even(v)[0] * 6 for v in SUBS.values())


def test_role_from_header_alone(tmp_path):
    office(tmp_path, name="Rencana 2024.xlsx", sheet="Lembar1", header=[f"Bulan {m}" for m in range(1, 13)] + ["Total"])
    r = check(tmp_path)
    assert [s.role for s in r.sheets if s.name == "Lembar1"] == ["anggaran_kas"] and r.findings == []
    assert r.rfk.total.rencana == sum(even(v)[0] * 6 for v in SUBS.values())


def test_deviasi_warning_for_program_and_kegiatan_far_behind(tmp_path):
    s = office(tmp_path, real={**HALF, S3: 0, S4: 0})
    r = check(tmp_path)
    assert [(f.file, f.sheet, f.cell) for f in found(r, "deviasi")] == [
        ("Anggaran Kas 2024.xlsx", "Anggaran Kas", s.cell(c, "Kode")) for c in ("7.01.02", "7.01.02.2.01", "7.01.02.2.02")]
    got = sorted((f.code, f.severity, f.kode, f.expected, f.actual) for f in r.findings)
    # program 7.01.02 and its two kegiatan spent nothing against a plan of 50 % of pagu
    assert got == [("deviasi", "warning", "7.01.02", Decimal("50.00"), Decimal("0.00")),
                   ("deviasi", "warning", "7.01.02.2.01", Decimal("50.00"), Decimal("0.00")),
                   ("deviasi", "warning", "7.01.02.2.02", Decimal("50.00"), Decimal("0.00"))]
    assert "-50,00 poin" in found(r, "deviasi")[0].message()
    status = {x.kode: r.rfk.status(x) for x in r.rfk.lines}
    assert status["7.01.02"] == "Kritis" and status["7.01.01"] == "Terlambat"


def test_band_edge_is_yellow_not_red(tmp_path):
    # exactly 10 points behind: within the band, no warning
    plan = {c: even(v) for c, v in SUBS.items()}
    office(tmp_path, plan, real={**HALF, S3: 10_000_000, S4: 4_000_000})    # 7.01.02: 40 % vs 50 %
    r = check(tmp_path)
    p = next(x for x in r.rfk.lines if x.kode == "7.01.02")
    assert p.deviasi == Decimal("-10.00") and r.rfk.status(p) == "Terlambat"
    assert not any(f.kode == "7.01.02" for f in found(r, "deviasi"))


def test_realisasi_fisik_weighted_by_pagu(tmp_path):
    dpa(tmp_path, SUBS)
    s = budget_sheet("LRA", {c: (SUBS[c], HALF[c]) for c in SUBS}, ("Anggaran", "Realisasi"),
                     title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
    s.header.append("Realisasi Fisik (%)")
    for line in s.lines:
        line.append(None)
    for code, f in ((S1, 40), (S2, "60,5"), (S3, 100)):
        s.set(code, "Realisasi Fisik (%)", f)
    save(tmp_path / "Realisasi 2024-06.xlsx", s)
    r = check(tmp_path)
    assert r.findings == [] and r.to_json()["rfk"] is None     # no anggaran kas: RFK without a plan
    fis = {x.kode: x.fisik for x in r.rfk.lines}
    assert fis[S2] == Decimal("60.5") and fis[S4] is None
    # program 7.01.01: (40 × 4.930.000 + 60,5 × 8.000.000.000) / 8.004.930.000
    assert fis["7.01.01"] == Decimal("60.49")
    assert fis["7.01.02"] == Decimal("100.00")          # only S3 has fisik: its own figure
    assert r.rfk.total.rencana is None and r.rfk.total.deviasi is None


def test_no_deviasi_warning_once_the_year_is_closed(tmp_path):
    # December: the plan is the whole pagu, the deviation is the unspent budget (status still red)
    office(tmp_path, real={**REAL, S3: 0, S4: 0}, month=12)
    r = check(tmp_path)
    assert r.findings == []
    p = next(x for x in r.rfk.lines if x.kode == "7.01.02")
    assert (p.rencana_pct, p.deviasi, r.rfk.status(p)) == (Decimal("100.00"), Decimal("-100.00"), "Kritis")


def test_quarters_beside_months_checked_against_them(tmp_path):
    tw = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]

    def row(pagu):
        m = list(even(pagu)[:12])
        return (*m[:3], sum(m[:3]), *m[3:6], sum(m[3:6]), *m[6:9], sum(m[6:9]), *m[9:], sum(m[9:]), pagu)

    header = [*MONTHS[:3], tw[0], *MONTHS[3:6], tw[1], *MONTHS[6:9], tw[2], *MONTHS[9:], tw[3], "Jumlah"]
    s = office(tmp_path, {c: row(v) for c, v in SUBS.items()}, header=header)
    assert check(tmp_path).findings == []
    s.set(S2, "Triwulan II", 1)                        # one wrong quarter cell: one finding, at that cell
    save(tmp_path / "Anggaran Kas 2024.xlsx", s)
    r = check(tmp_path)
    assert [(f.code, f.cell, f.expected, f.actual) for f in r.findings] == [
        ("total-mismatch", s.cell(S2, "Triwulan II"), 3 * 666_666_666, 1)]
    assert r.rfk.total.rencana == sum(even(v)[0] * 6 for v in SUBS.values())


def test_program_with_one_kegiatan_behind_is_one_deviasi(tmp_path):
    # program 7.01.02 has a single kegiatan (S3 alone): its figures are the kegiatan's, so the delay
    # is said once, at the kegiatan (one mistake, one finding); program 7.01.01 with two kegiatan
    # keeps its own warning beside theirs
    subs = {S1: SUBS[S1], S2: SUBS[S2], S3: SUBS[S3]}
    dpa(tmp_path, subs)
    realisasi(tmp_path, 6, subs, {S1: 0, S2: 0, S3: 0})
    s = budget_sheet("Anggaran Kas", {c: even(v) for c, v in subs.items()}, (*MONTHS, "Jumlah"),
                     title="ANGGARAN KAS TAHUN 2024")
    save(tmp_path / "Anggaran Kas 2024.xlsx", s)
    r = check(tmp_path)
    got = [(f.kode, f.cell, f.expected, f.actual) for f in found(r, "deviasi")]
    assert got == [("7.01.01", s.cell("7.01.01", "Kode"), Decimal("50.00"), Decimal("0.00")),
                   ("7.01.01.2.01", s.cell("7.01.01.2.01", "Kode"), Decimal("50.00"), Decimal("0.00")),
                   ("7.01.01.2.02", s.cell("7.01.01.2.02", "Kode"), Decimal("50.00"), Decimal("0.00")),
                   ("7.01.02.2.01", s.cell("7.01.02.2.01", "Kode"), Decimal("50.00"), Decimal("0.00"))]
    # the RFK sheet still shows the program's own line and status
    p = next(x for x in r.rfk.lines if x.kode == "7.01.02")
    assert p.deviasi == Decimal("-50.00") and r.rfk.status(p) == "Kritis"


def test_unreadable_pagu_skips_its_kas_comparison_and_leaves_the_rfk_honest(tmp_path):
    # a letter O in one DPA pagu: one bad-number, whose message names the anggaran kas comparison it
    # stopped (its pagu is unknown, not 0); the RFK leaves that sub kegiatan out of rencana and
    # realisasi alike, so the deviasi compares the same sub kegiatan, and says it is incomplete
    s = office(tmp_path)
    d = budget_sheet("DPA", SUBS)
    d.set(S1, "Pagu", "Rp. 4.93O.000,-")
    save(tmp_path / "DPA 2024.xlsx", d)
    r = check(tmp_path)
    assert [where(f) for f in r.findings] == [
        ("bad-number", "error", "DPA 2024.xlsx", "DPA", d.cell(S1, "Pagu"), S1, None, "Rp. 4.93O.000,-")]
    msg = r.findings[0].message()
    assert f"perbandingan anggaran kas {S1} (Anggaran Kas 2024.xlsx › Anggaran Kas) dengan pagunya" in msg
    assert f"comparison of the cash plan of {S1}" in r.findings[0].message("en")
    pagu = sum(SUBS.values()) - SUBS[S1]
    rencana = sum(even(v)[0] * 6 for c, v in SUBS.items() if c != S1)
    spent = sum(v for c, v in HALF.items() if c != S1)
    assert r.totals["pagu"] == pagu and r.totals["incomplete"] == ["pagu"]
    assert r.totals["realisasi"] == sum(HALF.values())            # the LRA's own figure, whole
    assert r.to_json()["rfk"] == {"bulan": 6, "rencana": rencana, "realisasi": spent, "deviasi": "-1.22",
                                  "incomplete": ["realisasi", "rencana"]}
    lines = {x.kode: x for x in r.rfk.lines}
    assert (lines[S1].pagu, lines[S1].rencana, lines[S1].realisasi, lines[S1].deviasi) == (None, None, None, None)
    k1 = S1.rsplit(".", 1)[0]
    assert (lines[k1].rencana, lines[k1].realisasi) == (0, 0)     # its kegiatan has no other sub kegiatan
    assert [q.rencana for q in r.rfk.quarters] == [sum(even(v)[0] * m for c, v in SUBS.items() if c != S1)
                                                   for m in (3, 6, 9)] + [pagu]
    assert r.rfk.quarters[1].realisasi == spent


@pytest.mark.parametrize("layout", ["sub rows only", "program and kegiatan rows too"])
def test_one_wrong_month_is_one_finding_at_that_month(tmp_path, layout):
    # April of one sub kegiatan typed 1,000,000 too high, its Jumlah (= the DPA's pagu) left right:
    # the month is wrong, not the Jumlah, and the kas-mismatch (months against pagu) follows from it;
    # with kegiatan rows above, their April says which month: the finding is at that very cell
    months = MONTHS

    def even(p):
        m = [p // 12] * 12
        m[-1] += p - sum(m)
        return (*m, p)

    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 6, SUBS, {c: v // 2 for c, v in SUBS.items()})
    plan = {c: even(v) for c, v in SUBS.items()}
    if layout == "sub rows only":
        s = Sheet("Anggaran Kas", ["Kode", "Uraian", *months, "Jumlah"], title="ANGGARAN KAS TAHUN 2024")
        for c, v in sorted(plan.items()):
            s.add([c, f"Sub {c}", *v], key=c)
    else:
        s = budget_sheet("Anggaran Kas", plan, (*months, "Jumlah"), title="ANGGARAN KAS TAHUN 2024")
    save(tmp_path / "Anggaran Kas 2024.xlsx", s)
    assert [f for f in check(tmp_path).findings if f.severity == "error"] == []
    sub = "7.01.02.2.01.0001"
    s.set(sub, "April", even(SUBS[sub])[3] + 1_000_000)
    save(tmp_path / "Anggaran Kas 2024.xlsx", s)
    errors = [f for f in check(tmp_path).findings if f.severity == "error"]
    assert [(f.code, f.kode) for f in errors] == [("total-mismatch", sub)]
    if layout == "sub rows only":
        assert errors[0].cell == s.cell(sub, "Jumlah") and "salah satu angka bulanannya" in errors[0].message()
    else:
        assert errors[0].cell == s.cell(sub, "April") and "Perbaiki sel ini saja" in errors[0].message()


def test_an_anggaran_kas_kept_empty_is_no_plan_not_a_plan_of_zero(tmp_path):
    # the template's Anggaran Kas.xlsx with its example row deleted and nothing typed: no plan was
    # given (one info saying so), not a plan of 0 for every sub kegiatan (kas-mismatch each)
    dpa(tmp_path, SUBS)
    realisasi(tmp_path, 6, SUBS, HALF)
    save(tmp_path / "Anggaran Kas.xlsx", Sheet("Anggaran Kas", ["Kode", "Uraian", *MONTHS, "Jumlah"],
                                               title="ANGGARAN KAS TAHUN 2024"))
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file) for f in r.findings] == [("no-role", "info", "Anggaran Kas.xlsx")]
    assert "tidak berisi baris data" in r.findings[0].message()
    assert r.rfk is None or not r.rfk.has_kas
