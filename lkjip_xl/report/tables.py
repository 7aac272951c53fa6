"""Model → the Tabel sheets of the LKjIP (2.3, 3.1 … 3.9), in the seed report's columns and order.

Pure data: each builder returns a layout.Table. Sums, capaian, serapan and efisiensi are
formulas with the engine's exact result cached beside them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_xl.read import codes
from lkjip_xl.report import formulas as fx
from lkjip_xl.config import Settings
from lkjip_xl.findings import Finding
from xlsxwriter.utility import xl_col_to_name as col_letter
from lkjip_xl.check.indicators import Performance
from lkjip_xl.report.layout import Column, Formula, Table
from lkjip_xl.report.tables_plan import tabel_2_1, tabel_2_2
from lkjip_xl.read.numbers import BadNumber, parse_indicator
from lkjip_xl.messages import Text, month_name
from lkjip_xl.check.reconcile import Budget

TITLES = {
    "Tabel 2.1": "Target Renstra",
    "Tabel 2.2": "Target Renja",
    "Tabel 2.3": "Perjanjian Kinerja: Program, Kegiatan dan Sub Kegiatan",
    "Tabel 3.1": "Skala Nilai Capaian Kinerja, Predikat Capaian Kinerja",
    "Tabel 3.2": "Hasil Pengukuran Indikator Kinerja",
    "Tabel 3.3": "Perbandingan Realisasi Kinerja dan Capaian Kinerja",
    "Tabel 3.4": "Perbandingan Realisasi Kinerja dan Capaian Kinerja dengan Target Renstra",
    "Tabel 3.5": "Analisis Penyebab Keberhasilan/Kegagalan atau Peningkatan/Penurunan Kinerja serta Alternatif Solusi",
    "Tabel 3.6": "Kategori Capaian Efisiensi",
    "Tabel 3.7": "Perbandingan Pencapaian Kinerja dan Anggaran",
    "Tabel 3.8": "Analisis Program/Kegiatan yang Menunjang Keberhasilan ataupun Kegagalan Pencapaian Pernyataan Kinerja",
    "Tabel 3.9": "Tabel Realisasi Anggaran",
    "Tabel 4.1": "Hasil Pengukuran Indikator Kinerja",
}


@dataclass
class Context:
    settings: Settings
    budget: Budget
    perf: Performance
    findings: list[Finding]
    tahun: int | None
    instansi: str
    kabupaten: str | None
    refs: dict = field(default_factory=dict)      # cross-sheet references: ("3.9", program) → (pagu, realisasi)
    instansi_from_folder: bool = False            # the Ringkasan says to set `instansi` in lkjip.toml

    @property
    def running(self) -> str | None:
        """The month the realisasi runs to while the year is not complete ("Juni"), else None: the
        sheets then say "s.d. Juni" and state no year-end conclusion as final."""
        m = self.budget.latest_month
        return month_name(m) if m and m < 12 else None

    def org(self) -> str:
        """The office as every sheet's heading names it: 'Kecamatan Blora, Kabupaten Blora'."""
        return self.instansi + (f", Kabupaten {self.kabupaten}" if self.kabupaten and "kabupaten" not in
                                self.instansi.lower() else "")

    def title(self, sheet: str, *, with_year: bool = True) -> list[str]:
        number = self.settings.numbers.get(sheet, sheet)
        name = self.settings.titles.get(sheet, TITLES.get(sheet, ""))
        lines = [number, name, self.org()]
        if with_year and self.tahun:
            lines.append(f"Tahun {self.tahun}")
        return lines


def _num(text: str):
    """Targets written in the DPA ('100', '12', '4 Dokumen'): a number when it is one."""
    if text in (None, ""):
        return None
    try:
        v = parse_indicator(text)
    except BadNumber:
        return text
    return int(v) if v is not None and v == v.to_integral_value() else v


def _cap_or_value(table: Table, i: int, t_key: str, r_key: str, m_t, m_r, negative: bool, settings: Settings, value):
    if value is None or m_t in (None, 0) or m_r is None:
        return None
    return Formula(fx.capaian(table.ref(i, t_key), table.ref(i, r_key), negative, settings), value)


def _predikat(table: Table, i: int, cap_key: str, settings: Settings, label: str | None):
    if label is None:
        return None
    band = next((b for b in settings.predikat.bands if b.label == label), None)
    if band and band.color:
        table.fills[(i, cap_key.replace("capaian", "kategori"))] = band.color
    return Formula(fx.classify(table.ref(i, cap_key), settings.predikat), label)


# Tabel 2.3 and 3.9: the budget tree ------------------------------------------------------------

def _tree(budget: Budget):
    """(program, [(kegiatan, [sub…])…]) in code order; kegiatan-less subs hang under a blank kegiatan."""
    kegs: dict[str, list[str]] = {}     # program → its kegiatan, kegiatan → its sub kegiatan, in code order
    subs: dict[str, list[str]] = {}
    for c in budget.codes:
        level = codes.level(c)
        if level == 5:
            kegs.setdefault(".".join(c.split(".")[:3]), []).append(c)
        elif level == 6:
            subs.setdefault(".".join(c.split(".")[:5]), []).append(c)
    return [(p, [(k, subs.get(k, [])) for k in kegs.get(p, [])]) for p in budget.programs()]


def _sum_rows(table: Table, key: str, rows: list[int], values, own=0):
    """SUM of the child rows, plus the amount a document gave at this row's own level (a Renja or an
    LRA that stops at kegiatan) — so the formula recalculates to the cached total."""
    total = sum(values, 0) + own
    if not rows:
        return total
    expr = fx.total([table.ref(r, key) for r in rows])
    return Formula(f"{expr}+{own}" if own else expr, total)


def tabel_2_3(ctx: Context) -> Table:
    b = ctx.budget
    t = Table("Tabel 2.3", ctx.title("Tabel 2.3"), [
        Column("no", "NO", "center", 5),
        Column("uraian", "Program/ Kegiatan/ Sub Kegiatan", "wrap", 48),
        Column("indikator", "Indikator Tujuan, Sasaran, Program, Kegiatan dan Sub Kegiatan", "wrap", 44),
        Column("target", "Target Capaian Kinerja", "center", 14),
        Column("pagu", "Jumlah Anggaran Rp", "money", 20),
    ], col_numbers=["1", "2", "3", "4", "5"])
    prog_rows = []
    for n, (p, kegs) in enumerate(_tree(b), start=1):
        info = b.info.get(p, {})
        pi = t.add({"no": n, "uraian": b.names.get(p, p), "indikator": info.get("indikator"),
                    "target": _num(info.get("target"))}, "program")
        keg_rows = []
        for k, subs in kegs:
            info = b.info.get(k, {})
            ki = t.add({"uraian": b.names.get(k, k), "indikator": info.get("indikator"), "target": _num(info.get("target"))}, "kegiatan")
            sub_rows = []
            for s in subs:
                info = b.info.get(s, {})
                sub_rows.append(t.add({"uraian": b.names.get(s, s), "indikator": info.get("indikator"),
                                       "target": _num(info.get("target")), "pagu": b.pagu.get(s, 0)}, "sub"))
            t.rows[ki][t.col("pagu")] = _sum_rows(t, "pagu", sub_rows, (b.pagu.get(s, 0) for s in subs), b.pagu.get(k, 0))
            keg_rows.append(ki)
        t.rows[pi][t.col("pagu")] = _sum_rows(t, "pagu", keg_rows, (b.total("pagu", k) for k, _ in kegs), b.pagu.get(p, 0))
        prog_rows.append(pi)
    t.add({"uraian": "JUMLAH", "pagu": _sum_rows(t, "pagu", prog_rows, (b.total("pagu", p) for p in b.programs()))}, "total")
    t.notes.append(f"Sumber: {b.primary or 'DPA'}. Jumlah kegiatan, program dan total adalah rumus penjumlahan sub kegiatan.")
    t.notes += incomplete_notes(b, ("pagu",))
    return t


def incomplete_notes(b, what, lang: str = "id") -> list[str]:
    """A footnote per amount that an unreadable cell left out of the totals (unknown is not zero)."""
    out = []
    for w in what:
        # a month with no 'Bulan Ini' file (month-missing) leaves every figure after it incomplete:
        # said once, by its months, not as unreadable sub kegiatan
        gaps = {r for roots in b.unknown.get(w, {}).values() for r in roots if r.code == "month-missing"}
        for gap in sorted(gaps, key=lambda r: r.params["missing"]):
            out.append(Text(f"incomplete-note-{w}-months", section="labels", months=gap.params["months"]).render(lang))
        subs = sorted(c for c, roots in b.unknown.get(w, {}).items() if any(r.code != "month-missing" for r in roots))
        if subs:
            out.append(Text(f"incomplete-note-{w}", section="labels",
                            subs=", ".join(subs[:5]) + (" …" if len(subs) > 5 else "")).render(lang))
    return out


def tabel_3_9(ctx: Context) -> Table:
    b = ctx.budget
    nxt = (ctx.tahun + 1) if ctx.tahun else None
    t = Table("Tabel 3.9", ctx.title("Tabel 3.9"), [
        Column("sasaran", "Sasaran", "wrap", 28),
        Column("uraian", "Program / Kegiatan", "wrap", 56),
        Column("pagu", "Anggaran (Rp)", "money", 19),
        Column("realisasi", f"Realisasi s.d. {ctx.running} (Rp)" if ctx.running else "Realisasi (Rp)", "money", 19),
        Column("pagu_next", f"Anggaran {nxt or 'Tahun Berikut'} (Rp)", "money", 19),
    ], col_numbers=["(1)", "(2)", "(3)", "(4)", "(5)"])
    if ctx.running:
        t.title[-1] += f", realisasi s.d. {ctx.running}"
    # no next-year amount in the DPA at all: that column says "-", not 0 (nothing was stated)
    stated_next = bool(b.pagu_next)
    keys = ("pagu", "realisasi", "pagu_next") if stated_next else ("pagu", "realisasi")
    blank = {} if stated_next else {"pagu_next": "-"}
    prog_rows = []
    for p, kegs in _tree(b):
        pi = t.add({"sasaran": ctx.perf.program_sasaran.get(p), "uraian": f"{b.names.get(p, p)}, dengan kegiatan:",
                    **blank}, "program")
        keg_rows = []
        for n, (k, subs) in enumerate(kegs, start=1):
            ki = t.add({"uraian": f"{n}. {b.names.get(k, k)}, dengan sub kegiatan:", **blank}, "kegiatan")
            sub_rows = [t.add({"uraian": f"{_letter(j)}. {b.names.get(s, s)}", "pagu": b.pagu.get(s, 0),
                               "realisasi": b.realisasi.get(s, 0), "pagu_next": b.pagu_next.get(s, 0), **blank}, "sub")
                        for j, s in enumerate(subs)]
            for key in keys:
                t.rows[ki][t.col(key)] = _sum_rows(t, key, sub_rows, (getattr(b, key).get(s, 0) for s in subs),
                                                   getattr(b, key).get(k, 0))
            keg_rows.append(ki)
        for key in keys:
            t.rows[pi][t.col(key)] = _sum_rows(t, key, keg_rows, (b.total(key, k) for k, _ in kegs),
                                               getattr(b, key).get(p, 0))
        ctx.refs[("3.9", p)] = (t.ref(pi, "pagu"), t.ref(pi, "realisasi"))
        prog_rows.append(pi)
    values = {key: _sum_rows(t, key, prog_rows, (b.total(key, p) for p in b.programs())) for key in keys}
    ti = t.add({"uraian": "JUMLAH", **values, **blank}, "total")
    ctx.refs[("3.9", "total")] = (t.ref(ti, "pagu"), t.ref(ti, "realisasi"))
    if not b.has_realisasi:
        t.notes.append("Tidak ada data realisasi: kolom Realisasi bernilai 0.")
    elif b.latest_month:
        t.notes.append(f"Realisasi kumulatif s.d. bulan {month_name(b.latest_month)}.")
    if not stated_next:
        t.notes.append(f"DPA tidak memuat anggaran tahun {nxt or 'berikut'}: kolom (5) bertanda -.")
    t.notes += incomplete_notes(b, keys)
    return t


def _letter(j: int) -> str:
    """a, b, … z, aa: the seed's lettering of sub kegiatan under a kegiatan."""
    return col_letter(j).lower()


# Tabel 3.1 and 3.6: the scales -----------------------------------------------------------------

def tabel_3_1(ctx: Context) -> Table:
    scale = ctx.settings.predikat
    t = Table("Tabel 3.1", ctx.title("Tabel 3.1", with_year=False), [
        Column("no", "No", "center", 5), Column("skala", "Skala Nilai Capaian Kinerja", "wrap", 30),
        Column("predikat", "Predikat Capaian Kinerja", "wrap", 26), Column("warna", "Kode Warna", "center", 16),
    ])
    for n, band in enumerate(scale.bands, start=1):
        # the colour is the cell's fill (as in the seed), not its code written as text
        i = t.add({"no": n, "skala": band.text, "predikat": band.label, "warna": None if band.color else "-"})
        if band.color:
            t.fills[(i, "warna")] = band.color
    t.notes.append(f"Skala: {scale.title}. Batas bawah/atas mengikuti tanda ≥, >, <, ≤ pada kolom skala.")
    return t


def tabel_3_6(ctx: Context) -> Table:
    scale = ctx.settings.efisiensi
    t = Table("Tabel 3.6", ctx.title("Tabel 3.6", with_year=False), [
        Column("no", "No.", "center", 5), Column("persen", "%", "center", 12),
        Column("keterangan", "Keterangan Persentase", "wrap", 34), Column("tingkat", "Tingkat Efisiensi", "wrap", 22),
    ])
    for n, band in enumerate(scale.bands, start=1):
        t.add({"no": n, "persen": band.text, "keterangan": band.keterangan, "tingkat": band.label})
    t.notes.append("Tingkat efisiensi = % capaian kinerja − % serapan anggaran program yang mendukung sasaran.")
    return t


# Tabel 3.2 – 3.5: indicators ------------------------------------------------------------------

def _formula_note(ctx: Context) -> str:
    s = ctx.settings
    neg = s.presets["negative_formulas"][s.negative_formula]["text"]
    return (f"Capaian = {s.presets['positive_formula']['text']} (polaritas positif); {neg} (polaritas negatif). "
            f"Dibulatkan 2 desimal. Predikat menurut {s.predikat.title}.")


def _ind_columns(extra: list[Column]) -> list[Column]:
    return [Column("no", "No", "center", 5), Column("sasaran", "Tujuan/Sasaran", "wrap", 34),
            Column("indikator", "Indikator Kinerja", "wrap", 30)] + extra


def tabel_3_2(ctx: Context, sheet: str = "Tabel 3.2") -> Table:
    """Hasil pengukuran; Bab IV repeats it as Tabel 4.1, with the same columns."""
    t = Table(sheet, ctx.title(sheet), _ind_columns([
        Column("target", "Target", "num", 11), Column("realisasi", "Realisasi", "num", 11),
        Column("capaian", "Capaian %", "pct", 11), Column("kategori", "Kategori", "center", 14),
        Column("sumber", "Sumber Data", "wrap", 20)]))
    for n, iku in enumerate(ctx.perf.ikus, start=1):
        m = iku.at(ctx.tahun)
        i = t.next_index()
        t.add({"no": n, "sasaran": iku.ind.sasaran, "indikator": iku.ind.indikator,
               "target": m.target if m else None, "realisasi": m.realisasi if m else None,
               "sumber": iku.ind.sumber_data})
        if m:
            t.rows[i][t.col("capaian")] = _cap_or_value(t, i, "target", "realisasi", m.target, m.realisasi,
                                                        iku.ind.negative, ctx.settings, m.capaian)
            t.rows[i][t.col("kategori")] = _predikat(t, i, "capaian", ctx.settings, m.predikat)
    t.notes.append(_formula_note(ctx))
    return t


def _years(ctx: Context) -> list[int]:
    """The last three years up to this one for which some indicator has a target or a realisasi."""
    ys = sorted({y for iku in ctx.perf.ikus for y, m in iku.years.items()
                 if (not ctx.tahun or y <= ctx.tahun) and (m.target is not None or m.realisasi is not None)})
    return ys[-3:]


def tabel_3_3(ctx: Context) -> Table:
    years = _years(ctx)
    cols, groups = [], []
    for y in years:
        cols += [Column(f"t{y}", "Target", "num", 10), Column(f"r{y}", "Realisasi", "num", 10),
                 Column(f"capaian{y}", "Capaian %", "pct", 10)]
        groups.append((str(y), f"t{y}", f"capaian{y}"))
    title = ctx.title("Tabel 3.3", with_year=False) + ([f"Tahun {', '.join(map(str, years))}"] if years else [])
    t = Table("Tabel 3.3", title, _ind_columns(cols), groups=groups)
    for n, iku in enumerate(ctx.perf.ikus, start=1):
        i = t.next_index()
        row = {"no": n, "sasaran": iku.ind.sasaran, "indikator": iku.ind.indikator}
        for y in years:
            m = iku.at(y)
            if m:
                row[f"t{y}"], row[f"r{y}"] = m.target, m.realisasi
        t.add(row)
        for y in years:
            m = iku.at(y)
            if m:
                t.rows[i][t.col(f"capaian{y}")] = _cap_or_value(t, i, f"t{y}", f"r{y}", m.target, m.realisasi,
                                                                iku.ind.negative, ctx.settings, m.capaian)
    t.notes.append(_formula_note(ctx))
    return t


def tabel_3_4(ctx: Context) -> Table:
    akhir_year = next((iku.akhir_year for iku in ctx.perf.ikus if iku.akhir_year), None)
    t = Table("Tabel 3.4", ctx.title("Tabel 3.4"), _ind_columns([
        Column("realisasi", f"Capaian {ctx.tahun or ''}".strip(), "num", 12),
        Column("akhir", f"Target Akhir {akhir_year or 'Renstra'}", "num", 12),
        Column("capaian", "% Capaian", "pct", 11), Column("kemajuan", "Tingkat Kemajuan", "pct", 12)]))
    for n, iku in enumerate(ctx.perf.ikus, start=1):
        m = iku.akhir
        i = t.add({"no": n, "sasaran": iku.ind.sasaran, "indikator": iku.ind.indikator,
                   "realisasi": m.realisasi if m else None, "akhir": m.target if m else None})
        if m:
            f = _cap_or_value(t, i, "akhir", "realisasi", m.target, m.realisasi, iku.ind.negative, ctx.settings, m.capaian)
            t.rows[i][t.col("capaian")] = f
            t.rows[i][t.col("kemajuan")] = Formula(t.ref(i, "capaian"), m.capaian) if f else None
    t.notes.append("Realisasi indikator kumulatif dijumlahkan dari tahun-tahun sebelumnya; indikator nilai akhir memakai "
                   "realisasi tahun ini. Target akhir: kolom Target Akhir IKU, atau target tahun terakhir Renstra.")
    t.notes.append(_formula_note(ctx))
    return t


def tabel_3_5(ctx: Context) -> Table:
    t = Table("Tabel 3.5", ctx.title("Tabel 3.5"), _ind_columns([
        Column("target", "Target", "num", 10), Column("realisasi", "Realisasi", "num", 10),
        Column("capaian", "% Capaian", "pct", 10), Column("analisis", "Analisis Keberhasilan/Kegagalan", "wrap", 36),
        Column("solusi", "Solusi yang dilakukan", "wrap", 28)]))
    for n, iku in enumerate(ctx.perf.ikus, start=1):
        m = iku.at(ctx.tahun)
        i = t.next_index()
        t.add({"no": n, "sasaran": iku.ind.sasaran, "indikator": iku.ind.indikator, "target": m.target if m else None,
               "realisasi": m.realisasi if m else None, "analisis": iku.ind.analisis or None, "solusi": iku.ind.solusi or None})
        if m:
            t.rows[i][t.col("capaian")] = _cap_or_value(t, i, "target", "realisasi", m.target, m.realisasi,
                                                        iku.ind.negative, ctx.settings, m.capaian)
    return t


# Tabel 3.7 and 3.8: sasaran, programs, efisiensi -------------------------------------------------

def tabel_3_7(ctx: Context) -> Table:
    t = Table("Tabel 3.7", ctx.title("Tabel 3.7"), [
        Column("no", "No", "center", 5), Column("sasaran", "Tujuan/Sasaran", "wrap", 34),
        Column("target", "Target", "num", 10), Column("realisasi", "Realisasi", "num", 10),
        Column("capaian", "% Capaian", "pct", 10), Column("pagu", "Anggaran Rp", "money", 18),
        Column("belanja", f"Realisasi s.d. {ctx.running} Rp" if ctx.running else "Realisasi Rp", "money", 18),
        Column("serapan", "% Capaian", "pct", 10),
        Column("efisiensi", "Tingkat Efisiensi (sementara)" if ctx.running else "Tingkat Efisiensi", "num", 11),
        Column("kategori", "Kategori Efisiensi", "center", 16),
    ], groups=[("Indikator Kinerja", "target", "capaian"), ("Anggaran", "pagu", "serapan")],
        col_numbers=[str(n) for n in range(1, 11)])
    if ctx.running:
        t.title[-1] += f", realisasi s.d. {ctx.running}"
    office = ctx.perf.office
    body = t.next_index()
    for n, s in enumerate(ctx.perf.sasaran, start=1):
        first = t.next_index()
        for iku in s.ikus:
            m = iku.at(ctx.tahun)
            i = t.add({"no": n, "sasaran": s.text, "target": m.target if m else None,
                       "realisasi": m.realisasi if m else None})
            if m:
                t.rows[i][t.col("capaian")] = _cap_or_value(t, i, "target", "realisasi", m.target, m.realisasi,
                                                            iku.ind.negative, ctx.settings, m.capaian)
        last = t.next_index() - 1
        if last < first:
            continue
        if office is None:
            refs = [ctx.refs.get(("3.9", p)) for p in s.programs]
            _efisiensi(ctx, t, s, first, last, [r for r in refs if r])
        if last > first:
            keys = ("no", "sasaran") if office else ("no", "sasaran", "pagu", "belanja", "serapan", "efisiensi", "kategori")
            for key in keys:
                t.merges.append((first, key, last, key))
    until = f" s.d. bulan {month_name(ctx.budget.latest_month)}" if ctx.budget.latest_month else ""
    if office is not None and t.next_index() > body:
        # which programs support which sasaran is unknown: the office's budget once, beside every
        # sasaran, never a per-sasaran anggaran that nobody stated
        last = t.next_index() - 1
        _efisiensi(ctx, t, office, body, last, [ctx.refs[("3.9", "total")]] if ("3.9", "total") in ctx.refs else [])
        if last > body:
            for key in ("pagu", "belanja", "serapan", "efisiensi", "kategori"):
                t.merges.append((body, key, last, key))
        for k in (1, 2, 3):              # labels (schemas/messages.yaml labels:), not finding fragments
            t.notes.append(Text(f"t37-office-note-{k}", section="labels", until=until,
                                n=str(len(ctx.perf.sasaran))).render("id"))
    else:
        t.notes.append(f"Anggaran dan realisasi{until} adalah jumlah program yang mendukung sasaran (lihat Tabel 3.8), "
                       "dirujuk dari Tabel 3.9.")
    t.notes.append(f"Tingkat efisiensi = % capaian kinerja − % serapan anggaran; kategori menurut {ctx.settings.efisiensi.title} (Tabel 3.6).")
    if ctx.running:
        t.notes.append(f"Realisasi anggaran baru s.d. {ctx.running}: tingkat efisiensi masih sementara dan kategori "
                       "efisiensi belum ditetapkan; keduanya final setelah realisasi bulan Desember.")
    return t


def _efisiensi(ctx: Context, t: Table, s, first: int, last: int, refs: list) -> None:
    """Anggaran, realisasi, serapan, efisiensi and its kategori of sasaran `s` (or of the whole office)
    in row `first`, against the capaian of rows first … last; the amounts refer to Tabel 3.9."""
    row = t.rows[first]
    row[t.col("pagu")] = Formula(fx.total([f"'Tabel 3.9'!{r[0]}" for r in refs]), s.pagu) if refs else s.pagu
    row[t.col("belanja")] = Formula(fx.total([f"'Tabel 3.9'!{r[1]}" for r in refs]), s.realisasi) if refs else s.realisasi
    if s.serapan is not None:
        row[t.col("serapan")] = Formula(fx.ratio(t.ref(first, "belanja"), t.ref(first, "pagu")), s.serapan)
    if s.efisiensi is not None:
        caps = ",".join(t.ref(i, "capaian") for i in range(first, last + 1))
        row[t.col("efisiensi")] = Formula(f"ROUND(ROUND(AVERAGE({caps}),2)-{t.ref(first, 'serapan')},2)", s.efisiensi)
    row[t.col("kategori")] = (Formula(fx.classify(t.ref(first, "efisiensi"), ctx.settings.efisiensi), s.kategori_efisiensi)
                              if s.kategori_efisiensi and s.kategori_efisiensi != "Tidak dapat diukur" else s.kategori_efisiensi)
    if ctx.running and s.efisiensi is not None:
        # a year's capaian against part of a year's serapan: no category yet (CONTRACT §4)
        row[t.col("kategori")] = f"Sementara (realisasi s.d. {ctx.running})"


def tabel_3_8(ctx: Context) -> Table:
    t = Table("Tabel 3.8", ctx.title("Tabel 3.8"), [
        Column("no", "No", "center", 5), Column("sasaran", "Tujuan/Sasaran", "wrap", 28),
        Column("iku", "Indikator Kinerja", "wrap", 24), Column("iku_capaian", "% Capaian", "pct", 10),
        Column("program", "Program/Kegiatan", "wrap", 34), Column("indikator", "Indikator Kinerja", "wrap", 34),
        Column("capaian", "% Capaian", "pct", 10), Column("menunjang", "Menunjang/ Tidak menunjang", "center", 17),
    ])
    threshold = ctx.settings.menunjang_min_capaian
    for n, s in enumerate(ctx.perf.sasaran, start=1):
        first = t.next_index()
        links = s.program_links or [None]
        for link in links:
            i = t.add({"no": n, "sasaran": s.text, "iku": "; ".join(k.ind.indikator for k in s.ikus),
                       "iku_capaian": s.capaian})
            if link is None:
                continue
            t.rows[i][t.col("program")] = link.program
            t.rows[i][t.col("indikator")] = link.indikator
            t.rows[i][t.col("capaian")] = link.capaian
            if link.capaian is not None:
                label = "Menunjang" if link.menunjang else "Tidak menunjang"
                ref = t.ref(i, "capaian")
                t.rows[i][t.col("menunjang")] = Formula(f'IF({ref}="","",IF({ref}>={threshold},"Menunjang","Tidak menunjang"))', label)
        last = t.next_index() - 1
        if last > first:
            for key in ("no", "sasaran", "iku", "iku_capaian"):
                t.merges.append((first, key, last, key))
    t.notes.append(f"Program menunjang bila capaian indikator programnya ≥ {threshold}%. % Capaian sasaran = rata-rata capaian IKU sasaran itu.")
    return t


def build_tables(ctx: Context) -> list[Table]:
    """Every Tabel in report order: 2.1 (when a Renstra is given), 2.2, 2.3, 3.1 … 3.9, 4.1."""
    t39 = tabel_3_9(ctx)       # first: Tabel 3.7 refers to its program rows
    renstra = tabel_2_1(ctx)
    tables = ([renstra] if renstra else []) + [
        tabel_2_2(ctx), tabel_2_3(ctx), tabel_3_1(ctx), tabel_3_2(ctx), tabel_3_3(ctx), tabel_3_4(ctx), tabel_3_5(ctx),
        tabel_3_6(ctx), tabel_3_7(ctx), tabel_3_8(ctx), t39, tabel_3_2(ctx, "Tabel 4.1")]
    for t in tables:           # portrait where the table prints readably that way, else landscape
        t.landscape = not t.fits_portrait()
    return tables
