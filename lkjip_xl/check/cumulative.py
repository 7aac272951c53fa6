"""Cumulative or per month (CONTRACT §2, role realisasi): how the plain `Realisasi` column of monthly
files is read. Its words say cumulative unless they say `Bulan Ini`; a column that says `s.d.` or
`Kumulatif` is cumulative whatever its figures do (a fall is then a realisasi-decreased). A plain
column is weighed by its data:

- a `Sisa` column, with the file's `Anggaran`: Sisa = Anggaran − the figure, or a Sisa that falls
  from one month to the next by the figure's rise, is a running total; Sisa = Anggaran − the figures
  of every month so far, or a Sisa that falls by the whole figure, is each month's own spending. Only
  sub kegiatan that spent something before count: in the first month both readings are one.
- the shape: a running total never falls. When from each month to the next most sub kegiatan fall,
  the figures are each month's own; when some rise and many fall (a third or more, on two sub
  kegiatan or more), the shape cannot tell. One fall alone is a realisasi-decreased, not a doubt.

Sisa, when it tells, decides. A column that says s.d./kumulatif whose Sisa says per month is read as
its header says, with one realisasi-ambiguous that the two disagree. A plain column read per month, or one the data cannot tell (then read
cumulative, the contract's default, its falls not reported one by one), is one realisasi-ambiguous
at the column's header saying which reading was used, why, and how to make the header explicit.
A single monthly file with no Sisa tells nothing and is read cumulative, without a finding.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lkjip_xl.check.sums import SheetSums
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read.headers import normalize

# words of a realisasi header that say it is the running total
_CUMULATIVE_WORDS = {"sd", "kumulatif", "sampai", "akumulasi"}


@dataclass
class Decision:
    per_month: dict = field(default_factory=dict)   # id of a file's sums → code → running total (read per month)
    quiet: set = field(default_factory=set)         # ids of files whose falls are not findings (cannot tell)
    findings: list = field(default_factory=list)


@dataclass
class _Votes:
    """(month, code) pairs whose Sisa fits one reading only."""
    cumulative: int = 0
    per_month: int = 0
    codes: dict = field(default_factory=lambda: {"cumulative": set(), "per_month": set()})

    def add(self, code: str, cumulative: bool, per_month: bool) -> None:
        if cumulative != per_month:
            which = "cumulative" if cumulative else "per_month"
            setattr(self, which, getattr(self, which) + 1)
            self.codes[which].add(code)


def monthly_only(s: SheetSums) -> bool:
    """A month's file that states only 'Realisasi Bulan Ini', not the cumulative figure."""
    return "realisasi" not in s.bs.amounts and "realisasi_bulan_ini" in s.bs.amounts


def plain(s: SheetSums) -> bool:
    """The Realisasi column's header says neither s.d./kumulatif nor bulan ini."""
    sheet = s.bs.sheet
    at = sheet.cols.get("realisasi")
    header = next((h for n, h in sheet.heads.items() if sheet.cols.get(n) == at), "")
    return not set(normalize(header).split()) & _CUMULATIVE_WORDS


def decide(real: list[SheetSums]) -> Decision:
    monthly = [s for s in real if not s.months and not monthly_only(s) and s.bs.month]
    decision = _decide_plain(sorted((s for s in monthly if plain(s)), key=lambda s: s.bs.month))
    decision.findings += _worded_but_per_month(sorted((s for s in monthly if not plain(s)), key=lambda s: s.bs.month))
    return decision


def _worded_but_per_month(files: list[SheetSums]) -> list[Finding]:
    """A column that says s.d./kumulatif is read so; but when its Sisa says each month's own figure,
    the header and the data disagree: one warning (the falls, if any, are realisasi-decreased)."""
    if len({s.bs.month for s in files}) != len(files) or len(files) < 2:
        return []
    votes = _sisa_votes(files, [_known(s, "realisasi") for s in files])
    if votes.per_month > 2 * votes.cumulative:
        why = Text("why-sisa", n=len(votes.codes["per_month"]))
        return [_finding(files, Text("reading-cumulative"), why, "header-disagrees")]
    return []


def _decide_plain(files: list[SheetSums]) -> Decision:
    if len({s.bs.month for s in files}) != len(files) or not files:
        return Decision()
    values = [_known(s, "realisasi") for s in files]
    votes = _sisa_votes(files, values)
    falls, compared, fell, most = _shape(values)
    if votes.per_month > 2 * votes.cumulative:
        return _per_month(files, Text("why-sisa", n=len(votes.codes["per_month"])))
    if votes.cumulative > 2 * votes.per_month:
        return Decision()
    if votes.cumulative or votes.per_month:
        evidence = Text("evidence-sisa", cum=len(votes.codes["cumulative"]), pm=len(votes.codes["per_month"]))
        return _cannot_tell(files, evidence)
    if most:
        return _per_month(files, Text("why-falls"))
    if len(fell) >= 2 and 3 * falls >= compared:
        return _cannot_tell(files, Text("evidence-shape", falls=falls, compared=compared))
    return Decision()


def _known(s: SheetSums, amount: str) -> dict:
    """Code → the file's figure, for the codes whose figure is known (not an unreadable cell)."""
    return {c: a.get(amount) or 0 for c, a in s.leaves.items() if not s.unknown_at(c, amount)}


def _shape(values: list[dict]) -> tuple[int, int, set, bool]:
    """Falls, comparisons, the codes that fell, and whether from every month to the next most fell."""
    falls = compared = 0
    fell: set = set()
    most = len(values) >= 2
    for before, after in zip(values, values[1:]):
        common = [c for c in after if before.get(c)]
        down = [c for c in common if after[c] < before[c]]
        falls, compared = falls + len(down), compared + len(common)
        fell.update(down)
        most = most and bool(common) and 2 * len(down) > len(common)
    return falls, compared, fell, most


def _sisa(s: SheetSums) -> dict:
    """Code → the Sisa stated on its sub kegiatan row (or the sum of its rekening lines), when known.
    One pass over the rows: a large LRA has thousands of sub kegiatan."""
    df = s.bs.df
    if "sisa" not in df:
        return {}
    on_row: dict = {}
    lines: dict = {}
    for kode, sub, kind, value in zip(df["kode"], df["sub"], df["kind"], df["sisa"]):
        if kind == "node" and kode in s.leaves and kode not in on_row:
            on_row[kode] = value
        elif kind == "rek" and sub in s.leaves:
            lines.setdefault(sub, []).append(value)
    out = {}
    for code in s.leaves:
        value = on_row.get(code)
        if value is None and lines.get(code) and all(v is not None for v in lines[code]):
            value = sum(lines[code])
        if value is not None:
            out[code] = value
    return out


def _sisa_votes(files: list[SheetSums], values: list[dict]) -> _Votes:
    votes = _Votes()
    sisa = [_sisa(s) for s in files]
    anggaran = [_known(s, "pagu") if "pagu" in s.bs.amounts else {} for s in files]
    months = [s.bs.month for s in files]
    for i, s in enumerate(files):
        complete = months[:i] == list(range(1, months[i]))        # every earlier month is here
        for code, r in values[i].items():
            left = sisa[i].get(code)
            if left is None:
                continue
            before = [values[j].get(code) or 0 for j in range(i)]
            cumulative = per_month = False
            a = anggaran[i].get(code)
            if a is not None and any(before):
                if left == a - r:
                    cumulative = True
                elif complete and left == a - r - sum(before):
                    per_month = True
            prev_left = sisa[i - 1].get(code) if i and months[i - 1] == months[i] - 1 else None
            prev = values[i - 1].get(code) if i else None
            if prev_left is not None and prev:
                if prev_left - left == r:
                    per_month = True
                elif prev_left - left == r - prev:
                    cumulative = True
            votes.add(code, cumulative, per_month)
    return votes


def _per_month(files: list[SheetSums], why: Text) -> Decision:
    """Each month's own figures added up month by month (an unknown one stays unknown in every later
    month: monthly_realisasi keeps the file's unknown cells)."""
    out, total = {}, defaultdict(int)
    for s in files:
        for c, a in s.leaves.items():
            total[c] += a.get("realisasi") or 0
        out[id(s)] = dict(total)
    return Decision(out, set(), [_finding(files, Text("reading-per-month"), why, None)])


def _cannot_tell(files: list[SheetSums], evidence: Text) -> Decision:
    return Decision({}, {id(s) for s in files},
                    [_finding(files, Text("reading-cumulative"), evidence, "cannot-tell")])


def _finding(files: list[SheetSums], used: Text, why: Text, variant: str | None) -> Finding:
    last = files[-1]
    params = {"months": len(files), "used": used, "why": why, **({"variant": variant} if variant else {})}
    return Finding("realisasi-ambiguous", params, **last.bs.sheet.place(), cell=_header_cell(last))


def _header_cell(s: SheetSums) -> str | None:
    """The Realisasi column's header cell (header_row counts from 0)."""
    row = s.bs.sheet.header_row
    return s.bs.sheet.cell(row + 1, "realisasi") if row is not None else None
