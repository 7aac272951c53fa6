"""The office's name (instansi) when lkjip.toml and --instansi do not give it: the inputs' titles, then
their file names, then the folder's name — with a warning saying to set `instansi` — never the
literal "Instansi". A CSV export has no title block, which is where this matters."""
from builders import SUBS, check, found, iku, iku_sheet, one

from lkjip_xl.pipeline import build


def _csv_dpa(folder, name="DPA 2024.csv"):
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["Kode,Uraian,Pagu"] + [f"{c},Sub {c},{v}" for c, v in SUBS.items()]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_csv_only_takes_the_folder_name_and_warns(tmp_path):
    folder = _csv_dpa(tmp_path / "Kecamatan_Jepon")
    result = check(folder)
    assert result.instansi == "Kecamatan Jepon"
    f = one(result, "instansi-unknown")
    assert (f.severity, f.params["used"]) == ("warning", "Kecamatan Jepon")
    assert "Tulis nama instansi di lkjip.toml, mis. instansi = \"Kecamatan Blora\"" in f.message()
    assert "Write the office name in lkjip.toml" in f.message("en")
    _, out = build([folder], tahun=2024, docx=False)
    assert out.name == "LKjIP-Kecamatan-Jepon-2024.xlsx"


def test_another_inputs_title(tmp_path):
    folder = _csv_dpa(tmp_path / "x")
    sheet = iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90}])
    sheet.title = "INDIKATOR KINERJA UTAMA KECAMATAN JEPON TAHUN 2024"
    iku(folder, sheet)
    result = check(folder)
    assert result.instansi == "Kecamatan Jepon" and not found(result, "instansi-unknown")


def test_a_file_name(tmp_path):
    result = check(_csv_dpa(tmp_path / "x", name="DPA Kecamatan Cepu 2024.csv"))
    assert result.instansi == "Kecamatan Cepu" and not found(result, "instansi-unknown")


def test_lkjip_toml_wins(tmp_path):
    folder = _csv_dpa(tmp_path / "x", name="DPA Kecamatan Cepu 2024.csv")
    (folder / "lkjip.toml").write_text('instansi = "Kecamatan Randublatung"\n', encoding="utf-8")
    result = check(folder)
    assert result.instansi == "Kecamatan Randublatung" and not found(result, "instansi-unknown")
