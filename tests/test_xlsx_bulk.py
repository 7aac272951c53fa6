"""Large sheets are read column by column (bulk.py): the same findings and totals as cell by cell.

The benchmark (tests/benchmark/bench.py) times this path on 500,000 rows; these tests keep it
exact on inputs CI can afford.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from lkjip_xl.xlsx import bulk
from lkjip_xl.pipeline import check

SAMPLE = Path(__file__).resolve().parents[1] / "workbooks" / "contoh-blora-2024"


def _xlsx(path: Path, sheet: str, rows: list[list]) -> None:
    """A minimal .xlsx, its sheet XML written directly (xlsxwriter takes seconds for 50,000 rows)."""
    from xml.sax.saxutils import escape

    def cell(r: int, c: int, v) -> str:
        ref = f"{chr(65 + c)}{r + 1}"
        if isinstance(v, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
        return f'<c r="{ref}"><v>{v}</v></c>'

    body = "".join(f'<row r="{r + 1}">' + "".join(cell(r, c, v) for c, v in enumerate(row) if v is not None) + "</row>"
                   for r, row in enumerate(rows) if row)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets>'
                   f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{body}</sheetData></worksheet>')


def _flat_dpa(folder: Path, rows: int) -> tuple[int, int, int, dict]:
    """A SIPD-flattened rekening-level DPA and a long monthly realisasi (as the benchmark makes them).
    Returns (total pagu, total realisasi, number of sub kegiatan, pagu per jenis belanja)."""
    subs = [(f"1.02.{p:02d}", f"1.02.{p:02d}.2.{k:02d}", f"1.02.{p:02d}.2.{k:02d}.{s:04d}")
            for p in range(1, 6) for k in range(1, 11) for s in range(1, 21)]          # 1,000 sub kegiatan
    per_sub = rows // len(subs)
    table = [["RINCIAN DPA KABUPATEN CONTOH TAHUN ANGGARAN 2024"], [],
             ["Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan",
              "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Pagu"]]
    lines, pagu, jenis = [], 0, {}
    for i in range(rows):
        p, k, s = subs[(i // per_sub) % len(subs)]
        account = f"5.{1 + i % 2}.02.01.01.{i % 9999 + 1:04d}"
        amount = 1_000_000 + (i * 7919) % 50_000_000 + (10**14 if i == 7 else 0)   # one amount far past 2**32
        table.append([p, f"Program {p}", k, f"Kegiatan {k}", s, f"Sub Kegiatan {s}", account, "Belanja", amount])
        lines.append((s, account, amount))
        pagu += amount
        name = "Belanja Barang dan Jasa" if i % 2 == 0 else "Belanja Modal"       # 5.1.02 / 5.2
        jenis[name] = jenis.get(name, 0) + amount
    table.append([None] * 7 + ["JUMLAH", pagu])
    _xlsx(folder / "DPA Rincian.xlsx", "DPA", table)
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]
    table = [["Bulan", "Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Realisasi Bulan Ini"]]
    per_month, real = rows // 12, 0
    for m, name in enumerate(months):
        for s, account, amount in lines[m * per_month:(m + 1) * per_month]:
            table.append([name, s, account, "Belanja", amount * 9 // 10])
            real += amount * 9 // 10
    _xlsx(folder / "Realisasi Bulanan.xlsx", "Realisasi", table)
    (folder / "lkjip.toml").write_text('instansi = "Kabupaten Contoh"\ntahun = 2024\n', encoding="utf-8")
    return pagu, real, len(subs), jenis


def _spy(monkeypatch) -> dict:
    """Counts how the large sheets were read: column-wise, or (a mixed column) cell by cell."""
    seen = {"columns": 0, "cells": 0}
    read, full = bulk.Bulk.read, bulk.Bulk.full

    def spy_read(self, *args):
        block = read(self, *args)
        seen["columns" if block is not None else "cells"] += 1
        return block

    monkeypatch.setattr(bulk.Bulk, "read", spy_read)
    monkeypatch.setattr(bulk.Bulk, "full", lambda self: (seen.__setitem__("full", seen.get("full", 0) + 1), full(self))[1])
    return seen


def test_fifty_thousand_rekening_lines_add_up_exactly(tmp_path, monkeypatch):
    pagu, real, subs, jenis = _flat_dpa(tmp_path, 50_000)
    seen = _spy(monkeypatch)
    result = check([tmp_path])
    assert seen == {"columns": 2, "cells": 0}          # both sheets read column-wise
    assert result.totals["pagu"] == pagu and type(result.totals["pagu"]) is int
    assert result.totals["realisasi"] == real and type(result.totals["realisasi"]) is int
    assert len(result.budget.pagu) == subs
    assert result.budget.jenis == jenis
    assert all(f.severity != "error" for f in result.findings)


def _as_json(result) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True)


def _tricky(path: Path) -> Path:
    """A rekening DPA of a few hundred rows with what a large office file may hold below its
    header: merged code cells, SIPD account rows, a formula without a value, error cells, a
    JUMLAH row that is wrong, yes/no and dates in a column that is not read."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DPA"
    ws.append(["DPA KECAMATAN CONTOH TAHUN ANGGARAN 2024"])
    ws.append([])
    ws.append(["Kode", "Kode Rekening", "Uraian", "Pagu", "Keterangan"])
    total = 0
    for s in range(1, 41):
        sub = f"7.01.01.2.01.{s:04d}"
        top = ws.max_row + 1
        ws.append([sub, None, f"Sub Kegiatan {s}", None, True if s % 7 == 0 else None])
        ws.append([None, "5.1", "Belanja Operasi", 3_000_000 if s != 5 else 2_000_000, None])
        for a in range(1, 4):
            amount = 1_000_000 if (s, a) != (9, 2) else "=1/0"
            ws.append([None, f"5.1.02.01.01.{a:04d}", f"Belanja {a}", amount, "ok" if a == 2 else 12.5])
            total += 1_000_000
        ws.merge_cells(start_row=top, start_column=1, end_row=top + 4, end_column=1)
    ws.append([None, None, "JUMLAH", total + 1, None])
    ws["D20"] = "#REF!"
    wb.save(path)
    return path


@pytest.mark.parametrize("head,small_chunks", [(bulk.HEAD_ROWS, False), (34, False), (bulk.HEAD_ROWS, True)])
def test_sample_and_tricky_sheets_read_column_wise_give_the_same_result(tmp_path, monkeypatch, head, small_chunks):
    folder = tmp_path / "tricky"
    folder.mkdir()
    _tricky(folder / "DPA 2024.xlsx")
    expected = {name: _as_json(check([p])) for name, p in (("sample", SAMPLE), ("tricky", folder))}
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", -1)       # every sheet of more than `head` rows
    monkeypatch.setattr(bulk, "HEAD_ROWS", head)
    if small_chunks:      # guard.py's two-thread path, its array answers telling the Scanner where to look
        from lkjip_xl.xlsx import guard

        monkeypatch.setattr(guard, "_CHUNK", 512)
        monkeypatch.setattr(guard, "_ARRAYS_FROM", -1)
        monkeypatch.setattr(guard, "_READ_AHEAD_FROM", -1)
    seen = _spy(monkeypatch)
    assert {name: _as_json(check([p])) for name, p in (("sample", SAMPLE), ("tricky", folder))} == expected
    assert seen["columns"] >= 1


def test_guard_array_checks_answer_as_its_regular_expressions():
    """guard.py reads large sheet bodies with array operations; on any text they must decide as the
    regular expressions of its small-body path do, or (doctype) never miss what they find (random
    bodies of the characters that matter)."""
    import random

    from lkjip_xl.xlsx import guard, marks

    def loose(body):
        refs = [(c, r) for c, r in marks.R_LOOSE.findall(body) if c and r]
        return (max(map(int, {r for _, r in refs})), max(map(marks.column_number, {c for c, _ in refs}))) \
            if refs else (0, 0)

    def plain(body):
        return body.count(b"<c ") == body.count(b"<c r=") and not marks.ODD_CELL.search(body) \
            and not marks.PREFIXED_CELL.search(body)

    def error(body):
        return b't="e"' in body

    pieces = [b"<", b">", b"c", b" ", b"r", b"=", b'"', b"'", b"<c ", b'<c r="A1"', b":c", b":c>", b":c ", b"<c\t",
              b"<c>", b"<c/", b"<cfRule", b"<c.", b"<c-", b"<c:", b"\n", b"A", b"z", b"XFD", b"0", b"9", b"1048576",
              b"0000012", b'r="', b"r='", b"rr", b"AB", b'"/>', b"<!DOCTYPE", b"x",
              # bytes the eight-at-a-time reading must not take for letters or digits
              b"\xc3\x81", b"\xc1", b"\xda", b"\xb0", b"@", b"[", b"`", b"{", b"/", b":", b"\x7f", b"\x00", b"\x1f", b"\t=",
              b"99999999", b"ABCD", b"A00000001", b"t=", b't="e"', b"<f", b"<f>"]
    rng = random.Random(7)
    for _ in range(40_000):
        body = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        m = marks.Marks(body)
        assert m.plain_cells() == plain(body), body
        found = marks.loose_max(body)
        assert found is None or found == loose(body), body
        told = m.answers()
        assert (told.extent, told.error, m.formula()) == (found, error(body), b"<f" in body), body
    # every address form the fast path reads: 1–3 letters of either case, 1–7 digits, either quote
    for letters in (b"A", b"z", b"Zz", b"xfd", b"XFD", b"AAA"):
        for digits in (b"1", b"9", b"10", b"0000012", b"1048576", b"9999999"):
            for q in (b'"', b"'"):
                body = b'<c r=' + q + letters + digits + q + b'/><c r="B2"/>'
                assert marks.loose_max(body) == loose(body), body


def test_busy_while_a_background_read_runs():
    """guard.py checks the next file on one thread while fastexcel reads in the background: busy()
    says so, from any thread, and falls back once the read is done."""
    import threading
    import time

    gate = threading.Event()

    class Slow:
        def size(self):
            gate.wait(10)

    futures = [bulk.start(Slow(), None) for _ in range(2)]
    assert bulk.busy()
    gate.set()
    for f in futures:
        f.result()
    deadline = time.monotonic() + 5        # the pool's thread counts down just after the result
    while bulk.busy() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not bulk.busy()


def test_guard_takes_the_other_core_as_soon_as_it_is_free(tmp_path, monkeypatch):
    """While a background read is under way the guard checks on its own thread; it asks again
    before each piece of a part, so that a large file's check moves to two cores as soon as a
    small file's read has finished, not only at its next file. The answers are the same."""
    from lkjip_xl.xlsx import guard

    src = tmp_path / "besar.xlsx"
    _xlsx(src, "DPA", [["Kode", "Uraian", "Pagu"]] +
          [[f"1.02.01.2.01.{i:04d}", f"Sub kegiatan {i}", 1000 + i] for i in range(1, 3000)])
    monkeypatch.setattr(guard, "_ARRAYS_FROM", 1024)
    monkeypatch.setattr(guard, "_CHUNK", 8 * 1024)
    submitted = []
    real = guard._worker()

    class Spy:
        def submit(self, fn, *args):
            submitted.append(fn)
            return real.submit(fn, *args)

    monkeypatch.setattr(guard, "_worker", lambda: Spy())
    asked = []

    def free() -> bool:          # busy for the first pieces, then free
        asked.append(1)
        return len(asked) > 5

    with zipfile.ZipFile(src) as zf:
        guard.check(zf, 10_000_000, threads=free)
    assert len(asked) > 10 and len(submitted) >= len(asked) - 5 - 3
    with zipfile.ZipFile(src) as zf:
        guard.check(zf, 10_000_000, threads=False)         # one thread: nothing handed over
    assert len(submitted) >= len(asked) - 8
    # the same refusal whichever thread reads the addresses: a cell far from A1 in the last piece
    xml = zipfile.ZipFile(src).read("xl/worksheets/sheet1.xml")
    far = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    bad = tmp_path / "jauh.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, far if info.filename == "xl/worksheets/sheet1.xml" else zin.read(info))
    for threads in (free, False, True):
        with zipfile.ZipFile(bad) as zf, pytest.raises(guard.Refused) as caught:
            guard.check(zf, 10_000_000, threads=threads)
        assert caught.value.code == "sheet-too-many-cells"


def test_pandas_is_imported_only_once_the_rows_are_being_read():
    """`check` reads a large sheet's rows in the background while pandas is imported: nothing on the
    way from the command line to the reading may import pandas (or check/, which imports it) first."""
    import subprocess
    import sys

    code = ("import sys; import lkjip_xl.cli, lkjip_xl.pipeline, lkjip_xl.read.sheets, lkjip_xl.xlsx.grid; "
            "print([m for m in ('pandas', 'pandera', 'lkjip_xl.check.validate') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
