"""The `RFK` sheet (Realisasi Fisik dan Keuangan), as the Bagian Administrasi Pembangunan collects
it each month: per program, kegiatan and sub kegiatan the pagu, the anggaran kas planned up to the
latest realisasi month (Rp and % of pagu), the realisasi (Rp and %), the deviation in percentage
points, the sisa anggaran, the realisasi fisik and a status colour; a quarter summary below.

Figures come from check/rfk.py; sums, percentages, deviations, sisa, the weighted fisik and the
status are Excel formulas with those figures cached, like the Tabel sheets."""
from __future__ import annotations

from lkjip_xl.check.model import MONTH_LABELS
from lkjip_xl.check.rfk import Line, Rfk
from lkjip_xl.config import Scale
from lkjip_xl.report import formulas as fx
from lkjip_xl.report.layout import Column, Formula, Table
from lkjip_xl.report.tables import Context

SHEET = "RFK"


def _pct(t: Table, i: int, key: str, value) -> Formula | None:
    """ROUND(x / pagu × 100, 2); blank where the pagu is 0."""
    return None if value is None else Formula(fx.ratio(t.ref(i, key), t.ref(i, "pagu")), value)


def _fill(t: Table, i: int, line_values: dict, rfk: Rfk, line: Line, *, sums: dict | None = None) -> None:
    """One row: amounts (given or summed), then the formulas that follow from them."""
    row = t.rows[i]
    for key, value in line_values.items():
        row[t.col(key)] = value
    if sums:
        for key, (children, value) in sums.items():
            if not children:
                row[t.col(key)] = value
                continue
            # an amount a document gives at this level itself (an LRA that stops at kegiatan) is added as
            # it is, so that the formula recalculates to the cached total
            extra = value - sum((_value(t.rows[c][t.col(key)]) or 0 for c in children), 0)
            expr = fx.total([t.ref(c, key) for c in children])
            row[t.col(key)] = Formula(f"{expr}+{extra}" if extra else expr, value)
    if not line.pagu:
        return
    row[t.col("real_pct")] = _pct(t, i, "realisasi", line.realisasi_pct)
    row[t.col("sisa")] = Formula(f"{t.ref(i, 'pagu')}-{t.ref(i, 'realisasi')}", line.sisa)
    if rfk.has_kas:
        row[t.col("ren_pct")] = _pct(t, i, "rencana", line.rencana_pct)
        row[t.col("deviasi")] = Formula(f"ROUND({t.ref(i, 'real_pct')}-{t.ref(i, 'ren_pct')},2)", line.deviasi)
        _status(t, i, rfk.scale, line.deviasi)


def _value(v):
    return v.value if isinstance(v, Formula) else v


def _status(t: Table, i: int, scale: Scale, deviasi) -> None:
    label = scale.classify(deviasi)
    if label is None:
        return
    t.rows[i][t.col("status")] = Formula(fx.classify(t.ref(i, "deviasi"), scale), label)
    band = next(b for b in scale.bands if b.label == label)
    if band.color:
        t.fills[(i, "status")] = band.color


def _fisik(t: Table, i: int, subs: list[tuple[int, Line]], value) -> None:
    """Realisasi fisik of a kegiatan/program/total: its sub kegiatan's fisik weighted by pagu."""
    given = [(r, line) for r, line in subs if line.fisik is not None and line.pagu]
    if value is None or not given:
        return
    num = "+".join(f"{t.ref(r, 'fisik')}*{t.ref(r, 'pagu')}" for r, _ in given)
    den = "+".join(t.ref(r, "pagu") for r, _ in given)
    t.rows[i][t.col("fisik")] = Formula(f"ROUND(({num})/({den}),2)", value)


def rfk_sheet(ctx: Context, rfk: Rfk) -> Table:
    month = MONTH_LABELS[rfk.bulan - 1] if rfk.bulan else None
    until = f"s.d. {month}" if month else "(belum ada realisasi)"
    org = ctx.instansi + (f", Kabupaten {ctx.kabupaten}" if ctx.kabupaten and "kabupaten" not in ctx.instansi.lower()
                          else "")
    title = ["LAPORAN REALISASI FISIK DAN KEUANGAN (RFK)", org,
             f"Tahun Anggaran {ctx.tahun or '-'}" + (f", s.d. Bulan {month}" if month else "")]
    t = Table(SHEET, title, [
        Column("kode", "Kode", "text", 19), Column("uraian", "Program / Kegiatan / Sub Kegiatan", "wrap", 48),
        Column("pagu", "Pagu (Rp)", "money", 18),
        Column("rencana", "Rp", "money", 18), Column("ren_pct", "% Pagu", "pct", 9),
        Column("realisasi", "Rp", "money", 18), Column("real_pct", "% Pagu", "pct", 9),
        Column("deviasi", "Deviasi (poin %)", "pct", 11), Column("sisa", "Sisa Anggaran (Rp)", "money", 18),
        Column("fisik", "Realisasi Fisik %", "pct", 10), Column("status", "Status", "center", 15),
    ], groups=[(f"Rencana {until} (anggaran kas)", "rencana", "ren_pct"), (f"Realisasi {until}", "realisasi", "real_pct")],
        col_numbers=[str(n) for n in range(1, 12)])
    by_code = {line.kode: line for line in rfk.lines}
    rows: dict[str, int] = {}
    for line in rfk.lines:
        rows[line.kode] = t.add({"kode": line.kode, "uraian": ctx.budget.names.get(line.kode, line.kode)},
                                {3: "program", 5: "kegiatan", 6: "sub"}[line.level])
    children = {code: [c for c in rows if c.startswith(code + ".") and by_code[c].level == by_code[code].level
                       + (2 if by_code[code].level == 3 else 1)] for code in rows}
    subs_under = {code: [(rows[c], by_code[c]) for c in rows if c.startswith(code + ".") and by_code[c].level == 6]
                  for code in rows}
    money = ("pagu", "rencana", "realisasi") if rfk.has_kas else ("pagu", "realisasi")
    # sub kegiatan first (their amounts are data), then kegiatan and programs as sums of the rows below
    for line in sorted(rfk.lines, key=lambda x: -x.level):
        i = rows[line.kode]
        own = {k: getattr(line, k) for k in money}
        if line.level == 6:
            _fill(t, i, {**own, "fisik": line.fisik}, rfk, line)
            continue
        kids = [rows[c] for c in children[line.kode]]
        _fill(t, i, {}, rfk, line, sums={k: (kids, own[k]) for k in money})
        _fisik(t, i, subs_under[line.kode], line.fisik)
    programs = [rows[x.kode] for x in rfk.lines if x.level == 3]
    ti = t.add({"uraian": "JUMLAH"}, "total")
    tot = rfk.total
    _fill(t, ti, {}, rfk, tot, sums={k: (programs, getattr(tot, k)) for k in money})
    _fisik(t, ti, [(rows[x.kode], x) for x in rfk.lines if x.level == 6], tot.fisik)
    _quarters(t, ti, rfk)
    _notes(t, ctx, rfk)
    return t


def _quarters(t: Table, ti: int, rfk: Rfk) -> None:
    """Ringkasan per triwulan under the table: the plan and the realisasi up to each quarter's end
    (the running quarter up to the latest month), against the total pagu."""
    t.add({})
    t.add({"uraian": "RINGKASAN PER TRIWULAN (kumulatif)"}, "bold")
    total_pagu = t.ref(ti, "pagu")
    for q in rfk.quarters:
        line = Line(None, 0, rfk.total.pagu, q.rencana, q.realisasi or 0)
        i = t.add({"uraian": q.label, "pagu": Formula(total_pagu, rfk.total.pagu)}, "")
        row = t.rows[i]
        if rfk.has_kas:
            row[t.col("rencana")] = q.rencana
        if q.realisasi is None or not line.pagu:
            if rfk.has_kas and line.pagu:
                row[t.col("ren_pct")] = _pct(t, i, "rencana", line.rencana_pct)
            continue
        row[t.col("realisasi")] = q.realisasi
        _fill(t, i, {}, rfk, line)


def _notes(t: Table, ctx: Context, rfk: Rfk) -> None:
    month = MONTH_LABELS[rfk.bulan - 1] if rfk.bulan else None
    if rfk.has_kas:
        src = rfk.kas_source or "anggaran kas"
        t.notes.append(f"Rencana: anggaran kas ({src}) kumulatif Januari s.d. {month or 'Desember'}; "
                       "realisasi: realisasi keuangan kumulatif pada bulan yang sama. % = terhadap pagu DPA.")
        bands = "; ".join(f"{b.label} {b.text}" for b in rfk.scale.bands)
        t.notes.append(f"Deviasi = % realisasi − % rencana (poin persen). Status menurut {rfk.scale.title}: {bands}.")
    else:
        t.notes.append("Tidak ada anggaran kas: rencana, deviasi dan status tidak dihitung.")
    if rfk.left_out:
        subs = ", ".join(rfk.left_out)
        t.notes.append(f"BELUM LENGKAP: pagu atau realisasi sub kegiatan {subs} tidak terbaca (lihat lembar Rekonsiliasi), sehingga "
                       "sub kegiatan itu tidak dihitung dalam pagu, rencana, realisasi dan deviasi kegiatan, program "
                       "dan jumlah di atasnya.")
    if rfk.has_fisik:
        t.notes.append("Realisasi fisik kegiatan, program dan jumlah = rata-rata realisasi fisik sub kegiatan "
                       "dibobot pagu (sub kegiatan tanpa angka fisik tidak dihitung).")
    if not rfk.bulan:
        t.notes.append("Belum ada data realisasi.")
