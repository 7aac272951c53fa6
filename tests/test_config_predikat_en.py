"""Predikat band labels in English (presets.yaml `label_en`): used with --lang en where the contract
puts English (the Ringkasan, the consolidation workbook); the Tabel sheets stay Indonesian."""
import openpyxl

from lkjip_xl.config import load_settings
from lkjip_xl.pipeline import build
from lkjip_xl.report import formulas as fx
from lkjip_xl.report.rekap import Office, rekap_tables


def test_every_preset_band_has_an_english_label():
    s = load_settings(None, {})
    assert [(b.label, b.name("en")) for b in s.predikat.bands] == [
        ("Sangat Baik", "Very Good"), ("Baik", "Good"), ("Cukup", "Fair"), ("Kurang", "Poor"), ("Sangat Kurang", "Very Poor")]
    p86 = load_settings(None, {"predikat": "permendagri86"}).predikat
    assert [b.name("en") for b in p86.bands] == ["Very High", "High", "Medium", "Low", "Very Low"]
    assert s.predikat.label("Baik", "en") == "Good" and s.predikat.label("Baik", "id") == "Baik"
    assert s.predikat.label("Istimewa", "en") == "Istimewa"          # not the scale's: as written
    assert '"Very Good"' in fx.classify("F5", s.predikat, "en") and '"Sangat Baik"' in fx.classify("F5", s.predikat)


def test_own_scale_may_give_english_labels(tmp_path):
    toml = tmp_path / "lkjip.toml"
    toml.write_text('[predikat]\nbands = [{label = "Tinggi", label_en = "High", min = 80}, {label = "Rendah", max = 80}]\n',
                    encoding="utf-8")
    scale = load_settings(toml, {}).predikat
    assert [b.name("en") for b in scale.bands] == ["High", "Rendah"]   # no label_en: the label itself


def test_ringkasan_in_english_names_the_predikat_in_english(tmp_path, sample_dir):
    _, out = build([sample_dir], output=tmp_path / "en.xlsx", lang="en", docx=False)
    wb = openpyxl.load_workbook(out, data_only=True)
    rows = {r[0]: r for r in wb["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    assert rows["Indeks Kepuasan Masyarakat"][-1] == "Good" and rows["Nilai SAKIP"][-1] == "Very Good"
    t32 = [r for r in wb["Tabel 3.2"].iter_rows(values_only=True) if r and r[2] == "Nilai SAKIP"]
    assert t32[0][6] == "Sangat Baik"                                  # an Indonesian report's table


def test_consolidation_headers_in_english(tmp_path):
    office = Office(folder="a", path="/kab/a", exit=0, predikat={"Baik": 2})
    rekap = rekap_tables([office], "X", 2024, ["Sangat Baik", "Baik"], tmp_path, "en",
                         {"Sangat Baik": "Very Good", "Baik": "Good"})[0]
    headers = {c.key: c.header for c in rekap.columns}
    assert (headers["p0"], headers["p1"]) == ("Very Good", "Good")
    assert rekap.rows[0][[c.key for c in rekap.columns].index("p1")] == 2
