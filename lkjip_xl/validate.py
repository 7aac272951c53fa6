"""Raw sheets → typed data and findings: numbers parsed exactly, codes cleaned, pandera checks.

Every cell that cannot be used becomes a finding at its A1 address; nothing is guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import pandas as pd

from lkjip_xl import codes
from lkjip_xl.config import Settings
from lkjip_xl.findings import Finding
from lkjip_xl.headers import normalize, text
from lkjip_xl.numbers import BadNumber, parse_amount, parse_indicator
from lkjip_xl.read import BUDGET_ROLES, MONTHS, Reading, Sheet
from lkjip_xl.schemas_io import schema_path

AMOUNTS = ("pagu", "pagu_next", "realisasi", "realisasi_bulan_ini")
COLUMN_LABELS = {"pagu": "Pagu/Anggaran", "pagu_next": "Anggaran tahun berikut", "realisasi": "Realisasi",
                 "realisasi_bulan_ini": "Realisasi bulan ini", "target": "Target", "capaian": "Capaian",
                 "kode": "Kode", "uraian": "Uraian", "indikator": "Indikator"}
_CHECK_CODES = {"str_matches": "bad-kode", "greater_than_or_equal_to": "negative-amount",
                "column_in_dataframe": "missing-column"}


@dataclass(frozen=True)
class Val:
    value: Decimal | None
    cell: str | None
    text: str = ""


@dataclass
class BudgetSheet:
    sheet: Sheet
    df: pd.DataFrame          # index = Excel row; see _budget() for columns
    amounts: list[str]
    has_rekening: bool
    month: int | None


@dataclass
class Indicator:
    row: int
    no: str
    tujuan: str
    sasaran: str
    indikator: str
    satuan: str = ""
    negative: bool = False
    kumulatif: bool = False
    sumber_data: str = ""
    analisis: str = ""
    solusi: str = ""
    target_akhir: Val | None = None
    target_akhir_year: int | None = None
    years: dict[int, dict[str, Val]] = field(default_factory=dict)


@dataclass
class IndicatorSheet:
    sheet: Sheet
    rows: list[Indicator]
    renstra: bool


@dataclass
class ProgramIndicator:
    row: int
    kode: str | None
    program: str
    indikator: str
    satuan: str
    sasaran: str
    target: Val
    realisasi: Val
    capaian: Val
    cell_program: str | None


@dataclass
class ProgramIndicatorSheet:
    sheet: Sheet
    rows: list[ProgramIndicator]


@dataclass
class Validated:
    budgets: list[BudgetSheet]
    indicators: list[IndicatorSheet]
    programs: list[ProgramIndicatorSheet]
    findings: list[Finding]
    tahun: int | None


@lru_cache(maxsize=None)
def schema(role: str):
    import pandera.pandas as pa

    return pa.DataFrameSchema.from_yaml(schema_path(f"{role}.yaml"))


def _pandera_findings(bs_sheet: Sheet, df: pd.DataFrame, role: str) -> tuple[list[Finding], set]:
    import pandera.errors

    try:
        schema(role).validate(df, lazy=True)
        return [], set()
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    out, bad_rows = [], set()
    for case in cases.itertuples(index=False):
        check = str(case.check).split("(")[0]
        code = _CHECK_CODES.get(check)
        if code is None:
            continue
        if code == "missing-column":
            out.append(Finding(code, {"role": role, "column": COLUMN_LABELS.get(str(case.failure_case), case.failure_case)},
                               **bs_sheet.place()))
            continue
        row = int(case.index)
        column = str(case.column)
        if code == "bad-kode":
            bad_rows.add(row)      # a row that cannot be placed is left out; a negative amount still counts
        kode = df.at[row, "kode"] if "kode" in df else None
        params = {"text": case.failure_case, "column": COLUMN_LABELS.get(column, column)}
        out.append(Finding(code, params, **bs_sheet.place(), cell=bs_sheet.cell(row, column if column in bs_sheet.cols else "kode#0"),
                           kode=kode if code != "bad-kode" else None, actual=case.failure_case))
    return out, bad_rows


class _Cells:
    """Parses one sheet's cells and remembers what could not be parsed."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.findings: list[Finding] = []
        self.bad_rows: set[int] = set()      # rows whose code or month is unknown: not added up

    def formula(self, row: int, column: str) -> bool:
        """A cell whose value is unknown (a formula never calculated, or an Excel error): say so."""
        c = self.sheet.cols.get(column)
        f = self.sheet.formulas.get((row - 1, c)) if c is not None else None
        error = self.sheet.errors.get((row - 1, c)) if c is not None else None
        if error is not None:
            self.findings.append(Finding("error-value", {"error": error}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, column), actual=error))
            return True
        if f is None:
            return False
        self.findings.append(Finding("formula-without-value", {"formula": f}, **self.sheet.place(),
                                     cell=self.sheet.cell(row, column)))
        return True

    def amount(self, row: int, column: str, value):
        """int/Decimal; None for an empty cell (a subtotal nobody stated), 0 for '-'."""
        if self.formula(row, column):
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_amount(value)
        except BadNumber:
            self._bad(row, column, value)
            return None

    def indicator(self, row: int, column: str | None, value) -> Val:
        if column is None:
            return Val(None, None)
        cell = self.sheet.cell(row, column)
        if self.formula(row, column):
            return Val(None, cell)
        try:
            number = parse_indicator(value)
        except BadNumber:
            self._bad(row, column, value)
            return Val(None, cell, text(value))
        percent = (row - 1, self.sheet.cols[column]) in self.sheet.percent
        if number is not None and percent and not isinstance(value, str):
            number *= 100      # a cell formatted 0.00% holds 0.9421 and shows 94,21
        return Val(number, cell, text(value))

    def kode(self, row: int, columns: list[str], values, account: bool = False) -> str | None:
        """One code from one cell or from parts over several columns; None and a finding if unsure."""
        parts = []
        for column, value in zip(columns, values):
            try:
                parts.append(codes.clean(value, account=account))
            except codes.BadKode:
                self.findings.append(Finding("bad-kode", {"text": text(value)}, **self.sheet.place(),
                                             cell=self.sheet.cell(row, column), actual=text(value)))
                self.bad_rows.add(row)
                return None
        return codes.join_parts(parts)

    def year(self, row: int, column: str, value, needed: bool) -> int | None:
        """A Tahun cell of a long indicator sheet: 2024, '2024', 'TA 2024'; a finding if unsure."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value == int(value) and 1990 <= value <= 2100:
                return int(value)
        years = set(re.findall(r"\b(?:19|20)\d\d\b", text(value)))
        if len(years) == 1:
            return int(years.pop())
        if needed or text(value):
            self.findings.append(Finding("bad-number", {"text": text(value), "column": "Tahun"}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, column), actual=text(value)))
        return None

    def polarity(self, row: int, value: str) -> bool:
        """Negative polarity? Blank means positive (the usual case); unknown text is said, then positive."""
        negative = _polarity(value) if value else False
        if negative is None:
            self.findings.append(Finding("bad-polaritas", {"text": value}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, "polaritas"), actual=value))
        return bool(negative)

    def month(self, row: int, value) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        m = _month(value)
        if m is None:
            self.findings.append(Finding("bad-month", {"text": text(value)}, **self.sheet.place(),
                                         cell=self.sheet.cell(row, "bulan"), actual=text(value)))
            self.bad_rows.add(row)
        return m

    def _bad(self, row, column, value):
        label = COLUMN_LABELS.get(column.split("@")[0], column)
        self.findings.append(Finding("bad-number", {"text": text(value), "column": label}, **self.sheet.place(),
                                     cell=self.sheet.cell(row, column), actual=text(value)))


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
    if "pagu_next" in cols:
        out["pagu_next"] = "pagu_next"
    elif "pagu_next" not in out:
        labelled = sorted((sheet.years[c], c) for c in cols if c.startswith("pagu_next@"))   # "Prakiraan Maju 2025"
        if labelled:
            out["pagu_next"] = labelled[0][1]
    return out


def _month(value) -> int | None:
    """A Bulan cell → 1..12: a date, 3, '03', '2024-03', '03/2024', 'Maret', 'Mar-24'. None if unsure."""
    if value in (None, "") or isinstance(value, bool):
        return None
    if hasattr(value, "month"):
        return value.month
    if isinstance(value, (int, float)):
        return int(value) if value == int(value) and 1 <= value <= 12 else None
    norm = normalize(value)
    m = re.fullmatch(r"(?:(?:19|20)\d\d )?(\d{1,2})(?: (?:19|20)\d\d)?", norm)
    if m:
        return int(m.group(1)) if 1 <= int(m.group(1)) <= 12 else None
    named = {MONTHS[w] for w in norm.split() if w in MONTHS}
    return named.pop() if len(named) == 1 else None     # 'Januari s.d. Maret' names no single month


def _budget(sheet: Sheet, tahun: int | None) -> tuple[BudgetSheet, list[Finding]]:
    raw = sheet.frame
    cells = _Cells(sheet)
    picked = _pick_amount_columns(sheet, tahun)
    kode_cols = sorted((c for c in raw.columns if c.startswith("kode#")), key=lambda c: int(c.split("#")[1]))
    sheet.cols["kode"] = sheet.cols.get("kode#0")
    index = raw.index
    kode = [cells.kode(r, kode_cols, parts) for r, *parts in zip(index, *(raw[c] for c in kode_cols))] \
        if kode_cols else [None] * len(index)
    df = pd.DataFrame({"kode": pd.Series(kode, index=index, dtype=object)})
    if "kode_rekening" in raw:
        # object dtype: pandas would turn the blanks into NaN, which is truthy
        df["kode_rekening"] = pd.Series([cells.kode(r, ["kode_rekening"], [v], account=True)
                                         for r, v in zip(index, raw["kode_rekening"])], index=index, dtype=object)
    uraian_cols = [c for c in raw.columns if c == "uraian" or c.startswith("uraian#")]
    df["uraian"] = [next((text(v) for v in vals if text(v)), "") for vals in zip(*(raw[c] for c in uraian_cols))] \
        if uraian_cols else ""
    for name in ("uraian_program", "uraian_kegiatan", "uraian_sub", "nama_rekening", "indikator", "satuan"):
        if name in raw:
            df[name] = [text(v) for v in raw[name]]
    for name in ("target",):
        col = name if name in raw else next((c for c in raw.columns if c.startswith(name + "@")), None)
        if col:
            df[name] = [text(v) for v in raw[col]]
    for canon, col in picked.items():
        sheet.cols[canon] = sheet.cols[col]
        df[canon] = pd.Series([cells.amount(r, col, v) for r, v in zip(index, raw[col])], index=index, dtype=object)
    if "bulan" in raw:
        df["bulan"] = pd.Series([cells.month(r, v) for r, v in zip(index, raw["bulan"])], index=index, dtype=object)
    df["_total"] = raw["_total"] if "_total" in raw else None
    amounts = [a for a in AMOUNTS if a in df]
    if sheet.role == "realisasi" and "realisasi" not in df and "realisasi_bulan_ini" in df:
        amounts.append("realisasi")   # derived later from monthly amounts
    findings, bad_rows = _pandera_findings(sheet, df, sheet.role)
    findings = cells.findings + findings
    bad_rows |= cells.bad_rows
    if sheet.role == "realisasi" and not {"realisasi", "realisasi_bulan_ini"} & set(df.columns):
        findings.append(Finding("missing-column", {"role": sheet.role, "column": COLUMN_LABELS["realisasi"]}, **sheet.place()))
    df["kind"], df["sub"] = _classify(df, bad_rows, sheet, findings)
    has_rek = bool((df["kind"] == "rek").any())
    return BudgetSheet(sheet, df, [a for a in AMOUNTS if a in df], has_rek, sheet.month), findings


def _classify(df: pd.DataFrame, bad_rows: set, sheet: Sheet, findings: list[Finding]):
    """Each row: 'node' (program…sub kegiatan), 'rek' (rekening line), 'rek_sum' (an account above other
    accounts of its sub kegiatan: 5, 5.1, 5.1.02 … as SIPD prints them, a stated subtotal, not a line),
    'total', or '' (ignored)."""
    kinds, subs, accounts = [], [], []
    current_sub = None
    amount_cols = [a for a in AMOUNTS if a in df]
    rek_col = df["kode_rekening"] if "kode_rekening" in df else [None] * len(df)
    kodes = list(df["kode"])
    for i, (row, kode, rek, total, *amts) in enumerate(zip(df.index, kodes, rek_col, df["_total"],
                                                           *(df[a] for a in amount_cols))):
        kinds.append("")
        subs.append(None)
        accounts.append(None)
        if row in bad_rows:
            continue
        if kode and (codes.is_account(kode) or _account_root(kode, kodes[i + 1:])):
            rek, kode = kode, None
        if rek and (kode or current_sub):
            kinds[-1], subs[-1], accounts[-1] = "rek", kode or current_sub, rek
            continue
        if kode:
            if codes.level(kode) == 6:
                current_sub = kode
            kinds[-1], subs[-1] = "node", kode
            continue
        if isinstance(total, str) and total:
            kinds[-1] = "total"
            continue
        nonzero = [(a, v) for a, v in zip(amount_cols, amts) if v]
        if nonzero:
            label = df.at[row, "uraian"] or total or ""
            a, v = nonzero[0]
            findings.append(Finding("row-without-kode", {"text": label or "(tanpa uraian)", "column": COLUMN_LABELS[a]},
                                    **sheet.place(), cell=sheet.cell(row, a), actual=v))
    under: dict[str, set[str]] = {}
    for kind, sub, acc in zip(kinds, subs, accounts):
        if kind == "rek":
            under.setdefault(sub, set()).add(acc)
    for i, (kind, sub, acc) in enumerate(zip(kinds, subs, accounts)):
        if kind == "rek" and any(o.startswith(acc + ".") for o in under[sub]):
            kinds[i] = "rek_sum"
    return kinds, subs


def _account_root(kode: str, following: list) -> bool:
    """A bare 4/5/6 heads the accounts (5 BELANJA DAERAH) when the next code is one of them (5.1);
    before a bidang (5.01) it is an urusan."""
    nxt = next((k for k in following if k), None)
    return kode in ("4", "5", "6") and nxt is not None and nxt.startswith(kode + ".") and codes.is_account(nxt)


_NEGATIVE = ("neg", "semakin rendah", "makin rendah", "menurun", "turun", "minimal", "minimum", "min", "rendah")
_POSITIVE = ("pos", "semakin tinggi", "makin tinggi", "meningkat", "naik", "maksimal", "maksimum", "max", "tinggi")


def _polarity(value) -> bool | None:
    """True for negative polarity, False for positive, None when the text says neither."""
    norm = normalize(value)
    if norm.startswith(_NEGATIVE):
        return True
    if norm.startswith(_POSITIVE) or text(value) == "+":
        return False
    return None


def _kumulatif(value) -> bool:
    return normalize(value).startswith("kumulatif")


def _indicators(sheet: Sheet, tahun: int | None) -> tuple[IndicatorSheet, list[Finding]]:
    raw = sheet.frame
    cells = _Cells(sheet)
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
                        satuan=g("satuan"), negative=cells.polarity(r, g("polaritas")), kumulatif=_kumulatif(g("jenis")),
                        sumber_data=g("sumber_data"), analisis=g("analisis"), solusi=g("solusi"))
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
    rows = _merge_long(rows)
    long = pd.DataFrame({"indikator": [i.indikator for i in rows for _ in (i.years or {0: 0})],
                         "tahun": [y for i in rows for y in (i.years or {own_year or 0: 0})]},
                        index=[i.row for i in rows for _ in (i.years or {0: 0})])
    findings, _ = _pandera_findings(sheet, long, "indikator") if rows else ([], set())
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


def _programs(sheet: Sheet, tahun: int | None) -> tuple[ProgramIndicatorSheet, list[Finding]]:
    raw = sheet.frame
    cells = _Cells(sheet)
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
    sheet.cols["kode"] = sheet.cols.get("kode#0")
    df = pd.DataFrame({"indikator": [p.indikator for p in rows], "kode": [p.kode for p in rows]},
                      index=[p.row for p in rows], dtype=object)
    findings, _ = _pandera_findings(sheet, df, "indikator_program") if rows else ([], set())
    return ProgramIndicatorSheet(sheet, rows), cells.findings + findings


def validate(reading: Reading, settings: Settings) -> Validated:
    budgets, indicators, programs, findings = [], [], [], list(reading.findings)
    for sheet in reading.sheets:
        if sheet.role is None:
            continue
        if sheet.frame is None:
            spec_required = {"dpa": "Kode", "renja": "Kode", "realisasi": "Realisasi", "indikator": "Indikator",
                             "indikator_program": "Indikator"}
            findings.append(Finding("missing-column", {"role": sheet.role, "column": spec_required[sheet.role]}, **sheet.place()))
            continue
        if sheet.role in BUDGET_ROLES:
            b, f = _budget(sheet, reading.tahun)
            if not any(x.code == "missing-column" for x in f):
                budgets.append(b)
        elif sheet.role == "indikator":
            b, f = _indicators(sheet, reading.tahun)
            indicators.append(b)
        else:
            b, f = _programs(sheet, reading.tahun)
            programs.append(b)
        findings.extend(f)
    return Validated(budgets, indicators, programs, findings, reading.tahun)
