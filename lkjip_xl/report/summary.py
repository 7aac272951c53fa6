"""Model → the working sheets around the Tabel: Ringkasan, Rekonsiliasi, Realisasi Bulanan."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from lkjip_xl.report import formulas as fx
from lkjip_xl.findings import counts, sort_findings
from lkjip_xl.check.indicators import serapan
from lkjip_xl.read.codes import jenis_sorted
from lkjip_xl.report.layout import Chart, Column, Formula, Link, Table
from lkjip_xl.messages import Month, Text, catalogue, month_name
from lkjip_xl.report.tables import Context, incomplete_notes
from lkjip_xl.report.terbilang import format_rupiah

def _label(lang: str):
    """The working sheets' labels (schemas/messages.yaml `labels:`) in `lang`."""
    return lambda key, **params: Text(key, section="labels", **params).render(lang)


def _rupiah(amount, lang: str) -> str:
    text = format_rupiah(amount)
    return text if lang != "en" else text.replace(".", "\0").replace(",", ".").replace("\0", ",")


def ringkasan(ctx: Context, lang: str = "id") -> Table:
    b, perf = ctx.budget, ctx.perf
    L = _label(lang)
    # the year still running: "s.d. Juni" everywhere, and what is unspent is no "sisa" yet
    month = Month(b.latest_month) if ctx.running else None
    t = Table("Ringkasan", [L("ringkasan-title"), ctx.instansi + (L("kabupaten", name=ctx.kabupaten) if ctx.kabupaten else ""),
                            L("tahun-sd", tahun=str(ctx.tahun or "-"), month=month) if month else
                            L("tahun", tahun=str(ctx.tahun or "-"))], [
        Column("uraian", L("col-uraian"), "wrap", 46), Column("pagu", L("col-anggaran"), "money", 20),
        Column("realisasi", L("col-realisasi-sd", month=month) if month else L("col-realisasi"), "money", 20), Column("serapan", L("col-serapan"), "pct", 11),
        Column("ket", L("col-keterangan"), "wrap", 24)])
    pagu, real = b.total("pagu"), b.total("realisasi")
    i = t.add({"uraian": L("all-programs"), "pagu": pagu, "realisasi": real}, "total")
    t.rows[i][t.col("serapan")] = Formula(fx.ratio(t.ref(i, "realisasi"), t.ref(i, "pagu")), serapan(pagu, real)) if pagu else None
    t.rows[i][t.col("ket")] = (L("no-realisasi") if not b.has_realisasi else
                               L("belum-terealisasi", month=month, amount=_rupiah(pagu - real, lang)) if month else
                               L("sisa", amount=_rupiah(pagu - real, lang)))
    if ctx.instansi_from_folder:
        # the title above is only the folder's name: said first, where the officer looks
        t.notes += [L("instansi-folder-note-1"), L("instansi-folder-note-2", name=ctx.instansi)]
    partial = [w for w in ("pagu", "realisasi") if b.incomplete(w)]
    if partial:
        # unknown is not zero: the figures above are the sum of what could be read, and say so
        t.rows[i][t.col("ket")] = L("incomplete-" + "-".join(partial))
        t.notes += incomplete_notes(b, partial, lang)
    first = t.next_index()
    for p in b.programs():
        pp, rr = b.total("pagu", p), b.total("realisasi", p)
        j = t.add({"uraian": b.names.get(p, p), "pagu": pp, "realisasi": rr, "ket": p})
        t.rows[j][t.col("serapan")] = Formula(fx.ratio(t.ref(j, "realisasi"), t.ref(j, "pagu")), serapan(pp, rr)) if pp else None
    last = t.next_index() - 1
    if last >= first:
        t.charts.append(Chart("column", L("chart-programs"), "ket",
                              [("pagu", L("series-pagu")), ("realisasi", L("series-realisasi"))], L("axis-rupiah"),
                              first, last))
    for label, amount in jenis_sorted(b.jenis):
        j = t.add({"uraian": L(label) if label in catalogue()["labels"] else label, "pagu": amount, "ket": L("komposisi")})
    t.add({"uraian": L("iku"), "ket": L("iku-note")}, "bold")
    for iku in perf.ikus:
        m = iku.at(ctx.tahun)
        # the Ringkasan is read in the user's language: the predikat too (the Tabel sheets stay Indonesian)
        j = t.add({"uraian": iku.ind.indikator, "serapan": m.capaian if m else None,
                   "ket": ctx.settings.predikat.label(m.predikat, lang) if m else None})
        band = next((x for x in ctx.settings.predikat.bands if m and x.label == m.predikat), None)
        if band and band.color:
            t.fills[(j, "ket")] = band.color
    c = counts(ctx.findings)
    t.add({"uraian": L("findings"), "ket": L("findings-note")}, "bold")
    for sev in ("error", "warning", "info"):
        j = t.add({"uraian": L(f"severity-{sev}"), "pagu": c[sev]})
        t.fmts[(j, "pagu")] = "int"
    months = sorted(m for m in b.monthly if 1 <= m <= 12)
    if months:
        t.add({"uraian": L("monthly"), "ket": L("monthly-note")}, "bold")
        mfirst = t.next_index()
        for m in months:
            rr = sum(b.monthly[m].values(), 0)
            j = t.add({"uraian": month_name(m, lang), "pagu": pagu, "realisasi": rr})
            t.rows[j][t.col("serapan")] = Formula(fx.ratio(t.ref(j, "realisasi"), t.ref(j, "pagu")), serapan(pagu, rr)) if pagu else None
        t.charts.append(Chart("line", L("chart-monthly"), "uraian", [("serapan", L("col-serapan"))], "%",
                              mfirst, t.next_index() - 1))
    t.landscape = False
    return t


def _link(f, base: Path, out_dir: Path) -> Link | str | None:
    if not f.cell:
        return None
    if not f.file or not f.file.lower().endswith((".xlsx", ".xlsm", ".xls")):
        return f.cell
    rel = os.path.relpath(base / f.file, out_dir).replace(os.sep, "/")
    sheet = (f.sheet or "").replace("'", "''")
    return Link(f"external:{rel}#'{sheet}'!{f.cell}", f.cell)


def rekonsiliasi(ctx: Context, base: Path, out_dir: Path, lang: str = "id") -> Table:
    L = _label(lang)
    t = Table("Rekonsiliasi", [L("rekonsiliasi-title"), ctx.org(), L("tahun", tahun=str(ctx.tahun or "-"))], [
        Column("no", L("col-no"), "center", 5), Column("tingkat", L("col-tingkat"), "center", 12),
        Column("kode_temuan", L("col-kode-temuan"), "text", 20), Column("pesan", L("col-uraian-temuan"), "wrap", 70),
        Column("berkas", L("col-berkas"), "wrap", 26), Column("lembar", L("col-lembar"), "wrap", 16),
        Column("sel", L("col-sel"), "center", 8), Column("kode", L("col-kode"), "text", 18),
        Column("seharusnya", L("col-seharusnya"), "num", 18), Column("tertulis", L("col-tertulis"), "num", 18)])
    colors = {"error": "#F4CCCC", "warning": "#FFF2CC", "info": "#DDEBF7"}
    for n, f in enumerate(sort_findings(ctx.findings), start=1):
        i = t.add({"no": n, "tingkat": L(f"severity-{f.severity}"), "kode_temuan": f.code, "pesan": f.message(lang), "berkas": f.file,
                   "lembar": f.sheet, "sel": _link(f, base, out_dir), "kode": f.kode,
                   "seharusnya": f.expected, "tertulis": f.actual})
        t.fills[(i, "tingkat")] = colors[f.severity]
        for key, v in (("seharusnya", f.expected), ("tertulis", f.actual)):
            if isinstance(v, int) and not isinstance(v, bool):
                t.fmts[(i, key)] = "money"
            elif not isinstance(v, Decimal):
                t.fmts[(i, key)] = "text"
    if not ctx.findings:
        t.add({"pesan": L("no-findings")})
    return t


def realisasi_bulanan(ctx: Context) -> Table | None:
    b = ctx.budget
    months = sorted(m for m in b.monthly if 1 <= m <= 12)
    if not months:
        return None
    cols = [Column("kode", "Kode", "text", 10), Column("program", "Program", "wrap", 40), Column("pagu", "Pagu (Rp)", "money", 18)]
    cols += [Column(f"m{m}", month_name(m), "money", 16) for m in months]
    t = Table("Realisasi Bulanan", ["REALISASI ANGGARAN KUMULATIF PER BULAN", ctx.org(), f"Tahun {ctx.tahun or '-'}"], cols,
              groups=[("Realisasi kumulatif s.d. bulan (Rp)", f"m{months[0]}", f"m{months[-1]}")])
    prog_rows = []
    for p in b.programs():
        row = {"kode": p, "program": b.names.get(p, p), "pagu": b.total("pagu", p)}
        for m in months:
            row[f"m{m}"] = sum((v for c, v in b.monthly[m].items() if c.startswith(p + ".")), 0)
        prog_rows.append(t.add(row))
    total = {"program": "JUMLAH"}
    for key in ["pagu"] + [f"m{m}" for m in months]:
        total[key] = Formula(fx.total([t.ref(r, key) for r in prog_rows]), sum((t.rows[r][t.col(key)] for r in prog_rows), 0))
    ti = t.add(total, "total")
    t.add({"program": "Serapan (% dari pagu)"}, "bold")
    for r in prog_rows + [ti]:
        j = t.add({"kode": t.rows[r][0], "program": t.rows[r][1]}, "total" if r == ti else "")
        pagu = _value(t.rows[r][t.col("pagu")])
        for m in months:
            key = f"m{m}"
            val = _value(t.rows[r][t.col(key)])
            t.rows[j][t.col(key)] = Formula(fx.ratio(t.ref(r, key), t.ref(r, "pagu")), serapan(pagu, val)) if pagu else None
            t.fmts[(j, key)] = "pct"
    if len(months) > 6:
        # twelve money columns on one page print at ~5 pt: two pages, code, name and pagu on each, a group
        # label over each half so that neither page shows half a label
        k = (len(months) + 1) // 2
        label = t.groups[0][0]
        t.groups = [(label, f"m{months[0]}", f"m{months[k - 1]}"), (label, f"m{months[k]}", f"m{months[-1]}")]
        t.pages_wide, t.repeat_cols = 2, 3
    # a month without its file is not a column here: say which, and what that means for the others
    t.notes += incomplete_notes(b, ("realisasi",))
    for f in ctx.findings:
        if f.code == "trend-month-missing":
            t.notes.append(_label("id")("bulanan-note-skipped", months=f.params["months"]))
    return t


def _value(v):
    return v.value if isinstance(v, Formula) else v
