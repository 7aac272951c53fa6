"""Indicator findings and calculations: capaian with polarity, predikat scales, Renstra targets,
zero targets, Tabel 3.4 progress, efisiensi, menunjang and counts."""
from decimal import Decimal as D

import pytest
from builders import SUBS, check, dpa, found, iku, iku_sheet, one, program_sheet, realisasi, renstra_sheet, where

from lkjip_xl.config import ConfigError, load_settings

IKU = "IKU 2024.xlsx"
IKM = "Indeks Kepuasan Masyarakat"


def _run(tmp_path, rows, *more, toml: str = "", **overrides):
    dpa(tmp_path, SUBS)
    s = iku_sheet(rows)
    iku(tmp_path, s, *more)
    if toml:
        (tmp_path / "lkjip.toml").write_text(toml, encoding="utf-8")
    return check(tmp_path, **overrides), s


def _ikm(**kw):
    return {"indikator": IKM, "target": 95, "realisasi": 89.5, **kw}


# capaian-mismatch -------------------------------------------------------------------------------

def test_capaian_off_by_one_hundredth_is_within_tolerance(tmp_path):
    r, _ = _run(tmp_path, [_ikm(capaian=94.22)])       # computed 94.21
    assert r.findings == []


def test_capaian_off_by_two_hundredths_is_a_mismatch(tmp_path):
    r, s = _run(tmp_path, [_ikm(capaian=94.23)])
    f = one(r, "capaian-mismatch")
    assert where(f) == ("capaian-mismatch", "error", IKU, "IKU", s.cell(IKM, "Capaian 2024"), None,
                        D("94.21"), D("94.23"))
    assert "94,23%" in f.message() and "94,21%" in f.message() and "0,02 poin" in f.message()


def test_stated_capaian_is_rounded_before_comparing(tmp_path):
    r, _ = _run(tmp_path, [_ikm(capaian=94.2249)])     # shows as 94,22
    assert r.findings == []


# polarity ---------------------------------------------------------------------------------------

NEG = {"indikator": "Angka Pengaduan", "polaritas": "negatif", "target": 10, "realisasi": 8}


def test_positive_polarity(tmp_path):
    r, _ = _run(tmp_path, [_ikm()])
    assert r.performance.ikus[0].at(2024).capaian == D("94.21")


def test_negative_polarity_default_formula(tmp_path):
    r, _ = _run(tmp_path, [{**NEG, "capaian": 120}])
    assert r.findings == [] and r.performance.ikus[0].at(2024).capaian == D("120.00")


def test_negative_polarity_t_over_r_from_lkjip_toml(tmp_path):
    r, s = _run(tmp_path, [{**NEG, "capaian": 120}], toml='negative_formula = "T/R"\n')
    f = one(r, "capaian-mismatch")
    assert (f.cell, f.expected, f.actual) == (s.cell("Angka Pengaduan", "Capaian 2024"), D("125.00"), D("120"))
    assert "Target / Realisasi" in f.message()


def test_polarity_words(tmp_path):
    r, _ = _run(tmp_path, [{**NEG, "polaritas": "semakin rendah semakin baik"},
                           {**NEG, "indikator": "B", "polaritas": "Semakin tinggi semakin baik"}])
    assert [i.at(2024).capaian for i in r.performance.ikus] == [D("120.00"), D("80.00")]


def test_no_cap_by_default_and_a_configured_cap(tmp_path):
    r, _ = _run(tmp_path, [_ikm(target=50, realisasi=80)])
    assert r.performance.ikus[0].at(2024).capaian == D("160.00")
    r, _ = _run(tmp_path, [_ikm(target=50, realisasi=80)], toml="cap_capaian = 120\n")
    assert r.performance.ikus[0].at(2024).capaian == D("120.00")


# zero-target ------------------------------------------------------------------------------------

@pytest.mark.parametrize("target, realisasi, column, why", [
    (0, 5, "Target 2024", "target bernilai 0"),
    (0, None, "Target 2024", "target bernilai 0"),
    (None, 5, "Target 2024", "target kosong"),
    ("-", 5, "Target 2024", "target kosong"),         # a dash is "missing" in an indicator column (§2)
    ("–", 5, "Target 2024", "target kosong"),
])
def test_zero_or_missing_target(tmp_path, target, realisasi, column, why):
    r, s = _run(tmp_path, [_ikm(target=target, realisasi=realisasi)])
    f = one(r, "zero-target")
    assert where(f)[:6] == ("zero-target", "warning", IKU, "IKU", s.cell(IKM, column), None)
    assert why in f.message()
    m = r.performance.ikus[0].at(2024)
    assert m.capaian is None and m.predikat is None          # never a silent 0 or 100
    assert r.performance.counts == dict.fromkeys(r.performance.counts, 0)


def test_t_over_r_with_zero_realisasi(tmp_path):
    r, s = _run(tmp_path, [{**NEG, "realisasi": 0}], toml='negative_formula = "T/R"\n')
    f = one(r, "zero-target")
    assert f.cell == s.cell("Angka Pengaduan", "Realisasi 2024") and r.performance.ikus[0].at(2024).capaian is None


def test_small_target_or_nothing_filled_is_not_zero_target(tmp_path):
    r, _ = _run(tmp_path, [_ikm(target=0.5, realisasi=0.5), {"indikator": "Belum diukur", "target": None,
                                                             "realisasi": None}])
    assert r.findings == [] and r.performance.ikus[0].at(2024).capaian == D("100.00")


# predikat ---------------------------------------------------------------------------------------

DEFAULT = [("100", "Baik"), ("100.01", "Sangat Baik"), ("85", "Baik"), ("84.99", "Cukup"), ("65", "Cukup"),
           ("64.99", "Kurang"), ("50", "Kurang"), ("49.99", "Sangat Kurang"), ("-10", "Sangat Kurang"),
           ("250", "Sangat Baik")]
PERMENDAGRI = [("91", "Sangat Tinggi"), ("90.99", "Tinggi"), ("76", "Tinggi"), ("75.99", "Sedang"), ("66", "Sedang"),
               ("65.99", "Rendah"), ("51", "Rendah"), ("50.99", "Sangat Rendah")]


@pytest.mark.parametrize("capaian, label", DEFAULT)
def test_default_scale_is_half_open(capaian, label):
    assert load_settings(None, {}).predikat.classify(D(capaian)) == label


@pytest.mark.parametrize("capaian, label", PERMENDAGRI)
def test_permendagri86_scale(capaian, label):
    assert load_settings(None, {"predikat": "permendagri86"}).predikat.classify(D(capaian)) == label


CUSTOM = '''
[predikat]
title = "Skala Kabupaten Contoh"
bands = [
  {label = "Sangat Baik", min = 90, color = "#00B050"},
  {label = "Baik", min = 75, max = 90},
  {label = "Kurang", max = 75},
]
'''


def test_custom_bands_in_lkjip_toml(tmp_path):
    rows = [_ikm(target=100, realisasi=90, predikat="Sangat Baik"), _ikm(indikator="B", target=100, realisasi=89.99),
            _ikm(indikator="C", target=100, realisasi=75), _ikm(indikator="D", target=100, realisasi=74.99,
                                                                predikat="Baik")]
    r, s = _run(tmp_path, rows, toml=CUSTOM)
    assert [i.at(2024).predikat for i in r.performance.ikus] == ["Sangat Baik", "Baik", "Baik", "Kurang"]
    f = one(r, "predikat-mismatch")
    assert (f.cell, f.expected, f.actual) == (s.cell("D", "Predikat 2024"), "Kurang", "Baik")
    assert "Skala Kabupaten Contoh" in f.message()
    assert r.performance.counts == {"Sangat Baik": 1, "Baik": 2, "Kurang": 1}
    assert [b.text for b in r.settings.predikat.bands] == ["≥ 90", "≥ 75 – < 90", "< 75"]


@pytest.mark.parametrize("bands", [
    [{"label": "A", "min": 90}, {"label": "B", "min": 70, "max": 85}, {"label": "C", "max": 70}],   # gap
    [{"label": "A", "min": 80}, {"label": "B", "max": 85}],                                        # overlap
    [{"label": "A", "min": 80, "min_incl": False}, {"label": "B", "max": 80}],                     # 80 in none
    [{"min": 80}, {"label": "B", "max": 80}],                                                      # no label
])
def test_custom_bands_must_cover_every_capaian_once(bands):
    with pytest.raises(ConfigError):
        load_settings(None, {"predikat": {"bands": bands}})


def test_predikat_mismatch(tmp_path):
    r, s = _run(tmp_path, [_ikm(predikat="Sangat Baik")])
    f = one(r, "predikat-mismatch")
    assert where(f) == ("predikat-mismatch", "error", IKU, "IKU", s.cell(IKM, "Predikat 2024"), None, "Baik",
                        "Sangat Baik")
    assert "94,21%" in f.message()
    assert f.message() == ("Predikat 'Indeks Kepuasan Masyarakat' tahun 2024 tertulis 'Sangat Baik', tetapi capaian "
                           "94,21% termasuk 'Baik' menurut skala Tabel 3.1 (LKjIP).")
    # English names the band in English (presets.yaml label_en) and the Indonesian label to type
    assert f.message("en") == ("Rating of 'Indeks Kepuasan Masyarakat' for 2024 is stated as 'Sangat Baik', but an "
                               "achievement of 94.21% is 'Good' (Baik) on the Tabel 3.1 (LKjIP) scale.")


def test_predikat_written_differently_is_the_same(tmp_path):
    r, _ = _run(tmp_path, [_ikm(predikat="  BAIK ")])
    assert r.findings == []


def test_predikat_exactly_100_end_to_end(tmp_path):
    r, _ = _run(tmp_path, [_ikm(target=95, realisasi=95, predikat="Baik"),
                           _ikm(indikator="B", target=10000, realisasi=10001, predikat="Sangat Baik")])
    assert r.findings == []
    assert [i.at(2024).capaian for i in r.performance.ikus] == [D("100.00"), D("100.01")]


# target-mismatch --------------------------------------------------------------------------------

def test_target_mismatch_with_renstra(tmp_path):
    r, s = _run(tmp_path, [_ikm()], renstra_sheet({IKM: {2024: 96, 2026: 97}}))
    f = one(r, "target-mismatch")
    assert where(f) == ("target-mismatch", "warning", IKU, "IKU", s.cell(IKM, "Target 2024"), None, D(96), D(95))
    assert "Renstra" in f.message() and "selisih 1" in f.message()


def test_same_target_written_differently_is_not_a_mismatch(tmp_path):
    r, _ = _run(tmp_path, [_ikm()], renstra_sheet({IKM: {2024: "95,00"}}))
    assert r.findings == []


# Tabel 3.4: kumulatif vs nilai akhir --------------------------------------------------------------

def test_progress_kumulatif_adds_up_the_years_nilai_akhir_takes_this_year(tmp_path):
    header = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target 2023", "Realisasi 2023",
              "Target 2024", "Realisasi 2024"]
    s = iku_sheet([], header=header)
    s.add([1, "Sasaran A", "Desa dibina", "Desa", "positif", "kumulatif", 4, 4, 4, 3], key="a")
    s.add([2, "Sasaran A", IKM, "Indeks", "positif", "nilai akhir", 95, 88, 95, 89.5], key="b")
    dpa(tmp_path, SUBS)
    iku(tmp_path, s, renstra_sheet({"Desa dibina": {2023: 4, 2024: 4, 2026: 16}, IKM: {2023: 95, 2024: 95, 2026: 96}}))
    r = check(tmp_path)
    assert r.findings == []
    desa, ikm = r.performance.ikus
    assert (desa.akhir.target, desa.akhir.realisasi, desa.akhir.capaian, desa.akhir_year) == (D(16), D(7), D("43.75"), 2026)
    assert (ikm.akhir.target, ikm.akhir.realisasi, ikm.akhir.capaian) == (D(96), D("89.5"), D("93.23"))


# efisiensi, menunjang, counts --------------------------------------------------------------------

def _office(tmp_path, program_capaian=80, toml=""):
    """One sasaran with one IKU (capaian 94.21) and program 7.01.01 (serapan 97.51)."""
    subs = {"7.01.01.2.01.0001": 1_000_000_000}
    dpa(tmp_path, subs)
    realisasi(tmp_path, 12, subs, {"7.01.01.2.01.0001": 975_100_000})
    prog = program_sheet([{"kode": "7.01.01", "program": "Uraian 7.01.01", "indikator": "P", "target": 100,
                           "realisasi": program_capaian, "capaian": program_capaian, "sasaran": "Sasaran A"}])
    iku(tmp_path, iku_sheet([_ikm()]), prog)
    if toml:
        (tmp_path / "lkjip.toml").write_text(toml, encoding="utf-8")
    r = check(tmp_path)
    assert r.findings == []
    return r.performance


def test_efisiensi_difference(tmp_path):
    (sas,) = _office(tmp_path).sasaran
    assert (sas.capaian, sas.serapan, sas.efisiensi, sas.kategori_efisiensi) == (
        D("94.21"), D("97.51"), D("-3.30"), "Kurang Efisien")


def test_efisiensi_bands(tmp_path):
    (sas,) = _office(tmp_path, toml='efisiensi = "bands"\n').sasaran
    assert (sas.efisiensi, sas.kategori_efisiensi) == (D("-3.30"), "Cukup Efisien")


def test_efisiensi_requires_full_capaian(tmp_path):
    (sas,) = _office(tmp_path, toml="efisiensi_requires_full_capaian = true\n").sasaran
    assert sas.kategori_efisiensi == "Tidak dapat diukur"


@pytest.mark.parametrize("difference, label", [("0.01", "Sangat Efisien"), ("0", "Efisien"), ("-0.01", "Kurang Efisien")])
def test_efisiensi_difference_scale(difference, label):
    assert load_settings(None, {}).efisiensi.classify(D(difference)) == label


@pytest.mark.parametrize("difference, label", [("10", "Sangat Efisien"), ("9.99", "Efisien"), ("0", "Efisien"),
                                               ("-0.01", "Cukup Efisien"), ("-10", "Cukup Efisien"),
                                               ("-10.01", "Kurang Efisien")])
def test_efisiensi_bands_scale(difference, label):
    assert load_settings(None, {"efisiensi": "bands"}).efisiensi.classify(D(difference)) == label


def test_menunjang_threshold(tmp_path):
    assert _office(tmp_path / "a", program_capaian=84.99).programs[0].menunjang is False
    assert _office(tmp_path / "b", program_capaian=85).programs[0].menunjang is True
    assert _office(tmp_path / "c", program_capaian=80, toml="menunjang_min_capaian = 80\n").programs[0].menunjang is True


def test_program_capaian_and_zero_target(tmp_path):
    dpa(tmp_path, SUBS)
    prog = program_sheet([{"kode": "7.01.01", "program": "Uraian 7.01.01", "indikator": "P", "target": 100,
                           "realisasi": 90, "capaian": 90.02},
                          {"kode": "7.01.02", "program": "Uraian 7.01.02", "indikator": "Q", "target": 0,
                           "realisasi": 90}])
    iku(tmp_path, iku_sheet([_ikm()]), prog)
    r = check(tmp_path)
    f = one(r, "capaian-mismatch")
    assert (f.sheet, f.cell, f.kode, f.expected, f.actual) == ("Indikator Program", prog.cell("7.01.01", "Capaian"),
                                                                "7.01.01", D("90.00"), D("90.02"))
    z = one(r, "zero-target")
    assert (z.cell, z.kode) == (prog.cell("7.01.02", "Target"), "7.01.02")


def test_program_linked_by_iku_number(tmp_path):
    dpa(tmp_path, SUBS)
    prog = program_sheet([{"kode": "7.01.01", "program": "Uraian 7.01.01", "indikator": "P", "target": 100,
                           "realisasi": 90, "sasaran": 1}])
    iku(tmp_path, iku_sheet([_ikm(sasaran="Meningkatnya pelayanan")]), prog)
    r = check(tmp_path)
    assert found(r, "sasaran-not-found") == [] and r.performance.sasaran[0].programs == ["7.01.01"]


def test_counts_per_predikat(tmp_path):
    rows = [_ikm(), _ikm(indikator="B", realisasi=96), _ikm(indikator="C", realisasi=70), _ikm(indikator="D")]
    r, _ = _run(tmp_path, rows)
    assert r.performance.counts == {"Sangat Baik": 1, "Baik": 2, "Cukup": 1, "Kurang": 0, "Sangat Kurang": 0}


def test_unreadable_realisasi_is_one_bad_number_not_also_an_empty_one(tmp_path):
    # '1.250' in an indicator column cannot be read without guessing (1,25 or 1250): that is the one
    # finding; the capaian it leaves blank is not said again as 'realisasi kosong' (zero-target)
    r, s = _run(tmp_path, [_ikm(capaian=94.21), {"indikator": "Jumlah izin", "satuan": "izin", "target": 1200,
                                                  "realisasi": "1.250", "capaian": 104.17}])
    assert [where(f) for f in r.findings] == [
        ("bad-number", "error", IKU, "IKU", s.cell("Jumlah izin", "Realisasi 2024"), None, None, "1.250")]
    assert r.performance.ikus[1].at(2024).capaian is None
