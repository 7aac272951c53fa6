"""Budget reconciliation: roll sub-kegiatan up to kegiatan, program and total in every sheet,
check every stated subtotal and total, then compare the documents with each other.

Money stays int/Decimal. A stated subtotal is compared with the sum of the most detailed lines
beneath it (not with the stated subtotals of its children), so one wrong cell is one finding.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lkjip_xl import codes
from lkjip_xl.findings import Finding
from lkjip_xl.headers import normalize
from lkjip_xl.read import MONTH_NAMES
from lkjip_xl.validate import COLUMN_LABELS, BudgetSheet, Validated


@dataclass
class SheetSums:
    """What one budget sheet says, after its own checks."""
    bs: BudgetSheet
    leaves: dict[str, dict[str, object]]          # sub-kegiatan (or deepest code) → amount column → sum
    rows: dict[str, int]                          # code → the Excel row to point at
    names: dict[str, str]                         # code → uraian as written
    info: dict[str, dict[str, str]]               # code → indikator/target/satuan as written
    jenis: dict[str, object]                      # jenis belanja → pagu (rekening sheets)
    months: dict[int, dict[str, object]] = field(default_factory=dict)   # long format: month → code → cumulative
    month_rows: dict[tuple[int, str], int] = field(default_factory=dict)  # long format: (month, code) → row

    @property
    def label(self) -> str:
        return f"{self.bs.sheet.file} › {self.bs.sheet.name}"


@dataclass
class Budget:
    tahun: int | None
    codes: list[str]                       # every program/kegiatan/sub code, in code order
    names: dict[str, str]
    info: dict[str, dict[str, str]]
    pagu: dict[str, object]                # sub code → pagu (primary DPA)
    pagu_next: dict[str, object]
    realisasi: dict[str, object]           # sub code → year-to-date realisasi
    monthly: dict[int, dict[str, object]]  # month → sub code → cumulative realisasi
    latest_month: int | None
    jenis: dict[str, object]
    primary: str | None                    # label of the DPA sheet the totals come from
    has_realisasi: bool

    def subs(self) -> list[str]:
        return [c for c in self.codes if c in self.pagu or c in self.realisasi or c in self.pagu_next]

    def total(self, what: str, under: str | None = None):
        src = getattr(self, what)
        return sum((v for c, v in src.items() if under is None or c == under or c.startswith(under + ".")), 0)

    def programs(self) -> list[str]:
        return [c for c in self.codes if codes.level(c) == 3]


def _diff(a, b):
    return abs((a or 0) - (b or 0))


def _str(v) -> str:
    """Cell text from a frame column; pandas may hold a blank as NaN (truthy), never as text."""
    return v if isinstance(v, str) else ""


def _prefixes(code: str) -> list[str]:
    """The code and every code above it: 7.01.01.2.01 → 7, 7.01, 7.01.01, 7.01.01.2, 7.01.01.2.01."""
    segs = code.split(".")
    return [".".join(segs[:n]) for n in range(1, len(segs) + 1)]


def _under(pagu: dict) -> dict[str, object]:
    """Every code and every code above it → the pagu at or below it."""
    out: dict[str, object] = defaultdict(int)
    for code, v in pagu.items():
        for p in _prefixes(code):
            out[p] += v or 0
    return out


def _month_of(v) -> int | None:
    return None if v is None or v != v or v == "" else int(v)


def _sheet_sums(bs: BudgetSheet, findings: list[Finding]) -> SheetSums:
    """One sheet: its leaves (rekening lines, else the deepest codes), and every stated subtotal and
    total checked against those leaves, never against other stated figures. A long sheet (a Bulan
    column, one block of rows per month) is checked month by month; its leaves are its latest month."""
    sheet, df = bs.sheet, bs.df
    amts = bs.amounts
    place = sheet.place()
    nodes: list[tuple[int, str, dict, int | None]] = []
    rek: list[tuple[int, str, str, dict, int | None]] = []
    rek_sums: list[tuple[int, str, str, dict, int | None]] = []     # SIPD's account subtotals: 5, 5.1, 5.1.02 …
    totals: list[tuple[int, str, dict]] = []
    names, info, rows = {}, {}, {}
    get = lambda name: df[name] if name in df else [None] * len(df)
    it = zip(df.index, df["kind"], df["sub"], df["kode"], df["uraian"], df["_total"], get("kode_rekening"),
             get("uraian_program"), get("uraian_kegiatan"), get("uraian_sub"), get("indikator"), get("target"),
             get("satuan"), get("bulan"), *(df[a] for a in amts))
    for row, kind, sub, kode, uraian, total, krek, up, uk, us, ind, tgt, sat, bulan, *vals in it:
        values = dict(zip(amts, vals))
        month = _month_of(bulan)
        uraian, ind, tgt, sat = _str(uraian), _str(ind), _str(tgt), _str(sat)
        if kind == "node":
            nodes.append((row, kode, values, month))
            if uraian:
                names.setdefault(kode, uraian)
            if ind or tgt or sat:
                info.setdefault(kode, {"indikator": ind, "target": tgt, "satuan": sat})
            rows.setdefault(kode, row)
        elif kind in ("rek", "rek_sum"):
            krek = _str(krek)
            account = krek if krek and codes.is_account(krek) else _str(kode)
            (rek if kind == "rek" else rek_sums).append((row, sub, account, values, month))
            if kind == "rek_sum":
                continue
            rows.setdefault(sub, row)
            for code, name in ((sub, us), (sub.rsplit(".", 1)[0], uk), (".".join(sub.split(".")[:3]), up)):
                if _str(name):
                    names.setdefault(code, _str(name))
                    rows.setdefault(code, row)
        elif kind == "total":
            totals.append((row, total, values))

    # lines: every row that adds up (row, leaf code, amounts, month); stated: rows that claim a sum
    lines = [(row, sub, values, m) for row, sub, _, values, m in rek]
    rek_subs = {(m, sub) for _, sub, _, _, m in rek}
    deeper = {(m, p) for _, kode, _, m in nodes for p in _prefixes(kode)[:-1]}
    stated, seen = [], {}
    for row, kode, values, m in nodes:
        if (m, kode) in deeper or (m, kode) in rek_subs:
            stated.append((row, kode, values, m))
        elif (m, kode) in seen:
            if not rek:
                findings.append(Finding("duplicate-kode", {"other": sheet.cell(seen[m, kode], "kode")}, **place,
                                        cell=sheet.cell(row, "kode"), kode=kode))
        else:
            seen[m, kode] = row
            lines.append((row, kode, values, m))
    sums: dict = defaultdict(lambda: defaultdict(int))
    for _, code, values, m in lines:
        for p in _prefixes(code):
            for a, v in values.items():
                sums[m, p][a] += v or 0
    for row, kode, values, m in stated:
        for a, said in values.items():
            computed = sums[m, kode][a] if (m, kode) in sums else 0
            if said is not None and said != computed:
                findings.append(Finding("subtotal-mismatch", {"level": codes.level_name(kode), "column": COLUMN_LABELS[a],
                                                              "diff": _diff(said, computed)},
                                        **place, cell=sheet.cell(row, a), kode=kode, expected=computed, actual=said))
    accounts = defaultdict(list)
    for _, sub, account, values, m in rek:
        accounts[m, sub].append((account, values))
    for row, sub, account, values, m in rek_sums:
        under = [v for acc, v in accounts[m, sub] if (acc + ".").startswith(account + ".")]
        for a, said in values.items():
            computed = sum((v[a] or 0 for v in under), 0)
            if said is not None and said != computed:
                findings.append(Finding("subtotal-mismatch", {"level": f"Rekening {account} pada Sub Kegiatan",
                                                              "column": COLUMN_LABELS[a], "diff": _diff(said, computed)},
                                        **place, cell=sheet.cell(row, a), kode=sub, expected=computed, actual=said))
    # stated totals: the last covers every line; earlier ones cover the lines since the previous one
    prev = 0
    for i, (row, label, values) in enumerate(totals):
        block = lines if i == len(totals) - 1 else [x for x in lines if prev < x[0] < row]
        for a, said in values.items():
            computed = sum((v[a] or 0 for _, _, v, _ in block), 0)
            if said is not None and said != computed:
                findings.append(Finding("total-mismatch", {"label": label.upper(), "column": COLUMN_LABELS[a],
                                                           "diff": _diff(said, computed)},
                                        **place, cell=sheet.cell(row, a), expected=computed, actual=said))
        prev = row
    last = max((m for *_, m in lines if m is not None), default=None)
    leaves: dict[str, dict] = {}
    for _, code, values, m in lines:
        if m == last:
            slot = leaves.setdefault(code, dict.fromkeys(amts, 0))
            for a, v in values.items():
                slot[a] += v or 0
    jenis: dict[str, object] = defaultdict(int)
    for _, _, account, values, m in rek:
        if m == last:
            jenis[codes.jenis_belanja(account)] += values.get("pagu") or 0
    out = SheetSums(bs, leaves, rows, names, info, dict(jenis) if rek and "pagu" in amts else {})
    if last is not None:
        out.months = _long_months(lines, amts)
        out.month_rows = {(m, c): r for r, c, _, m in reversed(lines)}
    return out


def _long_months(lines, amts) -> dict[int, dict[str, object]]:
    """A long realisasi sheet (Bulan column): month → code → cumulative realisasi, from either the
    cumulative column or, without it, the running sum of the monthly amounts."""
    per: dict[int, dict[str, object]] = defaultdict(lambda: defaultdict(int))
    col = "realisasi" if "realisasi" in amts else "realisasi_bulan_ini"
    for _, code, values, m in lines:
        if m is not None and col in values:
            per[m][code] += values[col] or 0
    out, running = {}, defaultdict(int)
    for m in sorted(per):
        if col == "realisasi":
            out[m] = dict(per[m])
        else:
            for c, v in per[m].items():
                running[c] += v
            out[m] = dict(running)
    return out


def _pick_primary(sums: list[SheetSums]) -> SheetSums | None:
    dpa = [s for s in sums if s.bs.sheet.role == "dpa" and "pagu" in s.bs.amounts]
    if not dpa:
        return None
    return max(dpa, key=lambda s: (s.bs.has_rekening, len(s.leaves)))


def _name_key(s: str) -> str:
    return normalize(s).replace(" ", "")


def _uraian(primary: SheetSums, other: SheetSums, findings, done: set | None = None) -> None:
    """Same code, different name: a warning at the other sheet's uraian cell. Codes in `done` were
    already compared in a later month's sheet and are skipped."""
    sheet = other.bs.sheet
    done = set() if done is None else done
    for code, name in other.names.items():
        mine = primary.names.get(code)
        if code in done or not mine or not name:
            continue
        done.add(code)
        if _name_key(mine) != _name_key(name):
            findings.append(Finding("uraian-mismatch", {"other": primary.label}, **sheet.place(),
                                    cell=sheet.cell(other.rows[code], "uraian") if code in other.rows else None,
                                    kode=code, expected=mine, actual=name))


def _cell(s: SheetSums, code: str, column: str, month: int | None = None) -> str | None:
    row = s.month_rows.get((month, code)) or s.rows.get(code)
    return s.bs.sheet.cell(row, column) if row else None


def _compare_pagu(primary: SheetSums, pagu: dict, in_dpa: dict, s: SheetSums, findings) -> None:
    """Another DPA sheet (a rekap beside the rekening-level DPA) or a Renja, against the primary DPA,
    line by line at the other sheet's own level (a program-level rekap compares program totals).
    Renja differences are expected (it is a plan): warning and info, never error."""
    renja = s.bs.sheet.role == "renja"
    place = s.bs.sheet.place()
    for code in sorted(s.leaves, key=_code_key):
        mine = s.leaves[code].get("pagu", 0)
        if code in in_dpa:
            theirs = in_dpa[code]
        elif renja:
            findings.append(Finding("missing-in-dpa", {"doc": s.label}, **place, cell=_cell(s, code, "kode"),
                                    kode=code, severity="info"))
            continue
        else:
            # a zero-pagu sub kegiatan has no rekening lines, so the detailed DPA cannot list it
            theirs = pagu[code] = 0
            for p in _prefixes(code):
                in_dpa[p] += 0
        if mine != theirs:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": _diff(mine, theirs)}, **place,
                                    cell=_cell(s, code, "pagu"), kode=code, expected=theirs, actual=mine,
                                    severity="warning" if renja else None))
    if not renja:
        covered = {p for c in s.leaves for p in _prefixes(c)}
        for code in sorted(pagu, key=_code_key):
            if pagu[code] and not any(p in s.leaves for p in _prefixes(code)) and code not in covered:
                findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": pagu[code]}, **place,
                                        kode=code, expected=pagu[code], actual=0))


def reconcile_budget(v: Validated) -> tuple[Budget, list[Finding]]:
    findings: list[Finding] = []
    sums = [_sheet_sums(bs, findings) for bs in v.budgets]
    primary = _pick_primary(sums)
    pagu = {c: a["pagu"] for c, a in primary.leaves.items()} if primary else {}
    in_dpa = _under(pagu)
    for s in sums:
        if s is not primary and primary and s.bs.sheet.role != "realisasi" and "pagu" in s.bs.amounts:
            _compare_pagu(primary, pagu, in_dpa, s, findings)
            _uraian(primary, s, findings)
    dpa_sheets = sorted((s for s in sums if s.bs.sheet.role == "dpa"), key=lambda s: s is not primary)
    monthly, latest, origin, real_sheets = _monthly(sums, findings)
    realisasi = monthly.get(latest, {}) if latest is not None else {}
    if real_sheets and primary:
        _check_realisasi(primary, pagu, in_dpa, realisasi, origin.get(latest, {}), real_sheets, latest, findings)
    names: dict[str, str] = {}
    info: dict[str, dict] = {}
    for s in dpa_sheets + real_sheets[::-1]:
        for c, n in s.names.items():
            names.setdefault(c, n)
    for s in dpa_sheets:
        for c, i in s.info.items():
            info.setdefault(c, i)
    pagu_next = next(({c: a["pagu_next"] for c, a in s.leaves.items()} for s in dpa_sheets
                      if "pagu_next" in s.bs.amounts), {})
    all_codes = set(pagu) | set(realisasi) | set(pagu_next) | set(names)
    for c in list(all_codes):
        all_codes.update(a for a in codes.ancestors(c) if codes.level(a) >= 3)
    ordered = sorted((c for c in all_codes if codes.level(c) >= 3 and not codes.is_account(c)), key=_code_key)
    budget = Budget(tahun=v.tahun, codes=ordered, names=names, info=info, pagu=pagu, pagu_next=pagu_next,
                    realisasi=realisasi, monthly=monthly, latest_month=latest,
                    jenis=primary.jenis if primary else {}, primary=primary.label if primary else None,
                    has_realisasi=bool(real_sheets))
    return budget, findings


def _code_key(code: str):
    return [int(p) if p.isdigit() else -1 for p in code.split(".")]


def _monthly(sums: list[SheetSums], findings):
    """Month → sub → cumulative realisasi, from monthly files, title months or a Bulan column; also
    which sheet each figure came from, and the realisasi sheets from the earliest month to the latest.
    Two sheets of one month are merged code by code; a code in both is counted once, and a
    different figure for it is a finding."""
    per_month: dict[int, dict[str, object]] = {}
    origin: dict[int, dict[str, SheetSums]] = {}
    order: list[tuple[int, SheetSums]] = []
    for s in (s for s in sums if s.bs.sheet.role == "realisasi"):
        months = s.months
        if not months:
            m = s.bs.month
            if m is None:
                findings.append(Finding("no-month", {}, **s.bs.sheet.place()))
                m = 12
            months = {m: {c: a.get("realisasi", 0) for c, a in s.leaves.items()}}
        for m, vals in months.items():
            bucket, came = per_month.setdefault(m, {}), origin.setdefault(m, {})
            for code, value in vals.items():
                if code in bucket and bucket[code] != value:
                    findings.append(Finding("realisasi-mismatch", {"other": came[code].label, "month": MONTH_NAMES[m],
                                                                   "diff": _diff(value, bucket[code])},
                                            **s.bs.sheet.place(), cell=_cell(s, code, "realisasi", m), kode=code,
                                            expected=bucket[code], actual=value))
                elif code not in bucket:
                    bucket[code], came[code] = value, s
        order.append((max(months), s))
    months = sorted(per_month)
    for prev, cur in zip(months, months[1:]):
        for code, value in per_month[cur].items():
            before = per_month[prev].get(code)
            if before is not None and value < before:
                s = origin[cur][code]
                findings.append(Finding("realisasi-decreased", {"prev": MONTH_NAMES[prev], "month": MONTH_NAMES[cur],
                                                                "diff": before - value},
                                        **s.bs.sheet.place(), cell=_cell(s, code, "realisasi", cur), kode=code,
                                        expected=before, actual=value))
    latest = months[-1] if months else None
    sheets = [s for _, s in sorted(order, key=lambda x: x[0])]
    return per_month, latest, origin, sheets


def _check_realisasi(primary: SheetSums, pagu: dict, in_dpa: dict, realisasi: dict, origin: dict,
                     sheets: list[SheetSums], latest, findings):
    """Realisasi against the DPA. Codes and names are checked in every month's sheet (once per code,
    at the latest sheet that has it); amounts against pagu use the year-to-date (latest) figures,
    and the Anggaran column of the latest month only, since the DPA given is the final one."""
    missing, named = set(), set()
    for s in reversed(sheets):
        for code in sorted(set(s.leaves).union(*s.months.values()), key=_code_key):
            if code not in in_dpa and code not in missing:
                missing.add(code)
                findings.append(Finding("missing-in-dpa", {"doc": s.label}, **s.bs.sheet.place(),
                                        cell=_cell(s, code, "kode"), kode=code))
        _uraian(primary, s, findings, named)
    for code, value in realisasi.items():
        s = origin[code]
        limit = in_dpa.get(code)
        if limit is not None and value > limit:
            findings.append(Finding("over-budget", {"diff": value - limit}, **s.bs.sheet.place(),
                                    cell=_cell(s, code, "realisasi", latest), kode=code, expected=limit, actual=value))
        stated = s.leaves.get(code, {}).get("pagu") if "pagu" in s.bs.amounts else None
        if limit is not None and stated is not None and stated != limit:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": _diff(stated, limit)},
                                    **s.bs.sheet.place(), cell=_cell(s, code, "pagu", latest), kode=code,
                                    expected=limit, actual=stated))
    reported = {p for c in realisasi for p in _prefixes(c)}
    month = f" s.d. {MONTH_NAMES[latest]}" if latest else ""
    for code, p in pagu.items():
        if p and not any(x in realisasi for x in _prefixes(code)) and code not in reported:
            findings.append(Finding("missing-realisasi", {"month": month}, **primary.bs.sheet.place(),
                                    cell=_cell(primary, code, "kode"), kode=code, expected=p))
