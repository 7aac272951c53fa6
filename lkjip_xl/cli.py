"""Command line: `lkjip-xl build|check|batch|template`. The only module that parses arguments,
prints, or exits; everything else is in pipeline.py and below."""
from __future__ import annotations

import argparse
import json
import os
import sys

from lkjip_xl.errors import LkjipError

TEXT = {
    "id": {
        "description": "Rekonsiliasi anggaran dan kinerja untuk LKjIP dari berkas Excel kantor.",
        "build": "baca, periksa, rekonsiliasi, lalu tulis buku kerja LKjIP",
        "check": "baca, periksa dan rekonsiliasi tanpa menulis buku kerja",
        "template": "tulis buku kerja masukan kosong beserta petunjuk",
        "inputs": "folder atau berkas masukan (.xlsx, .xlsm, .xls, .csv)",
        "out": "berkas keluaran .xlsx (bawaan: hasil/LKjIP-<instansi>-<tahun>.xlsx di folder masukan; "
               "…-<tahun>-sd-06.xlsx bila realisasi baru s.d. Juni)",
        "out_dir": "folder tujuan templat (bawaan: templat-lkjip)",
        "tahun": "tahun anggaran, mis. 2024", "instansi": "nama instansi, mis. \"Kecamatan Blora\"",
        "kabupaten": "nama kabupaten/kota", "config": "berkas konfigurasi (bawaan: lkjip.toml di folder masukan)",
        "json": "cetak satu dokumen JSON ke stdout", "lang": "bahasa pesan: id (bawaan) atau en",
        "read": "Dibaca: {files} berkas, {sheets} lembar ({roles}).",
        "roles": {"dpa": "DPA", "realisasi": "realisasi", "indikator": "indikator", "indikator_program": "indikator program",
                  "renja": "Renja", "anggaran_kas": "anggaran kas", None: "diabaikan"},
        "pagu": "Pagu", "realisasi": "Realisasi", "serapan": "Serapan", "rencana": "Rencana", "deviasi": "Deviasi",
        "kas": "anggaran kas", "poin": "poin", "until": "s.d.",
        "findings": "Temuan: {error} kesalahan, {warning} peringatan, {info} info.",
        "none": "Tidak ada temuan: semua jumlah, subtotal dan capaian sesuai.",
        "sev": {"error": "KESALAHAN", "warning": "PERINGATAN", "info": "INFO"},
        "written": "Buku kerja ditulis: {path}",
        "written_docx": "Dokumen Word ditulis: {path}",
        "no_docx": "jangan tulis dokumen Word (.docx) di samping buku kerja",
        "templates": "Templat ditulis di {path}:",
        "fail": "Tidak dapat diproses: {msg}",
        "in_file": "{file}: {msg}",
        "error_exit": "Ada {n} kesalahan: perbaiki sel yang disebut di atas, lalu jalankan lagi.",
        "start": "Mulailah dari {where} ({code}): temuan lain bisa jadi ikut hilang setelah yang ini diperbaiki.",
        "cell": "sel",
        "incomplete": " (belum lengkap: ada sel yang tidak terbaca)",
        "interrupted": "Dihentikan (Ctrl+C). Tidak ada berkas keluaran yang ditulis atau ditinggalkan setengah jadi.",
    },
    "en": {
        "description": "Budget and performance reconciliation for LKjIP from an office's Excel files.",
        "build": "read, check, reconcile, then write the LKjIP workbook",
        "check": "read, check and reconcile without writing the workbook",
        "template": "write blank, documented input workbooks",
        "inputs": "input folders or files (.xlsx, .xlsm, .xls, .csv)",
        "out": "output .xlsx file (default: hasil/LKjIP-<instansi>-<tahun>.xlsx in the input folder; "
               "…-<tahun>-sd-06.xlsx when the realisasi runs to June only)",
        "out_dir": "folder for the templates (default: templat-lkjip)",
        "tahun": "budget year, e.g. 2024", "instansi": "office name, e.g. \"Kecamatan Blora\"",
        "kabupaten": "regency/city name", "config": "configuration file (default: lkjip.toml in the input folder)",
        "json": "print one JSON document to stdout", "lang": "message language: id (default) or en",
        "read": "Read: {files} files, {sheets} sheets ({roles}).",
        "roles": {"dpa": "DPA", "realisasi": "realisasi", "indikator": "indicators", "indikator_program": "programme indicators",
                  "renja": "Renja", "anggaran_kas": "cash plan", None: "ignored"},
        "pagu": "Budget", "realisasi": "Spending", "serapan": "Absorption", "rencana": "Planned", "deviasi": "Deviation",
        "kas": "cash plan", "poin": "points", "until": "to",
        "findings": "Findings: {error} errors, {warning} warnings, {info} info.",
        "none": "No findings: every sum, subtotal and achievement agrees.",
        "sev": {"error": "ERROR", "warning": "WARNING", "info": "INFO"},
        "written": "Workbook written: {path}",
        "written_docx": "Word document written: {path}",
        "no_docx": "do not write the Word document (.docx) beside the workbook",
        "templates": "Templates written to {path}:",
        "fail": "Cannot be processed: {msg}",
        "in_file": "{file}: {msg}",
        "error_exit": "{n} errors: fix the cells named above, then run again.",
        "start": "Start with {where} ({code}): other findings may go away once this one is fixed.",
        "cell": "cell",
        "incomplete": " (incomplete: a cell could not be read)",
        "interrupted": "Interrupted (Ctrl+C). No output file was written or left half-written.",
    },
}


def _lang(argv) -> str:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "id"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "id"
    return "id"


# argparse's own sentences, said in Indonesian
_ARGPARSE_ID = [
    (r"the following arguments are required: command", r"perintah belum diberikan (build, check, batch, atau template)"),
    (r"the following arguments are required: (.*)", r"argumen wajib belum diberikan: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)", r"pilihan \2 untuk \1 tidak dikenal (pilih \3)"),
    (r"argument (\S+): invalid (?:int|_year) value: (.*)", r"nilai \2 untuk \1 bukan tahun (mis. 2024)"),
    (r"argument (\S+): invalid _jobs value: (.*)", r"nilai \2 untuk \1 harus bilangan bulat 1 atau lebih"),
    (r"argument (\S+): expected one argument", r"\1 memerlukan satu nilai"),
]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one sentence in the user's language, exit status 2."""

    lang = "id"

    def error(self, message):
        import re

        if self.lang == "id":
            for pattern, repl in _ARGPARSE_ID:
                message = re.sub(pattern, repl, message)
            text = f"Perintah tidak dapat dijalankan: {message}. Lihat '{self.prog} --help'."
        else:
            message = re.sub(r"argument (\S+): invalid _year value: (.*)", r"\2 is not a year for \1 (e.g. 2024)", message)
            message = re.sub(r"argument (\S+): invalid _jobs value: (.*)", r"\1 must be a whole number of 1 or more, not \2",
                             message)
            text = f"Cannot run the command: {message}. See '{self.prog} --help'."
        self.exit(2, text + "\n")


def _year(value: str) -> int:
    year = int(value)
    if not 1990 <= year <= 2100:
        raise ValueError(value)
    return year


def parser(lang: str = "id") -> argparse.ArgumentParser:
    t = TEXT[lang]
    _Parser.lang = lang
    p = _Parser(prog="lkjip-xl", description=t["description"])
    p.add_argument("--lang", choices=["id", "en"], default=lang, help=t["lang"])
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("build", "check"):
        s = sub.add_parser(name, help=t[name], description=t[name])
        s.add_argument("inputs", nargs="+", metavar="INPUT", help=t["inputs"])
        if name == "build":
            s.add_argument("-o", "--output", metavar="OUT.xlsx", help=t["out"])
            s.add_argument("--instansi", help=t["instansi"])
            s.add_argument("--kabupaten", help=t["kabupaten"])
            s.add_argument("--no-docx", action="store_true", help=t["no_docx"])
        s.add_argument("--tahun", type=_year, metavar="YYYY", help=t["tahun"])
        s.add_argument("--config", metavar="FILE", help=t["config"])
        s.add_argument("--json", action="store_true", help=t["json"])
        s.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=t["lang"])
    _batch_parser(sub, lang)
    s = sub.add_parser("template", help=t["template"], description=t["template"])
    s.add_argument("-o", "--output", metavar="DIR", default="templat-lkjip", help=t["out_dir"])
    s.add_argument("--tahun", type=_year, metavar="YYYY", help=t["tahun"])
    s.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=t["lang"])
    return p


def _rupiah(v, lang: str = "id") -> str:
    from lkjip_xl.report.terbilang import format_rupiah

    text = format_rupiah(v)
    return text if lang == "id" else text.replace(".", "\0").replace(",", ".").replace("\0", ",")


def _report(result, out, lang: str, docx=None) -> str:
    from lkjip_xl.messages import fmt, month_name

    t = TEXT[lang]
    by_role: dict = {}
    for s in result.sheets:
        by_role[s.role] = by_role.get(s.role, 0) + 1
    roles = ", ".join(f"{t['roles'][r]} {n}" for r, n in by_role.items())
    lines = [f"lkjip-xl — {result.instansi}, {result.tahun or '-'}",
             t["read"].format(files=len(result.inputs.files), sheets=len(result.sheets), roles=roles)]
    tot = result.totals
    month = result.budget.latest_month
    partial = {w: t["incomplete"] if w in tot["incomplete"] else "" for w in ("pagu", "realisasi")}
    lines.append(f"  {t['pagu']:<10} {_rupiah(tot['pagu'], lang)}{partial['pagu']}")
    if result.budget.has_realisasi:
        until = f" ({t['until']} {month_name(month, lang)})" if month else ""
        lines.append(f"  {t['realisasi']:<10} {_rupiah(tot['realisasi'], lang)}{until}{partial['realisasi']}")
        lines.append(f"  {t['serapan']:<10} {fmt(tot['serapan'], lang)}%")
    rfk = result.to_json(lang)["rfk"] if result.rfk is not None and result.rfk.has_kas else None
    if rfk and rfk["bulan"]:
        # the monthly RFK question: how far behind (or ahead of) the anggaran kas is the office?
        dev = result.rfk.total.deviasi
        lines.append(f"  {t['rencana']:<10} {_rupiah(rfk['rencana'], lang)} ({t['kas']} {t['until']} "
                     f"{month_name(rfk['bulan'], lang)})")
        if dev is not None:
            lines.append(f"  {t['deviasi']:<10} {'+' if dev > 0 else ''}{fmt(dev, lang)} {t['poin']}")
    lines.append("")
    c = result.counts()
    lines.append(t["findings"].format(**c) if any(c.values()) else t["none"])
    for f in result.findings:
        where = " › ".join(x for x in (f.file, f.sheet, f.cell) if x)
        lines.append(f"  {t['sev'][f.severity]:<10} {f.code}  {where}")
        lines.append(f"             {f.message(lang)}")
    if out is not None:
        lines += ["", t["written"].format(path=out)]
    if docx is not None:
        lines.append(t["written_docx"].format(path=docx))
    if c["error"]:
        lines += ["", t["error_exit"].format(n=c["error"])]
        # the findings are root cause first: the first error is where the officer starts
        first = next(f for f in result.findings if f.severity == "error")
        where = " › ".join(x for x in (first.file, first.sheet) if x)
        where += f" {t['cell']} {first.cell}" if first.cell else ""
        lines.append(t["start"].format(where=where.strip() or "-", code=first.code))
    return "\n".join(lines)


def _fail(lang: str, error) -> int:
    """One paragraph on stderr, exit 2: an errors.LkjipError rendered in `lang` from the catalogue,
    after the name of the file it is about."""
    msg = error.message(lang)
    text = TEXT[lang]["in_file"].format(file=error.file, msg=msg) if error.file else msg
    print(TEXT[lang]["fail"].format(msg=text), file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = _lang(argv)
    _safe_streams()
    try:
        args = parser(lang).parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    lang = getattr(args, "lang", lang)
    try:
        if args.command == "template":
            return _template(args, lang)
        if args.command == "batch":
            return _batch(args, lang)
        return _run(args, lang)
    except BrokenPipeError:
        # output piped into `head` or a closed pager: not an error of the inputs
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(TEXT[lang]["interrupted"], file=sys.stderr)
        return 130
    except MemoryError:
        return _fail(lang, LkjipError("out-of-memory"))
    except Exception as exc:   # a bug: the user still gets one paragraph, never a traceback
        if os.environ.get("LKJIP_DEBUG"):
            raise
        return _fail(lang, LkjipError("internal", error=f"{type(exc).__name__}: {str(exc)[:200]}"))


def _template(args, lang: str) -> int:
    from pathlib import Path

    from lkjip_xl.report.template import write_templates

    try:
        paths = write_templates(Path(args.output), args.tahun)
    except FileExistsError as exc:
        return _fail(lang, LkjipError("template-exists", path=args.output, files=str(exc)))
    except OSError as exc:
        return _fail(lang, LkjipError("template-unwritable", path=args.output, why=str(exc.strerror or exc)))
    print(TEXT[lang]["templates"].format(path=args.output))
    for p in paths:
        print(f"  {p}")
    return 0


def _run(args, lang: str) -> int:
    from lkjip_xl import pipeline

    overrides = {"tahun": args.tahun, "lang": lang, "instansi": getattr(args, "instansi", None),
                 "kabupaten": getattr(args, "kabupaten", None)}
    out = None
    try:
        if args.command == "build":
            result, out = pipeline.build(args.inputs, output=args.output, config=args.config,
                                         docx=not args.no_docx, **overrides)
        else:
            result = pipeline.check(args.inputs, config=args.config, **overrides)
    except LkjipError as exc:       # Unreadable, InputError, ConfigError, NoRequiredRole, OutputError
        return _fail(lang, exc)
    if args.json:
        print(json.dumps(result.to_json(lang), ensure_ascii=False, indent=2))
    else:
        from lkjip_xl.report.docx_writer import docx_path

        written = docx_path(out) if out is not None and not getattr(args, "no_docx", True) else None
        print(_report(result, out, lang, written))
    return 0 if result.ok else 1


def _safe_streams() -> None:
    """A Windows console (cp1252) cannot show every character: replace rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


# batch -------------------------------------------------------------------------------------------
BATCH_TEXT = {
    "id": {
        "batch": "proses setiap subfolder (satu perangkat daerah) lalu tulis buku kerja rekap kabupaten",
        "root": "folder kabupaten: satu subfolder per perangkat daerah",
        "out": "berkas rekap .xlsx (bawaan: hasil/Rekap-<kabupaten>-<tahun>.xlsx di folder kabupaten)",
        "jobs": "jumlah kantor yang diproses bersamaan, tiap proses terpisah (bawaan: jumlah inti prosesor)",
        "scheduler": "alamat scheduler Dask distributed, mis. tcp://10.0.0.5:8786 (perlu lkjip-xl[dask])",
        "config": "lkjip.toml bawaan untuk semua kantor (bawaan: lkjip.toml di folder kabupaten); "
                  "lkjip.toml milik kantor tetap menang",
        "head": "lkjip-xl batch — {kab}, {tahun}: {n} perangkat daerah",
        "kab": "Kabupaten {name}",
        "office": "  {folder:<{w}}  {instansi}",
        "figures": "      serapan {serapan}   {errors} kesalahan, {warnings} peringatan",
        "unusable": "      TIDAK DAPAT DIPROSES: {msg}",
        "total": "Jumlah kabupaten ({n} dapat diproses):",
        "written": "Rekap ditulis: {path}",
        "errors": "{bad} dari {n} perangkat daerah ada kesalahan atau tidak dapat diproses: lihat lembar "
                  "Rekap OPD dan Temuan OPD, perbaiki, lalu jalankan lagi.",
        "unit": "kantor",
    },
    "en": {
        "batch": "process every subfolder (one office) then write the regency's consolidation workbook",
        "root": "regency folder: one subfolder per office",
        "out": "consolidation .xlsx file (default: hasil/Rekap-<kabupaten>-<tahun>.xlsx in the regency folder)",
        "jobs": "offices processed at once, each in its own process (default: the number of cores)",
        "scheduler": "address of a Dask distributed scheduler, e.g. tcp://10.0.0.5:8786 (needs lkjip-xl[dask])",
        "config": "default lkjip.toml for every office (default: lkjip.toml in the regency folder); an "
                  "office's own lkjip.toml still wins",
        "head": "lkjip-xl batch — {kab}, {tahun}: {n} offices",
        "kab": "Regency {name}",
        "office": "  {folder:<{w}}  {instansi}",
        "figures": "      absorption {serapan}   {errors} errors, {warnings} warnings",
        "unusable": "      CANNOT BE PROCESSED: {msg}",
        "total": "Regency total ({n} processed):",
        "written": "Consolidation written: {path}",
        "errors": "{bad} of {n} offices have errors or cannot be processed: see sheets Rekap OPD and Temuan OPD, "
                  "fix them, and run again.",
        "unit": "offices",
    },
}


def _jobs(value: str) -> int:
    jobs = int(value)
    if jobs < 1:
        raise ValueError(value)
    return jobs


def _batch_parser(sub, lang: str) -> None:
    t, b = TEXT[lang], BATCH_TEXT[lang]
    s = sub.add_parser("batch", help=b["batch"], description=b["batch"])
    s.add_argument("root", metavar="ROOT", help=b["root"])
    s.add_argument("-o", "--output", metavar="OUT.xlsx", help=b["out"])
    s.add_argument("--jobs", type=_jobs, metavar="N", help=b["jobs"])
    s.add_argument("--scheduler", metavar="ADDRESS", help=b["scheduler"])
    s.add_argument("--tahun", type=_year, metavar="YYYY", help=t["tahun"])
    s.add_argument("--kabupaten", help=t["kabupaten"])
    s.add_argument("--config", metavar="FILE", help=b["config"])
    s.add_argument("--json", action="store_true", help=t["json"])
    s.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=t["lang"])


def _progress(lang: str, quiet: bool):
    """A tqdm bar on stderr (offices done / total, the current office); None when stderr is not a
    terminal or under --json, so pipes and logs stay clean."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    encoding = (getattr(sys.stderr, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    bars = []        # made at the first report, when the number of offices is known

    def update(done: int, total: int, folder: str) -> None:
        if not bars:
            bars.append(tqdm(total=total, file=sys.stderr, unit=BATCH_TEXT[lang]["unit"], ascii=encoding != "utf8",
                             dynamic_ncols=True, leave=False))
        bar = bars[0]
        bar.n = done
        bar.set_postfix_str(folder, refresh=False)
        bar.refresh()

    update.close = lambda: bars and bars[0].close()
    return update


def _batch(args, lang: str) -> int:
    from lkjip_xl.batch import run_batch

    progress = _progress(lang, args.json)
    try:
        result = run_batch(args.root, output=args.output, jobs=args.jobs, scheduler=args.scheduler,
                           config=args.config, progress=progress, tahun=args.tahun, kabupaten=args.kabupaten,
                           lang=lang)
    except LkjipError as exc:       # BatchError, ConfigError, InputError, OutputError
        return _fail(lang, exc)
    finally:
        if progress is not None:
            progress.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(_batch_report(result, lang))
    return result.exit


def _batch_report(result, lang: str) -> str:
    from lkjip_xl.findings import fmt

    b = BATCH_TEXT[lang]
    kab = b["kab"].format(name=result.kabupaten) if result.kabupaten else "-"
    lines = [b["head"].format(kab=kab, tahun=result.tahun or "-", n=len(result.offices)), ""]
    w = max(len(o.folder) for o in result.offices)
    for o in result.offices:
        lines.append(b["office"].format(folder=o.folder, w=w, instansi=o.instansi or ""))
        if o.usable:
            s = "-" if o.serapan is None else f"{fmt(o.serapan, lang)}%"
            lines.append(b["figures"].format(serapan=s, errors=o.errors, warnings=o.warnings))
        else:
            lines.append(b["unusable"].format(msg=o.message))
    t = result.totals
    usable = sum(1 for o in result.offices if o.usable)
    lines += ["", b["total"].format(n=usable), f"  {TEXT[lang]['pagu']:<10} {_rupiah(t['pagu'], lang)}",
              f"  {TEXT[lang]['realisasi']:<10} {_rupiah(t['realisasi'], lang)}"]
    if t["serapan"] is not None:
        lines.append(f"  {TEXT[lang]['serapan']:<10} {fmt(t['serapan'], lang)}%")
    lines += ["", b["written"].format(path=result.output)]
    bad = sum(1 for o in result.offices if o.exit != 0)
    if bad:
        lines += ["", b["errors"].format(bad=bad, n=len(result.offices))]
    return "\n".join(lines)
