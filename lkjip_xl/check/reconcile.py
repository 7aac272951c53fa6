"""Budget reconciliation: every sheet summed and its stated subtotals and totals checked (sums),
then the documents compared with the primary DPA (documents) and the realisasi month by month
(months), into one Budget for the report."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import Callable

from lkjip_xl.check.documents import compare_pagu, pick_primary, uraian_mismatches
from lkjip_xl.check.model import Validated
from lkjip_xl.check.months import check_realisasi, monthly_realisasi
from lkjip_xl.check.lines import Skipped, code_key, prefixes
from lkjip_xl.check.lines import under as sums_under
from lkjip_xl.check.sums import cell_at, sheet_sums
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read import codes


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
    # what (pagu, realisasi, pagu_next) → sub code → the findings of the unknown cells in its figure:
    # the totals over such a code are the sum of what was readable, and say they are incomplete
    unknown: dict[str, dict[str, tuple]] = field(default_factory=dict)
    # code → the document its name was taken from ("file › sheet"), so that a finding comparing a name
    # says where that name is written (a codes-only DPA takes names from the LRA, Renja, anggaran kas)
    named_by: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)    # sub code → its pagu cell in the primary DPA

    def incomplete(self, what: str, under: str | None = None) -> bool:
        bad = self.unknown.get(what, {})
        return bool(bad) and (under is None or any(under in prefixes(c) for c in bad))

    def subs(self) -> list[str]:
        return [c for c in self.codes if c in self.pagu or c in self.realisasi or c in self.pagu_next]

    def total(self, what: str, under: str | None = None):
        """The sum of `what` (pagu, realisasi, pagu_next) over every code at or below `under`.
        Built once per column for all codes (a Kabupaten has thousands of sub kegiatan): the
        Budget is not changed after reconcile_budget."""
        src = getattr(self, what)
        if under is None:
            return sum(src.values(), 0)
        cache = self.__dict__.setdefault("_totals", {})
        if what not in cache:
            cache[what] = sums_under(src)
        return cache[what].get(under, 0)

    def name_from(self, names: dict[str, str], source: str | None = None) -> None:
        """Names another document (the anggaran kas) gives for codes no budget sheet named."""
        for c, n in names.items():
            if c in self.codes and c not in self.names:
                self.names[c] = n
                if source:
                    self.named_by[c] = source

    def programs(self) -> list[str]:
        return [c for c in self.codes if codes.level(c) == 3]


def _under_unknown(per_code: dict[str, tuple]) -> dict[str, tuple]:
    """Every code and every code above it → the unknown cells at or below it."""
    out: dict[str, tuple] = {}
    for code, roots in per_code.items():
        for p in prefixes(code):
            out[p] = out.get(p, ()) + roots
    return out


def reconcile_budget(v: Validated) -> tuple[Budget, list[Finding], Callable[[Skipped], dict[Finding, Finding]]]:
    """The Budget, the reconciliation's findings, and `tell`: given the checks later stages skipped
    (the anggaran kas), the unknown-cell findings of validation told their row's kode and every
    check their unknown value stopped (old finding → new)."""
    findings: list[Finding] = []
    sums = []
    for bs in v.budgets:
        s, f = sheet_sums(bs)
        sums.append(s)
        findings += f
    skipped: Skipped = {}
    primary = pick_primary(sums)
    pagu = {c: a["pagu"] for c, a in primary.leaves.items()} if primary else {}
    pagu_unknown = {c: primary.unknown_at(c, "pagu") for c in pagu if primary.unknown_at(c, "pagu")}
    for c, roots in (primary.bs.unplaced.items() if primary else ()):
        # a node whose code cannot be read stood under c: what c holds is not all known
        pagu_unknown[c] = pagu_unknown.get(c, ()) + roots
    in_dpa, unknown_dpa = sums_under(pagu), _under_unknown(pagu_unknown)
    for s in sums:
        if s is not primary and primary and s.bs.sheet.role != "realisasi" and "pagu" in s.bs.amounts:
            f, zero = compare_pagu(primary, pagu, in_dpa, unknown_dpa, s, skipped)
            findings += f + uraian_mismatches(primary, s)
            if zero:
                # a zero-pagu sub kegiatan has no rekening lines, so the detailed DPA cannot list it
                pagu = {**pagu, **dict.fromkeys(zero, 0)}
                in_dpa = sums_under(pagu)
    dpa_sheets = sorted((s for s in sums if s.bs.sheet.role == "dpa"), key=lambda s: s is not primary)
    monthly, f = monthly_realisasi(sums, skipped)
    findings += f
    latest, real_sheets = monthly.latest, monthly.sheets
    realisasi = monthly.per_month.get(latest, {}) if latest is not None else {}
    if real_sheets and primary:
        findings += check_realisasi(primary, pagu, in_dpa, unknown_dpa, monthly, skipped)
    names: dict[str, str] = {}
    info: dict[str, dict] = {}
    # a DPA without name columns (SIPD's codes-only export) still shows names: the DPA's own first, then
    # the realisasi (latest month first), then a Renja, in input order; the anggaran kas is added by
    # name_from (pipeline) — always the same order, so the same inputs give the same names
    renja_sheets = [s for s in sums if s.bs.sheet.role == "renja"]
    named_by: dict[str, str] = {}
    for s in dpa_sheets + real_sheets[::-1] + renja_sheets:
        for c, n in s.names.items():
            if c not in names:
                names[c], named_by[c] = n, s.label
    for s in dpa_sheets:
        for c, i in s.info.items():
            info.setdefault(c, i)
    # a next-year column with no amount in it at all gives no next-year figures (not 0 everywhere)
    next_sheet = next((s for s in dpa_sheets if "pagu_next" in s.bs.amounts and
                       (s.bs.df["pagu_next"].notna().any() or s.bs.unknown.get("pagu_next"))), None)
    pagu_next = {c: a["pagu_next"] for c, a in next_sheet.leaves.items()} if next_sheet else {}
    all_codes = set(pagu) | set(realisasi) | set(pagu_next) | set(names)
    for c in list(all_codes):
        all_codes.update(a for a in codes.ancestors(c) if codes.level(a) >= 3)
    ordered = sorted((c for c in all_codes if codes.level(c) >= 3 and not codes.is_account(c)), key=code_key)
    unknown = {"pagu": pagu_unknown, "realisasi": monthly.unknown.get(latest, {}) if latest is not None else {},
               "pagu_next": {c: r for c in pagu_next if (r := next_sheet.unknown_at(c, "pagu_next"))}
               if next_sheet else {}}
    budget = Budget(tahun=v.tahun, codes=ordered, names=names, info=info, pagu=pagu, pagu_next=pagu_next,
                    realisasi=realisasi, monthly=monthly.per_month, latest_month=latest,
                    jenis=primary.jenis if primary else {}, primary=primary.label if primary else None,
                    has_realisasi=bool(real_sheets), unknown={k: u for k, u in unknown.items() if u},
                    named_by=named_by,
                    cells={c: cell for c in pagu if (cell := cell_at(primary, c, "pagu"))} if primary else {})
    return budget, findings, partial(_told, sums, skipped)


def _told(sums, skipped: Skipped, later: Skipped | None = None) -> dict[Finding, Finding]:
    """Each unknown cell's finding with its row's kode and the checks it stopped (CONTRACT §5)."""
    out = {}
    later = later or {}
    for s in sums:
        for a in s.bs.unknown.values():
            for root in a.values():
                kode = root.kode or s.root_kode.get(root)
                items = list(s.skipped.get(root, [])) + list(skipped.get(root, ())) + list(later.get(root, ()))
                after = [Text("unknown-row", kode=kode)] if kode else []
                after.append(Text("unknown-skipped", items=items) if items else Text("unknown-incomplete"))
                out[root] = replace(root, kode=kode, params={**root.params, "after": after})
    return out
