"""The office's name (instansi) when lkjip.toml and --instansi do not give it: the inputs' titles, then
their file names, then the folder's name — with a note in the Ringkasan and on the command line
saying to set `instansi` — never the literal "Instansi". A CSV export has no title block, which is
where this matters."""
import openpyxl
import pytest
from builders import SUBS, check, iku, iku_sheet

from lkjip_xl.cli import main
from lkjip_xl.pipeline import build


def _csv_dpa(folder, name="DPA 2024.csv"):
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["Kode,Uraian,Pagu"] + [f"{c},Sub {c},{v}" for c, v in SUBS.items()]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_csv_only_takes_the_folder_name_and_says_so(tmp_path, capsys):
    folder = _csv_dpa(tmp_path / "Kecamatan_Jepon")
    result = check(folder)
    assert (result.instansi, result.instansi_from_folder) == ("Kecamatan Jepon", True)
    assert result.findings == []                    # nothing in the inputs is wrong: a note, not a finding
    _, out = build([folder], tahun=2024, docx=False)
    assert out.name == "LKjIP-Kecamatan-Jepon-2024.xlsx"
    ws = openpyxl.load_workbook(out, data_only=True)["Ringkasan"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Kecamatan Jepon" in texts
    assert "judul memakai nama folder 'Kecamatan Jepon'. Tulis instansi = \"…\" di lkjip.toml, lalu jalankan lagi." \
        in texts
    assert main(["check", str(folder), "--tahun", "2024"]) == 0
    assert ("Catatan: nama instansi diambil dari nama folder ('Kecamatan Jepon'); tulis instansi = \"…\" di "
            "lkjip.toml atau pakai --instansi.") in capsys.readouterr().out
    assert main(["check", str(folder), "--tahun", "2024", "--lang", "en"]) == 0
    assert "Note: the office name is the folder's name ('Kecamatan Jepon')" in capsys.readouterr().out


def test_another_inputs_title(tmp_path):
    folder = _csv_dpa(tmp_path / "x")
    sheet = iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90}])
    sheet.title = "INDIKATOR KINERJA UTAMA KECAMATAN JEPON TAHUN 2024"
    iku(folder, sheet)
    result = check(folder)
    assert result.instansi == "Kecamatan Jepon" and not result.instansi_from_folder


def test_a_file_name(tmp_path):
    result = check(_csv_dpa(tmp_path / "x", name="DPA Kecamatan Cepu 2024.csv"))
    assert result.instansi == "Kecamatan Cepu" and not result.instansi_from_folder


def test_lkjip_toml_wins(tmp_path):
    folder = _csv_dpa(tmp_path / "x", name="DPA Kecamatan Cepu 2024.csv")
    (folder / "lkjip.toml").write_text('instansi = "Kecamatan Randublatung"\n', encoding="utf-8")
    result = check(folder)
    assert result.instansi == "Kecamatan Randublatung" and not result.instansi_from_folder


@pytest.mark.parametrize("title, name", [
    ("RSUD dr. R. Soetijono Blora TAHUN 2025", "RSUD dr. R. Soetijono Blora"),      # mixed case: as written
    ("DPA SEKRETARIAT DPRD KABUPATEN BLORA TAHUN 2024", "Sekretariat DPRD"),
    ("DPA DINAS KESEHATAN PPKB TAHUN 2024", "Dinas Kesehatan PPKB"),
    ("DPA DINAS LINGKUNGAN HIDUP DAN KEBERSIHAN KABUPATEN BLORA", "Dinas Lingkungan Hidup dan Kebersihan"),
    ("DPA UPTD Puskesmas Todanan 2024", "UPTD Puskesmas Todanan"),
    ("DPA KECAMATAN BLORA KABUPATEN BLORA TAHUN 2024", "Kecamatan Blora"),
])
def test_the_name_from_a_title_keeps_its_short_forms(tmp_path, title, name):
    # a title in capitals is written as a name, with RSUD, DPRD, PPKB, UPTD kept in capitals and 'dan'
    # in small letters; a title in mixed case is kept as the office wrote it
    from builders import budget_sheet, save

    save(tmp_path / "DPA 2024.xlsx", budget_sheet("DPA", SUBS, title=title))
    assert check(tmp_path).instansi == name
