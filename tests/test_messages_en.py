"""`--lang en`: a reader of English gets English, also when an input cannot be used at all.

The reasons an input is unusable are raised in Bahasa Indonesia where they arise (files.py,
config.py, grid.py, guard.py, pipeline.py), and some finding parameters carry Indonesian fragments;
schemas/errors_en.yaml holds their English (lkjip_xl/lang.py). Every unusable input below is run
through `lkjip_xl.cli.main` twice: by default it must say why in Indonesian, with --lang en in
English without Indonesian words. A message changed in the code without its entry in
errors_en.yaml fails here.
"""
from __future__ import annotations

import errno
import os
import re
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

import builders as b
from lkjip_xl.xlsx import cells, grid
from lkjip_xl.cli import main
from lkjip_xl.findings import Finding
from lkjip_xl.lang import rules, to_english, user_params
from lkjip_xl.schemas_io import load_yaml
from test_xlsx_hostile import LAUGHS, SHEET, _bomb, _ole_with_encrypted_package, part, rezip, shared_strings_dpa, \
    with_sheet_data

# words of Bahasa Indonesia that no English message needs (whole words, any case)
INDONESIAN = ["berkas", "tidak", "lembar", "dengan", "atau", "simpan", "buka", "ulang", "kolom", "isi", "bukan",
              "tanpa", "rusak", "lalu", "kosong", "dibaca", "ditemukan", "dikenal", "dikenali", "bagian", "baris",
              "sel", "yang", "dari", "ini", "sandi", "masukan", "folder berkas", "sebagai", "bernilai", "pilihan",
              "batas", "s.d.", "Desember", "Sertakan", "tertulis"]
_WORDS = re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in INDONESIAN) + r")(?![\w])", re.I)


def indonesian(text: str) -> list[str]:
    return _WORDS.findall(text)


def run(capsys, *args) -> tuple[int, str]:
    rc = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "kesalahan di dalam lkjip-xl" not in err and "internal error in lkjip-xl" not in err, err
    return rc, err.strip()


# unusable inputs: each makes its files under tmp and gives the command line after `lkjip-xl` -----

def _missing_path(tmp, office, mp):
    return ["check", tmp / "nothere"]


def _empty_folder(tmp, office, mp):
    (tmp / "empty").mkdir()
    return ["check", tmp / "empty"]


def _folder_cannot_be_listed(tmp, office, mp):
    def denied(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    mp.setattr(Path, "iterdir", denied)
    return ["check", office]


def _zero_bytes(tmp, office, mp):
    (tmp / "DPA 2024.xlsx").write_bytes(b"")
    return ["check", tmp / "DPA 2024.xlsx"]


def _text_named_xlsx(tmp, office, mp):
    (tmp / "DPA 2024.xlsx").write_text("Kode;Uraian;Pagu\n7.01.01;Program;1000\n", encoding="utf-8")
    return ["check", tmp / "DPA 2024.xlsx"]


def _truncated_zip(tmp, office, mp):
    data = (office / "DPA 2024.xlsx").read_bytes()
    (tmp / "DPA cut.xlsx").write_bytes(data[: len(data) // 2])
    return ["check", tmp / "DPA cut.xlsx"]


def _pk_only(tmp, office, mp):
    (tmp / "Broken.xlsx").write_bytes(b"PK\x03\x04 cut")
    return ["check", tmp / "Broken.xlsx"]


def _html_named_xls(tmp, office, mp):
    (tmp / "DPA 2024.xls").write_text("<html><body><table><tr><td>Kode</td></tr></table></body></html>")
    return ["check", tmp / "DPA 2024.xls"]


def _xml_named_xls(tmp, office, mp):
    (tmp / "DPA 2024.xls").write_text('<?xml version="1.0"?><Workbook/>')
    return ["check", tmp / "DPA 2024.xls"]


def _zip_of(name: str, member: str):
    def make(tmp, office, mp):
        with zipfile.ZipFile(tmp / name, "w") as z:
            z.writestr(member, "<x/>")
        return ["check", tmp / name]
    return make


def _ole_broken(tmp, office, mp):
    (tmp / "DPA 2024.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000))
    return ["check", tmp / "DPA 2024.xls"]


def _encrypted_ole(tmp, office, mp):
    (tmp / "DPA 2024.xlsx").write_bytes(_ole_with_encrypted_package())
    return ["check", tmp / "DPA 2024.xlsx"]


def _encrypted_by_zip_tool(tmp, office, mp):
    data = bytearray((office / "DPA 2024.xlsx").read_bytes())
    data[data.find(b"PK\x01\x02") + 8] |= 0x01
    (tmp / "DPA zip.xlsx").write_bytes(bytes(data))
    return ["check", tmp / "DPA zip.xlsx"]


def _zip_bomb(tmp, office, mp):
    return ["check", _bomb(tmp / "DPA bomb.xlsx", office / "DPA 2024.xlsx", 300)]


def _unzipped_total(tmp, office, mp):
    mp.setattr(grid, "MAX_UNZIPPED_BYTES", 8 * 2**20)
    return ["check", _bomb(tmp / "DPA bomb.xlsx", office / "DPA 2024.xlsx", 9)]


def _file_size(tmp, office, mp):
    mp.setattr(grid, "MAX_FILE_BYTES", 2048)
    return ["check", office / "DPA 2024.xlsx"]


def _doctype_in_sheet(tmp, office, mp):
    src = office / "DPA 2024.xlsx"
    xml = part(src).replace(b"<t>Kode</t>", b"<t>&lol9;</t>")
    return ["check", rezip(src, tmp / "DPA lol.xlsx", {SHEET: b'<?xml version="1.0"?>' + LAUGHS + xml})]


def _doctype_in_shared_strings(tmp, office, mp):
    src = shared_strings_dpa(tmp / "DPA sst.xlsx")
    sst = part(src, "xl/sharedStrings.xml")
    decl, rest = sst.split(b"?>", 1)
    return ["check", rezip(src, tmp / "lol" / "DPA 2024.xlsx", {"xl/sharedStrings.xml": decl + b"?>" + LAUGHS + rest})]


def _utf16_sheet(tmp, office, mp):
    src = office / "DPA 2024.xlsx"
    xml = '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + part(src).decode().encode("utf-16-le")
    return ["check", rezip(src, tmp / "DPA utf16.xlsx", {SHEET: xml})]


def _tags_never_close(tmp, office, mp):
    return ["check", with_sheet_data(office / "DPA 2024.xlsx", tmp / "DPA odd.xlsx", b"<c " * 300_000)]


def _text_without_end(tmp, office, mp):
    return ["check", with_sheet_data(office / "DPA 2024.xlsx", tmp / "DPA long.xlsx", b"x" * (9 * 2**20))]


def _overlapping_merges(tmp, office, mp):
    wb = openpyxl.Workbook()
    wb.active.title = "Lampiran"
    for _ in range(3):
        wb.active.append([1, 2, 3])
    wb.save(tmp / "plain.xlsx")
    merges = b'</sheetData><mergeCells count="2"><mergeCell ref="A1:C3"/><mergeCell ref="A1:B2"/></mergeCells>'
    xml = part(tmp / "plain.xlsx").replace(b"</sheetData>", merges)
    return ["check", rezip(tmp / "plain.xlsx", tmp / "merges" / "DPA 2024.xlsx", {SHEET: xml})]


def _csv_too_many_cells(tmp, office, mp):
    mp.setattr(cells, "MAX_CELLS", 1000)
    (tmp / "DPA 2024.csv").write_text(";" * 2000 + "\n", encoding="utf-8")
    return ["check", tmp / "DPA 2024.csv"]


def _csv_undecodable(tmp, office, mp):
    (tmp / "DPA 2024.csv").write_bytes(b"Kode;Uraian\n\x81\x8d\x8f\n")
    return ["check", tmp / "DPA 2024.csv"]


def _csv_binary(tmp, office, mp):
    (tmp / "DPA 2024.csv").write_bytes("Kode;Uraian\n\x00\x01".encode("utf-16"))
    return ["check", tmp / "DPA 2024.csv"]


def _folder_without_dpa(tmp, office, mp):
    folder = tmp / "other"
    folder.mkdir()
    b.staff_list(folder)
    openpyxl.Workbook().save(folder / "Blank.xlsx")
    b.realisasi(folder, 12, b.SUBS, b.REAL)
    b.iku(folder, b.program_sheet([{"kode": "7.01.01", "program": "P", "indikator": "I", "target": 1, "realisasi": 1}]))
    return ["check", folder]


def _dpa_without_columns(tmp, office, mp):
    (tmp / "d").mkdir()
    b.save(tmp / "d" / "DPA 2024.xlsx", b.Sheet("DPA", ["Nomor", "Keterangan"], [["1", "x"]]))
    return ["check", tmp / "d"]


def _toml(text: str):
    def make(tmp, office, mp):
        (office / "lkjip.toml").write_text(text, encoding="utf-8")
        return ["check", office]
    return make


def _config_not_found(tmp, office, mp):
    return ["check", office, "--config", tmp / "none.toml"]


def _output_given_as_input(tmp, office, mp):
    rc = main(["build", str(office), "--tahun", "2024"])
    assert rc == 0
    (out,) = (office / "hasil").glob("*.xlsx")
    return ["check", out]


def _output_is_an_input(tmp, office, mp):
    return ["build", office, "-o", office / "DPA 2024.xlsx", "--tahun", "2024"]


UNUSABLE = {
    "missing-path": _missing_path,
    "empty-folder": _empty_folder,
    "folder-cannot-be-listed": _folder_cannot_be_listed,
    "zero-bytes": _zero_bytes,
    "text-named-xlsx": _text_named_xlsx,
    "truncated-zip": _truncated_zip,
    "pk-only": _pk_only,
    "html-named-xls": _html_named_xls,
    "xml-named-xls": _xml_named_xls,
    "word-document": _zip_of("DPA 2024.xlsx", "word/document.xml"),
    "opendocument": _zip_of("DPA 2024.xlsx", "content.xml"),
    "xlsb": _zip_of("DPA 2024.xlsx", "xl/workbook.bin"),
    "plain-zip": _zip_of("DPA 2024.xlsx", "notes.txt"),
    "broken-ole": _ole_broken,
    "encrypted-ole": _encrypted_ole,
    "encrypted-by-zip-tool": _encrypted_by_zip_tool,
    "zip-bomb": _zip_bomb,
    "unzipped-total": _unzipped_total,
    "file-size": _file_size,
    "doctype-in-sheet": _doctype_in_sheet,
    "doctype-in-shared-strings": _doctype_in_shared_strings,
    "utf16-sheet": _utf16_sheet,
    "tags-never-close": _tags_never_close,
    "text-without-end": _text_without_end,
    "overlapping-merges": _overlapping_merges,
    "csv-too-many-cells": _csv_too_many_cells,
    "csv-undecodable": _csv_undecodable,
    "csv-binary": _csv_binary,
    "folder-without-dpa": _folder_without_dpa,
    "dpa-without-columns": _dpa_without_columns,
    "toml-syntax": _toml("tahun = = 2024\n"),
    "toml-unknown-predikat": _toml('predikat = "luar-biasa"\n'),
    "toml-unknown-negative-formula": _toml('negative_formula = "T-R"\n'),
    "toml-scale-without-bands": _toml('[predikat]\nname = "kantor"\n'),
    "toml-band-without-label": _toml('[predikat]\nbands = [{min = 85}]\n'),
    "toml-bands-with-gap": _toml('[predikat]\nbands = [{label = "Baik", min = 85}, {label = "Kurang", max = 80}]\n'),
    "toml-bad-value": _toml('tahun = "dua ribu"\n'),
    "config-not-found": _config_not_found,
    "output-given-as-input": _output_given_as_input,
    "output-is-an-input": _output_is_an_input,
}


@pytest.mark.parametrize("case", UNUSABLE)
def test_unusable_input_in_english(capsys, tmp_path, monkeypatch, case):
    office = b.clean_office(tmp_path / "kantor")
    args = UNUSABLE[case](tmp_path, office, monkeypatch)
    capsys.readouterr()
    rc, err = run(capsys, *args)
    assert rc == 2, err
    assert err.startswith("Tidak dapat diproses:") and "\n" not in err, err
    assert indonesian(err), err                       # the default stays Bahasa Indonesia
    rc, err = run(capsys, *args, "--lang", "en")
    assert rc == 2, err
    assert err.startswith("Cannot be processed:") and "\n" not in err, err
    assert not indonesian(err), (indonesian(err), err)


# Unguarded, calamine would build a 550 GB grid for these and abort the process: run apart.
FAR = {"beyond-the-grid": b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
       "too-many-cells": b'<row r="500000"><c r="U500000"><v>1</v></c></row>'}


@pytest.mark.parametrize("case", FAR)
def test_far_cells_in_english(tmp_path, case):
    office = b.clean_office(tmp_path / "kantor")
    bad = with_sheet_data(office / "DPA 2024.xlsx", tmp_path / "DPA far.xlsx",
                          b'<row r="1"><c r="A1" t="inlineStr"><is><t>DPA</t></is></c></row>' + FAR[case])
    errs = {}
    for lang in ("id", "en"):
        p = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", str(bad), "--lang", lang],
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr[-2000:]
        errs[lang] = p.stderr.strip()
    assert indonesian(errs["id"]), errs["id"]
    assert errs["en"].startswith("Cannot be processed:") and not indonesian(errs["en"]), errs["en"]
    if case == "too-many-cells":
        assert "U500000" in errs["en"] and "10,000,000 cells" in errs["en"], errs["en"]


# the data itself ---------------------------------------------------------------------------------

def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_pattern_compiles_and_has_english():
    raw = load_yaml("errors_en.yaml")
    assert raw["patterns"] and len(rules()) == len(raw["patterns"])
    for entry, rule in zip(raw["patterns"], rules()):
        assert set(entry) <= {"pattern", "en", "translate", "numbers", "user_text"}, entry
        re.compile(entry["pattern"])
        assert isinstance(entry["en"], str) and entry["en"].strip(), entry
        groups = set(rule.pattern.groupindex)
        assert _fields(entry["en"]) <= groups, entry
        assert set(entry.get("translate", ())) <= groups and set(entry.get("numbers", {})) <= groups, entry
        assert set(entry.get("numbers", {}).values()) <= {"en", "plain"}, entry
        assert not indonesian(entry["en"].replace("{", " {")), entry


# Messages that the inputs above do not reach (limits of calamine, reasons from the OS), copied from
# the code: their English must still be found.
LITERAL = [
    "berkas tidak dapat dibuka (Permission denied)",
    "lembar 'DPA' terlalu besar (1048576 baris × 20 kolom; batas 10,000,000 sel)",
    "isi berkas rusak dan tidak dapat dibaca (ValueError: bad row)",
    "bagian xl/worksheets/sheet1.xml terkompresi secara tidak wajar (rasio > 200:1, kemungkinan 'zip bomb'); "
    "berkas tidak dibaca",
    "berkas .csv tidak dapat diurai (field larger than field limit (131072))",
    "lembar 'DPA' menyebut sel di luar batas lembar Excel (XFD1.048.576); berkas rusak atau sengaja dibuat "
    "berbahaya, tidak dibaca",
    "bagian xl/styles.xml berisi tag XML yang tidak tertutup; berkas rusak atau sengaja dibuat berbahaya, tidak "
    "dibaca. Buka di Excel dan simpan ulang bila berkas ini memang dari kantor Anda",
    "folder 'kantor; 2024' tidak dapat dibaca (Permission denied); periksa izin aksesnya",
    "'data; lama' tidak ditemukan",
]


@pytest.mark.parametrize("text", LITERAL)
def test_messages_not_reached_above(text):
    en = to_english(text)
    assert en != text and not indonesian(en), en


def test_text_that_matches_nothing_is_kept():
    assert to_english("Permission denied") == "Permission denied"
    assert to_english("") == "" and to_english(None) is None
    # a clause that matches nothing stays; the others are translated
    assert to_english("arsip zip biasa; something else") == "a plain zip archive; something else"


def test_user_text_is_not_translated():
    assert {"text", "indikator", "other", "doc"} <= user_params()
    f = Finding("bad-kode", {"text": "Desember"})
    assert "'Desember'" in f.message("en")
    f = Finding("row-without-kode", {"text": "(tanpa uraian)", "column": "Realisasi bulan ini"}, actual=5)
    assert f.message("en") == "Row '(no description)' has This month's realisasi 5 but no code, so it is not added up."


# findings built from real inputs -----------------------------------------------------------------

@pytest.fixture(scope="module")
def english_findings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    b.dpa(folder, b.SUBS)
    real = dict(b.REAL)
    del real["7.01.02.2.02.0001"]                                             # missing-realisasi
    b.realisasi(folder, 12, b.SUBS, real)
    b.iku(folder, b.iku_sheet([{"indikator": "Zero", "target": 0, "realisasi": 5},          # zero-target
                               {"indikator": "Blank", "target": None, "realisasi": 5}]))
    notes = b.Sheet("Agenda", ["Tanggal", "Catatan"])
    notes.add(["1 Januari", "rapat"])
    b.save(folder / "Lain.xlsx", notes)                                       # no-role
    openpyxl.Workbook().save(folder / "Blank.xlsx")                           # no-role, empty workbook
    return b.check(folder).findings


@pytest.mark.parametrize("code", ["zero-target", "no-role", "missing-realisasi"])
def test_finding_messages_in_english(english_findings, code):
    found = [f for f in english_findings if f.code == code]
    assert found, [f.code for f in english_findings]
    for f in found:
        assert indonesian(f.message("id")), f.message("id")
        en = f.message("en")
        assert not indonesian(en), (indonesian(en), en)
        assert f.to_dict("en")["message"] == en


def test_finding_fragments_read_well(english_findings):
    messages = {f.message("en") for f in english_findings}
    assert any("up to December" in m for m in messages), messages
    assert any("because the target is 0." in m for m in messages), messages
    assert any("because the target is empty." in m for m in messages), messages
    assert any("(the workbook is empty)" in m for m in messages), messages
