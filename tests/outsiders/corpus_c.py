"""corpus_c.py - outsider-3 corpus of office folders for lkjip-xl.

Builds office folders laid out the way different finance staff lay out their own Excel
files, and EXPECTED/<folder>.json with what the contract says the tool must report.
Run: python corpus_c.py   (uses only openpyxl, xlsxwriter, stdlib)

Written by a third tester from CONTRACT.md alone, without reading the code (session 2): 24
consistent offices, 35 copies with one planted mistake each, and a kabupaten folder for `batch`
(kab_grobogan). Kept as the tester wrote it; tests/test_pipeline_outsiders.py runs it.
"""
import csv
import json
import os
import random
import shutil
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OFFICES = "/work/outsider3/offices"
EXPECTED = "/work/outsider3/expected"

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]

PROG_NAMES = [
    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
    "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
    "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
    "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
]
KEG_NAMES = [
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "Kegiatan Pemberdayaan Kelurahan",
]
SUB_NAMES = [
    "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Penyediaan Gaji dan Tunjangan ASN",
    "Penyediaan Administrasi Pelaksanaan Tugas ASN",
    "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
    "Penyediaan Peralatan dan Perlengkapan Kantor", "Penyediaan Bahan Logistik Kantor",
    "Penyediaan Barang Cetak dan Penggandaan", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
    "Penyediaan Jasa Surat Menyurat", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
    "Pembangunan Sarana dan Prasarana Kelurahan", "Pemberdayaan Masyarakat di Kelurahan",
    "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
    "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan",
]
REK = [("5.1.01.02.01.0001", "Belanja Tambahan Penghasilan ASN"),
       ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
       ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"),
       ("5.1.02.02.01.0003", "Honorarium Narasumber atau Pembahas"),
       ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
       ("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya")]
REK_WIDE = [("5.1.02.01.001.00024", "Belanja Alat Tulis Kantor"),
            ("5.1.02.01.001.00026", "Belanja Bahan Cetak"),
            ("5.1.02.02.001.00003", "Honorarium Narasumber"),
            ("5.1.02.04.001.00001", "Belanja Perjalanan Dinas Biasa"),
            ("5.2.02.05.001.00005", "Belanja Modal Alat Kantor Lainnya")]
IND_POOL = [
    ("Indeks Kepuasan Masyarakat (IKM)", "Indeks", "positif"),
    ("Persentase desa yang menyusun dokumen perencanaan tepat waktu", "%", "positif"),
    ("Nilai SAKIP Perangkat Daerah", "Nilai", "positif"),
    ("Persentase penyelesaian gangguan ketentraman dan ketertiban umum", "%", "positif"),
    ("Jumlah aduan masyarakat yang tidak tertangani", "Kasus", "negatif"),
    ("Persentase lembaga kemasyarakatan yang aktif", "%", "positif"),
]
SASARAN = ["Meningkatnya kualitas pelayanan publik kecamatan",
           "Meningkatnya akuntabilitas kinerja perangkat daerah",
           "Terwujudnya ketentraman dan ketertiban umum"]

D = Decimal


def r2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def capaian(t, r, pol):
    t, r = D(str(t)), D(str(r))
    if pol == "negatif":
        return r2((2 * t - r) / t * 100)
    return r2(r / t * 100)


def predikat(c):
    if c > 100:
        return "Sangat Baik"
    if c >= 85:
        return "Baik"
    if c >= 65:
        return "Cukup"
    if c >= 50:
        return "Kurang"
    return "Sangat Kurang"


def idnum(v, dec=None):
    """Indonesian text number: 1.234.567 or with ,xx decimals."""
    if dec is None:
        s = f"{int(v):,}".replace(",", ".")
        return s
    q = D(str(v)).quantize(D(1).scaleb(-dec))
    ip, fp = f"{q:.{dec}f}".split(".")
    return f"{int(ip):,}".replace(",", ".") + "," + fp


def fmt_amt(v, style):
    if style == "num":
        return int(v)
    if style == "dots":
        return idnum(v) if v else "-"
    if style == "rp":
        return f"Rp. {idnum(v)},-"
    if style == "dec":
        return idnum(v, 2)
    if style == "us":
        return f"{int(v):,}"
    raise ValueError(style)


def fmt_pct(v, style):
    if style == "num":
        return float(v)
    if style == "txt":
        return idnum(v, 2)
    if style == "pct":
        return idnum(v, 2) + " %"
    raise ValueError(style)


# ---------------------------------------------------------------- data model
def gen_office(seed, prefix="7.01", nprog=3, bulan=12, rekening=False, wide=False):
    rnd = random.Random(seed)
    progs = []
    si = 0
    for p in range(1, nprog + 1):
        pc = f"{prefix}.{p:02d}"
        prog = {"kode": pc, "nama": PROG_NAMES[(p - 1 + seed) % len(PROG_NAMES)], "kegs": []}
        for k in range(1, rnd.randint(1, 2) + 1):
            kc = f"{pc}.2.{k:02d}"
            keg = {"kode": kc, "nama": KEG_NAMES[(p * 2 + k + seed) % len(KEG_NAMES)], "subs": []}
            for s in range(1, rnd.randint(1, 3) + 1):
                sc = f"{kc}.{s:04d}"
                pagu = rnd.randint(20, 900) * 1_000_000 + rnd.choice([0, 416_400, 930_000, 50_000, 666_600])
                sub = {"kode": sc, "nama": SUB_NAMES[si % len(SUB_NAMES)], "pagu": pagu, "before": pagu, "shift": 0,
                       "next": rnd.randint(20, 900) * 1_000_000}
                si += 1
                # rekening split
                if rekening:
                    pool = REK_WIDE if wide else REK
                    n = rnd.randint(2, 4)
                    picks = rnd.sample(pool, n)
                    parts = []
                    rest = pagu
                    for i in range(n - 1):
                        a = (rest * rnd.randint(15, 45) // 100) // 100 * 100
                        parts.append(a)
                        rest -= a
                    parts.append(rest)
                    sub["rek"] = [(c, nm, a) for (c, nm), a in zip(sorted(picks), parts)]
                # realisasi per month (own amounts), cumulative
                ratio = D(rnd.randint(70, 99)) / 100
                total = int(pagu * ratio) // 50 * 50
                w = [rnd.randint(0, 10) for _ in range(12)]
                w[11] += 1
                sw = sum(w)
                own = [total * x // sw // 50 * 50 for x in w]
                own[11] += total - sum(own)
                cum = []
                c = 0
                for a in own:
                    c += a
                    cum.append(c)
                sub["own"] = own
                sub["cum"] = cum
                # kas plan
                kw = [rnd.randint(1, 10) for _ in range(12)]
                skw = sum(kw)
                kas = [pagu * x // skw // 1000 * 1000 for x in kw]
                kas[11] += pagu - sum(kas)
                sub["kas"] = kas
                sub["fisik"] = min(100, 8 * bulan + rnd.randint(0, 4))
                keg["subs"].append(sub)
            prog["kegs"].append(keg)
        progs.append(prog)
    return {"progs": progs, "bulan": bulan}


def subs_of(off):
    return [s for p in off["progs"] for k in p["kegs"] for s in k["subs"]]


def keg_sum(keg, key="pagu"):
    return sum(s[key] for s in keg["subs"])


def prog_sum(prog, key="pagu"):
    return sum(keg_sum(k, key) for k in prog["kegs"])


def gen_inds(seed, year, n=4):
    rnd = random.Random(seed * 7 + 1)
    inds = []
    picks = rnd.sample(IND_POOL, n)
    for i, (nm, sat, pol) in enumerate(picks):
        yrs = {}
        for y in (year - 2, year - 1, year):
            if pol == "negatif":
                t = rnd.randint(8, 20)
                r = t - rnd.randint(-2, 4)
            elif sat == "Indeks" or sat == "Nilai":
                t = rnd.randint(75, 88)
                r = r2(D(t) * D(rnd.randint(9000, 10800)) / 10000)
            else:
                t = 100
                r = r2(D(rnd.randint(8000, 10000)) / 100)
            c = capaian(t, r, pol)
            # keep away from band edges except exact 100
            if c in (D("85.00"), D("65.00"), D("50.00")):
                r = D(str(r)) + D("0.5")
            yrs[y] = (t, r)
        inds.append({"nama": nm, "satuan": sat, "pol": pol, "sasaran": SASARAN[i % 3], "yrs": yrs,
                     "akhir": yrs[year][0]})
    return inds


# ---------------------------------------------------------------- writers
class XL:
    """Tiny writer over openpyxl/xlsxwriter/csv, 1-based rows/cols; records cells."""

    def __init__(self, path, engine="openpyxl"):
        self.path, self.engine = path, engine
        self.sheets = {}
        self.order = []
        self.cur = None

    def sheet(self, name):
        self.cur = name
        if name not in self.sheets:
            self.sheets[name] = {"cells": {}, "merges": [], "formulas": {}, "widths": {}, "fmts": {}}
            self.order.append(name)
        return self

    def set(self, r, c, v):
        self.sheets[self.cur]["cells"][(r, c)] = v
        return f"{get_column_letter(c)}{r}"

    def numfmt(self, r, c, f):
        self.sheets[self.cur]["fmts"][(r, c)] = f

    def formula(self, r, c, f, value):
        self.sheets[self.cur]["formulas"][(r, c)] = (f, value)
        return f"{get_column_letter(c)}{r}"

    def merge(self, r1, c1, r2_, c2, v):
        self.sheets[self.cur]["merges"].append((r1, c1, r2_, c2))
        return self.set(r1, c1, v)

    def save(self):
        if self.engine == "openpyxl":
            wb = openpyxl.Workbook()
            wb.remove(wb.active)
            for n in self.order:
                sh = self.sheets[n]
                ws = wb.create_sheet(n)
                for (r, c), v in sh["cells"].items():
                    cell = ws.cell(r, c, v)
                    if isinstance(v, str) and len(v) > 30:
                        cell.alignment = Alignment(wrap_text=True)
                for (r, c), (f, val) in sh["formulas"].items():
                    ws.cell(r, c, f)  # openpyxl: formula without cached value
                for (r, c), f in sh["fmts"].items():
                    ws.cell(r, c).number_format = f
                for m in sh["merges"]:
                    ws.merge_cells(start_row=m[0], start_column=m[1], end_row=m[2], end_column=m[3])
                ws.column_dimensions["B"].width = 45
            wb.save(self.path)
        elif self.engine == "xlsxwriter":
            wb = xlsxwriter.Workbook(self.path)
            bold = wb.add_format({"bold": True, "border": 1, "text_wrap": True, "align": "center"})
            money = wb.add_format({"num_format": "#,##0"})
            for n in self.order:
                sh = self.sheets[n]
                ws = wb.add_worksheet(n)
                merged_at = {}
                for m in sh["merges"]:
                    merged_at[(m[0], m[1])] = m
                for (r, c), v in sorted(sh["cells"].items()):
                    if (r, c) in merged_at:
                        m = merged_at[(r, c)]
                        ws.merge_range(m[0] - 1, m[1] - 1, m[2] - 1, m[3] - 1, v, bold)
                    elif isinstance(v, (int, float)):
                        ws.write_number(r - 1, c - 1, v, money)
                    elif v is None:
                        pass
                    else:
                        ws.write_string(r - 1, c - 1, str(v))
                for (r, c), (f, val) in sh["formulas"].items():
                    ws.write_formula(r - 1, c - 1, f, money, val)
                ws.set_column(1, 1, 50)
            wb.close()
        elif self.engine.startswith("csv"):
            delim = ";" if self.engine == "csv;" else ","
            sh = self.sheets[self.order[0]]
            cells = dict(sh["cells"])
            for (r, c), (f, val) in sh["formulas"].items():
                cells[(r, c)] = val
            maxr = max(r for r, c in cells)
            maxc = max(c for r, c in cells)
            with open(self.path, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, delimiter=delim)
                for r in range(1, maxr + 1):
                    w.writerow(["" if cells.get((r, c)) is None else cells.get((r, c))
                                for c in range(1, maxc + 1)])


def title_block(x, lines, ncols):
    r = 1
    for ln in lines:
        x.merge(r, 1, r, ncols, ln)
        r += 1
    return r + 1  # blank row after


def signature(x, r, col, kota, tgl, jabatan, nama, nip):
    x.set(r, col, f"{kota}, {tgl}")
    x.set(r + 1, col, jabatan)
    x.set(r + 4, col, nama)
    x.set(r + 5, col, f"NIP. {nip}")


# ---- DPA -----------------------------------------------------------------
def write_dpa(path, off, year, instansi, o, ov, rec, engine="openpyxl", sheet="DPA",
              style="hier", amt="num", colnums=None, total="merged", sig=True, extra_sheets=(),
              hdr="plain", formulas=False, x=None, title_year=None, dup=None, info_block=False):
    """style: hier (program/kegiatan subtotal rows, one Kode col), flat_full (SIPD split codes
    full), flat_own (SIPD split own segment), segs (merged Kode header over 6 seg cols),
    rek (sub rows + rekening lines with Kode Rekening column).
    hdr: plain | dppa | prakiraan | years2"""
    own_x = x is None
    if own_x:
        x = XL(path, engine)
    x.sheet(sheet)
    ty = title_year or year
    r = title_block(x, [f"DOKUMEN PELAKSANAAN ANGGARAN (DPA) TAHUN ANGGARAN {ty}",
                        f"PEMERINTAH KABUPATEN {o.get('kab', 'BLORA').upper()}",
                        f"Perangkat Daerah : {instansi}"], 8)
    if info_block:
        tot = sum(s_["pagu"] for s_ in subs_of(off))
        lines = [("Urusan Pemerintahan", "7 - UNSUR KEWILAYAHAN"), ("Bidang Urusan", "7.01 - KECAMATAN"),
                 ("Organisasi", instansi), ("Unit", instansi), ("Sasaran Program", "Meningkatnya kualitas pelayanan"),
                 ("Alokasi Tahun " + str(year - 1), "Rp. " + idnum(tot - 150_000_000) + ",00"),
                 ("Alokasi Tahun " + str(year), "Rp. " + idnum(tot) + ",00"),
                 ("Alokasi Tahun " + str(year + 1), "Rp. " + idnum(tot + 90_000_000) + ",00")]
        for a, b in lines:
            x.set(r, 1, a); x.set(r, 2, ": " + b); r += 1
        r += 1
        x.set(r, 1, "Indikator"); x.set(r, 2, "Tolok Ukur Kinerja"); x.set(r, 3, "Target Kinerja"); r += 1
        for a, b, c_ in [("Capaian Program", "Persentase pelayanan", "100 %"),
                         ("Masukan", "Dana yang dibutuhkan", "Rp. " + idnum(tot) + ",00"),
                         ("Keluaran", "Jumlah dokumen", "12 Dokumen"), ("Hasil", "Persentase layanan", "100 %")]:
            x.set(r, 1, a); x.set(r, 2, b); x.set(r, 3, c_); r += 1
        r += 1
        x.set(r, 1, "RINCIAN ANGGARAN BELANJA KEGIATAN SATUAN KERJA PERANGKAT DAERAH"); r += 2
    # columns
    if style in ("hier", "rek"):
        cols = ["Kode", "Uraian"]
        if style == "rek":
            cols = ["Kode", "Kode Rekening", "Uraian"]
    elif style == "flat_full" or style == "flat_own":
        cols = ["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
                "Nama Sub Kegiatan"]
    elif style == "segs":
        cols = ["Kode"] * 6 + ["Nomenklatur"]
    ncode = len(cols)
    hr = r
    two = hdr in ("dppa", "prakiraan", "years2") or style == "segs"
    if style == "segs":
        x.merge(hr, 1, hr + 1 if two else hr, 6, "Kode")
        x.merge(hr, 7, hr + 1 if two else hr, 7, "Nomenklatur")
    else:
        for i, cn in enumerate(cols, 1):
            if two:
                x.merge(hr, i, hr + 1, i, cn)
            else:
                x.set(hr, i, cn)
    a0 = ncode + 1
    if hdr == "plain":
        x.set(hr, a0, "Jumlah Anggaran (Rp)" if style != "flat_full" else "Pagu")
        amtcols = {"pagu": a0}
    elif hdr == "dppa":
        x.merge(hr, a0, hr, a0 + 2, "Jumlah (Rp)")
        x.set(hr + 1, a0, "Sebelum Pergeseran")
        x.set(hr + 1, a0 + 1, "Setelah Pergeseran")
        x.set(hr + 1, a0 + 2, "Bertambah/(Berkurang)")
        amtcols = {"before": a0, "pagu": a0 + 1, "diff": a0 + 2}
    elif hdr == "prakiraan":
        x.merge(hr, a0, hr, a0 + 1, "Anggaran (Rp)")
        x.set(hr + 1, a0, f"Tahun {year}")
        x.set(hr + 1, a0 + 1, f"Prakiraan Maju {year + 1}")
        amtcols = {"pagu": a0, "next": a0 + 1}
    elif hdr == "annual":
        x.set(hr, a0, f"Anggaran {year}")
        x.set(hr, a0 + 1, f"Anggaran {year + 1}")
        amtcols = {"pagu": a0, "next": a0 + 1}
    elif hdr == "years2":
        x.merge(hr, a0, hr, a0 + 1, "Anggaran")
        x.set(hr + 1, a0, year)
        x.set(hr + 1, a0 + 1, year + 1)
        amtcols = {"pagu": a0, "next": a0 + 1}
    ncol = max(amtcols.values())
    r = hr + (2 if two else 1)
    if colnums:
        for i in range(1, ncol + 1):
            x.set(r, i, {"paren": f"({i})", "num": i, "txt": str(i)}[colnums])
        r += 1
    first = r
    rnd = random.Random(len(subs_of(off)))

    def amounts(row, vals, key_prefix):
        for k, c in amtcols.items():
            v = vals[k]
            key = (key_prefix, k)
            if key in ov:
                v = ov[key]
            val = fmt_amt(v, amt) if isinstance(v, int) else v
            rec[key] = x.set(row, c, val)

    def write_code(row, kode, level):
        segs = kode.split(".")
        if style in ("hier", "rek"):
            rec[("dpa_kode", kode)] = x.set(row, 1, kode)
        elif style == "segs":
            for i, sg in enumerate(segs):
                x.set(row, i + 1, sg)
        elif style == "flat_full":
            x.set(row, 1, segs[0])
            x.set(row, 2, ".".join(segs[:2]))
            x.set(row, 3, ".".join(segs[:3]))
            x.set(row, 4, ".".join(segs[:5]))
            x.set(row, 5, kode)
        elif style == "flat_own":
            x.set(row, 1, segs[0])
            x.set(row, 2, segs[1])
            x.set(row, 3, segs[2])
            x.set(row, 4, ".".join(segs[3:5]))
            rec[("ownseg", kode)] = x.set(row, 5, ov.get(("ownseg", kode), segs[5]))

    nm_col = ncode
    sub_rows = []
    for p in off["progs"]:
        if style in ("hier", "rek", "segs"):
            prow = r
            write_code(r, p["kode"], 3)
            x.set(r, nm_col, p["nama"])
            pv = {"pagu": prog_sum(p), "before": prog_sum(p, "before"), "diff": prog_sum(p, "shift"), "next": prog_sum(p, "next")}
            pkey = ("prog", p["kode"])
            r += 1
            kegrows = []
            for k in p["kegs"]:
                krow = r
                write_code(r, k["kode"], 5)
                x.set(r, nm_col, k["nama"])
                kv = {"pagu": keg_sum(k), "before": keg_sum(k, "before"), "diff": keg_sum(k, "shift"), "next": keg_sum(k, "next")}
                r += 1
                srows = []
                for s in k["subs"]:
                    srow = r
                    write_code(r, s["kode"], 6)
                    x.set(r, nm_col, s["nama"])
                    before = s["pagu"] - s.get("shift", 0)
                    amounts(r, {"pagu": s["pagu"], "before": before, "diff": s.get("shift", 0),
                                "next": s["next"]}, ("sub", s["kode"]))
                    sub_rows.append(r)
                    srows.append(r)
                    r += 1
                    if style == "rek":
                        for rc, rn, ra in s["rek"]:
                            rec[("rek", s["kode"], rc)] = x.set(r, 2, rc)
                            x.set(r, 3, rn)
                            vals = {"pagu": ra, "before": ra, "diff": 0, "next": None}
                            for kk, c in amtcols.items():
                                if kk == "next":
                                    continue  # SIPD: next-year blank on rekening lines
                                v = vals[kk]
                                key = ("rekamt", s["kode"], rc, kk)
                                v = ov.get(key, v)
                                rec[key] = x.set(r, c, fmt_amt(v, amt) if isinstance(v, int) else v)
                            r += 1
                    if dup == s["kode"]:
                        write_code(r, s["kode"], 6)
                        x.set(r, nm_col, s["nama"])
                        amounts(r, {"pagu": s["pagu"], "before": s["pagu"], "diff": 0, "next": s["next"]},
                                ("dupsub", s["kode"]))
                        rec[("duprow",)] = r
                        r += 1
                # kegiatan amounts
                if formulas:
                    c = amtcols["pagu"]
                    L = get_column_letter(c)
                    rec[("keg", k["kode"], "pagu")] = x.formula(
                        krow, c, "=" + "+".join(f"{L}{q}" for q in srows), kv["pagu"])
                    for kk in amtcols:
                        if kk != "pagu":
                            x.set(krow, amtcols[kk], fmt_amt(kv[kk], amt))
                else:
                    amounts(krow, kv, ("keg", k["kode"]))
                kegrows.append(krow)
            if formulas:
                c = amtcols["pagu"]
                L = get_column_letter(c)
                rec[("prog", p["kode"], "pagu")] = x.formula(
                    prow, c, "=" + "+".join(f"{L}{q}" for q in kegrows), pv["pagu"])
                for kk in amtcols:
                    if kk != "pagu":
                        x.set(prow, amtcols[kk], fmt_amt(pv[kk], amt))
            else:
                amounts(prow, pv, pkey)
        else:
            for k in p["kegs"]:
                for s in k["subs"]:
                    write_code(r, s["kode"], 6)
                    x.set(r, nm_col, s["nama"])
                    amounts(r, {"pagu": s["pagu"], "before": s["pagu"], "diff": 0, "next": s["next"]},
                            ("sub", s["kode"]))
                    sub_rows.append(r)
                    r += 1
                    if dup == s["kode"]:
                        write_code(r, s["kode"], 6)
                        x.set(r, nm_col, s["nama"])
                        amounts(r, {"pagu": s["pagu"], "before": s["pagu"], "diff": 0, "next": s["next"]},
                                ("dupsub", s["kode"]))
                        rec[("duprow",)] = r
                        r += 1
    last = r - 1
    tot = {"pagu": sum(s["pagu"] for s in subs_of(off)), "next": sum(s["next"] for s in subs_of(off)),
           "before": sum(s["pagu"] - s.get("shift", 0) for s in subs_of(off)),
           "diff": sum(s.get("shift", 0) for s in subs_of(off))}
    if total:
        if total == "merged":
            x.merge(r, 1, r, nm_col, "JUMLAH")
        elif total == "kode":
            x.set(r, 1, "JUMLAH TOTAL")
        elif total == "right":
            x.set(r, nm_col, "TOTAL")
        if formulas:
            for kk, c in amtcols.items():
                L = get_column_letter(c)
                f = "=SUM(" + ",".join(f"{L}{q}" for q in sub_rows) + ")"
                val = ov.get(("total", kk), tot[kk])
                rec[("total", kk)] = x.formula(r, c, f, val)
        else:
            for kk, c in amtcols.items():
                v = ov.get(("total", kk), tot[kk])
                if isinstance(v, str) and v.startswith("="):
                    rec[("total", kk)] = x.formula(r, c, v, None)
                else:
                    rec[("total", kk)] = x.set(r, c, fmt_amt(v, amt) if isinstance(v, int) else v)
        r += 1
    r += 1
    x.set(r, 1, "Catatan: pagu sesuai DPA yang telah disahkan PPKD.")
    r += 2
    if sig:
        signature(x, r, ncol, o.get("kota", "Blora"), f"2 Januari {year}", "Pengguna Anggaran",
                  "Drs. SUTRISNO, M.Si", "19700101 199003 1 012")
    for es in extra_sheets:
        es(x)
    if own_x:
        x.save()
    return x


# ---- Realisasi -----------------------------------------------------------
def write_real_monthly(folder, off, year, o, ov, rec, months, mode, fname, engine="openpyxl",
                       amt="num", with_anggaran=False, title=True, colnums=None, sig=True):
    """mode: sd (Realisasi s.d. Bulan Ini), plain (Realisasi, cumulative), lra (Anggaran/Realisasi/Sisa,
    plain Realisasi cumulative), bi_sd (Realisasi over Bulan Ini | s.d. Bulan Ini), bi (Bulan Ini only)."""
    files = []
    for m in months:
        fn = fname(m)
        path = os.path.join(folder, fn)
        x = XL(path, engine)
        x.sheet(o.get("real_sheet", "Sheet1") if not engine.startswith("csv") else "csv")
        r = 1
        if title:
            r = title_block(x, [f"LAPORAN REALISASI ANGGARAN {o['instansi'].upper()}",
                                f"s.d. Bulan {BULAN[m - 1]} Tahun {year}"], 6)
        cols = ["Kode", "Uraian"]
        if with_anggaran or mode == "lra":
            cols.append("Anggaran (Rp)")
        two = mode == "bi_sd"
        for i, cn in enumerate(cols, 1):
            if two:
                x.merge(r, i, r + 1, i, cn)
            else:
                x.set(r, i, cn)
        c0 = len(cols) + 1
        if mode == "sd":
            x.set(r, c0, "Realisasi s.d. Bulan Ini")
            rc = {"cum": c0}
        elif mode == "plain":
            x.set(r, c0, "Realisasi (Rp)")
            rc = {"cum": c0}
        elif mode == "lra":
            x.set(r, c0, "Realisasi")
            x.set(r, c0 + 1, "Sisa Anggaran")
            rc = {"cum": c0, "sisa": c0 + 1}
        elif mode == "bi_sd":
            x.merge(r, c0, r, c0 + 1, "Realisasi")
            x.set(r + 1, c0, "Bulan Ini")
            x.set(r + 1, c0 + 1, "s.d. Bulan Ini")
            rc = {"own": c0, "cum": c0 + 1}
        elif mode == "bi":
            x.set(r, c0, "Realisasi Bulan Ini")
            rc = {"own": c0}
        r += 2 if two else 1
        if colnums:
            for i in range(1, max(rc.values()) + 1):
                x.set(r, i, f"({i})" if colnums == "paren" else i)
            r += 1
        for s in subs_of(off):
            kode = ov.get(("real_kode", m, s["kode"]), s["kode"])
            rec[("real_kode", m, s["kode"])] = x.set(r, 1, kode)
            x.set(r, 2, s["nama"])
            if len(cols) == 3:
                v = ov.get(("real_ang", m, s["kode"]), s["pagu"])
                rec[("real_ang", m, s["kode"])] = x.set(r, 3, fmt_amt(v, amt) if isinstance(v, int) else v)
            vals = {"cum": s["cum"][m - 1], "own": s["own"][m - 1],
                    "sisa": s["pagu"] - s["cum"][m - 1]}
            for k, c in rc.items():
                v = ov.get(("real", m, s["kode"], k), vals[k])
                if k == "sisa" and ("real", m, s["kode"], "cum") in ov and isinstance(ov[("real", m, s["kode"], "cum")], int):
                    v = s["pagu"] - ov[("real", m, s["kode"], "cum")]
                rec[("real", m, s["kode"], k)] = x.set(r, c, fmt_amt(v, amt) if isinstance(v, int) else v)
            r += 1
        x.merge(r, 1, r, 2, "JUMLAH")
        for k, c in rc.items():
            if k == "cum":
                follow = ("jumlah_true",) not in ov
                v = sum(ov.get(("real", m, s["kode"], "cum"), s["cum"][m - 1]) if follow and isinstance(
                    ov.get(("real", m, s["kode"], "cum"), 0), int) else s["cum"][m - 1] for s in subs_of(off))
            elif k == "own":
                v = sum(s["own"][m - 1] for s in subs_of(off))
            else:
                v = sum(s["pagu"] - s["cum"][m - 1] for s in subs_of(off))
            rec[("realtot", m, k)] = x.set(r, c, fmt_amt(v, amt))
        if len(cols) == 3:
            x.set(r, 3, fmt_amt(sum(ov.get(("real_ang", m, s["kode"]), s["pagu"]) for s in subs_of(off)), amt))
        r += 2
        if sig:
            nm = BULAN[m % 12]  # signed early next month (January of next year for December)
            signature(x, r, 4, o.get("kota", "Blora"), f"5 {nm} {year + (1 if m == 12 else 0)}", "Bendahara Pengeluaran",
                      "SRI WAHYUNI, S.E.", "19800202 200501 2 003")
        x.save()
        files.append(fn)
    return files


def write_real_months_cols(x, off, year, o, ov, rec, bulan, sheet="Realisasi", amt="num", title_month=True):
    x.sheet(sheet)
    r = title_block(x, [f"REALISASI KEUANGAN PER BULAN {o['instansi'].upper()}",
                        f"TAHUN ANGGARAN {year}" + (f" s.d. Bulan {BULAN[bulan - 1]}" if title_month else "")], 16)
    x.set(r, 1, "Kode")
    x.set(r, 2, "Uraian")
    x.set(r, 3, "Pagu")
    for i, b in enumerate(BULAN):
        x.set(r, 4 + i, b)
    r += 1
    for s in subs_of(off):
        x.set(r, 1, s["kode"])
        x.set(r, 2, s["nama"])
        x.set(r, 3, fmt_amt(s["pagu"], amt))
        for m in range(1, bulan + 1):
            v = ov.get(("own", m, s["kode"]), s["own"][m - 1])
            rec[("own", m, s["kode"])] = x.set(r, 3 + m, fmt_amt(v, amt) if isinstance(v, int) else v)
        r += 1
    x.set(r, 2, "JUMLAH")
    x.set(r, 3, fmt_amt(sum(s["pagu"] for s in subs_of(off)), amt))
    for m in range(1, bulan + 1):
        x.set(r, 3 + m, fmt_amt(sum(ov.get(("own", m, s["kode"]), s["own"][m - 1]) for s in subs_of(off)), amt))
    r += 2
    x.set(r, 2, "Sumber: BKU Bendahara Pengeluaran")


def write_real_long_merged(x, off, year, o, ov, rec, bulan, sheet="Realisasi"):
    x.sheet(sheet)
    r = title_block(x, [f"REKAP REALISASI BULANAN TAHUN {year}", o["instansi"].upper()], 5)
    for i, cn in enumerate(["Bulan", "Kode", "Sub Kegiatan", "Realisasi"], 1):
        x.set(r, i, cn)
    r += 1
    subs = subs_of(off)
    for m in range(1, bulan + 1):
        x.merge(r, 1, r + len(subs) - 1, 1, BULAN[m - 1])
        for s in subs:
            x.set(r, 2, s["kode"])
            x.set(r, 3, s["nama"])
            rec[("real", m, s["kode"], "cum")] = x.set(r, 4, s["cum"][m - 1])
            r += 1


def write_kas(x, off, year, o, ov, rec, sheet="Anggaran Kas", per="bulan", label="Januari",
              jumlah=True, total_row=True, rek=False, amt="num"):
    x.sheet(sheet)
    r = title_block(x, [f"ANGGARAN KAS {o['instansi'].upper()} TAHUN ANGGARAN {year}"], 16)
    x.set(r, 1, "Kode")
    x.set(r, 2, "Uraian")
    if per == "bulan":
        heads = BULAN if label == "Januari" else [f"Bulan {i}" for i in range(1, 13)]
    else:
        heads = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] if label == "Triwulan" else \
            ["TW 1", "TW 2", "TW 3", "TW 4"]
    for i, h in enumerate(heads):
        x.set(r, 3 + i, h)
    jc = 3 + len(heads)
    if jumlah:
        x.set(r, jc, "Jumlah")
    r += 1
    colsum = [0] * len(heads)

    def vals_for(s):
        k = list(s["kas"])
        for m in range(12):
            k[m] = ov.get(("kas", s["kode"], m + 1), k[m])
        if per == "bulan":
            return k
        return [sum(k[q * 3:(q + 1) * 3]) for q in range(4)]

    for s in subs_of(off):
        v = vals_for(s)
        x.set(r, 1, s["kode"])
        x.set(r, 2, s["nama"])
        for i, a in enumerate(v):
            rec[("kas", s["kode"], i + 1)] = x.set(r, 3 + i, fmt_amt(a, amt))
            colsum[i] += a
        if jumlah:
            rec[("kasjml", s["kode"])] = x.set(r, jc, fmt_amt(ov.get(("kasjml", s["kode"]), sum(v)), amt))
        rec[("kasrow", s["kode"])] = r
        r += 1
        if rek:
            # split each period over rekening proportionally (last takes rest)
            tot = s["pagu"]
            rk = s["rek"]
            acc = [0] * len(v)
            for j, (rc, rn, ra) in enumerate(rk):
                x.set(r, 1, rc)
                x.set(r, 2, rn)
                row = []
                for i, a in enumerate(v):
                    if j < len(rk) - 1:
                        b = a * ra // tot
                    else:
                        b = a - acc[i]
                    acc[i] += b
                    row.append(b)
                    x.set(r, 3 + i, fmt_amt(b, amt))
                if jumlah:
                    x.set(r, jc, fmt_amt(sum(row), amt))
                r += 1
    if total_row:
        x.merge(r, 1, r, 2, "JUMLAH")
        for i in range(len(heads)):
            v = ov.get(("kastot", i + 1), colsum[i])
            rec[("kastot", i + 1)] = x.set(r, 3 + i, fmt_amt(v, amt))
        if jumlah:
            x.set(r, jc, fmt_amt(sum(colsum), amt))


def write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", pstyle="txt", years=None,
              with_pol=True, with_pred=True, pred_label="Predikat", extra_cols=True, ylabel="{}"):
    x.sheet(sheet)
    years = years or [year]
    r = title_block(x, [f"INDIKATOR KINERJA UTAMA {o['instansi'].upper()}", f"TAHUN {year}"], 12)
    hr = r
    base = ["No", "Sasaran", "Indikator Kinerja", "Satuan"] + (["Polaritas"] if with_pol else [])
    if layout == "groups":
        for i, cn in enumerate(base, 1):
            x.merge(hr, i, hr + 1, i, cn)
        c = len(base) + 1
        gcols = {}
        for y in years:
            x.merge(hr, c, hr, c + 2, ylabel.format(y))
            x.set(hr + 1, c, "Target")
            x.set(hr + 1, c + 1, "Realisasi")
            x.set(hr + 1, c + 2, "Capaian %")
            gcols[y] = (c, c + 1, c + 2)
            c += 3
        pc = None
        if with_pred:
            pc = c
            x.merge(hr, c, hr + 1, c, pred_label)
            c += 1
        if extra_cols:
            x.merge(hr, c, hr + 1, c, "Sumber Data")
        r = hr + 2
        for n, ind in enumerate(inds, 1):
            x.set(r, 1, n)
            x.set(r, 2, ind["sasaran"])
            x.set(r, 3, ind["nama"])
            x.set(r, 4, ind["satuan"])
            if with_pol:
                x.set(r, 5, ind["pol"])
            for y in years:
                t, rv = ind["yrs"][y]
                cp = capaian(t, rv, ind["pol"])
                tc, rcol, cc = gcols[y]
                rec[("iku", n, y, "t")] = x.set(r, tc, ov.get(("iku", n, y, "t"), t))
                rec[("iku", n, y, "r")] = x.set(r, rcol, ov.get(("iku", n, y, "r"), float(rv) if pstyle == "num" else idnum(rv, 2) if isinstance(rv, D) else rv))
                rec[("iku", n, y, "c")] = x.set(r, cc, ov.get(("iku", n, y, "c"), fmt_pct(cp, pstyle)))
            if with_pred:
                cp = capaian(*ind["yrs"][year], ind["pol"])
                rec[("iku", n, "pred")] = x.set(r, pc, ov.get(("iku", n, "pred"), predikat(cp)))
            if extra_cols:
                x.set(r, pc + 1 if pc else c, "Laporan Seksi")
            r += 1
    elif layout == "cols":
        cols = base[:]
        for y in years:
            cols += [f"Target {y}", f"Realisasi {y}", f"Capaian {y} (%)"]
        if with_pred:
            cols.append(pred_label)
        for i, cn in enumerate(cols, 1):
            x.set(hr, i, cn)
        r = hr + 1
        for n, ind in enumerate(inds, 1):
            row = [n, ind["sasaran"], ind["nama"], ind["satuan"]] + ([ind["pol"]] if with_pol else [])
            for i, v in enumerate(row, 1):
                x.set(r, i, v)
            c = len(row) + 1
            for y in years:
                t, rv = ind["yrs"][y]
                cp = capaian(t, rv, ind["pol"])
                rec[("iku", n, y, "t")] = x.set(r, c, ov.get(("iku", n, y, "t"), t))
                rec[("iku", n, y, "r")] = x.set(r, c + 1, ov.get(("iku", n, y, "r"), float(rv)))
                rec[("iku", n, y, "c")] = x.set(r, c + 2, ov.get(("iku", n, y, "c"), fmt_pct(cp, pstyle)))
                c += 3
            if with_pred:
                cp = capaian(*ind["yrs"][year], ind["pol"])
                rec[("iku", n, "pred")] = x.set(r, c, ov.get(("iku", n, "pred"), predikat(cp)))
            r += 1
    elif layout == "long":
        cols = base + ["Tahun", "Target", "Realisasi", "Capaian (%)"] + ([pred_label] if with_pred else [])
        for i, cn in enumerate(cols, 1):
            x.set(hr, i, cn)
        r = hr + 1
        for n, ind in enumerate(inds, 1):
            for y in years:
                t, rv = ind["yrs"][y]
                cp = capaian(t, rv, ind["pol"])
                row = [n, ind["sasaran"], ind["nama"], ind["satuan"]] + ([ind["pol"]] if with_pol else [])
                for i, v in enumerate(row, 1):
                    x.set(r, i, v)
                c = len(row) + 1
                x.set(r, c, y)
                rec[("iku", n, y, "t")] = x.set(r, c + 1, ov.get(("iku", n, y, "t"), t))
                rec[("iku", n, y, "r")] = x.set(r, c + 2, ov.get(("iku", n, y, "r"), idnum(rv, 2) if isinstance(rv, D) else rv))
                rec[("iku", n, y, "c")] = x.set(r, c + 3, ov.get(("iku", n, y, "c"), fmt_pct(cp, pstyle)))
                if with_pred:
                    rec[("iku", n, y, "pred")] = x.set(r, c + 4, ov.get(("iku", n, y, "pred"), predikat(cp)))
                r += 1
    r += 1
    x.set(r, 2, "Keterangan: capaian = realisasi/target x 100; polaritas negatif = (2T-R)/T x 100")
    signature(x, r + 2, 6, o.get("kota", "Blora"), f"31 Desember {year}", "Camat", "BUDI SANTOSO, S.STP",
              "19750505 199412 1 001")


def write_pk(x, inds, year, o, ov, rec, sheet="PK"):
    x.sheet(sheet)
    r = title_block(x, ["PERJANJIAN KINERJA TAHUN " + str(year), o["instansi"].upper()], 7)
    for i, cn in enumerate(["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi",
                            "Capaian (%)"], 1):
        x.set(r, i, cn)
    r += 1
    for i in range(1, 8):
        x.set(r, i, str(i))
    r += 1
    for n, ind in enumerate(inds, 1):
        t, rv = ind["yrs"][year]
        x.set(r, 1, n)
        x.set(r, 2, ind["sasaran"])
        x.set(r, 3, ind["nama"])
        x.set(r, 4, ind["satuan"])
        rec[("pk", n, "t")] = x.set(r, 5, ov.get(("pk", n, "t"), t))
        rec[("pk", n, "r")] = x.set(r, 6, ov.get(("pk", n, "r"), float(rv)))
        x.set(r, 7, float(capaian(ov.get(("pk", n, "t"), t), ov.get(("pk", n, "r"), rv), ind["pol"])))
        r += 1


def write_indprog(x, off, inds, year, o, ov, rec, sheet="Indikator Program"):
    x.sheet(sheet)
    r = title_block(x, [f"INDIKATOR PROGRAM TAHUN {year}"], 8)
    for i, cn in enumerate(["Kode", "Program", "Indikator Program", "Satuan", "Target", "Realisasi",
                            "Capaian %", "Sasaran"], 1):
        x.set(r, i, cn)
    r += 1
    rnd = random.Random(year)
    for n, p in enumerate(off["progs"]):
        t = 100
        rv = r2(D(rnd.randint(8600, 10000)) / 100)
        cp = capaian(t, rv, "positif")
        x.set(r, 1, p["kode"])
        x.set(r, 2, p["nama"])
        x.set(r, 3, "Persentase pelaksanaan " + p["nama"].lower().replace("program ", ""))
        x.set(r, 4, "%")
        x.set(r, 5, t)
        x.set(r, 6, float(rv))
        rec[("ip", n + 1, "c")] = x.set(r, 7, ov.get(("ip", n + 1, "c"), float(cp)))
        x.set(r, 8, inds[n % len(inds)]["sasaran"])
        r += 1


def write_renja(path, off, year, o):
    x = XL(path)
    x.sheet("Renja")
    x.merge(1, 1, 1, 8, f"RENCANA KERJA (RENJA) {o['instansi'].upper()}")
    x.merge(2, 1, 2, 8, f"TAHUN {year}")
    x.merge(3, 1, 3, 8, f"KABUPATEN {o.get('kab', 'BLORA').upper()}")
    hr = 5
    x.merge(hr, 1, hr + 1, 1, "Kode")
    x.merge(hr, 2, hr + 1, 2, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan")
    x.merge(hr, 3, hr + 1, 3, "Indikator Kinerja Program/Kegiatan/Sub Kegiatan")
    x.merge(hr, 4, hr, 7, f"Rencana Tahun {year}")
    x.set(hr + 1, 4, "Lokasi")
    x.set(hr + 1, 5, "Target Capaian Kinerja")
    x.set(hr + 1, 6, "Pagu Indikatif (Rp)")
    x.set(hr + 1, 7, "Sumber Dana")
    x.merge(hr, 8, hr + 1, 8, "Catatan Penting")
    for i in range(1, 9):
        x.set(hr + 2, i, f"({i})")
    r = hr + 3
    rnd = random.Random(year + 5)
    for p in off["progs"]:
        x.set(r, 1, p["kode"])
        x.set(r, 2, p["nama"])
        r += 1
        for k in p["kegs"]:
            x.set(r, 1, k["kode"])
            x.set(r, 2, k["nama"])
            r += 1
            for s in k["subs"]:
                x.set(r, 1, s["kode"])
                x.set(r, 2, s["nama"])
                x.set(r, 3, "Tersedianya " + s["nama"])
                x.set(r, 4, o.get("kota", "Blora"))
                x.set(r, 5, "12 bulan")
                # indicative pagu: round and sometimes different from DPA (warning/info only)
                x.set(r, 6, idnum(s["pagu"] + rnd.choice([0, 0, 5_000_000])))
                x.set(r, 7, "DAU")
                r += 1
    x.save()


def extra_pegawai(x):
    x.sheet("Daftar Pegawai")
    for i, cn in enumerate(["No", "Nama", "NIP", "Jabatan", "Gol"], 1):
        x.set(1, i, cn)
    x.set(2, 1, 1); x.set(2, 2, "Sri Wahyuni"); x.set(2, 3, "198002022005012003"); x.set(2, 4, "Bendahara"); x.set(2, 5, "III/c")
    x.set(3, 1, 2); x.set(3, 2, "Agus Salim"); x.set(3, 3, "197812122006041005"); x.set(3, 4, "Sekcam"); x.set(3, 5, "IV/a")


def extra_catatan(x):
    x.sheet("Catatan Rapat")
    x.set(1, 1, "Notulen rapat evaluasi triwulan")
    x.set(3, 1, "1. Percepatan penyerapan belanja modal")
    x.set(4, 1, "2. Jumlah peserta 25 orang")


def toml(folder, **kw):
    with open(os.path.join(folder, "lkjip.toml"), "w", encoding="utf-8") as fh:
        for k, v in kw.items():
            fh.write(f'{k} = {json.dumps(v) if isinstance(v, str) else v}\n')


# ---------------------------------------------------------------- office layouts
def exp_totals(off, bulan, ov=None, kas=False):
    subs = subs_of(off)
    pagu = sum(s["pagu"] for s in subs)
    real = sum(s["cum"][bulan - 1] for s in subs)
    if any("pagu_d" in s for s in subs):
        pd_ = sum(s.get("pagu_d", s["pagu"]) for s in subs)
        pagu = int(pd_) if pd_ == int(pd_) else str(pd_)
    e = {"pagu": pagu, "realisasi": real, "bulan": bulan}
    if kas:
        ren = sum(sum(s["kas"][:bulan]) for s in subs)
        dev = r2(D(real) * 100 / D(pagu) - D(ren) * 100 / D(pagu))
        e["rfk"] = {"bulan": bulan, "rencana": ren, "realisasi": real, "deviasi": str(dev)}
    return e


def L01(folder, ov, rec, variant):
    """Kecamatan, hierarchical DPA (one Kode col, subtotals), monthly cumulative files."""
    year, bulan = 2025, 6
    o = {"instansi": "Kecamatan Jepon", "kota": "Jepon"}
    off = gen_office(101, "7.01", 3, bulan)
    inds = gen_inds(101, year)
    inds[1]["yrs"][year] = (100, D("90.45"))
    inds[1]["pol"] = "positif"
    inds[1]["satuan"] = "%"
    toml(folder, instansi=o["instansi"], kabupaten="Blora")
    write_dpa(os.path.join(folder, "DPA Kecamatan Jepon 2025.xlsx"), off, year, o["instansi"], o, ov, rec,
              colnums="paren", total="merged")
    months = [m for m in range(1, bulan + 1) if not (variant == "missing_month" and m == 4)]
    rec["real_files"] = write_real_monthly(folder, off, year, o, ov, rec, months, "sd",
                                           lambda m: f"Realisasi {year}-{m:02d}.xlsx")
    x = XL(os.path.join(folder, "IKU Kecamatan Jepon.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year - 2, year - 1, year])
    x.save()
    if variant == "old_year":
        old = gen_office(99, "7.01", 3, 12)
        write_real_monthly(folder, old, year - 1, o, {}, {}, [12], "sd", lambda m: f"Realisasi {year - 1}-12.xlsx")
    return off, year, bulan, False


def L02(folder, ov, rec, variant):
    """Dinas LH: SIPD flattened DPA (split full codes, Rp text), LRA single file with Sisa, kas monthly."""
    year, bulan = 2025, 6
    o = {"instansi": "Dinas Lingkungan Hidup", "kota": "Blora"}
    off = gen_office(202, "2.11", 3, bulan)
    inds = gen_inds(202, year)
    write_dpa(os.path.join(folder, "DPA SKPD 2025 (export SIPD).xlsx"), off, year, o["instansi"], o, ov, rec,
              style="flat_full", amt="rp", total=False, sig=False, sheet="Sheet1",
              dup=rec.get("_dup"))
    # LRA one file, month in title only; signature dated next month
    path = os.path.join(folder, "LRA Dinas LH.xlsx")
    x = XL(path)
    x.sheet("LRA")
    r = title_block(x, ["LAPORAN REALISASI ANGGARAN", o["instansi"].upper(),
                        f"s.d. Bulan {BULAN[bulan - 1]} {year}"], 6)
    for i, cn in enumerate(["Kode", "Uraian", "Anggaran", "Realisasi", "Sisa", "%"], 1):
        x.set(r, i, cn)
    r += 1
    for s in subs_of(off):
        x.set(r, 1, s["kode"]); x.set(r, 2, s["nama"])
        x.set(r, 3, s["pagu"]); rec[("real", bulan, s["kode"], "cum")] = x.set(r, 4, s["cum"][bulan - 1])
        x.set(r, 5, s["pagu"] - s["cum"][bulan - 1])
        x.set(r, 6, float(r2(D(s["cum"][bulan - 1]) * 100 / s["pagu"])))
        r += 1
    x.set(r, 2, "JUMLAH")
    P = sum(s["pagu"] for s in subs_of(off)); R = sum(s["cum"][bulan - 1] for s in subs_of(off))
    x.set(r, 3, P); x.set(r, 4, R); x.set(r, 5, P - R)
    signature(x, r + 2, 4, "Blora", f"7 Juli {year}", "Kepala Dinas", "Ir. HARTONO", "19680303 199303 1 007")
    x.save()
    x = XL(os.path.join(folder, "Anggaran Kas 2025.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="Anggaran Kas", per="bulan", label="Januari", jumlah=True)
    x.save()
    x = XL(os.path.join(folder, "Kinerja DLH 2025.xlsx"))
    inds[0]["pol"] = "negatif"
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="cols", pstyle="pct", years=[year])
    x.save()
    return off, year, bulan, True


def L03(folder, ov, rec, variant):
    """Kecamatan Cepu 2024: rekening-level DPA + program rekap sheet; realisasi months as columns."""
    year, bulan = 2024, 12
    o = {"instansi": "Kecamatan Cepu", "kota": "Cepu"}
    off = gen_office(303, "7.01", 3, bulan, rekening=True)
    inds = gen_inds(303, year)
    x = write_dpa(None, off, year, o["instansi"], o, ov, rec, style="rek", sheet="Rincian DPA", x=XL(
        os.path.join(folder, "DPA Cepu 2024.xlsx")), total="right", colnums="num")
    # program rekap sheet of the same workbook (another dpa sheet)
    x.sheet("Rekap Program DPA")
    x.set(1, 1, "REKAPITULASI DPA PER PROGRAM")
    x.set(3, 1, "Kode"); x.set(3, 2, "Program/Kegiatan/Sub Kegiatan"); x.set(3, 3, "Pagu")
    r = 4
    for p in off["progs"]:
        x.set(r, 1, p["kode"]); x.set(r, 2, p["nama"]); x.set(r, 3, prog_sum(p)); r += 1
        for k in p["kegs"]:
            for s in k["subs"]:
                x.set(r, 1, s["kode"]); x.set(r, 2, s["nama"]); x.set(r, 3, s["pagu"]); r += 1
    x.set(r, 2, "JUMLAH"); x.set(r, 3, sum(s["pagu"] for s in subs_of(off)))
    x.save()
    x = XL(os.path.join(folder, "Realisasi Cepu 2024.xlsx"))
    write_real_months_cols(x, off, year, o, ov, rec, bulan, sheet="Realisasi")
    x.save()
    x = XL(os.path.join(folder, "IKU Kecamatan Cepu 2024.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="long", years=[year - 1, year], pstyle="num")
    write_indprog(x, off, inds, year, o, ov, rec)
    x.save()
    return off, year, bulan, False


def L04(folder, ov, rec, variant):
    """DPPA (Sebelum/Setelah pergeseran), Realisasi over Bulan Ini|s.d. Bulan Ini monthly, kas per TW."""
    year, bulan = 2025, 6
    o = {"instansi": "Kecamatan Randublatung", "kota": "Randublatung"}
    off = gen_office(404, "7.01", 2, bulan)
    for i, s in enumerate(subs_of(off)):
        s["shift"] = [0, 10_000_000, -5_000_000][i % 3]
        s["before"] = s["pagu"] - s["shift"]
    inds = gen_inds(404, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPPA 2025.xlsx"), off, year, o["instansi"], o, ov, rec, hdr="dppa",
              total="kode", colnums="txt")
    write_real_monthly(folder, off, year, o, ov, rec, [3, 4, 5, 6], "bi_sd",
                       lambda m: f"Realisasi {BULAN[m - 1]} {year}.xlsx", with_anggaran=True)
    x = XL(os.path.join(folder, "AKB Randublatung.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="AKB", per="tw", label="TW", jumlah=False)
    x.save()
    x = XL(os.path.join(folder, "IKU.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year], pred_label="Kategori")
    x.save()
    return off, year, bulan, True


def L05(folder, ov, rec, variant):
    """Merged Kode header over six segment columns + Anggaran (Rp) over Tahun/Prakiraan Maju;
    realisasi as a ';' CSV; IKU + PK sheets."""
    year, bulan = 2025, 9
    o = {"instansi": "Kecamatan Kunduran", "kota": "Kunduran"}
    off = gen_office(505, "7.01", 3, bulan)
    inds = gen_inds(505, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Kunduran.xlsx"), off, year, o["instansi"], o, ov, rec, style="segs",
              hdr="prakiraan", amt="dots", total="merged")
    write_real_monthly(folder, off, year, o, ov, rec, [bulan], "sd", lambda m: f"realisasi_{year}-{m:02d}.csv",
                       engine="csv;", amt="dots", title=False, sig=False)
    x = XL(os.path.join(folder, "Kinerja Kunduran.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year - 1, year])
    write_pk(x, inds, year, o, ov, rec, sheet="PK")
    x.save()
    return off, year, bulan, False


def L06(folder, ov, rec, variant):
    """DPA as a ',' CSV; realisasi 'Bulan Ini' only, four monthly files."""
    year, bulan = 2025, 4
    o = {"instansi": "Kecamatan Todanan", "kota": "Todanan"}
    off = gen_office(606, "7.01", 2, bulan)
    inds = gen_inds(606, year)
    toml(folder, instansi=o["instansi"], tahun=year)
    write_dpa(os.path.join(folder, "dpa_todanan.csv"), off, year, o["instansi"], o, ov, rec, engine="csv,",
              style="hier", total="kode", sig=False)
    write_real_monthly(folder, off, year, o, ov, rec, [1, 3, 4] if variant == "gap" else [1, 2, 3, 4], "bi",
                       lambda m: f"Realisasi_{m:02d}_{year}.xlsx", amt="dots")
    x = XL(os.path.join(folder, "IKU Todanan.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="cols", years=[year], pstyle="txt")
    x.save()
    return off, year, bulan, False


def L07(folder, ov, rec, variant):
    """xlsxwriter DPA with =SUM formulas (cached values), years2 header; realisasi long with Bulan merged down;
    hand-made Renja with merged title block."""
    year, bulan = 2024, 8
    o = {"instansi": "Kecamatan Ngawen", "kota": "Ngawen"}
    off = gen_office(707, "7.01", 3, bulan)
    inds = gen_inds(707, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Ngawen.xlsx"), off, year, o["instansi"], o, ov, rec, engine="xlsxwriter",
              hdr="years2", formulas=True, total="merged")
    x = XL(os.path.join(folder, "Realisasi Ngawen 2024.xlsx"))
    write_real_long_merged(x, off, year, o, ov, rec, bulan)
    x.save()
    write_renja(os.path.join(folder, "Renja Ngawen 2024.xlsx"), off, year, o)
    x = XL(os.path.join(folder, "IKU Ngawen.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="groups", years=[year - 2, year - 1, year], pstyle="num")
    x.save()
    return off, year, bulan, False


def L08(folder, ov, rec, variant):
    """SIPD flattened, own-segment codes; LRA monthly files (plain Realisasi + Sisa); kas 'Bulan 1..12'."""
    year, bulan = 2025, 5
    o = {"instansi": "Kecamatan Kedungtuban", "kota": "Kedungtuban"}
    off = gen_office(808, "7.01", 3, bulan)
    inds = gen_inds(808, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "Data DPA SIPD.xlsx"), off, year, o["instansi"], o, ov, rec, style="flat_own",
              total="right", sheet="DPA")
    write_real_monthly(folder, off, year, o, ov, rec, [1, 2, 3, 4, 5], "lra",
                       lambda m: f"LRA {BULAN[m - 1]} {year}.xlsx", sig=True)
    x = XL(os.path.join(folder, "Rencana Penarikan Dana.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="Sheet1", per="bulan", label="Bulan", jumlah=True)
    x.save()
    x = XL(os.path.join(folder, "Capaian IKU.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year])
    write_indprog(x, off, inds, year, o, ov, rec)
    x.save()
    return off, year, bulan, True


def L09(folder, ov, rec, variant):
    """All in one workbook with extra unrelated sheets; realisasi months as columns up to Juli."""
    year, bulan = 2025, 7
    o = {"instansi": "Kecamatan Jiken", "kota": "Jiken"}
    off = gen_office(909, "7.01", 2, bulan)
    inds = gen_inds(909, year)
    toml(folder, instansi=o["instansi"])
    x = XL(os.path.join(folder, "Bahan LKjIP 2025.xlsx"))
    extra_pegawai(x)
    write_dpa(None, off, year, o["instansi"], o, ov, rec, x=x, sheet="DPA", colnums="num", total="merged")
    write_real_months_cols(x, off, year, o, ov, rec, bulan, sheet="Realisasi", amt="dots", title_month=False)
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year - 1, year], pstyle="pct")
    write_indprog(x, off, inds, year, o, ov, rec)
    extra_catatan(x)
    x.save()
    return off, year, bulan, False


def L10(folder, ov, rec, variant):
    """Rekening DPA with wide codes and decimal-comma text; realisasi s.d. single file; kas per Triwulan
    with rekening lines."""
    year, bulan = 2024, 12
    o = {"instansi": "Kecamatan Banjarejo", "kota": "Banjarejo"}
    off = gen_office(1010, "7.01", 2, bulan, rekening=True, wide=True)
    inds = gen_inds(1010, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Rincian Belanja.xlsx"), off, year, o["instansi"], o, ov, rec, style="rek",
              amt="dec", total="merged")
    write_real_monthly(folder, off, year, o, ov, rec, [12], "sd", lambda m: f"Realisasi Desember {year}.xlsx",
                       amt="dec")
    x = XL(os.path.join(folder, "Anggaran Kas Banjarejo.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="Anggaran Kas", per="tw", label="Triwulan", rek=True, jumlah=True)
    x.save()
    x = XL(os.path.join(folder, "IKU Banjarejo.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="long", years=[year], pstyle="txt")
    x.save()
    return off, year, bulan, True


def L11(folder, ov, rec, variant):
    """Anggaran over 2025|2026; LRA monthly files named with month names, s.d. column, numbers as text."""
    year, bulan = 2025, 8
    o = {"instansi": "Kecamatan Tunjungan", "kota": "Tunjungan"}
    off = gen_office(1111, "7.01", 3, bulan)
    inds = gen_inds(1111, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA 2025.xlsx"), off, year, o["instansi"], o, ov, rec, hdr="years2",
              total="merged", amt="dots")
    write_real_monthly(folder, off, year, o, ov, rec, [6, 7, 8], "sd", lambda m: f"LRA_{BULAN[m - 1]}_{year}.xlsx",
                       amt="dots", colnums="paren")
    x = XL(os.path.join(folder, "IKU 2025.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="cols", years=[year - 1, year])
    x.save()
    if variant == "old_dpa":
        old = gen_office(98, "7.01", 3, 12)
        write_dpa(os.path.join(folder, "DPA 2024.xlsx"), old, year - 1, o["instansi"], o, {}, {}, hdr="years2",
                  total="merged", amt="dots")
    return off, year, bulan, False


def L12(folder, ov, rec, variant):
    """Seed-like Kecamatan: JUMLAH in Kode column, US thousands commas, single realisasi file with Bulan column."""
    year, bulan = 2025, 10
    o = {"instansi": "Kecamatan Blora", "kota": "Blora"}
    off = gen_office(1212, "7.01", 4, bulan)
    inds = gen_inds(1212, year)
    toml(folder, instansi=o["instansi"], kabupaten="Blora")
    write_dpa(os.path.join(folder, "DPA Kec Blora.xlsx"), off, year, o["instansi"], o, ov, rec, amt="us",
              total="kode", colnums="paren")
    x = XL(os.path.join(folder, "Realisasi Kec Blora.xlsx"))
    x.sheet("Realisasi")
    r = title_block(x, ["REALISASI ANGGARAN KECAMATAN BLORA", f"TAHUN ANGGARAN {year}"], 6)
    for i, cn in enumerate(["Bulan", "Kode", "Uraian", "Realisasi Kumulatif (Rp)", "Realisasi Fisik (%)"], 1):
        x.set(r, i, cn)
    r += 1
    for s in subs_of(off):
        x.set(r, 1, BULAN[bulan - 1])
        kode = ov.get(("real_kode", bulan, s["kode"]), s["kode"])
        rec[("real_kode", bulan, s["kode"])] = x.set(r, 2, kode)
        x.set(r, 3, s["nama"])
        rec[("real", bulan, s["kode"], "cum")] = x.set(r, 4, fmt_amt(s["cum"][bulan - 1], "us"))
        x.set(r, 5, s["fisik"])
        r += 1
    x.save()
    x = XL(os.path.join(folder, "IKU PK Kec Blora 2025.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year], pred_label="Kategori")
    x.save()
    return off, year, bulan, False


def L13(folder, ov, rec, variant):
    """'X.XX' literal prefix, codes with stray spaces/line breaks in realisasi, IKU with Sasaran merged down and
    capaian as %-formatted fractions, file name with a year range, Excel lock files and an old hasil/ folder."""
    year, bulan = 2025, 6
    o = {"instansi": "Kecamatan Sambong", "kota": "Sambong"}
    off = gen_office(1313, "X.XX", 2, bulan)
    inds = gen_inds(1313, year)
    inds.sort(key=lambda i: i["sasaran"])
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Sambong.xlsx"), off, year, o["instansi"], o, ov, rec, total="merged")
    # realisasi: one file, month only in title ('Keadaan s.d. 30 Juni 2025'), 2-row header Realisasi over Keuangan|Fisik
    x = XL(os.path.join(folder, "Realisasi TW II.xlsx"))
    x.sheet("Realisasi")
    x.merge(1, 1, 1, 6, "LAPORAN REALISASI FISIK DAN KEUANGAN")
    x.merge(2, 1, 2, 6, f"Keadaan s.d. Bulan {BULAN[bulan - 1]} {year}")
    x.merge(4, 1, 5, 1, "Kode")
    x.merge(4, 2, 5, 2, "Sub Kegiatan")
    x.merge(4, 3, 5, 3, "Pagu (Rp)")
    x.merge(4, 4, 4, 5, "Realisasi")
    x.set(5, 4, "Keuangan (Rp)")
    x.set(5, 5, "Fisik (%)")
    r = 6
    for i, s in enumerate(subs_of(off)):
        kode = s["kode"]
        kode = [kode + " ", kode.replace(".2.", ". 2."), kode[:-5] + ".\n" + kode[-4:]][i % 3]
        rec[("real_kode", bulan, s["kode"])] = x.set(r, 1, kode)
        x.set(r, 2, s["nama"])
        x.set(r, 3, s["pagu"])
        v = ov.get(("real", bulan, s["kode"], "cum"), s["cum"][bulan - 1])
        rec[("real", bulan, s["kode"], "cum")] = x.set(r, 4, v)
        x.set(r, 5, s["fisik"])
        r += 1
    x.merge(r, 1, r, 2, "JUMLAH")
    x.set(r, 3, sum(s["pagu"] for s in subs_of(off)))
    x.set(r, 4, sum(ov.get(("real", bulan, s["kode"], "cum"), s["cum"][bulan - 1]) for s in subs_of(off)))
    x.save()
    # IKU, sasaran merged down, capaian as fraction with % format
    x = XL(os.path.join(folder, "IKU Renstra 2021-2026 capaian 2025.xlsx"))
    x.sheet("IKU")
    x.merge(1, 1, 1, 8, "INDIKATOR KINERJA UTAMA KECAMATAN SAMBONG")
    for i, cn in enumerate(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi",
                            "Capaian"], 1):
        x.set(3, i, cn)
    r = 4
    groups = {}
    for n, ind in enumerate(inds, 1):
        groups.setdefault(ind["sasaran"], []).append((n, ind))
    for sas, lst in groups.items():
        x.merge(r, 2, r + len(lst) - 1, 2, sas)
        for n, ind in lst:
            t, rv = ind["yrs"][year]
            cp = capaian(t, rv, ind["pol"])
            x.set(r, 1, n)
            x.set(r, 3, ind["nama"])
            x.set(r, 4, ind["satuan"])
            x.set(r, 5, {"positif": "semakin tinggi semakin baik", "negatif": "semakin rendah semakin baik"}[ind["pol"]])
            x.set(r, 6, t)
            x.set(r, 7, float(rv))
            rec[("iku", n, year, "c")] = x.set(r, 8, ov.get(("iku", n, year, "c"), float(cp / 100)))
            x.numfmt(r, 8, "0.00%")
            r += 1
    x.save()
    # junk the tool must skip
    with open(os.path.join(folder, "~$DPA Sambong.xlsx"), "wb") as fh:
        fh.write(b"\x00Sambong\x00" * 20)
    with open(os.path.join(folder, ".~lock.DPA Sambong.xlsx#"), "w") as fh:
        fh.write("SRI,pc-keu,01.12.2025 08:00\n")
    os.makedirs(os.path.join(folder, "hasil"), exist_ok=True)
    other = gen_office(77, "X.XX", 2, 12)
    write_dpa(os.path.join(folder, "hasil", "DPA lama.xlsx"), other, year, o["instansi"], o, {}, {})
    return off, year, bulan, False


def _acct_groups(rek):
    """SIPD account rows above rekening lines: 5, 5.1/5.2, 5.1.01/5.1.02/5.2.02 with sums."""
    rows = []
    def pref(c, n):
        return ".".join(c.split(".")[:n])
    lv1 = sum(a for c, nm, a in rek)
    rows.append(("5", "BELANJA DAERAH", lv1, None))
    for p2 in sorted({pref(c, 2) for c, nm, a in rek}):
        rows.append((p2, {"5.1": "BELANJA OPERASI", "5.2": "BELANJA MODAL"}[p2],
                     sum(a for c, nm, a in rek if pref(c, 2) == p2), None))
        for p3 in sorted({pref(c, 3) for c, nm, a in rek if pref(c, 2) == p2}):
            rows.append((p3, {"5.1.01": "Belanja Pegawai", "5.1.02": "Belanja Barang dan Jasa",
                              "5.2.02": "Belanja Modal Peralatan dan Mesin"}[p3],
                         sum(a for c, nm, a in rek if pref(c, 3) == p3), None))
            for c, nm, a in rek:
                if pref(c, 3) == p3:
                    rows.append((c, nm, a, "rek"))
    return rows


def L14(folder, ov, rec, variant):
    """SIPD rincian: sub rows, account rows 5/5.1/5.1.02 (subtotals) and rekening lines in the Kode Rekening column,
    Prakiraan Maju only on sub/kegiatan/program rows; realisasi LRA per rekening with 'Rp 1.234.000,00' text."""
    year, bulan = 2025, 9
    o = {"instansi": "Kecamatan Kradenan", "kota": "Kradenan"}
    off = gen_office(1414, "7.01", 2, bulan, rekening=True)
    inds = gen_inds(1414, year)
    toml(folder, instansi=o["instansi"])
    x = XL(os.path.join(folder, "Rincian DPA SKPD 2025.xlsx"))
    x.sheet("DPA")
    r = title_block(x, [f"RINCIAN DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN {year}", o["instansi"]], 6)
    x.merge(r, 1, r + 1, 1, "Kode")
    x.merge(r, 2, r + 1, 2, "Kode Rekening")
    x.merge(r, 3, r + 1, 3, "Uraian")
    x.merge(r, 4, r, 5, "Anggaran (Rp)")
    x.set(r + 1, 4, f"Tahun {year}")
    x.set(r + 1, 5, f"Prakiraan Maju {year + 1}")
    r += 2
    for p in off["progs"]:
        x.set(r, 1, p["kode"]); x.set(r, 3, p["nama"]); x.set(r, 4, prog_sum(p)); x.set(r, 5, prog_sum(p, "next"))
        r += 1
        for k in p["kegs"]:
            x.set(r, 1, k["kode"]); x.set(r, 3, k["nama"]); x.set(r, 4, keg_sum(k)); x.set(r, 5, keg_sum(k, "next"))
            r += 1
            for s in k["subs"]:
                x.set(r, 1, s["kode"]); x.set(r, 3, s["nama"]); x.set(r, 4, s["pagu"]); x.set(r, 5, s["next"])
                r += 1
                for c, nm, a, kind in _acct_groups(s["rek"]):
                    x.set(r, 2, c); x.set(r, 3, nm)
                    key = ("acct", s["kode"], c)
                    rec[key] = x.set(r, 4, ov.get(key, a))
                    r += 1
    x.merge(r, 1, r, 3, "JUMLAH")
    x.set(r, 4, sum(s["pagu"] for s in subs_of(off)))
    x.set(r, 5, sum(s["next"] for s in subs_of(off)))
    x.save()
    # realisasi per rekening, cumulative, month from file name
    x = XL(os.path.join(folder, f"LRA Rekening {year}-{bulan:02d}.xlsx"))
    x.sheet("LRA")
    r = title_block(x, ["LAPORAN REALISASI ANGGARAN PER REKENING", o["instansi"]], 6)
    for i, cn in enumerate(["Kode", "Kode Rekening", "Uraian", "Anggaran", "Realisasi s.d. Bulan Ini", "Sisa Anggaran"], 1):
        x.set(r, i, cn)
    r += 1
    for s in subs_of(off):
        cumv = s["cum"][bulan - 1]
        x.set(r, 1, s["kode"]); x.set(r, 3, s["nama"])
        x.set(r, 4, "Rp " + idnum(s["pagu"], 2))
        rec[("lrasub", s["kode"])] = x.set(r, 5, "Rp " + idnum(ov.get(("lrasub", s["kode"]), cumv), 2))
        x.set(r, 6, "Rp " + idnum(s["pagu"] - ov.get(("lrasub", s["kode"]), cumv), 2))
        r += 1
        rest = cumv
        for j, (c, nm, a) in enumerate(s["rek"]):
            v = rest if j == len(s["rek"]) - 1 else min(a, cumv * a // s["pagu"])
            rest -= v
            x.set(r, 1, s["kode"]); x.set(r, 2, c); x.set(r, 3, nm)
            x.set(r, 4, "Rp " + idnum(a, 2)); x.set(r, 5, "Rp " + idnum(v, 2)); x.set(r, 6, "Rp " + idnum(a - v, 2))
            r += 1
    x.save()
    x = XL(os.path.join(folder, "IKU Kradenan.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="groups", years=[year], pstyle="txt", ylabel="Tahun {}")
    x.save()
    return off, year, bulan, False


def L15(folder, ov, rec, variant):
    """DPPA where one sub kegiatan was cut to 0 ('-') in the shift; separate 'Realisasi Bulan Ini' and
    'Realisasi s.d. Bulan Ini' columns; kas 'Bulan 1..12' with Total; Renja."""
    year, bulan = 2025, 6
    o = {"instansi": "Kecamatan Japah", "kota": "Japah"}
    off = gen_office(1515, "7.01", 2, bulan)
    subs = subs_of(off)
    z = subs[-1]
    z["shift"] = -z["pagu"]
    z["before"] = z["pagu"]
    z["pagu"] = 0
    z["own"] = [0] * 12
    z["cum"] = [0] * 12
    z["kas"] = [0] * 12
    inds = gen_inds(1515, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPPA Japah 2025.xlsx"), off, year, o["instansi"], o, ov, rec, hdr="dppa",
              amt="dots", total="merged")
    months = [4, 5, 6]
    for m in months:
        x = XL(os.path.join(folder, f"Realisasi {BULAN[m - 1]} {year}.xlsx"))
        x.sheet("Realisasi")
        r = title_block(x, [f"REALISASI ANGGARAN BULAN {BULAN[m - 1].upper()} {year}"], 5)
        for i, cn in enumerate(["Kode", "Uraian", "Realisasi Bulan Ini", "Realisasi s.d. Bulan Ini"], 1):
            x.set(r, i, cn)
        r += 1
        for s in subs:
            x.set(r, 1, s["kode"]); x.set(r, 2, s["nama"])
            rec[("real", m, s["kode"], "own")] = x.set(r, 3, ov.get(("real", m, s["kode"], "own"), fmt_amt(s["own"][m - 1], "dots")))
            rec[("real", m, s["kode"], "cum")] = x.set(r, 4, ov.get(("real", m, s["kode"], "cum"), fmt_amt(s["cum"][m - 1], "dots")))
            r += 1
        x.save()
    if variant == "copy_edit":
        src = os.path.join(folder, f"Realisasi Juni {year}.xlsx")
        dst = os.path.join(folder, f"Realisasi Juni {year} (2).xlsx")
        wb = openpyxl.load_workbook(src)
        ws = wb["Realisasi"]
        c = ws[rec[("real", 6, subs[0]["kode"], "cum")]]
        c.value = fmt_amt(subs[0]["cum"][5] + 2_500_000, "dots")
        wb.save(dst)
        rec["copy_cell"] = c.coordinate
    x = XL(os.path.join(folder, "Anggaran Kas Japah.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="Anggaran Kas", per="bulan", label="Bulan", jumlah=True, amt="dots")
    x.save()
    write_renja(os.path.join(folder, "Renja Japah 2025.xlsx"), off, year, o)
    x = XL(os.path.join(folder, "IKU Japah.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="cols", years=[year - 1, year])
    x.save()
    return off, year, bulan, True


def L16(folder, ov, rec, variant):
    """Seed-like 2024: IKU groups 2022-2024 + PK + Indikator Program; realisasi CSV long with Tahun and numeric
    Bulan columns (cumulative), kas per Triwulan I-IV."""
    year, bulan = 2024, 12
    o = {"instansi": "Kecamatan Bogorejo", "kota": "Bogorejo"}
    off = gen_office(1616, "7.01", 3, bulan)
    inds = gen_inds(1616, year, n=3)
    inds.append({"nama": "Jumlah pelayanan perizinan non usaha", "satuan": "Dokumen", "pol": "positif",
                 "sasaran": SASARAN[0], "yrs": {year - 2: (1100, 1150), year - 1: (1150, 1180), year: (1200, 1250)},
                 "akhir": 1200})
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Bogorejo 2024.xlsx"), off, year, o["instansi"], o, ov, rec, total="kode",
              colnums="num")
    path = os.path.join(folder, "realisasi_bogorejo_2024.csv")
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Tahun", "Bulan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Realisasi s.d. Bulan Ini"])
        for m in range(1, bulan + 1):
            for s in subs_of(off):
                w.writerow([year, m, s["kode"], s["nama"], idnum(s["cum"][m - 1], 2)])
    x = XL(os.path.join(folder, "AKB Bogorejo 2024.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="AKB", per="tw", label="Triwulan", jumlah=True)
    x.save()
    x = XL(os.path.join(folder, "Kinerja Bogorejo 2024.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year - 2, year - 1, year], pstyle="num")
    write_pk(x, inds, year, o, ov, rec, sheet="PK")
    write_indprog(x, off, inds, year, o, ov, rec)
    x.save()
    return off, year, bulan, True


def p_pct_fraction(off, ov, rec, exp, subs, year, bulan):
    ov[("iku", 2, year, "c")] = 0.0945  # typed 9,45% instead of 90,45% (cell formatted %)
    return [{"code": "capaian-mismatch", "file": "IKU Renstra 2021-2026 capaian 2025.xlsx", "sheet": "IKU",
             "key": ("iku", 2, year, "c")}], []


def p_acct_subtotal(off, ov, rec, exp, subs, year, bulan):
    s = subs[0]
    c = "5.1" if any(r[0].startswith("5.1") for r in s["rek"]) else "5.2"
    tot = sum(a for rc, nm, a in s["rek"] if rc.startswith(c + "."))
    ov[("acct", s["kode"], c)] = tot + 10_000_000
    return [{"code": "subtotal-mismatch", "file": "Rincian DPA SKPD 2025.xlsx", "sheet": "DPA",
             "key": ("acct", s["kode"], c), "kode": s["kode"]}], []


def p_real_on_zero(off, ov, rec, exp, subs, year, bulan):
    z = subs[-1]
    ov[("real", 6, z["kode"], "own")] = "5.000.000"
    ov[("real", 6, z["kode"], "cum")] = "5.000.000"
    exp["realisasi"] += 5_000_000
    rf = exp["rfk"]
    rf["realisasi"] += 5_000_000
    rf["deviasi"] = str(r2(D(rf["realisasi"]) * 100 / D(exp["pagu"]) - D(rf["rencana"]) * 100 / D(exp["pagu"])))
    return [{"code": "over-budget", "file": "Realisasi Juni 2025.xlsx", "sheet": "Realisasi",
             "key": ("real", 6, z["kode"], "cum"), "kode": z["kode"]}], []


def p_copy_edit_real(off, ov, rec, exp, subs, year, bulan):
    return [{"code": "realisasi-mismatch", "file": f"Realisasi Juni {year} (2).xlsx", "sheet": "Realisasi",
             "key": "copy_cell", "note": "README code; contract: 'duplicate-file'/copy"}], []


def p_ind_1250(off, ov, rec, exp, subs, year, bulan):
    ov[("iku", 4, year, "r")] = "1.250"
    return [{"code": "bad-number", "file": "Kinerja Bogorejo 2024.xlsx", "sheet": "IKU",
             "key": ("iku", 4, year, "r")}], []


def L17(folder, ov, rec, variant):
    """SIPD flattened with Kode Program merged down, header cells with line breaks, a sub kegiatan whose name
    contains 'Jumlah'; realisasi long with real Excel dates in the Bulan column; IKU + Renstra (targets only) +
    PK with abbreviated indicator names; Indikator Program with Sasaran merged down."""
    import datetime
    year, bulan = 2025, 9
    o = {"instansi": "Kecamatan Kedungtuban Kidul", "kota": "Blora"}
    off = gen_office(1717, "7.01", 3, bulan)
    subs = subs_of(off)
    subs[1]["nama"] = "Pendataan Jumlah Penduduk Miskin dan Total Rumah Tidak Layak Huni"
    toml(folder, instansi=o["instansi"])
    x = XL(os.path.join(folder, "Export DPA SIPD 2025.xlsx"))
    x.sheet("DPA")
    x.merge(1, 1, 1, 7, f"DAFTAR SUB KEGIATAN DPA TAHUN {year}")
    heads = ["Kode\nUrusan", "Kode Bidang\nUrusan", "Kode\nProgram", "Kode\nKegiatan", "Kode Sub\nKegiatan",
             "Nama Sub\nKegiatan", "Jumlah\nAnggaran\n(Rp.)"]
    for i, h in enumerate(heads, 1):
        x.set(3, i, h)
    r = 4
    for p in off["progs"]:
        ps = [s for k in p["kegs"] for s in k["subs"]]
        x.merge(r, 3, r + len(ps) - 1, 3, p["kode"])
        for k in p["kegs"]:
            for s in k["subs"]:
                x.set(r, 1, "7"); x.set(r, 2, "7.01"); x.set(r, 4, k["kode"]); x.set(r, 5, s["kode"])
                x.set(r, 6, s["nama"]); x.set(r, 7, s["pagu"])
                r += 1
    x.merge(r, 1, r, 6, "TOTAL")
    x.set(r, 7, sum(s["pagu"] for s in subs))
    x.save()
    x = XL(os.path.join(folder, "Realisasi Triwulan III.xlsx"))
    x.sheet("Realisasi")
    x.merge(1, 1, 1, 5, f"REALISASI KEUANGAN TRIWULAN III TAHUN {year}")
    for i, h in enumerate(["Bulan", "Kode", "Sub Kegiatan", "Realisasi s.d. Bulan Ini"], 1):
        x.set(3, i, h)
    r = 4
    last = {7: 31, 8: 31, 9: 30}
    for m in (7, 8, 9):
        for s in subs:
            x.set(r, 1, datetime.datetime(year, m, last[m]))
            x.numfmt(r, 1, "mmmm yyyy")
            x.set(r, 2, s["kode"]); x.set(r, 3, s["nama"])
            rec[("real", m, s["kode"], "cum")] = x.set(r, 4, s["cum"][m - 1])
            r += 1
    x.save()
    inds = gen_inds(1717, year, n=3)
    inds[0]["nama"] = "Indeks Kepuasan Masyarakat (IKM)"
    inds[0]["satuan"] = "Indeks"
    inds[0]["pol"] = "positif"
    inds[0]["yrs"][year] = (82, D("84.37"))
    x = XL(os.path.join(folder, "IKU dan PK Kecamatan 2025.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="IKU", layout="groups", years=[year])
    # Renstra sheet: targets only, same targets
    x.sheet("Target Renstra IKU")
    x.set(1, 1, "TARGET RENSTRA 2021-2026")
    for i, h in enumerate(["No", "Sasaran", "Indikator Kinerja", "Satuan", f"Target {year}", f"Target {year + 1}"], 1):
        x.set(3, i, h)
    for n, ind in enumerate(inds, 1):
        x.set(3 + n, 1, n); x.set(3 + n, 2, ind["sasaran"]); x.set(3 + n, 3, ind["nama"])
        x.set(3 + n, 4, ind["satuan"]); x.set(3 + n, 5, ind["yrs"][year][0]); x.set(3 + n, 6, ind["yrs"][year][0])
    # PK with abbreviated name for IKM
    pk_inds = [dict(i) for i in inds]
    pk_inds[0] = dict(inds[0], nama="Indeks IKM")
    write_pk(x, pk_inds, year, o, ov, rec, sheet="PK")
    # Indikator Program, sasaran merged down
    x.sheet("Indikator Program")
    for i, h in enumerate(["Sasaran", "Kode", "Program", "Indikator Program", "Target", "Realisasi", "Capaian %"], 1):
        x.set(2, i, h)
    x.merge(3, 1, 2 + len(off["progs"]), 1, inds[0]["sasaran"])
    for n, p in enumerate(off["progs"]):
        t, rv = 100, D(90 + n)
        x.set(3 + n, 2, p["kode"]); x.set(3 + n, 3, p["nama"]); x.set(3 + n, 4, "Persentase capaian " + p["kode"])
        x.set(3 + n, 5, t); x.set(3 + n, 6, float(rv)); x.set(3 + n, 7, float(capaian(t, rv, "positif")))
    x.save()
    return off, year, bulan, False


def L18(folder, ov, rec, variant):
    """Monthly files with a plain 'Realisasi' column that actually holds each month's own amount (falling every
    month for every sub kegiatan), no Sisa: README says ambiguous warning, read per month and summed."""
    year, bulan = 2025, 4
    o = {"instansi": "Kecamatan Kedungtuban Lor", "kota": "Blora"}
    off = gen_office(1818, "7.01", 2, bulan)
    for s in subs_of(off):
        base = s["pagu"] // 20 // 1000 * 1000
        s["own"] = [base * (12 - m) // 12 // 100 * 100 for m in range(12)]
        c = 0
        s["cum"] = []
        for a in s["own"]:
            c += a
            s["cum"].append(c)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA.xlsx"), off, year, o["instansi"], o, ov, rec, hdr="annual")
    for m in range(1, bulan + 1):
        x = XL(os.path.join(folder, f"Realisasi {year}-{m:02d}.xlsx"))
        x.sheet("Sheet1")
        x.set(1, 1, f"REALISASI BULAN {BULAN[m - 1].upper()} {year}")
        x.set(3, 1, "Kode"); x.set(3, 2, "Uraian"); x.set(3, 3, "Realisasi")
        r = 4
        for s in subs_of(off):
            x.set(r, 1, s["kode"]); x.set(r, 2, s["nama"]); x.set(r, 3, s["own"][m - 1]); r += 1
        x.save()
    inds = gen_inds(1818, year)
    x = XL(os.path.join(folder, "IKU.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="cols", years=[year])
    x.save()
    return off, year, bulan, False


def p_pk_abbrev(off, ov, rec, exp, subs, year, bulan):
    ov[("pk", 1, "r")] = 86.37
    return [{"code": "indikator-mismatch", "file": "IKU dan PK Kecamatan 2025.xlsx", "sheet": "PK",
             "key": ("pk", 1, "r"), "note": "PK names the indicator 'Indeks IKM'"}], []


def p_ownseg_number(off, ov, rec, exp, subs, year, bulan):
    s = subs[2]
    ov[("ownseg", s["kode"])] = int(s["kode"][-4:])
    return [{"code": "bad-kode", "file": "Data DPA SIPD.xlsx", "sheet": "DPA", "key": ("ownseg", s["kode"]),
             "note": "Kode Sub Kegiatan typed as number 2 (leading zeros lost); README: bad-kode"}], []



def p_bi_gap(off, ov, rec, exp, subs, year, bulan):
    exp["realisasi_uncertain"] = True
    exp["note"] = "Bulan Ini files for months 1,3,4 (Februari missing): true YTD unknowable; expect at least a warning"
    return [], ["(any warning about the missing Februari file)"]


def p_lra_sub_digit(off, ov, rec, exp, subs, year, bulan):
    s = subs[1]
    v = s["cum"][bulan - 1]
    t = str(v)
    bad = int(t[0] + str((int(t[1]) + 1) % 10) + t[2:])
    ov[("lrasub", s["kode"])] = bad
    return [{"code": "subtotal-mismatch", "file": f"LRA Rekening {year}-{bulan:02d}.xlsx", "sheet": "LRA",
             "key": ("lrasub", s["kode"]), "kode": s["kode"]}], []


def p_months_over(off, ov, rec, exp, subs, year, bulan):
    s = subs[0]
    extra = s["pagu"]  # July amount typed with the annual pagu pasted in
    ov[("own", 7, s["kode"])] = s["own"][6] + extra
    exp["realisasi"] += extra
    return [{"code": "over-budget", "file": "Bahan LKjIP 2025.xlsx", "sheet": "Realisasi",
             "rowkey": ("own", 7, s["kode"]), "kode": s["kode"]}], []


def _iku_custom(x, rows, year, o, sheet="IKU"):
    x.sheet(sheet)
    x.merge(1, 1, 1, 9, f"CAPAIAN INDIKATOR KINERJA UTAMA TAHUN {year}")
    x.merge(2, 1, 2, 9, o["instansi"].upper())
    for i, h in enumerate(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", f"Target {year}",
                           f"Realisasi {year}", "Capaian (%)", "Predikat"], 1):
        x.set(4, i, h)
    for n, (nm, t, rv, pol, cap, pred) in enumerate(rows, 1):
        r = 4 + n
        x.set(r, 1, n); x.set(r, 2, SASARAN[n % 3]); x.set(r, 3, nm); x.set(r, 4, "%"); x.set(r, 5, pol)
        x.set(r, 6, t); x.set(r, 7, rv); x.set(r, 8, cap); x.set(r, 9, pred)


def L19(folder, ov, rec, variant):
    """Indicators exactly on the default predikat band edges (100, 85, 65, 50, 49,99, 100,01), negative polarity
    on the edges, and a capaian 84,995 that rounds to 85,00 (binary-float trap)."""
    year, bulan = 2025, 12
    o = {"instansi": "Kecamatan Batas Nilai", "kota": "Blora"}
    off = gen_office(1919, "7.01", 2, bulan)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Batas.xlsx"), off, year, o["instansi"], o, ov, rec)
    write_real_monthly(folder, off, year, o, ov, rec, [12], "sd", lambda m: f"Realisasi Desember {year}.xlsx")
    rows = [("Indikator A (tepat target)", 100, 100, "positif", "100,00", "Baik"),
            ("Indikator B (85)", 80, 68, "positif", "85,00", "Baik"),
            ("Indikator C (65)", 80, 52, "positif", "65,00", "Cukup"),
            ("Indikator D (50)", 80, 40, "positif", "50,00", "Kurang"),
            ("Indikator E (49,99)", 10000, 4999, "positif", "49,99", "Sangat Kurang"),
            ("Indikator F (100,01)", 10000, 10001, "positif", "100,01", "Sangat Baik"),
            ("Indikator G (84,995)", 200, "169,99", "positif", "85,00", "Baik"),
            ("Indikator H (negatif tepat)", 10, 10, "negatif", "100,00", "Baik"),
            ("Indikator I (negatif 85)", 10, "11,5", "negatif", "85,00", "Baik")]
    x = XL(os.path.join(folder, "IKU Batas.xlsx"))
    _iku_custom(x, rows, year, o)
    x.save()
    return off, year, bulan, False


def L20(folder, ov, rec, variant):
    """lkjip.toml predikat = permendagri86 and negative_formula = T/R; values on the band edges."""
    year, bulan = 2025, 12
    o = {"instansi": "Kecamatan Permendagri", "kota": "Blora"}
    off = gen_office(2020, "7.01", 2, bulan)
    with open(os.path.join(folder, "lkjip.toml"), "w") as fh:
        fh.write('instansi = "Kecamatan Permendagri"\npredikat = "permendagri86"\nnegative_formula = "T/R"\n')
    write_dpa(os.path.join(folder, "DPA Permendagri.xlsx"), off, year, o["instansi"], o, ov, rec)
    write_real_monthly(folder, off, year, o, ov, rec, [12], "sd", lambda m: f"Realisasi Desember {year}.xlsx")
    rows = [("Indikator A (91)", 100, 91, "positif", "91,00", "Sangat Tinggi"),
            ("Indikator B (90,99)", 100, "90,99", "positif", "90,99", "Tinggi"),
            ("Indikator C (76)", 100, 76, "positif", "76,00", "Tinggi"),
            ("Indikator D (66)", 100, 66, "positif", "66,00", "Sedang"),
            ("Indikator E (51)", 100, 51, "positif", "51,00", "Rendah"),
            ("Indikator F (50,99)", 100, "50,99", "positif", "50,99", "Sangat Rendah"),
            ("Indikator G (T/R 90,91)", 10, 11, "negatif", "90,91", "Tinggi"),
            ("Indikator H (T/R 120)", 12, 10, "negatif", "120,00", "Sangat Tinggi")]
    x = XL(os.path.join(folder, "IKU Permendagri.xlsx"))
    _iku_custom(x, rows, year, o)
    x.save()
    return off, year, bulan, False


def L21(folder, ov, rec, variant):
    """Hierarchical LRA (program/kegiatan subtotal rows with Anggaran, Realisasi s.d. Bulan Ini, Sisa, %), two
    monthly files; kas 'Bulan 1..12' without a Jumlah column."""
    year, bulan = 2025, 3
    o = {"instansi": "Kecamatan Cepu Timur", "kota": "Cepu"}
    off = gen_office(2121, "7.01", 3, bulan)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA Cepu Timur.xlsx"), off, year, o["instansi"], o, ov, rec, colnums="paren")
    for m in (2, 3):
        x = XL(os.path.join(folder, f"LRA {BULAN[m - 1]} {year}.xlsx"))
        x.sheet("LRA")
        r = title_block(x, ["LAPORAN REALISASI ANGGARAN", f"{o['instansi'].upper()}",
                            f"s.d. Bulan {BULAN[m - 1]} {year}"], 7)
        for i, h in enumerate(["Kode", "Uraian", "Anggaran (Rp)", "Realisasi s.d. Bulan Ini (Rp)", "Sisa Anggaran (Rp)",
                               "%"], 1):
            x.set(r, i, h)
        r += 1
        for i in range(1, 7):
            x.set(r, i, i)
        r += 1

        def line(kode, nama, pagu, real, key=None):
            nonlocal r
            x.set(r, 1, kode); x.set(r, 2, nama); x.set(r, 3, pagu)
            v = ov.get(key, real) if key else real
            a = x.set(r, 4, v)
            if key:
                rec[key] = a
            x.set(r, 5, pagu - v)
            x.set(r, 6, float(r2(D(v) * 100 / pagu)) if pagu else 0)
            r += 1
        for p in off["progs"]:
            line(p["kode"], p["nama"], prog_sum(p), sum(s["cum"][m - 1] for k in p["kegs"] for s in k["subs"]))
            for k in p["kegs"]:
                line(k["kode"], k["nama"], keg_sum(k), sum(s["cum"][m - 1] for s in k["subs"]), ("lrakeg", m, k["kode"]))
                for s in k["subs"]:
                    line(s["kode"], s["nama"], s["pagu"], s["cum"][m - 1])
        subs = subs_of(off)
        P = sum(s["pagu"] for s in subs); R = sum(s["cum"][m - 1] for s in subs)
        x.merge(r, 1, r, 2, "JUMLAH BELANJA")
        x.set(r, 3, P); x.set(r, 4, R); x.set(r, 5, P - R); x.set(r, 6, float(r2(D(R) * 100 / P)))
        signature(x, r + 2, 4, "Cepu", f"3 {BULAN[m]} {year}", "PPK SKPD", "SITI AMINAH", "19850505 201001 2 001")
        x.save()
    x = XL(os.path.join(folder, "Anggaran Kas Cepu Timur.xlsx"))
    write_kas(x, off, year, o, ov, rec, sheet="Anggaran Kas", per="bulan", label="Bulan", jumlah=False)
    x.save()
    inds = gen_inds(2121, year)
    x = XL(os.path.join(folder, "IKU.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="groups", years=[year])
    x.save()
    return off, year, bulan, True


def L22(folder, ov, rec, variant):
    """DPA as 'Sheet1' of 'Anggaran 2025.xlsx' (role from the file name); realisasi months as columns with a trailing
    'Jumlah' column; IKU in 'Kinerja.xlsx' › Sheet1."""
    year, bulan = 2025, 5
    o = {"instansi": "Kecamatan Sambong Lor", "kota": "Sambong"}
    off = gen_office(2222, "7.01", 2, bulan)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "Anggaran 2025.xlsx"), off, year, o["instansi"], o, ov, rec, sheet="Sheet1")
    x = XL(os.path.join(folder, "Realisasi per Bulan.xlsx"))
    x.sheet("Sheet1")
    r = title_block(x, [f"REALISASI PER BULAN TAHUN {year}", o["instansi"].upper()], 10)
    heads = ["Kode", "Uraian"] + BULAN[:bulan] + ["Jumlah"]
    for i, h in enumerate(heads, 1):
        x.set(r, i, h)
    r += 1
    for s in subs_of(off):
        x.set(r, 1, s["kode"]); x.set(r, 2, s["nama"])
        for m in range(1, bulan + 1):
            x.set(r, 2 + m, s["own"][m - 1])
        rec[("rowjml", s["kode"])] = x.set(r, 3 + bulan, ov.get(("rowjml", s["kode"]), s["cum"][bulan - 1]))
        r += 1
    x.set(r, 2, "JUMLAH")
    for m in range(1, bulan + 1):
        x.set(r, 2 + m, sum(s["own"][m - 1] for s in subs_of(off)))
    x.set(r, 3 + bulan, sum(s["cum"][bulan - 1] for s in subs_of(off)))
    x.save()
    inds = gen_inds(2222, year)
    x = XL(os.path.join(folder, "Kinerja.xlsx"))
    write_iku(x, inds, year, o, ov, rec, sheet="Sheet1", layout="cols", years=[year])
    x.save()
    return off, year, bulan, False


def p_lra_keg_digit(off, ov, rec, exp, subs, year, bulan):
    k = off["progs"][1]["kegs"][0]
    v = sum(s["cum"][bulan - 1] for s in k["subs"])
    t = str(v)
    ov[("lrakeg", bulan, k["kode"])] = int(t[:2] + str((int(t[2]) + 3) % 10) + t[3:])
    return [{"code": "subtotal-mismatch", "file": f"LRA {BULAN[bulan - 1]} {year}.xlsx", "sheet": "LRA",
             "key": ("lrakeg", bulan, k["kode"]), "kode": k["kode"]}], []


def p_rowjml(off, ov, rec, exp, subs, year, bulan):
    s = subs[0]
    ov[("rowjml", s["kode"])] = s["cum"][bulan - 1] + 300_000
    return [{"code": "total-mismatch", "alt_codes": ["subtotal-mismatch"], "file": "Realisasi per Bulan.xlsx",
             "sheet": "Sheet1", "key": ("rowjml", s["kode"]), "kode": s["kode"],
             "note": "row 'Jumlah' (sum of the months) mistyped; either total- or subtotal-mismatch accepted"}], []


def p_kas_rowjml(off, ov, rec, exp, subs, year, bulan):
    s = subs[1]
    ov[("kasjml", s["kode"])] = s["pagu"] + 1_000_000
    return [{"code": "total-mismatch", "alt_codes": ["subtotal-mismatch", "kas-mismatch"],
             "file": "Rencana Penarikan Dana.xlsx", "sheet": "Sheet1", "key": ("kasjml", s["kode"]), "kode": s["kode"],
             "note": "row Jumlah of the anggaran kas mistyped (months add up to pagu)"}], []


def L23(folder, ov, rec, variant):
    """SIPD 'Rincian' with program, kegiatan, sub kegiatan, account rows (5, 5.1, 5.1.02) and rekening lines all in
    ONE Kode column; rekening amounts with sen (,10 ,25 ,50) stored as numeric cells; stated subtotals are the
    cached results of Excel SUMs. IKU target/realisasi typed as '90 %' / '89,50 %'."""
    year, bulan = 2025, 12
    o = {"instansi": "Kecamatan Sen", "kota": "Blora"}
    off = gen_office(2323, "7.01", 2, bulan, rekening=True)
    sens = [D("0.10"), D("0.25"), D("0.50"), D("0.20"), D("0")]
    i = 0
    for s in subs_of(off):
        new = []
        for c, nm, a in s["rek"]:
            new.append((c, nm, D(a) + sens[i % len(sens)]))
            i += 1
        s["rek"] = new
        s["pagu_d"] = sum(a for c, nm, a in new)
    toml(folder, instansi=o["instansi"])
    x = XL(os.path.join(folder, "Rincian DPA.xlsx"))
    x.sheet("Rincian")
    r = title_block(x, [f"RINCIAN DPA TAHUN ANGGARAN {year}", o["instansi"].upper()], 4)
    for j, h in enumerate(["Kode", "Uraian", "Jumlah (Rp)"], 1):
        x.set(r, j, h)
    r += 1

    def f(v):
        return float(v)
    for p in off["progs"]:
        x.set(r, 1, p["kode"]); x.set(r, 2, p["nama"])
        x.set(r, 3, f(sum(s["pagu_d"] for k in p["kegs"] for s in k["subs"]))); r += 1
        for k in p["kegs"]:
            x.set(r, 1, k["kode"]); x.set(r, 2, k["nama"]); x.set(r, 3, f(sum(s["pagu_d"] for s in k["subs"]))); r += 1
            for s in k["subs"]:
                x.set(r, 1, s["kode"]); x.set(r, 2, s["nama"]); x.set(r, 3, f(s["pagu_d"])); r += 1
                for c, nm, a, kind in _acct_groups(s["rek"]):
                    x.set(r, 1, c); x.set(r, 2, nm); x.set(r, 3, f(a)); r += 1
    x.merge(r, 1, r, 2, "JUMLAH")
    x.set(r, 3, f(sum(s["pagu_d"] for s in subs_of(off))))
    x.save()
    write_real_monthly(folder, off, year, o, ov, rec, [12], "sd", lambda m: f"Realisasi Desember {year}.xlsx")
    rows = [("Persentase pelayanan administrasi tepat waktu", "90 %", "89,50 %", "positif", "99,44", "Baik"),
            ("Persentase desa tertib administrasi", "100 %", "87,25 %", "positif", "87,25", "Baik"),
            ("Persentase aduan tertangani", "95 %", "97,00 %", "positif", "102,11", "Sangat Baik")]
    x = XL(os.path.join(folder, "IKU Sen.xlsx"))
    _iku_custom(x, rows, year, o)
    x.save()
    return off, year, bulan, False


def L24(folder, ov, rec, variant):
    """Like L01, but the DPA has a SIPD-style information block (Urusan, Organisasi, Alokasi Tahun n-1/n/n+1 and an
    'Indikator | Tolok Ukur Kinerja | Target Kinerja' mini-table) so that the real header sits at row 22."""
    year, bulan = 2025, 6
    o = {"instansi": "Kecamatan Jati", "kota": "Jati"}
    off = gen_office(2424, "7.01", 3, bulan)
    inds = gen_inds(2424, year)
    toml(folder, instansi=o["instansi"])
    write_dpa(os.path.join(folder, "DPA SKPD Jati.xlsx"), off, year, o["instansi"], o, ov, rec, info_block=True,
              colnums="num")
    write_real_monthly(folder, off, year, o, ov, rec, [5, 6], "sd", lambda m: f"Realisasi {year}-{m:02d}.xlsx")
    x = XL(os.path.join(folder, "IKU Jati.xlsx"))
    write_iku(x, inds, year, o, ov, rec, layout="groups", years=[year])
    x.save()
    return off, year, bulan, False


LAYOUTS = {"L01": L01, "L02": L02, "L03": L03, "L04": L04, "L05": L05, "L06": L06, "L07": L07,
           "L08": L08, "L09": L09, "L10": L10, "L11": L11, "L12": L12, "L13": L13, "L14": L14, "L15": L15,
           "L16": L16, "L17": L17, "L18": L18, "L19": L19, "L20": L20, "L21": L21, "L22": L22, "L23": L23, "L24": L24}


# ---------------------------------------------------------------- plants
def make(folder_root, name, layout, plant=None, expected_root=None):
    folder = os.path.join(folder_root, name)
    os.makedirs(folder, exist_ok=True)
    ov, rec = {}, {}
    variant = plant[0] if plant else None
    # Pre-compute the office once to know codes for overrides
    tmp = os.path.join(folder_root, ".tmp_" + name)
    os.makedirs(tmp, exist_ok=True)
    off, year, bulan, kas = LAYOUTS[layout](tmp, {}, rec, None)
    shutil.rmtree(tmp)
    subs = subs_of(off)
    exp = {"tahun": year}
    exp.update(exp_totals(off, bulan, kas=kas))
    if not kas:
        exp.pop("rfk", None)
    errors = []
    warnings = []
    rec2 = {}
    if plant:
        errors, warnings = plant[1](off, ov, rec2, exp, subs, year, bulan)
    for k, v in ov.items():
        pass
    rec2_pre = dict(rec2)
    rec2.clear()
    rec2.update(rec2_pre)
    LAYOUTS[layout](folder, ov, rec2, variant)
    # resolve cells
    out = []
    for e in errors:
        e = dict(e)
        if "key" in e:
            addr = rec2[e.pop("key")]
            e["cell"] = addr
        if "rowkey" in e:
            row = rec2[e.pop("rowkey")]
            if isinstance(row, str):
                row = int("".join(ch for ch in row if ch.isdigit()))
            e["cell"] = None
            e["row"] = row
            e["row_only"] = True
        out.append(e)
    exp["errors"] = out
    if warnings:
        exp["warnings_expected"] = warnings
    os.makedirs(expected_root, exist_ok=True)
    with open(os.path.join(expected_root, name + ".json"), "w") as fh:
        json.dump(exp, fh, indent=1, default=str)
    return folder, exp


def p_subtotal(off, ov, rec, exp, subs, year, bulan):
    k = off["progs"][0]["kegs"][0]
    v = keg_sum(k)
    s = str(v)
    bad = int(s[0] + str((int(s[1]) + 1) % 10) + s[2:])
    ov[(("keg", k["kode"]), "pagu")] = bad
    return [{"code": "subtotal-mismatch", "file": "DPA Kecamatan Jepon 2025.xlsx", "sheet": "DPA",
             "key": (("keg", k["kode"]), "pagu"), "kode": k["kode"]}], []


def p_total(off, ov, rec, exp, subs, year, bulan):
    ov[("total", "pagu")] = exp["pagu"] + 90_000_000
    return [{"code": "total-mismatch", "file": "DPA Kec Blora.xlsx", "sheet": "DPA", "key": ("total", "pagu")}], []


def p_badnum_dpa(off, ov, rec, exp, subs, year, bulan):
    s = subs[1]
    txt = f"Rp. {idnum(s['pagu'])},-"
    txt = txt.replace("0", "O", 1) if "0" in txt[4:] else txt + "x"
    # make the O be inside the digits
    digits = idnum(s["pagu"])
    i = digits.index("0")
    ov[(("sub", s["kode"]), "pagu")] = "Rp. " + digits[:i] + "O" + digits[i + 1:] + ",-"
    exp["totals_uncertain"] = True
    return [{"code": "bad-number", "file": "DPA SKPD 2025 (export SIPD).xlsx", "sheet": "Sheet1",
             "key": (("sub", s["kode"]), "pagu"), "kode": s["kode"]}], []


def p_capaian_0945(off, ov, rec, exp, subs, year, bulan):
    ov[("iku", 2, year, "c")] = "09,45"
    return [{"code": "capaian-mismatch", "file": "IKU Kecamatan Jepon.xlsx", "sheet": "IKU",
             "key": ("iku", 2, year, "c")}], []


def p_overbudget(off, ov, rec, exp, subs, year, bulan):
    s = subs[0]
    newv = s["pagu"] + 12_500_000
    ov[("real", bulan, s["kode"], "cum")] = newv
    exp["realisasi"] += newv - s["cum"][bulan - 1]
    return [{"code": "over-budget", "file": f"Realisasi {year}-{bulan:02d}.xlsx", "sheet": "Sheet1",
             "key": ("real", bulan, s["kode"], "cum"), "kode": s["kode"]}], []


def p_iku_pk(off, ov, rec, exp, subs, year, bulan):
    ov[("pk", 3, "t")] = 95 if True else None
    return [{"code": "indikator-mismatch", "file": "Kinerja Kunduran.xlsx", "sheet": "PK", "key": ("pk", 3, "t")}], []


def p_oldyear_real(off, ov, rec, exp, subs, year, bulan):
    return [{"code": "tahun-mismatch", "file": f"Realisasi {year - 1}-12.xlsx", "sheet": None, "cell": None}], []


def p_oldyear_dpa(off, ov, rec, exp, subs, year, bulan):
    return [{"code": "tahun-mismatch", "file": "DPA 2024.xlsx", "sheet": None, "cell": None}], []


def p_missing_month(off, ov, rec, exp, subs, year, bulan):
    return [], ["(month 4 file missing; contract has no code: no error expected)"]


def p_dupkode(off, ov, rec, exp, subs, year, bulan):
    s = subs[2]
    rec["_dup"] = s["kode"]
    exp["totals_uncertain"] = True
    return [{"code": "duplicate-kode", "file": "DPA SKPD 2025 (export SIPD).xlsx", "sheet": "Sheet1",
             "rowkey": ("duprow",), "kode": s["kode"]}], []


def p_pagu_real(off, ov, rec, exp, subs, year, bulan):
    s = subs[1]
    ov[("real_ang", bulan, s["kode"])] = s["pagu"] + 1_000_000
    return [{"code": "pagu-mismatch", "file": f"LRA {BULAN[bulan - 1]} {year}.xlsx", "sheet": "Sheet1",
             "key": ("real_ang", bulan, s["kode"]), "kode": s["kode"]}], []


def p_missing_in_dpa(off, ov, rec, exp, subs, year, bulan):
    s = subs[1]
    ov[("real_kode", bulan, s["kode"])] = s["kode"][:-4] + "0020"
    exp["realisasi_uncertain"] = True
    return [{"code": "missing-in-dpa", "file": "Realisasi Kec Blora.xlsx", "sheet": "Realisasi",
             "key": ("real_kode", bulan, s["kode"]), "kode": s["kode"][:-4] + "0020"}], []


def p_kas_mismatch(off, ov, rec, exp, subs, year, bulan):
    s = subs[0]
    v = s["kas"][8]  # September
    ov[("kas", s["kode"], 9)] = v + 9_000_000
    return [{"code": "kas-mismatch", "file": "Anggaran Kas 2025.xlsx", "sheet": "Anggaran Kas",
             "rowkey": ("kasrow", s["kode"]), "kode": s["kode"]}], []


def p_predikat(off, ov, rec, exp, subs, year, bulan):
    ov[("iku", 1, "pred")] = "Sangat Kurang"
    return [{"code": "predikat-mismatch", "file": "Kinerja Kunduran.xlsx", "sheet": "IKU", "key": ("iku", 1, "pred")}], []


def p_formula_noval(off, ov, rec, exp, subs, year, bulan):
    ov[("total", "pagu")] = "=SUM(C9:C40)"
    return [{"code": "formula-without-value", "file": "DPA Kecamatan Jepon 2025.xlsx", "sheet": "DPA",
             "key": ("total", "pagu")}], []


def p_rek_subtotal(off, ov, rec, exp, subs, year, bulan):
    s = subs[0]
    ov[(("sub", s["kode"]), "pagu")] = s["pagu"] + 100_000
    return [{"code": "subtotal-mismatch", "file": "DPA Cepu 2024.xlsx", "sheet": "Rincian DPA",
             "key": (("sub", s["kode"]), "pagu"), "kode": s["kode"]}], []


def p_badnum_real(off, ov, rec, exp, subs, year, bulan):
    s = subs[1]
    v = s["own"][2]
    d = idnum(v)
    i = d.index("0") if "0" in d else 0
    ov[("real", 3, s["kode"], "own")] = d[:i] + "O" + d[i + 1:]
    exp["totals_uncertain"] = True
    return [{"code": "bad-number", "file": f"Realisasi_03_{year}.xlsx", "sheet": "Sheet1",
             "key": ("real", 3, s["kode"], "own"), "kode": s["kode"]}], []


def p_indprog_capaian(off, ov, rec, exp, subs, year, bulan):
    ov[("ip", 2, "c")] = 9.87
    return [{"code": "capaian-mismatch", "file": "IKU Kecamatan Cepu 2024.xlsx", "sheet": "Indikator Program",
             "key": ("ip", 2, "c")}], []


def p_kas_total(off, ov, rec, exp, subs, year, bulan):
    tot = sum(sum(s["kas"][3:6]) for s in subs)
    ov[("kastot", 2)] = tot + 1_000_000
    return [{"code": "total-mismatch", "file": "Anggaran Kas Banjarejo.xlsx", "sheet": "Anggaran Kas",
             "key": ("kastot", 2)}], []


def p_real_typo_digit(off, ov, rec, exp, subs, year, bulan):
    # cumulative month 7 typed with a digit dropped -> lower than month 6 -> realisasi-decreased (warning)
    s = subs[2]
    v = s["cum"][6]
    if v == s["cum"][5]:
        pass
    newv = int(str(v)[:-1]) if v > 1000 else v
    ov[("real", 7, s["kode"], "cum")] = newv
    return [], ["realisasi-decreased"]


def p_mistyped_real_sum(off, ov, rec, exp, subs, year, bulan):
    # realisasi amount mistyped in LRA month file: JUMLAH row keeps the right total -> total-mismatch
    s = subs[0]
    v = s["cum"][bulan - 1]
    ov[("real", bulan, s["kode"], "cum")] = v + 1_000_000
    ov[("jumlah_true",)] = True
    exp["realisasi"] += 1_000_000
    return [{"code": "total-mismatch", "file": f"LRA_{BULAN[bulan - 1]}_{year}.xlsx", "sheet": "Sheet1",
             "key": ("realtot", bulan, "cum"), "note": "JUMLAH cell; the mistyped line is " + s["kode"]}], []


PLAN = [
    # consistent
    ("c01_kec_jepon", "L01", None), ("c02_dinas_lh", "L02", None), ("c03_kec_cepu", "L03", None),
    ("c04_kec_randublatung", "L04", None), ("c05_kec_kunduran", "L05", None), ("c06_kec_todanan", "L06", None),
    ("c07_kec_ngawen", "L07", None), ("c08_kec_kedungtuban", "L08", None), ("c09_kec_jiken", "L09", None),
    ("c10_kec_banjarejo", "L10", None), ("c11_kec_tunjungan", "L11", None), ("c12_kec_blora", "L12", None),
    ("c13_kec_sambong", "L13", None), ("c14_kec_kradenan", "L14", None), ("c15_kec_japah", "L15", None),
    ("c16_kec_bogorejo", "L16", None), ("c17_kec_kedungtuban_kidul", "L17", None),
    ("c18_kec_kedungtuban_lor", "L18", None), ("c19_predikat_edges", "L19", None),
    ("c20_permendagri86_TR", "L20", None), ("c21_kec_cepu_timur", "L21", None),
    ("c22_kec_sambong_lor", "L22", None), ("c23_kec_sen", "L23", None), ("c24_kec_jati_sipd_info", "L24", None),
    # planted
    ("p01_subtotal_digit", "L01", (None, p_subtotal)),
    ("p02_total_jumlah", "L12", (None, p_total)),
    ("p03_badnum_dpa_O", "L02", (None, p_badnum_dpa)),
    ("p04_capaian_0945", "L01", (None, p_capaian_0945)),
    ("p05_over_budget", "L01", (None, p_overbudget)),
    ("p06_iku_vs_pk", "L05", (None, p_iku_pk)),
    ("p07_old_year_realisasi", "L01", ("old_year", p_oldyear_real)),
    ("p08_old_year_dpa", "L11", ("old_dpa", p_oldyear_dpa)),
    ("p09_missing_month", "L01", ("missing_month", p_missing_month)),
    ("p10_duplicate_kode", "L02", (None, p_dupkode)),
    ("p11_pagu_in_lra", "L08", (None, p_pagu_real)),
    ("p12_missing_in_dpa", "L12", (None, p_missing_in_dpa)),
    ("p13_kas_mismatch", "L02", (None, p_kas_mismatch)),
    ("p14_predikat", "L05", (None, p_predikat)),
    ("p15_formula_no_value", "L01", (None, p_formula_noval)),
    ("p16_rekening_subtotal", "L03", (None, p_rek_subtotal)),
    ("p17_badnum_realisasi", "L06", (None, p_badnum_real)),
    ("p18_indprog_capaian", "L03", (None, p_indprog_capaian)),
    ("p19_kas_total", "L10", (None, p_kas_total)),
    ("p20_lra_amount_typo", "L11", (None, p_mistyped_real_sum)),
    ("p23_capaian_pct_fraction", "L13", (None, p_pct_fraction)),
    ("p24_account_row_subtotal", "L14", (None, p_acct_subtotal)),
    ("p25_realisasi_on_cut_sub", "L15", (None, p_real_on_zero)),
    ("p26_copy_realisasi_edited", "L15", ("copy_edit", p_copy_edit_real)),
    ("p27_indicator_1_250", "L16", (None, p_ind_1250)),
    ("p28_kode_leading_zeros", "L08", (None, p_ownseg_number)),
    ("p29_pk_abbrev_mismatch", "L17", (None, p_pk_abbrev)),
    ("p30_bulan_ini_gap", "L06", ("gap", p_bi_gap)),
    ("p31_lra_rekening_subtotal", "L14", (None, p_lra_sub_digit)),
    ("p32_months_col_over_budget", "L09", (None, p_months_over)),
    ("p33_lra_kegiatan_digit", "L21", (None, p_lra_keg_digit)),
    ("p34_months_row_jumlah", "L22", (None, p_rowjml)),
    ("p35_kas_row_jumlah", "L08", (None, p_kas_rowjml)),
]


def copy_plants():
    """Copies with one file edited: 'IKU - Copy.xlsx' with one value changed."""
    out = []
    name = "p21_copy_iku_edited"
    folder, exp = make(OFFICES, name, "L03", None, EXPECTED)
    src = os.path.join(folder, "IKU Kecamatan Cepu 2024.xlsx")
    dst = os.path.join(folder, "IKU Kecamatan Cepu 2024 - Copy.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb["IKU"]
    # find first realisasi cell of the report year in the long layout (col I = Realisasi)
    hdr_row = None
    for row in ws.iter_rows(min_row=1, max_row=10):
        for c in row:
            if c.value == "Realisasi":
                hdr_row, rcol = c.row, c.column
    cell = ws.cell(hdr_row + 2, rcol)  # row of indicator 1, year 2024
    old = cell.value
    cell.value = "77,70"
    wb.save(dst)
    exp["errors"] = [{"code": "indikator-mismatch", "file": os.path.basename(dst), "sheet": "IKU",
                      "cell": cell.coordinate, "note": f"was {old}"}]
    with open(os.path.join(EXPECTED, name + ".json"), "w") as fh:
        json.dump(exp, fh, indent=1, default=str)
    out.append(name)
    name = "p22_copy_dpa_identical"
    folder, exp = make(OFFICES, name, "L09", None, EXPECTED)
    shutil.copy(os.path.join(folder, "Bahan LKjIP 2025.xlsx"), os.path.join(folder, "Bahan LKjIP 2025 - Copy.xlsx"))
    exp["warnings_expected"] = ["duplicate-file"]
    with open(os.path.join(EXPECTED, name + ".json"), "w") as fh:
        json.dump(exp, fh, indent=1, default=str)
    out.append(name)
    return out


def kabupaten():
    root = os.path.join(OFFICES, "kab_grobogan")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "lkjip.toml"), "w") as fh:
        fh.write('kabupaten = "Grobogan"\ntahun = 2025\n')
    sub_exp = os.path.join(EXPECTED, "kab_grobogan")
    res = {}
    for name, lay, plant in [("dinas_lh", "L02", None), ("kec_kunduran", "L05", None),
                             ("kec_todanan", "L06", None), ("kec_tunjungan_salah", "L11", (None, p_mistyped_real_sum))]:
        folder, exp = make(root, name, lay, plant, sub_exp)
        res[name] = exp
    # an office folder without any DPA: listed with its message, does not stop the others
    kos = os.path.join(root, "kec_tanpa_dpa")
    os.makedirs(kos, exist_ok=True)
    x = XL(os.path.join(kos, "IKU Kecamatan Tanpa DPA.xlsx"))
    write_iku(x, gen_inds(5, 2025), 2025, {"instansi": "Kecamatan Tanpa DPA"}, {}, {}, layout="cols", years=[2025])
    x.save()
    # L06 writes tahun in toml; others only instansi -> root toml supplies tahun 2025
    tot_p = sum(e["pagu"] for e in res.values())
    tot_r = sum(e["realisasi"] for e in res.values())
    kexp = {"kabupaten": "Grobogan", "tahun": 2025, "pagu": tot_p, "realisasi": tot_r,
            "exit": 1, "offices": sorted(list(res) + ["kec_tanpa_dpa"]), "unusable": ["kec_tanpa_dpa"]}
    with open(os.path.join(EXPECTED, "kab_grobogan.json"), "w") as fh:
        json.dump(kexp, fh, indent=1)


def main():
    if os.path.isdir(OFFICES):
        shutil.rmtree(OFFICES)
    if os.path.isdir(EXPECTED):
        shutil.rmtree(EXPECTED)
    os.makedirs(OFFICES)
    os.makedirs(EXPECTED)
    for name, lay, plant in PLAN:
        make(OFFICES, name, lay, plant, EXPECTED)
    copy_plants()
    kabupaten()
    print("written", len(os.listdir(EXPECTED)), "expected files to", EXPECTED)


if __name__ == "__main__":
    main()
