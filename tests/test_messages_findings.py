"""Every finding code has an Indonesian and an English message, and every message formats with the
parameters the engine really passes: the findings come from two messy offices built below."""
import string
from decimal import Decimal

import pytest
from builders import REAL, SUBS, Sheet, budget_sheet, check, dpa, iku, iku_sheet, program_sheet, realisasi, \
    renstra_sheet, save

from lkjip_xl.findings import Finding, catalogue, fmt

CONTRACT = ["unreadable-file", "missing-column", "no-role", "bad-number", "bad-kode", "negative-amount",
            "formula-without-value", "duplicate-kode", "subtotal-mismatch", "total-mismatch", "pagu-mismatch",
            "missing-in-dpa", "missing-realisasi", "over-budget", "realisasi-decreased", "capaian-mismatch",
            "predikat-mismatch", "target-mismatch", "zero-target", "uraian-mismatch"]
P1, S1, S2 = "7.01.01", "7.01.01.2.01.0001", "7.01.01.2.02.0001"


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_catalogue_is_complete():
    cat = catalogue()
    assert set(CONTRACT) <= set(cat)
    for code, entry in cat.items():
        assert entry["severity"] in ("error", "warning", "info"), code
        assert entry["id"].strip() and entry["en"].strip(), code
        assert _fields(entry["id"]) == _fields(entry["en"]), code


def _messy_budget(tmp):
    s = budget_sheet("DPA", SUBS)
    s.set(P1, "Pagu", 1)                                           # subtotal-mismatch
    s.set("JUMLAH", "Pagu", 2)             # not checked: the unknown amounts below enter this total
    s.add(["7.01.03.2.01.0001", "Sub", "12,3,4"])                  # bad-number
    s.add(["7.01.A", "Kode salah", 5])                             # bad-kode
    s.add([None, "Lain-lain", 7])                                  # row-without-kode
    s.add(["7.01.06.2.01.0001", "CONTOH — hapus baris ini", 9])    # example-row
    s.add(["7.01.04.2.01.0001", "Sub", -5])                        # negative-amount
    s.add(["7.01.05.2.01.0001", "Sub", "=1+1"])                    # formula-without-value
    s.add(["7.01.05.2.01.0002", "Sub", "#REF!"])                   # error-value
    s.add(["7.01.02.2.01.0001", "Sub", 25_000_000])                # duplicate-kode
    save(tmp / "DPA 2024.xlsx", s)
    realisasi(tmp, 2, SUBS, REAL)
    real = {**REAL, S1: 4_930_001, "7.01.02.2.01.0001": 22_000_000, "7.01.09.2.01.0001": 1}
    del real[S2]                                                   # missing-realisasi
    _, lra = realisasi(tmp, 3, {**SUBS, S1: 1}, real)              # over-budget, decreased, pagu, missing-in-dpa
    lra.set("7.01.02.2.01.0001", "Uraian", "Nama lain")            # uraian-mismatch
    lra.set("JUMLAH", "Anggaran", 3)                               # total-mismatch
    save(tmp / "Realisasi 2024-03.xlsx", lra)
    other = budget_sheet("LRA", {"7.01.02.2.01.0001": (25_000_000, 1)}, ("Anggaran", "Realisasi"),
                         title="LAPORAN REALISASI ANGGARAN s.d. Bulan Maret 2024")
    save(tmp / "Realisasi Tambahan.xlsx", other)                   # realisasi-mismatch
    return tmp


def _messy_indicators(tmp):
    dpa(tmp, SUBS)
    rows = [{"indikator": "A", "target": 95, "realisasi": 89.5, "capaian": 90, "predikat": "Sangat Baik"},
            {"indikator": "B", "target": 0, "realisasi": 5, "polaritas": "campuran"},
            {"indikator": "Persentase pelayanan administrasi perkantoran", "target": 100, "realisasi": 98}]
    prog = program_sheet([{"kode": P1, "program": "Program lain", "indikator": "P", "target": 100, "realisasi": 90,
                           "sasaran": "Sasaran yang tidak ada"}])
    iku(tmp, iku_sheet(rows), renstra_sheet({"A": {2024: 96},      # indikator-mirip: worded another way
                                             "Persentase capaian pelayanan administrasi perkantoran": {2024: 100}}), prog)
    s = Sheet("LRA", ["Kode", "Uraian", "Anggaran"], title="LAPORAN REALISASI")
    s.add([S1, "Sub", 1])
    save(tmp / "Realisasi 2024-06.xlsx", s)                        # missing-column
    long = Sheet("Realisasi Bulanan", ["Bulan", "Kode", "Uraian", "Realisasi Bulan Ini"])
    long.add(["Maretz", S1, "Sub", 1])
    save(tmp / "Realisasi Bulanan.xlsx", long)                     # bad-month
    save(tmp / "Realisasi.xlsx", budget_sheet("LRA", {S1: (4_930_000, 1)}, ("Anggaran", "Realisasi"),
                                              title="LAPORAN REALISASI"))   # no-month
    long = Sheet("IKU Tahunan", ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Tahun", "Target", "Realisasi"])
    long.add([1, "Sasaran A", "A", "%", 2024, 95, 89.5])
    long.add([1, "Sasaran A", "A", "%", 1985, 95, 89.5])          # schema-rule (in_range of Tahun)
    save(tmp / "IKU Tahunan 2024.xlsx", long)
    notes = Sheet("Agenda", ["Tanggal", "Catatan"])
    notes.add(["1 Januari", "rapat"])
    save(tmp / "Lain.xlsx", notes)                                 # no-role
    iku(tmp, iku_sheet([{**rows[0], "realisasi": 90}, rows[1]]), renstra_sheet({"A": {2024: 96}}), prog,
        name="IKU 2024 - Copy.xlsx")                               # indikator-mismatch
    save(tmp / "Realisasi (1).xlsx", budget_sheet("LRA", {S1: (4_930_000, 1)}, ("Anggaran", "Realisasi"),
                                                  title="LAPORAN REALISASI"))   # duplicate-file
    return tmp


MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def _even(pagu: int) -> tuple:
    m = [pagu // 12] * 12
    m[-1] += pagu - sum(m)
    return (*m, pagu)


def _messy_kas(tmp):
    dpa(tmp, SUBS)
    realisasi(tmp, 6, SUBS, {**{c: v // 2 for c, v in REAL.items()}, "7.01.02.2.01.0001": 0, "7.01.02.2.02.0001": 0})
    plan = {c: _even(v) for c, v in SUBS.items()}
    plan[S1] = _even(SUBS[S1] + 12)                               # kas-mismatch; program 7.01.02: deviasi
    save(tmp / "Anggaran Kas 2024.xlsx", budget_sheet("Anggaran Kas", plan, (*MONTHS, "Jumlah"),
                                                      title="ANGGARAN KAS TAHUN 2024"))
    return tmp


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    out = []
    for build in (_messy_budget, _messy_indicators, _messy_kas):
        out += check(build(tmp_path_factory.mktemp(build.__name__))).findings
    out.append(Finding("unreadable-file", {"reason": "berkas rusak"}, file="x.xlsx"))   # the CLI's exception
    wrong_year = tmp_path_factory.mktemp("tahun")
    dpa(wrong_year, SUBS, title="DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN 2024")
    out += check(wrong_year, tahun=2031).findings                  # tahun-mismatch (--tahun)
    dpa(wrong_year, SUBS, name="DPA 2023.xlsx", title="DPA TAHUN ANGGARAN 2023")
    out += check(wrong_year).findings                              # tahun-mismatch (one file)
    per_month = tmp_path_factory.mktemp("per-month")
    dpa(per_month, SUBS)
    for m, share in {1: 5, 2: 4, 3: 3}.items():
        realisasi(per_month, m, SUBS, {c: v * share // 100 for c, v in SUBS.items()})
    out += check(per_month).findings                               # realisasi-ambiguous
    no_year = tmp_path_factory.mktemp("tanpa_tahun")
    save(no_year / "DPA.xlsx", budget_sheet("DPA", SUBS, title="DPA KECAMATAN CONTOH"))
    iku(no_year, iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90}],
                           header=["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target",
                                   "Realisasi"]), name="Kinerja.xlsx")
    out += check(no_year, tahun=None).findings                     # empty-value: an indicator of no known year
    unlinked = tmp_path_factory.mktemp("unlinked")
    dpa(unlinked, SUBS)
    iku(unlinked, iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90},
                             {"indikator": "B", "target": 95, "realisasi": 90, "sasaran": "Sasaran B"}]))
    out += check(unlinked).findings                                # sasaran-programs-unknown: two sasaran, no programs
    gap = tmp_path_factory.mktemp("gap")
    dpa(gap, SUBS)
    for m in (1, 3):
        save(gap / f"Realisasi 2024-{m:02d}.xlsx", budget_sheet("LRA", {c: (v, v // 10) for c, v in SUBS.items()},
                                                                ("Anggaran", "Realisasi Bulan Ini")))
    out += check(gap).findings                                     # month-missing: no 'Bulan Ini' file for February
    trend = tmp_path_factory.mktemp("trend")
    dpa(trend, SUBS)
    for m in (1, 3):
        realisasi(trend, m, SUBS, {c: v * m // 12 for c, v in REAL.items()})
    out += check(trend).findings                                   # trend-month-missing: cumulative, no February
    polar = tmp_path_factory.mktemp("polaritas")
    dpa(polar, SUBS)
    iku(polar, iku_sheet([{"indikator": "A", "target": 10, "realisasi": 8, "polaritas": "negatif"}]),
        iku_sheet([{"indikator": "A", "target": 10, "realisasi": 8}], name="PK"))
    out += check(polar).findings                                   # polaritas-mismatch: IKU negatif, PK positif
    return out


def test_every_code_comes_from_real_inputs(findings):
    assert set(catalogue()) == {f.code for f in findings}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_message_formats(findings, lang):
    for f in findings:
        text = f.message(lang)
        assert text and "{" not in text and "}" not in text, (f.code, text)
        assert f.to_dict(lang)["message"] == text


def test_amount_messages_name_both_numbers_and_the_difference(findings):
    for f in findings:
        if f.code in ("subtotal-mismatch", "total-mismatch", "pagu-mismatch", "over-budget", "realisasi-decreased",
                      "realisasi-mismatch", "capaian-mismatch", "target-mismatch"):
            msg = f.message()
            diff = abs(f.expected - f.actual)
            for n in (f.expected, f.actual, diff):
                assert _id(n) in msg, (f.code, _id(n), msg)


def _id(n) -> str:
    """Indonesian figures: 10.063.628.000 and 94,21."""
    return fmt(n, "id")


def test_indonesian_and_english_number_formats():
    f = Finding("subtotal-mismatch", {"level": "Program", "column": "Pagu", "diff": 10_063_628_000},
                kode=P1, expected=10_068_558_000, actual=4_930_000)
    assert f.message() == ("Program 7.01.01: Pagu tertulis 4.930.000, tetapi jumlah rinciannya 10.068.558.000 "
                           "(selisih 10.063.628.000).")
    assert "stated as 4,930,000, but its lines add up to 10,068,558,000 (difference 10,063,628,000)" in f.message("en")
    f = Finding("capaian-mismatch", {"indikator": "A", "tahun": "2024", "rumus": "R / T × 100", "diff": Decimal("4.21")},
                expected=Decimal("94.21"), actual=Decimal("90"))
    assert "tertulis 90%, tetapi hasil hitung R / T × 100 = 94,21% (selisih 4,21 poin)" in f.message()
    assert "stated as 90%, but R / T × 100 gives 94.21% (difference 4.21 points)" in f.message("en")


def test_every_role_has_its_name_in_both_languages():
    # a message that lists what was read names each sheet's role (no-dpa, missing-column)
    from lkjip_xl.messages import Text
    from lkjip_xl.read.sheets import ROLES

    for role in ROLES:
        for lang in ("id", "en"):
            assert Text(f"role-{role}").render(lang).strip(), (role, lang)
