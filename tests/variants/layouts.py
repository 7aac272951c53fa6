"""Budget layouts met in unseen offices, built from parts that combine freely.

A `Layout` says how one DPA (or Renja) sheet is laid out: title block, header style, column order,
code layout, number style, merged cells, column-number row and what stands under the table. A
`RealLayout` does the same for a realisasi sheet. `write_book` writes a complete office (DPA,
realisasi, IKU) in the chosen layouts; `write_plain` writes the same figures plainly. The named
variants of tests/test_variants.py and the random layouts of tests/test_layout_properties.py both
come from here, so every part is exercised alone and in combination.

The figures are those of make_variants.py, with the codes moved to another urusan when asked:
an urusan-2 office (2.11.01.2.01.0001) has a kegiatan segment equal to its urusan, which a
reader that joins code segments by value instead of position gets wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter, range_boundaries

from variants import make_variants as mv
from variants.make_variants import Tab, write_xls, write_xlsx

MONTH_NAMES = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember"]


@dataclass
class Book:
    """One office's figures: mv's tree with its codes under `prefix` (urusan.bidang)."""
    prefix: str
    nodes: list
    program_iku: list

    @property
    def subs(self):
        return [n for n in self.nodes if n.level == 6]

    @property
    def total(self) -> dict:
        return {"pagu": sum(n.pagu for n in self.subs), "pagu_next": sum(n.pagu_next for n in self.subs),
                "real": tuple(sum(n.real[i] for n in self.subs) for i in range(len(mv.MONTHS)))}


def book(prefix: str = "7.01") -> Book:
    move = lambda code: prefix + code[len("7.01"):]
    done: dict = {}
    for n in mv.NODES:
        done[n.kode] = mv.Node(n.level, move(n.kode), n.name, n.pagu, n.pagu_next, n.real,
                               tuple(done[p.kode] for p in n.parents))
    programs = [(move(k), *rest) for k, *rest in mv.PROGRAM_IKU]
    return Book(prefix, list(done.values()), programs)


# ---------------------------------------------------------------------------------------------
# The plain set of a book
# ---------------------------------------------------------------------------------------------
def plain_dpa(b: Book, name="DPA") -> Tab:
    t = Tab(name)
    t.add("Kode", "Uraian", "Pagu", "Prakiraan Maju")
    for n in b.nodes:
        t.add(n.kode, n.name, n.pagu, n.pagu_next)
    return t


def plain_real(b: Book, month: int, name="Realisasi") -> Tab:
    t = Tab(name)
    t.add("Kode", "Uraian", "Pagu", "Realisasi")
    for n in b.subs:
        t.add(n.kode, n.name, n.pagu, n.real[mv.MONTHS.index(month)])
    return t


def plain_program(b: Book, name="Indikator Program") -> Tab:
    t = Tab(name)
    t.add("Kode", "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Sasaran")
    for kode, prog, ind, sat, tgt, real, cap, sas in b.program_iku:
        t.add(kode, prog, ind, sat, mv.num(tgt), mv.num(real), mv.num(cap), sas)
    return t


def write_plain(b: Book, d: Path, *, dpa=True, realisasi=True, iku=True, monthly=False) -> None:
    d.mkdir(parents=True, exist_ok=True)
    if dpa:
        write_xlsx(d / mv.DPA_FILE, [plain_dpa(b)])
    if realisasi:
        for m in (mv.MONTHS if monthly else mv.MONTHS[-1:]):
            write_xlsx(d / f"Realisasi 2024-{m:02d}.xlsx", [plain_real(b, m)])
    if iku:
        write_xlsx(d / mv.IKU_FILE, [mv.plain_iku_tab(), plain_program(b)])


# ---------------------------------------------------------------------------------------------
# Parts of a layout
# ---------------------------------------------------------------------------------------------
TITLE_LINES = ["PEMERINTAH KABUPATEN CONTOH", "DINAS LINGKUNGAN HIDUP", "DOKUMEN PELAKSANAAN ANGGARAN",
               "TAHUN ANGGARAN 2024", "Urusan Pemerintahan : 2 URUSAN PEMERINTAHAN WAJIB", "Unit Organisasi : DINAS"]

CODE_LAYOUTS = ("single", "split-full", "split-own", "merged-segments")
HEADERS = ("one", "group-tahun", "group-year", "dppa", "labels-below")
NUMBER_ROWS = (None, "int", "float", "text", "paren")
NUMBERS = ("numeric", "text-id", "rp", "mixed")
TOTALS = (None, "uraian", "kode", "merged")
TAILS = ("blank", "signature", "catatan", "keterangan", "sumber", "signature-undated", "penetapan")


@dataclass(frozen=True)
class Layout:
    title: int = 0                  # title lines above the header (each merged across the table)
    header: str = "one"
    numbers_row: str | None = None  # the column-number row under the header
    code: str = "single"
    number: str = "numeric"
    lead: tuple = ("kode", "uraian")   # order of the text columns left of the amounts ("no", "sumber")
    merged_down: bool = False       # program/kegiatan code parts merged down over their rows
    total: str | None = None        # where the JUMLAH label stands
    tail: tuple = ()                # what stands under the table
    levels: str = "all"             # "all": program/kegiatan rows with stated subtotals; "subs": leaves only
    sheet: str = "DPA"


def _amount(v: int, style: str, i: int):
    if style == "mixed":
        style = NUMBERS[i % 3]
    if style == "text-id":
        return mv.rupiah(v)
    if style == "rp":
        return f"Rp. {mv.rupiah(v)},-" if v else "-"
    return v


def _code_columns(layout: Layout) -> list[str]:
    return {"single": ["Kode"],
            "split-full": ["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan"],
            "split-own": ["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan"],
            "merged-segments": ["Kode"] + [None] * 5}[layout.code]


def _code_cells(n, layout: Layout) -> list:
    segs = n.segments
    if layout.code == "single":
        return [n.kode]
    if layout.code == "split-full":
        return [".".join(segs[:3]), ".".join(segs[:5]) if n.level >= 5 else None, n.kode if n.level == 6 else None]
    if layout.code == "split-own":
        return [segs[0], segs[1], segs[2], ".".join(segs[3:5]) if n.level >= 5 else None,
                segs[5] if n.level == 6 else None]
    return segs + [None] * (6 - len(segs))


def _headers(layout: Layout, tahun=2024) -> tuple[list, list | None, list]:
    """Upper and lower header rows for the amount block, and the amount columns' roles."""
    if layout.header == "one":
        return ["Pagu (Rp)", "Prakiraan Maju"], None, ["pagu", "next"]
    if layout.header == "group-tahun":
        return ["Anggaran (Rp)", None], [f"Tahun {tahun}", f"Prakiraan Maju {tahun + 1}"], ["pagu", "next"]
    if layout.header == "group-year":
        return ["Anggaran", None], [str(tahun), str(tahun + 1)], ["pagu", "next"]
    if layout.header == "labels-below":
        return ["Anggaran (Rp)", None], [f"Tahun {tahun}", f"Tahun {tahun + 1}"], ["pagu", "next"]
    # a DPPA: the pagu is the amount after the shift
    return (["Jumlah (Rp)", None, None], ["Sebelum Pergeseran", "Setelah Pergeseran", "Bertambah/(Berkurang)"],
            ["before", "pagu", "delta"])


def _before(n) -> int:
    """The pagu before a DPPA's shift: some sub kegiatan gained, others gave, the total differs."""
    if n.level != 6:
        return n.pagu
    return n.pagu + (1_000_000 if n.kode.endswith("1") else -500_000)


def dpa_tab(b: Book, layout: Layout) -> Tab:
    t = Tab(layout.sheet)
    lead_cols = []
    for part in layout.lead:
        if part == "kode":
            lead_cols += [("kode", h) for h in _code_columns(layout)]
        elif part == "uraian":
            lead_cols.append(("uraian", "Program/ Kegiatan/\nSub Kegiatan" if layout.header != "one" else "Uraian"))
        elif part == "no":
            lead_cols.append(("no", "No"))
        elif part == "sumber":
            lead_cols.append(("sumber", "Sumber Dana"))
    top, low, roles = _headers(layout)
    width = len(lead_cols) + len(top)
    last = get_column_letter(width)
    for i in range(layout.title):
        r = t.add(TITLE_LINES[i % len(TITLE_LINES)])
        t.merges.append(f"A{r}:{last}{r}")
        if i == 1 and layout.title > 2:
            # a row starting with a label right under the office's name
            t.add("Sumber Dana", None, "APBD")
    if layout.title:
        t.add()
    names = [h for _, h in lead_cols]
    h = t.add(*names, *top)
    first_amount = len(lead_cols) + 1
    if low is not None:
        if layout.header == "labels-below":
            t.rows[-1] = [None] * len(lead_cols) + top
            t.add(*names, *low)
        else:
            t.add(*[None] * len(lead_cols), *low)
            for c, (_, name) in enumerate(lead_cols, 1):
                if name is not None:
                    t.merges.append(f"{get_column_letter(c)}{h}:{get_column_letter(c)}{h + 1}")
        t.merges.append(f"{get_column_letter(first_amount)}{h}:{get_column_letter(width)}{h}")
    if layout.code == "merged-segments":
        k = [c for c, (part, _) in enumerate(lead_cols, 1) if part == "kode"]
        at = h + 1 if layout.header == "labels-below" else h       # the row that holds 'Kode'
        if low is not None and layout.header != "labels-below":
            # 'Kode' over both header rows and all six columns, in place of its own two-row merge
            t.merges.remove(f"{get_column_letter(k[0])}{h}:{get_column_letter(k[0])}{h + 1}")
            t.merges.append(f"{get_column_letter(k[0])}{h}:{get_column_letter(k[-1])}{h + 1}")
        else:
            t.merges.append(f"{get_column_letter(k[0])}{at}:{get_column_letter(k[-1])}{at}")
    if layout.numbers_row:
        cells = {"int": lambda i: i, "float": lambda i: float(i), "text": str, "paren": lambda i: f"({i})"}[layout.numbers_row]
        t.add(*[cells(i) for i in range(1, width + 1)])
    start = {}
    nodes = b.nodes if layout.levels == "all" else b.subs
    no = 0
    for i, n in enumerate(nodes):
        row = []
        for part, _ in lead_cols:
            if part == "kode":
                row.append(None)
            elif part == "uraian":
                row.append(n.name)
            elif part == "no":
                no += n.level == 3
                row.append(no if n.level == 3 else None)
            else:
                row.append("APBD" if n.level == 6 else None)
        k = [c for c, (part, _) in enumerate(lead_cols) if part == "kode"]
        for c, v in zip(k, _code_cells(n, layout)):
            row[c] = v
        for role in roles:
            v = {"pagu": n.pagu, "next": n.pagu_next, "before": _before(n), "delta": n.pagu - _before(n)}[role]
            row.append(_amount(v, layout.number, i) if role != "delta" else v)
        start[n.kode] = t.add(*row)
    if layout.merged_down and layout.code in ("split-full", "split-own"):
        # the program code part (and the kegiatan's) merged down over every row under it
        k = [c for c, (part, _) in enumerate(lead_cols, 1) if part == "kode"]
        merge_cols = [(k[0], 3), (k[1], 5)] if layout.code == "split-full" else [(k[2], 3), (k[3], 5)]
        for col, level in merge_cols:
            heads = sorted({".".join(n.segments[:level]) for n in nodes if n.level >= level})
            for code in heads:
                rows = [start[x.kode] for x in nodes if x.kode == code or x.kode.startswith(code + ".")]
                lo, hi = min(rows), max(rows)
                if hi > lo:
                    for r in range(lo + 1, hi + 1):
                        t.rows[r - 1][col - 1] = None
                    t.merges.append(f"{get_column_letter(col)}{lo}:{get_column_letter(col)}{hi}")
    if layout.total:
        tot = b.total
        values = [_amount({"pagu": tot["pagu"], "next": tot["pagu_next"], "before": sum(_before(n) for n in b.subs),
                           "delta": tot["pagu"] - sum(_before(n) for n in b.subs)}[role], layout.number, 0)
                  if role != "delta" else tot["pagu"] - sum(_before(n) for n in b.subs) for role in roles]
        row = [None] * len(lead_cols)
        where = [c for c, (part, _) in enumerate(lead_cols) if part == ("uraian" if layout.total == "uraian" else "kode")]
        if layout.total == "merged":
            where = [0]
        row[where[0]] = "JUMLAH TOTAL" if layout.total != "uraian" else "JUMLAH"
        r = t.add(*row, *values)
        if layout.total == "merged":
            t.merges.append(f"A{r}:{get_column_letter(len(lead_cols))}{r}")
    _tail(t, layout.tail, width)
    return t


def _tail(t: Tab, tail: tuple, width: int) -> None:
    for part in tail:
        if part == "blank":
            t.add()
        elif part == "catatan":
            t.add("Catatan:")
            t.add("1. Anggaran sesuai DPA yang telah disahkan")
            t.add("2. Angka dalam rupiah")
        elif part == "keterangan":
            t.add("Keterangan: *) data sementara", None, None)
        elif part == "sumber":
            t.add("Sumber: SIPD, diunduh 5 April 2024")
        elif part == "signature":
            t.add()
            for line in ("Contoh, 31 Maret 2024", "Kepala Dinas Lingkungan Hidup", None, None,
                         "Ir. BUDI SANTOSO, M.T.", "Pembina Utama Muda", "NIP. 19680512 199303 1 007"):
                # under the last amount column, where signature blocks usually stand
                t.add(*([None] * (width - 1) + [line]))
        elif part in ("signature-undated", "penetapan"):
            # the date left to be filled in after printing, or a Ditetapkan di / Pada tanggal block;
            # in the amount column, where a bad-number once stood for it
            t.add()
            lines = (("Contoh, 31 Desember", "Kepala Dinas", None, "NAMA PEJABAT, S.Sos", "NIP. 19700101 199803 1 001")
                     if part == "signature-undated" else
                     ("Ditetapkan di Contoh", "Pada tanggal ........ 2024", "Contoh, ........ 2024", "KEPALA",
                      "NIP. 19700101 199803 1 001"))
            for line in lines:
                t.add(*([None] * (width - 1) + [line]))


# ---------------------------------------------------------------------------------------------
# Realisasi layouts
# ---------------------------------------------------------------------------------------------
REAL_LAYOUTS = ("plain", "bulan-ini-group", "months-columns", "bulan-merged-down", "sd-group-title")


@dataclass(frozen=True)
class RealLayout:
    kind: str = "plain"
    title: int = 0
    numbers_row: str | None = None
    number: str = "numeric"
    total: str | None = None
    tail: tuple = ()
    code: str = "single"


def real_files(b: Book, layout: RealLayout) -> dict[str, list[Tab]]:
    """File name → sheets of the realisasi in this layout (up to March 2024)."""
    m = mv.MONTHS[-1]
    if layout.kind == "plain":
        t = plain_real(b, m)
        return {"Realisasi 2024-03.xlsx": [t]}
    t = Tab("LRA")
    for i in range(layout.title):
        t.add(["LAPORAN REALISASI ANGGARAN", "DINAS LINGKUNGAN HIDUP", "s.d. Bulan Maret 2024"][i % 3])
    if layout.title:
        t.add()
    codes = ["Kode"] if layout.code == "single" else ["Kode Urusan", "Kode Bidang Urusan", "Kode Program",
                                                      "Kode Kegiatan", "Kode Sub Kegiatan"]
    lead = len(codes) + 1
    cell_code = lambda n: _code_cells(n, Layout(code=layout.code))
    total = b.total
    if layout.kind == "bulan-ini-group":
        h = t.add(*codes, "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", None, "Sisa Anggaran (Rp)")
        t.add(*[None] * (lead + 1), "Bulan Ini", "s.d. Bulan Ini", None)
        t.merges += [f"{get_column_letter(c)}{h}:{get_column_letter(c)}{h + 1}" for c in range(1, lead + 2)]
        t.merges += [f"{get_column_letter(lead + 2)}{h}:{get_column_letter(lead + 3)}{h}",
                     f"{get_column_letter(lead + 4)}{h}:{get_column_letter(lead + 4)}{h + 1}"]
        if layout.numbers_row:
            t.add(*[i if layout.numbers_row == "int" else f"({i})" for i in range(1, lead + 5)])
        for i, n in enumerate(b.subs):
            now, before = n.real[2], n.real[1]
            t.add(*cell_code(n), n.name, _amount(n.pagu, layout.number, i), _amount(now - before, layout.number, i),
                  _amount(now, layout.number, i), _amount(n.pagu - now, layout.number, i))
        if layout.total:
            t.add(*(["JUMLAH"] + [None] * (lead - 1)), _amount(total["pagu"], layout.number, 0),
                  total["real"][2] - total["real"][1], total["real"][2], total["pagu"] - total["real"][2])
        _tail(t, layout.tail, lead + 4)
        return {"LRA Dinas Maret 2024.xlsx": [t]}
    if layout.kind == "months-columns":
        t.add(*codes, "Uraian", "Anggaran", *[MONTH_NAMES[k] for k in range(1, 13)], "Jumlah")
        if layout.numbers_row:
            t.add(*[i for i in range(1, lead + 15)])
        for i, n in enumerate(b.subs):
            own = [n.real[k] - (n.real[k - 1] if k else 0) for k in range(len(mv.MONTHS))]
            t.add(*cell_code(n), n.name, n.pagu, *[_amount(v, layout.number, i) for v in own], *[None] * 9,
                  n.real[-1])
        if layout.total:
            own = [total["real"][k] - (total["real"][k - 1] if k else 0) for k in range(len(mv.MONTHS))]
            t.add(*(["JUMLAH"] + [None] * (lead - 1)), total["pagu"], *own, *[None] * 9, total["real"][-1])
        _tail(t, layout.tail, lead + 14)
        return {"Realisasi Bulanan 2024.xlsx": [t]}
    if layout.kind == "bulan-merged-down":
        t.add("Bulan", *codes, "Uraian", "Realisasi Bulan Ini (Rp)")
        for k, m in enumerate(mv.MONTHS):
            first = len(t.rows) + 1
            for j, n in enumerate(b.subs):
                own = n.real[k] - (n.real[k - 1] if k else 0)
                t.add(MONTH_NAMES[m] if j == 0 else None, *cell_code(n), n.name, _amount(own, layout.number, j))
            t.merges.append(f"A{first}:A{len(t.rows)}")
        _tail(t, layout.tail, lead + 1)
        return {"Realisasi 2024.xlsx": [t]}
    # sd-group-title: "Realisasi s.d. Bulan Maret 2024" merged over "Keuangan (Rp) | Fisik (%)"
    h = t.add(*codes, "Uraian", "Pagu (Rp)", "Realisasi s.d. Bulan Maret 2024", None)
    t.add(*[None] * (lead + 1), "Keuangan (Rp)", "Fisik (%)")
    t.merges += [f"{get_column_letter(c)}{h}:{get_column_letter(c)}{h + 1}" for c in range(1, lead + 2)]
    t.merges.append(f"{get_column_letter(lead + 2)}{h}:{get_column_letter(lead + 3)}{h}")
    for i, n in enumerate(b.subs):
        t.add(*cell_code(n), n.name, _amount(n.pagu, layout.number, i), _amount(n.real[2], layout.number, i),
              round(n.real[2] / n.pagu * 100, 2))
    _tail(t, layout.tail, lead + 3)
    return {"Realisasi Maret 2024.xlsx": [t]}


def write_book(b: Book, d: Path, dpa: Layout | None = None, real: RealLayout | None = None, *, iku=True,
               xls=False) -> None:
    """An office in the given layouts (None: that part plain)."""
    write_plain(b, d, dpa=dpa is None, realisasi=real is None, iku=iku)
    if dpa is not None:
        tabs = [dpa_tab(b, dpa)]
        (write_xls if xls else write_xlsx)(d / (mv.DPA_FILE[:-5] + (".xls" if xls else ".xlsx")), tabs)
    if real is not None:
        for name, tabs in real_files(b, real).items():
            write_xlsx(d / name, tabs)


# ---------------------------------------------------------------------------------------------
# Named variants: layouts met in unseen offices (issue 11), each beside its plain twin
# ---------------------------------------------------------------------------------------------
def renja_form_tab(b: Book, tahun: int = 2024) -> Tab:
    """The Renja as the official form lays it out (Permendagri 86): long column heads, 'Rencana
    Tahun 2024' over Lokasi | Target | Pagu Indikatif | Sumber Dana, the next year's plan beside it,
    and a row of column numbers."""
    t = Tab("Renja")
    for line in ("RENCANA KERJA PERANGKAT DAERAH", "DINAS LINGKUNGAN HIDUP KABUPATEN CONTOH", f"TAHUN {tahun}"):
        r = t.add(line)
        t.merges.append(f"A{r}:J{r}")
    t.add()
    h = t.add("Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
              "Indikator Kinerja Program/Kegiatan/Sub Kegiatan", f"Rencana Tahun {tahun}", None, None, None,
              "Catatan Penting", f"Prakiraan Maju Rencana Tahun {tahun + 1}", None)
    t.add(None, None, None, "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif", "Sumber Dana", None,
          "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif")
    t.merges += [f"{c}{h}:{c}{h + 1}" for c in "ABCH"] + [f"D{h}:G{h}", f"I{h}:J{h}"]
    t.add(*[f"({i})" for i in range(1, 11)])
    for n in b.nodes:
        t.add(n.kode, n.name, f"Persentase capaian {n.name.lower()}", "Kab. Contoh", "100 %", n.pagu, "APBD",
              None, "100 %", n.pagu_next)
    return t


def _renja_form(b: Book, d: Path) -> dict:
    write_plain(b, d)
    write_xlsx(d / "Renja Dinas Lingkungan Hidup 2024.xlsx", [renja_form_tab(b)])
    return {"renja": ("Renja Dinas Lingkungan Hidup 2024.xlsx", "Renja")}


def _layout_variant(dpa: Layout | None = None, real: RealLayout | None = None, prefix: str = "2.11",
                    facts: dict | None = None):
    b = book(prefix)
    monthly = real is not None and real.kind in ("months-columns", "bulan-merged-down")

    def build(d: Path) -> dict:
        write_book(b, d, dpa, real)
        return dict(facts or {})

    def twin(d: Path) -> None:
        write_plain(b, d, monthly=monthly)
        if dpa is not None and dpa.header == "dppa":       # a DPPA states no next year
            t = plain_dpa(b)
            for row in t.rows:
                del row[3]
            write_xlsx(d / mv.DPA_FILE, [t])
    return build, twin


def _variants() -> dict:
    V = mv.Variant
    named = {
        "q01-number-row-typed-as-numbers": (Layout(title=4, header="group-tahun", numbers_row="int"), None),
        "q02-number-row-floats-code-first": (Layout(numbers_row="float", lead=("no", "kode", "uraian")), None),
        "q03-anggaran-over-tahun-prakiraan-maju": (Layout(header="group-tahun", title=2), None),
        "q04-dppa-setelah-pergeseran": (Layout(header="dppa", title=3, numbers_row="paren"), None),
        "q05-lra-realisasi-over-bulan-ini-sd": (None, RealLayout(kind="bulan-ini-group", numbers_row="int",
                                                                  total="kode", title=3)),
        "q06-urusan2-one-segment-per-column": (Layout(code="merged-segments", header="group-year",
                                                      numbers_row="paren"), None),
        "q07-sipd-own-segments-merged-down": (Layout(code="split-own", merged_down=True, levels="subs"), None),
        "q08-sipd-full-codes-merged-down": (Layout(code="split-full", merged_down=True, total="merged"), None),
        "q09-jumlah-total-in-kode-column": (Layout(total="kode", number="text-id"), None),
        "q10-jumlah-merged-across-kode-uraian": (Layout(total="merged", title=2, lead=("no", "kode", "uraian")), None),
        "q11-catatan-and-signature-under-table": (Layout(total="uraian", tail=("catatan", "blank", "signature")),
                                                  RealLayout(kind="sd-group-title", tail=("keterangan", "signature"))),
        "q12-bulan-merged-down": (None, RealLayout(kind="bulan-merged-down", tail=("sumber",))),
        "q13-months-as-columns": (None, RealLayout(kind="months-columns", total="kode", numbers_row="int")),
        "q14-instansi-over-sumber-dana-row": (Layout(title=4, number="rp"), None),
        "q15-realisasi-keuangan-fisik-group": (None, RealLayout(kind="sd-group-title", code="split-own", title=3,
                                                                 number="text-id")),
        "q16-labels-below-rp-text": (Layout(header="labels-below", lead=("no", "kode", "uraian", "sumber"),
                                            number="rp"), None),
        "q17-mixed-numbers-uraian-first": (Layout(number="mixed", title=5, numbers_row="text",
                                                  lead=("uraian", "kode")), None),
        "q18-urusan7-segments-repeat": (Layout(code="split-own", header="group-tahun"),
                                        RealLayout(kind="bulan-ini-group", code="split-own")),
        "q23-signature-date-without-year": (Layout(total="uraian", tail=("blank", "signature-undated")),
                                            RealLayout(kind="bulan-ini-group", tail=("penetapan",))),
    }
    out = {}
    for name, (dpa, real) in named.items():
        build, twin = _layout_variant(dpa, real, prefix="7.01" if "urusan7" in name else "2.11",
                                      facts={"instansi": "Dinas Lingkungan Hidup"} if dpa and dpa.title > 1 else None)
        out[name] = V(name, build, twin)
    b = book("2.11")
    out["q19-renja-official-form"] = V("q19-renja-official-form", lambda d: _renja_form(b, d),
                                       lambda d: write_plain(b, d))
    return out


VARIANTS = _variants()


# ---------------------------------------------------------------------------------------------
# Cell formats: .xls percent cells, .xlsx cells written without their address
# ---------------------------------------------------------------------------------------------
def write_xls_formatted(path: Path, tabs: list[Tab]) -> None:
    """write_xls with the tabs' number formats ('0.00%'), as an old Excel saves them."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict = {}
    for tab in tabs:
        ws = wb.add_sheet(tab.name)
        merged = set()
        for ref in tab.merges:
            c0, r0, c1, r1 = range_boundaries(ref)
            ws.write_merge(r0 - 1, r1 - 1, c0 - 1, c1 - 1, tab.rows[r0 - 1][c0 - 1])
            merged |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(tab.rows, 1):
            for c, v in enumerate(row, 1):
                if v in (None, "") or (r, c) in merged:
                    continue
                fmt = tab.formats.get(f"{get_column_letter(c)}{r}")
                if fmt:
                    style = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt))
                    ws.write(r - 1, c - 1, v, style)
                else:
                    ws.write(r - 1, c - 1, v)
    wb.save(str(path))


def strip_addresses(path: Path) -> None:
    """Rewrite an .xlsx with its cells' r="…" attributes left out (and every other row's), as some
    generators write them: Excel places each cell after the one before it."""
    import re
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            data[info.filename] = zf.read(info.filename)
    last = [0, 0]                          # row, column of the cell before

    def strip(m):
        tag, letters, row = m.group(0), m.group(2).decode(), int(m.group(3))
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        follows = (row == last[0] and col == last[1] + 1) or (row != last[0] and col == 1)
        last[:] = [row, col]
        # only where the cell follows the one before: a gap needs its address, as generators know
        return m.group(1) + m.group(4) if follows else tag

    for name, body in data.items():
        if name.startswith("xl/worksheets/sheet"):
            data[name] = re.sub(rb'(<c\b[^>]*?)\s+r="([A-Z]+)(\d+)"([^>]*>)', strip, body)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in data.items():
            zf.writestr(name, body)


def _xls_percent(d: Path) -> dict:
    """(d) IKU saved as .xls, its capaian cells formatted 0.00%: 0.9421 shown as 94,21%."""
    b = book("7.01")
    write_plain(b, d, iku=False)
    write_xls_formatted(d / "IKU Kecamatan Contoh 2024.xls", [mv._iku_groups(percent=True)])
    write_xlsx(d / "Indikator Program.xlsx", [plain_program(b)])
    return {}


def _no_addresses(d: Path) -> dict:
    """Every cell written without its r attribute: a formula without a saved value, an Excel error
    and percent-formatted capaian are still found at their cells."""
    b = book("7.01")
    write_plain(b, d, dpa=False, iku=False)
    t = plain_dpa(b)
    p = next(i for i, n in enumerate(b.nodes, 2) if n.level == 3)
    t.rows[p - 1][2] = mv.Formula("+".join(f"C{i}" for i, n in enumerate(b.nodes, 2)
                                           if n.level == 6 and n.kode.startswith(b.nodes[p - 2].kode)))
    write_xlsx(d / mv.DPA_FILE, [t])
    write_xlsx(d / mv.IKU_FILE, [mv._iku_groups(percent=True), plain_program(b)])
    for name in (mv.DPA_FILE, mv.IKU_FILE):
        strip_addresses(d / name)
    return {"formula_cells": {(mv.DPA_FILE, "DPA", f"C{p}")}}


def _twin_7(d: Path) -> None:
    write_plain(book("7.01"), d)


VARIANTS.update({
    "q20-xls-percent-capaian": mv.Variant("q20-xls-percent-capaian", _xls_percent, _twin_7, needs="xlwt"),
    "q21-xlsx-cells-without-address": mv.Variant("q21-xlsx-cells-without-address", _no_addresses, _twin_7,
                                                 ignore=frozenset({"formula-without-value"})),
})


# ---------------------------------------------------------------------------------------------
# Indicator names written two ways across sheets
# ---------------------------------------------------------------------------------------------
RENSTRA_NAMES = {"Indeks Kepuasan Masyarakat": "Indeks IKM",     # in the Renstra and the PK
                 "Nilai SAKIP": "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)"}


def renstra_tab(names: dict[str, str]) -> Tab:
    """A Renstra beside the IKU, one target per year; its 2024 IKM target differs from the IKU's
    (a target-mismatch that only a matched pair can give)."""
    t = Tab("Renstra")
    t.add("RENCANA STRATEGIS 2021-2026")
    t.add("No", "Sasaran", "Indikator Kinerja", "Satuan", *[f"Target {y}" for y in range(2022, 2027)])
    for no, sas, ind, sat, years in mv.IKU:
        targets = [mv.num(years[y][0]) if y in years else 80 for y in range(2022, 2027)]
        if ind == "Indeks Kepuasan Masyarakat":
            targets[2] = 96
        t.add(no, sas, names.get(ind, ind), sat, *targets)
    return t


def pk_tab(names: dict[str, str]) -> Tab:
    """A PK sheet of this year whose IKM realisasi differs from the IKU's (an indikator-mismatch
    that only a matched pair can give)."""
    t = Tab("PK 2024")
    t.add("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target 2024", "Realisasi 2024", "Capaian 2024")
    for no, sas, ind, sat, years in mv.IKU:
        tgt, real, cap = years[2024]
        if ind == "Indeks Kepuasan Masyarakat":
            real, cap = "89.6", "94.32"
        t.add(no, sas, names.get(ind, ind), sat, mv.num(tgt), mv.num(real), mv.num(cap))
    return t


def _renstra_names(d: Path, names: dict[str, str]) -> dict:
    b = book("7.01")
    write_plain(b, d, iku=False)
    write_xlsx(d / mv.IKU_FILE, [mv.plain_iku_tab(), plain_program(b), renstra_tab(names), pk_tab(names)])
    return {}


VARIANTS["q22-indicator-abbreviations"] = mv.Variant(
    "q22-indicator-abbreviations", lambda d: _renstra_names(d, RENSTRA_NAMES), lambda d: _renstra_names(d, {}))


# ---------------------------------------------------------------------------------------------
# SIPD rincian: the next year stated per sub kegiatan, its rekening lines' next-year cells empty
# ---------------------------------------------------------------------------------------------
def rekening_next_blank_tab(b: Book, wrong: dict[str, int] | None = None) -> Tab:
    """A DPA rincian as SIPD gives it: Kode | Uraian | Kode Rekening | Nama Rekening | Anggaran 2024 |
    Anggaran 2025, where program, kegiatan and sub kegiatan rows state both years and the rekening
    lines only this year (their Anggaran 2025 cell empty), a blank row after each sub kegiatan, and
    JUMLAH. `wrong`: sub kegiatan → its stated next-year amount typed wrong (the rest kept)."""
    t = Tab("DPA")
    t.add("DOKUMEN PELAKSANAAN ANGGARAN")
    t.add("TAHUN ANGGARAN 2024")
    t.add()
    t.add("Kode", "Uraian", "Kode Rekening", "Nama Rekening", "Anggaran 2024", "Anggaran 2025")
    for n in b.nodes:
        nxt = (wrong or {}).get(n.kode, n.pagu_next)
        t.add(n.kode, n.name, None, None, n.pagu, nxt)
        if n.level == 6:
            for rek, nama, amount in mv.rekening(n):
                t.add(None, None, rek, nama, amount, None)
            t.add()
    t.add(None, "JUMLAH", None, None, b.total["pagu"], b.total["pagu_next"])
    return t


def _rekening_next_blank(d: Path, wrong: dict[str, int] | None = None) -> dict:
    b = book("7.01")
    write_plain(b, d, dpa=False)
    write_xlsx(d / mv.DPA_FILE, [rekening_next_blank_tab(b, wrong)])
    return {"pagu_next": {n.kode: n.pagu_next for n in b.subs}}


VARIANTS["q24-rekening-next-year-blank"] = mv.Variant(
    "q24-rekening-next-year-blank", _rekening_next_blank, _twin_7)
