"""RFK (Realisasi Fisik dan Keuangan): per program, kegiatan and sub kegiatan, the anggaran kas
planned up to the latest realisasi month against the realisasi, in rupiah and % of pagu, the
deviation in percentage points, and the status band; `deviasi` warnings for the programs and
kegiatan behind plan beyond the band. The report (report/rfk.py) draws exactly these figures."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_xl.check.indicators import r2, serapan
from lkjip_xl.check.kas import Kas
from lkjip_xl.check.lines import code_key
from lkjip_xl.check.model import MONTH_LABELS, QUARTER_LABELS
from lkjip_xl.check.reconcile import Budget
from lkjip_xl.config import Scale
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Month, Text
from lkjip_xl.read import codes


@dataclass
class Line:
    kode: str | None
    level: int                     # 3 program, 5 kegiatan, 6 sub kegiatan; 0 the total
    pagu: object                   # None: unknown (an unreadable DPA cell, Rfk.left_out)
    rencana: object | None         # None: no anggaran kas given
    realisasi: object
    fisik: Decimal | None = None

    @property
    def rencana_pct(self) -> Decimal | None:
        return None if self.rencana is None else serapan(self.pagu, self.rencana)

    @property
    def realisasi_pct(self) -> Decimal | None:
        return serapan(self.pagu, self.realisasi)

    @property
    def deviasi(self) -> Decimal | None:
        """realisasi % − rencana %, both as shown (2 decimals), so the sheet's formula gives the same."""
        a, b = self.realisasi_pct, self.rencana_pct
        return None if a is None or b is None else r2(a - b)

    @property
    def sisa(self):
        return self.pagu - self.realisasi


@dataclass
class Quarter:
    number: int                    # 1..4
    month: int                     # the month the figures run to (the quarter's end, or the latest month)
    rencana: object | None
    realisasi: object | None       # None: that month has no realisasi (not reached, or no file for it)

    @property
    def label(self) -> str:
        end = 3 * self.number
        until = "" if self.month == end else f" s.d. {MONTH_LABELS[self.month - 1]}"
        return f"{QUARTER_LABELS[self.number - 1]}{until}"


@dataclass
class Rfk:
    bulan: int | None
    lines: list[Line]              # programs, kegiatan and sub kegiatan in tree order
    total: Line
    quarters: list[Quarter]
    scale: Scale
    kas_source: str | None
    has_kas: bool
    has_fisik: bool
    # sub kegiatan whose pagu is unknown (an unreadable DPA cell): left out of every RFK figure above
    # them (pagu, rencana, realisasi alike), so that a deviasi compares plan and spending of the same
    # sub kegiatan; their own line shows neither rencana nor realisasi
    left_out: list[str] = field(default_factory=list)
    realisasi_incomplete: bool = False      # an unknown realisasi cell: the readable sum

    @property
    def incomplete(self) -> list[str]:
        """The RFK figures that are not whole: rencana and realisasi leave sub kegiatan out, or
        the realisasi holds an unknown cell (`rfk.incomplete` in --json)."""
        out = {"rencana", "realisasi"} if self.left_out else set()
        if self.realisasi_incomplete:
            out.add("realisasi")
        return sorted(out & ({"rencana", "realisasi"} if self.has_kas else {"realisasi"}))

    def status(self, line: Line) -> str | None:
        return self.scale.classify(line.deviasi)


def _weighted(fisik: dict, pagu: dict, subs: list[str]) -> Decimal | None:
    """Realisasi fisik of a group: the sub kegiatan's fisik weighted by their pagu."""
    given = [s for s in subs if s in fisik]
    weight = sum((pagu.get(s, 0) for s in given), 0)
    if not given or not weight:
        return None
    return r2(sum((fisik[s] * Decimal(pagu.get(s, 0)) for s in given), Decimal(0)) / Decimal(weight))


def build_rfk(budget: Budget, kas: Kas | None, fisik: dict, scale: Scale) -> Rfk:
    month = budget.latest_month
    upto = month or 12
    # a sub kegiatan of unknown pagu, or of unknown realisasi (an unreadable cell; not a month without
    # its file, which leaves every figure after it short), is left out of plan and spending alike, in
    # the figures of every code above it and of the total: the deviasi compares the same sub kegiatan
    unread = {c for c, roots in budget.unknown.get("realisasi", {}).items() if any(r.code != "month-missing" for r in roots)}
    left_out = sorted(set(budget.unknown.get("pagu", {})) | unread, key=code_key)
    out_under: dict = {}
    for x in left_out:
        for p in [None, *codes.ancestors(x)]:
            out_under.setdefault(p, []).append(x)
    # spending or a plan on a code the DPA does not have (its missing-in-dpa) has no pagu: the RFK
    # compares plan and spending of the DPA's own sub kegiatan, so it is left out of every figure
    in_dpa = {a for c in budget.pagu for a in [c, *codes.ancestors(c)]}
    stray = sorted((c for c in set(budget.realisasi) | set(kas.plan if kas else ())
                    if c not in in_dpa and not any(a in budget.pagu for a in codes.ancestors(c))), key=code_key)
    for x in stray:
        for p in [None, *codes.ancestors(x)]:
            out_under.setdefault(p, []).append(x)

    def plan(code, at=upto):
        if not kas:
            return None
        return kas.upto(at, code) - sum((kas.upto(at, x) for x in out_under.get(code, [])), 0)

    def budgeted(code):
        return budget.total("pagu", code) - sum((budget.total("pagu", x) for x in out_under.get(code, [])), 0)

    def spent(code):
        return budget.total("realisasi", code) - sum((budget.total("realisasi", x) for x in out_under.get(code, [])), 0)
    subs_of: dict[str, list[str]] = {}
    for c in budget.codes:
        if codes.level(c) == 6:
            for p in (".".join(c.split(".")[:3]), ".".join(c.split(".")[:5])):
                subs_of.setdefault(p, []).append(c)
    lines = []
    for c in budget.codes:
        level = codes.level(c)
        if level not in (3, 5, 6) or c not in in_dpa:
            continue
        f = fisik.get(c) if level == 6 else _weighted(fisik, budget.pagu, subs_of.get(c, []))
        if c in left_out:
            lines.append(Line(c, level, None, None, None, f))      # unknown, blank on the RFK sheet
            continue
        lines.append(Line(c, level, budgeted(c), plan(c), spent(c), f))
    all_subs = [c for c in budget.codes if codes.level(c) == 6]
    total = Line(None, 0, budgeted(None), plan(None), spent(None), _weighted(fisik, budget.pagu, all_subs))
    quarters = []
    for q in range(1, 5):
        end = 3 * q
        at = month if month and end - 2 <= month < end else end
        real = None
        if at in budget.monthly:
            real = sum((v for c, v in budget.monthly[at].items()
                        if c not in stray and not any(p in left_out for p in codes.ancestors(c) + [c])), 0)
        quarters.append(Quarter(q, at, plan(None, at), real))
    return Rfk(month, lines, total, quarters, scale, kas.source if kas else None, kas is not None,
               any(x.fisik is not None for x in lines), left_out, budget.incomplete("realisasi"))


def deviasi_findings(rfk: Rfk, kas: Kas) -> list[Finding]:
    """A warning for each program and kegiatan in the worst band (behind plan beyond the limit),
    while the year runs. With December's realisasi the plan is the whole pagu, so the deviation is
    the budget left unspent: a closed year's serapan (Tabel 3.9, RFK status), not a delay that can
    still be caught up."""
    if not rfk.has_kas or not rfk.bulan or rfk.bulan >= 12:
        return []
    worst = rfk.scale.bands[-1]
    behind = [x for x in rfk.lines if x.level in (3, 5) and x.deviasi is not None and worst.contains(x.deviasi)]
    # one mistake, one finding: a program whose figures are those of one kegiatan under it (its only
    # kegiatan, or the only one with money) is that kegiatan's delay, said once, at the kegiatan
    said = {(x.kode.rpartition(".")[0].rpartition(".")[0], x.pagu, x.rencana, x.realisasi)
            for x in behind if x.level == 5}
    out = []
    for line in behind:
        if line.level == 3 and (line.kode, line.pagu, line.rencana, line.realisasi) in said:
            continue
        # at the code's row in the anggaran kas, where the plan that is not kept is written
        where = kas.cells.get(line.kode, (kas.place, None))
        out.append(Finding("deviasi", {"level": Text(codes.level_fragment(line.kode)), "month": Month(rfk.bulan),
                                       "realisasi": line.realisasi_pct, "rencana": line.rencana_pct,
                                       "deviasi": line.deviasi, "band": f"{worst.label} {worst.text}"},
                           **where[0], cell=where[1], kode=line.kode, expected=line.rencana_pct,
                           actual=line.realisasi_pct))
    return out
