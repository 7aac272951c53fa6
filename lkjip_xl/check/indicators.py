"""Indicator engine: capaian with polarity, predikat by scale, checks against what is stated and
against the Renstra, program links to sasaran, serapan and efisiensi per sasaran."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from lkjip_xl.config import Settings
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Month, Pair, Text
from lkjip_xl.read.headers import normalize
from lkjip_xl.read.names import indicator_key
from lkjip_xl.read.numbers import is_missing
from lkjip_xl.check.matching import match
from lkjip_xl.check.polarity import carry_polarity
from lkjip_xl.check.reconcile import Budget
from lkjip_xl.check.model import Indicator, IndicatorSheet, ProgramIndicator, Validated

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def r2(x: Decimal | None) -> Decimal | None:
    return None if x is None else x.quantize(CENT, rounding=ROUND_HALF_UP)


def capaian(target: Decimal | None, realisasi: Decimal | None, negative: bool, settings: Settings) -> Decimal | None:
    """Capaian in percent, rounded to 2 decimals; None when it cannot be computed."""
    if target is None or realisasi is None or target == 0:
        return None
    formula = settings.formula(negative)
    terms = {"T": target, "R": realisasi}
    numerator = sum(coef * terms[x] for x, coef in formula["numerator"].items())
    denominator = sum(coef * terms[x] for x, coef in formula["denominator"].items())
    if denominator == 0:
        return None
    value = numerator / denominator * HUNDRED
    if settings.cap_capaian is not None:
        value = min(value, settings.cap_capaian)
    return r2(value)


def serapan(pagu, realisasi) -> Decimal | None:
    if not pagu:
        return None
    return r2(Decimal(realisasi) / Decimal(pagu) * HUNDRED)


@dataclass
class Measure:
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    stated: Decimal | None
    predikat: str | None
    cells: dict[str, str | None]
    unreadable: bool = False        # its target or realisasi cell is a bad-number: that is the finding


@dataclass
class IKU:
    ind: Indicator
    years: dict[int, Measure]
    source: str
    akhir: Measure | None = None        # Tabel 3.4: realisasi to date against the final Renstra target
    akhir_year: int | None = None

    def at(self, year) -> Measure | None:
        return self.years.get(year)


@dataclass
class ProgramLink:
    kode: str | None
    program: str
    indikator: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    menunjang: bool | None
    sasaran_key: str | None


@dataclass
class Sasaran:
    text: str
    ikus: list[IKU]
    programs: list[str] = field(default_factory=list)           # program codes supporting it
    program_links: list[ProgramLink] = field(default_factory=list)
    capaian: Decimal | None = None
    pagu: object = 0
    realisasi: object = 0
    serapan: Decimal | None = None
    efisiensi: Decimal | None = None
    kategori_efisiensi: str | None = None


@dataclass
class Performance:
    tahun: int | None
    ikus: list[IKU]
    sasaran: list[Sasaran]
    programs: list[ProgramLink]
    renstra_years: list[int]
    counts: dict[str, int]
    program_sasaran: dict[str, str]                      # program code → sasaran text
    renstra: list[Indicator] = field(default_factory=list)   # Renstra rows as written (Tabel 2.1, 2.2)
    renstra_sources: list[str] = field(default_factory=list)  # "file › sheet" of each Renstra sheet
    # several sasaran and nothing says which programs support which: the office's whole budget, once,
    # against the capaian of every IKU (Tabel 3.7 shows it so); giving each sasaran the whole budget
    # would state a per-sasaran anggaran nobody knows
    office: Sasaran | None = None


def _key(s: str) -> str:
    return normalize(s).replace(" ", "")


class _Renstra:
    """The Renstra's targets per indicator, found for an IKU indicator however either names it
    (check/matching.py); `alike`: IKU indicators that match none but look like one."""

    def __init__(self, sheets: list[IndicatorSheet], iku_sheets: list[IndicatorSheet]):
        self.plans: dict[int, dict[int, tuple[Decimal, str]]] = {}
        self.alike: list[tuple[IndicatorSheet, Indicator, Indicator, IndicatorSheet]] = []
        ref = [(s, ind) for s in sheets if s.renstra for ind in s.rows]
        plans = []
        for s, ind in ref:
            slot: dict[int, tuple[Decimal, str]] = {}
            for year, m in ind.years.items():
                t = m.get("target")
                if t is not None and t.value is not None:
                    slot.setdefault(year, (t.value, f"{s.sheet.file} › {s.sheet.name} {t.cell}"))
            plans.append(slot)
        where = {id(ind): (s, plan) for (s, ind), plan in zip(ref, plans)}
        for s in iku_sheets:
            found, alike = match([ind for _, ind in ref], s.rows)
            for i, r in found.items():
                self.plans[id(s.rows[i])] = where[id(r)][1]
            self.alike += [(s, o, r, where[id(r)][0]) for o, r in alike]

    def get(self, ind: Indicator) -> dict[int, tuple[Decimal, str]]:
        return self.plans.get(id(ind), {})

    def findings(self) -> list[Finding]:
        return [Finding("indikator-mirip", {"indikator": o.indikator, "mirip": r.indikator,
                                            "other": f"{rs.sheet.file} › {rs.sheet.name}"},
                        **s.sheet.place(), cell=s.sheet.cell(o.row, "indikator"), expected=r.indikator,
                        actual=o.indikator)
                for s, o, r, rs in self.alike]


def _why_not(T, R, negative: bool, settings: Settings, given: bool) -> tuple[Text, str] | None:
    """Why capaian cannot be computed, and which cell to fix ("target"/"realisasi"); None when it
    can, or when nothing is filled in yet (no target, no realisasi, no stated capaian)."""
    if T == 0:
        return Text("why-target-zero"), "target"
    if T is None:
        return (Text("why-target-empty"), "target") if given else None
    if R is None:
        return (Text("why-realisasi-empty"), "realisasi") if given else None
    formula = settings.formula(negative)
    if sum(coef * {"T": T, "R": R}[x] for x, coef in formula["denominator"].items()) == 0:
        return Text("why-realisasi-zero", rumus=formula["text"]), "realisasi"
    return None


def _check(place: dict, what: dict, T, R, stated, negative: bool, settings: Settings, cells: dict, findings,
           kode=None, unreadable: bool = False) -> Decimal | None:
    """Capaian of one target/realisasi pair; zero-target and capaian-mismatch findings. `unreadable`:
    a cell of the pair could not be read (its bad-number is the one finding; not 'empty' as well)."""
    cap = capaian(T, R, negative, settings)
    if cap is None:
        why = None if unreadable else _why_not(T, R, negative, settings, R is not None or stated is not None)
        if why:
            findings.append(Finding("zero-target", {**what, "why": why[0]}, **place, cell=cells.get(why[1]), kode=kode,
                                    actual=T))
    elif stated is not None and abs(r2(stated) - cap) > settings.tolerance:
        findings.append(Finding("capaian-mismatch", {**what, "rumus": settings.formula(negative)["text"],
                                                     "diff": abs(r2(stated) - cap)},
                                **place, cell=cells.get("capaian"), kode=kode, expected=cap, actual=stated))
    return cap


def _measure(s: IndicatorSheet, ind: Indicator, year: int, m: dict, renstra, settings: Settings, findings) -> Measure:
    place = s.sheet.place()
    get = lambda k: m[k].value if k in m else None
    cells = {k: m[k].cell if k in m else None for k in ("target", "realisasi", "capaian")}
    T, R, stated = get("target"), get("realisasi"), get("capaian")
    what = {"indikator": ind.indikator, "tahun": str(year)}
    # a cell with text that is no number has its bad-number; a dash is "missing", as if empty (CONTRACT §2)
    unreadable = any(k in m and m[k].value is None and m[k].text and not is_missing(m[k].text)
                     for k in ("target", "realisasi"))
    cap = _check(place, what, T, R, stated, ind.negative, settings, cells, findings, unreadable=unreadable)
    predikat = settings.predikat.classify(cap)
    said = m.get("kategori")
    if said is not None and said.text and predikat and _key(said.text) != _key(predikat):
        # the band by name in the reader's language; in English with the Indonesian label to type
        band = next(b for b in settings.predikat.bands if b.label == predikat)
        name = Pair(predikat, f"'{band.label_en}' ({predikat})" if band.label_en else f"'{predikat}'")
        findings.append(Finding("predikat-mismatch", {**what, "capaian": cap, "skala": settings.predikat.title,
                                                      "predikat": name},
                                **place, cell=said.cell, expected=predikat, actual=said.text))
    plan = renstra.get(ind).get(year)
    if plan is not None and T is not None and T != plan[0]:
        findings.append(Finding("target-mismatch", {**what, "renstra": plan[1], "diff": abs(T - plan[0])}, **place,
                                cell=cells["target"], expected=plan[0], actual=T))
    return Measure(T, R, cap, stated, predikat, cells, unreadable)


def _not_yet(s: IndicatorSheet, ind: Indicator, m: Measure | None, tahun, month) -> list[Finding]:
    """The report year's capaian left blank because nothing was filled in yet: said, so that a blank
    cell always has its reason. Before December it is 'belum ada realisasi' (info); at year end an
    empty realisasi (warning)."""
    if m is None or m.unreadable or m.capaian is not None or m.target in (None, 0) or m.realisasi is not None \
            or m.stated is not None:
        return []
    mid_year = month is not None and month < 12
    why = Text("why-no-realisasi-yet", month=Month(month)) if mid_year else Text("why-realisasi-empty")
    return [Finding("zero-target", {"indikator": ind.indikator, "tahun": str(tahun), "why": why}, **s.sheet.place(),
                    cell=m.cells.get("realisasi"), actual=m.target, severity="info" if mid_year else None)]


def _akhir(iku: IKU, tahun: int | None, renstra, settings: Settings) -> tuple[Measure | None, int | None]:
    """Tabel 3.4: progress towards the final Renstra target. A kumulatif indicator adds up its yearly
    realisasi up to this year; a nilai akhir indicator takes this year's. The final target is the
    IKU's own 'Target Akhir' column, else the Renstra's last year, else the IKU's last year."""
    ind = iku.ind
    if ind.target_akhir is not None and ind.target_akhir.value is not None:
        target, year = ind.target_akhir.value, ind.target_akhir_year
    elif renstra.get(ind):
        year = max(renstra.get(ind))
        target = renstra.get(ind)[year][0]
    elif iku.years:
        year = max(iku.years)
        target = iku.years[year].target
    else:
        return None, None
    upto = [m for y, m in sorted(iku.years.items()) if tahun is None or y <= tahun]
    if ind.kumulatif:
        vals = [m.realisasi for m in upto if m.realisasi is not None]
        real = sum(vals, Decimal(0)) if vals else None
    else:
        real = upto[-1].realisasi if upto else None
    cap = capaian(target, real, ind.negative, settings)
    return Measure(target, real, cap, None, settings.predikat.classify(cap), {}), year


def _number(text: str) -> Decimal | None:
    try:
        n = Decimal(str(text).strip())
    except ArithmeticError:
        return None
    return n.normalize() if n.is_finite() else None


def _link(p: ProgramIndicator, ikus: list[IKU], sasaran_keys: list[str]) -> str | None:
    k = _key(p.sasaran)
    if not k:
        return None
    if k in sasaran_keys:
        return k
    number = _number(p.sasaran)          # "1", 1 or 1.0: the IKU's No
    for iku in ikus:
        if (number is not None and number == _number(iku.ind.no)) or indicator_key(p.sasaran) == indicator_key(iku.ind.indikator):
            return _key(iku.ind.sasaran)
    for sk in sasaran_keys:
        if k in sk or sk in k:
            return sk
    return None


def _sheets_disagree(main: list[IKU], others: list[tuple[IndicatorSheet, list[IKU]]]) -> list[Finding]:
    """A PK (or any other indicator sheet) against the IKU table: one indicator's target or realisasi
    for one year that differs is an indikator-mismatch at the other sheet's cell; the IKU's is used."""
    found = []
    refs = {id(i.ind): i for i in main}
    for sheet, ikus in others:
        # one indicator however either sheet writes it (check/matching.py); look-alikes are said
        pairs, alike = match([i.ind for i in main], [i.ind for i in ikus])
        found += [Finding("indikator-mirip", {"indikator": o.indikator, "mirip": r.indikator,
                                              "other": refs[id(r)].source},
                          **sheet.sheet.place(), cell=sheet.sheet.cell(o.row, "indikator"), expected=r.indikator,
                          actual=o.indikator) for o, r in alike]
        for pos, iku in enumerate(ikus):
            ref = refs[id(pairs[pos])] if pos in pairs else None
            if ref is None:
                continue
            for year, m in iku.years.items():
                theirs = ref.at(year)
                if theirs is None:
                    continue
                for what in ("target", "realisasi"):
                    mine, used = getattr(m, what), getattr(theirs, what)
                    if mine is not None and used is not None and mine != used:
                        found.append(Finding("indikator-mismatch", {
                            "indikator": iku.ind.indikator, "kolom": f"{what} {year}",
                            "other": f"{ref.source} {theirs.cells.get(what) or ''}".strip(), "used": ref.source,
                            "why": Text("used-iku")}, **sheet.sheet.place(), cell=m.cells.get(what),
                            expected=used, actual=mine))
    return found


def evaluate(v: Validated, budget: Budget, settings: Settings) -> tuple[Performance, list[Finding]]:
    findings: list[Finding] = []
    tahun = v.tahun
    findings += carry_polarity(v.indicators)      # before any capaian is computed
    renstra = _Renstra(v.indicators, [s for s in v.indicators if not s.renstra])
    findings += renstra.findings()
    measured: list[tuple[IndicatorSheet, list[IKU]]] = []
    for s in v.indicators:
        if s.renstra:
            continue
        ikus = []
        for ind in s.rows:
            years = {y: _measure(s, ind, y, m, renstra, settings, findings) for y, m in sorted(ind.years.items())}
            findings += _not_yet(s, ind, years.get(tahun), tahun, budget.latest_month)
            if ind.target_akhir is not None and ind.target_akhir.value is not None:
                plan = renstra.get(ind).get(ind.target_akhir_year)
                if plan is not None and plan[0] != ind.target_akhir.value:
                    findings.append(Finding("target-mismatch", {"indikator": ind.indikator, "tahun": str(ind.target_akhir_year),
                                                                "renstra": plan[1], "diff": abs(plan[0] - ind.target_akhir.value)},
                                            **s.sheet.place(), cell=ind.target_akhir.cell, expected=plan[0],
                                            actual=ind.target_akhir.value))
            iku = IKU(ind, years, f"{s.sheet.file} › {s.sheet.name}")
            iku.akhir, iku.akhir_year = _akhir(iku, tahun, renstra, settings)
            if ind.target_akhir is not None and ind.target_akhir.value == 0:
                # Tabel 3.4 stays blank: said at the Target Akhir cell (a yearly target of 0 is said above)
                findings.append(Finding("zero-target", {"indikator": ind.indikator, "tahun": str(ind.target_akhir_year),
                                                        "why": Text("why-target-akhir-zero")},
                                        **s.sheet.place(), cell=ind.target_akhir.cell, actual=ind.target_akhir.value))
            ikus.append(iku)
        measured.append((s, ikus))
    # the sheet with the most years measured is the IKU table; others (a PK sheet) are checked only
    main = max(measured, key=lambda x: (sum(len(i.years) for i in x[1]), -measured.index(x)))[1] if measured else []
    disagree = _sheets_disagree(main, [(s, i) for s, i in measured if i is not main])
    # one mistake, one finding: a PK target that differs from the IKU's (the IKU's is used) also differs
    # from the Renstra the IKU follows; the indikator-mismatch names the very copy and what is used
    said = {(f.file, f.sheet, f.cell) for f in disagree if f.code == "indikator-mismatch"}
    findings[:] = [f for f in findings if f.code != "target-mismatch" or (f.file, f.sheet, f.cell) not in said]
    findings += disagree
    sasaran: list[Sasaran] = []
    by_key: dict[str, Sasaran] = {}
    for iku in main:
        k = _key(iku.ind.sasaran) or _key(iku.ind.indikator)
        if k not in by_key:
            by_key[k] = Sasaran(text=iku.ind.sasaran or iku.ind.indikator, ikus=[])
            sasaran.append(by_key[k])
        by_key[k].ikus.append(iku)
    links: list[ProgramLink] = []
    program_sasaran: dict[str, str] = {}
    for ps in v.programs:
        for p in ps.rows:
            place = ps.sheet.place()
            cap = _check(place, {"indikator": p.indikator, "tahun": str(tahun or "-")}, p.target.value,
                         p.realisasi.value, p.capaian.value, False, settings,
                         {"target": p.target.cell, "realisasi": p.realisasi.cell, "capaian": p.capaian.cell},
                         findings, kode=p.kode)
            shown = cap if cap is not None else p.capaian.value
            key = _link(p, main, list(by_key))
            if key is None and p.sasaran:
                findings.append(Finding("sasaran-not-found", {"text": p.sasaran}, **place, kode=p.kode,
                                        cell=ps.sheet.cell(p.row, "sasaran")))
            if p.kode and p.program and p.kode in budget.names and _key(p.program) != _key(budget.names[p.kode]):
                other = budget.named_by.get(p.kode) or budget.primary or "DPA"
                findings.append(Finding("uraian-mismatch", {"other": other}, **place, cell=p.cell_program,
                                        kode=p.kode, expected=budget.names[p.kode], actual=p.program))
            link = ProgramLink(p.kode, p.program or budget.names.get(p.kode or "", ""), p.indikator, p.target.value,
                               p.realisasi.value, shown,
                               None if shown is None else shown >= settings.menunjang_min_capaian, key)
            links.append(link)
            if key and key in by_key:
                by_key[key].program_links.append(link)
                if p.kode and p.kode not in by_key[key].programs:
                    by_key[key].programs.append(p.kode)
                    program_sasaran[p.kode] = by_key[key].text
    office = None
    if sasaran and not any(s.programs for s in sasaran):
        if len(sasaran) == 1:
            sasaran[0].programs = budget.programs()   # one sasaran: every program supports it
        else:
            office = Sasaran(text="", ikus=[i for s in sasaran for i in s.ikus], programs=budget.programs())
            findings.append(_programs_unknown(measured, main, sasaran, v.programs))
    for s in sasaran + ([office] if office else []):
        caps = [i.at(tahun).capaian for i in s.ikus if i.at(tahun) and i.at(tahun).capaian is not None]
        s.capaian = r2(sum(caps) / len(caps)) if caps else None
        s.pagu = sum((budget.total("pagu", p) for p in s.programs), 0)
        s.realisasi = sum((budget.total("realisasi", p) for p in s.programs), 0)
        s.serapan = serapan(s.pagu, s.realisasi) if budget.has_realisasi else None
        if s.capaian is not None and s.serapan is not None:
            s.efisiensi = r2(s.capaian - s.serapan)
            if settings.efisiensi_requires_full_capaian and s.capaian < HUNDRED:
                s.kategori_efisiensi = "Tidak dapat diukur"
            else:
                s.kategori_efisiensi = settings.efisiensi.classify(s.efisiensi)
    counts = {b.label: 0 for b in settings.predikat.bands}
    for iku in main:
        m = iku.at(tahun)
        if m and m.predikat:
            counts[m.predikat] += 1
    years = sorted({y for s in v.indicators if s.renstra for i in s.rows for y in i.years})
    plan = [i for s in v.indicators if s.renstra for i in s.rows]
    plan_sources = [f"{s.sheet.file} › {s.sheet.name}" for s in v.indicators if s.renstra and s.rows]
    return Performance(tahun, main, sasaran, links, years, counts, program_sasaran, plan, plan_sources, office), findings


def _programs_unknown(measured, main: list[IKU], sasaran: list[Sasaran], program_sheets) -> Finding:
    """Told at the IKU sheet whose sasaran lack programs: what to add so that each sasaran gets the
    budget of its own programs (variant `unlinked`: the sheet is there, its Sasaran column links nothing)."""
    sheet = next((s for s, ikus in measured if ikus is main), None)
    place = sheet.sheet.place() if sheet else {}
    params = {"n": len(sasaran)}
    if any(ps.rows for ps in program_sheets):
        params["variant"] = "unlinked"
    return Finding("sasaran-programs-unknown", params, **place)
