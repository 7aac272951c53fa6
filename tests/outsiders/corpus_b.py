#!/usr/bin/env python3
"""Deterministic generator of LKjIP office folders (second outsider corpus) for lkjip-xl.

Writes /work/outsider2/offices/<folder>/ and /work/outsider2/expected/<folder>.json.
Designed from CONTRACT.md, README.md and the seed report only.
Run with the generator venv: /work/outsider2/.genvenv/bin/python make_offices.py
"""
import csv
import json
import os
import random
import shutil
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter as L

ROOT = os.path.dirname(os.path.abspath(__file__))
OFFICES = os.path.join(ROOT, "offices")
EXPECTED = os.path.join(ROOT, "expected")
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


# ------------------------------------------------------------------ numbers
def q2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def capaian(t, r, pol="positif", neg="2T-R"):
    t, r = Decimal(str(t)), Decimal(str(r))
    if pol == "negatif":
        return q2(t / r * 100) if neg == "T/R" else q2((2 * t - r) / t * 100)
    return q2(r / t * 100)


def pred_default(c):
    c = Decimal(c)
    return ("Sangat Baik" if c > 100 else "Baik" if c >= 85 else "Cukup" if c >= 65
            else "Kurang" if c >= 50 else "Sangat Kurang")


def pred_p86(c):
    c = Decimal(c)
    return ("Sangat Tinggi" if c >= 91 else "Tinggi" if c >= 76 else "Sedang" if c >= 66
            else "Rendah" if c >= 51 else "Sangat Rendah")


def dots(n):
    s = f"{abs(n):,}".replace(",", ".")
    return f"({s})" if n < 0 else s


def rp(n):
    return f"Rp {dots(n)},-" if n >= 0 else dots(n)


def idc(d):
    return f"{Decimal(d):.2f}".replace(".", ",")


# ------------------------------------------------------------------ budget model
REK = [  # leaf accounts with names
    ("5.1.01.02.01.0001", "Belanja Honorarium Penanggungjawaban Pengelola Keuangan"),
    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"),
    ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat"),
    ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi"),
    ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
    ("5.2.02.05.01.0001", "Belanja Modal Personal Computer"),
    ("5.2.02.10.01.0002", "Belanja Modal Alat Kantor Lainnya"),
]
ACC_NAMES = {
    "5": "BELANJA DAERAH", "5.1": "BELANJA OPERASI", "5.2": "BELANJA MODAL",
    "5.1.01": "Belanja Pegawai", "5.1.02": "Belanja Barang dan Jasa", "5.2.02": "Belanja Modal Peralatan dan Mesin",
    "5.1.01.02": "Tambahan Penghasilan ASN", "5.1.02.01": "Belanja Barang", "5.1.02.02": "Belanja Jasa",
    "5.1.02.04": "Belanja Perjalanan Dinas", "5.2.02.05": "Belanja Modal Alat Kantor dan Rumah Tangga",
    "5.2.02.10": "Belanja Modal Komputer",
    "5.1.01.02.01": "Tambahan Penghasilan berdasarkan Beban Kerja", "5.1.02.01.01": "Belanja Barang Pakai Habis",
    "5.1.02.02.01": "Belanja Jasa Kantor", "5.1.02.04.01": "Belanja Perjalanan Dinas Dalam Negeri",
    "5.2.02.05.01": "Belanja Modal Alat Kantor", "5.2.02.10.01": "Belanja Modal Komputer Unit",
}

SUBNAMES = [
    "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Evaluasi Kinerja Perangkat Daerah",
    "Penyediaan Gaji dan Tunjangan ASN", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
    "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "Penyediaan Peralatan dan Perlengkapan Kantor",
    "Penyediaan Bahan Logistik Kantor", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
    "Penyediaan Jasa Surat Menyurat", "Penyediaan Jasa Pelayanan Umum Kantor",
    "Pemeliharaan Peralatan dan Mesin Lainnya", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan",
    "Fasilitasi Pelaksanaan Musrenbang", "Pembinaan Kelembagaan Desa", "Pelayanan Administrasi Terpadu",
    "Fasilitasi Pemberdayaan Masyarakat", "Peningkatan Ketenteraman dan Ketertiban Umum",
]


def make_tree(seed, prefix, shape, rek_level=True):
    """shape: list of (prog_seg, prog_name, [ (keg_seg, keg_name, n_sub) ])
    returns list of programs: dict(kode, nama, kegs=[dict(kode,nama,subs=[dict(kode,nama,pagu,pm,rek=[(k,n,amt)])])])"""
    rnd = random.Random(seed)
    progs = []
    si = 0
    for pseg, pname, kegs in shape:
        p = {"kode": f"{prefix}.{pseg}", "nama": pname, "kegs": []}
        for kseg, kname, nsub in kegs:
            k = {"kode": f"{p['kode']}.{kseg}", "nama": kname, "subs": []}
            for s in range(nsub):
                si += 1
                nrek = rnd.randint(2, 4)
                reks = sorted(rnd.sample(REK, nrek))
                rl = []
                for kr, nr in reks:
                    amt = rnd.randint(3, 400) * 250_000 + rnd.choice([0, 0, 125_500, 37_250])
                    rl.append((kr, nr, amt))
                pagu = sum(a for _, _, a in rl)
                sub = {"kode": f"{k['kode']}.{s + 1 + (si % 3):04d}", "nama": SUBNAMES[(si + seed) % len(SUBNAMES)],
                       "pagu": pagu, "pm": pagu + rnd.randint(-20, 40) * 100_000, "rek": rl}
                k["subs"].append(sub)
            p["kegs"].append(k)
        progs.append(p)
    return progs


def subs_of(progs):
    return [s for p in progs for k in p["kegs"] for s in k["subs"]]


def psum(node, key="pagu"):
    if "subs" in node:
        return sum(s[key] for s in node["subs"])
    if "kegs" in node:
        return sum(psum(k, key) for k in node["kegs"])
    return node[key]


def realisasi_path(seed, progs, last_month, final_share=(0.82, 0.99)):
    """cumulative realisasi per sub per month 1..last_month, nondecreasing, <= pagu."""
    rnd = random.Random(seed * 7 + 1)
    out = {}
    for s in subs_of(progs):
        target = rnd.uniform(*final_share) * last_month / 12 if last_month < 12 else rnd.uniform(*final_share)
        cum = []
        for m in range(1, last_month + 1):
            v = int(s["pagu"] * target * (m / last_month) ** 1.1)
            v -= v % 50
            if cum and v < cum[-1]:
                v = cum[-1]
            cum.append(min(v, s["pagu"]))
        out[s["kode"]] = cum
    return out


def kas_months(seed, pagu):
    rnd = random.Random(seed + pagu)
    w = [rnd.randint(5, 12) for _ in range(12)]
    tot = sum(w)
    m = [pagu * x // tot for x in w]
    m[-1] += pagu - sum(m)
    return m


def kas_quarters(seed, pagu):
    rnd = random.Random(seed + pagu)
    w = [rnd.randint(20, 30) for _ in range(4)]
    tot = sum(w)
    q = [pagu * x // tot for x in w]
    q[-1] += pagu - sum(q)
    return q


def quarters_to_months(q):
    m = []
    for qq in q:
        b = qq // 3
        m += [b, b, qq - 2 * b]
    return m


def rfk_expect(months_by_sub, real_by_sub, progs, bulan):
    pagu = sum(s["pagu"] for s in subs_of(progs))
    ren = sum(sum(months_by_sub[s["kode"]][:bulan]) for s in subs_of(progs))
    real = sum(real_by_sub[s["kode"]][bulan - 1] for s in subs_of(progs))
    dev = q2(Decimal(real) * 100 / pagu) - q2(Decimal(ren) * 100 / pagu)
    return {"bulan": bulan, "rencana": ren, "realisasi": real, "deviasi": str(dev)}


# ------------------------------------------------------------------ writing helpers
class XW:
    """openpyxl sheet writer that tracks rows."""

    def __init__(self, ws):
        self.ws = ws
        self.r = 1

    def row(self, vals, start=1, bold=False, box=False):
        for i, v in enumerate(vals):
            if v is None:
                continue
            c = self.ws.cell(row=self.r, column=start + i, value=v)
            if bold:
                c.font = Font(bold=True)
            if box:
                c.border = BOX
        self.r += 1
        return self.r - 1

    def blank(self, n=1):
        self.r += n

    def merge(self, rng):
        self.ws.merge_cells(rng)

    def title_block(self, lines, ncols, logo=False):
        """lines in col C.. (when logo) merged across; logo = merged A1:B{n} empty block."""
        start = 3 if logo else 1
        first = self.r
        for t in lines:
            if t:
                self.ws.cell(row=self.r, column=start, value=t).font = Font(bold=True)
                self.ws.cell(row=self.r, column=start).alignment = Alignment(horizontal="center")
                if ncols > start:
                    self.merge(f"{L(start)}{self.r}:{L(ncols)}{self.r}")
            self.r += 1
        if logo:
            self.merge(f"A{first}:B{self.r - 1}")

    def widths(self, ws_widths):
        for i, w in enumerate(ws_widths):
            self.ws.column_dimensions[L(i + 1)].width = w


def new_wb():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def save(wb, folder, name):
    os.makedirs(folder, exist_ok=True)
    p = os.path.join(folder, name)
    wb.save(p)
    # deterministic bytes: rewrite the zip with fixed entry timestamps
    import zipfile
    with zipfile.ZipFile(p) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items:
            if n == "docProps/core.xml":
                import re
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-02T08:00:00Z", data)
            zi = zipfile.ZipInfo(n, date_time=(2025, 1, 2, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return p


def fix_props(wb):
    import datetime
    wb.properties.created = datetime.datetime(2025, 1, 2, 8, 0, 0)
    wb.properties.modified = datetime.datetime(2025, 1, 2, 8, 0, 0)
    wb.properties.creator = "SIPD"


def write_exp(folder, d):
    os.makedirs(EXPECTED, exist_ok=True)
    with open(os.path.join(EXPECTED, folder + ".json"), "w") as fh:
        json.dump(d, fh, indent=1, ensure_ascii=False)


def sign_block(w, col, place="Blora"):
    w.blank()
    w.row([f"{place}, 31 Desember"], start=col)
    w.row(["KEPALA"], start=col)
    w.blank(2)
    w.row(["NAMA PEJABAT, S.Sos"], start=col)
    w.row(["NIP. 19700101 199803 1 001"], start=col)


# ------------------------------------------------------------------ indicators
def iku_rows(seed, years, sasarans, neg_idx=(), neg="2T-R", pred=pred_default):
    """returns list of dict(no,sasaran,indikator,satuan,pol, yrs={y:(t,r,c,p)})"""
    rnd = random.Random(seed)
    out = []
    for i, (sas, ind, sat) in enumerate(sasarans):
        pol = "negatif" if i in neg_idx else "positif"
        yrs = {}
        for y in years:
            if pol == "negatif":
                t = rnd.choice([5, 8, 10, 12, 20])
                r = round(t * rnd.uniform(0.7, 1.25), 2)
            else:
                t = rnd.choice([80, 85, 90, 95, 100])
                r = round(t * rnd.uniform(0.6, 1.08), 2)
            c = capaian(t, r, pol, neg)
            yrs[y] = (t, r, c, pred(c))
        out.append({"no": i + 1, "sasaran": sas, "indikator": ind, "satuan": sat, "pol": pol, "yrs": yrs})
    return out


SAS_KEC = [
    ("Meningkatnya kualitas pelayanan publik kecamatan", "Indeks Kepuasan Masyarakat", "Indeks"),
    ("Meningkatnya akuntabilitas kinerja kecamatan", "Nilai SAKIP Kecamatan", "Nilai"),
    ("Menurunnya gangguan ketenteraman dan ketertiban", "Jumlah Pelanggaran Perda", "Kasus"),
]


# ================================================================== offices
def office_jepon(base, planted=None):
    """SIPD flattened rekening DPA, own-segment code columns, account subtotal rows 5/5.1/...;
    single stacked realisasi sheet (Bulan col, Bulan Ini + s.d.); Anggaran Kas months as columns
    with program/kegiatan subtotal rows and JUMLAH; IKU long format with Tahun; tahun 2025 s.d. Juni."""
    tahun, bulan, seed = 2025, 6, 11
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 2),
               ("2.02", "Administrasi Keuangan Perangkat Daerah", 1)]),
             ("02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
              [("2.01", "Penyelenggaraan Urusan Pemerintahan Umum", 2)]),
             ("05", "PROGRAM KOORDINASI KETENTERAMAN DAN KETERTIBAN UMUM",
              [("2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman", 1)])]
    progs = make_tree(seed, "7.01", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    # --- DPA (SIPD flattened)
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["PEMERINTAH KABUPATEN BLORA", "DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH",
                   "KECAMATAN JEPON", f"TAHUN ANGGARAN {tahun}"], 8)
    w.blank()
    w.row(["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
           "Kode Akun", "Uraian", "Nilai (Rp)"], bold=True, box=True)
    for p in progs:
        for k in p["kegs"]:
            for s in k["subs"]:
                segs = s["kode"].split(".")
                cols = [segs[0], segs[1], segs[2], segs[3] + "." + segs[4], segs[5]]
                w.row(cols + [None, s["nama"], s["pagu"]])
                # account subtotal rows
                accs = {}
                for kr, nr, a in s["rek"]:
                    parts = kr.split(".")
                    for n in range(1, 6):
                        pre = ".".join(parts[:n])
                        accs[pre] = accs.get(pre, 0) + a
                    accs[kr] = a
                names = {kr: nr for kr, nr, _ in s["rek"]}
                for acc in sorted(accs, key=lambda x: [int(t) for t in x.split(".")]):
                    w.row(cols + [acc, names.get(acc) or ACC_NAMES[acc], accs[acc]])
    w.row([None, None, None, None, None, None, "JUMLAH", sum(s["pagu"] for s in subs_of(progs))], bold=True)
    w.widths([8, 8, 8, 9, 10, 20, 60, 18])
    fix_props(wb)
    save(wb, d, f"DPA SIPD Kecamatan Jepon {tahun}.xlsx")
    # --- Realisasi stacked
    real = realisasi_path(seed, progs, bulan)
    wb = new_wb()
    ws = wb.create_sheet("Realisasi")
    w = XW(ws)
    w.title_block(["LAPORAN REALISASI ANGGARAN PER BULAN", "KECAMATAN JEPON", f"TAHUN ANGGARAN {tahun}"], 6)
    w.row(["Bulan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu", "Realisasi Bulan Ini",
           "Realisasi s.d. Bulan Ini"], bold=True, box=True)
    for m in range(1, bulan + 1):
        for s in subs_of(progs):
            c = real[s["kode"]]
            bi = c[m - 1] - (c[m - 2] if m > 1 else 0)
            w.row([MONTHS[m - 1], s["kode"], s["nama"], s["pagu"], bi, c[m - 1]])
        w.blank()
    w.widths([12, 22, 55, 16, 16, 18])
    fix_props(wb)
    save(wb, d, f"Realisasi Kecamatan Jepon {tahun}.xlsx")
    # --- Anggaran kas, months as columns, subtotal rows
    kas = {s["kode"]: kas_months(seed, s["pagu"]) for s in subs_of(progs)}
    plant_sub = subs_of(progs)[2]["kode"]
    kas_file = kas
    if planted == "kas":
        kas_file = {k: list(v) for k, v in kas.items()}
        kas_file[plant_sub][11] += 1000
    wb = new_wb()
    ws = wb.create_sheet("Anggaran Kas")
    w = XW(ws)
    w.title_block(["ANGGARAN KAS", "KECAMATAN JEPON", f"TAHUN ANGGARAN {tahun}"], 15)
    w.row(["Kode", "Uraian"] + MONTHS + ["Jumlah"], bold=True, box=True)
    grand = [0] * 12
    for p in progs:
        pm = [sum(kas_file[s["kode"]][i] for k in p["kegs"] for s in k["subs"]) for i in range(12)]
        w.row([p["kode"], p["nama"]] + pm + [sum(pm)], bold=True)
        for k in p["kegs"]:
            km = [sum(kas_file[s["kode"]][i] for s in k["subs"]) for i in range(12)]
            w.row([k["kode"], k["nama"]] + km + [sum(km)])
            for s in k["subs"]:
                r = w.row([s["kode"], s["nama"]] + kas_file[s["kode"]] + [sum(kas_file[s["kode"]])])
                if planted == "kas" and s["kode"] == plant_sub:
                    exp_err.append({"code": "kas-mismatch", "file": f"Anggaran Kas Kecamatan Jepon {tahun}.xlsx",
                                    "sheet": "Anggaran Kas", "cell": f"O{r}", "row_only": True})
        grand = [a + b for a, b in zip(grand, pm)]
    w.row([None, "JUMLAH"] + grand + [sum(grand)], bold=True)
    fix_props(wb)
    save(wb, d, f"Anggaran Kas Kecamatan Jepon {tahun}.xlsx")
    # --- IKU long format
    iku = iku_rows(seed, [2023, 2024, 2025], SAS_KEC, neg_idx=(2,))
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.title_block(["PENGUKURAN KINERJA", "KECAMATAN JEPON"], 10)
    w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Tahun", "Target", "Realisasi",
           "Capaian (%)", "Predikat"], bold=True, box=True)
    for it in iku:
        for y, (t, r, c, pr) in it["yrs"].items():
            w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"], it["pol"], y, t, r, float(c), pr])
    fix_props(wb)
    save(wb, d, "IKU Kecamatan Jepon.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Jepon", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan,
                     "rfk": rfk_expect(kas, real, progs, bulan), "errors": exp_err})


def office_pupr(base, planted=None):
    """DPA.xlsx with Rekap DPA + Rincian DPA (SIPD full-code split columns, Kode Rekening, blank rows,
    hidden helper column, 9-row title with logo merge); LRA monthly files with month only in title,
    Realisasi over Bulan Ini | s.d. Bulan Ini; IKU Target/Realisasi/Capaian <year> columns with negative
    indicator and Predikat; Indikator Program. tahun 2024, Des."""
    tahun, bulan, seed = 2024, 12, 23
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 2),
               ("2.06", "Administrasi Umum Perangkat Daerah", 2)]),
             ("02", "PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)",
              [("2.01", "Pengelolaan SDA dan Bangunan Pengaman Pantai", 1)]),
             ("10", "PROGRAM PENYELENGGARAAN JALAN",
              [("2.01", "Penyelenggaraan Jalan Kabupaten/Kota", 2)])]
    progs = make_tree(seed, "1.03", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    # Rekap
    ws = wb.create_sheet("Rekap DPA")
    w = XW(ws)
    w.title_block(["REKAPITULASI DOKUMEN PELAKSANAAN ANGGARAN", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                   f"TAHUN ANGGARAN {tahun}"], 5)
    w.blank()
    w.row(["Kode", "Program/Kegiatan/Sub Kegiatan", f"Anggaran {tahun}", f"Anggaran {tahun + 1}"], bold=True, box=True)
    for p in progs:
        w.row([p["kode"], p["nama"], psum(p), psum(p, "pm")], bold=True)
        for k in p["kegs"]:
            w.row([k["kode"], k["nama"], psum(k), psum(k, "pm")])
            for s in k["subs"]:
                w.row([s["kode"], s["nama"], s["pagu"], s["pm"]])
    w.row([None, "JUMLAH", sum(psum(p) for p in progs), sum(psum(p, "pm") for p in progs)], bold=True)
    sign_block(w, 3)
    w.widths([20, 60, 18, 18])
    # Rincian
    ws = wb.create_sheet("Rincian DPA")
    w = XW(ws)
    w.title_block(["PEMERINTAH KABUPATEN BLORA", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                   "Jl. Gatot Subroto No. 12 Blora", "DOKUMEN PELAKSANAAN ANGGARAN",
                   "RINCIAN BELANJA PER SUB KEGIATAN", f"TAHUN ANGGARAN {tahun}", None,
                   "Urusan Pemerintahan : 1.03 - URUSAN PEMERINTAHAN BIDANG PEKERJAAN UMUM DAN PENATAAN RUANG",
                   "Organisasi : 1.03.0.00.0.00.01.0000 - Dinas Pekerjaan Umum dan Penataan Ruang"], 10, logo=True)
    w.blank()
    w.row(["Kode Urusan", "Kode Bidang", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Bantu",
           "Kode Rekening", "Uraian", "Jumlah (Rp)"], bold=True, box=True)
    w.row(["1", "2", "3", "4", "5", "6", "7", "8", "9"])
    ws.column_dimensions["F"].hidden = True
    n = 0
    for p in progs:
        for k in p["kegs"]:
            for s in k["subs"]:
                sg = s["kode"].split(".")
                cols = [sg[0], ".".join(sg[:2]), ".".join(sg[:3]), ".".join(sg[:5]), s["kode"]]
                n += 1
                w.row(cols + [f"x{n}", None, s["nama"], s["pagu"]], bold=True)
                for kr, nr, a in s["rek"]:
                    n += 1
                    w.row(cols + [f"x{n}", kr, nr, a])
                w.blank()
    w.row([None, None, None, None, None, None, None, "JUMLAH TOTAL", sum(s["pagu"] for s in subs_of(progs))], bold=True)
    w.widths([7, 7, 9, 13, 19, 5, 20, 55, 18])
    fix_props(wb)
    save(wb, d, "DPA.xlsx")
    # LRA files, month in title only
    real = realisasi_path(seed, progs, bulan)
    plant_sub = subs_of(progs)[4]["kode"]
    for m, nm in [(10, "pertama"), (11, "kedua"), (12, "ketiga")]:
        fname = f"LRA PUPR kiriman {nm}.xlsx"
        wb = new_wb()
        ws = wb.create_sheet("LRA")
        w = XW(ws)
        w.title_block(["LAPORAN REALISASI ANGGARAN", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                       f"s.d. Bulan {MONTHS[m - 1]} {tahun}"], 6)
        w.blank()
        h = w.row(["Kode", "Uraian", "Anggaran", "Realisasi", None, "Sisa Anggaran"], bold=True, box=True)
        w.row([None, None, None, "Bulan Ini", "s.d. Bulan Ini", None], bold=True, box=True)
        for c in ("A", "B", "C", "F"):
            ws.merge_cells(f"{c}{h}:{c}{h + 1}")
        ws.merge_cells(f"D{h}:E{h}")
        tot = [0, 0, 0, 0]
        for s in subs_of(progs):
            cum = real[s["kode"]][m - 1]
            bi = cum - real[s["kode"]][m - 2]
            if planted == "decrease" and m == 11 and s["kode"] == plant_sub:
                cum = real[s["kode"]][9] - 1_000_000
            r = w.row([s["kode"], s["nama"], s["pagu"], bi, cum, s["pagu"] - cum])
            if planted == "decrease" and m == 11 and s["kode"] == plant_sub:
                exp_err.append({"code": "realisasi-decreased", "file": fname, "sheet": "LRA", "cell": f"E{r}",
                                "row_only": True})
            tot = [tot[0] + s["pagu"], tot[1] + bi, tot[2] + cum, tot[3] + s["pagu"] - cum]
        w.row([None, "JUMLAH"] + tot, bold=True)
        fix_props(wb)
        save(wb, d, fname)
    # IKU with Target YYYY columns
    sas = [("Meningkatnya kualitas infrastruktur jalan", "Persentase Jalan Kabupaten Kondisi Mantap", "%"),
           ("Meningkatnya kualitas infrastruktur jalan", "Persentase Ruas Jalan Rusak Berat", "%"),
           ("Meningkatnya layanan sumber daya air", "Persentase Daerah Irigasi Kondisi Baik", "%")]
    iku = iku_rows(seed, [2022, 2023, 2024], sas, neg_idx=(1,))
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.title_block(["INDIKATOR KINERJA UTAMA", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"], 16)
    hdr = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas"]
    for y in (2022, 2023, 2024):
        hdr += [f"Target {y}", f"Realisasi {y}", f"Capaian {y} (%)"]
    hdr += ["Predikat 2024", "Sumber Data"]
    w.row(hdr, bold=True, box=True)
    for it in iku:
        vals = [it["no"], it["sasaran"], it["indikator"], it["satuan"],
                "semakin rendah semakin baik" if it["pol"] == "negatif" else "semakin tinggi semakin baik"]
        for y in (2022, 2023, 2024):
            t, r, c, _ = it["yrs"][y]
            vals += [t, r, float(c)]
        vals += [it["yrs"][2024][3], "Bidang Bina Marga"]
        w.row(vals)
    # Indikator Program
    ws = wb.create_sheet("Indikator Program")
    w = XW(ws)
    w.title_block(["INDIKATOR KINERJA PROGRAM", f"TAHUN {tahun}"], 9)
    w.row(["No", "Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target", "Realisasi",
           "Capaian %"], bold=True, box=True)
    for i, (p, sasn) in enumerate(zip(progs, [sas[0][0], sas[2][0], sas[0][0]])):
        t, r = 100, [98.5, 100, 91.25][i]
        w.row([i + 1, sasn, p["kode"], p["nama"], f"Persentase capaian {p['nama'].title()[8:40]}", "%", t, r,
               float(capaian(t, r))])
    fix_props(wb)
    save(wb, d, "IKU Dinas PUPR 2022-2024.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Dinas Pekerjaan Umum dan Penataan Ruang",
                     "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan, "errors": exp_err})


def office_ngawen(base, planted=None):
    """.xls DPA (xlwt) with program/kegiatan subtotals and Nomenklatur; CSV LRA per month (text numbers);
    anggaran kas TW 1..TW 4; IKU long format Tahun + permendagri86 via lkjip.toml; 2025 s.d. Mei."""
    tahun, bulan, seed = 2025, 5, 37
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 1),
               ("2.06", "Administrasi Umum Perangkat Daerah", 2)]),
             ("03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
              [("2.01", "Fasilitasi Pemberdayaan Masyarakat", 2)])]
    progs = make_tree(seed, "7.01", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    os.makedirs(d, exist_ok=True)
    exp_err = []
    with open(os.path.join(d, "lkjip.toml"), "w") as fh:
        fh.write('instansi = "Kecamatan Ngawen"\nkabupaten = "Blora"\npredikat = "permendagri86"\n')
    # DPA .xls
    wb = xlwt.Workbook()
    ws = wb.add_sheet("DPA")
    bold = xlwt.easyxf("font: bold on")
    r = 0
    for t in ["PEMERINTAH KABUPATEN BLORA", "KECAMATAN NGAWEN", f"DPA TAHUN ANGGARAN {tahun}"]:
        ws.write_merge(r, r, 0, 3, t, bold)
        r += 1
    r += 1
    for i, h in enumerate(["Kode", "Nomenklatur", "Pagu", "Prakiraan Maju"]):
        ws.write(r, i, h, bold)
    r += 1
    off = 5_000_000 if planted == "subtotal" else 0
    for pi, p in enumerate(progs):
        val = psum(p) + (off if pi == 1 else 0)
        ws.write(r, 0, p["kode"]); ws.write(r, 1, p["nama"]); ws.write(r, 2, val); ws.write(r, 3, psum(p, "pm"))
        if planted == "subtotal" and pi == 1:
            exp_err.append({"code": "subtotal-mismatch", "file": "DPA Kecamatan Ngawen.xls", "sheet": "DPA",
                            "cell": f"C{r + 1}"})
        r += 1
        for k in p["kegs"]:
            ws.write(r, 0, k["kode"]); ws.write(r, 1, k["nama"]); ws.write(r, 2, psum(k)); ws.write(r, 3, psum(k, "pm"))
            r += 1
            for s in k["subs"]:
                ws.write(r, 0, s["kode"]); ws.write(r, 1, s["nama"]); ws.write(r, 2, s["pagu"]); ws.write(r, 3, s["pm"])
                r += 1
    ws.write(r, 1, "JUMLAH", bold); ws.write(r, 2, sum(psum(p) for p in progs)); ws.write(r, 3, sum(psum(p, "pm") for p in progs))
    r += 2
    ws.write(r, 1, "Ngawen, 2 Januari 2025")
    ws.write(r + 1, 1, "CAMAT NGAWEN")
    ws.write(r + 4, 1, "NIP. 19750202 200003 1 002")
    wb.save(os.path.join(d, "DPA Kecamatan Ngawen.xls"))
    # CSV LRA
    real = realisasi_path(seed, progs, bulan)
    for m in (4, 5):
        with open(os.path.join(d, f"LRA_{tahun}-{m:02d}.csv"), "w", newline="", encoding="utf-8") as fh:
            cw = csv.writer(fh)
            cw.writerow(["Kode", "Uraian", "Anggaran", "Realisasi s.d. Bulan Ini"])
            for i, s in enumerate(subs_of(progs)):
                v = rp(real[s["kode"]][m - 1])
                if planted == "badnumber" and m == 4 and i == 2:
                    v = v[:-4] + "O" + v[-3:]  # a letter O typed for a zero
                    exp_err.append({"code": "bad-number", "file": f"LRA_{tahun}-04.csv", "sheet": None,
                                    "cell": f"D{i + 2}"})
                cw.writerow([s["kode"], s["nama"], rp(s["pagu"]), v])
            cw.writerow(["", "JUMLAH", rp(sum(s["pagu"] for s in subs_of(progs))),
                         rp(sum(real[s["kode"]][m - 1] for s in subs_of(progs)))])
    # Anggaran kas TW
    q = {s["kode"]: kas_quarters(seed, s["pagu"]) for s in subs_of(progs)}
    kasm = {k: quarters_to_months(v) for k, v in q.items()}
    wb = new_wb()
    ws = wb.create_sheet("AKB")
    w = XW(ws)
    w.title_block(["ANGGARAN KAS BELANJA", "KECAMATAN NGAWEN", f"TAHUN {tahun}"], 7)
    w.row(["Kode", "Uraian", "TW 1", "TW 2", "TW 3", "TW 4", "Total"], bold=True, box=True)
    for s in subs_of(progs):
        w.row([s["kode"], s["nama"]] + q[s["kode"]] + [sum(q[s["kode"]])])
    fix_props(wb)
    save(wb, d, f"Anggaran Kas Ngawen {tahun}.xlsx")
    # IKU long with perm86
    iku = iku_rows(seed, [2023, 2024, 2025], SAS_KEC, neg_idx=(2,), pred=pred_p86)
    plant_done = False
    wb = new_wb()
    ws = wb.create_sheet("Kinerja")
    w = XW(ws)
    w.title_block(["CAPAIAN INDIKATOR KINERJA UTAMA", "KECAMATAN NGAWEN"], 10)
    w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Tahun", "Target", "Realisasi",
           "Capaian %", "Kategori"], bold=True, box=True)
    for it in iku:
        for y, (t, r_, c, pr) in it["yrs"].items():
            lab = pr
            if planted == "p86-predikat" and not plant_done and y == 2025:
                # a label that would be right on the default scale family but wrong on permendagri86
                lab = {"Sangat Tinggi": "Tinggi", "Tinggi": "Sangat Tinggi", "Sedang": "Tinggi",
                       "Rendah": "Sedang", "Sangat Rendah": "Rendah"}[pr]
            rr = w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"], it["pol"], y, t, idc(r_), idc(c), lab])
            if lab != pr:
                plant_done = True
                exp_err.append({"code": "predikat-mismatch", "file": "IKU Ngawen.xlsx", "sheet": "Kinerja",
                                "cell": f"J{rr}"})
    fix_props(wb)
    save(wb, d, "IKU Ngawen.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Ngawen", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan,
                     "rfk": rfk_expect(kasm, real, progs, bulan), "errors": exp_err})


def office_kesehatan(base, planted=None):
    """DPPA: Jumlah (Rp) over Sebelum | Setelah | Bertambah/(Berkurang), text amounts Rp ...,- and (x);
    realisasi with months as columns (each month's amount); IKU two-row year groups with negative indicator,
    predikat; Indikator Program. tahun 2024."""
    tahun, bulan, seed = 2024, 12, 41
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.02", "Administrasi Keuangan Perangkat Daerah", 2)]),
             ("02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
              [("2.01", "Penyediaan Fasilitas Pelayanan Kesehatan", 2), ("2.02", "Penyediaan Layanan Kesehatan", 1)])]
    progs = make_tree(seed, "1.02", shape)
    rnd = random.Random(seed)
    before = {s["kode"]: s["pagu"] + rnd.choice([-1, 1, 0]) * rnd.randint(1, 20) * 500_000 for s in subs_of(progs)}
    for s in subs_of(progs):
        if before[s["kode"]] <= 0:
            before[s["kode"]] = s["pagu"]
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPPA")
    w = XW(ws)
    w.title_block(["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN", "DINAS KESEHATAN", f"TAHUN ANGGARAN {tahun}"], 5)
    h = w.row(["Kode", "Uraian", "Jumlah (Rp)", None, None], bold=True, box=True)
    w.row([None, None, "Sebelum Pergeseran", "Setelah Pergeseran", "Bertambah/(Berkurang)"], bold=True, box=True)
    ws.merge_cells(f"A{h}:A{h + 1}"); ws.merge_cells(f"B{h}:B{h + 1}"); ws.merge_cells(f"C{h}:E{h}")

    def trio(b, a):
        return [rp(b), rp(a), dots(a - b) if a != b else "-"]
    for p in progs:
        pb = sum(before[s["kode"]] for k in p["kegs"] for s in k["subs"])
        w.row([p["kode"], p["nama"]] + trio(pb, psum(p)), bold=True)
        for k in p["kegs"]:
            kb = sum(before[s["kode"]] for s in k["subs"])
            w.row([k["kode"], k["nama"]] + trio(kb, psum(k)))
            for s in k["subs"]:
                w.row([s["kode"], s["nama"]] + trio(before[s["kode"]], s["pagu"]))
    tb = sum(before.values())
    w.row([None, "JUMLAH"] + trio(tb, sum(s["pagu"] for s in subs_of(progs))), bold=True)
    w.widths([20, 60, 22, 22, 20])
    fix_props(wb)
    save(wb, d, f"DPPA Dinas Kesehatan {tahun}.xlsx")
    # realisasi months as columns
    real = realisasi_path(seed, progs, bulan)
    wb = new_wb()
    ws = wb.create_sheet("Realisasi")
    w = XW(ws)
    w.title_block(["REALISASI BELANJA PER BULAN", "DINAS KESEHATAN", f"TAHUN ANGGARAN {tahun}"], 15)
    w.row(["Kode", "Uraian", "Pagu"] + MONTHS, bold=True, box=True)
    for i_, s in enumerate(subs_of(progs)):
        c = real[s["kode"]]
        if planted == "over-budget" and i_ == 1:
            c[11] = s["pagu"] + 1_000_000
        rr = w.row([s["kode"], s["nama"], s["pagu"]] + [c[i] - (c[i - 1] if i else 0) for i in range(12)])
        if planted == "over-budget" and i_ == 1:
            exp_err.append({"code": "over-budget", "file": f"Realisasi Bulanan Dinkes {tahun}.xlsx",
                            "sheet": "Realisasi", "cell": f"O{rr}", "row_only": True})
    fix_props(wb)
    save(wb, d, f"Realisasi Bulanan Dinkes {tahun}.xlsx")
    # IKU two-row groups
    sas = [("Meningkatnya derajat kesehatan masyarakat", "Angka Kematian Ibu", "per 100.000 KH"),
           ("Meningkatnya derajat kesehatan masyarakat", "Prevalensi Stunting", "%"),
           ("Meningkatnya mutu pelayanan kesehatan", "Persentase Puskesmas Terakreditasi", "%")]
    iku = iku_rows(seed, [2022, 2023, 2024], sas, neg_idx=(0, 1))
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.title_block(["PENGUKURAN INDIKATOR KINERJA UTAMA", "DINAS KESEHATAN"], 16)
    h = w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "2022", None, None, "2023", None, None,
               "2024", None, None, "Predikat"], bold=True, box=True)
    w.row([None] * 5 + ["Target", "Realisasi", "Capaian %"] * 3 + [None], bold=True, box=True)
    for c in "ABCDEO":
        ws.merge_cells(f"{c}{h}:{c}{h + 1}")
    for c0 in ("F", "I", "L"):
        ws.merge_cells(f"{c0}{h}:{L(openpyxl.utils.column_index_from_string(c0) + 2)}{h}")
    for i, it in enumerate(iku):
        vals = [it["no"], it["sasaran"], it["indikator"], it["satuan"], it["pol"]]
        for y in (2022, 2023, 2024):
            t, r_, c, _ = it["yrs"][y]
            vals += [t, r_, float(c)]
        pr = it["yrs"][2024][3]
        if planted == "predikat" and i == 0:
            pr = "Baik" if pr != "Baik" else "Cukup"
        rr = w.row(vals + [pr])
        if planted == "predikat" and i == 0:
            exp_err.append({"code": "predikat-mismatch", "file": "IKU Dinkes.xlsx", "sheet": "IKU", "cell": f"O{rr}"})
    ws = wb.create_sheet("Indikator Program")
    w = XW(ws)
    w.row(["No", "Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target", "Realisasi",
           "Capaian %"], bold=True, box=True)
    for i, p in enumerate(progs):
        w.row([i + 1, sas[2 * i][0] if i < 2 else sas[0][0], p["kode"], p["nama"], "Persentase pelaksanaan program",
               "%", 100, [95, 100][i], float(capaian(100, [95, 100][i]))])
    fix_props(wb)
    save(wb, d, "IKU Dinkes.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Dinas Kesehatan", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan, "errors": exp_err})


def office_kradenan(base, planted=None):
    """Single Kode column, text number row (1)(2)..., amounts as text with thousands dots, program
    penunjang with literal X.XX prefix; realisasi files Realisasi_06_2025 / _07_ plain Realisasi (cumulative,
    sum of months would exceed pagu); anggaran kas Triwulan I..IV + Jumlah; IKU 2-row groups + Kategori."""
    tahun, bulan, seed = 2025, 7, 53
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 1),
               ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 2)])]
    progs = make_tree(seed, "X.XX", shape)
    progs += make_tree(seed + 1, "7.01", [("02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
                                            [("2.01", "Penyelenggaraan Urusan Pemerintahan Umum", 2)]),
                                           ("03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
                                            [("2.01", "Fasilitasi Pemberdayaan Masyarakat", 1)])])
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["DOKUMEN PELAKSANAAN ANGGARAN", "KECAMATAN KRADENAN", f"TAHUN ANGGARAN {tahun}"], 4)
    w.row(["Kode", "Uraian", "Anggaran", "Tahun + 1"], bold=True, box=True)
    w.row(["(1)", "(2)", "(3)", "(4)"])
    for p in progs:
        kode = p["kode"]
        if planted == "kode" and kode == "7.01.02":
            kode = "7.1.02"
        rr = w.row([kode, p["nama"], dots(psum(p)), dots(psum(p, "pm"))], bold=True)
        if kode != p["kode"]:
            exp_err.append({"code": "bad-kode", "file": "DPA Kradenan 2025.xlsx", "sheet": "DPA", "cell": f"A{rr}"})
        for k in p["kegs"]:
            w.row([k["kode"], k["nama"], dots(psum(k)), dots(psum(k, "pm"))])
            for s in k["subs"]:
                w.row([s["kode"], s["nama"], dots(s["pagu"]), dots(s["pm"])])
    w.row([None, "JUMLAH", dots(sum(psum(p) for p in progs)), dots(sum(psum(p, "pm") for p in progs))], bold=True)
    w.blank()
    w.row([None, "Keterangan: pagu sesuai Perbup penjabaran APBD"])
    fix_props(wb)
    save(wb, d, "DPA Kradenan 2025.xlsx")
    real = realisasi_path(seed, progs, bulan, final_share=(0.95, 1.0))
    for m in (6, 7):
        wb = new_wb()
        ws = wb.create_sheet("Realisasi")
        w = XW(ws)
        w.title_block(["REALISASI ANGGARAN", "KECAMATAN KRADENAN"], 4)
        w.row(["Kode", "Uraian", "Anggaran", "Realisasi"], bold=True, box=True)
        for s in subs_of(progs):
            w.row([s["kode"], s["nama"], s["pagu"], real[s["kode"]][m - 1]])
        w.row(["JUMLAH", None, sum(s["pagu"] for s in subs_of(progs)), sum(real[s["kode"]][m - 1] for s in subs_of(progs))])
        fix_props(wb)
        save(wb, d, f"Realisasi_{m:02d}_{tahun}.xlsx")
    q = {s["kode"]: kas_quarters(seed, s["pagu"]) for s in subs_of(progs)}
    kasm = {k: quarters_to_months(v) for k, v in q.items()}
    wb = new_wb()
    ws = wb.create_sheet("Rencana Penarikan Dana")
    w = XW(ws)
    w.title_block(["RENCANA PENARIKAN DANA", "KECAMATAN KRADENAN", f"TAHUN {tahun}"], 7)
    w.row(["Kode", "Uraian", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Jumlah"], bold=True, box=True)
    for s in subs_of(progs):
        w.row([s["kode"], s["nama"]] + q[s["kode"]] + [sum(q[s["kode"]])])
    tq = [sum(q[s["kode"]][i] for s in subs_of(progs)) for i in range(4)]
    w.row([None, "JUMLAH"] + tq + [sum(tq)])
    fix_props(wb)
    save(wb, d, "Rencana Penarikan Dana Kradenan.xlsx")
    iku = iku_rows(seed, [2023, 2024, 2025], SAS_KEC, neg_idx=(2,))
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.title_block(["INDIKATOR KINERJA UTAMA", "KECAMATAN KRADENAN"], 15)
    h = w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "2023", None, None, "2024", None, None,
               "2025", None, None, "Kategori 2025"], bold=True)
    w.row([None] * 5 + ["Target", "Realisasi", "Capaian %"] * 3, bold=True)
    for c0 in ("F", "I", "L"):
        ws.merge_cells(f"{c0}{h}:{L(openpyxl.utils.column_index_from_string(c0) + 2)}{h}")
    for it in iku:
        vals = [it["no"], it["sasaran"], it["indikator"], it["satuan"], it["pol"]]
        for y in (2023, 2024, 2025):
            t, r_, c, _ = it["yrs"][y]
            vals += [t, r_, float(c)]
        w.row(vals + [it["yrs"][2025][3]])
    fix_props(wb)
    save(wb, d, "IKU Kradenan.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Kradenan", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan,
                     "rfk": rfk_expect(kasm, real, progs, bulan), "errors": exp_err})


def office_pertanian(base, planted=None):
    """9-row title with logo merge, hidden helper column, blank rows between program blocks; Renja with
    Pagu Indikatif; LRA Maret/Juni/September files with 'Realisasi Kumulatif'; IKU long (Tahun), polaritas
    in words, negative_formula T/R via lkjip.toml. tahun 2025 s.d. September."""
    tahun, bulan, seed = 2025, 9, 67
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.02", "Administrasi Keuangan Perangkat Daerah", 1), ("2.06", "Administrasi Umum Perangkat Daerah", 2)]),
             ("02", "PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN",
              [("2.01", "Pengawasan Penggunaan Sarana Pendukung Pertanian", 2)]),
             ("04", "PROGRAM PENGENDALIAN DAN PENANGGULANGAN BENCANA PERTANIAN",
              [("2.01", "Pengendalian dan Penanggulangan Bencana Pertanian", 1)])]
    progs = make_tree(seed, "3.27", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "lkjip.toml"), "w") as fh:
        fh.write('instansi = "Dinas Pertanian dan Pangan"\nkabupaten = "Blora"\nnegative_formula = "T/R"\n')
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["PEMERINTAH KABUPATEN BLORA", "DINAS PERTANIAN DAN PANGAN", "Jl. Reksodiputro No. 3 Blora",
                   None, "DOKUMEN PELAKSANAAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH", f"TAHUN ANGGARAN {tahun}",
                   None, "Organisasi : 3.27.0.00.0.00.01.0000 Dinas Pertanian dan Pangan"], 7, logo=True)
    w.blank()
    w.row(["No", "Kode", "Cek", "Uraian", "Indikator", "Target", f"Pagu {tahun}"], bold=True, box=True)
    ws.column_dimensions["C"].hidden = True
    no = 0
    for p in progs:
        w.row([None, p["kode"], "ok", p["nama"], None, None, psum(p)], bold=True)
        for k in p["kegs"]:
            w.row([None, k["kode"], "ok", k["nama"], None, None, psum(k)])
            for s in k["subs"]:
                no += 1
                w.row([no, s["kode"], "ok", s["nama"], "Jumlah dokumen/laporan", 12, s["pagu"]])
                if planted == "duplicate" and s is subs_of(progs)[3]:
                    rr = w.row([no, s["kode"], "ok", s["nama"], "Jumlah dokumen/laporan", 12, s["pagu"]])
                    exp_err.append({"code": "duplicate-kode", "file": f"DPA Distanpan {tahun}.xlsx", "sheet": "DPA",
                                    "cell": f"B{rr}", "row_only": True})
        w.blank()
    w.row([None, None, None, "TOTAL", None, None, sum(s["pagu"] for s in subs_of(progs))], bold=True)
    sign_block(w, 4)
    fix_props(wb)
    save(wb, d, f"DPA Distanpan {tahun}.xlsx")
    # Renja
    wb = new_wb()
    ws = wb.create_sheet("Renja")
    w = XW(ws)
    w.title_block(["RENCANA KERJA PERANGKAT DAERAH", "DINAS PERTANIAN DAN PANGAN", f"TAHUN {tahun}"], 4)
    w.row(["Kode", "Uraian", "Pagu Indikatif", "Prakiraan Maju"], bold=True, box=True)
    for p in progs:
        for k in p["kegs"]:
            for s in k["subs"]:
                w.row([s["kode"], s["nama"], s["pagu"], s["pm"]])
    fix_props(wb)
    save(wb, d, f"Renja Distanpan {tahun}.xlsx")
    real = realisasi_path(seed, progs, bulan)
    for m in (3, 6, 9):
        wb = new_wb()
        ws = wb.create_sheet("LRA")
        w = XW(ws)
        w.title_block(["LAPORAN REALISASI ANGGARAN", "DINAS PERTANIAN DAN PANGAN"], 4)
        w.row(["Kode", "Uraian", "Pagu", "Realisasi Kumulatif"], bold=True, box=True)
        for p in progs:
            for k in p["kegs"]:
                for s in k["subs"]:
                    w.row([s["kode"], s["nama"], s["pagu"], real[s["kode"]][m - 1]])
            w.blank()
        fix_props(wb)
        save(wb, d, f"LRA {MONTHS[m - 1]} {tahun}.xlsx")
    sas = [("Meningkatnya produksi pertanian", "Produktivitas Padi", "Ton/Ha"),
           ("Meningkatnya produksi pertanian", "Luas Lahan Puso Akibat Bencana", "Ha"),
           ("Meningkatnya ketahanan pangan", "Skor Pola Pangan Harapan", "Skor")]
    iku = iku_rows(seed, [2024, 2025], sas, neg_idx=(1,), neg="T/R")
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Tahun", "Target", "Realisasi",
           "Capaian %", "Predikat"], bold=True, box=True)
    for it in iku:
        for y, (t, r_, c, pr) in it["yrs"].items():
            w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"],
                   "semakin rendah semakin baik" if it["pol"] == "negatif" else "semakin tinggi semakin baik",
                   y, t, r_, float(c), pr])
    fix_props(wb)
    save(wb, d, "IKU Distanpan.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Dinas Pertanian dan Pangan",
                     "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan, "errors": exp_err})


def office_banjarejo(base, planted=None):
    """Template-like DPA with Kode + Kode Rekening columns (rekening rows under each sub kegiatan), 8-row title
    with logo merge, hidden column, blank rows between sub blocks; realisasi 2024-11 / 2024-12;
    AKB per rekening with Bulan 1..Bulan 12 and Jumlah."""
    tahun, bulan, seed = 2024, 12, 79
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 2),
               ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 1)]),
             ("06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
              [("2.01", "Fasilitasi Penyusunan Program Pembangunan Desa", 2)])]
    progs = make_tree(seed, "7.01", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["PEMERINTAH KABUPATEN BLORA", "KECAMATAN BANJAREJO", "Jl. Raya Banjarejo No. 1",
                   "DOKUMEN PELAKSANAAN ANGGARAN", f"TAHUN ANGGARAN {tahun}", None,
                   "Urusan : 7.01 - Kewilayahan", "Unit : Kecamatan Banjarejo"], 8, logo=True)
    w.blank()
    w.row(["Kode", "Program/Kegiatan/Sub Kegiatan", "Ref", "Kode Rekening", "Nama Rekening", f"Anggaran {tahun}",
           f"Anggaran {tahun + 1}"], bold=True, box=True)
    ws.column_dimensions["C"].hidden = True
    plant_sub = subs_of(progs)[1]["kode"]
    for p in progs:
        w.row([p["kode"], p["nama"], "P", None, None, psum(p), psum(p, "pm")], bold=True)
        for k in p["kegs"]:
            w.row([k["kode"], k["nama"], "K", None, None, psum(k), psum(k, "pm")], bold=True)
            for s in k["subs"]:
                val = s["pagu"] + (2_500_000 if planted == "subpagu" and s["kode"] == plant_sub else 0)
                rr = w.row([s["kode"], s["nama"], "S", None, None, val, s["pm"]])
                if val != s["pagu"]:
                    exp_err.append({"code": "subtotal-mismatch", "file": "DPA Kecamatan Banjarejo 2024.xlsx",
                                    "sheet": "DPA", "cell": f"F{rr}"})
                for kr, nr, a in s["rek"]:
                    w.row([None, None, "R", kr, nr, a, None])
                w.blank()
    w.row([None, "JUMLAH", None, None, None, sum(psum(p) for p in progs), sum(psum(p, "pm") for p in progs)], bold=True)
    w.widths([20, 55, 4, 20, 45, 16, 16])
    fix_props(wb)
    save(wb, d, "DPA Kecamatan Banjarejo 2024.xlsx")
    real = realisasi_path(seed, progs, bulan)
    for m in (11, 12):
        wb = new_wb()
        ws = wb.create_sheet("Realisasi")
        w = XW(ws)
        w.title_block(["LAPORAN REALISASI", "KECAMATAN BANJAREJO", f"TAHUN {tahun}"], 4)
        w.row(["Kode", "Uraian", "Anggaran", "Realisasi s.d. Bulan Ini"], bold=True, box=True)
        for s in subs_of(progs):
            w.row([s["kode"], s["nama"], s["pagu"], real[s["kode"]][m - 1]])
        fix_props(wb)
        save(wb, d, f"Realisasi {tahun}-{m:02d}.xlsx")
    # AKB per rekening
    kasr = {}
    wb = new_wb()
    ws = wb.create_sheet("AKB")
    w = XW(ws)
    w.title_block(["ANGGARAN KAS BELANJA", "KECAMATAN BANJAREJO", f"TAHUN ANGGARAN {tahun}"], 15)
    w.row(["Kode", "Uraian"] + [f"Bulan {i}" for i in range(1, 13)] + ["Jumlah"], bold=True, box=True)
    kas = {}
    for s in subs_of(progs):
        rows = [(kr, nr, kas_months(seed + i, a)) for i, (kr, nr, a) in enumerate(s["rek"])]
        sm = [sum(x[2][i] for x in rows) for i in range(12)]
        kas[s["kode"]] = sm
        w.row([s["kode"], s["nama"]] + sm + [sum(sm)], bold=True)
        for kr, nr, mm in rows:
            w.row([kr, nr] + mm + [sum(mm)])
    fix_props(wb)
    save(wb, d, f"AKB Banjarejo {tahun}.xlsx")
    iku = iku_rows(seed, [2024], SAS_KEC[:2])
    wb = new_wb()
    ws = wb.create_sheet("PK 2024")
    w = XW(ws)
    w.title_block(["PERJANJIAN KINERJA", "KECAMATAN BANJAREJO", f"TAHUN {tahun}"], 8)
    w.row(["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
          bold=True, box=True)
    w.row([1, 2, 3, 4, 5, 6, 7, 8])
    for it in iku:
        t, r_, c, pr = it["yrs"][2024]
        w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"], t, r_, float(c), pr])
    fix_props(wb)
    save(wb, d, "PK Banjarejo 2024.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Banjarejo", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan,
                     "rfk": rfk_expect(kas, real, progs, bulan), "errors": exp_err})


def office_dukcapil(base, planted=None):
    """DPA with 'Anggaran (Rp)' over 'Tahun 2025 | Prakiraan Maju 2026'; realisasi as .xls files (xlwt) with
    month in file name and title; IKU Target/Realisasi/Capaian <year> columns with negative indicator. 2025 s.d. Agustus."""
    tahun, bulan, seed = 2025, 8, 97
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.02", "Administrasi Keuangan Perangkat Daerah", 1), ("2.06", "Administrasi Umum Perangkat Daerah", 1)]),
             ("02", "PROGRAM PENDAFTARAN PENDUDUK",
              [("2.01", "Pelayanan Pendaftaran Penduduk", 2)]),
             ("03", "PROGRAM PENCATATAN SIPIL", [("2.01", "Pelayanan Pencatatan Sipil", 1)])]
    progs = make_tree(seed, "2.12", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["DOKUMEN PELAKSANAAN ANGGARAN", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", f"TAHUN ANGGARAN {tahun}"], 4)
    h = w.row(["Kode", "Uraian", "Anggaran (Rp)", None], bold=True, box=True)
    w.row([None, None, f"Tahun {tahun}", f"Prakiraan Maju {tahun + 1}"], bold=True, box=True)
    ws.merge_cells(f"A{h}:A{h + 1}"); ws.merge_cells(f"B{h}:B{h + 1}"); ws.merge_cells(f"C{h}:D{h}")
    for p in progs:
        w.row([p["kode"], p["nama"], psum(p), psum(p, "pm")], bold=True)
        for k in p["kegs"]:
            w.row([k["kode"], k["nama"], psum(k), psum(k, "pm")])
            for s in k["subs"]:
                w.row([s["kode"], s["nama"], s["pagu"], s["pm"]])
    w.row([None, "JUMLAH", sum(psum(p) for p in progs), sum(psum(p, "pm") for p in progs)], bold=True)
    fix_props(wb)
    save(wb, d, f"DPA Disdukcapil {tahun}.xlsx")
    real = realisasi_path(seed, progs, bulan)
    for m in (7, 8):
        xb = xlwt.Workbook()
        xs = xb.add_sheet("Realisasi")
        xs.write_merge(0, 0, 0, 3, "LAPORAN REALISASI ANGGARAN")
        xs.write_merge(1, 1, 0, 3, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
        xs.write_merge(2, 2, 0, 3, f"s.d. Bulan {MONTHS[m - 1]} {tahun}")
        for i, hh in enumerate(["Kode", "Uraian", "Anggaran", "Realisasi s.d. Bulan Ini"]):
            xs.write(4, i, hh)
        r = 5
        for s in subs_of(progs):
            xs.write(r, 0, s["kode"]); xs.write(r, 1, s["nama"]); xs.write(r, 2, s["pagu"]); xs.write(r, 3, real[s["kode"]][m - 1])
            r += 1
        xb.save(os.path.join(d, f"Realisasi Disdukcapil {MONTHS[m - 1]} {tahun}.xls"))
    sas = [("Meningkatnya kualitas layanan administrasi kependudukan", "Persentase Kepemilikan KTP-el", "%"),
           ("Meningkatnya kualitas layanan administrasi kependudukan", "Rata-rata Waktu Layanan Akta", "Hari"),
           ("Meningkatnya kepuasan masyarakat", "Indeks Kepuasan Masyarakat", "Indeks")]
    iku = iku_rows(seed, [2024, 2025], sas, neg_idx=(1,))
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.title_block(["INDIKATOR KINERJA UTAMA", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"], 12)
    w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target 2024", "Realisasi 2024",
           "Capaian 2024", "Target 2025", "Realisasi 2025", "Capaian 2025", "Predikat 2025"], bold=True, box=True)
    for it in iku:
        vals = [it["no"], it["sasaran"], it["indikator"], it["satuan"], it["pol"]]
        for y in (2024, 2025):
            t, r_, c, _ = it["yrs"][y]
            cc = float(c)
            if planted == "negcapaian" and it["pol"] == "negatif" and y == 2025:
                s_ = f"{c:.2f}"
                cc = float(s_[:-2] + s_[-1] + s_[-2]) if s_[-1] != s_[-2] else float(c) + 0.11  # swapped digits
                exp_err.append({"code": "capaian-mismatch", "file": "IKU Disdukcapil.xlsx", "sheet": "IKU",
                                "cell": f"K{w.r}"})
            vals += [t, r_, cc]
        w.row(vals + [it["yrs"][2025][3]])
    fix_props(wb)
    save(wb, d, "IKU Disdukcapil.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Dinas Kependudukan dan Pencatatan Sipil",
                     "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan, "errors": exp_err})


def office_jati(base, planted=None):
    """SIPD own-segment split code columns WITH program and kegiatan subtotal rows (no rekening), JUMLAH merged
    across the code columns; LRA at rekening level (sub kegiatan rows + Kode Rekening lines) with Realisasi over
    Bulan Ini | s.d. Bulan Ini, month from file name 2025-03/2025-04; anggaran kas Bulan 1..12 + Total + JUMLAH;
    PK 2025 single-year with capaian as text '98,30 %'. tahun 2025 s.d. April."""
    tahun, bulan, seed = 2025, 4, 113
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 2),
               ("2.06", "Administrasi Umum Perangkat Daerah", 1)]),
             ("06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
              [("2.01", "Fasilitasi Penyusunan Program Pembangunan Desa", 2)])]
    progs = make_tree(seed, "7.01", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["DOKUMEN PELAKSANAAN ANGGARAN", "KECAMATAN JATI", f"TAHUN ANGGARAN {tahun}"], 8)
    w.row(["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
           "Nama Program/Kegiatan/Sub Kegiatan", "Pagu", "Prakiraan Maju"], bold=True, box=True)
    for p in progs:
        sg = p["kode"].split(".")
        w.row([sg[0], sg[1], sg[2], None, None, p["nama"], psum(p), psum(p, "pm")], bold=True)
        for k in p["kegs"]:
            kg = k["kode"].split(".")
            first = w.r + 1
            if planted == "formula" and k is p["kegs"][0] and p is progs[0]:
                last = first + len(k["subs"]) - 1
                rr = w.row([kg[0], kg[1], kg[2], kg[3] + "." + kg[4], None, k["nama"], f"=SUM(G{first}:G{last})",
                            psum(k, "pm")])
                exp_err.append({"code": "formula-without-value", "file": f"DPA Kecamatan Jati {tahun}.xlsx",
                                "sheet": "DPA", "cell": f"G{rr}"})
            else:
                w.row([kg[0], kg[1], kg[2], kg[3] + "." + kg[4], None, k["nama"], psum(k), psum(k, "pm")])
            for s in k["subs"]:
                sg2 = s["kode"].split(".")
                w.row([sg2[0], sg2[1], sg2[2], sg2[3] + "." + sg2[4], sg2[5], s["nama"], s["pagu"], s["pm"]])
    r = w.row(["JUMLAH", None, None, None, None, None, sum(psum(p) for p in progs), sum(psum(p, "pm") for p in progs)],
              bold=True)
    ws.merge_cells(f"A{r}:F{r}")
    fix_props(wb)
    save(wb, d, f"DPA Kecamatan Jati {tahun}.xlsx")
    real = realisasi_path(seed, progs, bulan)
    rnd = random.Random(seed)
    for m in (3, 4):
        wb = new_wb()
        ws = wb.create_sheet("LRA")
        w = XW(ws)
        w.title_block(["LAPORAN REALISASI ANGGARAN PER REKENING", "KECAMATAN JATI"], 6)
        h = w.row(["Kode", "Kode Rekening", "Uraian", "Anggaran", "Realisasi", None], bold=True, box=True)
        w.row([None, None, None, None, "Bulan Ini", "s.d. Bulan Ini"], bold=True, box=True)
        for c in "ABCD":
            ws.merge_cells(f"{c}{h}:{c}{h + 1}")
        ws.merge_cells(f"E{h}:F{h}")
        for s in subs_of(progs):
            cum, prev = real[s["kode"]][m - 1], real[s["kode"]][m - 2]
            w.row([s["kode"], None, s["nama"], s["pagu"], cum - prev, cum], bold=True)
            # split sub cum/prev over its rekening proportionally (last takes the rest)
            tot = s["pagu"]
            cs, ps = [], []
            for i, (kr, nr, a) in enumerate(s["rek"]):
                if i < len(s["rek"]) - 1:
                    cs.append(cum * a // tot); ps.append(prev * a // tot)
                else:
                    cs.append(cum - sum(cs)); ps.append(prev - sum(ps))
            for (kr, nr, a), c_, p_ in zip(s["rek"], cs, ps):
                w.row([None, kr, nr, a, c_ - p_, c_])
        fix_props(wb)
        save(wb, d, f"LRA Jati {tahun}-{m:02d}.xlsx")
    kas = {s["kode"]: kas_months(seed, s["pagu"]) for s in subs_of(progs)}
    wb = new_wb()
    ws = wb.create_sheet("Anggaran Kas")
    w = XW(ws)
    w.title_block(["ANGGARAN KAS", "KECAMATAN JATI", f"TAHUN ANGGARAN {tahun}"], 15)
    w.row(["Kode", "Uraian"] + [f"Bulan {i}" for i in range(1, 13)] + ["Total"], bold=True, box=True)
    for s in subs_of(progs):
        w.row([s["kode"], s["nama"]] + kas[s["kode"]] + [s["pagu"]])
    g = [sum(kas[s["kode"]][i] for s in subs_of(progs)) for i in range(12)]
    w.row(["JUMLAH", None] + g + [sum(g)], bold=True)
    fix_props(wb)
    save(wb, d, f"Anggaran Kas Jati {tahun}.xlsx")
    iku = iku_rows(seed, [2025], SAS_KEC, neg_idx=(2,))
    wb = new_wb()
    ws = wb.create_sheet("PK 2025")
    w = XW(ws)
    w.title_block(["PERJANJIAN KINERJA DAN REALISASI", "KECAMATAN JATI", f"TAHUN {tahun}"], 9)
    w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi", "Capaian %", "Predikat"],
          bold=True, box=True)
    for it in iku:
        t, r_, c, pr = it["yrs"][2025]
        w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"], it["pol"].capitalize(), idc(t), idc(r_),
               idc(c) + " %", pr])
    fix_props(wb)
    save(wb, d, "PK Kecamatan Jati 2025.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Jati", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan,
                     "rfk": rfk_expect(kas, real, progs, bulan), "errors": exp_err})


def office_jiken(base, planted=None):
    """Semicolon CSV with UTF-8 BOM (Excel 'CSV UTF-8' in an Indonesian locale) for DPA and realisasi; DPA text
    numbers with thousands dots; one stacked realisasi CSV whose Bulan column holds month numbers 10/11/12;
    IKU workbook with a two-row-group IKU sheet, a Renstra sheet (no realisasi) and a PK 2024 sheet. tahun 2024."""
    tahun, bulan, seed = 2024, 12, 131
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.02", "Administrasi Keuangan Perangkat Daerah", 2)]),
             ("04", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
              [("2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah", 2)])]
    progs = make_tree(seed, "7.01", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    os.makedirs(d, exist_ok=True)
    exp_err = []
    with open(os.path.join(d, f"DPA Jiken {tahun}.csv"), "w", newline="", encoding="utf-8-sig") as fh:
        cw = csv.writer(fh, delimiter=";")
        cw.writerow(["Kode", "Uraian", "Pagu", "Prakiraan Maju"])
        for p in progs:
            cw.writerow([p["kode"], p["nama"], dots(psum(p)), dots(psum(p, "pm"))])
            for k in p["kegs"]:
                cw.writerow([k["kode"], k["nama"], dots(psum(k)), dots(psum(k, "pm"))])
                for s in k["subs"]:
                    cw.writerow([s["kode"], s["nama"], dots(s["pagu"]), dots(s["pm"])])
        cw.writerow(["", "JUMLAH", dots(sum(psum(p) for p in progs)), dots(sum(psum(p, "pm") for p in progs))])
    real = realisasi_path(seed, progs, bulan)
    with open(os.path.join(d, f"Realisasi Jiken {tahun}.csv"), "w", newline="", encoding="utf-8-sig") as fh:
        cw = csv.writer(fh, delimiter=";")
        cw.writerow(["Bulan", "Kode", "Uraian", "Realisasi s.d. Bulan Ini"])
        for m in (10, 11, 12):
            for s in subs_of(progs):
                cw.writerow([m, s["kode"], s["nama"], dots(real[s["kode"]][m - 1])])
    sas = SAS_KEC[:2]
    iku = iku_rows(seed, [2022, 2023, 2024], sas)
    wb = new_wb()
    ws = wb.create_sheet("IKU")
    w = XW(ws)
    w.title_block(["IKU KECAMATAN JIKEN"], 12)
    h = w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "2022", None, None, "2023", None, None, "2024", None,
               None, "Kategori 2024"], bold=True)
    w.row([None] * 4 + ["Target", "Realisasi", "Capaian %"] * 3, bold=True)
    for c0 in ("E", "H", "K"):
        ws.merge_cells(f"{c0}{h}:{L(openpyxl.utils.column_index_from_string(c0) + 2)}{h}")
    for i, it in enumerate(iku):
        vals = [it["no"], it["sasaran"], it["indikator"], it["satuan"]]
        for y in (2022, 2023, 2024):
            t, r_, c, _ = it["yrs"][y]
            vals += [t, r_, float(c)]
        rr = w.row(vals + [it["yrs"][2024][3]])
        if planted == "target" and i == 1:
            t, r_, c, pr = it["yrs"][2023]
            t2 = t + 1
            c2 = capaian(t2, r_)
            ws.cell(rr, 8).value = t2
            ws.cell(rr, 10).value = float(c2)
            exp_err.append({"code": "target-mismatch", "file": "IKU Jiken.xlsx", "sheet": "IKU", "cell": f"H{rr}"})
    ws = wb.create_sheet("Renstra")
    w = XW(ws)
    w.title_block(["RENSTRA KECAMATAN JIKEN 2021-2026"], 10)
    h = w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target Kinerja pada Tahun", None, None, None, None],
              bold=True)
    w.row([None] * 4 + ["2022", "2023", "2024", "2025", "2026"], bold=True)
    ws.merge_cells(f"E{h}:I{h}")
    for it in iku:
        ts = [it["yrs"][y][0] for y in (2022, 2023, 2024)]
        w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"]] + ts + [ts[-1], ts[-1]])
    ws = wb.create_sheet("PK 2024")
    w = XW(ws)
    w.title_block(["PERJANJIAN KINERJA TAHUN 2024"], 7)
    w.row(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"], bold=True)
    for i, it in enumerate(iku):
        t, r_, c, pr = it["yrs"][2024]
        if planted == "indikator" and i == 0:
            r_ = round(r_ + 1.5, 2)
            c = capaian(t, r_)
            exp_err.append({"code": "indikator-mismatch", "file": "IKU Jiken.xlsx", "sheet": None, "cell": None})
        w.row([it["no"], it["sasaran"], it["indikator"], it["satuan"], t, r_, float(c)])
    fix_props(wb)
    save(wb, d, "IKU Jiken.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Jiken", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan, "errors": exp_err})


def office_sambong(base, planted=None):
    """Plain DPA (single Kode column, sub kegiatan rows only); realisasi with months as columns filled only
    Januari..Maret (April..Desember empty); SIPD Anggaran Kas at rekening level with account subtotal rows
    (5, 5.1, 5.1.02, ...) under each sub kegiatan row, months as columns. tahun 2025 s.d. Maret."""
    tahun, bulan, seed = 2025, 3, 149
    shape = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
              [("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 2)]),
             ("02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
              [("2.01", "Penyelenggaraan Urusan Pemerintahan Umum", 1)])]
    progs = make_tree(seed, "7.01", shape)
    name = base + (f"-planted-{planted}" if planted else "")
    d = os.path.join(OFFICES, name)
    exp_err = []
    wb = new_wb()
    ws = wb.create_sheet("DPA")
    w = XW(ws)
    w.title_block(["DPA KECAMATAN SAMBONG", f"TAHUN ANGGARAN {tahun}"], 3)
    w.row(["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu"], bold=True)
    for s in subs_of(progs):
        w.row([s["kode"], s["nama"], s["pagu"]])
    fix_props(wb)
    save(wb, d, f"DPA Sambong {tahun}.xlsx")
    real = realisasi_path(seed, progs, bulan)
    wb = new_wb()
    ws = wb.create_sheet("Realisasi")
    w = XW(ws)
    w.title_block(["REALISASI PER BULAN", "KECAMATAN SAMBONG", f"TAHUN {tahun}"], 15)
    w.row(["Kode", "Uraian", "Anggaran"] + MONTHS, bold=True)
    for s in subs_of(progs):
        c = real[s["kode"]]
        w.row([s["kode"], s["nama"], s["pagu"]] + [c[i] - (c[i - 1] if i else 0) for i in range(bulan)])
    fix_props(wb)
    save(wb, d, f"Realisasi Sambong {tahun}.xlsx")
    wb = new_wb()
    ws = wb.create_sheet("Anggaran Kas")
    w = XW(ws)
    w.title_block(["ANGGARAN KAS SKPD", "KECAMATAN SAMBONG", f"TAHUN ANGGARAN {tahun}"], 15)
    w.row(["Kode", "Uraian"] + MONTHS + ["Jumlah"], bold=True)
    kas = {}
    for s in subs_of(progs):
        leaves = {kr: kas_months(seed + i, a) for i, (kr, nr, a) in enumerate(s["rek"])}
        sm = [sum(v[i] for v in leaves.values()) for i in range(12)]
        kas[s["kode"]] = sm
        w.row([s["kode"], s["nama"]] + sm + [sum(sm)], bold=True)
        accs = {}
        for kr, mm in leaves.items():
            parts = kr.split(".")
            for n in range(1, 7):
                pre = ".".join(parts[:n])
                accs[pre] = [a + b for a, b in zip(accs.get(pre, [0] * 12), mm)]
        names = {kr: nr for kr, nr, _ in s["rek"]}
        for acc in sorted(accs, key=lambda x: [int(t) for t in x.split(".")]):
            w.row([acc, names.get(acc) or ACC_NAMES[acc]] + accs[acc] + [sum(accs[acc])])
    fix_props(wb)
    save(wb, d, f"Anggaran Kas Sambong {tahun}.xlsx")
    write_exp(name, {"tahun": tahun, "instansi": "Kecamatan Sambong", "pagu": sum(s["pagu"] for s in subs_of(progs)),
                     "realisasi": sum(v[-1] for v in real.values()), "bulan": bulan,
                     "rfk": rfk_expect(kas, real, progs, bulan), "errors": exp_err})


def plant_copies_simple():
    def copy(src, tag):
        dst = src + "-planted-" + tag
        shutil.copytree(os.path.join(OFFICES, src), os.path.join(OFFICES, dst))
        exp = json.load(open(os.path.join(EXPECTED, src + ".json")))
        return os.path.join(OFFICES, dst), dst, exp

    def resave(wb, path):
        fix_props(wb)
        save(wb, os.path.dirname(path), os.path.basename(path))

    # 1. kas JUMLAH row wrong by 1.000 in the Triwulan III column (kradenan)
    d, name, exp = copy("kec-kradenan-2025", "kas-jumlah")
    f = os.path.join(d, "Rencana Penarikan Dana Kradenan.xlsx")
    wb = openpyxl.load_workbook(f)
    ws = wb.active
    r = max(i for i in range(1, ws.max_row + 1) if ws.cell(i, 2).value == "JUMLAH")
    ws.cell(r, 5).value += 1000
    resave(wb, f)
    exp["errors"] = [{"code": "total-mismatch", "file": "Rencana Penarikan Dana Kradenan.xlsx",
                      "sheet": "Rencana Penarikan Dana", "cell": f"E{r}"}]
    write_exp(name, exp)

    # 2. a realisasi file of the previous year dropped into the folder (kradenan 2025)
    d, name, exp = copy("kec-kradenan-2025", "oldyear-lra")
    wb = openpyxl.load_workbook(os.path.join(d, "Realisasi_07_2025.xlsx"))
    ws = wb.active
    ws.cell(2, 1).value = "KECAMATAN KRADENAN TAHUN ANGGARAN 2024"
    for i in range(1, ws.max_row + 1):
        if isinstance(ws.cell(i, 4).value, int):
            ws.cell(i, 4).value = ws.cell(i, 4).value * 3 // 2
    resave(wb, os.path.join(d, "Realisasi_12_2024.xlsx"))
    exp["errors"] = [{"code": "tahun-mismatch", "file": "Realisasi_12_2024.xlsx", "sheet": None, "cell": None}]
    write_exp(name, exp)

    # 3. a revised copy of the July LRA (.xlsx) that differs from the original in one value (kradenan)
    d, name, exp = copy("kec-kradenan-2025", "two-juli")
    wb = openpyxl.load_workbook(os.path.join(d, "Realisasi_07_2025.xlsx"))
    ws = wb.active
    ws.cell(1, 1).value = "REALISASI ANGGARAN (REVISI)"
    ws.cell(5, 4).value += 250_000
    rj = max(i for i in range(1, ws.max_row + 1) if ws.cell(i, 1).value == "JUMLAH")
    ws.cell(rj, 4).value += 250_000  # keep the revised file self-consistent: the only mistake is the disagreement
    resave(wb, os.path.join(d, "Realisasi_07_2025 revisi.xlsx"))
    # README: "dua lembar realisasi untuk bulan yang sama berbeda nilainya (yang pertama dipakai)"; in code-point
    # order "Realisasi_07_2025 revisi.xlsx" comes before "Realisasi_07_2025.xlsx", so the revised value is used.
    exp["realisasi"] += 250_000
    exp["rfk"]["realisasi"] += 250_000
    pagu = exp["pagu"]
    exp["rfk"]["deviasi"] = str(q2(Decimal(exp["rfk"]["realisasi"]) * 100 / pagu) - q2(Decimal(exp["rfk"]["rencana"]) * 100 / pagu))
    exp["errors"] = [{"code": "realisasi-mismatch", "file": "Realisasi_07_2025 revisi.xlsx",
                      "alt_file": "Realisasi_07_2025.xlsx", "sheet": "Realisasi", "cell": "D5", "row_only": True}]
    write_exp(name, exp)

    # 4. Renja pagu indikatif differs from the DPA for one sub kegiatan (pertanian) -> pagu-mismatch (warning)
    d, name, exp = copy("dinas-pertanian-2025", "renja-pagu")
    f = os.path.join(d, "Renja Distanpan 2025.xlsx")
    wb = openpyxl.load_workbook(f)
    ws = wb.active
    ws.cell(6, 3).value += 5_000_000
    resave(wb, f)
    exp["errors"] = [{"code": "pagu-mismatch", "file": "Renja Distanpan 2025.xlsx", "sheet": "Renja", "cell": "C6",
                      "row_only": True}]
    write_exp(name, exp)

    # 5. an exact copy of a realisasi file -> duplicate-file, counted once (jati)
    d, name, exp = copy("kec-jati-2025", "copy-lra")
    shutil.copy(os.path.join(d, "LRA Jati 2025-04.xlsx"), os.path.join(d, "LRA Jati 2025-04 - Salin.xlsx"))
    exp["errors"] = [{"code": "duplicate-file", "file": "LRA Jati 2025-04 - Salin.xlsx",
                      "alt_file": "LRA Jati 2025-04.xlsx", "sheet": None, "cell": None}]
    write_exp(name, exp)


    # 6. stacked CSV realisasi (Bulan = 10/11/12, semicolons): November value of one sub below October (jiken)
    d, name, exp = copy("kec-jiken-2024", "decrease")
    f = os.path.join(d, "Realisasi Jiken 2024.csv")
    rows = list(csv.reader(open(f, encoding="utf-8-sig"), delimiter=";"))
    oct_ = {r[1]: r[3] for r in rows[1:] if r[0] == "10"}
    target = None
    for i, r in enumerate(rows[1:], start=2):
        if r[0] == "11" and target is None:
            v = int(oct_[r[1]].replace(".", "")) - 750_000
            r[3] = dots(v)
            target = i
    with open(f, "w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    exp["errors"] = [{"code": "realisasi-decreased", "file": "Realisasi Jiken 2024.csv", "sheet": None,
                      "cell": f"D{target}"}]
    write_exp(name, exp)

    # 7. an indicator value typed '1.250' (ambiguous: 1,25 or 1250?) in a text-number IKU (ngawen) -> bad-number
    d, name, exp = copy("kec-ngawen-2025", "ambiguous-indicator")
    f = os.path.join(d, "IKU Ngawen.xlsx")
    wb = openpyxl.load_workbook(f)
    ws = wb["Kinerja"]
    r = 10  # an indicator row (2023 row of the third indicator or similar)
    ws.cell(r, 8).value = "1.250"
    ws.cell(r, 9).value = None
    ws.cell(r, 10).value = None
    resave(wb, f)
    exp["errors"] = [{"code": "bad-number", "file": "IKU Ngawen.xlsx", "sheet": "Kinerja", "cell": f"H{r}"}]
    write_exp(name, exp)


def main():
    for p in (OFFICES, EXPECTED):
        if os.path.isdir(p):
            shutil.rmtree(p)
        os.makedirs(p)
    plan = [
        (office_jepon, "kec-jepon-2025", [None, "kas"]),
        (office_pupr, "dinas-pupr-2024", [None, "decrease"]),
        (office_ngawen, "kec-ngawen-2025", [None, "subtotal", "p86-predikat", "badnumber"]),
        (office_kesehatan, "dinas-kesehatan-2024", [None, "predikat", "over-budget"]),
        (office_kradenan, "kec-kradenan-2025", [None, "kode"]),
        (office_pertanian, "dinas-pertanian-2025", [None, "duplicate"]),
        (office_jati, "kec-jati-2025", [None, "formula"]),
        (office_jiken, "kec-jiken-2024", [None, "target", "indikator"]),
        (office_sambong, "kec-sambong-2025", [None]),
        (office_banjarejo, "kec-banjarejo-2024", [None, "subpagu"]),
        (office_dukcapil, "dinas-dukcapil-2025", [None, "negcapaian"]),
    ]
    for fn, base, variants in plan:
        for v in variants:
            fn(base, v)
    plant_copies_simple()
    print("\n".join(sorted(os.listdir(OFFICES))))


if __name__ == "__main__":
    main()
