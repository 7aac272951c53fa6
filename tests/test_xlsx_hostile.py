"""Broken and hostile inputs: a clear answer, never a traceback, nothing lost.

Every input is made here, in tmp_path. Every run goes through `lkjip_xl.cli.main` (or the
installed `lkjip-xl`), as a user would: exit 2 with one Indonesian paragraph on stderr for an
input that cannot be used, or findings with exit 0/1. The inputs are byte-identical afterwards and
no temporary `.~lkjip-*` file or half-written output is left behind. Cases that, unguarded, would
abort the Python process itself (calamine allocating a 550 GB grid) run in a subprocess.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

import builders as b
from lkjip_xl.xlsx import cells, grid
from lkjip_xl.xlsx import guard
from lkjip_xl.report import workbook as write
from lkjip_xl.cli import main

SHEET = "xl/worksheets/sheet1.xml"          # the one sheet of a builders workbook (openpyxl)
EXE = shutil.which("lkjip-xl")


# helpers -----------------------------------------------------------------------------------------

def cli(capsys, *args) -> tuple[int, str, str]:
    rc = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "kesalahan di dalam lkjip-xl" not in err, err      # the catch-all for bugs must stay unused
    return rc, out, err


def unusable(rc: int, err: str, *words: str) -> None:
    """Exit 2 with one paragraph on stderr that names what is wrong."""
    assert rc == 2, err
    text = err.strip()
    assert text.startswith("Tidak dapat diproses:") and "\n" not in text, err
    for w in words:
        assert w.lower() in text.lower(), (w, text)


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "hasil" not in p.relative_to(folder).parts}


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith(".~lkjip-")]


@pytest.fixture
def office(tmp_path) -> Path:
    """A clean DPA and December realisasi that agree."""
    return b.clean_office(tmp_path / "kantor")


@pytest.fixture
def untouched(office, tmp_path):
    """After the test: the inputs are byte for byte what they were, and no temporary file is left."""
    before = digests(office)
    yield office
    assert digests(office) == before
    assert leftovers(tmp_path) == []


def rezip(src: Path, dst: Path, parts: dict[str, bytes]) -> Path:
    """src with some parts replaced (or added), written to dst."""
    data = src.read_bytes()
    with zipfile.ZipFile(src) as zin:
        infos = [(i.filename, zin.read(i)) for i in zin.infolist()]
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, blob in infos:
            zout.writestr(name, parts.get(name, blob))
        for name, blob in parts.items():
            if name not in dict(infos):
                zout.writestr(name, blob)
    assert data == src.read_bytes()
    tmp.replace(dst)
    return dst


def part(path: Path, name: str = SHEET) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def with_sheet_data(src: Path, dst: Path, sheet_data: bytes) -> Path:
    """src's first sheet with its <sheetData> replaced."""
    xml = part(src)
    head, rest = xml.split(b"<sheetData>", 1)
    tail = rest.split(b"</sheetData>", 1)[1]
    return rezip(src, dst, {SHEET: head + b"<sheetData>" + sheet_data + b"</sheetData>" + tail})


def shared_strings_dpa(path: Path) -> Path:
    """The builders DPA written by xlsxwriter, whose text lives in xl/sharedStrings.xml."""
    s = b.budget_sheet("DPA", b.SUBS)
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("DPA")
    ws.write_string(0, 0, s.title)
    for c, label in enumerate(s.header):
        ws.write_string(b.HEADER_ROW - 1, c, label)
    for r, values in enumerate(s.lines, b.FIRST_ROW - 1):
        for c, v in enumerate(values):
            if v is not None:
                ws.write(r, c, v)
    wb.close()
    return path


# broken files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("keep", [0.5, 0.95, 30, 4], ids=["half", "tail-cut", "30-bytes", "PK-only"])
def test_truncated_zip(capsys, untouched, tmp_path, keep):
    data = (untouched / "DPA 2024.xlsx").read_bytes()
    broken = tmp_path / "rusak" / "DPA 2024.xlsx"
    broken.parent.mkdir()
    broken.write_bytes(data[: int(len(data) * keep) if keep < 1 else keep])
    rc, out, err = cli(capsys, "check", broken)
    unusable(rc, err, "DPA 2024.xlsx", "rusak")


def test_corrupt_part_inside_a_sound_zip(capsys, untouched, tmp_path):
    """The zip directory is fine, the compressed sheet is not: found while reading, not opening."""
    src = untouched / "DPA 2024.xlsx"
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + info.compress_size - 10, 7):
        data[k] ^= 0x5A
    broken = tmp_path / "DPA rusak.xlsx"
    broken.write_bytes(bytes(data))
    rc, out, err = cli(capsys, "check", broken)
    unusable(rc, err, "rusak")


def test_text_file_named_xlsx(capsys, untouched, tmp_path):
    fake = tmp_path / "DPA 2024.xlsx"
    fake.write_text("Kode;Uraian;Pagu\n7.01.01;Program;1000\n", encoding="utf-8")
    rc, out, err = cli(capsys, "check", fake)
    unusable(rc, err, "bukan buku kerja Excel", "simpan")


def test_html_export_named_xls(capsys, tmp_path):
    fake = tmp_path / "DPA 2024.xls"
    fake.write_text("<html><body><table><tr><td>Kode</td></tr></table></body></html>", encoding="utf-8")
    rc, out, err = cli(capsys, "check", fake)
    unusable(rc, err, "HTML", "Simpan Sebagai")


def test_word_document_named_xlsx(capsys, tmp_path):
    fake = tmp_path / "DPA 2024.xlsx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    rc, out, err = cli(capsys, "check", fake)
    unusable(rc, err, "dokumen Word")


def test_xlsx_saved_with_xls_name_is_read(capsys, untouched, tmp_path):
    """A sound workbook with the wrong extension is read by its content, not refused."""
    folder = tmp_path / "nama salah"
    shutil.copytree(untouched, folder)
    (folder / "DPA 2024.xlsx").rename(folder / "DPA 2024.xls")
    rc, out, err = cli(capsys, "check", folder, "--tahun", "2024")
    assert rc == 0, err


def test_empty_file(capsys, untouched, tmp_path):
    empty = tmp_path / "kosong" / "DPA 2024.xlsx"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    rc, out, err = cli(capsys, "check", empty.parent)
    unusable(rc, err, "kosong", "0 byte")


def test_empty_workbook(capsys, tmp_path):
    folder = tmp_path / "kosong"
    folder.mkdir()
    openpyxl.Workbook().save(folder / "DPA 2024.xlsx")
    before = digests(folder)
    rc, out, err = cli(capsys, "build", folder)
    unusable(rc, err, "tidak ada lembar DPA", "buku kerja kosong")
    assert digests(folder) == before and not (folder / "hasil").exists()


def test_no_sheet_of_any_role(capsys, tmp_path):
    folder = tmp_path / "lain"
    folder.mkdir()
    b.staff_list(folder)
    rc, out, err = cli(capsys, "build", folder)
    unusable(rc, err, "tidak ada lembar DPA", "Daftar Pegawai.xlsx › Catatan", "[roles]")
    assert not (folder / "hasil").exists()


def test_sheet_named_dpa_without_its_columns(capsys, tmp_path):
    folder = tmp_path / "lain"
    folder.mkdir()
    b.save(folder / "DPA 2024.xlsx", b.Sheet("DPA", ["Nomor", "Keterangan"], [["1", "x"]]))
    rc, out, err = cli(capsys, "check", folder)
    unusable(rc, err, "tidak ada lembar DPA", "Kode, Uraian dan Pagu tidak ditemukan")


# password-protected ------------------------------------------------------------------------------

def _ole_with_encrypted_package() -> bytes:
    """The shape Excel gives a password-protected .xlsx: an OLE compound file (not a zip) whose
    directory holds a stream named "EncryptedPackage" (UTF-16-LE)."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")          # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")             # major version 3: 512-byte sectors
    header[0x1C:0x1E] = b"\xfe\xff"                           # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")
    header[0x20:0x22] = (6).to_bytes(2, "little")
    entries = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        raw = name.encode("utf-16-le") + b"\0\0"
        entries += raw.ljust(64, b"\0") + len(raw).to_bytes(2, "little") + b"\x02" + bytes(61)
    return bytes(header) + entries.ljust(512, b"\0") + os.urandom(2048)


def _assert_password_message(rc, err):
    unusable(rc, err, "kata sandi", "Encrypt with Password", "tanpa kata sandi")


def test_password_protected_crafted(capsys, untouched, tmp_path):
    locked = tmp_path / "terkunci" / "DPA 2024.xlsx"
    locked.parent.mkdir()
    locked.write_bytes(_ole_with_encrypted_package())
    before = locked.read_bytes()
    rc, out, err = cli(capsys, "build", locked.parent)
    _assert_password_message(rc, err)
    assert locked.read_bytes() == before and not (locked.parent / "hasil").exists()


def test_password_protected_real(capsys, untouched, tmp_path):
    """A workbook really encrypted with a password (needs msoffcrypto-tool, a test-only helper)."""
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    locked = tmp_path / "terkunci" / "DPA 2024.xlsx"
    locked.parent.mkdir()
    with (untouched / "DPA 2024.xlsx").open("rb") as src, locked.open("wb") as out:
        ooxml.OOXMLFile(src).encrypt("rahasia", out)
    rc, out, err = cli(capsys, "check", locked.parent)
    _assert_password_message(rc, err)


def test_zip_entries_encrypted_by_a_zip_tool(capsys, untouched, tmp_path):
    src = untouched / "DPA 2024.xlsx"
    data = bytearray(src.read_bytes())
    at = data.find(b"PK\x01\x02")                # the first central directory entry: set "encrypted"
    data[at + 8] |= 0x01
    locked = tmp_path / "DPA zip.xlsx"
    locked.write_bytes(bytes(data))
    rc, out, err = cli(capsys, "check", locked)
    _assert_password_message(rc, err)


def test_folder_that_cannot_be_listed(capsys, untouched, monkeypatch):
    def denied(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", denied)
    rc, out, err = cli(capsys, "check", untouched)
    unusable(rc, err, "tidak dapat dibaca", "izin")


# hostile XML -------------------------------------------------------------------------------------

LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">' +
          b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (b"" if i == 1 else str(i - 1).encode())) * 10)
                   for i in range(1, 10)) + b"]>")


def test_entity_bomb_in_a_sheet(capsys, untouched, tmp_path):
    src = untouched / "DPA 2024.xlsx"
    xml = part(src).replace(b"<t>Kode</t>", b"<t>&lol9;</t>")
    bomb = rezip(src, tmp_path / "DPA bom.xlsx", {SHEET: b'<?xml version="1.0"?>' + LAUGHS + xml})
    t = time.perf_counter()
    rc, out, err = cli(capsys, "check", bomb)
    unusable(rc, err, "DOCTYPE", SHEET)
    assert time.perf_counter() - t < 5


@pytest.mark.parametrize("prolog", [b"", b"<!--" + b"x" * 10_000 + b"-->", b"\n" * 5000],
                         ids=["plain", "after-a-long-comment", "after-blank-lines"])
def test_entity_bomb_in_shared_strings(capsys, tmp_path, prolog):
    src = shared_strings_dpa(tmp_path / "DPA asli.xlsx")
    sst = part(src, "xl/sharedStrings.xml")
    decl, rest = sst.split(b"?>", 1)
    rest = rest.replace(b"<t>Kode</t>", b"<t>&lol9;</t>", 1)
    bomb = rezip(src, tmp_path / "bom" / "DPA 2024.xlsx", {"xl/sharedStrings.xml": decl + b"?>" + prolog + LAUGHS + rest})
    rc, out, err = cli(capsys, "check", bomb.parent)
    unusable(rc, err, "DOCTYPE", "sharedStrings")


def test_shared_strings_workbook_itself_is_read(capsys, tmp_path):
    folder = tmp_path / "sst"
    folder.mkdir()
    shared_strings_dpa(folder / "DPA 2024.xlsx")
    rc, out, err = cli(capsys, "check", folder, "--tahun", "2024")
    assert rc == 0 and "Rp8.039.930.000,00" in out, out + err


def test_external_entity(capsys, untouched, tmp_path):
    src = untouched / "DPA 2024.xlsx"
    xxe = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    bomb = rezip(src, tmp_path / "DPA xxe.xlsx", {SHEET: xxe + part(src).replace(b"<t>Kode</t>", b"<t>&x;</t>")})
    rc, out, err = cli(capsys, "check", bomb)
    unusable(rc, err, "DOCTYPE")
    assert "root:" not in out + err


def test_utf16_sheet_is_refused_not_read_as_empty(capsys, untouched, tmp_path):
    """calamine reads a UTF-16 sheet as an empty one: the figures would vanish without a word."""
    src = untouched / "DPA 2024.xlsx"
    xml = '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + part(src).decode().encode("utf-16-le")
    odd = rezip(src, tmp_path / "DPA utf16.xlsx", {SHEET: xml})
    rc, out, err = cli(capsys, "check", odd)
    unusable(rc, err, "UTF-16")


def test_tags_that_never_close_are_refused(capsys, untouched, tmp_path):
    bad = with_sheet_data(untouched / "DPA 2024.xlsx", tmp_path / "DPA aneh.xlsx", b"<c " * 300_000)
    t = time.perf_counter()
    rc, out, err = cli(capsys, "check", bad)
    assert time.perf_counter() - t < 5
    unusable(rc, err, "DPA aneh.xlsx", "tidak tertutup")


@pytest.mark.parametrize("junk", [
    b'<row r="2">' + b"<c><f>SUM(A1)</f>" * 16_000 + b"</row>",     # formula cells that never end
    b'<row r="2">' + b'<c t="e">' * 16_000 + b"</row>",               # error cells that never end
], ids=["unended-formula-cells", "unended-error-cells"])
def test_cells_that_never_end_do_not_hang(capsys, untouched, tmp_path, junk):
    """Sheet XML is also read with regular expressions: on cells without </c> they must still take
    linear time (they used to take hours on a 20 KB file)."""
    bad = with_sheet_data(untouched / "DPA 2024.xlsx", tmp_path / "DPA aneh.xlsx", junk)
    t = time.perf_counter()
    rc, out, err = cli(capsys, "check", bad)
    assert time.perf_counter() - t < 5
    assert rc in (0, 1, 2), err


@pytest.mark.parametrize("case", ["sound", "doctype-late", "unclosed-late", "corrupt"])
def test_large_part_checks_on_two_threads_answer_as_on_one(capsys, untouched, tmp_path, monkeypatch, case):
    """A large part is decompressed one chunk ahead in a thread and its array checks run in another:
    forced here on a small file cut into 1 KB chunks, the answers are those of the plain reading."""
    src = untouched / "DPA 2024.xlsx"
    if case == "sound":
        target = src
    elif case == "corrupt":
        data = bytearray(src.read_bytes())
        with zipfile.ZipFile(src) as z:
            info = z.getinfo(SHEET)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for k in range(start + info.compress_size // 2, start + info.compress_size - 10, 7):
            data[k] ^= 0x5A
        target = tmp_path / "DPA rusak.xlsx"
        target.write_bytes(bytes(data))
    else:
        xml = part(src)
        cut = xml.rindex(b"</row>")
        odd = b"<!DOCTYPE x []>" if case == "doctype-late" else b"<c r='A1' <c>"
        target = rezip(src, tmp_path / "DPA aneh.xlsx", {SHEET: xml[:cut] + odd + xml[cut:]})
    plain = cli(capsys, "check", target, "--tahun", "2024")
    monkeypatch.setattr(guard, "_READ_AHEAD_FROM", -1)
    monkeypatch.setattr(guard, "_ARRAYS_FROM", -1)
    monkeypatch.setattr(guard, "_CHUNK", 1024)
    assert cli(capsys, "check", target, "--tahun", "2024") == plain
    expect = {"sound": "Rp", "doctype-late": "DOCTYPE", "unclosed-late": "tidak tertutup", "corrupt": "rusak"}[case]
    assert expect in plain[1] + plain[2], plain
    assert plain[0] in ((0, 1) if case == "sound" else (2,)), plain


def test_styles_that_never_close_do_not_hang(capsys, untouched, tmp_path):
    src = untouched / "DPA 2024.xlsx"
    styles = part(src, "xl/styles.xml").replace(b"<cellXfs", b"<cellXfs>" * 300_000 + b"<cellXfs", 1)
    styles = styles.replace(b"</cellXfs>", b"")           # no end: each opening used to scan to the end
    bad = rezip(src, tmp_path / "DPA gaya.xlsx", {"xl/styles.xml": styles})
    t = time.perf_counter()
    rc, out, err = cli(capsys, "check", bad, "--tahun", "2024")
    assert time.perf_counter() - t < 5
    assert rc in (0, 1, 2), err


# zip bombs and huge grids ------------------------------------------------------------------------

def _bomb(path: Path, src: Path, megabytes: int) -> Path:
    """src with its sheet padded by `megabytes` MB of spaces: a few hundred KB on disk, written from a
    generator so that nothing large is ever in memory."""
    xml = part(src)
    head, tail = xml.split(b"</sheetData>", 1)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            if info.filename != SHEET:
                zout.writestr(info.filename, zin.read(info))
                continue
            target = zipfile.ZipInfo(SHEET)
            target.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(target, "w", force_zip64=True) as fh:
                fh.write(head)
                chunk = b" " * 2**20
                for _ in range(megabytes):
                    fh.write(chunk)
                fh.write(b"</sheetData>" + tail)
    return path


def test_zip_bomb_is_refused_quickly(capsys, untouched, tmp_path):
    bomb = _bomb(tmp_path / "DPA bom.xlsx", untouched / "DPA 2024.xlsx", 300)
    assert bomb.stat().st_size < 2 * 2**20
    t = time.perf_counter()
    rc, out, err = cli(capsys, "check", bomb)
    assert time.perf_counter() - t < 3
    unusable(rc, err, "zip bomb", "200:1")


def test_total_unzipped_size_is_bounded(capsys, untouched, tmp_path, monkeypatch):
    """Parts under 10 MB escape the ratio test; their sum may not pass the total limit."""
    monkeypatch.setattr(grid, "MAX_UNZIPPED_BYTES", 8 * 2**20)
    bomb = _bomb(tmp_path / "DPA bom.xlsx", untouched / "DPA 2024.xlsx", 9)
    rc, out, err = cli(capsys, "check", bomb)
    unusable(rc, err, "lebih dari 8 MB", "zip bomb")


def test_file_size_limit(capsys, untouched, tmp_path, monkeypatch):
    monkeypatch.setattr(grid, "MAX_FILE_BYTES", 2048)
    rc, out, err = cli(capsys, "check", untouched / "DPA 2024.xlsx")
    unusable(rc, err, "lebih besar dari batas")


def test_dimension_claiming_the_whole_grid_is_not_allocated(capsys, untouched, tmp_path):
    src = untouched / "DPA 2024.xlsx"
    xml, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', part(src))
    assert n == 1
    folder = tmp_path / "dimensi"
    shutil.copytree(untouched, folder)
    rezip(src, folder / "DPA 2024.xlsx", {SHEET: xml})
    t = time.perf_counter()
    rc, out, err = cli(capsys, "check", folder, "--tahun", "2024")
    assert rc == 0 and time.perf_counter() - t < 5, err


A1 = b'<row r="1"><c r="A1" t="inlineStr"><is><t>DPA</t></is></c></row>'
MAIN = b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
# One value far from A1, written in every form calamine accepts. Unguarded, calamine builds the whole
# grid up to it (1,048,576 × 16,384 cells = 550 GB) and the process aborts: no except can catch it.
FAR = {
    "plain": A1 + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    "duplicate-r": A1 + b'<row r="2"><c r="A2" r="XFD1048576"><v>1</v></c></row>',
    "duplicate-r-no-space": A1 + b'<row r="2"><c r="A2" t="n"r="XFD1048576"><v>1</v></c></row>',
    "prefixed": A1 + b'<row r="1048576"><x:c r="XFD1048576" ' + MAIN + b"><x:v>1</x:v></x:c></row>",
    "quotes-and-spaces": A1 + b"<row r='1048576'><c r = 'XFD1048576' ><v>1</v></c></row>",
    "lowercase": A1 + b'<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>',
    "tab": A1 + b'<row r="1048576"><c\tr="XFD1048576"><v>1</v></c></row>',
    "no-address": A1 + b'<row r="1048576">' + b"<c/>" * 16_383 + b"<c><v>1</v></c></row>",
    "row-without-r": A1 + b'<row r="1048575"/><row><c r="A1048576"/>' + b"<c/>" * 16_382 + b"<c><v>1</v></c></row>",
    "just-too-many": A1 + b'<row r="500000"><c r="U500000"><v>1</v></c></row>',    # 10.5 million cells
}

_LOAD_EACH = """
import json, sys
from pathlib import Path
from lkjip_xl.xlsx import grid
out = {}
for p in sys.argv[1:]:
    try:
        sheets = grid.load(Path(p))
        out[Path(p).stem] = "read " + str([len(s.rows) for s in sheets])
    except grid.Unreadable as exc:
        out[Path(p).stem] = "refused " + str(exc)
print(json.dumps(out))
"""


def test_far_cells_are_refused_before_calamine_allocates(untouched, tmp_path):
    src = untouched / "DPA 2024.xlsx"
    paths = [with_sheet_data(src, tmp_path / f"{name}.xlsx", data) for name, data in FAR.items()]
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", _LOAD_EACH, *map(str, paths)], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]          # -6: calamine aborted the process
    assert time.perf_counter() - t < 20
    results = json.loads(p.stdout)
    for name in FAR:
        assert results[name].startswith("refused lembar 'DPA'"), (name, results[name])
    assert "terlalu besar" in results["just-too-many"] and "U500.000" in results["just-too-many"]
    assert "di luar batas" in results["plain"] or "terlalu besar" in results["plain"]


# The same forms near A1 are sound workbooks: they must be read, and their value land in its cell.
NEAR = {
    "prefixed": b'<row r="3"><x:c r="C3" ' + MAIN + b"><x:v>7</x:v></x:c></row>",
    "quotes-and-spaces": b"<row r='3'><c r = 'C3' ><v>7</v></c></row>",
    "lowercase": b'<row r="3"><c r="c3"><v>7</v></c></row>',
    "tab": b'<row r="3"><c\tr="C3"><v>7</v></c></row>',
    "no-address": b'<row r="3"><c/><c/><c><v>7</v></c></row>',
    "row-without-r": b'<row r="2"/><row><c r="A3"/><c/><c><v>7</v></c></row>',
    "formatted-far-away": b'<row r="3"><c r="C3"><v>7</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>',
    "empty-far-rows": b'<row r="3"><c r="C3"><v>7</v></c></row><row r="1048576" ht="20" customHeight="1"/>',
}


@pytest.mark.parametrize("name", NEAR)
def test_unusual_but_sound_cell_forms_are_read(untouched, tmp_path, name):
    path = with_sheet_data(untouched / "DPA 2024.xlsx", tmp_path / f"{name}.xlsx", NEAR[name])
    (sheet,) = grid.load(path)
    assert len(sheet.rows) == 3 and sheet.rows[2][2] == 7


_MEASURE = """
import resource, sys, time
from lkjip_xl.cli import main
t = time.perf_counter()
rc = main(sys.argv[1:])
print("MEASURE", rc, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def test_a_million_empty_rows(untouched, tmp_path):
    """One stray cell at A1048576 under a small DPA: read in bounded time and memory."""
    folder = tmp_path / "sejuta"
    shutil.copytree(untouched, folder)
    wb = openpyxl.load_workbook(folder / "DPA 2024.xlsx")
    wb.active["A1048576"] = "lampiran"         # not a note word ("Catatan" under a table is no data)
    wb.save(folder / "DPA 2024.xlsx")
    p = subprocess.run([sys.executable, "-c", _MEASURE, "check", str(folder), "--tahun", "2024"],
                       capture_output=True, text=True, timeout=300)
    assert "Traceback" not in p.stderr
    line = next(x for x in p.stderr.splitlines() if x.startswith("MEASURE"))
    _, rc, seconds, maxrss_kb = line.split()
    assert int(rc) in (0, 1), p.stderr
    assert "A1048576" in p.stdout              # the stray cell is not lost: it is a finding
    assert float(seconds) < 15
    assert int(maxrss_kb) < 1024 * 1024        # kilobytes on Linux: under 1 GB


def test_csv_with_too_many_cells(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cells, "MAX_CELLS", 1000)
    big = tmp_path / "DPA 2024.csv"
    big.write_text(";" * 2000 + "\n", encoding="utf-8")
    rc, out, err = cli(capsys, "check", big)
    unusable(rc, err, ".csv terlalu besar")


# user text stays text ----------------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x","klik")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
           "http://x.example/klik", "https://evil.example/a?b=1", "mailto:a@b.example", "=1+1"]


def save_as_text(path: Path, *sheets: b.Sheet) -> Path:
    """builders.save, but text that starts with '=' stays text (openpyxl would make it a formula):
    what Excel stores when a user types '=HYPERLINK(… with a leading apostrophe."""
    b.save(path, *sheets)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    wb.save(path)
    return path


def hostile_office(folder: Path) -> Path:
    """Every text cell a report shows (uraian at each level, indicator, sasaran, program) holds one of
    HOSTILE."""
    subs = dict(b.SUBS)
    d = b.budget_sheet("DPA", subs)
    r = b.budget_sheet("LRA", {c: (subs[c], b.REAL[c]) for c in subs}, ("Anggaran", "Realisasi"),
                       title=f"LAPORAN REALISASI ANGGARAN TAHUN {b.TAHUN}")
    for k, (code, _) in enumerate(b.tree(subs)):
        for s in (d, r):
            s.set(code, "Uraian", HOSTILE[k % len(HOSTILE)])
    save_as_text(folder / "DPA 2024.xlsx", d)
    save_as_text(folder / f"Realisasi {b.TAHUN}-12.xlsx", r)
    iku = b.iku_sheet([
        {"indikator": HOSTILE[0], "sasaran": HOSTILE[1], "target": 90, "realisasi": 95, "capaian": "105,56"},
        {"indikator": HOSTILE[4], "sasaran": HOSTILE[5], "target": 80, "realisasi": 60},
        {"indikator": HOSTILE[3], "sasaran": HOSTILE[2], "target": 10, "realisasi": 10},
    ])
    prog = b.program_sheet([{"kode": "7.01.01", "program": HOSTILE[0], "indikator": HOSTILE[7], "target": 100,
                             "realisasi": 100, "sasaran": HOSTILE[1]}])
    save_as_text(folder / "IKU 2024.xlsx", iku, prog)
    return folder


def test_formula_like_text_and_urls_stay_plain_text(capsys, tmp_path):
    folder = hostile_office(tmp_path / "kantor jahil")
    before = digests(folder)
    out = tmp_path / "hasil.xlsx"
    rc, stdout, err = cli(capsys, "build", folder, "-o", out, "--tahun", "2024")
    assert rc in (0, 1), err
    assert digests(folder) == before
    wb = openpyxl.load_workbook(out)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if cell.data_type == "f":
                    assert not any(s in str(v) for s in ("HYPERLINK", "cmd", "http", "@SUM", "mailto")), (ws.title, v)
                if isinstance(v, str) and any(h in v for h in HOSTILE):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, v)
                    assert cell.hyperlink is None, (ws.title, cell.coordinate, v)
                    if v in HOSTILE:
                        seen.add(v)
    assert seen == set(HOSTILE), set(HOSTILE) - seen


# whitespace junk ---------------------------------------------------------------------------------

def _dirty_code(code: str, k: int) -> str:
    return ["\u00a0" + code, code + "\u200b", code.replace(".", ".\n", 2), "\t" + code + "\r\n",
            code.replace(".", "\u200b.", 1) + " "][k % 5]


def _dirty_name(name: str, k: int) -> str:
    return [name.replace(" ", "\u00a0"), "\u200b" + name, name.replace(" ", "\n", 1), "\t" + name + "\t",
            name.replace(" ", " \r\n ") + "\ufeff"][k % 5]


def test_junk_whitespace_in_codes_and_names_matches_the_clean_twin(tmp_path):
    clean = b.clean_office(tmp_path / "bersih")
    dirty = tmp_path / "kotor"
    d = b.budget_sheet("DPA", b.SUBS)
    r = b.budget_sheet("LRA", {c: (b.SUBS[c], b.REAL[c]) for c in b.SUBS}, ("Anggaran", "Realisasi"),
                       title=f"LAPORAN REALISASI ANGGARAN TAHUN {b.TAHUN}")
    for shift, s in enumerate((d, r)):
        for k, line in enumerate(s.lines):
            if line[0]:
                line[0] = _dirty_code(line[0], k + shift)
                line[1] = _dirty_name(line[1], k + 2 * shift)
    b.save(dirty / "DPA 2024.xlsx", d)
    b.save(dirty / f"Realisasi {b.TAHUN}-12.xlsx", r)
    rc_, rd = b.check(clean), b.check(dirty)
    assert rd.budget.pagu == rc_.budget.pagu and rd.budget.realisasi == rc_.budget.realisasi
    assert rd.totals == rc_.totals
    assert [f.code for f in rd.findings] == [f.code for f in rc_.findings] == []


# the output cannot be written --------------------------------------------------------------------

def test_output_folder_blocked_by_a_file(capsys, untouched, tmp_path):
    (tmp_path / "blok").write_text("bukan folder")
    target = tmp_path / "blok" / "sub" / "hasil.xlsx"
    rc, out, err = cli(capsys, "build", untouched, "-o", target, "--tahun", "2024")
    unusable(rc, err, "folder keluaran", "blok")
    assert (tmp_path / "blok").read_text() == "bukan folder"


def test_default_output_folder_blocked_by_a_file(capsys, untouched):
    (untouched / "hasil").write_text("x")
    rc, out, err = cli(capsys, "build", untouched, "--tahun", "2024")
    unusable(rc, err, "folder keluaran")
    assert (untouched / "hasil").read_text() == "x"


def test_output_open_in_excel(capsys, untouched, tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds open; the old file stays as it was."""
    target = tmp_path / "hasil.xlsx"
    target.write_bytes(b"versi lama")

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(write.os, "replace", locked)
    rc, out, err = cli(capsys, "build", untouched, "-o", target, "--tahun", "2024")
    unusable(rc, err, "sedang dibuka di Excel", "tutup")
    assert target.read_bytes() == b"versi lama"


def test_read_only_folder(capsys, untouched, tmp_path, monkeypatch):
    """As root, permissions are not enforced: simulate a folder the user may not write in."""
    monkeypatch.setattr(write.os, "access", lambda path, mode: False)
    target = tmp_path / "arsip" / "hasil.xlsx"
    rc, out, err = cli(capsys, "build", untouched, "-o", target, "--tahun", "2024")
    unusable(rc, err, "hanya-baca")
    assert not target.parent.exists()            # the folder it made for the output is gone again


def test_temporary_file_cannot_be_created(capsys, untouched, tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(write.tempfile, "mkstemp", refused)
    target = tmp_path / "hasil.xlsx"
    rc, out, err = cli(capsys, "build", untouched, "-o", target, "--tahun", "2024")
    unusable(rc, err, "tidak dapat ditulis")
    assert not target.exists()


def test_disk_full_while_writing(capsys, untouched, tmp_path, monkeypatch):
    def full(tables, tmp, created):
        tmp.write_bytes(b"PK\x03\x04 setengah")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write, "_build", full)
    target = tmp_path / "hasil.xlsx"
    rc, out, err = cli(capsys, "build", untouched, "-o", target, "--tahun", "2024")
    unusable(rc, err, "ruang disk")
    assert not target.exists()


@pytest.mark.parametrize("old", [None, b"versi lama"], ids=["new", "replacing"])
def test_interrupted_while_writing(capsys, untouched, tmp_path, monkeypatch, old):
    """Ctrl+C in the middle of the workbook: no half-written output, no temporary file."""
    real = write._write_sheet
    calls = []

    def interrupted(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(write, "_write_sheet", interrupted)
    target = tmp_path / "hasil.xlsx"
    if old is not None:
        target.write_bytes(old)
    rc, out, err = cli(capsys, "build", untouched, "-o", target, "--tahun", "2024")
    assert rc == 130 and "Dihentikan" in err and len(calls) == 3, err
    assert (target.read_bytes() == old) if old is not None else not target.exists()


def test_interrupted_default_output_leaves_no_folder(capsys, untouched, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "_write_sheet", interrupted)
    rc, out, err = cli(capsys, "build", untouched, "--tahun", "2024")
    assert rc == 130 and not (untouched / "hasil").exists()


def test_output_that_is_an_input_is_refused(capsys, untouched):
    rc, out, err = cli(capsys, "build", untouched, "-o", untouched / "DPA 2024.xlsx", "--tahun", "2024")
    unusable(rc, err, "berkas masukan", "tidak pernah menimpa")


def test_output_that_is_a_folder(capsys, untouched, tmp_path):
    (tmp_path / "hasil.xlsx").mkdir()
    rc, out, err = cli(capsys, "build", untouched, "-o", tmp_path / "hasil.xlsx", "--tahun", "2024")
    unusable(rc, err, "adalah sebuah folder")


def test_unexpected_error_is_one_paragraph(capsys, untouched, monkeypatch):
    """A bug still reaches the user as a paragraph (and exit 2), never as a traceback."""
    from lkjip_xl.check import reconcile      # pipeline imports it when it runs

    def bug(*args, **kwargs):
        raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")

    monkeypatch.setattr(reconcile, "reconcile_budget", bug)
    rc = main(["check", str(untouched)])
    out, err = capsys.readouterr()
    assert rc == 2 and "Traceback" not in err and "kesalahan di dalam lkjip-xl" in err and "TypeError" in err


def test_one_broken_file_among_good_ones(capsys, untouched, tmp_path):
    """A broken file beside sound ones stops the run (exit 2) before any output: the good files are
    untouched (checked by the fixture) and no hasil/ folder appears."""
    (untouched / "Rusak.xlsx").write_bytes(b"PK\x03\x04 potongan")
    rc, out, err = cli(capsys, "build", untouched, "--tahun", "2024")
    unusable(rc, err, "Rusak.xlsx")
    assert not (untouched / "hasil").exists()
    (untouched / "Rusak.xlsx").unlink()


def test_two_broken_files_the_first_by_name_is_said(capsys, untouched, tmp_path):
    """The largest file is read first, but of two unreadable files the message names the one a
    reading in the files' order meets first, whatever their sizes."""
    (untouched / "A Rusak.xlsx").write_bytes(b"PK\x03\x04 potongan")
    (untouched / "Z Rusak Besar.xlsx").write_bytes(b"PK\x03\x04" + b" potongan" * 200_000)
    rc, out, err = cli(capsys, "check", untouched, "--tahun", "2024")
    unusable(rc, err, "A Rusak.xlsx")
    assert "Z Rusak" not in err
    (untouched / "A Rusak.xlsx").unlink()
    (untouched / "Z Rusak Besar.xlsx").unlink()


def test_largest_file_is_read_first_and_the_report_keeps_the_files_order(untouched, monkeypatch):
    """The largest file's rows are read in the background while the others are checked, so it is
    loaded first; what the run says is in the files' own order, as before."""
    from lkjip_xl import pipeline

    plain = pipeline.check([untouched], tahun=2024)
    seen = []
    load = grid.load
    monkeypatch.setattr(grid, "load", lambda path: seen.append(path) or load(path))
    result = pipeline.check([untouched], tahun=2024)
    sizes = [p.stat().st_size for p in seen]
    assert len(seen) == 2 and sizes == sorted(sizes, reverse=True)
    assert [p.name for p in seen] == ["Realisasi 2024-12.xlsx", "DPA 2024.xlsx"]     # not the files' order
    assert [(s.file, s.name) for s in result.sheets] == [(s.file, s.name) for s in plain.sheets]
    assert [s.file for s in result.sheets][0] == "DPA 2024.xlsx"
    assert [(f.code, f.file, f.cell) for f in result.findings] == [(f.code, f.file, f.cell) for f in plain.findings]
    assert result.totals == plain.totals


# a Windows console -------------------------------------------------------------------------------

def run_console(*args, cwd=None):
    """The installed command with a Windows (cp1252) console encoding."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    cmd = [EXE, *args] if EXE else [sys.executable, "-m", "lkjip_xl", *args]
    return subprocess.run([str(c) for c in cmd], capture_output=True, cwd=cwd, env=env, timeout=120)


def test_windows_console_with_names_it_cannot_show(tmp_path):
    folder = tmp_path / "Laporan Keuangan" / "Kecamatan Éxample ü"
    subs = dict(b.SUBS)
    d = b.budget_sheet("DPA", subs, title="DPA KECAMATAN ÉXAMPLE Ü TAHUN 2024")
    r = b.budget_sheet("LRA", {c: (subs[c], b.REAL[c]) for c in subs}, ("Anggaran", "Realisasi"),
                       title="LAPORAN REALISASI ANGGARAN TAHUN 2024")
    code = sorted(subs)[0]
    d.set(code, "Uraian", "Belanja → ≥ 100% مرحبا 中文")
    r.set(code, "Uraian", "Belanja ≤ ← سلام 日本語")          # a uraian-mismatch: printed to the console
    b.save(folder / "DPA → 2024.xlsx", d)
    b.save(folder / "Realisasi 2024-12 ü.xlsx", r)
    before = digests(folder)
    for args in (["check", folder], ["build", folder, "-o", folder.parent / "Hasil Éxample → ü.xlsx"],
                 ["check", folder, "--json"], ["build", folder, "--lang", "en"]):
        p = run_console(*args)
        assert p.returncode in (0, 1), p.stderr.decode("cp1252", "replace")
        assert b"Traceback" not in p.stderr
        p.stdout.decode("cp1252")                            # what the console receives, it can show
        assert b"uraian-mismatch" in p.stdout
    assert (folder.parent / "Hasil Éxample → ü.xlsx").is_file()
    assert digests(folder) == before


def test_windows_console_error_message_with_names_it_cannot_show(tmp_path):
    folder = tmp_path / "Laporan Keuangan" / "Kecamatan Éxample ü"
    folder.mkdir(parents=True)
    (folder / "DPA → 中文.xlsx").write_bytes(b"PK\x03\x04 terpotong")
    p = run_console("check", folder)
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    err = p.stderr.decode("cp1252")
    assert err.startswith("Tidak dapat diproses: DPA ? ??.xlsx")
