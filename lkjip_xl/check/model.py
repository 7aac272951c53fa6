"""The typed sheets that validation makes of read's raw frames: what check/ and report/ work on."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pandas as pd

from lkjip_xl.findings import Finding
from lkjip_xl.messages import Month, Text, catalogue, month_names
from lkjip_xl.read.sheets import Sheet


MONTH_LABELS = tuple(month_names("id"))
QUARTER_LABELS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
QUARTERS = ("I", "II", "III", "IV")
# an anggaran kas sheet's amount columns: the plan of each month, of each quarter, and the row total
KAS_AMOUNTS = tuple(f"kas_{m}" for m in range(1, 13)) + tuple(f"kas_tw{q}" for q in range(1, 5)) + ("kas_total",)
AMOUNTS = ("pagu", "pagu_next", "realisasi", "realisasi_bulan_ini") + KAS_AMOUNTS


def column_label(column: str) -> Text | str:
    """A column as findings name it: the catalogue's `column-<name>` fragment (the header the user
    sees, per language); a month's own realisasi when months are columns (bulanan:03); an anggaran
    kas month or quarter; or the field name itself for a column without one."""
    name = str(column).split("@")[0]
    if name.startswith("bulanan:"):
        return Text("column-bulanan", month=Month(int(name.split(":")[1])))
    if re.fullmatch(r"kas_tw[1-4]", name):
        return Text("column-kas-quarter", quarter=QUARTERS[int(name[-1]) - 1])
    if re.fullmatch(r"kas_\d+", name):
        return Text("column-kas-month", month=Month(int(name[4:])))
    return Text(f"column-{name}") if f"column-{name}" in catalogue()["fragments"] else str(column)


def typed_view(sheet: Sheet, **columns: int | None) -> Sheet:
    """read's sheet as validation sees it: the same data, and its column map extended with the typed
    frame's columns (kode, pagu...) so that a finding on them names its cell. read's own Sheet is
    left as read made it."""
    return replace(sheet, cols={**sheet.cols, **columns})


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
    ints: dict = field(default_factory=dict)   # amount → (int64 values, present mask), when all fit
    # df column → (code of each row, distinct values): kode, kode_rekening, sub, kind, bulan and the
    # names, so that reconcile groups 500,000 rows by integers instead of hashing their text again
    codes: dict = field(default_factory=dict)
    # amount → {position in df: the bad-number/formula/error finding}: cells whose value is unknown
    unknown: dict = field(default_factory=dict)
    # position in df → the bad-kode finding of a rekening line whose account cannot be read: the line
    # still counts for its sub kegiatan (its amount is known); its account and jenis are unknown
    unknown_account: dict = field(default_factory=dict)
    # a code under which a node whose own code cannot be read stood (its kegiatan, for a sub kegiatan)
    # → that node's bad-kode: what other documents list under it may be that node (not missing-in-dpa)
    unplaced: dict = field(default_factory=dict)


@dataclass
class Indicator:
    row: int
    no: str
    tujuan: str
    sasaran: str
    indikator: str
    satuan: str = ""
    negative: bool = False
    polaritas_cell: str | None = None    # where the sheet states the polarity; None: not stated (blank or no column)
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
    kas: list[BudgetSheet] = field(default_factory=list)     # anggaran kas sheets (check/kas.py)
