"""The typed sheets that validation makes of read's raw frames: what check/ and report/ work on."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from lkjip_xl.findings import Finding
from lkjip_xl.read.sheets import MONTH_NAMES, Sheet


MONTH_LABELS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                "November", "Desember")
QUARTER_LABELS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
# an anggaran kas sheet's amount columns: the plan of each month, of each quarter, and the row total
KAS_AMOUNTS = tuple(f"kas_{m}" for m in range(1, 13)) + tuple(f"kas_tw{q}" for q in range(1, 5)) + ("kas_total",)
AMOUNTS = ("pagu", "pagu_next", "realisasi", "realisasi_bulan_ini") + KAS_AMOUNTS
COLUMN_LABELS = {**{f"kas_{m}": f"Anggaran kas {name}" for m, name in enumerate(MONTH_LABELS, 1)},
                 **{f"kas_tw{q}": f"Anggaran kas {name}" for q, name in enumerate(QUARTER_LABELS, 1)},
                 "kas_total": "Jumlah anggaran kas", "realisasi_fisik": "Realisasi fisik",
                 "pagu": "Pagu/Anggaran", "pagu_next": "Anggaran tahun berikut", "realisasi": "Realisasi",
                 "realisasi_bulan_ini": "Realisasi bulan ini", "target": "Target", "capaian": "Capaian",
                 "kode": "Kode", "uraian": "Uraian", "indikator": "Indikator"}
# months as columns (Januari … Desember): each month's own realisasi, named as the header says
COLUMN_LABELS.update({f"bulanan:{m:02d}": f"Realisasi {name}" for m, name in enumerate(MONTH_NAMES) if m})


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
    kas: list[BudgetSheet] = field(default_factory=list)     # anggaran kas sheets (check/kas.py)
