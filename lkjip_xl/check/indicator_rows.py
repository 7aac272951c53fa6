"""Indicator (IKU/PK/Renstra) and programme-indicator sheets → typed rows."""
from __future__ import annotations

import pandas as pd

from lkjip_xl.check.cells import Cells, kumulatif, polarity
from lkjip_xl.check.model import Indicator, IndicatorSheet, ProgramIndicator, ProgramIndicatorSheet, Val, typed_view
from lkjip_xl.check.schema import pandera_findings
from lkjip_xl.findings import Finding
from lkjip_xl.read.headers import normalize, text
from lkjip_xl.read.sheets import Sheet


def indicator_sheet(sheet: Sheet, tahun: int | None) -> tuple[IndicatorSheet, list[Finding]]:
    raw = sheet.frame
    cells = Cells(sheet)
    year_cols: dict[int, dict[str, str]] = {}
    own_year = tahun
    for col in raw.columns:
        base, _, y = col.partition("@")
        if base in ("target", "realisasi", "capaian", "kategori"):
            year = int(y) if y else None
            year_cols.setdefault(year, {})[base] = col
    plain = year_cols.pop(None, {})
    has_realisasi = any("realisasi" in m for m in year_cols.values()) or "realisasi" in plain
    rows = []
    tahun_col = "tahun" if "tahun" in raw else None
    for r in raw.index:
        name = text(raw.at[r, "indikator"])
        if not name or normalize(name) in ("indikator kinerja", "indikator") or normalize(name).isdigit():
            continue
        g = lambda k: text(raw.at[r, k]) if k in raw else ""
        ind = Indicator(row=r, no=g("no"), tujuan=g("tujuan"), sasaran=g("sasaran") or g("tujuan"), indikator=name,
                        satuan=g("satuan"), negative=cells.polarity(r, g("polaritas")), kumulatif=kumulatif(g("jenis")),
                        sumber_data=g("sumber_data"), analisis=g("analisis"), solusi=g("solusi"))
        if polarity(g("polaritas")) is not None:
            ind.polaritas_cell = sheet.cell(r, "polaritas")
        ta = next((c for c in raw.columns if c.split("@")[0] == "target_akhir"), None)
        if ta:
            ind.target_akhir = cells.indicator(r, ta, raw.at[r, ta])
            ind.target_akhir_year = sheet.years.get(ta)
        for year, m in year_cols.items():
            ind.years[year] = {k: cells.indicator(r, c, raw.at[r, c]) if k != "kategori" else
                               Val(None, sheet.cell(r, c), text(raw.at[r, c])) for k, c in m.items()}
        if plain:
            y = own_year
            if tahun_col:
                stated = [raw.at[r, c] for c in plain.values()]
                y = cells.year(r, tahun_col, raw.at[r, tahun_col], needed=any(text(v) for v in stated))
            if y is not None:
                ind.years.setdefault(y, {}).update({k: cells.indicator(r, c, raw.at[r, c]) if k != "kategori" else
                                Val(None, sheet.cell(r, c), text(raw.at[r, c])) for k, c in plain.items()})
        rows.append(ind)
    # one line per sheet row and year, before a long sheet's rows are merged, so that a finding names
    # the row of its year; an indicator with no year stands for the report's year, and when that is
    # unknown too its Tahun is empty: the schema says whether that may be
    long = pd.DataFrame({"indikator": [i.indikator for i in rows for _ in (i.years or {0: 0})],
                         "tahun": [y for i in rows for y in (i.years or {own_year: 0})]},
                        index=[i.row for i in rows for _ in (i.years or {0: 0})], dtype=object)
    findings, _ = pandera_findings(sheet, long, "indikator") if rows else ([], set())
    rows = _merge_long(rows)
    return IndicatorSheet(sheet, rows, renstra=not has_realisasi), cells.findings + findings


def _merge_long(rows: list[Indicator]) -> list[Indicator]:
    """Long format (one row per indicator and year, with a Tahun column) → one Indicator each."""
    merged: dict[str, Indicator] = {}
    for ind in rows:
        key = normalize(ind.indikator) + "|" + normalize(ind.sasaran)
        if key in merged:
            merged[key].years.update(ind.years)
        else:
            merged[key] = ind
    return list(merged.values())


def program_sheet(sheet: Sheet, tahun: int | None) -> tuple[ProgramIndicatorSheet, list[Finding]]:
    raw = sheet.frame
    cells = Cells(sheet)
    col = lambda base: base if base in raw else next((c for c in raw.columns if c.startswith(base + "@")
                                                      and sheet.years.get(c) == tahun), None)
    rows = []
    for r in raw.index:
        name = text(raw.at[r, "indikator"])
        if not name:
            continue
        g = lambda k: text(raw.at[r, k]) if k in raw else ""
        kode = cells.kode(r, ["kode#0"], [raw.at[r, "kode#0"]]) if "kode#0" in raw else None
        t, rl, cp = col("target"), col("realisasi"), col("capaian")
        rows.append(ProgramIndicator(
            row=r, kode=kode, program=g("program"), indikator=name, satuan=g("satuan"), sasaran=g("sasaran"),
            target=cells.indicator(r, t, raw.at[r, t] if t else None),
            realisasi=cells.indicator(r, rl, raw.at[r, rl] if rl else None),
            capaian=cells.indicator(r, cp, raw.at[r, cp] if cp else None),
            cell_program=sheet.cell(r, "program")))
    sheet = typed_view(sheet, kode=sheet.cols.get("kode#0"))
    df = pd.DataFrame({"indikator": [p.indikator for p in rows], "kode": [p.kode for p in rows]},
                      index=[p.row for p in rows], dtype=object)
    findings, _ = pandera_findings(sheet, df, "indikator_program") if rows else ([], set())
    return ProgramIndicatorSheet(sheet, rows), cells.findings + findings
