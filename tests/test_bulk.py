"""Large sheets are read column by column (bulk.py): the same findings and totals as cell by cell.

The benchmark (tests/benchmark/bench.py) times this path on 500,000 rows; these tests keep it
exact on inputs CI can afford.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import Workbook

from lkjip_xl import bulk
from lkjip_xl.pipeline import check

SAMPLE = Path(__file__).resolve().parents[1] / "workbooks" / "contoh-blora-2024"


def _flat_dpa(folder: Path, rows: int) -> tuple[int, int, int, dict]:
    """A SIPD-flattened rekening-level DPA and a long monthly realisasi (as the benchmark makes them).
    Returns (total pagu, total realisasi, number of sub kegiatan, pagu per jenis belanja)."""
    subs = [(f"1.02.{p:02d}", f"1.02.{p:02d}.2.{k:02d}", f"1.02.{p:02d}.2.{k:02d}.{s:04d}")
            for p in range(1, 6) for k in range(1, 11) for s in range(1, 21)]          # 1,000 sub kegiatan
    per_sub = rows // len(subs)
    wb = xlsxwriter.Workbook(folder / "DPA Rincian.xlsx", {"constant_memory": True})
    ws = wb.add_worksheet("DPA")
    ws.write_row(0, 0, ["RINCIAN DPA KABUPATEN CONTOH TAHUN ANGGARAN 2024"])
    ws.write_row(2, 0, ["Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan",
                        "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Pagu"])
    lines, pagu, jenis = [], 0, {}
    for i in range(rows):
        p, k, s = subs[(i // per_sub) % len(subs)]
        account = f"5.{1 + i % 2}.02.01.01.{i % 9999 + 1:04d}"
        amount = 1_000_000 + (i * 7919) % 50_000_000 + (10**14 if i == 7 else 0)   # one amount far past 2**32
        ws.write_row(3 + i, 0, [p, f"Program {p}", k, f"Kegiatan {k}", s, f"Sub Kegiatan {s}", account,
                                "Belanja", amount])
        lines.append((s, account, amount))
        pagu += amount
        name = "Belanja Barang dan Jasa" if i % 2 == 0 else "Belanja Modal"       # 5.1.02 / 5.2
        jenis[name] = jenis.get(name, 0) + amount
    ws.write_row(3 + rows, 7, ["JUMLAH", pagu])
    wb.close()
    wb = xlsxwriter.Workbook(folder / "Realisasi Bulanan.xlsx", {"constant_memory": True})
    ws = wb.add_worksheet("Realisasi")
    ws.write_row(0, 0, ["Bulan", "Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Realisasi Bulan Ini"])
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]
    per_month, r, real = rows // 12, 1, 0
    for m, name in enumerate(months):
        for s, account, amount in lines[m * per_month:(m + 1) * per_month]:
            ws.write_row(r, 0, [name, s, account, "Belanja", amount * 9 // 10])
            real += amount * 9 // 10
            r += 1
    wb.close()
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


@pytest.mark.parametrize("head", [bulk.HEAD_ROWS, 34])
def test_sample_and_tricky_sheets_read_column_wise_give_the_same_result(tmp_path, monkeypatch, head):
    folder = tmp_path / "tricky"
    folder.mkdir()
    _tricky(folder / "DPA 2024.xlsx")
    expected = {name: _as_json(check([p])) for name, p in (("sample", SAMPLE), ("tricky", folder))}
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", -1)       # every sheet of more than `head` rows
    monkeypatch.setattr(bulk, "HEAD_ROWS", head)
    seen = _spy(monkeypatch)
    assert {name: _as_json(check([p])) for name, p in (("sample", SAMPLE), ("tricky", folder))} == expected
    assert seen["columns"] >= 1
