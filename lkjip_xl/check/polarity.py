"""One indicator's polarity across sheets: a PK form (or any indicator sheet) that has no Polaritas
column, or leaves it blank, takes the polarity that another sheet states for the same indicator
(matched as check/matching.py matches IKU and PK), so that its capaian is computed as the officer
computed it. Two sheets that state different polarities for one indicator are a polaritas-mismatch;
each sheet keeps its own for its own capaian (its stated capaian follows it), the report the first's."""
from __future__ import annotations

from lkjip_xl.check.matching import match
from lkjip_xl.check.model import IndicatorSheet
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text


def _word(negative: bool) -> str:
    return "negatif" if negative else "positif"


def carry_polarity(sheets: list[IndicatorSheet]) -> list[Finding]:
    """Sets the polarity of indicators that state none from a sheet that does; the findings for
    two stated polarities that differ. Order of precedence: the IKU table (the sheet with the most
    years, as indicators.evaluate chooses it), the other measured sheets, then Renstra sheets."""
    measured = [s for s in sheets if not s.renstra]
    order = sorted(measured, key=lambda s: (-sum(len(i.years) for i in s.rows), measured.index(s)))
    order += [s for s in sheets if s.renstra]
    findings: list[Finding] = []
    carried: set[int] = set()
    said: set[int] = set()
    stating = [any(r.polaritas_cell for r in s.rows) for s in order]
    for i, b in enumerate(order):
        silent = any(r.polaritas_cell is None for r in b.rows)
        for j, a in enumerate(order):
            # a sheet that states nothing gives nothing; a later one is only a source for b's blanks
            if a is b or not stating[j] or (j > i and not silent):
                continue
            found, _ = match(a.rows, b.rows)
            for pos, ref in sorted(found.items()):
                ind = b.rows[pos]
                if ref.polaritas_cell is None:
                    continue
                if ind.polaritas_cell is None:
                    if id(ind) not in carried:
                        ind.negative = ref.negative
                        carried.add(id(ind))
                elif j < i and ind.negative != ref.negative and id(ind) not in said:
                    said.add(id(ind))
                    findings.append(Finding(
                        "polaritas-mismatch",
                        {"indikator": ind.indikator, "other": f"{a.sheet.file} › {a.sheet.name} {ref.polaritas_cell}",
                         "actual_word": Text(f"polaritas-{_word(ind.negative)}"),
                         "expected_word": Text(f"polaritas-{_word(ref.negative)}"),
                         "used": f"{a.sheet.file} › {a.sheet.name}"},
                        **b.sheet.place(), cell=ind.polaritas_cell, expected=_word(ref.negative),
                        actual=_word(ind.negative)))
    return findings
