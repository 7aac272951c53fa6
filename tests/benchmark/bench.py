"""Kabupaten-scale benchmark (not run by CI): `python tests/benchmark/bench.py [--sizes 20000 200000 500000]`.

Generates SIPD-flattened inputs — a rekening-level DPA and a long monthly realisasi with a Bulan
column — of each size, then times, each as a fresh process and the median of --runs runs:
`lkjip-xl check`, `lkjip-xl build`, pandas.read_excel(engine="openpyxl") and fastexcel reading
the same files, with peak memory (max RSS) of each, and prints the ratios.
fastexcel is a dependency of lkjip-xl itself.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import xlsxwriter

PROGRAMS, KEGIATAN, SUBS = 20, 10, 20          # 4,000 sub kegiatan
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def _subs():
    for p in range(1, PROGRAMS + 1):
        for k in range(1, KEGIATAN + 1):
            for s in range(1, SUBS + 1):
                yield f"1.02.{p:02d}", f"1.02.{p:02d}.2.{k:02d}", f"1.02.{p:02d}.2.{k:02d}.{s:04d}"


def make_inputs(folder: Path, rows: int) -> list[Path]:
    """A DPA with `rows` rekening lines and a long realisasi with `rows` monthly lines."""
    folder.mkdir(parents=True, exist_ok=True)
    subs = list(_subs())
    per_sub = max(rows // len(subs), 1)
    dpa, real = folder / "DPA Rincian.xlsx", folder / "Realisasi Bulanan.xlsx"
    lines = []
    wb = xlsxwriter.Workbook(dpa, {"constant_memory": True})
    ws = wb.add_worksheet("DPA")
    ws.write_row(0, 0, ["RINCIAN DPA KABUPATEN CONTOH TAHUN ANGGARAN 2024"])
    header = ["Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan",
              "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Pagu"]
    ws.write_row(2, 0, header)
    r, total = 3, 0
    for i in range(rows):
        p, k, s = subs[(i // per_sub) % len(subs)]
        account = f"5.1.02.01.01.{i % 9999 + 1:04d}"
        pagu = 1_000_000 + (i * 7919) % 50_000_000
        ws.write_row(r, 0, [p, f"Program {p}", k, f"Kegiatan {k}", s, f"Sub Kegiatan {s}", account, "Belanja Barang", pagu])
        lines.append((s, account, pagu))
        total += pagu
        r += 1
    ws.write_row(r, 7, ["JUMLAH", total])
    wb.close()
    wb = xlsxwriter.Workbook(real, {"constant_memory": True})
    ws = wb.add_worksheet("Realisasi")
    ws.write_row(0, 0, ["Bulan", "Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Realisasi Bulan Ini"])
    # month m pays the m-th twelfth of the lines: every line is paid once in the year
    per_month = max(rows // 12, 1)
    r = 1
    for m, name in enumerate(MONTHS):
        for s, account, pagu in lines[m * per_month:(m + 1) * per_month]:
            ws.write_row(r, 0, [name, s, account, "Belanja Barang", pagu * 9 // 10])
            r += 1
    wb.close()
    (folder / "lkjip.toml").write_text('instansi = "Kabupaten Contoh"\ntahun = 2024\n', encoding="utf-8")
    return [dpa, real]


PANDAS = "import sys, pandas as pd\nfor f in sys.argv[1:]: pd.read_excel(f, sheet_name=None, engine='openpyxl')"
FASTEXCEL = ("import sys, fastexcel\nfor f in sys.argv[1:]:\n r = fastexcel.read_excel(f)\n"
             " [r.load_sheet(n, header_row=None).to_arrow() for n in r.sheet_names]")
MEASURE = ("import resource, subprocess, sys, time\nt = time.perf_counter()\n"
           "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
           "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _once(cmd: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True).stdout
    t, kb = out.split()
    return float(t), int(kb) / 1024


def measure(cmds: dict[str, list[str]], runs: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Median wall seconds and the largest peak RSS (MB) of each command over its runs, each a fresh
    process. The commands take turns (check, build, fastexcel, …, then again), so that a machine
    that slows down or speeds up meanwhile (shared hosts do) weighs on all of them alike."""
    seen: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for k in range(max(runs.values())):
        for name, cmd in cmds.items():
            if k < runs[name]:
                seen[name].append(_once(cmd))
    return {name: (statistics.median(t for t, _ in got), max(m for _, m in got)) for name, got in seen.items()}


def _cpu_and_ram() -> str:
    """' (CPU model, RAM)' where /proc tells them (Linux), else ''."""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                   if line.startswith("model name"))
        kb = next(int(line.split()[1]) for line in open("/proc/meminfo", encoding="utf-8") if line.startswith("MemTotal"))
        return f" ({cpu}, {kb / 1024**2:.0f} GB RAM)"
    except (OSError, StopIteration, ValueError):
        return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000, 500_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pandas-runs", type=int, default=None, help="runs for pandas+openpyxl (slow; 0 leaves it out); default --runs")
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "lkjip-bench")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    exe = [sys.executable, "-m", "lkjip_xl"]
    results = []
    for size in args.sizes:
        folder = args.dir / str(size)
        files = make_inputs(folder, size) if not (folder / "lkjip.toml").exists() else [folder / "DPA Rincian.xlsx", folder / "Realisasi Bulanan.xlsx"]
        cmds = {"check": exe + ["check", str(folder)],
                "build": exe + ["build", str(folder), "-o", str(folder / "out" / "hasil.xlsx")],
                "fastexcel": [sys.executable, "-c", FASTEXCEL, *map(str, files)],
                "pandas": [sys.executable, "-c", PANDAS, *map(str, files)]}
        runs = {name: args.runs for name in cmds} | {"pandas": args.runs if args.pandas_runs is None else args.pandas_runs}
        if not runs["pandas"]:
            del cmds["pandas"], runs["pandas"]
        results.append({"rows": size, **measure(cmds, runs)})
    sample = Path(__file__).resolve().parents[2] / "workbooks" / "contoh-blora-2024"
    small = measure({"sample_check": exe + ["check", str(sample)], "help": exe + ["--help"]},
                    {"sample_check": args.runs, "help": args.runs})
    small = {name: t for name, (t, _) in small.items()}
    machine = f"{platform.machine()}, {os.cpu_count()} CPU{_cpu_and_ram()}, Python {platform.python_version()}"
    if args.json:
        print(json.dumps({"machine": machine, "results": results, **small}, indent=2))
        return
    print(f"machine: {machine}")
    print(f"{'rows':>8} | {'check s':>8} {'MB':>6} | {'build s':>8} {'MB':>6} | {'fastexcel s':>11} | {'pandas s':>9} |"
          f" {'check/fastexcel':>15} {'build/check':>11} {'pandas/check':>12}")
    for r in results:
        c, b, f, p = r["check"], r["build"], r["fastexcel"], r.get("pandas")
        pandas = (f"{p[0]:>9.2f}", f"{p[0] / c[0]:>12.1f}") if p else (f"{'-':>9}", f"{'-':>12}")
        print(f"{r['rows']:>8} | {c[0]:>8.2f} {c[1]:>6.0f} | {b[0]:>8.2f} {b[1]:>6.0f} | {f[0]:>11.2f} | {pandas[0]} |"
              f" {c[0] / f[0]:>15.2f} {b[0] / c[0]:>11.2f} {pandas[1]}")
    print(f"sample check (cold): {small['sample_check']:.2f} s; lkjip-xl --help: {small['help']:.2f} s")


if __name__ == "__main__":
    main()
