"""Command line: `lkjip-xl build|check|batch|template`. The only module that parses arguments,
prints, or exits; everything else is in pipeline.py and below."""
from __future__ import annotations

import argparse
import json
import os
import sys

from lkjip_xl.errors import LkjipError

# the sentences of this module live in the catalogue (schemas/messages.yaml `cli:` and `cli-batch:`),
# one place with every other message, id and en
def _text(lang: str) -> dict:
    from lkjip_xl.messages import words

    return words("cli", lang)


def _batch_text(lang: str) -> dict:
    from lkjip_xl.messages import words

    return words("cli-batch", lang)


def _lang(argv) -> str:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "id"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "id"
    return "id"


# argparse's own sentences, recognised here (the patterns are argparse's wording, not ours) and said
# from the catalogue (`cli:` argparse.<name>; groups as {0}, {1}…), in order: "command" before "required"
_ARGPARSE = [
    ("command", r"the following arguments are required: command"),
    ("required", r"the following arguments are required: (.*)"),
    ("unrecognized", r"unrecognized arguments: (.*)"),
    ("choice", r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"),
    ("year", r"argument (\S+): invalid (?:int|_year) value: (.*)"),
    ("jobs", r"argument (\S+): invalid _jobs value: (.*)"),
    ("one", r"argument (\S+): expected one argument"),
]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one sentence in the user's language, exit status 2."""

    lang = "id"

    def error(self, message):
        import re

        t = _text(self.lang)
        for name, pattern in _ARGPARSE:
            message = re.sub(pattern, lambda m, name=name: t["argparse"][name].format(*m.groups()), message)
        self.exit(2, t["usage"].format(msg=message, prog=self.prog) + "\n")


def _year(value: str) -> int:
    year = int(value)
    if not 1990 <= year <= 2100:
        raise ValueError(value)
    return year


def parser(lang: str = "id") -> argparse.ArgumentParser:
    t = _text(lang)
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

    t = _text(lang)
    by_role: dict = {}
    for s in result.sheets:
        by_role[s.role] = by_role.get(s.role, 0) + 1
    roles = ", ".join(f"{t['roles'][r]} {n}" for r, n in by_role.items())
    lines = [f"lkjip-xl — {result.instansi}, {result.tahun or '-'}",
             t["read"].format(files=len(result.inputs.files), sheets=len(result.sheets), roles=roles)]
    if result.instansi_from_folder:
        lines.append(t["instansi_folder"].format(name=result.instansi))
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
                     f"{month_name(rfk['bulan'], lang)}){t['incomplete'] if rfk['incomplete'] else ''}")
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
    if c["error"] > 1:
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
    text = _text(lang)["in_file"].format(file=error.file, msg=msg) if error.file else msg
    print(_text(lang)["fail"].format(msg=text), file=sys.stderr)
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
        print(_text(lang)["interrupted"], file=sys.stderr)
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
    print(_text(lang)["templates"].format(path=args.output))
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
def _jobs(value: str) -> int:
    jobs = int(value)
    if jobs < 1:
        raise ValueError(value)
    return jobs


def _batch_parser(sub, lang: str) -> None:
    t, b = _text(lang), _batch_text(lang)
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
            bars.append(tqdm(total=total, file=sys.stderr, unit=_batch_text(lang)["unit"], ascii=encoding != "utf8",
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

    b = _batch_text(lang)
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
    lines += ["", b["total"].format(n=usable), f"  {_text(lang)['pagu']:<10} {_rupiah(t['pagu'], lang)}",
              f"  {_text(lang)['realisasi']:<10} {_rupiah(t['realisasi'], lang)}"]
    if t["serapan"] is not None:
        lines.append(f"  {_text(lang)['serapan']:<10} {fmt(t['serapan'], lang)}%")
    lines += ["", b["written"].format(path=result.output)]
    bad = sum(1 for o in result.offices if o.exit != 0)
    if bad:
        lines += ["", b["errors"].format(bad=bad, n=len(result.offices))]
    return "\n".join(lines)
