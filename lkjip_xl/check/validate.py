"""Raw sheets → typed data and findings: each role's sheet parsed (cells), checked against its
pandera schema (schema) and, for budgets, its rows classified (hierarchy)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from lkjip_xl.check.cells import Cells, kodes, texts
from lkjip_xl.check.cells import amounts as parse_amounts, months as parse_months
from lkjip_xl.check.hierarchy import KINDS, classify
from lkjip_xl.check.indicator_rows import indicator_sheet, program_sheet
from lkjip_xl.check.kas import fisik_values, kas_sheet, row_totals
from lkjip_xl.check.model import AMOUNTS, BudgetSheet, Validated, column_label, typed_view
from lkjip_xl.check.schema import pandera_findings
from lkjip_xl.config import Settings
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes
from lkjip_xl.read.arrays import distinct, nones
from lkjip_xl.read.headers import role_specs
from lkjip_xl.read.sheets import BUDGET_ROLES, Reading, Sheet
from lkjip_xl.xlsx.cells import parse_a1


def _pick_amount_columns(sheet: Sheet, tahun: int | None) -> dict[str, str]:
    """Canonical amount → frame column, deciding which 'Anggaran <year>' is this year and next."""
    cols = sheet.cols
    out = {}
    for base in ("pagu", "realisasi", "realisasi_bulan_ini"):
        yearly = sorted((sheet.years[c], c) for c in cols if c.startswith(base + "@"))
        if base in cols:
            out[base] = base
        this = [c for y, c in yearly if y == tahun] if tahun else []
        if this:
            out[base] = this[0]
        elif yearly and base not in out:
            out[base] = yearly[0][1]
        if base == "pagu":
            chosen = sheet.years.get(out.get("pagu"), tahun)
            nxt = [c for y, c in yearly if chosen and y == chosen + 1]
            if nxt:
                out["pagu_next"] = nxt[0]
    for c in sheet.month_cols:        # months as columns: each month's own amount, summed like any other
        out[c] = c
    if "pagu_next" in cols:
        out["pagu_next"] = "pagu_next"
    elif "pagu_next" not in out:
        labelled = sorted((sheet.years[c], c) for c in cols if c.startswith("pagu_next@"))   # "Prakiraan Maju 2025"
        if labelled:
            out["pagu_next"] = labelled[0][1]
    return out


def _budget(sheet: Sheet, tahun: int | None) -> tuple[BudgetSheet, list[Finding]]:
    """Column by column, each distinct value parsed once: a code or a name recurs on thousands of
    rows, and numeric cells are converted as whole arrays. Findings come in the order a row-by-row
    reading gives them (column by column, row by row)."""
    raw = sheet.frame
    picked = _pick_amount_columns(sheet, tahun)
    sheet = typed_view(sheet, kode=sheet.cols.get("kode#0"), **{canon: sheet.cols[c] for canon, c in picked.items()})
    cells = Cells(sheet)
    kode_cols = sorted((c for c in raw.columns if c.startswith("kode#")), key=lambda c: int(c.split("#")[1]))
    index = raw.index
    rows = index.to_numpy()
    col = lambda name: raw[name].to_numpy(dtype=object)
    # a column of df from an array made here and not changed after: pandas need not copy it
    column = lambda values: pd.Series(values, index=index, dtype=object, copy=False)
    fac = sheet.codes.get         # a large sheet's text columns come with their codes
    known: dict = {}
    coded: dict = {}              # → BudgetSheet.codes
    if kode_cols:
        kode, *known["kode"] = kodes(cells, rows, kode_cols, [col(c) for c in kode_cols], [fac(c) for c in kode_cols])
        coded["kode"] = distinct(*known["kode"])
    else:
        kode = nones(len(index))
        coded["kode"] = (np.zeros(len(index), dtype=np.int64), [None] if len(index) else [])
    unplaced = set(cells.bad_rows)        # rows whose own code cannot be read (the schema adds its own)
    df = pd.DataFrame({"kode": column(kode)})
    unread: set = set()
    if "kode_rekening" in raw:
        # object dtype: pandas would turn the blanks into NaN, which is truthy
        placed = set(cells.bad_rows)
        rek, *known["kode_rekening"] = kodes(cells, rows, ["kode_rekening"], [col("kode_rekening")],
                                              [fac("kode_rekening")], account=True)
        unread = cells.bad_rows - placed          # rows whose Kode Rekening cannot be read
        cells.bad_rows -= unread
        df["kode_rekening"] = column(rek)
        coded["kode_rekening"] = distinct(*known["kode_rekening"])
    uraian_cols = [c for c in raw.columns if c == "uraian" or c.startswith("uraian#")]
    if uraian_cols:
        uraian, coded["uraian"] = texts(col(uraian_cols[0]), fac(uraian_cols[0]))
        for c in uraian_cols[1:]:
            blank = uraian == ""
            if blank.any():
                uraian[blank] = texts(col(c), fac(c))[0][blank]
                coded.pop("uraian")     # two columns make one: its codes are no longer those
        df["uraian"] = column(uraian)
    else:
        df["uraian"] = ""
    for name in ("uraian_program", "uraian_kegiatan", "uraian_sub", "nama_rekening", "indikator", "satuan"):
        if name in raw:
            said, coded[name] = texts(col(name), fac(name))
            df[name] = column(said)
    for name in ("target",):
        c = name if name in raw else next((c for c in raw.columns if c.startswith(name + "@")), None)
        if c:
            said, coded[name] = texts(col(c), fac(c))
            df[name] = column(said)
    ints: dict[str, tuple] = {}
    unknown: dict[str, dict] = {}
    for canon, c in picked.items():
        values, fast = parse_amounts(cells, rows, c, col(c))
        df[canon] = column(values)
        if c in cells.unknown:
            unknown[canon] = cells.unknown[c]
        if fast is not None:
            ints[canon] = fast
            known[canon] = ("int64", *fast)
    if "sisa" in raw and sheet.role == "realisasi":
        # Sisa anggaran is only evidence of how the Realisasi column reads (check/cumulative.py): parsed
        # aside, an unreadable cell is no evidence and no finding of its own
        aside = Cells(sheet)
        values, _ = parse_amounts(aside, rows, "sisa", col("sisa"))
        for pos in aside.unknown.get("sisa", {}):
            values[pos] = None
        df["sisa"] = column(values)
    if "bulanan_total" in raw:
        # months as columns with a row Jumlah: parsed to be checked against the months, not summed
        df["bulanan_total"] = column(parse_amounts(cells, rows, "bulanan_total", col("bulanan_total"))[0])
    if "realisasi_fisik" in raw:
        df["realisasi_fisik"] = column(fisik_values(cells, rows, col("realisasi_fisik")))
    if "bulan" in raw:
        months, coded["bulan"] = parse_months(cells, rows, col("bulan"), fac("bulan"))
        df["bulan"] = column(months)
    df["_total"] = raw["_total"] if "_total" in raw else None
    amounts = [a for a in AMOUNTS if a in df]
    if sheet.role == "realisasi" and "realisasi" not in df and "realisasi_bulan_ini" in df:
        amounts.append("realisasi")   # derived later from monthly amounts
    findings, bad_rows = pandera_findings(sheet, df, sheet.role, known, accounts=unread)
    unplaced |= bad_rows
    findings = cells.findings + findings
    bad_rows |= cells.bad_rows
    if len(kode_cols) == 1 and "kode_rekening" not in raw and bad_rows:
        # an account typed wrong in the Kode column itself (one column for programmes and accounts)
        typed = raw[kode_cols[0]]
        shaped = {row for row in bad_rows if row in typed.index and codes.shaped_like_account(typed.at[row])}
        if shaped:
            bad_rows -= shaped
            unread |= shaped
    unknown_account = _unknown_accounts(sheet, df, coded, unread - bad_rows, findings) if unread - bad_rows else {}
    kinds, subs = classify(df, bad_rows, sheet, findings, coded, unplaced & bad_rows)
    df["kind"] = column(kinds)
    df["sub"] = column(subs)
    has_rek = bool((coded["kind"][0] == KINDS.index("rek")).any())
    if "bulanan_total" in df:
        months = sorted(c for c in sheet.month_cols if c in df)
        blind = {c: set(cells.unknown.get(c, {})) for c in (*months, "bulanan_total")}
        row_totals(sheet, df, [("bulanan_total", months)], blind, findings)
    listed = [a for a in AMOUNTS if a in df] + sorted(c for c in sheet.month_cols if c in df)
    under = _unplaced_under(sheet, df, raw, kode_cols, unplaced & bad_rows, findings) if unplaced & bad_rows else {}
    return BudgetSheet(sheet, df, listed, has_rek, sheet.month, ints, coded, unknown, unknown_account, under), findings


def _unplaced_under(sheet: Sheet, df: pd.DataFrame, raw: pd.DataFrame, kode_cols: list, rows: set,
                    findings: list[Finding]) -> dict:
    """For each row whose code cannot be read, the code it stood under: the row's own readable
    program or kegiatan code (SIPD's split code columns), else, of the code of the row above it (a
    node's own, a rekening line's sub kegiatan), that code or the deepest code above it with fewer
    parts than the unreadable one ('7.01.01.2.O2.0001' below kegiatan 7.01.01.2.02: 7.01.01.2.02).
    That code → the bad-kode findings."""
    kinds = df["kind"].to_numpy(dtype=object)
    kodes = df["sub"].to_numpy(dtype=object)
    said = {}
    for f in findings:
        if f.code == "bad-kode" and f.cell:
            said.setdefault(parse_a1(f.cell)[0] + 1, f)
    out: dict = {}
    where = {r: i for i, r in enumerate(df.index.tolist())}
    for row in sorted(rows):
        i = where.get(row)
        if i is None or row not in said:
            continue
        typed = " ".join(str(raw.at[row, c]) for c in kode_cols if raw.at[row, c] not in (None, ""))
        parts = max(len(t.split(".")) for t in typed.split()) if typed.strip() else 0
        # the row's own readable program or kegiatan code (SIPD's Kode Program | Kode Kegiatan | …)
        own = [t for c in kode_cols if (t := str(raw.at[row, c] or "").strip())
               and len(t.split(".")) in (3, 5) and len(t.split(".")) < parts
               and all(seg.isdigit() for seg in t.split("."))]
        above = next((kodes[j] for j in range(i - 1, -1, -1) if kinds[j] in ("node", "rek")
                      and isinstance(kodes[j], str)), None)
        line = "kode_rekening" in df and bool(df["kode_rekening"].iat[i])
        if parts < 2 or not (own or above) or (parts < 6 and not line):
            continue        # a programme or kegiatan row: its sub kegiatan carry their own codes, nothing is lost
        chain = own or [p for p in codes.ancestors(above) + [above] if codes.level(p) < parts]
        # a kegiatan or sub kegiatan under a known program at least: a code of a few parts ('7.01.A')
        # could stand anywhere, and is left out as before
        chain = [p for p in chain if codes.level(p) >= 3]
        if chain:
            parent = max(chain, key=codes.level)
            out[parent] = out.get(parent, ()) + (said[row],)
    return out


def _unknown_accounts(sheet: Sheet, df: pd.DataFrame, coded: dict, unread: set, findings: list[Finding]) -> dict:
    """Rekening lines whose account cannot be read, though the sub kegiatan they belong to can (their
    own Kode column, or the sub kegiatan above them): still lines of that sub kegiatan, of a known
    amount, so that one unreadable account is one finding, not a JUMLAH, a pagu and an anggaran kas
    each off by the line's amount. The account becomes codes.UNKNOWN_ACCOUNT, in the Kode Rekening
    column or, without one, in the Kode column (after the schema has looked at it as typed): its
    jenis belanja and SIPD's account subtotals over it are unknown. Position in df → its bad-kode."""
    rows = df.index.to_numpy()
    pos = np.flatnonzero(np.isin(rows, np.fromiter(unread, dtype=np.int64, count=len(unread))))
    column = "kode_rekening" if "kode_rekening" in coded else "kode"
    found, values = coded[column]
    found, values = found.copy(), list(values) + [codes.UNKNOWN_ACCOUNT]
    found[pos] = len(values) - 1
    coded[column] = (found, values)
    said = df[column].to_numpy(dtype=object).copy()
    said[pos] = codes.UNKNOWN_ACCOUNT
    df[column] = pd.Series(said, index=df.index, dtype=object, copy=False)
    where = {f.cell: f for f in findings if f.code == "bad-kode"}
    return {int(p): where.get(sheet.cell(int(rows[p]), column)) for p in pos}


def _missing_required(sheet: Sheet) -> list[str]:
    """Required fields (aliases.yaml) with no column in the sheet's header. A field counts as present
    in any of its forms: split (kode#1), by year (pagu@2024) or detailed (realisasi_bulan_ini)."""
    if sheet.frame is None:
        return list(role_specs()[sheet.role]["required"])[:1]
    have = set(sheet.cols) | ({"realisasi_bulanan"} if len(sheet.month_cols) >= 2 else set())
    return [f for f in role_specs()[sheet.role]["required"]
            if not any(k == f or k.startswith((f + "#", f + "@", f + "_")) for k in have)]


def validate(reading: Reading, settings: Settings) -> Validated:
    budgets, indicators, programs, kas, findings = [], [], [], [], list(reading.findings)
    for sheet in reading.sheets:
        if sheet.role is None:
            continue
        missing = _missing_required(sheet)
        if missing:
            # the required fields of each role are data: aliases.yaml
            findings += [Finding("missing-column", {"role": Text(f"role-{sheet.role}"), "column": column_label(m)}, **sheet.place())
                         for m in missing]
            continue
        if sheet.role in BUDGET_ROLES:
            b, f = _budget(sheet, reading.tahun)
            if not any(x.code == "missing-column" for x in f):
                budgets.append(b)
        elif sheet.role == "anggaran_kas":
            b, f = kas_sheet(typed_view(sheet))      # it names its kode column in the sheet it is given
            kas.append(b)
        elif sheet.role == "indikator":
            b, f = indicator_sheet(sheet, reading.tahun)
            indicators.append(b)
        else:
            b, f = program_sheet(sheet, reading.tahun)
            programs.append(b)
        findings.extend(f)
    return Validated(budgets, indicators, programs, findings, reading.tahun, kas)
