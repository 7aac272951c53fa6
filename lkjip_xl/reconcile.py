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


def _sheet_sums(bs: BudgetSheet, findings: list[Finding]) -> SheetSums:
    sheet, df = bs.sheet, bs.df
    amts = bs.amounts
    place = sheet.place()
    nodes: list[tuple[int, str, dict]] = []
    rek: list[tuple[int, str, str, dict]] = []
    totals: list[tuple[int, str, dict]] = []
    names, info, rows = {}, {}, {}
    cols = {a: df[a] for a in amts}
    get = lambda name: df[name] if name in df else [""] * len(df)
    it = zip(df.index, df["kind"], df["sub"], df["kode"], df["uraian"], df["_total"], get("kode_rekening"),
             get("uraian_program"), get("uraian_kegiatan"), get("uraian_sub"), get("indikator"), get("target"),
             get("satuan"), *cols.values())
    for row, kind, sub, kode, uraian, total, krek, up, uk, us, ind, tgt, sat, *vals in it:
        values = dict(zip(amts, vals))
        if kind == "node":
            nodes.append((row, kode, values))
            names.setdefault(kode, uraian)
            if ind or tgt or sat:
                info.setdefault(kode, {"indikator": ind or "", "target": tgt or "", "satuan": sat or ""})
            rows.setdefault(kode, row)
        elif kind == "rek":
            account = krek if (krek and codes.is_account(krek)) else kode
            rek.append((row, sub, account, values))
            rows.setdefault(sub, row)
            for code, name in ((sub, us), (sub.rsplit(".", 1)[0], uk), (".".join(sub.split(".")[:3]), up)):
                if name:
                    names.setdefault(code, name)
                    rows.setdefault(code, row)
        elif kind == "total":
            totals.append((row, total, values))

    leaves: dict[str, dict] = defaultdict(lambda: dict.fromkeys(amts, 0))
    leaf_rows: dict[str, list[int]] = defaultdict(list)
    jenis: dict[str, object] = defaultdict(int)
    stated_sub = {}
    if rek:
        for row, sub, account, values in rek:
            for a, v in values.items():
                leaves[sub][a] += v or 0
            leaf_rows[sub].append(row)
            if "pagu" in values:
                jenis[codes.jenis_belanja(account or "")] += values["pagu"] or 0
    node_codes = [k for _, k, _ in nodes]
    deeper = set()
    for k in node_codes:
        for anc in codes.ancestors(k):
            deeper.add(anc)
    seen: dict[str, int] = {}
    for row, kode, values in nodes:
        if kode in deeper or (rek and kode in leaves):
            if rek and kode in leaves:
                stated_sub[kode] = (row, values)
            continue
        if kode in seen:
            if not rek:
                findings.append(Finding("duplicate-kode", {"other": sheet.cell(seen[kode], "kode")}, **place,
                                        cell=sheet.cell(row, "kode"), kode=kode))
            continue
        seen[kode] = row
        for a, v in values.items():
            leaves[kode][a] += v or 0
        leaf_rows[kode].append(row)
    # stated subtotals: every node with something beneath it, and sub rows above rekening lines
    for row, kode, values in nodes:
        under = [c for c in leaves if c != kode and c.startswith(kode + ".")] if kode in deeper else []
        if kode in stated_sub:
            under = [kode]
        if not under:
            continue
        for a, stated in values.items():
            if stated is None:
                continue
            computed = sum((leaves[c][a] for c in under), 0)
            if stated != computed:
                findings.append(Finding("subtotal-mismatch", {"level": codes.level_name(kode), "column": COLUMN_LABELS[a],
                                                              "diff": _diff(stated, computed)},
                                        **place, cell=sheet.cell(row, a), kode=kode, expected=computed, actual=stated))
    # stated totals: the last covers every line; earlier ones cover the lines since the previous one
    all_rows = sorted((r, c) for c, rs in leaf_rows.items() for r in rs)
    prev = 0
    for i, (row, label, values) in enumerate(totals):
        last = i == len(totals) - 1
        for a, stated in values.items():
            if stated is None:
                continue
            if last:
                computed = sum((leaves[c][a] for c in leaves), 0)
            else:
                computed = _block_sum(bs, prev, row, a)
            if stated != computed:
                findings.append(Finding("total-mismatch", {"label": label.upper(), "column": COLUMN_LABELS[a],
                                                           "diff": _diff(stated, computed)},
                                        **place, cell=sheet.cell(row, a), expected=computed, actual=stated))
        prev = row
    del all_rows
    out = SheetSums(bs, dict(leaves), rows, names, info, dict(jenis) if rek else {})
    if "bulan" in bs.df and bs.df["bulan"].notna().any():
        out.months = _long_months(bs)
    return out


def _block_sum(bs: BudgetSheet, after: int, upto: int, a: str):
    df = bs.df
    block = df[(df.index > after) & (df.index < upto)]
    kinds = block["kind"]
    leaf_kind = "rek" if bs.has_rekening else "node"
    sel = block[kinds == leaf_kind]
    if leaf_kind == "node":
        codes_ = list(sel["kode"])
        sel = sel[[not any(o != c and o.startswith(c + ".") for o in codes_) for c in codes_]]
    return sum((v or 0 for v in sel[a]), 0)


def _long_months(bs: BudgetSheet) -> dict[int, dict[str, object]]:
    """A long realisasi sheet (Bulan column): month → code → cumulative realisasi."""
    df = bs.df
    per: dict[int, dict[str, object]] = defaultdict(lambda: defaultdict(int))
    monthly_amount = "realisasi" not in df
    col = "realisasi_bulan_ini" if monthly_amount else "realisasi"
    for kind, sub, bulan, v in zip(df["kind"], df["sub"], df["bulan"], df[col]):
        if kind in ("node", "rek") and bulan and sub and (kind == "rek" or codes.level(sub) == 6 or not bs.has_rekening):
            per[int(bulan)][sub] += v or 0
    months = sorted(per)
    out, running = {}, defaultdict(int)
    for m in months:
        if monthly_amount:
            for c, v in per[m].items():
                running[c] += v
            out[m] = dict(running)
        else:
            out[m] = dict(per[m])
    return out


def _pick_primary(sums: list[SheetSums]) -> SheetSums | None:
    dpa = [s for s in sums if s.bs.sheet.role == "dpa" and "pagu" in s.bs.amounts]
    if not dpa:
        return None
    return max(dpa, key=lambda s: (s.bs.has_rekening, len(s.leaves)))


def _compare_names(a: SheetSums, b_names: dict, b_label: str, b_rows: dict, b_sheet, findings, codes_=None):
    for code in codes_ or b_names:
        na, nb = a.names.get(code), b_names.get(code)
        if na and nb and _name_key(na) != _name_key(nb):
            findings.append(Finding("uraian-mismatch", {"other": a.label}, **b_sheet.place(),
                                    cell=b_sheet.cell(b_rows[code], "uraian") if code in b_rows else None,
                                    kode=code, expected=na, actual=nb))


def _name_key(s: str) -> str:
    return normalize(s).replace(" ", "")


def reconcile_budget(v: Validated) -> tuple[Budget, list[Finding]]:
    findings: list[Finding] = []
    sums = [_sheet_sums(bs, findings) for bs in v.budgets]
    primary = _pick_primary(sums)
    dpa_sheets = [s for s in sums if s.bs.sheet.role == "dpa"]
    pagu = {c: a["pagu"] for c, a in primary.leaves.items()} if primary else {}
    subs_in_dpa = set(pagu)
    # other DPA sheets (e.g. a rekap beside the rekening-level DPA), and the Renja
    for s in sums:
        if s is primary or s.bs.sheet.role == "realisasi" or "pagu" not in s.bs.amounts:
            continue
        renja = s.bs.sheet.role == "renja"
        for code in sorted(set(s.leaves) | (subs_in_dpa if not renja else set())):
            mine = s.leaves.get(code, {}).get("pagu", 0)
            theirs = pagu.get(code)
            if theirs is None and not renja:
                # a zero-pagu sub kegiatan has no rekening lines, so the detailed DPA cannot list it
                theirs = pagu[code] = 0
            if theirs is None:
                findings.append(Finding("missing-in-dpa", {"doc": s.label}, **s.bs.sheet.place(),
                                        cell=s.bs.sheet.cell(s.rows.get(code, 0), "kode") if code in s.rows else None,
                                        kode=code, severity="info" if renja else None))
                continue
            if mine != theirs:
                findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": _diff(mine, theirs)},
                                        **s.bs.sheet.place(), cell=s.bs.sheet.cell(s.rows[code], "pagu") if code in s.rows else None,
                                        kode=code, expected=theirs, actual=mine, severity="warning" if renja else None))
        if primary:
            _compare_names(primary, s.names, s.label, s.rows, s.bs.sheet, findings)
    names: dict[str, str] = {}
    info: dict[str, dict] = {}
    for s in sorted(dpa_sheets, key=lambda s: s is not primary):
        for c, n in s.names.items():
            names.setdefault(c, n)
        for c, i in s.info.items():
            info.setdefault(c, i)
    pagu_next = {}
    for s in dpa_sheets:
        if "pagu_next" in s.bs.amounts:
            pagu_next = {c: a["pagu_next"] for c, a in s.leaves.items()}
            break
    monthly, latest, real_sheets = _monthly(sums, findings)
    realisasi = monthly.get(latest, {}) if latest is not None else {}
    if real_sheets and primary:
        _check_realisasi(primary, pagu, realisasi, real_sheets, latest, findings)
        for c, n in real_sheets[-1].names.items():
            names.setdefault(c, n)
    elif real_sheets:
        for c, n in real_sheets[-1].names.items():
            names.setdefault(c, n)
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


def _monthly(sums: list[SheetSums], findings) -> tuple[dict, int | None, list[SheetSums]]:
    """Month → sub → cumulative realisasi, from monthly files, title months or a Bulan column."""
    real = [s for s in sums if s.bs.sheet.role == "realisasi"]
    per_month: dict[int, dict[str, object]] = {}
    where: dict[int, SheetSums] = {}
    for s in real:
        if s.months:
            for m, vals in s.months.items():
                per_month.setdefault(m, {}).update(vals)
                where[m] = s
            continue
        m = s.bs.month
        if m is None:
            findings.append(Finding("no-month", {}, **s.bs.sheet.place()))
            m = 12
        vals = {c: a.get("realisasi", 0) for c, a in s.leaves.items()}
        bucket = per_month.setdefault(m, {})
        for c, v in vals.items():
            bucket[c] = bucket.get(c, 0) + v
        where[m] = s
    months = sorted(per_month)
    for prev, cur in zip(months, months[1:]):
        s = where[cur]
        for code, value in per_month[cur].items():
            before = per_month[prev].get(code)
            if before is not None and value < before:
                findings.append(Finding("realisasi-decreased", {"prev": MONTH_NAMES[prev], "month": MONTH_NAMES[cur]},
                                        **s.bs.sheet.place(), cell=s.bs.sheet.cell(s.rows.get(code, 0), "realisasi")
                                        if code in s.rows else None, kode=code, expected=before, actual=value))
    latest = months[-1] if months else None
    ordered_sheets = [where[m] for m in months]
    return per_month, latest, ordered_sheets


def _check_realisasi(primary: SheetSums, pagu: dict, realisasi: dict, real_sheets: list[SheetSums], latest, findings):
    last = real_sheets[-1]
    sheet = last.bs.sheet
    month = f" s.d. {MONTH_NAMES[latest]}" if latest else ""
    for code, value in realisasi.items():
        if code not in pagu:
            findings.append(Finding("missing-in-dpa", {"doc": last.label}, **sheet.place(),
                                    cell=sheet.cell(last.rows.get(code, 0), "kode") if code in last.rows else None, kode=code))
            continue
        if value > (pagu[code] or 0):
            findings.append(Finding("over-budget", {"diff": value - (pagu[code] or 0)}, **sheet.place(),
                                    cell=sheet.cell(last.rows[code], "realisasi") if code in last.rows else None,
                                    kode=code, expected=pagu[code], actual=value))
    for code, p in pagu.items():
        if code not in realisasi and p:
            findings.append(Finding("missing-realisasi", {"month": month}, **primary.bs.sheet.place(),
                                    cell=primary.bs.sheet.cell(primary.rows.get(code, 0), "kode") if code in primary.rows else None,
                                    kode=code, expected=p))
    if "pagu" in last.bs.amounts:
        for code, a in last.leaves.items():
            if code in pagu and a.get("pagu") is not None and a["pagu"] != pagu[code] and (a["pagu"] or pagu[code]):
                findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": _diff(a["pagu"], pagu[code])},
                                        **sheet.place(), cell=sheet.cell(last.rows[code], "pagu") if code in last.rows else None,
                                        kode=code, expected=pagu[code], actual=a["pagu"]))
    _compare_names(primary, last.names, last.label, last.rows, sheet, findings)
