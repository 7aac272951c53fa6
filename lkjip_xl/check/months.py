"""Realisasi by month: monthly files, title months or a Bulan column merged into month → sub kegiatan
→ cumulative figure, then checked against the DPA. A figure an unknown cell enters is unknown: the
checks it would enter are skipped and said on that cell's finding."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lkjip_xl.check.cumulative import decide, monthly_only
from lkjip_xl.check.documents import uraian_mismatches
from lkjip_xl.check.intake import looks_like_copy
from lkjip_xl.check.lines import Skipped, code_key, diff, prefixes, skip, unplaced_over
from lkjip_xl.check.sums import SheetSums, cell_at
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Month, Pair, Text, fragment, month_name


@dataclass
class Monthly:
    """Month → sub → cumulative realisasi, which sheet each figure came from, the realisasi sheets
    from the earliest month to the latest, and month → sub → the unknown cells in the figure."""
    per_month: dict[int, dict[str, object]]
    origin: dict[int, dict[str, SheetSums]]
    sheets: list[SheetSums]
    unknown: dict[int, dict[str, tuple]] = field(default_factory=dict)

    @property
    def latest(self) -> int | None:
        return max(self.per_month) if self.per_month else None


def _sheet_months(s: SheetSums, running: dict) -> tuple[dict, dict]:
    """The months of one realisasi sheet: month → code → cumulative, and the unknown cells in each."""
    if s.months:
        return s.months, s.months_unknown
    m = s.bs.month or 12
    if monthly_only(s):
        values, bad = running[0].get(m, {}), running[1].get(m, {})
    else:
        values = {c: a.get("realisasi", 0) for c, a in s.leaves.items()}
        bad = {c: s.unknown_at(c, "realisasi") for c in s.leaves if s.unknown_at(c, "realisasi")}
    return {m: values}, {m: bad}


def monthly_realisasi(sums: list[SheetSums], skipped: Skipped) -> tuple[Monthly, list[Finding]]:
    """Two sheets of one month are merged code by code; a code in both is counted once, and a
    different figure for it is a finding."""
    findings = []
    per_month: dict[int, dict[str, object]] = {}
    origin: dict[int, dict[str, SheetSums]] = {}
    unknown: dict[int, dict[str, tuple]] = {}
    order: list[tuple[int, SheetSums]] = []
    real = [s for s in sums if s.bs.sheet.role == "realisasi"]
    # a sheet with no row (the template's example row, left out) needs no month
    findings += [Finding("no-month", {}, **s.bs.sheet.place()) for s in real
                 if not s.months and s.bs.month is None and len(s.bs.df)]
    running, gap = _running_totals(real)
    findings += gap
    reading = decide(real)
    per_month_files = reading.per_month
    findings += reading.findings
    # plain Realisasi files read per month (realisasi-ambiguous) are added up like 'Bulan Ini' files:
    # a month missing among them leaves the figures after it unknown alike
    pm_gap = _missing_month({s.bs.month or 12: s for s in real if id(s) in per_month_files and s.leaves})
    findings += pm_gap
    for s in real:
        months, bad = _sheet_months(s, running)
        if id(s) in per_month_files:
            months = {m: per_month_files[id(s)] for m in months}
            if pm_gap and max(months) > pm_gap[0].params["missing"][0]:
                bad = {m: {c: bad.get(m, {}).get(c, ()) + tuple(pm_gap) for c in vals} for m, vals in months.items()}
        for m, vals in months.items():
            bucket, came, unk = per_month.setdefault(m, {}), origin.setdefault(m, {}), unknown.setdefault(m, {})
            mine = bad.get(m, {})
            for code, value in vals.items():
                if code not in bucket:
                    bucket[code], came[code] = value, s
                    if code in mine:
                        unk[code] = mine[code]
                    continue
                roots = mine.get(code, ()) + unk.get(code, ())
                if roots:
                    skip(skipped, roots, Text("skip-realisasi", kode=code, month=Month(m), here=s.label,
                                                other=came[code].label))
                elif bucket[code] != value:
                    first = came[code].bs.sheet.file
                    why = Text("used-this-copy") if looks_like_copy(s.bs.sheet.file) and not looks_like_copy(first) \
                        else Text("used-read-first")
                    findings.append(Finding("realisasi-mismatch", {"other": came[code].label, "month": Month(m),
                                                                   "diff": diff(value, bucket[code]), "why": why},
                                            **s.bs.sheet.place(), cell=cell_at(s, code, "realisasi", m), kode=code,
                                            expected=bucket[code], actual=value))
        order.append((max(months), s))
    months = sorted(per_month)
    findings += _trend_gaps(months, per_month, origin, {m for f in gap + pm_gap for m in f.params["missing"]})
    for prev, cur in zip(months, months[1:]):
        for code, value in per_month[cur].items():
            before = per_month[prev].get(code)
            if before is None:
                continue
            roots = unknown.get(cur, {}).get(code, ()) + unknown.get(prev, {}).get(code, ())
            if roots:
                skip(skipped, roots, Text("skip-rise", kode=code, prev=Month(prev), month=Month(cur)))
            elif value < before and not {id(origin[cur][code]), id(origin[prev][code])} & reading.quiet:
                s = origin[cur][code]
                findings.append(Finding("realisasi-decreased", {"prev": Month(prev), "month": Month(cur),
                                                                "diff": before - value},
                                        **s.bs.sheet.place(), cell=cell_at(s, code, "realisasi", cur), kode=code,
                                        expected=before, actual=value))
    sheets = [s for _, s in sorted(order, key=lambda x: x[0])]
    return Monthly(per_month, origin, sheets, {m: u for m, u in unknown.items() if u}), findings


def _running_totals(real: list[SheetSums]) -> tuple[tuple[dict, dict], list[Finding]]:
    """Month → code → cumulative realisasi, adding up the monthly-only files month by month; and
    month → code → the unknown cells in it (an unknown month stays in every later sum). A month with
    no 'Bulan Ini' file before the latest one is unknown too: one month-missing warning names the
    months, and every running total from the first of them on holds it as its unknown root (the
    realisasi to date is the sum of the months given, and says it is incomplete)."""
    increments: dict[int, dict[str, object]] = defaultdict(lambda: defaultdict(int))
    bad: dict[int, dict[str, tuple]] = defaultdict(dict)
    first_sheet: dict[int, SheetSums] = {}
    for s in real:
        if not s.months and monthly_only(s):
            m = s.bs.month or 12
            first_sheet.setdefault(m, s)
            for code, a in s.leaves.items():
                increments[m][code] += a.get("realisasi_bulan_ini") or 0
                roots = s.unknown_at(code, "realisasi_bulan_ini")
                if roots:
                    bad[m][code] = bad[m].get(code, ()) + roots
    gap = _missing_month({m: first_sheet[m] for m in increments})     # a sheet with no row is no month
    missing = gap[0].params["missing"] if gap else []
    out, total, out_bad, still = {}, defaultdict(int), {}, {}
    for m in sorted(increments):
        for code, v in increments[m].items():
            total[code] += v
        for code, roots in bad.get(m, {}).items():
            still[code] = still.get(code, ()) + roots
        if missing and m > missing[0]:
            out_bad[m] = {code: still.get(code, ()) + tuple(gap) for code in total}
        else:
            out_bad[m] = dict(still)
        out[m] = dict(total)
    return (out, out_bad), gap


def _missing_month(given: dict[int, SheetSums]) -> list[Finding]:
    """Files of each month's own realisasi, by month: the months before the latest without one, as
    one month-missing finding at the first file after them (none when every month is there)."""
    missing = [m for m in range(1, max(given, default=0)) if m not in given]
    if not missing:
        return []
    months = sorted(given)
    after = given[min(m for m in months if m > missing[0])]
    return [Finding("month-missing", {"months": month_list(missing), "missing": missing,
                                      "given": month_list(months), "month": Month(months[-1])},
                    **after.bs.sheet.place())]


def month_list(months: list[int]) -> Pair:
    """Month names as one phrase in each language: 'Januari, Maret dan April'."""
    def say(lang):
        names = [month_name(m, lang) for m in months]
        return names[0] if len(names) == 1 else fragment("list-last", lang, rest=", ".join(names[:-1]), last=names[-1])
    return Pair(say("id"), say("en"))


def _trend_gaps(months: list[int], per_month: dict, origin: dict, said: set) -> list[Finding]:
    """Months between the first and the latest month given that no realisasi file covers (cumulative
    files: the figure to date stays exact, but the monthly trend skips them): one info finding. Only
    where the files are a monthly series (more than half of the months in their span): quarter or
    semester files (Maret, Juni, September; Juni and Desember) skip months on purpose."""
    if not months:
        return []
    span = months[-1] - months[0] + 1
    missing = [m for m in range(months[0] + 1, months[-1]) if m not in per_month and m not in said]
    if not missing or 2 * len(months) <= span:
        return []
    after = min(m for m in months if m > missing[0])
    s = next(iter(origin[after].values()), None)
    place = s.bs.sheet.place() if s is not None else {}
    return [Finding("trend-month-missing", {"months": month_list(missing), "missing": missing}, **place)]


def check_realisasi(primary: SheetSums, pagu: dict, in_dpa: dict, unknown_dpa: dict, monthly: Monthly,
                    skipped: Skipped) -> list[Finding]:
    """Realisasi against the DPA. Codes and names are checked in every month's sheet (once per code,
    at the latest sheet that has it); amounts against pagu use the year-to-date (latest) figures,
    and the Anggaran column of the latest month only, since the DPA given is the final one."""
    findings = []
    latest = monthly.latest
    realisasi = monthly.per_month.get(latest, {}) if latest is not None else {}
    origin = monthly.origin.get(latest, {})
    real_unknown = monthly.unknown.get(latest, {})
    missing, named = set(), set()
    for s in reversed(monthly.sheets):
        for code in sorted(set(s.leaves).union(*s.months.values()), key=code_key):
            if code not in in_dpa and code not in missing:
                missing.add(code)
                if unplaced_over(primary.bs, code):
                    continue        # it may be the DPA's row whose code cannot be read: that one is said
                findings.append(Finding("missing-in-dpa", {"doc": s.label}, **s.bs.sheet.place(),
                                        cell=cell_at(s, code, "kode"), kode=code))
        findings += uraian_mismatches(primary, s, named)
    for code, value in realisasi.items():
        s = origin[code]
        limit = in_dpa.get(code)
        if limit is None:
            continue
        # under a DPA row whose code cannot be read, this code's pagu may hold that row's amount
        pagu_roots = tuple(unknown_dpa.get(code, ())) + unplaced_over(primary.bs, code)
        roots = real_unknown.get(code, ()) + pagu_roots
        if roots:
            skip(skipped, roots, Text("skip-over-budget", kode=code))
        elif value > limit:
            findings.append(Finding("over-budget", {"diff": value - limit}, **s.bs.sheet.place(),
                                    cell=cell_at(s, code, "realisasi", latest), kode=code, expected=limit, actual=value))
        stated = s.leaves.get(code, {}).get("pagu") if "pagu" in s.bs.amounts else None
        if stated is None:
            continue
        roots = s.unknown_at(code, "pagu") + pagu_roots
        if roots:
            skip(skipped, roots, Text("skip-pagu", kode=code, here=s.label, other=primary.label))
        elif stated != limit:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": diff(stated, limit)},
                                    **s.bs.sheet.place(), cell=cell_at(s, code, "pagu", latest), kode=code,
                                    expected=limit, actual=stated))
    reported = {p for c in realisasi for p in prefixes(c)}
    month = Text("until-month", month=Month(latest)) if latest else ""
    for code, p in pagu.items():
        if p and not any(x in realisasi for x in prefixes(code)) and code not in reported:
            findings.append(Finding("missing-realisasi", {"month": month}, **primary.bs.sheet.place(),
                                    cell=cell_at(primary, code, "kode"), kode=code, expected=p))
    return findings
