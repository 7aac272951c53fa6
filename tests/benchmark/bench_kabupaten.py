"""Kabupaten benchmark for `lkjip-xl batch` (not run by CI):
`python tests/benchmark/bench_kabupaten.py [--offices 50] [--large 0] [--runs 3]`.

Makes a synthetic kabupaten — `--offices` copies of the Blora sample (14 workbooks each, 4 of
them with errors, every office under its own instansi), plus `--large` offices of `--large-rows`
rows made as bench.py makes them — then times `lkjip-xl batch` over it as a user runs it (a fresh
process, start-up included; median of --runs) with `--jobs 1`, `--jobs 2`, and `--scheduler` on a
2-worker Dask LocalCluster (processes, started before timing: a cluster is already running when one
submits to it). Prints offices per second, checks that every run wrote the same consolidation bytes,
and projects the time for 20,000 offices on N workers from the per-office cost.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "workbooks" / "contoh-blora-2024"


def make_kabupaten(root: Path, offices: int, large: int, large_rows: int) -> Path:
    if (root / "lkjip.toml").exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, offices + 1):
        office = root / f"kecamatan-{i:03d}"
        shutil.copytree(SAMPLE, office, ignore=shutil.ignore_patterns("hasil", "README.md"))
        (office / "lkjip.toml").write_text(f'instansi = "Kecamatan Contoh {i:03d}"\n', encoding="utf-8")
    if large:
        sys.path.insert(0, str(HERE))
        from bench import make_inputs

        first = root / "dinas-besar-001"
        make_inputs(first, large_rows)
        for i in range(2, large + 1):
            shutil.copytree(first, root / f"dinas-besar-{i:03d}", ignore=shutil.ignore_patterns("hasil"))
        for i in range(1, large + 1):
            (root / f"dinas-besar-{i:03d}" / "lkjip.toml").write_text(
                f'instansi = "Dinas Besar {i:03d}"\ntahun = 2024\n', encoding="utf-8")
    (root / "lkjip.toml").write_text('kabupaten = "Contoh"\ntahun = 2024\n', encoding="utf-8")
    return root


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.xlsx")):
        if "hasil" in p.relative_to(root).parts:
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _once(args: list[str]) -> float:
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "lkjip_xl", "batch", *args, "--json"], capture_output=True, text=True)
    took = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({p.returncode}): {p.stderr}")
    return took


def _one_process_per_office(root: Path) -> float:
    """The way before batch: `lkjip-xl build` started afresh for every office, one after another."""
    t = time.perf_counter()
    for office in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "hasil"):
        subprocess.run([sys.executable, "-m", "lkjip_xl", "build", str(office), "--json"], capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--offices", type=int, default=50)
    ap.add_argument("--large", type=int, default=0, help="offices of --large-rows rows (the issue asks for 5)")
    ap.add_argument("--large-rows", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "lkjip-bench-kabupaten")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-baseline", action="store_true", help="leave out one `build` process per office")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    root = make_kabupaten(args.dir / f"{args.offices}-{args.large}x{args.large_rows}", args.offices, args.large,
                          args.large_rows)
    n = args.offices + args.large
    modes = {"jobs 1": ["--jobs", "1"], "jobs 2": ["--jobs", "2"]}
    cluster = None
    if not args.no_dask:
        from distributed import LocalCluster

        started = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1")
        modes["dask 2 workers"] = ["--scheduler", cluster.scheduler_address]
        cluster_start = time.perf_counter() - started
    if not args.no_baseline:
        modes = {"build per office": None, **modes}
    times: dict[str, list[float]] = {m: [] for m in modes}
    digests: dict[str, set[str]] = {m: set() for m in modes}
    load = []
    try:
        for _ in range(args.runs):            # the modes take turns: a host that changes speed weighs on all alike
            for mode, extra in modes.items():
                times[mode].append(_once([str(root), *extra]) if extra else _one_process_per_office(root))
                digests[mode].add(_digest(root))
                load.append(os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0)
    finally:
        if cluster is not None:
            cluster.close()
    # one office's cost inside a warm process: the sample built in-process, repeatedly
    probe = subprocess.run([sys.executable, "-c", (
        "import shutil, tempfile, time, sys\n"
        "from lkjip_xl.batch import run_office\n"
        "d = tempfile.mkdtemp(); shutil.copytree(sys.argv[1], d + '/k')\n"
        "run_office(d + '/k', None, {})\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        "for _ in range(5): run_office(d + '/k', None, {})\n"
        "print((time.perf_counter() - t) / 5, (time.process_time() - c) / 5)"), str(SAMPLE)],
        capture_output=True, text=True, check=True)
    per_office, cpu_per_office = map(float, probe.stdout.split())
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
        "offices": n, "large": args.large, "large_rows": args.large_rows,
        "seconds": {m: statistics.median(t) for m, t in times.items()},
        "offices_per_second": {m: n / statistics.median(t) for m, t in times.items()},
        # the baseline builds each office without the kabupaten's lkjip.toml: not comparable
        "same_bytes": len(set().union(*(d for m, d in digests.items() if modes[m]))) == 1,
        "load_average": statistics.median(load),
        "warm_seconds_per_office": per_office,
        "warm_cpu_seconds_per_office": cpu_per_office,
    }
    if cluster is not None:
        result["dask_cluster_start_seconds"] = cluster_start
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"machine: {result['machine']}; {n} offices ({args.large} of {args.large_rows} rows)")
    for m in modes:
        print(f"  {m:<16} {result['seconds'][m]:7.2f} s  {result['offices_per_second'][m]:6.2f} offices/s")
    print(f"  same consolidation and office bytes in every mode: {result['same_bytes']}; "
          f"load average meanwhile {result['load_average']:.1f}")
    print(f"  one Blora-size office in a warm worker: {per_office:.3f} s wall, {cpu_per_office:.3f} s CPU")
    for workers in (2, 8, 32, 128):
        hours = 20_000 * cpu_per_office / workers / 3600
        print(f"  projection, 20,000 Blora-size offices on {workers:>3} workers (one core each): {hours:5.2f} h")


if __name__ == "__main__":
    main()
