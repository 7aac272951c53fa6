"""The whole job as functions a Python user can call: files → read → validate → reconcile →
tables → write. Nothing here prints or exits; cli.py does that."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip_xl.config import Settings, load_settings
from lkjip_xl.read.files import Inputs, default_output, discover
from lkjip_xl.errors import NoRequiredRole, OutputError
from lkjip_xl.findings import Finding, counts, json_value, sort_findings
from lkjip_xl.messages import Text
from lkjip_xl.schemas_io import load_yaml
from lkjip_xl.read.sheets import read_inputs

if TYPE_CHECKING:
    from lkjip_xl.check.indicators import Performance
    from lkjip_xl.check.reconcile import Budget
    from lkjip_xl.check.rfk import Rfk
# check/ (and pandas with it) is imported once the inputs are being read: a large sheet's rows are
# read in the background meanwhile, so the import costs no time there (read/sheets.py)

_ORG = re.compile(r"\b((?:uptd?\s+)?(?:kecamatan|dinas|badan|sekretariat|inspektorat|kantor|satuan polisi|rumah sakit|kelurahan|"
                  r"bagian|rsud|puskesmas)\b[\w .,/&-]*)", re.I)


@dataclass
class Result:
    inputs: Inputs
    settings: Settings
    instansi: str
    tahun: int | None
    budget: Budget
    performance: Performance
    findings: list[Finding]
    sheets: list            # read.Sheet, for the summary of what was read
    rfk: Rfk | None = None  # when an anggaran kas or a realisasi fisik is given
    instansi_from_folder: bool = False   # no name in the settings or the inputs: the folder's name

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def totals(self) -> dict:
        from lkjip_xl.check.indicators import serapan

        pagu, real = self.budget.total("pagu"), self.budget.total("realisasi")
        # no realisasi file at all: serapan is unknown, not 0%
        s = serapan(pagu, real) if self.budget.has_realisasi else None
        return {"pagu": pagu, "realisasi": real, "serapan": s, "bulan": self.budget.latest_month,
                # the amounts that an unknown cell enters are the sum of what was readable
                "incomplete": sorted(w for w in ("pagu", "realisasi") if self.budget.incomplete(w))}

    def to_json(self, lang: str = "id") -> dict:
        t = self.totals
        return {
            "instansi": self.instansi,
            "tahun": self.tahun,
            "ok": self.ok,
            "totals": {"pagu": json_value(t["pagu"]), "realisasi": json_value(t["realisasi"]),
                       "serapan": None if t["serapan"] is None else str(t["serapan"]),
                       "bulan": t["bulan"], "incomplete": t["incomplete"]},
            "rfk": self._rfk_json(),
            "findings": [f.to_dict(lang) for f in self.findings],
        }

    def _rfk_json(self) -> dict | None:
        """The plan against the realisasi up to the latest month; null without an anggaran kas."""
        r = self.rfk
        if r is None or not r.has_kas:
            return None
        t = r.total
        dev = t.deviasi if r.bulan else None
        return {"bulan": r.bulan, "rencana": json_value(t.rencana),
                "realisasi": json_value(t.realisasi) if r.bulan else None,
                "deviasi": None if dev is None else str(dev),
                # the figures that leave something unknown out (CONTRACT §5): a sub kegiatan of unknown pagu
                # is left out of rencana and realisasi alike, an unknown realisasi cell is the readable sum
                "incomplete": r.incomplete}

    def counts(self) -> dict:
        return counts(self.findings)


def _org(line: str) -> str | None:
    m = _ORG.search(line)
    if not m:
        return None
    words = re.split(r"\s+(?:kabupaten|kota|provinsi|tahun|ta\b|s\.d|sd\b|(?:19|20)\d\d\b)", m.group(1), flags=re.I)[0]
    return _cased(words.split())


def _cased(words: list[str]) -> str:
    """A name written in mixed case is kept as written (RSUD dr. R. Soetijono). One written all in
    capitals (a title block) or all in small letters (a file name) is written as a name: each word
    capitalised, but the short forms of schemas/aliases.yaml `instansi.acronyms` (RSUD, DPRD, PPKB)
    in capitals and its `small_words` (dan, serta) in small letters."""
    letters = "".join(ch for w in words for ch in w if ch.isalpha())
    if not (letters.isupper() or letters.islower()):
        return " ".join(words)
    spec = load_yaml("aliases.yaml")["instansi"]
    acronyms = {a.upper() for a in spec["acronyms"]}
    small = {w.lower() for w in spec["small_words"]}
    out = []
    for i, w in enumerate(words):
        if w.upper().strip(".,") in acronyms:
            out.append(w.upper())
        elif i and w.lower() in small:
            out.append(w.lower())
        else:
            out.append(w.capitalize())
    return " ".join(out)


def _guess_instansi(sheets) -> str | None:
    """The office's name from a budget sheet's title block, read from one title line: the name never
    runs on into the next row ('DINAS …' over 'Sumber Dana …'); failing that (a CSV export has no title
    block), from any other input's title, then from a file name ('IKU Kecamatan Blora 2024.xlsx')."""
    budget = [s for s in sheets if s.role in ("dpa", "realisasi", "renja")]
    others = [s for s in sheets if s.role and s.role not in ("dpa", "realisasi", "renja")]
    for s in budget + others:
        for line in s.title_lines or ([s.title] if s.title else []):
            if name := _org(line):
                return name
    for s in budget + others:
        # a file name ends in its year or month ('… 2024', '… 2025-01'): not part of the name
        if name := _org(re.sub(r"[\s\d._-]+$", "", Path(s.file).stem)):
            return name
    return None


def _instansi(settings: Settings, sheets, base: Path) -> tuple[str, bool]:
    """lkjip.toml or --instansi; else the inputs' titles or file names; else the folder's name, and
    True: the Ringkasan and the command line then say to set `instansi` (a report titled after a
    folder is rarely what the office wants). A note, not a finding: nothing in the inputs is wrong."""
    if settings.instansi:
        return settings.instansi, False
    guessed = _guess_instansi(sheets)
    if guessed:
        return guessed, False
    return re.sub(r"\s+", " ", base.resolve().name.replace("_", " ")).strip() or "Instansi", True


def _no_dpa(reading, said: list[Finding] = ()) -> NoRequiredRole:
    """Why no DPA was found, naming what was read (at most six sheets or files); a DPA of another
    year (its tahun-mismatch among `said`) as such."""
    seen: list = []
    other_year = {f.file: f for f in said if f.code == "tahun-mismatch" and f.file}
    for s in reading.sheets:
        place = f"{s.file} › {s.name}"
        if s.role == "dpa" and s.file in other_year:
            f = other_year[s.file]
            seen.append(Text("seen-dpa-other-year", place=place, berkas=f.params["berkas"], diminta=f.params["diminta"]))
        elif s.role == "dpa":
            seen.append(Text("seen-dpa-without-header", place=place))
        elif s.role is None:
            seen.append(Text("seen-not-recognised", place=place, why=s.why))
        else:
            seen.append(Text("seen-role", place=place, role=Text(f"role-{s.role}")))
    for f in reading.findings:
        if f.code == "no-role" and f.sheet is None and f.file:
            why = f.params.get("why")
            seen.append(Text("seen-empty-workbook", place=f.file) if why == Text("why-empty-workbook") else
                        Text("seen-not-recognised", place=f.file, why=why or ""))
    listed = seen[:6] + (["…"] if len(seen) > 6 else [])
    return NoRequiredRole("no-dpa", seen=Text("no-dpa-seen", items=listed) if listed else "")


def check(paths: list, *, config=None, defaults=None, **overrides) -> Result:
    """Read, validate and reconcile. `defaults`: a config file under the folder's own (batch's
    kabupaten lkjip.toml). Raises files.InputError, grid.Unreadable, config.ConfigError,
    read.NoRequiredRole for inputs that cannot be used at all."""
    inputs = discover(paths, config)
    settings = load_settings(inputs.config, overrides, defaults)
    reading = read_inputs(inputs, settings)
    from lkjip_xl.check.attribute import one_wrong_line, wrong_month
    from lkjip_xl.check.indicators import evaluate
    from lkjip_xl.check.intake import Intake, intake
    from lkjip_xl.check.kas import fisik_per_code, reconcile_kas
    from lkjip_xl.check.reconcile import reconcile_budget
    from lkjip_xl.check.rfk import build_rfk, deviasi_findings
    from lkjip_xl.check.validate import validate

    taken = intake(reading, reading.tahun, asked=settings.tahun is not None)
    if taken.tahun_all is not None:
        # --tahun names a year no budget file is for: said once, first, and the files read for
        # their own year, so that nothing else follows from it
        settings = replace(settings, tahun=taken.tahun_all)
        reading = read_inputs(inputs, settings)
        again = intake(reading, reading.tahun, asked=False)
        taken = Intake(again.reading, taken.findings + again.findings)
    used = taken.reading
    if not any(s.role == "dpa" and s.frame is not None for s in used.sheets):
        raise _no_dpa(reading, taken.findings)
    validated = validate(used, settings)
    if not any(b.sheet.role == "dpa" for b in validated.budgets):
        raise _no_dpa(reading)    # a DPA sheet lacking a required column is no DPA
    budget, f_budget, tell = reconcile_budget(validated)
    f_kas: list[Finding] = []
    kas_skipped: dict = {}
    kas = reconcile_kas(validated, budget.pagu, f_kas, budget.unknown.get("pagu"), kas_skipped)
    if kas is not None:
        budget.name_from(kas.names, kas.source)   # the names a codes-only DPA leaves out, after the DPA, LRA and Renja
    perf, f_ind = evaluate(validated, budget, settings)     # after the names are complete (Tabel 3.8's programs)
    fisik = fisik_per_code(validated)
    rfk = build_rfk(budget, kas, fisik, settings.deviasi) if kas is not None or fisik else None
    if rfk is not None and kas is not None:
        f_kas += deviasi_findings(rfk, kas)
    told = tell(kas_skipped)
    found = [told.get(f, f) for f in validated.findings]
    # a wrong sub kegiatan pagu that the subtotal above it and the other documents agree against, a
    # wrong month of the anggaran kas whose Jumlah is the pagu: each told once (check/attribute.py)
    across = wrong_month(one_wrong_line(found + f_budget + f_kas, budget.primary, budget.cells))
    findings = sort_findings(taken.findings + across + f_ind)
    instansi, from_folder = _instansi(settings, reading.sheets, inputs.base)
    return Result(inputs, settings, instansi, reading.tahun, budget, perf, findings, reading.sheets, rfk, from_folder)


def build(paths: list, *, output: str | Path | None = None, config=None, defaults=None, docx: bool = True,
          **overrides) -> tuple[Result, Path]:
    """check(), then write the report workbook atomically, and beside it the Word document with the
    same stem (report.docx_writer.docx_path) unless docx=False. Returns the result and the workbook's path."""
    from lkjip_xl.report import docx_writer
    from lkjip_xl.report.narasi import narasi, paragraphs
    from lkjip_xl.report.summary import realisasi_bulanan, rekonsiliasi, ringkasan
    from lkjip_xl.report.tables import Context, build_tables
    from lkjip_xl.report.workbook import write_workbook

    result = check(paths, config=config, defaults=defaults, **overrides)
    out = Path(output) if output else default_output(result.inputs, result.instansi, result.tahun,
                                                          result.budget.latest_month)
    ctx = Context(result.settings, result.budget, result.performance, result.findings, result.tahun,
                  result.instansi, result.settings.kabupaten, instansi_from_folder=result.instansi_from_folder)
    tabel = build_tables(ctx)
    lang = result.settings.lang
    sheets = [ringkasan(ctx, lang), rekonsiliasi(ctx, result.inputs.base, out.parent.resolve(), lang)] + tabel
    monthly = realisasi_bulanan(ctx)
    if monthly is not None:
        sheets.append(monthly)
    if result.rfk is not None:
        from lkjip_xl.report.rfk import rfk_sheet

        sheets.append(rfk_sheet(ctx, result.rfk))
    sheets.append(narasi(ctx))
    # a fixed document date keeps the bytes identical for identical inputs
    created = datetime(result.tahun + 1, 1, 1) if result.tahun else datetime(2000, 1, 1)
    document = None
    if docx:    # rendered first: a bad template stops the run before anything is written
        document = docx_writer.render_docx(tabel, paragraphs(ctx), instansi=ctx.title("Tabel 3.2")[2],
                                           tahun=result.tahun, created=created, template=result.settings.template_docx)
        docx_writer.check_target(docx_writer.docx_path(out), result.inputs.files)
    fresh = not out.exists()
    write_workbook(sheets, out, created=created, protect=result.inputs.files)
    if document is not None:
        try:
            docx_writer.write_docx(document, docx_writer.docx_path(out), protect=result.inputs.files)
        except OutputError:
            if fresh:           # exit 2 leaves no output behind: not the workbook of this run either
                out.unlink(missing_ok=True)
            raise
    return result, out


__all__ = ["Result", "check", "build"]
