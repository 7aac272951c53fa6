"""The installed `lkjip-xl` entry point, as a user runs it."""
import json
import shutil
import subprocess
import sys

import pytest

EXE = shutil.which("lkjip-xl")


def run(*args, cwd=None, env=None):
    cmd = [EXE, *args] if EXE else [sys.executable, "-m", "lkjip_xl", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_entry_point_is_installed():
    assert EXE, "lkjip-xl is not on PATH: install the project (pip install -e '.[test]')"


def test_help():
    p = run("--help")
    assert p.returncode == 0 and "build" in p.stdout and "check" in p.stdout and "template" in p.stdout
    p = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", "--help"], capture_output=True, text=True)
    assert p.returncode == 0 and "--json" in p.stdout


def test_check_json_on_sample(sample_dir):
    p = run("check", str(sample_dir), "--json")
    assert p.returncode == 1, p.stderr
    doc = json.loads(p.stdout)
    assert doc["instansi"] == "Kecamatan Blora" and doc["tahun"] == 2024 and doc["ok"] is False
    assert doc["totals"] == {"pagu": 19422400000, "realisasi": 19092845159, "serapan": "98.30", "bulan": 12,
                             "incomplete": []}
    codes = sorted(f["code"] for f in doc["findings"])
    assert codes == ["capaian-mismatch", "capaian-mismatch", "subtotal-mismatch", "target-mismatch", "total-mismatch",
                     "uraian-mismatch"]


def test_check_human_report_indonesian_and_english(sample_dir):
    p = run("check", str(sample_dir))
    assert p.returncode == 1
    assert "Rp19.422.400.000,00" in p.stdout and "98,30%" in p.stdout and "KESALAHAN" in p.stdout
    assert "Rekap DPA › G8" in p.stdout
    p = run("check", str(sample_dir), "--lang", "en")
    assert "ERROR" in p.stdout and "is stated as 4,930,000" in p.stdout


def test_build_writes_default_path(tmp_path, sample_dir):
    folder = tmp_path / "kantor"
    shutil.copytree(sample_dir, folder)
    p = run("build", str(folder))
    out = folder / "hasil" / "LKjIP-Kecamatan-Blora-2024.xlsx"
    assert p.returncode == 1 and out.is_file(), p.stderr
    assert str(out) in p.stdout
    p2 = run("build", str(folder))          # hasil/ is never read as an input
    assert "15 berkas" in p2.stdout


def test_build_with_flags(tmp_path, sample_dir):
    out = tmp_path / "laporan saya é.xlsx"
    p = run("build", str(sample_dir), "-o", str(out), "--instansi", "Kecamatan Uji", "--tahun", "2024", "--json")
    assert p.returncode == 1 and out.is_file()
    assert json.loads(p.stdout)["instansi"] == "Kecamatan Uji"


@pytest.mark.parametrize("args", [["check", "/tidak/ada"], ["build"], ["frobnicate"], ["check", "--tahun", "x", "."]])
def test_usage_errors_exit_2_without_traceback(args):
    p = run(*args)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and p.stderr.strip()


def test_folder_without_dpa_exits_2(tmp_path):
    (tmp_path / "catatan.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    p = run("build", str(tmp_path))
    assert p.returncode == 2 and "DPA" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "hasil").exists()


def test_template_command(tmp_path):
    p = run("template", "-o", str(tmp_path / "t"))
    assert p.returncode == 0
    assert (tmp_path / "t" / "DPA.xlsx").is_file()


def test_usage_errors_are_one_indonesian_sentence():
    p = run()
    assert p.returncode == 2 and p.stderr.startswith("Perintah tidak dapat dijalankan: perintah belum diberikan")
    p = run("check", ".", "--tahun", "24")
    assert p.returncode == 2 and "bukan tahun" in p.stderr and "usage" not in p.stderr
    p = run("check", ".", "--tahun", "duaribu", "--lang", "en")
    assert p.returncode == 2 and "'duaribu' is not a year" in p.stderr


def test_year_other_than_the_files_is_said_first_and_alone(sample_dir):
    # CONTRACT §5 / issue 12: a --tahun no budget file is for is one error, first, with no knock-on:
    # the files are read for their own year, so the sample keeps its six findings besides it
    doc = json.loads(run("check", str(sample_dir), "--tahun", "2025", "--json").stdout)
    f = doc["findings"][0]
    assert (f["code"], f["severity"], f["expected"], f["actual"]) == ("tahun-mismatch", "error", 2024, 2025)
    assert [x["code"] for x in doc["findings"]].count("tahun-mismatch") == 1
    assert len(doc["findings"]) == 1 + 6 and len([x for x in doc["findings"] if x["severity"] == "error"]) == 1 + 4
    assert doc["totals"]["pagu"] == 19422400000


def test_a_dpa_of_another_year_beside_an_anggaran_kas_is_said_as_such(tmp_path):
    # the only DPA says 2023 while the realisasi and the anggaran kas are 2024: exit 2 naming the
    # DPA's year (not 'no header', not an internal error naming a missing message)
    from builders import REAL, SUBS, budget_sheet, realisasi, save

    save(tmp_path / "DPA Kecamatan Contoh.xlsx", budget_sheet("DPA", SUBS, title="DPA KECAMATAN CONTOH TAHUN ANGGARAN 2023"))
    realisasi(tmp_path, 12, SUBS, REAL)
    save(tmp_path / "Anggaran Kas 2024.xlsx", budget_sheet("Anggaran Kas", {c: (v, v) for c, v in SUBS.items()},
                                                           ("Desember", "Jumlah"), title="ANGGARAN KAS TAHUN 2024"))
    p = run("check", str(tmp_path), "--tahun", "2024")
    assert p.returncode == 2 and "Traceback" not in p.stderr and "di dalam lkjip-xl" not in p.stderr, p.stderr
    assert "DPA tahun 2023, padahal tahun laporan 2024" in p.stderr and "anggaran kas" in p.stderr
    en = run("check", str(tmp_path), "--tahun", "2024", "--lang", "en")
    assert "a DPA for 2023, while the report is for 2024" in en.stderr and "cash plan (anggaran kas)" in en.stderr


def test_where_to_start_is_said_only_among_several_errors(tmp_path):
    from builders import SUBS, clean_office, dpa, save

    clean_office(tmp_path)
    _, s = dpa(tmp_path, SUBS)
    s.set("7.01.01", "Pagu", 1)                  # one wrong program subtotal: one error
    save(tmp_path / "DPA 2024.xlsx", s)
    p = run("check", str(tmp_path), "--tahun", "2024")
    assert p.returncode == 1 and "Ada 1 kesalahan" in p.stdout and "Mulailah dari" not in p.stdout, p.stdout
