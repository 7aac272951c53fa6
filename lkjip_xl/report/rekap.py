"""The consolidation workbook of a kabupaten (`batch`): one row per office, every office's findings,
every office's IKU — drawn from plain per-office records.

The records are defined here, as plain data (strings, ints, Decimals), because they travel: a worker
process or a Dask worker builds one per office and sends it back; the parent only sorts them by
folder and lays them out, so the workbook does not depend on who ran which office.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkjip_xl.check.indicators import serapan as ratio_pct
from lkjip_xl.messages import LANGS, catalogue, month_name
from lkjip_xl.report import formulas as fx
from lkjip_xl.report.layout import Column, Formula, Link, Table

__all__ = ["OfficeFinding", "OfficeIKU", "Office", "rekap_tables", "kabupaten_totals"]


@dataclass(frozen=True)
class OfficeFinding:
    severity: str
    code: str
    message: str            # already in the run's language
    file: str | None
    sheet: str | None
    cell: str | None
    kode: str | None


@dataclass(frozen=True)
class OfficeIKU:
    sasaran: str
    indikator: str
    satuan: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None
    capaian_expr: str | None = None   # Excel formula with {T} and {R} for the target and realisasi cells
    predikat_expr: str | None = None  # Excel formula with {C} for the capaian cell
    color: str | None = None


@dataclass
class Office:
    """What one office's run hands back to the batch: plain data only."""
    folder: str                     # the subfolder's name: the sort key
    path: str                       # the subfolder, absolute
    exit: int                       # 0, 1 or 2 as `build` would exit
    message: str | None = None      # the exit-2 message of an unusable office
    instansi: str | None = None
    kabupaten: str | None = None
    tahun: int | None = None
    pagu: int | Decimal | None = None
    realisasi: int | Decimal | None = None
    serapan: Decimal | None = None
    bulan: int | None = None        # the latest month of realisasi
    rencana: int | Decimal | None = None   # anggaran kas planned up to that month, when given
    errors: int = 0
    warnings: int = 0
    predikat: dict[str, int] = field(default_factory=dict)   # IKU count per predikat label, scale order
    findings: list[OfficeFinding] = field(default_factory=list)
    ikus: list[OfficeIKU] = field(default_factory=list)
    totals: dict | None = None      # `check --json` totals of the office
    output: str | None = None       # the office's report workbook
    inputs: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return self.exit in (0, 1)


def _labels(lang: str) -> dict:
    """The consolidation workbook's labels in `lang`, from the catalogue (schemas/messages.yaml `rekap:`)."""
    words = catalogue()["rekap"]
    out: dict = {}
    for key, text in words.items():
        head, _, sub = key.partition("-")
        if head == "sev":
            out.setdefault("sev", {})[sub] = text[lang]
        else:
            out[key] = text[lang]
    return out


_SEV_FILL = {"error": "#F4CCCC", "warning": "#FFF2CC"}
# Excel keeps at most 65,530 links on a sheet and 1,048,576 rows: a province-wide run can pass both
_MAX_LINKS = 65_000
_MAX_ROWS = 1_000_000
_BAD_FILL = "#F4CCCC"
_MIXED_FILL = "#FFF2CC"     # a month before the latest: its serapan is not comparable with the others


def _month(m: int | None, lang: str) -> str | None:
    return month_name(m, lang) if m and 1 <= m <= 12 else None


def kabupaten_totals(offices: list[Office]) -> dict:
    """Pagu, realisasi, serapan (and rencana when any office has one) over the usable offices."""
    usable = [o for o in offices if o.usable]
    pagu = sum((o.pagu or 0 for o in usable), 0)
    real = sum((o.realisasi or 0 for o in usable), 0)
    has_real = any(o.serapan is not None for o in usable)
    planned = [o.rencana for o in usable if o.rencana is not None]
    return {"pagu": pagu, "realisasi": real, "serapan": ratio_pct(pagu, real) if has_real else None,
            "rencana": sum(planned, 0) if planned else None}


def _title(kind: str, kabupaten: str | None, tahun: int | None, lang: str) -> list[str]:
    t = _labels(lang)
    return [t[kind], t["kab"].format(name=kabupaten or "-"), t["tahun"].format(tahun=tahun or "-")]


def rekap_tables(offices: list[Office], kabupaten: str | None, tahun: int | None, labels: list[str],
                 out_dir: Path, lang: str = "id", names: dict[str, str] | None = None) -> list[Table]:
    """The three sheets, offices in folder order. `labels`: the predikat columns, in scale order;
    `names`: a label's header in `lang` (a label not in it is its own header)."""
    lang = lang if lang in LANGS else "id"
    offices = sorted(offices, key=lambda o: o.folder)
    return [_rekap(offices, kabupaten, tahun, labels, lang, names or {}), _temuan(offices, kabupaten, tahun, out_dir, lang),
            _capaian(offices, kabupaten, tahun, lang)]


def _rank(values: list[Decimal | None]) -> list[int | None]:
    """Excel's RANK (descending): 1 + how many are strictly higher; blanks are not ranked."""
    present = sorted(v for v in values if v is not None)
    return [None if v is None else 1 + len(present) - bisect_right(present, v) for v in values]


def _rekap(offices: list[Office], kabupaten, tahun, labels: list[str], lang: str, names: dict[str, str]) -> Table:
    t = _labels(lang)
    kas = any(o.rencana is not None for o in offices if o.usable)
    cols = [Column("no", t["no"], "center", 5), Column("folder", t["folder"], "wrap", 18),
            Column("instansi", t["instansi"], "wrap", 32), Column("bulan", t["bulan"], "center", 12),
            Column("pagu", t["pagu"], "money", 19), Column("realisasi", t["realisasi"], "money", 19),
            Column("serapan", t["serapan"], "pct", 10), Column("rank", t["rank"], "int", 10)]
    if kas:
        cols += [Column("rencana", t["rencana"], "money", 19), Column("rencana_pct", t["rencana_pct"], "pct", 10),
                 Column("deviasi", t["deviasi"], "pct", 10)]
    cols += [Column("errors", t["errors"], "int", 10), Column("warnings", t["warnings"], "int", 11)]
    pred_keys = [f"p{i}" for i in range(len(labels))]
    cols += [Column(k, names.get(label, label), "int", 10) for k, label in zip(pred_keys, labels)]
    cols.append(Column("ket", t["ket"], "wrap", 40))
    groups = [(t["predikat"], pred_keys[0], pred_keys[-1])] if pred_keys else []
    table = Table("Rekap OPD", _title("rekap", kabupaten, tahun, lang), cols, groups=groups)
    n = len(offices)
    ranks = _rank([o.serapan if o.usable else None for o in offices])
    for i, o in enumerate(offices):
        row: dict = {"no": i + 1, "folder": o.folder, "instansi": o.instansi}
        if o.usable:
            row.update({"bulan": _month(o.bulan, lang), "pagu": o.pagu, "realisasi": o.realisasi,
                        "errors": o.errors, "warnings": o.warnings})
            row.update({k: o.predikat.get(label, 0) for k, label in zip(pred_keys, labels)})
            row["ket"] = (t["has_errors"].format(n=o.errors) if o.errors else
                          t["clean"] if o.serapan is not None else t["no_real"])
        else:
            row["ket"] = t["unusable"].format(msg=o.message)
        r = table.add(row)
        if not o.usable:
            table.fills[(r, "ket")] = _BAD_FILL
            continue
        if o.errors:
            table.fills[(r, "errors")] = _BAD_FILL
        if o.serapan is not None and o.pagu:
            table.rows[r][table.col("serapan")] = Formula(fx.ratio(table.ref(r, "realisasi"), table.ref(r, "pagu")),
                                                          o.serapan)
            rng = f"{table.ref(0, 'serapan', True)}:{table.ref(n - 1, 'serapan', True)}"
            table.rows[r][table.col("rank")] = Formula(f"RANK({table.ref(r, 'serapan')},{rng})", ranks[i])
        if kas and o.rencana is not None:
            _kas_cells(table, r, o.pagu, o.rencana)
    _total_row(table, offices, dict(zip(pred_keys, labels)), kas, lang)
    table.notes = [t["note_rank"], t["note_total"]]
    # offices whose realisasi runs to different months: the ranking and the kabupaten total mix
    # months, which the reader must be told (the total row's month says the range)
    months = sorted({o.bulan for o in offices if o.usable and o.serapan is not None and o.bulan})
    if months:
        total = len(table.rows) - 1
        table.rows[total][table.col("bulan")] = _month(months[0], lang) if len(months) == 1 else \
            t["months_mixed"].format(first=_month(months[0], lang), last=_month(months[-1], lang))
    if len(months) > 1:
        table.fills[(len(table.rows) - 1, "bulan")] = _MIXED_FILL
        for r, o in enumerate(offices):
            if o.usable and o.serapan is not None and o.bulan and o.bulan != months[-1]:
                table.fills[(r, "bulan")] = _MIXED_FILL
        table.notes.insert(0, t["note_months"].format(months=", ".join(_month(m, lang) for m in months),
                                                      latest=_month(months[-1], lang)))
    return table


def _kas_cells(table: Table, r: int, pagu, rencana) -> None:
    table.rows[r][table.col("rencana")] = rencana
    if not pagu:
        return
    planned = ratio_pct(pagu, rencana)
    table.rows[r][table.col("rencana_pct")] = Formula(fx.ratio(table.ref(r, "rencana"), table.ref(r, "pagu")), planned)
    done = table.rows[r][table.col("serapan")]
    if isinstance(done, Formula):
        # realisasi % − rencana %, both as shown, as the office's RFK sheet and `check --json` give it
        table.rows[r][table.col("deviasi")] = Formula(
            f"ROUND({table.ref(r, 'serapan')}-{table.ref(r, 'rencana_pct')},2)", done.value - planned)


def _total_row(table: Table, offices: list[Office], pred_labels: dict[str, str], kas: bool, lang: str) -> None:
    n = len(offices)
    usable = [i for i, o in enumerate(offices) if o.usable]
    row: dict = {"instansi": _labels(lang)["total"]}

    def column_sum(key: str, values):
        cells = f"{table.ref(0, key)}:{table.ref(n - 1, key)}"
        return Formula(f"SUM({cells})", sum((v for v in values if v is not None), 0))

    sums = {"pagu": [offices[i].pagu for i in usable], "realisasi": [offices[i].realisasi for i in usable],
            "errors": [offices[i].errors for i in usable], "warnings": [offices[i].warnings for i in usable]}
    if kas:
        sums["rencana"] = [offices[i].rencana for i in usable]
    for key, label in pred_labels.items():
        sums[key] = [offices[i].predikat.get(label, 0) for i in usable]
    for key, values in sums.items():
        row[key] = column_sum(key, values)
    r = table.add(row, "total")
    totals = kabupaten_totals(offices)
    if totals["serapan"] is not None and totals["pagu"]:
        table.rows[r][table.col("serapan")] = Formula(fx.ratio(table.ref(r, "realisasi"), table.ref(r, "pagu")),
                                                      totals["serapan"])
    # a kabupaten deviasi only when every office gave its plan: otherwise the offices without one
    # would count in the realisasi and pagu but not in the rencana
    if kas and totals["pagu"] and all(offices[i].rencana is not None for i in usable if offices[i].pagu):
        _kas_cells(table, r, totals["pagu"], totals["rencana"])
        table.rows[r][table.col("rencana")] = row["rencana"]


def _link(base: Path, f: OfficeFinding, out_dir: Path) -> Link | str | None:
    if not f.cell:
        return None
    if not f.file or not f.file.lower().endswith((".xlsx", ".xlsm", ".xls")):
        return f.cell
    try:
        rel = os.path.relpath(base / f.file, out_dir).replace(os.sep, "/")
    except ValueError:          # another drive on Windows: no relative path
        return f.cell
    sheet = (f.sheet or "").replace("'", "''")
    return Link(f"external:{rel}#'{sheet}'!{f.cell}", f.cell)


def _temuan(offices: list[Office], kabupaten, tahun, out_dir: Path, lang: str) -> Table:
    t = _labels(lang)
    table = Table("Temuan OPD", _title("temuan", kabupaten, tahun, lang), [
        Column("no", t["no"], "center", 5), Column("instansi", t["instansi"], "wrap", 26),
        Column("tingkat", t["tingkat"], "center", 12), Column("code", t["code"], "text", 20),
        Column("pesan", t["pesan"], "wrap", 64), Column("berkas", t["berkas"], "wrap", 26),
        Column("lembar", t["lembar"], "wrap", 16), Column("sel", t["sel"], "center", 8),
        Column("kode", t["kode"], "text", 18)])
    n = 0
    for o in offices:
        for f in o.findings:
            if f.severity not in _SEV_FILL:
                continue
            n += 1
            if n > _MAX_ROWS:
                continue
            sel = _link(Path(o.path), f, out_dir) if n <= _MAX_LINKS else f.cell
            r = table.add({"no": n, "instansi": o.instansi or o.folder, "tingkat": t["sev"][f.severity],
                           "code": f.code, "pesan": f.message, "berkas": f.file, "lembar": f.sheet,
                           "sel": sel, "kode": f.kode})
            table.fills[(r, "tingkat")] = _SEV_FILL[f.severity]
    if not n:
        table.add({"pesan": t["none"]})
    elif n > _MAX_ROWS:
        table.notes.append(t["more"].format(n=n - _MAX_ROWS))
    return table


def _capaian(offices: list[Office], kabupaten, tahun, lang: str) -> Table:
    t = _labels(lang)
    table = Table("Capaian IKU OPD", _title("iku", kabupaten, tahun, lang), [
        Column("no", t["no"], "center", 5), Column("instansi", t["instansi"], "wrap", 26),
        Column("sasaran", t["sasaran"], "wrap", 30), Column("indikator", t["indikator"], "wrap", 36),
        Column("satuan", t["satuan"], "center", 10), Column("target", t["target"], "num", 12),
        Column("realisasi", t["real_iku"], "num", 12), Column("capaian", t["capaian"], "pct", 11),
        Column("predikat", t["pred"], "center", 14)])
    n = 0
    for o in offices:
        for k in o.ikus:
            n += 1
            if n > _MAX_ROWS:
                continue
            r = table.add({"no": n, "instansi": o.instansi or o.folder, "sasaran": k.sasaran,
                           "indikator": k.indikator, "satuan": k.satuan, "target": k.target,
                           "realisasi": k.realisasi})
            if k.capaian is not None:
                cap = (Formula(k.capaian_expr.replace("{T}", table.ref(r, "target"))
                               .replace("{R}", table.ref(r, "realisasi")), k.capaian)
                       if k.capaian_expr and k.target is not None and k.realisasi is not None else k.capaian)
                table.rows[r][table.col("capaian")] = cap
            if k.predikat is not None:
                table.rows[r][table.col("predikat")] = (
                    Formula(k.predikat_expr.replace("{C}", table.ref(r, "capaian")), k.predikat)
                    if k.predikat_expr and isinstance(table.rows[r][table.col("capaian")], Formula) else k.predikat)
                if k.color:
                    table.fills[(r, "predikat")] = k.color
    if not n:
        table.add({"indikator": t["no_iku"]})
    elif n > _MAX_ROWS:
        table.notes.append(t["more"].format(n=n - _MAX_ROWS))
    return table
