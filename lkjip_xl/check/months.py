"""Realisasi by month: monthly files, title months or a Bulan column merged into month → sub kegiatan
→ cumulative figure, then checked against the DPA."""
from __future__ import annotations

from collections import defaultdict

from lkjip_xl.check.documents import uraian_mismatches
from lkjip_xl.check.sums import SheetSums, cell_at, code_key, diff, prefixes
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Month, Text


def monthly_realisasi(sums: list[SheetSums], findings):
    """Month → sub → cumulative realisasi, from monthly files, title months or a Bulan column; also
    which sheet each figure came from, and the realisasi sheets from the earliest month to the latest.
    Two sheets of one month are merged code by code; a code in both is counted once, and a
    different figure for it is a finding."""
    per_month: dict[int, dict[str, object]] = {}
    origin: dict[int, dict[str, SheetSums]] = {}
    order: list[tuple[int, SheetSums]] = []
    real = [s for s in sums if s.bs.sheet.role == "realisasi"]
    for s in real:
        if not s.months and s.bs.month is None:
            findings.append(Finding("no-month", {}, **s.bs.sheet.place()))
    running = _running_totals(real)
    for s in real:
        months = s.months
        if not months:
            m = s.bs.month or 12
            months = {m: running.get(m, {}) if _monthly_only(s) else {c: a.get("realisasi", 0) for c, a in s.leaves.items()}}
        for m, vals in months.items():
            bucket, came = per_month.setdefault(m, {}), origin.setdefault(m, {})
            for code, value in vals.items():
                if code in bucket and bucket[code] != value:
                    findings.append(Finding("realisasi-mismatch", {"other": came[code].label, "month": Month(m),
                                                                   "diff": diff(value, bucket[code])},
                                            **s.bs.sheet.place(), cell=cell_at(s, code, "realisasi", m), kode=code,
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
                findings.append(Finding("realisasi-decreased", {"prev": Month(prev), "month": Month(cur),
                                                                "diff": before - value},
                                        **s.bs.sheet.place(), cell=cell_at(s, code, "realisasi", cur), kode=code,
                                        expected=before, actual=value))
    latest = months[-1] if months else None
    sheets = [s for _, s in sorted(order, key=lambda x: x[0])]
    return per_month, latest, origin, sheets


def _monthly_only(s: SheetSums) -> bool:
    """A month's file that states only 'Realisasi Bulan Ini', not the cumulative figure."""
    return "realisasi" not in s.bs.amounts and "realisasi_bulan_ini" in s.bs.amounts


def _running_totals(real: list[SheetSums]) -> dict[int, dict[str, object]]:
    """Month → code → cumulative realisasi, adding up the monthly-only files month by month."""
    increments: dict[int, dict[str, object]] = defaultdict(lambda: defaultdict(int))
    for s in real:
        if not s.months and _monthly_only(s):
            for code, a in s.leaves.items():
                increments[s.bs.month or 12][code] += a.get("realisasi_bulan_ini") or 0
    out, total = {}, defaultdict(int)
    for m in sorted(increments):
        for code, v in increments[m].items():
            total[code] += v
        out[m] = dict(total)
    return out


def check_realisasi(primary: SheetSums, pagu: dict, in_dpa: dict, realisasi: dict, origin: dict,
                     sheets: list[SheetSums], latest, findings):
    """Realisasi against the DPA. Codes and names are checked in every month's sheet (once per code,
    at the latest sheet that has it); amounts against pagu use the year-to-date (latest) figures,
    and the Anggaran column of the latest month only, since the DPA given is the final one."""
    missing, named = set(), set()
    for s in reversed(sheets):
        for code in sorted(set(s.leaves).union(*s.months.values()), key=code_key):
            if code not in in_dpa and code not in missing:
                missing.add(code)
                findings.append(Finding("missing-in-dpa", {"doc": s.label}, **s.bs.sheet.place(),
                                        cell=cell_at(s, code, "kode"), kode=code))
        uraian_mismatches(primary, s, findings, named)
    for code, value in realisasi.items():
        s = origin[code]
        limit = in_dpa.get(code)
        if limit is not None and value > limit:
            findings.append(Finding("over-budget", {"diff": value - limit}, **s.bs.sheet.place(),
                                    cell=cell_at(s, code, "realisasi", latest), kode=code, expected=limit, actual=value))
        stated = s.leaves.get(code, {}).get("pagu") if "pagu" in s.bs.amounts else None
        if limit is not None and stated is not None and stated != limit:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": diff(stated, limit)},
                                    **s.bs.sheet.place(), cell=cell_at(s, code, "pagu", latest), kode=code,
                                    expected=limit, actual=stated))
    reported = {p for c in realisasi for p in prefixes(c)}
    month = Text("until-month", month=Month(latest)) if latest else ""
    for code, p in pagu.items():
        if p and not any(x in realisasi for x in prefixes(code)) and code not in reported:
            findings.append(Finding("missing-realisasi", {"month": month}, **primary.bs.sheet.place(),
                                    cell=cell_at(primary, code, "kode"), kode=code, expected=p))
