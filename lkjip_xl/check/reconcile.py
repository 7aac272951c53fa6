"""Budget reconciliation: every sheet summed and its stated subtotals and totals checked (sums),
then the documents compared with the primary DPA (documents) and the realisasi month by month
(months), into one Budget for the report."""
from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.check.documents import compare_pagu, pick_primary, uraian_mismatches
from lkjip_xl.check.model import Validated
from lkjip_xl.check.months import check_realisasi, monthly_realisasi
from lkjip_xl.check.sums import code_key, sheet_sums
from lkjip_xl.check.sums import under as sums_under
from lkjip_xl.findings import Finding
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

    def programs(self) -> list[str]:
        return [c for c in self.codes if codes.level(c) == 3]


def reconcile_budget(v: Validated) -> tuple[Budget, list[Finding]]:
    findings: list[Finding] = []
    sums = [sheet_sums(bs, findings) for bs in v.budgets]
    primary = pick_primary(sums)
    pagu = {c: a["pagu"] for c, a in primary.leaves.items()} if primary else {}
    in_dpa = sums_under(pagu)
    for s in sums:
        if s is not primary and primary and s.bs.sheet.role != "realisasi" and "pagu" in s.bs.amounts:
            compare_pagu(primary, pagu, in_dpa, s, findings)
            uraian_mismatches(primary, s, findings)
    dpa_sheets = sorted((s for s in sums if s.bs.sheet.role == "dpa"), key=lambda s: s is not primary)
    monthly, latest, origin, real_sheets = monthly_realisasi(sums, findings)
    realisasi = monthly.get(latest, {}) if latest is not None else {}
    if real_sheets and primary:
        check_realisasi(primary, pagu, in_dpa, realisasi, origin.get(latest, {}), real_sheets, latest, findings)
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
    ordered = sorted((c for c in all_codes if codes.level(c) >= 3 and not codes.is_account(c)), key=code_key)
    budget = Budget(tahun=v.tahun, codes=ordered, names=names, info=info, pagu=pagu, pagu_next=pagu_next,
                    realisasi=realisasi, monthly=monthly, latest_month=latest,
                    jenis=primary.jenis if primary else {}, primary=primary.label if primary else None,
                    has_realisasi=bool(real_sheets))
    return budget, findings
