"""Documents compared with the primary DPA, sub kegiatan by sub kegiatan: another DPA sheet or a
Renja (pagu), and the names written for one code."""
from __future__ import annotations

from lkjip_xl.check.sums import SheetSums, cell_at, code_key, diff, prefixes
from lkjip_xl.findings import Finding
from lkjip_xl.read.headers import normalize


def pick_primary(sums: list[SheetSums]) -> SheetSums | None:
    dpa = [s for s in sums if s.bs.sheet.role == "dpa" and "pagu" in s.bs.amounts]
    if not dpa:
        return None
    return max(dpa, key=lambda s: (s.bs.has_rekening, len(s.leaves)))


def _name_key(s: str) -> str:
    return normalize(s).replace(" ", "")


def uraian_mismatches(primary: SheetSums, other: SheetSums, findings, done: set | None = None) -> None:
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


def compare_pagu(primary: SheetSums, pagu: dict, in_dpa: dict, s: SheetSums, findings) -> None:
    """Another DPA sheet (a rekap beside the rekening-level DPA) or a Renja, against the primary DPA,
    line by line at the other sheet's own level (a program-level rekap compares program totals).
    Renja differences are expected (it is a plan): warning and info, never error."""
    renja = s.bs.sheet.role == "renja"
    place = s.bs.sheet.place()
    for code in sorted(s.leaves, key=code_key):
        mine = s.leaves[code].get("pagu", 0)
        if code in in_dpa:
            theirs = in_dpa[code]
        elif renja:
            findings.append(Finding("missing-in-dpa", {"doc": s.label}, **place, cell=cell_at(s, code, "kode"),
                                    kode=code, severity="info"))
            continue
        else:
            # a zero-pagu sub kegiatan has no rekening lines, so the detailed DPA cannot list it
            theirs = pagu[code] = 0
            for p in prefixes(code):
                in_dpa[p] += 0
        if mine != theirs:
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": diff(mine, theirs)}, **place,
                                    cell=cell_at(s, code, "pagu"), kode=code, expected=theirs, actual=mine,
                                    severity="warning" if renja else None))
    if not renja:
        covered = {p for c in s.leaves for p in prefixes(c)}
        for code in sorted(pagu, key=code_key):
            if pagu[code] and not any(p in s.leaves for p in prefixes(code)) and code not in covered:
                findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": pagu[code]}, **place,
                                        kode=code, expected=pagu[code], actual=0))
