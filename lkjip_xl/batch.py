"""`batch`: every office of a kabupaten folder, built as `build` builds one, then the consolidation.

How the offices are run is a detail that never shows in the results:
- one process (`jobs=1`): in this process, one after another;
- `jobs=N`: N worker processes (concurrent.futures); each starts once — with the heavy modules
  already imported where the platform allows (a forkserver preloads them) — and takes many offices;
- `scheduler=ADDRESS`: the same per-office function submitted to a Dask distributed cluster.
Each office's run returns a plain record (report/rekap.py's `Office`); the parent sorts them by
folder and writes the consolidation itself, with a fixed document date, so the bytes are the same
whoever ran what in which order. Nothing here prints; `progress` is the caller's callback.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from lkjip_xl.errors import LkjipError
from lkjip_xl.messages import error as message
from lkjip_xl.read.files import CONFIG_NAME, OUTPUT_DIR
from lkjip_xl.report.rekap import Office, OfficeFinding, OfficeIKU, kabupaten_totals

__all__ = ["BatchError", "Batch", "offices_of", "run_office", "run_batch"]

# modules every office needs: imported once per worker, before its first office (pipeline imports
# check/ only when it runs, so that a single run reads its files meanwhile: named here one by one)
_WARM = ("lkjip_xl.pipeline", "lkjip_xl.read.rows", "lkjip_xl.check.intake", "lkjip_xl.check.validate",
         "lkjip_xl.check.reconcile", "lkjip_xl.check.kas", "lkjip_xl.check.indicators", "lkjip_xl.check.rfk",
         "lkjip_xl.report.tables", "lkjip_xl.report.summary", "lkjip_xl.report.narasi", "lkjip_xl.report.workbook",
         "lkjip_xl.report.docx_writer", "lkjip_xl.report.rekap")

Progress = Callable[[int, int, str], None]     # (offices done, total, the office just started or finished)


class BatchError(LkjipError):
    "The kabupaten folder, the --jobs value or the Dask cluster cannot be used (exit 2)."


def _say(exc: LkjipError, lang: str) -> str:
    """An office's exit-2 message in the run's language, naming the file when there is one."""
    text = exc.message(lang)
    return f"{exc.file}: {text}" if exc.file else text


@dataclass
class Batch:
    root: Path
    kabupaten: str | None
    tahun: int | None
    offices: list[Office]          # sorted by folder name
    output: Path
    labels: list[str]              # predikat columns of Rekap OPD

    @property
    def ok(self) -> bool:
        return all(o.exit == 0 for o in self.offices)

    @property
    def exit(self) -> int:
        return 0 if self.ok else 1

    @property
    def totals(self) -> dict:
        return kabupaten_totals(self.offices)

    def to_json(self) -> dict:
        from lkjip_xl.findings import json_value

        t = self.totals
        return {
            "kabupaten": self.kabupaten,
            "tahun": self.tahun,
            "ok": self.ok,
            "totals": {"pagu": json_value(t["pagu"]), "realisasi": json_value(t["realisasi"]),
                       "serapan": None if t["serapan"] is None else str(t["serapan"])},
            "offices": [{"folder": o.folder, "instansi": o.instansi, "exit": o.exit, "totals": o.totals,
                         "errors": o.errors, "warnings": o.warnings, "message": o.message}
                        for o in self.offices],
        }


# the offices --------------------------------------------------------------------------------------
def offices_of(root: Path) -> list[Path]:
    """Every immediate subfolder of root except hasil/ and hidden ones, in code-point order of name."""
    if not root.exists():
        raise BatchError("batch-root-missing", path=str(root))
    if not root.is_dir():
        raise BatchError("batch-root-not-folder", path=str(root))
    try:
        found = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                 and p.name.casefold() != OUTPUT_DIR]
    except OSError as exc:
        raise BatchError("folder-unreadable", path=str(root), why=exc.strerror or str(exc)) from exc
    if not found:
        raise BatchError("batch-no-offices", path=str(root))
    return sorted(found, key=lambda p: p.name)


def _size(folder: Path) -> int:
    try:
        return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    except OSError:
        return 0


# one office ---------------------------------------------------------------------------------------
def run_office(folder: str, defaults: str | None, overrides: dict) -> Office:
    """Build one office's report as `build` would; never raises for the office's inputs. The
    function every worker runs (a process of the pool, or a Dask worker)."""
    from lkjip_xl import pipeline

    path = Path(folder)
    lang = overrides.get("lang") or "id"
    base = Office(folder=path.name, path=str(path.resolve()), exit=2)
    try:
        result, out = pipeline.build([path], defaults=defaults, **overrides)
    except LkjipError as exc:    # Unreadable, InputError, ConfigError, NoRequiredRole, OutputError
        base.message = _say(exc, lang)
    except MemoryError:
        base.message = message("batch-office-memory", {}, lang)
    except Exception as exc:     # a bug met by one office must not cost the others their run
        if os.environ.get("LKJIP_DEBUG"):
            raise
        base.message = message("internal", {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}, lang)
    else:
        return _record(base, result, out, lang)
    base.instansi = _own_instansi(path)
    return base


def _own_instansi(folder: Path) -> str | None:
    """An unusable office is still named as its own lkjip.toml names it, when it can be read."""
    import tomllib

    try:
        value = tomllib.loads((folder / CONFIG_NAME).read_text(encoding="utf-8-sig")).get("instansi")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return value if isinstance(value, str) and value.strip() else None


def _record(base: Office, result, out: Path, lang: str) -> Office:
    from lkjip_xl.findings import counts
    from lkjip_xl.report import formulas as fx

    settings = result.settings
    doc = result.to_json(lang)
    c = counts(result.findings)
    rfk = doc.get("rfk") or {}           # present once the office gives an anggaran kas
    rencana = rfk.get("rencana")
    colors = {b.label: b.color for b in settings.predikat.bands}
    ikus = []
    for iku in result.performance.ikus:
        m = iku.at(result.tahun)
        ind = iku.ind
        ikus.append(OfficeIKU(
            sasaran=ind.sasaran or "", indikator=ind.indikator, satuan=ind.satuan or "",
            target=m.target if m else None, realisasi=m.realisasi if m else None,
            capaian=m.capaian if m else None, predikat=settings.predikat.label(m.predikat, lang) if m else None,
            capaian_expr=fx.capaian("{T}", "{R}", ind.negative, settings),
            predikat_expr=fx.classify("{C}", settings.predikat, lang),
            color=colors.get(m.predikat) if m else None))
    base.exit = 0 if result.ok else 1
    base.instansi = result.instansi
    base.kabupaten = settings.kabupaten
    base.tahun = result.tahun
    tot = result.totals
    base.pagu, base.realisasi, base.serapan = tot["pagu"], tot["realisasi"], tot["serapan"]
    base.bulan = result.budget.latest_month if result.budget.has_realisasi else None
    base.rencana = None if rencana is None else _amount(rencana)
    base.errors, base.warnings = c["error"], c["warning"]
    base.predikat = dict(result.performance.counts)
    base.findings = [OfficeFinding(f.severity, f.code, f.message(lang), f.file, f.sheet, f.cell, f.kode)
                     for f in result.findings if f.severity in ("error", "warning")]
    base.ikus = ikus
    base.totals = doc["totals"]
    base.output = str(out)
    base.inputs = tuple(str(p) for p in result.inputs.files)
    return base


def _amount(value):
    """An amount of the JSON document back to int (or Decimal when it has sen)."""
    d = Decimal(str(value))
    return int(d) if d == d.to_integral_value() else d


def _warm() -> None:
    """A worker's start-up: import what every office needs once, before the first office."""
    import importlib

    for name in _WARM:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


# many offices -------------------------------------------------------------------------------------
def _sequential(tasks: list[tuple], progress: Progress | None) -> list[Office]:
    out = []
    for done, args in enumerate(tasks):
        if progress:
            progress(done, len(tasks), Path(args[0]).name)
        out.append(run_office(*args))
    if progress:
        progress(len(tasks), len(tasks), "")
    return out


def _pool(tasks: list[tuple], jobs: int, progress: Progress | None) -> list[Office]:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        # the server imports pandas & co. once; each worker is forked from it, ready to work
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(_WARM))
    else:
        ctx = multiprocessing.get_context("spawn")
    out = []
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm)
    try:
        futures = [pool.submit(run_office, *args) for args in tasks]
        if progress:
            progress(0, len(tasks), "")
        for done, fut in enumerate(as_completed(futures), start=1):
            office = fut.result()
            out.append(office)
            if progress:
                progress(done, len(tasks), office.folder)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return out


def _dask(tasks: list[tuple], address: str, progress: Progress | None, root: Path) -> list[Office]:
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError as exc:
        raise BatchError("batch-no-dask") from exc
    from distributed.comm import resolve_address

    try:
        # a malformed address or unknown host is refused here: a Client half made of one would hang
        # when it is collected. The connect timeout is Dask's own (distributed.comm.timeouts.connect).
        resolve_address(address)
        client = Client(address, set_as_default=False)
    except Exception as exc:     # OSError, TimeoutError, ValueError of a malformed address …
        raise BatchError("batch-unreachable", address=address, why=f"{type(exc).__name__}: {exc}") from exc
    out = []
    try:
        futures = {client.submit(run_office, *args, pure=False): Path(args[0]).name for args in tasks}
        if progress:
            progress(0, len(tasks), "")
        for done, fut in enumerate(dask_completed(list(futures), loop=client.loop), start=1):
            try:
                office = fut.result()
            except Exception as exc:      # the worker itself failed (lkjip-xl missing there, a lost worker)
                raise BatchError("batch-worker", folder=futures[fut], path=str(root),
                                 why=f"{type(exc).__name__}: {str(exc)[:200]}") from exc
            out.append(office)
            if progress:
                progress(done, len(tasks), office.folder)
    finally:
        client.close()
    return out


def _cores() -> int:
    """The cores this process may use (a container or taskset may allow fewer than the machine has)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _shared(values: Iterable) -> object:
    """The value most offices name (ties: the first in sort order); None when none does."""
    seen = Counter(v for v in values if v not in (None, ""))
    if not seen:
        return None
    best = max(seen.values())
    return sorted((v for v, n in seen.items() if n == best), key=str)[0]


def run_batch(root: str | Path, *, output: str | Path | None = None, jobs: int | None = None,
              scheduler: str | None = None, config: str | Path | None = None, progress: Progress | None = None,
              **overrides) -> Batch:
    """Build every office of root, then write the consolidation workbook. Raises BatchError (and
    config.ConfigError, report.workbook.OutputError) when root, its settings, the output or the
    cluster cannot be used; an unusable office is listed in the result, never raised."""
    from lkjip_xl.config import load_settings
    from lkjip_xl.report.rekap import rekap_tables
    from lkjip_xl.report.workbook import write_workbook

    lang = overrides.get("lang") or "id"
    root = Path(root)
    folders = offices_of(root)
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise BatchError("batch-jobs", jobs=str(jobs))
    defaults = Path(config) if config else (root / CONFIG_NAME if (root / CONFIG_NAME).is_file() else None)
    if config and not defaults.is_file():
        raise BatchError("config-not-found", path=str(defaults))
    # the kabupaten's own settings: unusable settings stop the batch before any office is run
    settings = load_settings(defaults, overrides)
    office_overrides = {k: v for k, v in overrides.items() if v is not None}
    # the largest offices first, so that no worker is left with a big one at the end
    order = sorted(folders, key=lambda p: (-_size(p), p.name))
    tasks = [(str(p), None if defaults is None else str(defaults.resolve()), office_overrides) for p in order]
    if scheduler:
        offices = _dask(tasks, scheduler, progress, root)
    else:
        workers = min(jobs or _cores(), len(tasks))
        offices = _sequential(tasks, progress) if workers == 1 else _pool(tasks, workers, progress)
    offices.sort(key=lambda o: o.folder)
    usable = [o for o in offices if o.usable]
    kabupaten = settings.kabupaten or _shared(o.kabupaten for o in usable)
    tahun = settings.tahun or _shared(o.tahun for o in usable)
    labels = [b.label for b in settings.predikat.bands]
    for o in usable:                # an office with its own scale adds its labels after the kabupaten's
        labels += [label for label in o.predikat if label not in labels]
    out = Path(output) if output else _default_output(root, kabupaten, tahun)
    # the predikat columns' headers in the user's language (the counts stay keyed by the scale's label)
    names = {b.label: b.name(lang) for b in settings.predikat.bands}
    tables = rekap_tables(offices, kabupaten, tahun, labels, out.parent.resolve(), lang, names)
    created = datetime(tahun + 1, 1, 1) if tahun else datetime(2000, 1, 1)
    protect = [Path(p) for o in offices for p in o.inputs]
    write_workbook(tables, out, created=created, protect=protect)
    return Batch(root=root, kabupaten=kabupaten, tahun=tahun, offices=offices, output=out, labels=labels)


def _default_output(root: Path, kabupaten: str | None, tahun: int | None) -> Path:
    """ROOT/hasil/Rekap-<kabupaten>-<tahun>.xlsx, the name made safe as build makes the instansi's."""
    name = re.sub(r"[^\w.-]+", "-", (kabupaten or "kabupaten").strip()).strip("-") or "kabupaten"
    return root.resolve() / OUTPUT_DIR / f"Rekap-{name}-{tahun or 'tahun'}.xlsx"
