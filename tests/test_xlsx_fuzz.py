"""Fuzzing: whatever the text, grid or file, the answer is a value, a finding, or one of the
documented refusals, never another exception.

- the number parser: any text → a number or BadNumber;
- the header finder: any grid and merged ranges → a header or None;
- the reader: the sample DPA mutated byte by byte, and its sheet XML mutated cell by cell inside a
  sound zip → `pipeline.check` returns, or raises grid.Unreadable, files.InputError,
  read.NoRequiredRole or config.ConfigError.

Examples are derandomized (the same on every run, so CI never flakes) and few; a longer campaign is
`LKJIP_FUZZ=2000 python -m pytest tests/test_xlsx_fuzz.py` (random seeds, 2000 examples per test).
Every crash found became a named regression test at the end of this file or in test_xlsx_hostile.py.
"""
from __future__ import annotations

import os
import time
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from lkjip_xl.xlsx import grid
from lkjip_xl import pipeline
from lkjip_xl.config import ConfigError
from lkjip_xl.read.files import InputError
from lkjip_xl.read.headers import Header, _schema_aliases, find_header, role_specs
from lkjip_xl.read.numbers import BadNumber, parse_amount, parse_indicator
from lkjip_xl.read.sheets import NoRequiredRole

SAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "contoh-blora-2024" / "DPA Kecamatan Blora 2024.xlsx"
DOCUMENTED = (grid.Unreadable, InputError, NoRequiredRole, ConfigError)

_CAMPAIGN = int(os.environ.get("LKJIP_FUZZ", "0"))


def fuzz(examples: int):
    if _CAMPAIGN:
        return settings(max_examples=_CAMPAIGN, deadline=None, derandomize=False,
                        suppress_health_check=list(HealthCheck))
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


# numbers -----------------------------------------------------------------------------------------

# text that looks like what offices type: digits, separators, currency, signs, brackets, dashes, spaces
numberish = st.text(alphabet="0123456789.,-–—−+()%Rp rpIDR\u00a0\u200b\t\n,-'e", max_size=24)
# what a cell can hold once read: calamine gives str, float, int, bool, datetime (empty is "")
any_cell = st.one_of(numberish, st.text(max_size=30), st.none(), st.booleans(), st.integers(), st.floats(),
                     st.datetimes())


@fuzz(400)
@given(any_cell)
def test_parse_amount_gives_a_number_or_bad_number(value):
    try:
        got = parse_amount(value)
    except BadNumber:
        return
    assert isinstance(got, (int, Decimal)) and not isinstance(got, bool)
    if isinstance(got, Decimal):
        assert got.is_finite()


@fuzz(400)
@given(any_cell)
def test_parse_indicator_gives_a_number_none_or_bad_number(value):
    try:
        got = parse_indicator(value)
    except BadNumber:
        return
    assert got is None or (isinstance(got, Decimal) and got.is_finite())


# headers -----------------------------------------------------------------------------------------

def _aliases() -> list[str]:
    words = set()
    for spec in _schema_aliases()["roles"].values():
        for aliases in spec["fields"].values():
            words.update(str(a).replace("{year}", "2024") for a in aliases)
    return sorted(words)


ALIASES = _aliases()
label = st.one_of(
    st.sampled_from(ALIASES),
    st.sampled_from(ALIASES).map(lambda s: s.upper()),
    st.sampled_from(ALIASES).map(lambda s: f" {s}\n(Rp) "),
    st.sampled_from(["(1)", "1", "2", "2022", "2023 ", "JUMLAH", "No", "", "-", "=SUM(A1)"]),
)
cell = st.one_of(label, st.text(max_size=12), st.none(), st.integers(-10**6, 10**12),
                 st.floats(allow_nan=True), st.booleans(), st.just(datetime(2024, 3, 31)))
grids = st.lists(st.lists(cell, max_size=12), max_size=40)
# what calamine gives for <mergeCell ref=…>: never negative, but inverted (C5:A1) or huge (A1:XFD1048576)
merges = st.lists(st.tuples(*[st.integers(0, 60)] * 4) | st.tuples(st.integers(0, 3), st.integers(0, 3),
                                                                   st.integers(10**5, 2**32), st.integers(0, 2**20)),
                  max_size=8)


@fuzz(150)
@given(grids, merges)
def test_find_header_on_any_grid(rows, merged):
    header = find_header(rows, merged, role_specs())
    assert header is None or isinstance(header, Header)
    if header is not None:
        assert 0 <= header.row < len(rows) and header.data_start >= header.row


# the reader on mutated workbooks -----------------------------------------------------------------

SOURCE = SAMPLE.read_bytes()
with zipfile.ZipFile(SAMPLE) as _z:
    PARTS = {i.filename: _z.read(i) for i in _z.infolist()}
SHEETS = sorted(n for n in PARTS if n.startswith("xl/worksheets/"))


def _check(path: Path):
    try:
        return pipeline.check([path], tahun=2024)
    except DOCUMENTED as exc:
        assert str(exc).strip()
        return exc


@fuzz(40)
@given(st.data())
def test_reader_on_byte_mutations(tmp_path_factory, data):
    """Flip, insert, delete bytes anywhere, or cut the file: a refusal or a result, nothing else."""
    blob = bytearray(SOURCE)
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        kind = data.draw(st.sampled_from(["flip", "insert", "delete", "cut"]), label="kind")
        at = data.draw(st.integers(0, len(blob) - 1), label="at")
        if kind == "flip":
            blob[at] ^= data.draw(st.integers(1, 255))
        elif kind == "insert":
            blob[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del blob[at:at + data.draw(st.integers(1, 64))]
        else:
            del blob[max(at, 1):]
        if not blob:
            blob = bytearray(b"P")
    path = tmp_path_factory.mktemp("byte") / "DPA Kecamatan Blora 2024.xlsx"
    path.write_bytes(bytes(blob))
    _check(path)


_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.S)
_TAGS = re.compile(rb"<[^<>]+>")
cell_value = st.one_of(
    numberish, st.text(max_size=40), st.sampled_from(["", "1e308", "-0", "NaN", "inf", "99999999999999999999999",
                                                     "#REF!", "TRUE", "2024-13-45", "=1/0", "&amp;", "\u0000"]),
    st.integers(-10**20, 10**20).map(str), st.floats().map(repr),
)
cell_kind = st.sampled_from([None, "n", "s", "str", "b", "e", "d", "inlineStr", "x"])


def _escape(text: str) -> bytes:
    text = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                   and ch not in "\ufffe\uffff")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


def _ref(draw) -> bytes:
    col = draw(st.integers(1, 40))
    s = ""
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return f"{s}{draw(st.integers(1, 500))}".encode()


@st.composite
def mutated_sheet(draw, xml: bytes) -> bytes:
    """The sheet's XML with a few cells rewritten, tags dropped, rows or merges made odd."""
    cells = [m.span() for m in _CELL.finditer(xml)]
    edits = []
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["value", "value", "text", "kind", "ref", "drop-tag", "merge", "row", "dup"]))
        if op in ("value", "text", "kind", "ref", "dup") and cells:
            a, z = draw(st.sampled_from(cells))
            r = _ref(draw) if op == "ref" else re.search(rb'\br="([A-Z]+\d+)"', xml[a:z]).group(1)
            kind = draw(cell_kind) if op == "kind" else (None if op == "value" else "inlineStr")
            t = b"" if kind is None else b' t="' + kind.encode() + b'"'
            v = _escape(draw(cell_value))
            body = b"<is><t>" + v + b"</t></is>" if kind == "inlineStr" else b"<v>" + v + b"</v>"
            new = b'<c r="' + r + b'"' + t + b">" + body + b"</c>"
            edits.append((a, z, new + (xml[a:z] if op == "dup" else b"")))
        elif op == "drop-tag":
            tags = [m.span() for m in _TAGS.finditer(xml)]
            a, z = draw(st.sampled_from(tags))
            edits.append((a, z, b""))
        elif op == "merge":
            at = xml.find(b"<mergeCells")
            if at >= 0:
                refs = draw(st.sampled_from([b"A1:XFD1048576", b"A1:A1048576", b"C5:A1", b"B2:B2", _ref(draw) + b":" + _ref(draw)]))
                edits.append((at, at, b'<mergeCells count="1"><mergeCell ref="' + refs + b'"/></mergeCells>'))
        elif op == "row":
            rows = [m.span(1) for m in re.finditer(rb'<row r="(\d+)"', xml)]
            a, z = draw(st.sampled_from(rows))
            edits.append((a, z, str(draw(st.integers(0, 2_000_000))).encode()))
    out = xml
    for a, z, new in sorted(edits, key=lambda e: e[0], reverse=True):
        if a <= len(out):
            out = out[:a] + new + out[z:]
    return out


def _rezip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)


@fuzz(60)
@given(st.data())
def test_reader_on_xml_mutations(tmp_path_factory, data):
    """A sound zip whose sheet XML says odd things: values, types, addresses, missing tags, merges."""
    name = data.draw(st.sampled_from(SHEETS), label="sheet")
    parts = dict(PARTS)
    parts[name] = data.draw(mutated_sheet(PARTS[name]), label="xml")
    path = tmp_path_factory.mktemp("xml") / "DPA Kecamatan Blora 2024.xlsx"
    _rezip(path, parts)
    result = _check(path)
    if not isinstance(result, Exception):
        assert result.totals["pagu"] is not None


IKU = SAMPLE.with_name("IKU Kecamatan Blora 2024.xlsx")
with zipfile.ZipFile(IKU) as _z:
    IKU_PARTS = {i.filename: _z.read(i) for i in _z.infolist()}
style_id = st.one_of(st.integers(-3, 400).map(str), st.sampled_from(["", "abc", "9.5", "1e3", "99999999999999999999"]))
format_code = st.one_of(st.sampled_from(["0%", "0.00%", '"%"0', "[Red]0%", "\\%0", "General", "0%%", "%"]),
                        st.text(max_size=12))


@st.composite
def mutated_styles(draw, xml: bytes) -> bytes:
    """styles.xml with percent formats added and the xf → format links made odd."""
    fmts = b"".join(b'<numFmt numFmtId="' + _escape(draw(style_id)) + b'" formatCode="' +
                    _escape(draw(format_code)).replace(b'"', b"&quot;") + b'"/>'
                    for _ in range(draw(st.integers(0, 4))))
    xml = xml.replace(b'<numFmts count="0" />', b'<numFmts count="1">' + fmts + b"</numFmts>")
    ids = list(re.finditer(rb'numFmtId="(\d+)"', xml))
    for m in sorted(draw(st.lists(st.sampled_from(ids), max_size=4, unique_by=lambda m: m.start())),
                    key=lambda m: m.start(), reverse=True):
        xml = xml[:m.start(1)] + _escape(draw(style_id)) + xml[m.end(1):]
    return xml


@fuzz(30)
@given(st.data())
def test_reader_on_style_mutations(tmp_path_factory, data):
    """Percent formats are read from styles.xml for indicator sheets: odd styles never crash."""
    parts = dict(IKU_PARTS)
    parts["xl/styles.xml"] = data.draw(mutated_styles(IKU_PARTS["xl/styles.xml"]), label="styles")
    folder = tmp_path_factory.mktemp("styles")
    (folder / SAMPLE.name).write_bytes(SOURCE)
    _rezip(folder / IKU.name, parts)
    try:
        pipeline.check([folder], tahun=2024)
    except DOCUMENTED as exc:
        assert str(exc).strip()


# regressions found by the fuzzers ----------------------------------------------------------------

def _sample_with_sheet(tmp_path: Path, old: bytes, new: bytes, sheet: str = "xl/worksheets/sheet1.xml") -> Path:
    parts = dict(PARTS)
    assert old in parts[sheet]
    parts[sheet] = parts[sheet].replace(old, new, 1)
    path = tmp_path / SAMPLE.name
    _rezip(path, parts)
    return path


def test_regression_flipped_compressed_byte(tmp_path):
    """A flipped byte inside the deflate stream: zlib.error while the sheet was scanned."""
    blob = bytearray(SOURCE)
    with zipfile.ZipFile(SAMPLE) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    blob[info.header_offset + 30 + len(info.filename) + len(info.extra) + 100] ^= 0xFF
    path = tmp_path / SAMPLE.name
    path.write_bytes(bytes(blob))
    assert isinstance(_check(path), grid.Unreadable)


def test_regression_merges_down_to_the_last_row(tmp_path):
    """A merge from a data row down to row 1,048,576 made the reader fill a million rows (read.py's
    merged-cell filling): now cut to the rows the sheet holds."""
    path = _sample_with_sheet(tmp_path, b'<mergeCells count="10">',
                              b'<mergeCells count="11"><mergeCell ref="B10:B1048576"/>')
    t = time.perf_counter()
    result = _check(path)
    assert time.perf_counter() - t < 5
    assert not isinstance(result, Exception)


def test_regression_overlapping_merges(tmp_path):
    """Twenty merges stacked over one column took 30 s; Excel never saves such a file."""
    merges = b"".join(b'<mergeCell ref="B%d:B1048576"/>' % (10 + i) for i in range(20))
    path = _sample_with_sheet(tmp_path, b'<mergeCells count="10">', b'<mergeCells count="30">' + merges)
    t = time.perf_counter()
    result = _check(path)
    assert time.perf_counter() - t < 5
    assert isinstance(result, grid.Unreadable) and "bertumpuk" in str(result)


def test_regression_inverted_merge(tmp_path):
    """<mergeCell ref="C5:A1"/>: calamine gives the corners as written; they are put in order."""
    path = _sample_with_sheet(tmp_path, b'<mergeCell ref="A1:H1" />', b'<mergeCell ref="H1:A1" />')
    (sheet, _) = grid.load(path)
    assert (0, 0, 0, 7) in sheet.merges
    assert not isinstance(_check(path), Exception)


def test_regression_style_with_a_non_numeric_format_id(tmp_path):
    """<numFmt numFmtId="abc" formatCode="0%"/> in an indicator workbook: int(b"abc") escaped the
    percent-format scan as a ValueError (an internal error for the user)."""
    import builders as b

    b.clean_office(tmp_path)
    path = b.iku(tmp_path, b.iku_sheet([{"indikator": "IKM", "target": 90, "realisasi": 95}]))
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    styles = parts["xl/styles.xml"]
    # openpyxl writes the empty list as `<numFmts count="0" />` or `<numFmts count="0"/>` by version
    parts["xl/styles.xml"] = re.sub(rb'<numFmts count="0"\s*/>',
                                    b'<numFmts count="1"><numFmt numFmtId="abc" formatCode="0%"/></numFmts>', styles)
    assert parts["xl/styles.xml"] != styles
    _rezip(path, parts)
    result = pipeline.check([tmp_path], tahun=2024)
    assert result.findings == []
