"""Settings: defaults from presets.yaml only; lkjip.toml checked key by key and value by value; a
misspelt key is refused (exit 2) with the nearest known name, in Indonesian and in English."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

import builders as b
from lkjip_xl.check.indicators import capaian
from lkjip_xl.cli import main
from lkjip_xl.config import ConfigError, load_settings
from lkjip_xl.schemas_io import load_yaml


def test_defaults_are_those_of_presets_yaml():
    d = {k: v["default"] for k, v in load_yaml("presets.yaml")["settings"].items()}
    s = load_settings(None, {})
    assert s.predikat.name == d["predikat"] == "default" and s.efisiensi.name == d["efisiensi"] == "difference"
    assert s.negative_formula == d["negative_formula"] == "2T-R"
    assert s.menunjang_min_capaian == D(85) and s.tolerance == D("0.01") and s.cap_capaian is None
    assert s.efisiensi_requires_full_capaian is False and s.lang == "id" and s.tahun is None
    assert s.roles == {} and s.aliases == {} and s.titles == {} and s.numbers == {}


def test_english_spellings_of_judul_and_nomor():
    s = load_settings(None, {"titles": {"Tabel 3.9": "X"}, "numbers": {"Tabel 3.9": "Tabel 3.10"}})
    assert s.titles == {"Tabel 3.9": "X"} and s.numbers == {"Tabel 3.9": "Tabel 3.10"}
    s = load_settings(None, {"judul": {"Tabel 3.9": "J"}, "titles": {"Tabel 3.9": "T"}})
    assert s.titles == {"Tabel 3.9": "J"}


REFUSED = [
    # (lkjip.toml, error code, Indonesian, English)
    ('predikta = "permendagri86"\n', "config-unknown-key",
     "predikta: tidak dikenal; maksudnya `predikat`?", "predikta: not a known setting; did you mean `predikat`?"),
    ("tolerence = 5\n", "config-unknown-key",
     "tolerence: tidak dikenal; maksudnya `tolerance`?", "tolerence: not a known setting; did you mean `tolerance`?"),
    ('predikat = "permendagri68"\n', "config-unknown-choice",
     "predikat: 'permendagri68' tidak dikenal; maksudnya `permendagri86`?",
     "predikat: 'permendagri68' is not known; did you mean `permendagri86`?"),
    ('tolerance = "lima"\n', "config-bad-value", 'tolerance: nilai "lima" tidak dapat dipakai; seharusnya angka',
     'tolerance: the value "lima" cannot be used; it should be a number'),
    ('efisiensi_requires_full_capaian = "ya"\n', "config-bad-value",
     "efisiensi_requires_full_capaian: nilai \"ya\" tidak dapat dipakai; seharusnya true atau false",
     "efisiensi_requires_full_capaian: the value \"ya\" cannot be used; it should be true or false"),
    ('tahun = 24\n', "config-bad-value", "tahun: nilai 24 tidak dapat dipakai; seharusnya tahun, mis. 2024",
     "tahun: the value 24 cannot be used; it should be a year, e.g. 2024"),
    ('[aliases.dpa]\npagux = ["Nilai"]\n', "config-unknown-key", "aliases.dpa.pagux: tidak dikenal; maksudnya `pagu`?",
     "aliases.dpa.pagux: not a known setting; did you mean `pagu`?"),
    ('[aliases.dap]\npagu = ["Nilai"]\n', "config-unknown-key", "aliases.dap: tidak dikenal; maksudnya `dpa`?",
     "aliases.dap: not a known setting; did you mean `dpa`?"),
    ('[roles]\n"Lembar Saya" = "dap"\n', "config-unknown-choice",
     "roles.Lembar Saya: 'dap' tidak dikenal; maksudnya `dpa`?", "roles.Lembar Saya: 'dap' is not known; did you mean `dpa`?"),
    ('[predikat]\nbands = [{label = "A", mn = 5}]\n', "config-unknown-key",
     "predikat.bands[1].mn: tidak dikenal; maksudnya `min`?", "predikat.bands[1].mn: not a known setting; did you mean `min`?"),
    ('[predikat]\ntitel = "x"\nbands = [{label = "A"}]\n', "config-unknown-key",
     "predikat.titel: tidak dikenal; maksudnya `title`?", "predikat.titel: not a known setting; did you mean `title`?"),
    ('[predikat]\nbands = [{label = "A", min = "lima"}]\n', "config-bad-value",
     'predikat.bands[1].min: nilai "lima" tidak dapat dipakai', 'predikat.bands[1].min: the value "lima" cannot be used'),
    ("xyzzy = 1\n", "config-unknown-key", "xyzzy: tidak dikenal; yang dikenal: instansi, kabupaten, tahun",
     "xyzzy: not a known setting; known ones: instansi, kabupaten, tahun"),
]


@pytest.mark.parametrize("toml,code,id_text,en_text", REFUSED, ids=[r[0].split("\n")[0] for r in REFUSED])
def test_misspelt_or_wrong_setting_is_refused(tmp_path, capsys, toml, code, id_text, en_text):
    (tmp_path / "lkjip.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(tmp_path / "lkjip.toml", {})
    assert exc.value.code == code and exc.value.file == "lkjip.toml"
    assert id_text in exc.value.message("id") and en_text in exc.value.message("en")
    office = b.clean_office(tmp_path / "kantor")
    (office / "lkjip.toml").write_text(toml, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(office)]) == 2
    assert capsys.readouterr().err.strip() == f"Tidak dapat diproses: lkjip.toml: {exc.value.message('id')}"
    assert main(["check", str(office), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == f"Cannot be processed: lkjip.toml: {exc.value.message('en')}"


def test_a_setting_given_in_python_is_checked_too():
    with pytest.raises(ConfigError) as exc:
        load_settings(None, {"negative_formla": "T/R"})
    assert exc.value.message("en") == "negative_formla: not a known setting; did you mean `negative_formula`?"
    assert exc.value.file is None


@pytest.mark.parametrize("name,T,R,expected", [
    ("2T-R", D(10), D(5), D("150.00")), ("2T-R", D(10), D(25), D("-50.00")),
    ("T/R", D(10), D(5), D("200.00")), ("T/R", D(10), D(0), None), ("T/R", D(0), D(5), None),
])
def test_negative_formula_comes_from_presets(name, T, R, expected):
    s = load_settings(None, {"negative_formula": name})
    assert capaian(T, R, True, s) == expected
    assert capaian(T, R, False, s) == (None if T == 0 else (R / T * 100).quantize(D("0.01")))
