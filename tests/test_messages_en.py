"""`--lang en`: a reader of English gets English, also when an input cannot be used at all.

The reasons an input is unusable are errors with a code and parameters (lkjip_xl/errors.py), and
findings carry structured parameters (fragments, months, numbers); both are rendered from the one
catalogue, schemas/messages.yaml, which has an id and an en template for every code. Every unusable
input below is run through `lkjip_xl.cli.main` twice: by default it must say why in Indonesian,
with --lang en in English without Indonesian words. The catalogue itself is checked too: every
code used in the source exists, every code exists in both languages with the same placeholders,
and no English template holds an Indonesian word.
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
from lkjip_xl import errors, messages
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Month, Text
from test_xlsx_hostile import LAUGHS, SHEET, _bomb, _ole_with_encrypted_package, part, rezip, shared_strings_dpa, \
    with_sheet_data

# words of Bahasa Indonesia that no English message needs (whole words, any case)
INDONESIAN = ["berkas", "tidak", "lembar", "dengan", "atau", "simpan", "buka", "ulang", "kolom", "isi", "bukan",
              "tanpa", "rusak", "lalu", "kosong", "dibaca", "ditemukan", "dikenal", "dikenali", "bagian", "baris",
              "sel", "yang", "dari", "ini", "sandi", "masukan", "folder berkas", "sebagai", "bernilai", "pilihan",
              "batas", "s.d.", "Desember", "Sertakan", "tertulis", "tetapi", "karena", "harus", "belum", "pada",
              "untuk", "maksudnya", "perbaiki", "periksa", "sebesar", "melebihi", "rekening", "kegiatan",
              "rumus", "nilai", "jumlah", "selisih", "pilihan", "seharusnya", "temuan", "lebih", "kurang"]
_WORDS = re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in INDONESIAN) + r")(?![\w])", re.I)


def indonesian(text: str) -> list[str]:
    """The Indonesian words in `text` outside the user's data, which messages quote: 'Kurang', "Nilai"."""
    return _WORDS.findall(re.sub(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"", "''", text))


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


# the catalogue itself ---------------------------------------------------------------------------

def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


SECTIONS = ("errors", "fragments", "labels", "codes")


@pytest.mark.parametrize("section", SECTIONS)
def test_every_code_has_both_languages_with_the_same_placeholders(section):
    entries = messages.catalogue()[section]
    assert len(entries) >= 10
    for code, entry in entries.items():
        assert {"id", "en"} <= set(entry), code
        assert isinstance(entry["id"], str) and isinstance(entry["en"], str) and entry["en"].strip(), code
        assert _fields(entry["id"]) == _fields(entry["en"]), code
        english = string.Formatter().vformat(entry["en"], (), {f: "" for f in _fields(entry["en"])})
        assert not indonesian(english), (code, indonesian(english), entry["en"])


def test_months_in_both_languages():
    cat = messages.catalogue()["months"]
    assert len(cat["id"]) == len(cat["en"]) == 12 and cat["id"][11] == "Desember" and cat["en"][2] == "March"
    assert Month(12).render("en") == "December" and str(Month(5)) == "Mei"


_SOURCE = {p: p.read_text(encoding="utf-8") for p in Path(errors.__file__).parent.rglob("*.py")}
_RAISED = {m for text in _SOURCE.values()
           for m in re.findall(r"\b(?:\w+Error|Unreadable|Refused|NoRequiredRole)\(\s*\"([a-z0-9-]+)\"", text)}


def test_every_error_raised_is_in_the_catalogue_and_every_error_is_raised():
    cat = set(messages.catalogue()["errors"])
    assert len(_RAISED) >= 40
    assert _RAISED <= cat, _RAISED - cat
    used = _RAISED | {m for text in _SOURCE.values() for m in re.findall(r'(?:refuse|message)\("([a-z0-9-]+)"', text)}
    assert cat <= used, cat - used


def test_every_fragment_named_in_the_source_exists():
    named = {m for text in _SOURCE.values() for m in re.findall(r'\bText\(\s*"([a-z0-9-]+)"', text)}
    assert len(named) >= 20 and named <= set(messages.catalogue()["fragments"]), named - set(messages.catalogue()["fragments"])


def test_an_unknown_code_fails_loudly():
    with pytest.raises(KeyError):
        errors.Unreadable("no-such-code")
    with pytest.raises(KeyError):
        Text("no-such-fragment")


# Errors that the inputs above do not reach (limits of calamine, reasons from the OS), with the
# parameters the code gives them: their English must still be English, user data kept as written.
LITERAL = [
    (errors.Unreadable("file-cannot-open", why="Permission denied"), "Permission denied"),
    (errors.Unreadable("sheet-too-large", sheet="DPA", rows=1048576, cols=20, limit=10_000_000), "1,048,576 rows"),
    (errors.Unreadable("content-broken", why="ValueError: bad row"), "ValueError: bad row"),
    (errors.Unreadable("zip-ratio", part="xl/worksheets/sheet1.xml", ratio=200), "ratio above 200:1"),
    (errors.Unreadable("csv-unparsable", why="field larger than field limit (131072)"), "(131072)"),
    (errors.Refused("cell-beyond-grid", where=Text("where-sheet", sheet="DPA"), cell="XFD1048576"),
     "sheet 'DPA' names a cell beyond the edge of an Excel sheet (XFD1048576)"),
    (errors.Refused("part-unclosed", where=Text("where-part", part="xl/styles.xml")), "part xl/styles.xml holds"),
    (errors.InputError("folder-unreadable", path="kantor; 2024", why="Permission denied"), "folder 'kantor; 2024'"),
    (errors.InputError("input-not-found", path="data; lama"), "'data; lama' was not found"),
    (errors.Unreadable("merges-overlap", sheet="Desember"), "sheet 'Desember' holds merged cells"),
]


@pytest.mark.parametrize("error,expected", LITERAL, ids=[e.code for e, _ in LITERAL])
def test_messages_not_reached_above(error, expected):
    en, id_ = error.message("en"), str(error)
    assert expected in en and en != id_ and indonesian(id_), (en, id_)
    assert not indonesian(en.replace("Desember", "")), en


def test_user_text_is_kept_as_written():
    # a sheet named "Desember" or an uraian "Program" is the user's data: never translated
    f = Finding("bad-kode", {"text": "Desember"})
    assert "'Desember'" in f.message("en")
    f = Finding("row-without-kode", {"text": Text("no-uraian"), "column": Text("column-realisasi_bulan_ini")}, actual=5)
    assert f.message("en") == "Row '(no description)' has This month's realisasi 5 but no code, so it is not added up."
    assert f.message("id") == "Baris '(tanpa uraian)' berisi nilai Realisasi bulan ini 5 tetapi tidak memiliki kode, " \
                              "sehingga tidak dijumlahkan."
    f = Finding("row-without-kode", {"text": "Program", "column": Text("column-pagu")}, actual=5)
    assert f.message("en").startswith("Row 'Program' has Pagu/Anggaran (budget) 5")


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


# the sample office, whole, in English ------------------------------------------------------------

SAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "contoh-blora-2024"


def _users_words(result) -> list[str]:
    """The user's own text in a run: names of files, sheets, programs, indicators, the office."""
    words = {result.instansi, *result.budget.names.values(), *(i.ind.indikator for i in result.performance.ikus)}
    words |= {x for f in result.findings for x in (f.file, f.sheet) if x}
    # a finding's text parameters are the user's (JUMLAH, a cell's text): the rest are Text/Month/numbers
    words |= {v for f in result.findings for v in f.params.values() if isinstance(v, str)}
    words |= {x for s in result.sheets for x in (s.file, s.name) if x}
    return sorted((w for w in words if w), key=len, reverse=True)


def _without(text: str, users: list[str]) -> str:
    for w in users:
        text = text.replace(w, " ")
    return text


def test_the_sample_in_english_has_no_indonesian_outside_the_users_text(tmp_path, capsys):
    from lkjip_xl import pipeline

    result = pipeline.check([SAMPLE])
    users = _users_words(result)
    assert main(["check", str(SAMPLE), "--lang", "en"]) == 1
    text = capsys.readouterr().out
    assert "Findings: 4 errors, 2 warnings" in text and "(to December)" in text
    lines = [ln for ln in text.splitlines() if not ln.startswith("lkjip-xl — ")]
    assert not indonesian(_without("\n".join(lines), users)), indonesian(_without("\n".join(lines), users))
    for f in result.findings:
        assert not indonesian(_without(f.message("en"), users)), f.message("en")
        assert indonesian(f.message("id")) or f.code == "uraian-mismatch", f.message("id")
    out = tmp_path / "en.xlsx"
    assert main(["build", str(SAMPLE), "--lang", "en", "--no-docx", "-o", str(out)]) == 1
    wb = openpyxl.load_workbook(out, read_only=True)
    for name in ("Ringkasan", "Rekonsiliasi"):
        cells_text = [str(v) for row in wb[name].iter_rows(values_only=True) for v in row if isinstance(v, str)]
        assert len(cells_text) > 20, name
        found = indonesian(_without("\n".join(cells_text), users))
        assert not found, (name, found)
    headers = [v for row in wb["Rekonsiliasi"].iter_rows(min_row=1, max_row=6, values_only=True) for v in row if v]
    assert {"RECONCILIATION FINDINGS", "Severity", "Finding", "Expected", "Stated"} <= set(headers), headers


def test_the_command_lines_sentences_are_in_the_catalogue():
    """cli.py holds no sentence of its own: help, report lines and usage errors come from the catalogue
    (`cli:`, `cli-batch:`), id and en with the same placeholders, every key it asks for present."""
    from lkjip_xl import cli

    assert not hasattr(cli, "TEXT") and not hasattr(cli, "BATCH_TEXT")
    source = Path(cli.__file__).read_text(encoding="utf-8")
    assert "Perintah tidak dapat dijalankan" not in source and "Tidak dapat diproses" not in source
    assert "argumen wajib" not in source and "bukan tahun" not in source and "is not a year" not in source
    for section, used in (("cli", set(re.findall(r"\bt\[[\"'](\w+)[\"']\]|\b_text\(\w+(?:\.lang)?\)\[[\"'](\w+)[\"']\]", source))),
                          ("cli-batch", set(re.findall(r"\bb\[[\"'](\w+)[\"']\]|_batch_text\(lang\)\[[\"'](\w+)[\"']\]", source)))):
        ids, ens = messages.words(section, "id"), messages.words(section, "en")
        keys = {k for pair in used for k in pair if k}
        assert keys and keys <= set(ids) and set(ids) == set(ens), (section, keys - set(ids))
        for k in ids:
            if isinstance(ids[k], str):
                assert _fields(ids[k]) == _fields(ens[k]), k
    assert messages.words("cli", "id")["roles"][None] == "diabaikan"
    assert messages.words("cli", "en")["sev"]["warning"] == "WARNING"
    assert messages.words("cli-batch", "en")["unit"] == "offices"
