"""Model → the planning tables of Bab II: Tabel 2.1 (Target Renstra) and Tabel 2.2 (Target Renja),
in the seed report's columns. Pure data, like tables.py; targets are the values as written in the
inputs (there is nothing to compute in a plan). `ctx` is a tables.Context (tables.py imports this
module, so it is not imported back)."""
from __future__ import annotations

from decimal import Decimal
from lkjip_xl.check.model import Indicator
from lkjip_xl.report.layout import Column, Table


def _value(v: Decimal | None):
    """A target as a number: whole targets as int, so they show as 95, not 95.00."""
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else v


def _target(ind: Indicator, year: int | None):
    m = ind.years.get(year) if year is not None else None
    t = m.get("target") if m else None
    if t is None:
        return None
    return _value(t.value) if t.value is not None else (t.text or None)


def _numbered(rows: list[Indicator]):
    """(number, tujuan, sasaran, indicator) in the seed's numbering: a row naming a new tujuan is 1, 2, …;
    the sasaran under it are 1.1, 1.2, …  A row that names only a sasaran stays under the last tujuan."""
    n = k = 0
    last_tujuan = None
    for ind in rows:
        tujuan = ind.tujuan.strip()
        sasaran = ind.sasaran.strip() if ind.sasaran.strip() != tujuan else ""
        if tujuan and tujuan != last_tujuan:
            n, k, last_tujuan = n + 1, 0, tujuan
            yield str(n), tujuan, sasaran, ind
        else:
            k += 1
            yield (f"{n}.{k}" if n else str(k)), "", sasaran, ind


def tabel_2_1(ctx) -> Table | None:
    """Target Renstra: every Renstra row with its target for each year. None without a Renstra."""
    rows = ctx.perf.renstra
    years = ctx.perf.renstra_years
    if not rows or not years:
        return None
    t = Table("Tabel 2.1", ctx.title("Tabel 2.1", with_year=False) + [f"Tahun {years[0]}–{years[-1]}"], [
        Column("no", "NO", "center", 5), Column("tujuan", "TUJUAN", "wrap", 28), Column("sasaran", "SASARAN", "wrap", 28),
        Column("indikator", "INDIKATOR KINERJA", "wrap", 28),
    ] + [Column(f"y{y}", str(y), "num", 9) for y in years],
        groups=[("TARGET KINERJA PADA TAHUN", f"y{years[0]}", f"y{years[-1]}")])
    for no, tujuan, sasaran, ind in _numbered(rows):
        t.add({"no": no, "tujuan": tujuan or None, "sasaran": sasaran or None, "indikator": ind.indikator,
               **{f"y{y}": _target(ind, y) for y in years}}, "bold" if tujuan else "")
    t.notes.append("Sumber: " + ("; ".join(ctx.perf.renstra_sources) or "Renstra") + ".")
    return t


def tabel_2_2(ctx) -> Table:
    """Target Renja: tujuan, sasaran, indikator, satuan and the target of the year; from the Renstra's
    rows when it has the year, else from the IKU sheet."""
    year = ctx.tahun
    plan = [i for i in ctx.perf.renstra if year in i.years]
    source = plan or [iku.ind for iku in ctx.perf.ikus]
    t = Table("Tabel 2.2", ctx.title("Tabel 2.2"), [
        Column("no", "NO", "center", 6), Column("tujuan", "TUJUAN", "wrap", 28), Column("sasaran", "SASARAN", "wrap", 28),
        Column("indikator", "INDIKATOR KINERJA", "wrap", 28), Column("satuan", "SATUAN", "center", 10),
        Column("target", "TARGET", "num", 10)])
    for no, tujuan, sasaran, ind in _numbered(source):
        target = _target(ind, year)
        if not plan:
            iku = next((k for k in ctx.perf.ikus if k.ind is ind), None)
            m = iku.at(year) if iku else None
            target = _value(m.target) if m and m.target is not None else None
        t.add({"no": no, "tujuan": tujuan or None, "sasaran": sasaran or None, "indikator": ind.indikator,
               "satuan": ind.satuan or None, "target": target}, "bold" if tujuan else "")
    t.notes.append(f"Target tahun {year or '-'} menurut " + ("Renstra." if plan else "lembar IKU/PK."))
    return t
