"""`lkjip-xl batch`: a kabupaten folder of offices, each built as `build` builds it, and one
consolidation workbook whose figures are the offices' own, whatever runs them."""
import hashlib
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import builders
from lkjip_xl import cli, pipeline
from lkjip_xl.batch import run_batch

EXE = shutil.which("lkjip-xl")
OFFICES = ["a-blora", "b-cepu", "c-bersih", "d-rusak"]
ROOT_TOML = 'kabupaten = "Blora"\ntahun = 2024\n'


def run(*args, env=None):
    cmd = [EXE, *args] if EXE else [sys.executable, "-m", "lkjip_xl", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


def make_kabupaten(root: Path, sample: Path) -> Path:
    """Four offices: the Blora sample as it is (own lkjip.toml), the sample again under another name
    with only an instansi of its own (kabupaten and tahun from ROOT), a small clean office, and one
    whose DPA is not a workbook at all. Plus what batch must leave alone: hasil/ and a hidden folder."""
    root.mkdir()
    (root / "lkjip.toml").write_text(ROOT_TOML, encoding="utf-8")
    shutil.copytree(sample, root / "a-blora")
    shutil.copytree(sample, root / "b-cepu")
    (root / "b-cepu" / "lkjip.toml").write_text('instansi = "Kecamatan Cepu"\n', encoding="utf-8")
    clean = root / "c-bersih"
    clean.mkdir()
    builders.clean_office(clean)
    (clean / "lkjip.toml").write_text('instansi = "Kecamatan Bersih"\n', encoding="utf-8")
    broken = root / "d-rusak"
    broken.mkdir()
    (broken / "DPA 2024.xlsx").write_bytes(b"PK\x03\x04 this is not really a workbook")
    (broken / "lkjip.toml").write_text('instansi = "Kecamatan Rusak"\n', encoding="utf-8")
    (root / ".cache").mkdir()
    shutil.copytree(sample, root / ".cache" / "tersembunyi")
    (root / "hasil").mkdir()
    return root


def outputs(root: Path) -> dict[str, str]:
    """Every file batch wrote, by path under root, as a digest of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "hasil" in p.relative_to(root).parts}


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory, sample_dir):
    return make_kabupaten(tmp_path_factory.mktemp("kab") / "Kabupaten Blora", sample_dir)


@pytest.fixture(scope="module")
def batched(kabupaten):
    result = run_batch(kabupaten, jobs=1, lang="id")
    return result, outputs(kabupaten)


def rows(ws, first=7):
    return [r for r in ws.iter_rows(min_row=first, values_only=True)]


def test_every_office_and_only_offices(batched, kabupaten):
    result, written = batched
    assert [o.folder for o in result.offices] == OFFICES
    assert [o.exit for o in result.offices] == [1, 1, 0, 2]
    assert result.output == kabupaten.resolve() / "hasil" / "Rekap-Blora-2024.xlsx"
    assert result.kabupaten == "Blora" and result.tahun == 2024 and result.exit == 1
    assert sorted(written) == ["a-blora/hasil/LKjIP-Kecamatan-Blora-2024.docx",     # each office as build
                               "a-blora/hasil/LKjIP-Kecamatan-Blora-2024.xlsx",     # writes it: Word too
                               "b-cepu/hasil/LKjIP-Kecamatan-Cepu-2024.docx",
                               "b-cepu/hasil/LKjIP-Kecamatan-Cepu-2024.xlsx",
                               "c-bersih/hasil/LKjIP-Kecamatan-Bersih-2024.docx",
                               "c-bersih/hasil/LKjIP-Kecamatan-Bersih-2024.xlsx",
                               "hasil/Rekap-Blora-2024.xlsx"]
    broken = result.offices[3]
    assert broken.instansi == "Kecamatan Rusak" and broken.totals is None and broken.output is None
    assert "DPA 2024.xlsx" in broken.message and "Traceback" not in broken.message
    assert not (kabupaten / "d-rusak" / "hasil").exists()


def test_consolidation_figures_equal_each_offices_check(batched, kabupaten):
    result, _ = batched
    root_toml = kabupaten / "lkjip.toml"
    checks = {name: pipeline.check([kabupaten / name], defaults=root_toml) for name in OFFICES[:3]}
    assert checks["b-cepu"].instansi == "Kecamatan Cepu" and checks["b-cepu"].settings.kabupaten == "Blora"
    wb = openpyxl.load_workbook(result.output, data_only=True)
    ws = wb["Rekap OPD"]
    # the sample carries an anggaran kas: rencana and deviasi columns (CONTRACT §4)
    assert [c.value for c in ws[5]][:13] == ["No", "Folder", "Perangkat Daerah", "Realisasi s.d. Bulan", "Pagu (Rp)",
                                             "Realisasi (Rp)", "Serapan %", "Peringkat Serapan",
                                             "Rencana s.d. Bulan (Rp)", "Rencana %", "Deviasi (poin)", "Kesalahan",
                                             "Peringatan"]
    assert [c.value for c in ws[6]][13:18] == ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    body = rows(ws)
    for row, name in zip(body, OFFICES[:3]):
        r = checks[name]
        c = r.counts()
        assert row[1] == name and row[2] == r.instansi
        assert (row[4], row[5]) == (r.totals["pagu"], r.totals["realisasi"])
        assert Decimal(str(row[6])) == r.totals["serapan"]
        assert (row[11], row[12]) == (c["error"], c["warning"])
        assert list(row[13:18]) == list(r.performance.counts.values())
    assert body[0][4:13] == (19_422_400_000, 19_092_845_159, 98.3, 1, 19_422_400_000, 100.0, -1.7, 4, 2)
    assert body[2][4:13] == (8_039_930_000, 7_843_149_873, 97.55, 3, None, None, None, 0, 0)
    assert body[3][1] == "d-rusak" and body[3][4] is None and body[3][18].startswith("Tidak dapat diproses: ")
    total = body[4]
    assert total[2] == "JUMLAH KABUPATEN"
    pagu = sum(r.totals["pagu"] for r in checks.values())
    real = sum(r.totals["realisasi"] for r in checks.values())
    assert (total[4], total[5]) == (pagu, real) == (46_884_730_000, 46_028_840_191)
    assert total[6] == 98.17 and (total[11], total[12]) == (8, 4)
    formulas = openpyxl.load_workbook(result.output)["Rekap OPD"]
    assert formulas["E11"].value == "=SUM(E7:E10)" and formulas["G11"].value == "=ROUND(F11/E11*100,2)"
    assert formulas["H7"].value == "=RANK(G7,$G$7:$G$10)"
    # every error and warning of every office, office by office in folder order
    temuan = [r for r in rows(wb["Temuan OPD"], 6) if r[0] is not None]
    expected = [(r.instansi, f.code, f.file, f.sheet, f.cell) for r in checks.values() for f in r.findings
                if f.severity in ("error", "warning")]
    assert [(t[1], t[3], t[5], t[6], t[7]) for t in temuan] == expected and len(temuan) == 12
    assert temuan[0][2] == "Kesalahan" and temuan[0][4] == checks["a-blora"].findings[0].message("id")
    iku = [r for r in rows(wb["Capaian IKU OPD"], 6) if r[0] is not None]
    assert [(r[1], r[3], r[7], r[8]) for r in iku] == [
        ("Kecamatan Blora", "Indeks Kepuasan Masyarakat", 94.21, "Baik"),
        ("Kecamatan Blora", "Nilai SAKIP", 101.0, "Sangat Baik"),
        ("Kecamatan Cepu", "Indeks Kepuasan Masyarakat", 94.21, "Baik"),
        ("Kecamatan Cepu", "Nilai SAKIP", 101.0, "Sangat Baik")]


def test_each_office_report_is_the_one_build_writes(batched, kabupaten, sample_dir, tmp_path):
    _, written = batched
    alone = tmp_path / "a-blora"
    shutil.copytree(sample_dir, alone)
    p = run("build", str(alone))
    assert p.returncode == 1, p.stderr
    built = alone / "hasil" / "LKjIP-Kecamatan-Blora-2024.xlsx"
    assert hashlib.sha256(built.read_bytes()).hexdigest() == written["a-blora/hasil/LKjIP-Kecamatan-Blora-2024.xlsx"]


def test_same_bytes_with_two_processes(batched, kabupaten):
    _, written = batched
    run_batch(kabupaten, jobs=2, lang="id")
    assert outputs(kabupaten) == written


def test_same_bytes_on_a_dask_cluster(batched, kabupaten):
    distributed = pytest.importorskip("distributed")
    _, written = batched
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        seen = []
        result = run_batch(kabupaten, scheduler=cluster.scheduler_address, lang="id",
                           progress=lambda done, total, folder: seen.append((done, total)))
    assert [o.exit for o in result.offices] == [1, 1, 0, 2]
    assert outputs(kabupaten) == written
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)


def test_json_document(kabupaten):
    p = run("batch", str(kabupaten), "--json", "--jobs", "2")
    assert p.returncode == 1, p.stderr
    assert p.stderr == ""                      # no progress bar under --json
    doc = json.loads(p.stdout)
    assert list(doc) == ["kabupaten", "tahun", "ok", "totals", "offices"]
    assert doc["kabupaten"] == "Blora" and doc["tahun"] == 2024 and doc["ok"] is False
    assert doc["totals"] == {"pagu": 46_884_730_000, "realisasi": 46_028_840_191, "serapan": "98.17"}
    assert [o["folder"] for o in doc["offices"]] == OFFICES
    first = doc["offices"][0]
    assert first == {"folder": "a-blora", "instansi": "Kecamatan Blora", "exit": 1,
                     "totals": json.loads(run("check", str(kabupaten / "a-blora"), "--json").stdout)["totals"],
                     "errors": 4, "warnings": 2, "message": None}
    assert first["totals"]["pagu"] == 19_422_400_000 and isinstance(first["totals"]["realisasi"], int)
    assert doc["offices"][2]["exit"] == 0 and doc["offices"][2]["errors"] == 0
    broken = doc["offices"][3]
    assert broken["exit"] == 2 and broken["totals"] is None and broken["instansi"] == "Kecamatan Rusak"
    assert "DPA 2024.xlsx" in broken["message"]


def test_english_labels_and_messages(kabupaten, tmp_path):
    out = tmp_path / "rekap en.xlsx"
    p = run("batch", str(kabupaten), "--jobs", "1", "--lang", "en", "-o", str(out))
    assert p.returncode == 1, p.stderr
    assert "Regency total" in p.stdout and "CANNOT BE PROCESSED" in p.stdout
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb.sheetnames == ["Rekap OPD", "Temuan OPD", "Capaian IKU OPD"]
    ws = wb["Rekap OPD"]
    assert ws["A1"].value == "BUDGET AND PERFORMANCE SUMMARY OF THE REGIONAL OFFICES"
    assert [c.value for c in ws[5]][2:13] == ["Office", "Spending to Month", "Budget (Rp)", "Spending (Rp)",
                                              "Absorption %", "Absorption Rank", "Planned to Month (Rp)", "Planned %",
                                              "Deviation (points)", "Errors", "Warnings"]
    assert ws["C11"].value == "REGENCY TOTAL" and ws["D7"].value == "December"
    assert ws["S10"].value.startswith("Cannot be processed: DPA 2024.xlsx: ")
    assert [c.value for c in wb["Temuan OPD"][5]][:5] == ["No", "Office", "Severity", "Finding Code", "Finding"]
    assert wb["Temuan OPD"]["C6"].value == "Error" and "is stated as 4,930,000" in wb["Temuan OPD"]["E6"].value
    assert [c.value for c in wb["Capaian IKU OPD"][5]][3:] == ["Performance Indicator", "Unit", "Target", "Actual",
                                                               "Achievement %", "Rating"]


def test_exit_codes(kabupaten, tmp_path, sample_dir):
    only_clean = tmp_path / "bersih"
    only_clean.mkdir()
    shutil.copytree(kabupaten / "c-bersih", only_clean / "kantor", ignore=shutil.ignore_patterns("hasil"))
    p = run("batch", str(only_clean), "--jobs", "1", "--kabupaten", "Uji")
    assert p.returncode == 0, p.stdout + p.stderr
    assert (only_clean / "hasil" / "Rekap-Uji-2024.xlsx").is_file()
    # ROOT itself unusable: exit 2, one paragraph, nothing written
    empty = tmp_path / "kosong"
    empty.mkdir()
    shutil.copy(sample_dir / "DPA Kecamatan Blora 2024.xlsx", empty)
    bad_toml = tmp_path / "salah"
    shutil.copytree(only_clean, bad_toml, ignore=shutil.ignore_patterns("hasil"))
    (bad_toml / "lkjip.toml").write_text("tahun = [\n", encoding="utf-8")
    for args, says in [((str(tmp_path / "tidak-ada"),), "tidak ditemukan"),
                       ((str(empty),), "tidak berisi subfolder"),
                       ((str(bad_toml),), "lkjip.toml"),
                       ((str(only_clean), "--jobs", "0"), "--jobs"),
                       ((str(only_clean), "--config", str(tmp_path / "tidak.toml")), "tidak.toml")]:
        p = run("batch", *args)
        assert p.returncode == 2, (args, p.stdout, p.stderr)
        assert says in p.stderr and "Traceback" not in p.stderr and p.stdout == ""
    assert not (empty / "hasil").exists() and not (bad_toml / "hasil").exists()
    assert not (bad_toml / "kantor" / "hasil").exists()


def test_root_settings_are_defaults_and_the_office_wins(tmp_path):
    root = tmp_path / "kab"
    for name, own in [("satu", 'instansi = "Kecamatan Satu"\n'), ("dua", 'instansi = "Kecamatan Dua"\nkabupaten = "Lain"\n')]:
        builders.clean_office(root / name)
        (root / name / "lkjip.toml").write_text(own, encoding="utf-8")
    (root / "lkjip.toml").write_text('kabupaten = "Rembang"\ninstansi = "Tidak Dipakai"\n', encoding="utf-8")
    result = run_batch(root, jobs=1)
    assert [(o.folder, o.instansi, o.kabupaten) for o in result.offices] == [
        ("dua", "Kecamatan Dua", "Lain"), ("satu", "Kecamatan Satu", "Rembang")]
    assert result.kabupaten == "Rembang" and result.tahun == 2024 and result.exit == 0
    assert result.output.name == "Rekap-Rembang-2024.xlsx"
    # a misspelt key in one office's lkjip.toml makes that office unusable, not the batch
    (root / "dua" / "lkjip.toml").write_text('instansi = "Kecamatan Dua"\npredikta = "permendagri86"\n')
    result = run_batch(root, jobs=1)
    assert [o.exit for o in result.offices] == [2, 0] and result.exit == 1
    assert result.offices[0].instansi == "Kecamatan Dua" and "predikat" in result.offices[0].message


def test_scheduler_unreachable_or_dask_missing(kabupaten, tmp_path):
    pytest.importorskip("distributed")
    import os

    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    p = run("batch", str(kabupaten), "--scheduler", "tcp://127.0.0.1:9", env=env)
    assert p.returncode == 2 and "tcp://127.0.0.1:9" in p.stderr and "Traceback" not in p.stderr
    p = run("batch", str(kabupaten), "--scheduler", "bukan alamat::", "--lang", "en", env=env)
    assert p.returncode == 2 and "cannot be reached" in p.stderr and "Traceback" not in p.stderr
    # a Python without Dask: a package named distributed that cannot be imported stands in for it
    fake = tmp_path / "nodask" / "distributed"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('no dask here')\n")
    env = {**os.environ, "PYTHONPATH": str(fake.parent)}
    p = run("batch", str(kabupaten), "--scheduler", "tcp://127.0.0.1:8786", env=env)
    assert p.returncode == 2 and 'pip install "lkjip-xl[dask]"' in p.stderr and "Traceback" not in p.stderr


class _Console(io.StringIO):
    def __init__(self, encoding):
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self):
        return self._encoding

    def isatty(self):
        return True


@pytest.mark.parametrize("encoding, ascii_only", [("utf-8", False), ("cp1252", True)])
def test_progress_bar_on_a_terminal_only(kabupaten, monkeypatch, capsys, encoding, ascii_only):
    console = _Console(encoding)
    monkeypatch.setattr(sys, "stderr", console)
    assert cli.main(["batch", str(kabupaten), "--jobs", "1"]) == 1
    shown = console.getvalue()
    assert "4/4" in shown and "d-rusak" in shown and "kantor" in shown
    assert shown.isascii() == ascii_only
    assert "Rekap ditulis" in capsys.readouterr().out
    console = _Console(encoding)
    monkeypatch.setattr(sys, "stderr", console)
    assert cli.main(["batch", str(kabupaten), "--jobs", "1", "--json"]) == 1
    assert console.getvalue() == ""
    assert json.loads(capsys.readouterr().out)["kabupaten"] == "Blora"


def _office(folder, pagu, real, rencana, errors=0, predikat=None, bulan=6, **kw):
    from lkjip_xl.report.rekap import Office

    serapan = None if real is None else (Decimal(real) / Decimal(pagu) * 100).quantize(Decimal("0.01"))
    return Office(folder=folder, path=f"/kab/{folder}", exit=1 if errors else 0, instansi=f"Dinas {folder}",
                  tahun=2024, pagu=pagu, realisasi=real, serapan=serapan, bulan=bulan, rencana=rencana,
                  errors=errors, predikat=predikat or {"Baik": 1}, **kw)


def _iku(name, target, real, negative):
    from lkjip_xl.check.indicators import capaian
    from lkjip_xl.config import load_settings
    from lkjip_xl.report import formulas as fx
    from lkjip_xl.report.rekap import OfficeIKU

    settings = load_settings(None, {})
    cap = capaian(Decimal(target), Decimal(real), negative, settings)
    return OfficeIKU("Sasaran", name, "%", Decimal(target), Decimal(real), cap, settings.predikat.classify(cap),
                     fx.capaian("{T}", "{R}", negative, settings), fx.classify("{C}", settings.predikat))


def test_rencana_and_deviasi_columns_recalculate_in_libreoffice(tmp_path):
    """With anggaran kas (rencana) the Rekap gains Rencana, Rencana % and Deviasi; every formula of
    the consolidation — serapan, rank, deviasi, the kabupaten row — recalculates to its cached value."""
    from datetime import datetime

    from lkjip_xl.report.rekap import Office, rekap_tables
    from lkjip_xl.report.workbook import write_workbook
    from test_report_libreoffice import SOFFICE, convert, recalculated_mismatches

    offices = [_office("b", 3_000_000, 1_234_567, 1_500_000, errors=2),
               _office("a", 1_000_000, 600_000, 500_000, predikat={"Baik": 2, "Cukup": 1}, ikus=[
                   _iku("Indeks Kepuasan", "95", "89.5", False), _iku("Angka Kemiskinan", "10", "12.5", True)]),
               _office("c", 2_000_000, None, 100_000),
               _office("d", 5_000_000, 1_000_001, 2_000_000),
               Office(folder="e", path="/kab/e", exit=2, message="rusak")]
    tables = rekap_tables(offices, "Contoh", 2024, ["Sangat Baik", "Baik", "Cukup"], tmp_path, "id")
    rekap = tables[0]
    keys = [c.key for c in rekap.columns]
    assert keys[8:11] == ["rencana", "rencana_pct", "deviasi"]
    by = {r[1]: dict(zip(keys, r)) for r in rekap.rows}
    assert by["a"]["deviasi"].value == Decimal("10.00") and by["b"]["deviasi"].value == Decimal("-8.85")
    assert by["a"]["rank"].value == 1 and by["b"]["rank"].value == 2 and by["d"]["rank"].value == 3
    assert by["c"]["rank"] is None and by["c"]["deviasi"] is None and by["e"]["pagu"] is None
    total = rekap.rows[-1]
    assert total[keys.index("rencana")].value == 4_100_000
    assert total[keys.index("deviasi")].value == Decimal("-11.50")   # 25,77 % − 37,27 % of 11,000,000
    out = tmp_path / "rekap.xlsx"
    write_workbook(tables, out, created=datetime(2025, 1, 1))
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    converted = convert(out, tmp_path / "lo", tmp_path / "profile")
    again = openpyxl.load_workbook(converted, data_only=True)
    checked, wrong = recalculated_mismatches(out, converted)
    assert [tuple(r[7:9]) for r in again["Capaian IKU OPD"].iter_rows(min_row=6, values_only=True)] == [
        (94.21, "Baik"), (75.0, "Cukup")]
    assert checked >= 24 and wrong == []


def test_a_province_sized_rekap_stays_within_excel_limits(monkeypatch, tmp_path):
    """Excel keeps 65,530 links per sheet and 1,048,576 rows: past those the cell is plain text and
    the rows that do not fit are counted in a note (limits shrunk here to keep the test small)."""
    from lkjip_xl.report import rekap
    from lkjip_xl.report.layout import Link

    monkeypatch.setattr(rekap, "_MAX_LINKS", 2)
    monkeypatch.setattr(rekap, "_MAX_ROWS", 3)
    finding = rekap.OfficeFinding("error", "total-mismatch", "Baris JUMLAH …", "DPA.xlsx", "DPA", "E9", None)
    offices = [_office(name, 1_000_000, 900_000, None, errors=2, findings=[finding, finding],
                       ikus=[_iku("Indeks", "95", "90", False)] * 2) for name in ("a", "b")]
    temuan, iku = rekap.rekap_tables(offices, "X", 2024, ["Baik"], tmp_path, "id")[1:]
    cells = [row[temuan.col("sel")] for row in temuan.rows]
    assert [type(c) for c in cells] == [Link, Link, str] and cells[2] == "E9"
    assert temuan.notes == ["… dan 1 baris lagi yang tidak muat di satu lembar Excel: lihat buku kerja tiap "
                            "perangkat daerah."]
    assert len(iku.rows) == 3 and "1 baris lagi" in iku.notes[0]
    ranks = rekap._rank([Decimal("90"), None, Decimal("95.5"), Decimal("90"), Decimal("12")])
    assert ranks == [2, None, 1, 2, 4]


def test_an_office_with_anggaran_kas_brings_rencana_and_deviasi(tmp_path):
    """An office that gives its anggaran kas: Rekap OPD shows its rencana s.d. bulan and deviasi,
    equal to that office's own `check --json` rfk; an office without one leaves them blank."""
    from test_check_kas import office

    root = tmp_path / "kab"
    office(root / "a-kas")
    builders.clean_office(root / "b-tanpa-kas")
    result = run_batch(root, jobs=1, kabupaten="Uji")
    own = pipeline.check([root / "a-kas"]).to_json()["rfk"]
    assert own["bulan"] == 6 and own["deviasi"] == "-1.22"
    assert result.offices[0].rencana == own["rencana"] and result.offices[1].rencana is None
    ws = openpyxl.load_workbook(result.output, data_only=True)["Rekap OPD"]
    header = [c.value for c in ws[5]]
    assert header[8:11] == ["Rencana s.d. Bulan (Rp)", "Rencana %", "Deviasi (poin)"]
    kas, plain, total = rows(ws)[:3]
    assert kas[3] == "Juni" and kas[8] == own["rencana"] and kas[9] == 50.0
    assert Decimal(str(kas[10])) == Decimal(own["deviasi"])
    assert plain[8:11] == (None, None, None)
    assert total[8] == own["rencana"] and total[9:11] == (None, None)   # not every office gave a plan
    formulas = openpyxl.load_workbook(result.output)["Rekap OPD"]
    assert formulas["K7"].value == "=ROUND(G7-J7,2)" and formulas["I9"].value == "=SUM(I7:I8)"


def test_offices_of_different_months_are_said_in_the_rekap(tmp_path):
    """Realisasi s.d. April beside s.d. September: each office's month in its row, the kabupaten row
    says the range, the earlier months are shaded, and a note under the table says that serapan, its
    rank and the kabupaten total mix months; offices of one month get no such note."""
    from datetime import datetime

    from lkjip_xl.report.rekap import rekap_tables
    from lkjip_xl.report.workbook import write_workbook

    offices = [_office("a-todanan", 1_000_000, 300_000, None, bulan=4),
               _office("b-kunduran", 2_000_000, 1_500_000, None, bulan=9),
               _office("c-ngawen", 1_000_000, 700_000, None, bulan=9)]
    out = tmp_path / "rekap.xlsx"
    write_workbook(rekap_tables(offices, "Grobogan", 2024, ["Baik"], tmp_path, "id"), out,
                   created=datetime(2025, 1, 1))
    ws = openpyxl.load_workbook(out, data_only=True)["Rekap OPD"]
    header = [c.value for c in ws[5]]
    at = header.index("Realisasi s.d. Bulan")
    body = rows(ws)
    assert [(r[1], r[at], r[header.index("Peringkat Serapan")]) for r in body[:3]] == [
        ("a-todanan", "April", 3), ("b-kunduran", "September", 1), ("c-ngawen", "September", 2)]
    assert body[3][2] == "JUMLAH KABUPATEN" and body[3][at] == "April – September (berbeda)"
    fill = lambda row: ws.cell(row, at + 1).fill.fgColor.rgb
    assert fill(7).endswith("FFF2CC") and not fill(8).endswith("FFF2CC") and fill(10).endswith("FFF2CC")
    notes = [c.value for row in ws.iter_rows(min_row=11) for c in row if isinstance(c.value, str)]
    assert ("Perhatian: realisasi perangkat daerah tidak sampai bulan yang sama (April, September; lihat kolom "
            "Realisasi s.d. Bulan, yang lebih awal dari September diwarnai). Serapan dan peringkatnya membandingkan "
            "bulan yang berbeda, dan jumlah kabupaten menjumlahkan realisasi s.d. bulan yang berbeda: perangkat "
            "daerah dengan bulan lebih awal tampak lebih rendah.") in notes
    en = rekap_tables(offices, "Grobogan", 2024, ["Baik"], tmp_path, "en")[0]
    assert en.notes[0].startswith("Note: the offices' spending does not run to the same month (April, September;")
    same = rekap_tables([_office("a", 1_000_000, 300_000, None), _office("b", 2_000_000, 1_500_000, None)],
                        "Grobogan", 2024, ["Baik"], tmp_path, "id")[0]
    assert not any(n.startswith("Perhatian") for n in same.notes)
    assert same.rows[-1][same.col("bulan")] == "Juni"
