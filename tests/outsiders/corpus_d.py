#!/usr/bin/env python3
"""Corpus D generator for lkjip-xl outside testing (openpyxl + stdlib only).

python3 corpus_d.py  -> (re)writes OFFICES/<folder>/ and EXPECTED/<folder>.json

Written by a fourth tester from CONTRACT.md alone, without reading the code (session 3): 28
consistent offices (Kecamatan, Kelurahan, Dinas with two bidang urusan, RSUD/UPTD, Sekretariat
DPRD) and 61 copies with one planted mistake each. Kept as the tester wrote it;
tests/test_pipeline_outsiders.py runs it.
"""
import json
import os
import random
import shutil
from decimal import Decimal, ROUND_HALF_UP

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

OFFICES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "offices")
EXPECTED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected")
META = os.path.join(os.path.dirname(os.path.abspath(__file__)), "meta")  # extra notes (base office, incomplete, alternative cell)

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]


def r2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def idn(n):  # 1234567 -> "1.234.567"
    s = f"{abs(int(n)):,}".replace(",", ".")
    return ("-" if n < 0 else "") + s


def money(v, style):
    if style == "num":
        return int(v)
    if style == "id":
        return idn(v)
    if style == "rp":
        return f"Rp. {idn(v)},-"
    if style == "comma":
        return f"{int(v):,}"
    raise ValueError(style)


def dec_id(d):  # Decimal -> "90,45"
    return f"{d:.2f}".replace(".", ",")


def predikat(c, scale="default"):
    if scale == "permendagri86":
        if c >= 91: return "Sangat Tinggi"
        if c >= 76: return "Tinggi"
        if c >= 66: return "Sedang"
        if c >= 51: return "Rendah"
        return "Sangat Rendah"
    if c > 100: return "Sangat Baik"
    if c >= 85: return "Baik"
    if c >= 65: return "Cukup"
    if c >= 50: return "Kurang"
    return "Sangat Kurang"


def capaian(t, r, pol):
    t, r = Decimal(t), Decimal(r)
    if pol == "negatif":
        return r2((2 * t - r) / t * 100)
    return r2(r / t * 100)


# ---------------------------------------------------------------- sheet model
class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}
        self.fmt = {}
        self.merges = []
        self.row = 1

    def put(self, r, c, v, fmt=None):
        self.cells[(r, c)] = v
        if fmt:
            self.fmt[(r, c)] = fmt

    def line(self, values, start=1):
        r = self.row
        for i, v in enumerate(values):
            if v is not None:
                self.put(r, start + i, v)
        self.row += 1
        return r

    def merge(self, r1, c1, r2_, c2):
        self.merges.append((r1, c1, r2_, c2))


def addr(r, c):
    return f"{get_column_letter(c)}{r}"


def save(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for (r, c), v in sorted(sh.cells.items()):
            cell = ws.cell(row=r, column=c, value=v)
            if (r, c) in sh.fmt:
                cell.number_format = sh.fmt[(r, c)]
        for m in sh.merges:
            ws.merge_cells(start_row=m[0], start_column=m[1], end_row=m[2], end_column=m[3])
    wb.save(path)


# ---------------------------------------------------------------- office model
REK = [("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"),
       ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
       ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"),
       ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi"),
       ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
       ("5.2.02.05.01.0001", "Belanja Modal Meja Kerja Pegawai"),
       ("5.2.02.10.02.0003", "Belanja Modal Komputer Unit")]

KINDS = {
    "kec": [("7.01", [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                      ("02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"),
                      ("03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN"),
                      ("05", "PROGRAM PENYELENGGARAAN KETENTRAMAN DAN KETERTIBAN UMUM")])],
    "dinkes": [("1.02", [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                         ("02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT"),
                         ("03", "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN")]),
               ("2.14", [("02", "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)"),
                         ("03", "PROGRAM PEMBERDAYAAN DAN PENINGKATAN KELUARGA SEJAHTERA (KS)")])],
    "dprd": [("4.02", [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                       ("02", "PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD")])],
    "rsud": [("1.02", [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                       ("02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT")])],
    "dlh": [("2.11", [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                      ("03", "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP"),
                      ("09", "PROGRAM PENGELOLAAN PERSAMPAHAN")]),
            ("2.10", [("02", "PROGRAM PENGEMBANGAN PERUMAHAN")])],
}

KEG_NAMES = ["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
             "Administrasi Keuangan Perangkat Daerah", "Administrasi Umum Perangkat Daerah",
             "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
             "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
             "Koordinasi Penyelenggaraan Kegiatan Pemerintahan", "Pembinaan dan Pengawasan"]
SUB_NAMES = ["Penyusunan Dokumen Perencanaan Perangkat Daerah", "Penyediaan Gaji dan Tunjangan ASN",
             "Penyediaan Bahan Logistik Kantor", "Penyediaan Jasa Pelayanan Umum Kantor",
             "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
             "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
             "Evaluasi Kinerja Perangkat Daerah", "Fasilitasi Kegiatan Sosial Kemasyarakatan",
             "Pengadaan Peralatan dan Mesin Lainnya", "Koordinasi Kegiatan Pemberdayaan Desa"]

IND = [("Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat (IKM)", "Indeks", "positif"),
       ("Meningkatnya kualitas pelayanan publik", "Persentase layanan administrasi tepat waktu", "%", "positif"),
       ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP Perangkat Daerah", "Nilai", "positif"),
       ("Meningkatnya ketentraman dan ketertiban", "Persentase pelanggaran perda yang terselesaikan", "%", "positif"),
       ("Menurunnya permasalahan sosial", "Angka gangguan ketertiban per 1.000 penduduk", "Kasus", "negatif"),
       ("Meningkatnya akuntabilitas kinerja", "Persentase temuan BPK yang ditindaklanjuti", "%", "positif")]


def build_model(seed, kind, instansi, tahun, bulan, rek=False):
    rnd = random.Random(seed)
    progs = []
    for urb, plist in KINDS[kind]:
        for pc, pname in plist:
            prog = {"kode": f"{urb}.{pc}", "nama": pname, "keg": []}
            for k in range(rnd.randint(1, 2)):
                kk = f"{prog['kode']}.2.{k + 1:02d}"
                keg = {"kode": kk, "nama": rnd.choice(KEG_NAMES), "sub": []}
                for s in range(rnd.randint(1, 3)):
                    sk = f"{kk}.{rnd.randint(1, 3) + s * 3:04d}"
                    pagu = rnd.randint(20, 900) * 1_000_000 + rnd.randint(0, 99) * 10_000
                    sub = {"kode": sk, "nama": rnd.choice(SUB_NAMES), "pagu": pagu}
                    # rekening split
                    ks = sorted(rnd.sample(range(len(REK)), rnd.randint(2, 3)))
                    parts, left = [], pagu
                    for i, ki in enumerate(ks):
                        a = left if i == len(ks) - 1 else (pagu * rnd.randint(20, 40) // 100) // 1000 * 1000
                        parts.append((REK[ki][0], REK[ki][1], a))
                        left -= a
                    sub["rek"] = parts
                    # cumulative realisasi 1..12
                    f = Decimal(rnd.randint(55, 97)) / 100
                    cum, prev = [], 0
                    for m in range(1, 13):
                        v = int(pagu * f * m / 12) // 1000 * 1000
                        v = max(v, prev)
                        cum.append(v)
                        prev = v
                    sub["cum"] = cum
                    # kas monthly plan
                    w = [rnd.randint(5, 12) for _ in range(12)]
                    tw = sum(w)
                    kas = [pagu * x // tw // 1000 * 1000 for x in w]
                    kas[11] += pagu - sum(kas)
                    sub["kas"] = kas
                    keg["sub"].append(sub)
                prog["keg"].append(keg)
            progs.append(prog)
    inds = []
    for i, (sas, name, sat, pol) in enumerate(rnd.sample(IND, rnd.randint(3, 5))):
        t = Decimal(rnd.randint(60, 95))
        if pol == "negatif":
            t = Decimal(rnd.randint(4, 12))
            r = t - Decimal(rnd.randint(1, 3)) + Decimal(rnd.choice([0, 25, 50])) / 100
        else:
            r = t + Decimal(rnd.randint(-18, 12)) + Decimal(rnd.choice([0, 15, 45, 80])) / 100
        years = {}
        for y in (tahun - 2, tahun - 1, tahun):
            dt = Decimal(tahun - y) * 2 if pol == "positif" else -Decimal(tahun - y)
            yr = r - dt + Decimal(rnd.randint(-3, 3)) if pol == "positif" else r - dt
            years[y] = (t - dt, yr)
        inds.append({"sasaran": sas, "nama": name, "satuan": sat, "pol": pol, "years": years,
                     "renstra": {y: years.get(y, (t + (y - tahun), None))[0] if y <= tahun else
                                 (t + 2 * (y - tahun) if pol == "positif" else t - (y - tahun))
                                 for y in range(tahun - 2, tahun + 3)}})
    # make sure predikat not on a boundary
    for ind in inds:
        for y, (t, r) in list(ind["years"].items()):
            c = capaian(t, r, ind["pol"])
            if c in (Decimal(50), Decimal(65), Decimal(85), Decimal(100), Decimal(91), Decimal(76),
                     Decimal(66), Decimal(51)):
                ind["years"][y] = (t, r + Decimal("0.3"))
    return {"instansi": instansi, "tahun": tahun, "bulan": bulan, "progs": progs, "inds": inds,
            "kind": kind}


def subs(m):
    for p in m["progs"]:
        for k in p["keg"]:
            for s in k["sub"]:
                yield p, k, s


def sum_prog(p, key="pagu"):
    return sum(s[key] for k in p["keg"] for s in k["sub"])


def sum_keg(k, key="pagu"):
    return sum(s[key] for s in k["sub"])


def title(sh, lines):
    for t in lines:
        sh.line([t])
    sh.line([])


def signature(sh, place, jab, nama):
    sh.line([])
    sh.line([None, None, f"{place}, 2 Januari"])
    sh.line([None, None, jab])
    sh.line([])
    sh.line([None, None, nama])
    sh.line([None, None, "NIP. 19720315 199803 1 007"])


# ---------------------------------------------------------------- DPA writers
def dpa_hier(m, idx, style="num", fname=None, sheetname="DPA", mode="plain"):
    """Single Kode column with program/kegiatan subtotals. mode: plain | dppa | pm"""
    sh = Sheet(sheetname)
    title(sh, ["DOKUMEN PELAKSANAAN ANGGARAN" if mode != "dppa" else
               "DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA)",
               m["instansi"].upper(), f"TAHUN ANGGARAN {m['tahun']}"])
    if mode == "plain":
        sh.line(["Kode", "Uraian", "Jumlah Anggaran (Rp)"])
        sh.line(["(1)", "(2)", "(3)"])
        cols = 1
    elif mode == "dppa":
        r = sh.line(["Kode", "Program/Kegiatan/Sub Kegiatan", "Jumlah (Rp)"])
        sh.merge(r, 1, r + 1, 1); sh.merge(r, 2, r + 1, 2); sh.merge(r, 3, r, 5)
        sh.line([None, None, "Sebelum Pergeseran", "Setelah Pergeseran", "Bertambah/(Berkurang)"])
        sh.line([1, 2, 3, 4, 5])
        cols = 3
    else:  # pm
        r = sh.line(["Kode", "Nomenklatur", f"Anggaran (Rp)"])
        sh.merge(r, 1, r + 1, 1); sh.merge(r, 2, r + 1, 2); sh.merge(r, 3, r, 4)
        sh.line([None, None, f"Tahun {m['tahun']}", f"Prakiraan Maju {m['tahun'] + 1}"])
        cols = 2

    def vals(p, pm=None):  # p = pagu after
        if mode == "plain":
            return [money(p, style)]
        if mode == "dppa":
            before = p - (p // 1000 % 7 - 3) * 1_000_000 if p > 10_000_000 else p
            return [money(before, style), money(p, style), money(p - before, style)]
        return [money(p, style), money(pm, style)]

    def cells(p_pagu_key_obj, level):
        return vals(p_pagu_key_obj)

    for p in m["progs"]:
        pmv = lambda s: s["pagu"] * 105 // 100 // 1000 * 1000
        r = sh.line([p["kode"], p["nama"]] + vals(sum_prog(p), sum(pmv(s) for k in p["keg"] for s in k["sub"])))
        idx[("dpa_prog", p["kode"])] = (fname, sh.name, addr(r, 3 if mode != "dppa" else 4))
        for k in p["keg"]:
            r = sh.line([k["kode"], k["nama"]] + vals(sum_keg(k), sum(pmv(s) for s in k["sub"])))
            idx[("dpa_keg", k["kode"])] = (fname, sh.name, addr(r, 3 if mode != "dppa" else 4))
            for s in k["sub"]:
                r = sh.line([s["kode"], s["nama"]] + vals(s["pagu"], pmv(s)))
                idx[("dpa_sub", s["kode"])] = (fname, sh.name, addr(r, 3 if mode != "dppa" else 4))
                idx[("dpa_subrow", s["kode"])] = (sh, r)
    tot = sum(s["pagu"] for _, _, s in subs(m))
    r = sh.line(["JUMLAH", None] + vals(tot, sum(s["pagu"] * 105 // 100 // 1000 * 1000 for _, _, s in subs(m))))
    sh.merge(r, 1, r, 2)
    idx[("dpa_total",)] = (fname, sh.name, addr(r, 3 if mode != "dppa" else 4))
    signature(sh, "Blora", "Kepala " if False else "Pengguna Anggaran", "Drs. SUPRIYANTO, M.Si")
    return sh


def dpa_sipd(m, idx, fname, full=False, akun=False, sheetname="Rincian DPA"):
    """SIPD flattened: split code columns, rekening lines under sub kegiatan rows."""
    sh = Sheet(sheetname)
    title(sh, ["RINCIAN DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH",
               f"Pemerintah Kabupaten Blora Tahun Anggaran {m['tahun']}", m["instansi"]])
    sh.line(["Kode Urusan", "Kode Bidang Urusan", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
             "Kode Rekening", "Uraian", "Nilai (Rp)"])
    sh.line(["1", "2", "3", "4", "5", "6", "7", "8"])
    for p, k, s in subs(m):
        seg = s["kode"].split(".")
        if full:
            codes = [seg[0], ".".join(seg[:2]), ".".join(seg[:3]), ".".join(seg[:5]), s["kode"]]
        else:
            codes = [seg[0], seg[1], seg[2], f"{seg[3]}.{seg[4]}", seg[5]]
        r = sh.line(codes + [None, s["nama"], s["pagu"]])
        idx[("dpa_sub", s["kode"])] = (fname, sh.name, addr(r, 8))
        idx[("dpa_subkode", s["kode"])] = (fname, sh.name, addr(r, 5))
        idx[("dpa_subrow", s["kode"])] = (sh, r)
        if akun:
            groups = {}
            for rk, nm, a in s["rek"]:
                for pre in ("5", rk[:3], rk[:6]):
                    groups[pre] = groups.get(pre, 0) + a
            names = {"5": "BELANJA DAERAH", "5.1": "BELANJA OPERASI", "5.2": "BELANJA MODAL",
                     "5.1.01": "Belanja Pegawai", "5.1.02": "Belanja Barang dan Jasa",
                     "5.2.02": "Belanja Modal Peralatan dan Mesin"}
        done = set()
        for rk, nm, a in s["rek"]:
            if akun:
                for pre in ("5", rk[:3], rk[:6]):
                    if pre not in done:
                        done.add(pre)
                        rr = sh.line(codes + [pre, names[pre], groups[pre]])
                        idx[("akun", s["kode"], pre)] = (fname, sh.name, addr(rr, 8))
            rr = sh.line(codes + [rk, nm, a])
            idx.setdefault(("rek", s["kode"]), []).append((fname, sh.name, addr(rr, 8)))
    tot = sum(s["pagu"] for _, _, s in subs(m))
    r = sh.line([None, None, None, None, None, None, "JUMLAH TOTAL", tot])
    idx[("dpa_total",)] = (fname, sh.name, addr(r, 8))
    signature(sh, "Blora", "Kepala SKPD", "dr. ENDAH PURWANINGSIH")
    return sh


# ---------------------------------------------------------------- realisasi writers
def real_monthly(m, idx, files, style="num", lo=1):
    """One cumulative file per month with Anggaran/Sisa columns."""
    for mo in range(lo, m["bulan"] + 1):
        fname = f"Realisasi {m['tahun']}-{mo:02d}.xlsx"
        sh = Sheet("Realisasi")
        title(sh, ["LAPORAN REALISASI ANGGARAN", m["instansi"],
                   f"s.d. Bulan {BULAN[mo - 1]} {m['tahun']}"])
        sh.line(["Kode", "Uraian", "Anggaran", "Realisasi s.d. Bulan Ini", "Sisa Anggaran", "%"])
        for p, k, s in subs(m):
            v = s["cum"][mo - 1]
            r = sh.line([s["kode"], s["nama"], money(s["pagu"], style), money(v, style),
                         money(s["pagu"] - v, style), float(r2(Decimal(v) / s["pagu"] * 100))])
            idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 4))
            idx[("real_ang", s["kode"], mo)] = (fname, sh.name, addr(r, 3))
            idx[("real_uraian", s["kode"], mo)] = (fname, sh.name, addr(r, 2))
            idx[("realrow", mo)] = (sh, r)
        tp = sum(s["pagu"] for _, _, s in subs(m))
        tr = sum(s["cum"][mo - 1] for _, _, s in subs(m))
        r = sh.line(["JUMLAH", None, money(tp, style), money(tr, style), money(tp - tr, style),
                     float(r2(Decimal(tr) / tp * 100))])
        idx[("real_total", mo)] = (fname, sh.name, addr(r, 4))
        idx[("real_sheet", mo)] = sh
        files[fname] = [sh]


def real_bulan_ini(m, idx, files):
    """One file per month, Realisasi Bulan Ini only (summed)."""
    for mo in range(1, m["bulan"] + 1):
        fname = f"Realisasi_{mo:02d}_{BULAN[mo - 1]}.xlsx"
        sh = Sheet("LRA")
        title(sh, ["REALISASI BELANJA", m["instansi"], f"Bulan {BULAN[mo - 1]} Tahun {m['tahun']}"])
        sh.line(["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Realisasi Bulan Ini (Rp)"])
        for p, k, s in subs(m):
            v = s["cum"][mo - 1] - (s["cum"][mo - 2] if mo > 1 else 0)
            r = sh.line([s["kode"], s["nama"], v])
            idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 3))
        files[fname] = [sh]


def real_long(m, idx, files):
    """One sheet, Bulan merged down, cumulative."""
    fname = f"Realisasi Keuangan {m['tahun']}.xlsx"
    sh = Sheet("Realisasi")
    title(sh, ["REKAPITULASI REALISASI KEUANGAN", m["instansi"], f"Tahun Anggaran {m['tahun']}"])
    sh.line(["Bulan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Realisasi Kumulatif (Rp)"])
    ss = list(subs(m))
    for mo in range(1, m["bulan"] + 1):
        start = sh.row
        for i, (p, k, s) in enumerate([x for x in ss if not x[2].get("skip_real")]):
            r = sh.line([BULAN[mo - 1] if i == 0 else None, s["kode"], s["nama"], s["cum"][mo - 1]])
            idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 4))
        sh.merge(start, 1, sh.row - 1, 1)
    sh.line([])
    sh.line(["Catatan: data diambil dari SIPD per tanggal 5 bulan berikutnya."])
    files[fname] = [sh]


def real_cols(m, idx, files):
    """Months as columns (each month's own amount) with a Jumlah column."""
    fname = f"LRA Per Bulan {m['tahun']}.xlsx"
    sh = Sheet("LRA")
    title(sh, ["LAPORAN REALISASI ANGGARAN PER BULAN", m["instansi"],
               f"s.d. Bulan {BULAN[m['bulan'] - 1]} {m['tahun']}"])
    sh.line(["Kode", "Uraian", "Pagu"] + BULAN + ["Jumlah"])
    tot = [0] * 12
    for p, k, s in subs(m):
        mon = [s["cum"][i] - (s["cum"][i - 1] if i else 0) if i < m["bulan"] else None for i in range(12)]
        r = sh.line([s["kode"], s["nama"], s["pagu"]] + mon + [s["cum"][m["bulan"] - 1]])
        for i in range(m["bulan"]):
            tot[i] += mon[i]
            idx[("realcol", s["kode"], i + 1)] = (fname, sh.name, addr(r, 4 + i))
        idx[("real", s["kode"], m["bulan"])] = (fname, sh.name, addr(r, 16))
        idx[("real_ang", s["kode"], m["bulan"])] = (fname, sh.name, addr(r, 3))
    tp = sum(s["pagu"] for _, _, s in subs(m))
    r = sh.line(["TOTAL", None, tp] + [tot[i] if i < m["bulan"] else None for i in range(12)] + [sum(tot)])
    sh.merge(r, 1, r, 2)
    idx[("real_total", m["bulan"])] = (fname, sh.name, addr(r, 16))
    files[fname] = [sh]


def real_twohdr(m, idx, files):
    """Single file, 'Realisasi' over 'Bulan Ini | s.d. Bulan Ini', program/kegiatan subtotal rows."""
    mo = m["bulan"]
    fname = f"Laporan Realisasi {BULAN[mo - 1]} {m['tahun']}.xlsx"
    sh = Sheet("Realisasi")
    title(sh, ["LAPORAN REALISASI FISIK DAN KEUANGAN", m["instansi"],
               f"Keadaan s.d. Bulan {BULAN[mo - 1]} {m['tahun']}"])
    r = sh.line(["Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu (Rp)", "Realisasi", None,
                 "Realisasi Fisik (%)"])
    for c in (1, 2, 3, 6):
        sh.merge(r, c, r + 1, c)
    sh.merge(r, 4, r, 5)
    sh.line([None, None, None, "Bulan Ini", "s.d. Bulan Ini"])

    def bi(s):
        return s["cum"][mo - 1] - (s["cum"][mo - 2] if mo > 1 else 0)
    for p in m["progs"]:
        r = sh.line([p["kode"], p["nama"], sum_prog(p), sum(bi(s) for k in p["keg"] for s in k["sub"]),
                     sum(s["cum"][mo - 1] for k in p["keg"] for s in k["sub"])])
        idx[("real_prog", p["kode"])] = (fname, sh.name, addr(r, 5))
        for k in p["keg"]:
            r = sh.line([k["kode"], k["nama"], sum_keg(k), sum(bi(s) for s in k["sub"]),
                         sum(s["cum"][mo - 1] for s in k["sub"])])
            for s in k["sub"]:
                fis = float(r2(Decimal(s["cum"][mo - 1]) / s["pagu"] * 100 + 3))
                r = sh.line([s["kode"], s["nama"], s["pagu"], bi(s), s["cum"][mo - 1], fis])
                idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 5))
                idx[("real_ang", s["kode"], mo)] = (fname, sh.name, addr(r, 3))
    tp = sum(s["pagu"] for _, _, s in subs(m))
    r = sh.line(["JUMLAH", None, tp, sum(bi(s) for _, _, s in subs(m)),
                 sum(s["cum"][mo - 1] for _, _, s in subs(m))])
    sh.merge(r, 1, r, 2)
    idx[("real_total", mo)] = (fname, sh.name, addr(r, 5))
    signature(sh, "Blora", "PPK SKPD", "SRI WAHYUNI, S.E.")
    files[fname] = [sh]


# ---------------------------------------------------------------- indicator writers
def cap_cell(c, style):
    if style == "num":
        return (float(c), None)
    if style == "text":
        return (dec_id(c) + " %", None)
    if style == "pct":
        return (float(c / 100), "0.00%")
    raise ValueError(style)


def ind_value(v, style):
    if style == "text":
        return dec_id(Decimal(v))
    return float(v)


def iku_simple(m, idx, fname, sheetname="IKU", capstyle="num", scale="default", polcol=True):
    sh = Sheet(sheetname)
    y = m["tahun"]
    title(sh, [f"INDIKATOR KINERJA UTAMA (IKU) TAHUN {y}", m["instansi"].upper()])
    hdr = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan"] + (["Polaritas"] if polcol else []) + \
          ["Target", "Realisasi", "Capaian (%)", "Predikat"]
    sh.line(hdr)
    off = 1 if polcol else 0
    last_sas, start = None, None
    for i, ind in enumerate(m["inds"]):
        t, r = ind["years"][y]
        c = capaian(t, r, ind["pol"])
        cv, cf = cap_cell(ind.get("stated", c), capstyle)
        vs = "text" if capstyle == "text" else "num"
        row = [i + 1, ind["sasaran"], ind["nama"], ind["satuan"]] + \
              ([ind["pol"]] if polcol else []) + \
              [ind_value(t, vs), ind_value(r, vs), cv, predikat(c, scale)]
        rr = sh.row
        if ind["sasaran"] == last_sas:
            row[1] = None
        else:
            if start is not None and rr - 1 > start:
                sh.merge(start, 2, rr - 1, 2)
            start = rr
        last_sas = ind["sasaran"]
        sh.line(row)
        if cf:
            sh.fmt[(rr, 7 + off)] = cf
        idx[("iku_cap", i)] = (fname, sh.name, addr(rr, 7 + off))
        idx[("iku_pred", i)] = (fname, sh.name, addr(rr, 8 + off))
        idx[("iku_t", i)] = (fname, sh.name, addr(rr, 5 + off))
        idx[("iku_r", i)] = (fname, sh.name, addr(rr, 6 + off))
        idx[("iku_sheet",)] = sh
    if start is not None and sh.row - 1 > start:
        sh.merge(start, 2, sh.row - 1, 2)
    sh.line([])
    sh.line(["Keterangan: capaian polaritas negatif = (2 x Target - Realisasi) / Target x 100"])
    return sh


def iku_multi(m, idx, fname, sheetname="IKU"):
    sh = Sheet(sheetname)
    y = m["tahun"]
    years = [y - 2, y - 1, y]
    title(sh, ["CAPAIAN INDIKATOR KINERJA UTAMA", m["instansi"]])
    r = sh.line(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas"])
    for c in range(1, 6):
        sh.merge(r, c, r + 1, c)
    for j, yy in enumerate(years):
        sh.put(r, 6 + 3 * j, str(yy))
        sh.merge(r, 6 + 3 * j, r, 8 + 3 * j)
        sh.put(r + 1, 6 + 3 * j, "Target"); sh.put(r + 1, 7 + 3 * j, "Realisasi")
        sh.put(r + 1, 8 + 3 * j, "Capaian %")
    sh.row += 1
    for i, ind in enumerate(m["inds"]):
        row = [i + 1, ind["sasaran"], ind["nama"], ind["satuan"], ind["pol"]]
        for yy in years:
            t, rv = ind["years"][yy]
            row += [float(t), float(rv), float(capaian(t, rv, ind["pol"]))]
        rr = sh.line(row)
        for j, yy in enumerate(years):
            idx[("iku_cap_y", i, yy)] = (fname, sh.name, addr(rr, 8 + 3 * j))
        idx[("iku_cap", i)] = (fname, sh.name, addr(rr, 8 + 3 * 2))
        idx[("iku_t", i)] = (fname, sh.name, addr(rr, 6 + 3 * 2))
        idx[("iku_r", i)] = (fname, sh.name, addr(rr, 7 + 3 * 2))
    return sh


def pk_sheet(m, idx, fname, sheetname="PK"):
    sh = Sheet(sheetname)
    y = m["tahun"]
    title(sh, [f"PERJANJIAN KINERJA TAHUN {y}", m["instansi"]])
    sh.line(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi"])
    for i, ind in enumerate(m["inds"]):
        t, r = ind["years"][y]
        rr = sh.line([i + 1, ind["sasaran"], ind["nama"], ind["satuan"], float(t), float(r)])
        idx[("pk_t", i)] = (fname, sh.name, addr(rr, 5))
        idx[("pk_r", i)] = (fname, sh.name, addr(rr, 6))
    return sh


def renstra_sheet(m, idx, fname, sheetname="Renstra"):
    sh = Sheet(sheetname)
    y = m["tahun"]
    ys = list(range(y - 2, y + 3))
    title(sh, [f"TARGET RENSTRA {ys[0]}-{ys[-1]}", m["instansi"]])
    sh.line(["No", "Sasaran", "Indikator Kinerja", "Satuan"] + [f"Target {yy}" for yy in ys])
    for i, ind in enumerate(m["inds"]):
        rr = sh.line([i + 1, ind["sasaran"], ind["nama"], ind["satuan"]] +
                     [float(ind["years"][yy][0]) if yy in ind["years"] else float(ind["renstra"][yy])
                      for yy in ys])
        idx[("ren_t", i)] = (fname, sh.name, addr(rr, 5 + ys.index(y)))
    return sh


# ---------------------------------------------------------------- anggaran kas
def kas_sheet(m, idx, fname, quarterly=False):
    sh = Sheet("Anggaran Kas")
    title(sh, ["ANGGARAN KAS SATUAN KERJA PERANGKAT DAERAH", m["instansi"],
               f"Tahun Anggaran {m['tahun']}"])
    cols = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] if quarterly else BULAN
    sh.line(["Kode", "Uraian"] + cols + ["Jumlah"])
    for p, k, s in subs(m):
        vals = [sum(s["kas"][3 * q:3 * q + 3]) for q in range(4)] if quarterly else list(s["kas"])
        r = sh.line([s["kode"], s["nama"]] + vals + [sum(vals)])
        idx[("kas", s["kode"])] = (fname, sh.name, addr(r, 3 + len(cols)))
        idx[("kas_m1", s["kode"])] = (fname, sh.name, addr(r, 3))
        idx[("kasrow", s["kode"])] = (sh, r)
    return sh


def kas_plan(m, quarterly):
    tot = 0
    for _, _, s in subs(m):
        if quarterly:
            for q in range(4):
                qv = sum(s["kas"][3 * q:3 * q + 3])
                for j in range(3):
                    mo = 3 * q + j + 1
                    if mo <= m["bulan"]:
                        tot += qv // 3 if j < 2 else qv - 2 * (qv // 3)
        else:
            tot += sum(s["kas"][:m["bulan"]])
    return tot


# ---------------------------------------------------------------- offices
def ind_prog_sheet(m, idx, fname):
    sh = Sheet("Indikator Program")
    sh.line(["Kode", "Program", "Indikator Program", "Target", "Realisasi", "Capaian %", "Sasaran"])
    sas = sorted({i["sasaran"] for i in m["inds"]})
    for j, p in enumerate(m["progs"]):
        t, r = Decimal(100), Decimal(90 + j)
        sh.line([p["kode"], p["nama"], f"Persentase capaian {p['nama'].lower()[8:40]}", float(t), float(r),
                 float(capaian(t, r, "positif")), sas[j % len(sas)]])
    return sh


CONFIGS = [
    # folder, seed, kind, instansi, tahun, bulan, dpa, real, iku, kas, extras
    ("d01", 11, "kec", "Kecamatan Jepon", 2025, 6, "hier", "monthly", "simple", "month", {}),
    ("d02", 12, "dinkes", "Dinas Kesehatan", 2025, 9, "sipd_akun", "cols", "multi_renstra", None, {"indprog": True}),
    ("d03", 13, "kec", "Kelurahan Karangjati", 2025, 5, "dppa", "long", "simple_text", "quarter", {}),
    ("d04", 14, "rsud", "UPTD Puskesmas Todanan", 2025, 9, "pm", "twohdr", "iku_pk", None, {}),
    ("d05", 15, "dprd", "Sekretariat DPRD", 2025, 4, "hier_rp", "bulanini", "simple", "month",
     {"toml": True, "scale": "permendagri86"}),
    ("d06", 16, "rsud", "RSUD dr. R. Soetijono", 2025, 12, "sipd_full", "monthly", "iku_pk_renstra", "month", {}),
    ("d07", 17, "dlh", "Dinas Lingkungan Hidup", 2025, 12, "rekap_rinci", "cols", "multi", None, {}),
    ("d08", 18, "kec", "Kecamatan Randublatung", 2025, 3, "dppa", "monthly", "simple_pct", "quarter", {}),
    ("d09", 19, "kec", "Kecamatan Cepu", 2024, 8, "hier_id", "long", "simple", "month", {}),
    ("d10", 20, "dinkes", "Dinas Kesehatan Kabupaten", 2025, 6, "sipd_full", "twohdr", "simple_text", "quarter", {}),
    ("d11", 21, "dprd", "Sekretariat DPRD Kabupaten", 2025, 10, "pm", "monthly", "iku_pk", "month", {}),
    ("d12", 22, "dlh", "Dinas Lingkungan Hidup dan Kebersihan", 2025, 7, "sipd_akun", "bulanini", "simple", None, {}),
    ("d13", 23, "kec", "Kelurahan Mlangsen", 2025, 11, "hier", "cols", "simple_nopol_pk", "month", {}),
    ("d14", 24, "rsud", "RSUD Cepu", 2025, 2, "dppa", "twohdr", "multi_renstra", "month", {}),
    ("d15", 25, "kec", "Kecamatan Kunduran", 2025, 6, "rekap_rinci", "monthly", "simple", "quarter",
     {"toml": True}),
    ("d16", 26, "dinkes", "Dinas Kesehatan PPKB", 2025, 12, "hier_rp", "long", "simple_pct", None, {"indprog": True}),
]


def make_office(cfg, plant=None):
    folder, seed, kind, inst, tahun, bulan, dpa, real, iku, kas, extras = cfg
    m = build_model(seed, kind, inst, tahun, bulan)
    if plant and plant.get("model"):
        plant["model"](m)
    idx, files = {}, {}
    dpa_f = f"DPA {inst} {tahun}.xlsx"
    if dpa == "hier":
        files[dpa_f] = [dpa_hier(m, idx, "num", dpa_f)]
    elif dpa == "hier_rp":
        files[dpa_f] = [dpa_hier(m, idx, "rp", dpa_f)]
    elif dpa == "hier_id":
        files[dpa_f] = [dpa_hier(m, idx, "id", dpa_f)]
    elif dpa == "dppa":
        dpa_f = f"DPPA {inst} {tahun}.xlsx"
        files[dpa_f] = [dpa_hier(m, idx, "num", dpa_f, "DPPA", "dppa")]
    elif dpa == "pm":
        files[dpa_f] = [dpa_hier(m, idx, "num", dpa_f, "DPA", "pm")]
    elif dpa == "sipd_akun":
        files[dpa_f] = [dpa_sipd(m, idx, dpa_f, full=False, akun=True)]
    elif dpa == "sipd_full":
        files[dpa_f] = [dpa_sipd(m, idx, dpa_f, full=True, akun=False)]
    elif dpa == "sipd_pm":
        files[dpa_f] = [dpa_sipd_pm(m, idx, dpa_f)]
    elif dpa == "onecol_rek":
        files[dpa_f] = [dpa_onecol_rek(m, idx, dpa_f)]
    elif dpa == "alias":
        dpa_f = f"Pagu {inst} {tahun}.xlsx"
        files[dpa_f] = dpa_alias(m, idx, dpa_f)
    elif dpa == "yeargroup":
        files[dpa_f] = [dpa_yeargroup(m, idx, dpa_f)]
    elif dpa == "mergedkode":
        files[dpa_f] = [dpa_mergedkode(m, idx, dpa_f)]
    elif dpa == "hier_comma":
        files[dpa_f] = [dpa_hier(m, idx, "comma", dpa_f)]
    elif dpa == "rekap_rinci":
        idx2 = {}
        a = dpa_hier(m, idx2, "num", dpa_f, "Rekap DPA")
        b = dpa_sipd(m, idx, dpa_f, full=True, akun=False, sheetname="Rincian DPA")
        for k, v in idx2.items():
            idx.setdefault(("rekap",) + k, v)
        files[dpa_f] = [a, b]
    {"monthly": real_monthly, "bulanini": real_bulan_ini, "long": real_long, "cols": real_cols,
     "twohdr": real_twohdr, "plain_sisa": real_plain_sisa, "csv": real_csv, "long_num": real_long_num, "sheets_month": real_sheets_per_month, "keu_fisik": real_keu_fisik}[real](m, idx, files)
    iku_f = f"IKU {inst} {tahun}.xlsx"
    scale = extras.get("scale", "default")
    if iku == "simple":
        sheets = [iku_simple(m, idx, iku_f, scale=scale)]
    elif iku == "simple_text":
        sheets = [iku_simple(m, idx, iku_f, capstyle="text")]
    elif iku == "simple_pct":
        sheets = [iku_simple(m, idx, iku_f, capstyle="pct")]
    elif iku == "multi":
        sheets = [iku_multi(m, idx, iku_f)]
    elif iku == "multi_renstra":
        sheets = [iku_multi(m, idx, iku_f), renstra_sheet(m, idx, iku_f)]
    elif iku == "iku_pk":
        sheets = [iku_simple(m, idx, iku_f), pk_sheet(m, idx, iku_f)]
    elif iku == "iku_pk_renstra":
        sheets = [iku_simple(m, idx, iku_f), pk_sheet(m, idx, iku_f), renstra_sheet(m, idx, iku_f)]
    elif iku == "quirky":
        sheets = [iku_quirky(m, idx, iku_f)]
    elif iku == "renstra_abbr":
        sheets = [iku_simple(m, idx, iku_f), renstra_abbr(m, idx, iku_f)]
    elif iku == "yearcols":
        sheets = [iku_yearcols(m, idx, iku_f)]
    elif iku == "long":
        sheets = [iku_long(m, idx, iku_f)]
    elif iku == "long_tr":
        sheets = [iku_long(m, idx, iku_f, "T/R")]
    elif iku == "simple_nopol_pk":
        sheets = [iku_simple(m, idx, iku_f), pk_sheet(m, idx, iku_f, "PK 2025")]
    if extras.get("indprog"):
        sheets.append(ind_prog_sheet(m, idx, iku_f))
    files[iku_f] = sheets
    if kas in ("month", "quarter"):
        kf = f"Anggaran Kas {inst} {tahun}.xlsx"
        files[kf] = [kas_sheet(m, idx, kf, quarterly=(kas == "quarter"))]
    elif kas == "hier":
        kf = f"AKB {inst} {tahun}.xlsx"
        files[kf] = [kas_hier(m, idx, kf)]
    elif kas:
        kf = f"Rencana Penarikan Dana {tahun}.xlsx"
        files[kf] = [kas_rek(m, idx, kf, tw=(kas == "rek_tw"))]
    if extras.get("renja"):
        rf = f"Renja {inst} {tahun}.xlsx"
        files[rf] = [renja_sheet(m, idx, rf)]
    toml = None
    if extras.get("toml"):
        toml = f'instansi = "{inst}"\nkabupaten = "Blora"\ntahun = {tahun}\n'
        if scale != "default":
            toml += f'predikat = "{scale}"\n'
        if extras.get("negf"):
            toml += f'negative_formula = "{extras["negf"]}"\n'
        toml += extras.get("toml_extra", "")
    pagu = sum(s["pagu"] for _, _, s in subs(m))
    realisasi = sum(s["cum"][bulan - 1] for _, _, s in subs(m) if not s.get("skip_real"))
    if real == "long_num":
        realisasi = str(Decimal(realisasi) + Decimal("0.50"))
    exp = {"tahun": tahun, "pagu": pagu, "realisasi": realisasi, "bulan": bulan, "errors": []}
    if kas:
        ren = kas_plan(m, kas in ("quarter", "rek_tw"))
        dev = r2(Decimal(realisasi) / pagu * 100) - r2(Decimal(ren) / pagu * 100)
        exp["rfk"] = {"bulan": bulan, "rencana": ren, "realisasi": realisasi, "deviasi": f"{dev:.2f}"}
    return m, idx, files, toml, exp


def write_office(folder, files, toml, exp, extra_copy=None, junk=False):
    path = os.path.join(OFFICES, folder)
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    for fname, sheets in files.items():
        if fname.endswith(".csv"):
            with open(os.path.join(path, fname), "w", encoding="utf-8", newline="") as f:
                f.write("\r\n".join(sheets) + "\r\n")
        else:
            save(os.path.join(path, fname), sheets)
    if junk:
        with open(os.path.join(path, "~$" + sorted(files)[0]), "wb") as f:
            f.write(b"\x00lock" * 30)
        os.makedirs(os.path.join(path, "hasil"))
        with open(os.path.join(path, "hasil", "LKjIP-lama.xlsx"), "wb") as f:
            f.write(b"not an excel file")
    if toml:
        with open(os.path.join(path, "lkjip.toml"), "w") as f:
            f.write(toml)
    if extra_copy:
        src, dst = extra_copy
        shutil.copyfile(os.path.join(path, src), os.path.join(path, dst))
    meta = {k: exp.pop(k) for k in list(exp) if k not in ("tahun", "pagu", "realisasi", "bulan", "errors", "rfk")}
    with open(os.path.join(EXPECTED, folder + ".json"), "w") as f:
        json.dump(exp, f, indent=1, ensure_ascii=False)
    os.makedirs(META, exist_ok=True)
    with open(os.path.join(META, folder + ".json"), "w") as f:
        json.dump(meta, f, indent=1, ensure_ascii=False)


def cfg_of(name):
    return [c for c in CONFIGS if c[0] == name][0]


def first_sub(m, n=0):
    return list(subs(m))[n][2]


# ---------------------------------------------------------------- planted copies
def err(code, loc):
    f, s, c = loc
    return {"code": code, "file": f, "sheet": s, "cell": c}


def setcell(files, loc, value, fmt=None):
    f, s, c = loc
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
    col, row = coordinate_from_string(c)
    for sh in files[f]:
        if sh.name == s:
            sh.put(row, column_index_from_string(col), value, fmt)
            return
    raise KeyError(loc)


def P(name, base, fn):
    return (name, base, fn)


def plant_subtotal_keg(m, idx, files, exp):
    k = m["progs"][0]["keg"][0]
    loc = idx[("dpa_keg", k["kode"])]
    setcell(files, loc, sum_keg(k) + 10_000_000)
    exp["errors"].append(err("subtotal-mismatch", loc))


def plant_subtotal_prog(m, idx, files, exp):
    p = m["progs"][1]
    loc = idx[("dpa_prog", p["kode"])]
    setcell(files, loc, sum_prog(p) - 1_000_000)
    exp["errors"].append(err("subtotal-mismatch", loc))


def plant_total_dpa(m, idx, files, exp):
    loc = idx[("dpa_total",)]
    setcell(files, loc, exp["pagu"] + 100_000)
    exp["errors"].append(err("total-mismatch", loc))


def plant_total_real(m, idx, files, exp):
    loc = idx[("real_total", m["bulan"])]
    setcell(files, loc, exp["realisasi"] - 1_250_000)
    exp["errors"].append(err("total-mismatch", loc))


def mk_over_budget(rekfile_style):
    def model(m):
        s = first_sub(m, 1)
        s["cum"][m["bulan"] - 1] = s["pagu"] + 2_500_000
        for i in range(m["bulan"], 12):
            s["cum"][i] = s["cum"][m["bulan"] - 1]
    return model


def plant_over_budget_after(m, idx, files, exp):
    s = first_sub(m, 1)
    exp["errors"].append(err("over-budget", idx[("real", s["kode"], m["bulan"])]))


def plant_kas(m, idx, files, exp):
    s = first_sub(m, 2)
    exp["errors"].append(err("kas-mismatch", idx[("kas", s["kode"])]))
    exp["_cell_alt"] = idx[("kas_m1", s["kode"])][2]



def adj_monthly(idx, m, files, mo, kode, col, delta):
    from openpyxl.utils.cell import coordinate_from_string
    f, sn, c = idx[("real", kode, mo)]
    row = coordinate_from_string(c)[1]
    trow = coordinate_from_string(idx[("real_total", mo)][2])[1]
    sh = idx[("real_sheet", mo)]
    sisa = -delta if col == 4 else delta
    for r in (row, trow):
        sh.cells[(r, col)] += delta
        sh.cells[(r, 5)] += sisa


def plant_kas_model(m):
    first_sub(m, 2)["kas"][0] += 5_000_000


def plant_capaian_typo(m, idx, files, exp):
    # 90,45 typed as 09,45: pick an indicator and make its realisasi so that capaian is x, typo text
    i = 0
    loc = idx[("iku_cap", i)]
    t, r = m["inds"][i]["years"][m["tahun"]]
    c = capaian(t, r, m["inds"][i]["pol"])
    s = dec_id(c)
    typo = "0" + s[0] + s[2:] if len(s.split(",")[0]) == 2 else "1" + s
    setcell(files, loc, typo + " %")
    exp["errors"].append(err("capaian-mismatch", loc))


def plant_capaian_negpol(m, idx, files, exp):
    for i, ind in enumerate(m["inds"]):
        if ind["pol"] == "negatif":
            break
    else:
        raise RuntimeError("no negatif")
    t, r = ind["years"][m["tahun"]]
    loc = idx[("iku_cap", i)]
    setcell(files, loc, float(r2(Decimal(r) / Decimal(t) * 100)))
    exp["errors"].append(err("capaian-mismatch", loc))


def plant_predikat(m, idx, files, exp):
    i = 1
    t, r = m["inds"][i]["years"][m["tahun"]]
    c = capaian(t, r, m["inds"][i]["pol"])
    p = predikat(c)
    wrong = {"Sangat Baik": "Baik", "Baik": "Sangat Baik", "Cukup": "Baik", "Kurang": "Cukup",
             "Sangat Kurang": "Kurang"}[p]
    loc = idx[("iku_pred", i)]
    setcell(files, loc, wrong)
    exp["errors"].append(err("predikat-mismatch", loc))


def plant_predikat_p86(m, idx, files, exp):
    i = 0
    t, r = m["inds"][i]["years"][m["tahun"]]
    c = capaian(t, r, m["inds"][i]["pol"])
    p = predikat(c)  # default-scale label: wrong under permendagri86
    loc = idx[("iku_pred", i)]
    setcell(files, loc, predikat(c, "permendagri86") if False else
            {"Sangat Tinggi": "Tinggi", "Tinggi": "Sangat Tinggi", "Sedang": "Tinggi",
             "Rendah": "Sedang", "Sangat Rendah": "Rendah"}[predikat(c, "permendagri86")])
    exp["errors"].append(err("predikat-mismatch", loc))


def plant_pk_mismatch(m, idx, files, exp):
    i = 1
    t, r = m["inds"][i]["years"][m["tahun"]]
    loc = idx[("pk_r", i)]
    setcell(files, loc, float(r + 7))
    exp["errors"].append(err("indikator-mismatch", loc))


def plant_target_renstra(m, idx, files, exp):
    i = 0
    loc = idx[("ren_t", i)]
    t, r = m["inds"][i]["years"][m["tahun"]]
    setcell(files, loc, float(t + 5))
    # the finding is about the IKU target vs Renstra; which cell to fix is ambiguous -> IKU target cell
    exp["errors"].append(err("target-mismatch", idx[("iku_t", i)]))
    exp["_cell_alt"] = loc[2]


def mk_missing_in_dpa(m):
    pass


def plant_missing_in_dpa(m, idx, files, exp):
    # add an extra sub kegiatan row in the latest realisasi file, before its JUMLAH row
    mo = m["bulan"]
    sh = idx[("real_sheet", mo)]
    tf, ts, tc = idx[("real_total", mo)]
    trow = int(tc[1:])
    # shift total row down: rebuild
    new = {}
    for (r, c), v in sh.cells.items():
        new[(r + 1 if r >= trow else r, c)] = v
    sh.cells = new
    s0 = first_sub(m, 0)
    kode = s0["kode"][:-4] + "0099"
    v = 12_500_000
    sh.cells.update({(trow, 1): kode, (trow, 2): "Fasilitasi Kegiatan Lain-lain", (trow, 4): v})
    sh.cells[(trow + 1, 4)] += v
    exp["errors"].append(err("missing-in-dpa", (tf, ts, f"A{trow}")))
    exp["realisasi"] += v  # rfk.realisasi: only DPA sub kegiatan (RFK rows come from the DPA)
    exp["_note"] = "totals.realisasi includes the stray row (ambiguous: contract silent)"


def plant_duplicate(m, idx, files, exp):
    # duplicate a sub kegiatan row (copy-paste) in a hierarchical DPA; subtotals left as they were
    s = first_sub(m, 0)
    sh, r = idx[("dpa_subrow", s["kode"])]
    new, merges = {}, []
    for (rr, c), v in sh.cells.items():
        new[(rr + 1 if rr > r else rr, c)] = v
    for (rr, c), v in list(sh.cells.items()):
        if rr == r:
            new[(r + 1, c)] = v
    sh.cells = new
    sh.merges = [(a + (1 if a > r else 0), b, cc + (1 if cc > r else 0), d) for a, b, cc, d in sh.merges]
    f = idx[("dpa_sub", s["kode"])][0]
    exp["errors"].append(err("duplicate-kode", (f, sh.name, f"A{r + 1}")))


def plant_bad_number(m, idx, files, exp):
    s = first_sub(m, 1)
    loc = idx[("dpa_sub", s["kode"])]
    txt = idn(s["pagu"])
    txt = txt[:-3] + "OOO" if txt.endswith("000") else txt.replace("0", "O", 1)
    setcell(files, loc, f"Rp. {txt},-")
    if "rfk" in exp:  # README: RFK leaves the sub kegiatan out of pagu, rencana and realisasi
        rf = exp["rfk"]
        rf["rencana"] -= sum(s["kas"][:m["bulan"]])
        rf["realisasi"] -= s["cum"][m["bulan"] - 1]
        pg = exp["pagu"] - s["pagu"]
        rf["deviasi"] = f"{r2(Decimal(rf['realisasi']) / pg * 100) - r2(Decimal(rf['rencana']) / pg * 100):.2f}"
    exp["errors"].append(err("bad-number", loc))
    exp["pagu"] -= s["pagu"]
    exp["incomplete"] = ["pagu"]


def plant_ref(m, idx, files, exp):
    s = first_sub(m, 0)
    loc = idx[("real", s["kode"], m["bulan"])]
    setcell(files, loc, "#REF!")
    exp["errors"].append(err("error-value", loc))
    exp["realisasi"] -= s["cum"][m["bulan"] - 1]
    exp["incomplete"] = ["realisasi"]
    if "rfk" in exp:  # assumption: rfk.realisasi = readable sum, rencana complete
        rf = exp["rfk"]
        rf["realisasi"] = exp["realisasi"]
        rf["deviasi"] = f"{r2(Decimal(rf['realisasi']) / exp['pagu'] * 100) - r2(Decimal(rf['rencana']) / exp['pagu'] * 100):.2f}"


def plant_formula(m, idx, files, exp):
    k = m["progs"][0]["keg"][0]
    loc = idx[("dpa_keg", k["kode"])]
    setcell(files, loc, "=SUM(C12:C14)")
    exp["errors"].append(err("formula-without-value", loc))


def plant_pagu_mismatch(m, idx, files, exp):
    s = first_sub(m, 2)
    loc = idx[("real_ang", s["kode"], m["bulan"])]
    adj_monthly(idx, m, files, m["bulan"], s["kode"], 3, 15_000_000)
    exp["errors"].append(err("pagu-mismatch", loc))


def plant_tahun(m, idx, files, exp):
    # the March realisasi file's title says 2024 (year typo); its amounts must be left out
    f, sn, c = idx[("real", first_sub(m)["kode"], 3)]
    for sh in files[f]:
        for (r, cc), v in list(sh.cells.items()):
            if isinstance(v, str) and str(m["tahun"]) in v and r < 5:
                sh.cells[(r, cc)] = v.replace(str(m["tahun"]), str(m["tahun"] - 1))
    new = f.replace(f"{m['tahun']}-03", "Maret")
    files[new] = files.pop(f)
    exp["errors"].append({"code": "tahun-mismatch", "file": new, "sheet": None, "cell": None})


def plant_decreased(m, idx, files, exp):
    s = first_sub(m, 1)
    mo = m["bulan"] - 1
    loc = idx[("real", s["kode"], mo)]
    delta = s["cum"][mo] - s["cum"][mo - 1] + min(40_000_000, (s["pagu"] - s["cum"][mo]) // 2000 * 1000)
    adj_monthly(idx, m, files, mo, s["kode"], 4, delta)  # month mo now above month mo+1
    exp["errors"].append(err("realisasi-decreased", idx[("real", s["kode"], mo + 1)]))
    exp["_cell_alt"] = loc[2]


def plant_uraian(m, idx, files, exp):
    s = first_sub(m, 0)
    loc = idx[("real_uraian", s["kode"], m["bulan"])]
    setcell(files, loc, "Penyediaan Makanan dan Minuman Rapat")
    exp["errors"].append(err("uraian-mismatch", loc))


def plant_bad_kode_num(m, idx, files, exp):
    # SIPD split columns: Kode Sub Kegiatan typed as a number -> leading zeros lost (warning)
    s = first_sub(m, 0)
    sh, r = idx[("dpa_subrow", s["kode"])]
    seg = s["kode"].split(".")[-1]
    key = [sh.cells.get((r, c)) for c in range(1, 6)]
    rows = [rr for (rr, c), v in sh.cells.items()
            if c == 5 and [sh.cells.get((rr, cc)) for cc in range(1, 6)] == key]
    for rr in rows:
        sh.cells[(rr, 5)] = int(seg)
    f = idx[("dpa_sub", s["kode"])][0]
    exp["errors"].append({"code": "bad-kode", "file": f, "sheet": sh.name, "cell": f"E{r}"})


def plant_zero_target(m, idx, files, exp):
    i = 2
    for key in ("iku_t", "iku_cap", "iku_pred"):
        setcell(files, idx[(key, i)], "-" if key == "iku_t" else None)
    exp["errors"].append(err("zero-target", idx[("iku_t", i)]))


def plant_example(m, idx, files, exp):
    # template example row left in the latest monthly realisasi file (Keterangan column G)
    mo = m["bulan"]
    sh = idx[("real_sheet", mo)]
    tf, ts, tc = idx[("real_total", mo)]
    trow = int(tc[1:])
    # put the example row right under the header
    hdr = min(r for (r, c), v in sh.cells.items() if v == "Kode")
    new = {}
    for (r, c), v in sh.cells.items():
        new[(r + 1 if r > hdr else r, c)] = v
    sh.cells = {k: v for k, v in new.items() if v is not None}
    sh.cells.update({(hdr, 7): "Keterangan", (hdr + 1, 1): "7.01.01.2.01.0001",
                     (hdr + 1, 2): "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                     (hdr + 1, 3): 25_000_000, (hdr + 1, 4): 12_500_000, (hdr + 1, 5): 12_500_000,
                     (hdr + 1, 6): 50.0, (hdr + 1, 7): "CONTOH — hapus baris ini"})
    exp["errors"].append(err("example-row", (tf, ts, f"A{hdr + 1}")))


def plant_akun(m, idx, files, exp):
    s = first_sub(m, 0)
    key = [k for k in idx if k[0] == "akun" and k[1] == s["kode"] and k[2].count(".") == 2][0]
    loc = idx[key]
    f, sn, c = loc
    from openpyxl.utils.cell import coordinate_from_string
    col, row = coordinate_from_string(c)
    for sh in files[f]:
        if sh.name == sn:
            sh.cells[(row, 8)] += 1_000_000
    exp["errors"].append(err("subtotal-mismatch", loc))


def plant_cols_total(m, idx, files, exp):
    # months-as-columns: the row Jumlah of one sub is wrong
    s = first_sub(m, 1)
    loc = idx[("real", s["kode"], m["bulan"])]
    setcell(files, loc, s["cum"][m["bulan"] - 1] + 300_000)
    exp["errors"].append(err("total-mismatch", loc))


def plant_rekap_vs_rinci(m, idx, files, exp):
    # Rekap DPA sheet: one sub kegiatan pagu differs from Rincian (and the kegiatan subtotal follows it)
    s = first_sub(m, 1)
    loc = idx[("rekap", "dpa_sub", s["kode"])]
    f, sn, c = loc
    setcell(files, loc, s["pagu"] + 20_000_000)
    # keep rekap subtotals/total consistent with the changed line
    for p, k, ss in subs(m):
        if ss is s:
            setcell(files, idx[("rekap", "dpa_keg", k["kode"])], sum_keg(k) + 20_000_000)
            setcell(files, idx[("rekap", "dpa_prog", p["kode"])], sum_prog(p) + 20_000_000)
    setcell(files, idx[("rekap", "dpa_total")], exp["pagu"] + 20_000_000)
    exp["errors"].append(err("pagu-mismatch", loc))


def plant_dup_file(m, idx, files, exp):
    f = [k for k in files if k.startswith("IKU")][0]
    exp["errors"].append({"code": "duplicate-file", "file": f.replace(".xlsx", " - Copy.xlsx"),
                          "sheet": None, "cell": None})
    exp["_copy"] = (f, f.replace(".xlsx", " - Copy.xlsx"))


PLANTS = [
    ("q01", "d01", plant_subtotal_keg, None),
    ("q02", "d03", plant_subtotal_prog, None),
    ("q03", "d09", plant_total_dpa, None),
    ("q04", "d04", plant_total_real, None),
    ("q05", "d06", plant_over_budget_after, mk_over_budget(None)),
    ("q06", "d01", plant_kas, plant_kas_model),
    ("q07", "d03", plant_capaian_typo, None),
    ("q08", "d09", plant_predikat, None),
    ("q09", "d11", plant_pk_mismatch, None),
    ("q10", "d02", plant_target_renstra, None),
    ("q11", "d08", plant_missing_in_dpa, None),
    ("q12", "d13", plant_duplicate, None),
    ("q13", "d05", plant_bad_number, None),
    ("q14", "d15", plant_ref, None),
    ("q15", "d01", plant_formula, None),
    ("q16", "d11", plant_pagu_mismatch, None),
    ("q17", "d01", plant_tahun, None),
    ("q18", "d06", plant_decreased, None),
    ("q19", "d15", plant_uraian, None),
    ("q20", "d02", plant_bad_kode_num, None),
    ("q21", "d16", plant_zero_target, None),
    ("q22", "d08", plant_example, None),
    ("q23", "d12", plant_akun, None),
    ("q24", "d07", plant_cols_total, None),
    ("q25", "d15", plant_rekap_vs_rinci, None),
    ("q26", "d05", plant_predikat_p86, None),
    ("q27", "d13", plant_dup_file, None),
    ("q28", "d16", plant_capaian_negpol, None),
]


# ---------------------------------------------------------------- more planted copies
def plant_zero_blank(m, idx, files, exp):
    i = 1
    for key in ("iku_t", "iku_cap", "iku_pred"):
        setcell(files, idx[(key, i)], None)
    exp["errors"].append(err("zero-target", idx[("iku_t", i)]))


def plant_zero_zero(m, idx, files, exp):
    i = 0
    setcell(files, idx[("iku_t", i)], 0)
    setcell(files, idx[("iku_cap", i)], None)
    exp["errors"].append(err("zero-target", idx[("iku_t", i)]))


def plant_month_missing(m, idx, files, exp):
    f = [k for k in files if k.startswith("Realisasi_02_")][0]
    del files[f]
    s_feb = sum(s["cum"][1] - s["cum"][0] for _, _, s in subs(m))
    exp["realisasi"] -= s_feb
    exp["incomplete"] = ["realisasi"]
    exp["errors"].append({"code": "month-missing", "file": None, "sheet": None, "cell": None})
    if "rfk" in exp:
        rf = exp["rfk"]
        rf["realisasi"] = exp["realisasi"]
        rf["deviasi"] = f"{r2(Decimal(rf['realisasi']) / exp['pagu'] * 100) - r2(Decimal(rf['rencana']) / exp['pagu'] * 100):.2f}"


def plant_kas_q(m, idx, files, exp):
    s = first_sub(m, 1)
    exp["errors"].append(err("kas-mismatch", idx[("kas", s["kode"])]))
    exp["_cell_alt"] = idx[("kas_m1", s["kode"])][2]


def plant_kas_q_model(m):
    first_sub(m, 1)["kas"][0] += 3_000_000


def plant_kas_rowtotal(m, idx, files, exp):
    s = first_sub(m, 0)
    loc = idx[("kas", s["kode"])]
    setcell(files, loc, s["pagu"] + 1_000_000)
    exp["errors"].append(err("total-mismatch", loc))


def plant_cap_2024(m, idx, files, exp):
    i = 1
    loc = idx[("iku_cap_y", i, m["tahun"] - 1)]
    t, r = m["inds"][i]["years"][m["tahun"] - 1]
    setcell(files, loc, float(capaian(t, r, m["inds"][i]["pol"]) + Decimal("1.5")))
    exp["errors"].append(err("capaian-mismatch", loc))


def plant_pk_target(m, idx, files, exp):
    i = 0
    t, r = m["inds"][i]["years"][m["tahun"]]
    loc = idx[("pk_t", i)]
    setcell(files, loc, float(t + 3))
    exp["errors"].append(err("indikator-mismatch", loc))


def plant_real_prog_sub(m, idx, files, exp):
    p = m["progs"][0]
    loc = idx[("real_prog", p["kode"])]
    setcell(files, loc, sum(s["cum"][m["bulan"] - 1] for k in p["keg"] for s in k["sub"]) + 2_000_000)
    exp["errors"].append(err("subtotal-mismatch", loc))


def skip_real_model(m):
    first_sub(m, 2)["skip_real"] = True


def plant_missing_real(m, idx, files, exp):
    s = first_sub(m, 2)
    exp["errors"].append({"code": "missing-realisasi", "file": None, "sheet": None, "cell": None})


def plant_rek_line(m, idx, files, exp):
    # one rekening line wrong in a SIPD rincian: the sub kegiatan row is the stated subtotal
    s = first_sub(m, 1)
    loc = idx[("rek", s["kode"])][0]
    setcell(files, loc, s["rek"][0][2] + 7_000_000)
    exp["errors"].append(err("subtotal-mismatch", idx[("dpa_sub", s["kode"])]))
    exp["_cell_alt"] = loc[2]
    exp["_note"] = "the sub kegiatan row states the (correct) pagu; rekening line is the changed cell; ambiguous which to point at; pagu = rekening sum per contract"
    exp["pagu"] += 7_000_000
    exp["errors_alt_pagu"] = exp["pagu"] - 7_000_000
    rf = exp["rfk"]
    rf["deviasi"] = f"{r2(Decimal(rf['realisasi']) / exp['pagu'] * 100) - r2(Decimal(rf['rencana']) / exp['pagu'] * 100):.2f}"


PLANTS += [
    ("q29", "d09", plant_zero_blank, None),
    ("q30", "d07", plant_zero_zero, None),
    ("q31", "d05", plant_month_missing, None),
    ("q32", "d03", plant_kas_q, plant_kas_q_model),
    ("q33", "d15", plant_kas_rowtotal, None),
    ("q34", "d02", plant_cap_2024, None),
    ("q35", "d13", plant_pk_target, None),
    ("q36", "d10", plant_real_prog_sub, None),
    ("q37", "d03", plant_missing_real, skip_real_model),
    ("q38", "d06", plant_rek_line, None),
]


# ---------------------------------------------------------------- second wave of layouts
def dpa_mergedkode(m, idx, fname):
    sh = Sheet("DPA")
    title(sh, ["RINGKASAN DPA BELANJA MENURUT PROGRAM DAN KEGIATAN", m["instansi"], f"Tahun Anggaran {m['tahun']}"])
    r = sh.line(["Kode", None, None, None, None, None, "Uraian", "Jumlah (Rp)"])
    sh.merge(r, 1, r, 6)

    def seg(code):
        return code.split(".") + [None] * (6 - len(code.split(".")))
    for p in m["progs"]:
        r = sh.line(seg(p["kode"]) + [p["nama"], c_comma(sum_prog(p))])
        idx[("dpa_prog", p["kode"])] = (fname, sh.name, addr(r, 8))
        for k in p["keg"]:
            r = sh.line(seg(k["kode"]) + [k["nama"], c_comma(sum_keg(k))])
            idx[("dpa_keg", k["kode"])] = (fname, sh.name, addr(r, 8))
            for s in k["sub"]:
                r = sh.line(seg(s["kode"]) + [s["nama"], c_comma(s["pagu"])])
                idx[("dpa_sub", s["kode"])] = (fname, sh.name, addr(r, 8))
    r = sh.line(["JUMLAH", None, None, None, None, None, None, c_comma(sum(s["pagu"] for _, _, s in subs(m)))])
    sh.merge(r, 1, r, 7)
    idx[("dpa_total",)] = (fname, sh.name, addr(r, 8))
    signature(sh, "Blora", "Camat Banjarejo", "SUGENG RIYADI, S.Sos")
    return sh


def c_comma(v):
    return f"{int(v):,}"


def renja_sheet(m, idx, fname):
    sh = Sheet("Renja")
    y = m["tahun"]
    title(sh, [f"RENCANA KERJA PERANGKAT DAERAH TAHUN {y}", m["instansi"].upper()])
    r = sh.line(["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
                 "Indikator Kinerja Program (outcome)/Kegiatan (output)", f"Rencana Tahun {y}", None, None,
                 f"Prakiraan Maju Rencana Tahun {y + 1}", None])
    for cc in (1, 2, 3):
        sh.merge(r, cc, r + 1, cc)
    sh.merge(r, 4, r, 6); sh.merge(r, 7, r, 8)
    sh.line([None, None, None, "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif (Rp)",
             "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif (Rp)"])
    sh.line(["1", "2", "3", "4", "5", "6", "7", "8"])
    for p in m["progs"]:
        rp = sh.line([p["kode"], p["nama"], "Persentase capaian program", "Kab. Blora", "100%", sum_prog(p),
                      "100%", sum(s["pagu"] * 11 // 10 for k in p["keg"] for s in k["sub"])])
        for k in p["keg"]:
            rk = sh.line([k["kode"], k["nama"], "Jumlah dokumen", "Kab. Blora", "12 Dokumen", sum_keg(k),
                          "12 Dokumen", sum(s["pagu"] * 11 // 10 for s in k["sub"])])
            for s in k["sub"]:
                idx[("renja_parents", s["kode"])] = [rp, rk]
            for s in k["sub"]:
                r = sh.line([s["kode"], s["nama"], "Jumlah laporan", "Kab. Blora", "12 Laporan", s["pagu"],
                             "12 Laporan", s["pagu"] * 11 // 10])
                idx[("renja_sub", s["kode"])] = (fname, sh.name, addr(r, 6))
                idx[("renja_subrow", s["kode"])] = (sh, r)
    return sh


def kas_rek(m, idx, fname, tw=False):
    sh = Sheet("AKB")
    title(sh, ["ANGGARAN KAS BELANJA", m["instansi"], f"Tahun {m['tahun']}"])
    cols = ["TW 1", "TW 2", "TW 3", "TW 4"] if tw else [f"Bulan {i}" for i in range(1, 13)]
    sh.line(["Kode", "Uraian"] + cols + ["Jumlah"])
    for p, k, s in subs(m):
        months = list(s["kas"])
        vals = [sum(months[3 * q:3 * q + 3]) for q in range(4)] if tw else months
        r = sh.line([s["kode"], s["nama"]] + vals + [sum(vals)])
        idx[("kas", s["kode"])] = (fname, sh.name, addr(r, 3 + len(cols)))
        idx[("kas_m1", s["kode"])] = (fname, sh.name, addr(r, 3))
        idx[("kassubrow", s["kode"])] = (sh, r)
        left = list(vals)
        tot = s["pagu"]
        for j, (rk, nm, a) in enumerate(s["rek"]):
            if j == len(s["rek"]) - 1:
                rv = left
            else:
                rv = [v * a // tot // 1000 * 1000 for v in vals]
                left = [x - y for x, y in zip(left, rv)]
            rr = sh.line([rk, nm] + rv + [sum(rv)])
            idx.setdefault(("kasrek", s["kode"]), []).append((sh, rr))
    return sh


def real_plain_sisa(m, idx, files, per_month=False):
    for mo in range(1, m["bulan"] + 1):
        fname = f"Realisasi {BULAN[mo - 1]} {m['tahun']}.xlsx"
        sh = Sheet("Sheet1")
        title(sh, ["REALISASI ANGGARAN", m["instansi"], f"Bulan {BULAN[mo - 1]} {m['tahun']}"])
        sh.line(["Kode", "Uraian", "Anggaran", "Realisasi", "Sisa"])
        for p, k, s in subs(m):
            v = s["cum"][mo - 1] - (s["cum"][mo - 2] if (per_month and mo > 1) else 0)
            r = sh.line([s["kode"], s["nama"], s["pagu"], v, s["pagu"] - s["cum"][mo - 1]])
            idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 4))
        files[fname] = [sh]


def real_csv(m, idx, files):
    mo = m["bulan"]
    fname = f"realisasi_{m['tahun']}-{mo:02d}.csv"
    lines = ["Kode,Uraian,Realisasi s.d. Bulan Ini"]
    for i, (p, k, s) in enumerate(subs(m)):
        lines.append(f'{s["kode"]},"{s["nama"]}",{s["cum"][mo - 1]}')
        idx[("real", s["kode"], mo)] = (fname, None, f"C{i + 2}")
        idx[("csvline", s["kode"])] = i + 1
    files[fname] = lines


def iku_yearcols(m, idx, fname):
    sh = Sheet("Kinerja")
    y = m["tahun"]
    title(sh, ["PENGUKURAN KINERJA", m["instansi"]])
    sh.line(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", f"Target {y - 1}", f"Realisasi {y - 1}",
             f"Target {y}", f"Realisasi {y}", f"Capaian {y} (%)"])
    for i, ind in enumerate(m["inds"]):
        t1, r1 = ind["years"][y - 1]
        t, r = ind["years"][y]
        rr = sh.line([i + 1, ind["sasaran"], ind["nama"], ind["satuan"], ind["pol"], float(t1), float(r1),
                      float(t), float(r), float(capaian(t, r, ind["pol"]))])
        idx[("iku_cap", i)] = (fname, sh.name, addr(rr, 10))
        idx[("iku_t", i)] = (fname, sh.name, addr(rr, 8))
    return sh


def iku_long(m, idx, fname, negf="2T-R"):
    sh = Sheet("IKU")
    y = m["tahun"]
    title(sh, ["CAPAIAN IKU", m["instansi"]])
    sh.line(["Tahun", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi",
             "Capaian (%)", "Kategori"])
    for yy in (y - 1, y):
        for i, ind in enumerate(m["inds"]):
            t, r = ind["years"][yy]
            cp = capaian2(t, r, ind["pol"], negf)
            rr = sh.line([yy, ind["sasaran"], ind["nama"], ind["satuan"], ind["pol"], float(t), float(r),
                          float(cp), predikat(cp)])
            if yy == y:
                idx[("iku_cap", i)] = (fname, sh.name, addr(rr, 8))
                idx[("iku_pred", i)] = (fname, sh.name, addr(rr, 9))
    return sh


def capaian2(t, r, pol, negf):
    if pol == "negatif" and negf == "T/R":
        return r2(Decimal(t) / Decimal(r) * 100)
    return capaian(t, r, pol)


CONFIGS2 = [
    ("d17", 31, "kec", "Kecamatan Banjarejo", 2025, 8, "mergedkode", "plain_sisa", "yearcols", "rek", {"renja": True, "junk": True}),
    ("d18", 32, "dinkes", "Dinas Kesehatan Daerah", 2025, 6, "hier_comma", "csv", "long", "rek_tw", {}),
    ("d19", 35, "dprd", "Sekretariat Dewan", 2025, 12, "sipd_full", "plain_sisa", "long_tr", None,
     {"toml": True, "negf": "T/R", "renja": True}),
]


def plant_renja(m, idx, files, exp):
    s = first_sub(m, 1)
    sh, r = idx[("renja_subrow", s["kode"])]
    for (rr, cc) in [(r, 6)] + [(x, 6) for x in idx[("renja_parents", s["kode"])]]:
        sh.cells[(rr, cc)] += 10_000_000
    exp["errors"].append(err("pagu-mismatch", idx[("renja_sub", s["kode"])]))


def plant_kas_subrow(m, idx, files, exp):
    s = first_sub(m, 0)
    sh, r = idx[("kassubrow", s["kode"])]
    sh.cells[(r, 5)] += 1_000_000
    sh.cells[(r, 15)] += 1_000_000
    exp["errors"].append({"code": "subtotal-mismatch", "file": idx[("kas", s["kode"])][0], "sheet": sh.name,
                          "cell": addr(r, 5)})
    exp["_cell_alt"] = addr(r, 15)


def plant_csv_over(m, idx, files, exp):
    s = first_sub(m, 0)
    f, _, c = idx[("real", s["kode"], m["bulan"])]
    exp["errors"].append({"code": "over-budget", "file": f, "sheet": None, "cell": c})


def plant_long_pred(m, idx, files, exp):
    i = 2
    f, sn, c = idx[("iku_pred", i)]
    t, r = m["inds"][i]["years"][m["tahun"]]
    p = predikat(capaian(t, r, m["inds"][i]["pol"]))
    setcell(files, (f, sn, c), "Baik" if p != "Baik" else "Cukup")
    exp["errors"].append(err("predikat-mismatch", (f, sn, c)))


def plant_yearcols_cap(m, idx, files, exp):
    i = 1
    loc = idx[("iku_cap", i)]
    t, r = m["inds"][i]["years"][m["tahun"]]
    setcell(files, loc, float(capaian(t, r, m["inds"][i]["pol"])) + 10)
    exp["errors"].append(err("capaian-mismatch", loc))


def plant_tr_cap(m, idx, files, exp):
    for i, ind in enumerate(m["inds"]):
        if ind["pol"] == "negatif":
            break
    else:
        raise RuntimeError("no negatif")
    t, r = ind["years"][m["tahun"]]
    loc = idx[("iku_cap", i)]
    setcell(files, loc, float(capaian(t, r, "negatif")))  # 2T-R written, config says T/R
    exp["errors"].append(err("capaian-mismatch", loc))


def plant_per_month(m, idx, files, exp):
    for k in [k for k in files if k.startswith("Realisasi ")]:
        del files[k]
    real_plain_sisa(m, idx, files, per_month=True)
    exp["errors"].append({"code": "realisasi-ambiguous", "file": None, "sheet": None, "cell": None})


def plant_merged_keg(m, idx, files, exp):
    k = m["progs"][1]["keg"][0]
    loc = idx[("dpa_keg", k["kode"])]
    setcell(files, loc, c_comma(sum_keg(k) + 50_000_000))
    exp["errors"].append(err("subtotal-mismatch", loc))


def over_csv_model(m):
    s = first_sub(m, 0)
    s["cum"][m["bulan"] - 1] = s["pagu"] + 1_000_000


PLANTS2 = [
    ("q39", "d17", plant_renja, None),
    ("q40", "d17", plant_kas_subrow, None),
    ("q41", "d18", plant_csv_over, over_csv_model),
    ("q42", "d18", plant_long_pred, None),
    ("q43", "d17", plant_yearcols_cap, None),
    ("q44", "d19", plant_tr_cap, None),
    ("q45", "d17", plant_per_month, None),
    ("q46", "d17", plant_merged_keg, None),
]


# ---------------------------------------------------------------- third wave: quirks
def dpa_yeargroup(m, idx, fname):
    sh = Sheet("DPA")
    y = m["tahun"]
    title(sh, ["DOKUMEN PELAKSANAAN ANGGARAN", m["instansi"], f"Tahun Anggaran {y}"])
    r = sh.line(["Kode", "Uraian", "Anggaran (Rp)"])
    sh.merge(r, 1, r + 1, 1); sh.merge(r, 2, r + 1, 2); sh.merge(r, 3, r, 4)
    sh.line([None, None, y - 1, y])
    prev = lambda s: s["pagu"] * 9 // 10 // 1000 * 1000
    for p in m["progs"]:
        r = sh.line([p["kode"], p["nama"], sum(prev(s) for k in p["keg"] for s in k["sub"]), sum_prog(p)])
        for k in p["keg"]:
            r = sh.line([k["kode"], k["nama"], sum(prev(s) for s in k["sub"]), sum_keg(k)])
            idx[("dpa_keg", k["kode"])] = (fname, sh.name, addr(r, 4))
            for s in k["sub"]:
                r = sh.line([s["kode"], s["nama"], prev(s), s["pagu"]])
                idx[("dpa_sub", s["kode"])] = (fname, sh.name, addr(r, 4))
    r = sh.line(["TOTAL", None, sum(prev(s) for _, _, s in subs(m)), sum(s["pagu"] for _, _, s in subs(m))])
    idx[("dpa_total",)] = (fname, sh.name, addr(r, 4))
    return sh


def real_long_num(m, idx, files):
    fname = "Realisasi.xlsx"
    sh = Sheet("Realisasi")
    title(sh, [m["instansi"], f"REALISASI KEUANGAN TAHUN ANGGARAN {m['tahun']}"])
    sh.line(["Bulan", "Kode", "Uraian", "Realisasi Keuangan", "Realisasi Fisik (%)"])
    for mo in range(1, m["bulan"] + 1):
        for i, (p, k, s) in enumerate(subs(m)):
            kode = s["kode"]
            nama = s["nama"]
            if i == 0:
                kode = kode.replace(".2.", ". 2.") + " "
                nama = nama.replace(" ", "\n", 1)
            if i == 1:
                kode = kode[:8] + "\n" + kode[8:]
                nama = "  " + nama.replace(" ", "  ", 1)
            v = s["cum"][mo - 1]
            val = v if i != 2 or mo != m["bulan"] else idn(v) + ",50"
            r = sh.line([mo, kode, nama, val, float(min(100, mo * 8))])
            idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 4))
    files[fname] = [sh]


def iku_quirky(m, idx, fname):
    sh = Sheet("IKU")
    y = m["tahun"]
    title(sh, [f"IKU {m['instansi'].upper()} TAHUN {y}"])
    sh.line(["No.", "Sasaran", "Indikator Kinerja Utama", "Satuan", "Polaritas", "Target", "Realisasi",
             "Capaian", "Kategori"])
    sh.line(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"])
    for i, ind in enumerate(m["inds"]):
        t, r = ind["years"][y]
        cp = capaian(t, r, ind["pol"])
        pol = "semakin rendah semakin baik" if ind["pol"] == "negatif" else "semakin tinggi semakin baik"
        ctext = dec_id(cp) + "%" if i % 2 == 0 else float(cp)
        pred = predikat(cp)
        pred = pred.lower() + " " if i % 2 == 0 else pred.upper()
        rr = sh.line([f"{i + 1}.", ind["sasaran"], ind["nama"], ind["satuan"], pol, float(t), float(r), ctext, pred])
        idx[("iku_cap", i)] = (fname, sh.name, addr(rr, 8))
        idx[("iku_t", i)] = (fname, sh.name, addr(rr, 6))
    return sh


ABBR = {"Indeks Kepuasan Masyarakat (IKM)": "Indeks IKM",
        "Nilai SAKIP Perangkat Daerah": "Nilai SAKIP",
        "Persentase temuan BPK yang ditindaklanjuti": "Persentase tindak lanjut temuan BPK"}


def renstra_abbr(m, idx, fname):
    sh = renstra_sheet(m, idx, fname)
    for (r, c), v in list(sh.cells.items()):
        if c == 3 and v in ABBR:
            sh.cells[(r, c)] = ABBR[v]
    return sh


def plant_dpa_year(m, idx, files, exp):
    f = [k for k in files if k.startswith("DPA")][0]
    for sh in files[f]:
        for (r, c), v in list(sh.cells.items()):
            if isinstance(v, str) and r <= 4 and str(m["tahun"]) in v:
                sh.cells[(r, c)] = v.replace(str(m["tahun"]), str(m["tahun"] - 1))
    new = f.replace(str(m["tahun"]), "")
    new = new.replace("  ", " ").replace(" .xlsx", ".xlsx")
    files[new] = files.pop(f)
    exp["errors"].append({"code": "tahun-mismatch", "file": new, "sheet": None, "cell": None})
    exp["_note"] = "DPA of another year: pagu left out (contract: amounts left out) -> pagu 0? ambiguous"


def plant_cents_over(m, idx, files, exp):
    # decimal cents: realisasi 1 sen above pagu should be over-budget (exact money)
    s = first_sub(m, 3)
    loc = idx[("real", s["kode"], m["bulan"])]
    setcell(files, loc, idn(s["pagu"]) + ",01")
    exp["realisasi"] = str(Decimal(exp["realisasi"]) - s["cum"][m["bulan"] - 1] + s["pagu"] + Decimal("0.01"))
    exp["errors"].append(err("over-budget", loc))


CONFIGS3 = [
    ("d20", 41, "dlh", "Dinas Lingkungan Hidup Kab. Blora", 2025, 7, "yeargroup", "long_num", "quirky", None, {}),
    ("d21", 42, "rsud", "RSUD Randublatung", 2025, 12, "hier", "monthly", "renstra_abbr", None, {}),
]
PLANTS3 = [
    ("q47", "d09", plant_dpa_year, None),
    ("q48", "d20", plant_cents_over, None),
]


# ---------------------------------------------------------------- fourth wave
def real_sheets_per_month(m, idx, files):
    """One workbook, one sheet per month (sheet named after the month), title says s.d. bulan."""
    fname = f"Realisasi {m['tahun']}.xlsx"
    sheets = []
    for mo in range(1, m["bulan"] + 1):
        sh = Sheet(BULAN[mo - 1])
        title(sh, ["LAPORAN REALISASI", m["instansi"], f"s.d. Bulan {BULAN[mo - 1]} {m['tahun']}"])
        sh.line(["Kode", "Uraian", "Realisasi s.d. Bulan Ini (Rp)"])
        for p, k, s in subs(m):
            v = s["cum"][mo - 1]
            r = sh.line([s["kode"], s["nama"], v if v else "-"])
            idx[("real", s["kode"], mo)] = (fname, sh.name, addr(r, 3))
        sheets.append(sh)
    files[fname] = sheets


def kas_hier(m, idx, fname):
    sh = Sheet("Anggaran Kas")
    title(sh, ["ANGGARAN KAS", m["instansi"], f"TA {m['tahun']}"])
    sh.line(["Kode", "Uraian"] + BULAN + ["Total"])
    for p in m["progs"]:
        pv = [sum(s["kas"][i] for k in p["keg"] for s in k["sub"]) for i in range(12)]
        sh.line([p["kode"], p["nama"]] + pv + [sum(pv)])
        for k in p["keg"]:
            kv = [sum(s["kas"][i] for s in k["sub"]) for i in range(12)]
            sh.line([k["kode"], k["nama"]] + kv + [sum(kv)])
            for s in k["sub"]:
                r = sh.line([s["kode"], s["nama"]] + list(s["kas"]) + [sum(s["kas"])])
                idx[("kas", s["kode"])] = (fname, sh.name, addr(r, 15))
    tv = [sum(s["kas"][i] for _, _, s in subs(m)) for i in range(12)]
    r = sh.line(["JUMLAH", None] + tv + [sum(tv)])
    idx[("kas_total",)] = (fname, sh.name, addr(r, 15))
    return sh


def dpa_alias(m, idx, fname):
    sh = Sheet("Lembar1")
    title(sh, [m["instansi"], f"Tahun {m['tahun']}"])
    sh.line(["Kode", "Nama Sub Kegiatan", "Nilai DPA Murni"])
    for p, k, s in subs(m):
        r = sh.line([s["kode"], s["nama"], s["pagu"]])
        idx[("dpa_sub", s["kode"])] = (fname, sh.name, addr(r, 3))
    r = sh.line(["JUMLAH", None, sum(s["pagu"] for _, _, s in subs(m))])
    idx[("dpa_total",)] = (fname, sh.name, addr(r, 3))
    notes = Sheet("Catatan")
    notes.line(["Catatan penyusunan"])
    notes.line(["Data diambil dari SIPD tanggal 3 Januari."])
    return [sh, notes]


def plant_dup_real(m, idx, files, exp):
    f = f"Realisasi {m['tahun']}-{m['bulan']:02d}.xlsx"
    copy = f.replace(".xlsx", " (2).xlsx")
    exp["errors"].append({"code": "duplicate-file", "file": copy, "sheet": None, "cell": None})
    exp["_copy"] = (f, copy)


def plant_real_copy_diff(m, idx, files, exp):
    import copy as cp
    f = f"Realisasi {m['tahun']}-{m['bulan']:02d}.xlsx"
    c = f.replace(".xlsx", " - Copy.xlsx")
    files[c] = cp.deepcopy(files[f])
    s = first_sub(m, 1)
    fn, sn, cell = idx[("real", s["kode"], m["bulan"])]
    setcell(files, (c, sn, cell), s["cum"][m["bulan"] - 1] - 3_000_000)
    row = cell[1:]
    setcell(files, (c, sn, "E" + row), s["pagu"] - s["cum"][m["bulan"] - 1] + 3_000_000)
    trow = idx[("real_total", m["bulan"])][2][1:]
    tr = sum(x["cum"][m["bulan"] - 1] for _, _, x in subs(m))
    tp = sum(x["pagu"] for _, _, x in subs(m))
    setcell(files, (c, sn, "D" + trow), tr - 3_000_000)
    setcell(files, (c, sn, "E" + trow), tp - tr + 3_000_000)
    exp["errors"].append({"code": "realisasi-mismatch", "file": c, "sheet": sn, "cell": cell})


def plant_dpa_copy_diff(m, idx, files, exp):
    import copy as cp
    f = [k for k in files if k.startswith("DPA")][0]
    c = f.replace(".xlsx", " - Copy.xlsx")
    files[c] = cp.deepcopy(files[f])
    s = first_sub(m, 0)
    fn, sn, cell = idx[("dpa_sub", s["kode"])]
    setcell(files, (c, sn, cell), idn(s["pagu"] + 4_000_000))
    for p, k, x in subs(m):
        if x is s:
            setcell(files, (c, sn, idx[("dpa_keg", k["kode"])][2]), idn(sum_keg(k) + 4_000_000))
            setcell(files, (c, sn, idx[("dpa_prog", p["kode"])][2]), idn(sum_prog(p) + 4_000_000))
    setcell(files, (c, sn, idx[("dpa_total",)][2]), idn(exp["pagu"] + 4_000_000))
    exp["errors"].append({"code": "pagu-mismatch", "file": c, "sheet": sn, "cell": cell})
    exp["_note"] = "copy also has a stale JUMLAH -> total-mismatch in the copy would be a second genuine finding? copy's JUMLAH unchanged"


def plant_iku_badnum(m, idx, files, exp):
    i = 0
    loc = idx[("iku_r", i)]
    t, r = m["inds"][i]["years"][m["tahun"]]
    setcell(files, loc, dec_id(Decimal(r)).replace("0", "O", 1) if "0" in dec_id(Decimal(r)) else "8O,5")
    exp["errors"].append(err("bad-number", loc))


def plant_iku_ambig(m, idx, files, exp):
    i = 1
    loc = idx[("iku_r", i)]
    setcell(files, loc, "1.250")
    exp["errors"].append(err("bad-number", loc))


def earlier_anggaran(m, idx, files, exp):
    # APBD perubahan: earlier months' Anggaran column shows the old pagu (not a finding: README 4)
    s = first_sub(m, 0)
    for mo in range(1, m["bulan"] - 2):
        adj_monthly(idx, m, files, mo, s["kode"], 3, -25_000_000)


def plant_kas_hier_total(m, idx, files, exp):
    loc = idx[("kas_total",)]
    setcell(files, loc, sum(s["pagu"] for _, _, s in subs(m)) - 500_000)
    exp["errors"].append(err("total-mismatch", loc))


CONFIGS4 = [
    ("d22", 51, "kec", "Kecamatan Ngawen", 2025, 9, "hier", "sheets_month", "simple", "hier", {}),
    ("d23", 52, "kec", "Kelurahan Tempelan", 2025, 6, "alias", "monthly", "simple", None,
     {"toml_extra": '[aliases.dpa]\npagu = ["Nilai DPA Murni"]\n\n[roles]\n"Lembar1" = "dpa"\n', "toml": True}),
]
PLANTS4 = [
    ("q49", "d11", plant_dup_real, None),
    ("q50", "d11", plant_real_copy_diff, None),
    ("q51", "d09", plant_dpa_copy_diff, None),
    ("q52", "d01", plant_iku_badnum, None),
    ("q53", "d09", plant_iku_ambig, None),
    ("q54", "d22", plant_kas_hier_total, None),
    ("d24", "d11", earlier_anggaran, None),  # consistent: APBD-P, old pagu only in earlier months
]


# ---------------------------------------------------------------- boundary indicators (consistent)
def _mk_inds(m, spec):
    y = m["tahun"]
    inds = []
    for sas, name, sat, pol, t, r, stated in spec:
        t, r = Decimal(t), Decimal(r)
        d = {"sasaran": sas, "nama": name, "satuan": sat, "pol": pol,
             "years": {yy: (t, r) for yy in (y - 2, y - 1, y)}, "renstra": {yy: t for yy in range(y - 2, y + 3)}}
        if stated is not None:
            d["stated"] = Decimal(stated)
        inds.append(d)
    m["inds"] = inds


def boundary_default(m):
    _mk_inds(m, [
        ("Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat (IKM)", "Indeks", "positif", "80", "80", None),
        ("Meningkatnya kualitas pelayanan publik", "Persentase layanan administrasi tepat waktu", "%", "positif", "60", "51", None),
        ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP Perangkat Daerah", "Nilai", "positif", "40", "26", None),
        ("Meningkatnya akuntabilitas kinerja", "Persentase temuan BPK yang ditindaklanjuti", "%", "positif", "60", "50.9997", None),
        ("Meningkatnya ketentraman dan ketertiban", "Persentase pelanggaran perda yang terselesaikan", "%", "positif", "3", "2.7137", "90.45"),
        ("Menurunnya permasalahan sosial", "Angka gangguan ketertiban per 1.000 penduduk", "Kasus", "negatif", "10", "10", None),
        ("Menurunnya permasalahan sosial", "Persentase konflik sosial yang tertangani", "%", "positif", "50", "25", None),
    ])


def boundary_p86(m):
    _mk_inds(m, [
        ("Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat (IKM)", "Indeks", "positif", "100", "91", None),
        ("Meningkatnya kualitas pelayanan publik", "Persentase layanan administrasi tepat waktu", "%", "positif", "100", "76", None),
        ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP Perangkat Daerah", "Nilai", "positif", "100", "66", None),
        ("Meningkatnya akuntabilitas kinerja", "Persentase temuan BPK yang ditindaklanjuti", "%", "positif", "100", "51", None),
        ("Menurunnya permasalahan sosial", "Angka gangguan ketertiban per 1.000 penduduk", "Kasus", "positif", "200", "181.99", None),
    ])


def noop(m, idx, files, exp):
    pass


PLANTS4 += [
    ("d25", "d09", noop, boundary_default),  # consistent: predikat band edges, truncated capaian within tolerance
    ("d26", "d05", noop, boundary_p86),  # consistent: permendagri86 band edges
]


# ---------------------------------------------------------------- fifth wave
def _rowcol(cell):
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
    col, row = coordinate_from_string(cell)
    return row, column_index_from_string(col)


def plant_bad_month(m, idx, files, exp):
    s = first_sub(m, 1)
    f, sn, c = idx[("real", s["kode"], 1)]
    r, _ = _rowcol(c)
    setcell(files, (f, sn, f"A{r}"), "Triwulan I")
    exp["errors"].append({"code": "bad-month", "file": f, "sheet": sn, "cell": f"A{r}"})


def plant_row_wo_kode(m, idx, files, exp):
    f = "Realisasi.xlsx"
    sh = files[f][0]
    r = sh.row
    sh.line([m["bulan"], None, "Belanja lain-lain (belum dikodekan)", 4_500_000, 10.0])
    exp["errors"].append({"code": "row-without-kode", "file": f, "sheet": sh.name, "cell": None})


def plant_formula_sub(m, idx, files, exp):
    s = first_sub(m, 1)
    loc = idx[("dpa_sub", s["kode"])]
    setcell(files, loc, f"={s['pagu'] // 2}*2")
    exp["errors"].append(err("formula-without-value", loc))
    exp["pagu"] -= s["pagu"]
    exp["incomplete"] = ["pagu"]
    if "rfk" in exp:
        rf = exp["rfk"]
        rf["rencana"] -= sum(s["kas"][:m["bulan"]])
        rf["realisasi"] -= s["cum"][m["bulan"] - 1]
        pg = exp["pagu"]
        rf["deviasi"] = f"{r2(Decimal(rf['realisasi']) / pg * 100) - r2(Decimal(rf['rencana']) / pg * 100):.2f}"


def plant_div0(m, idx, files, exp):
    loc = idx[("iku_cap", 2)]
    setcell(files, loc, "#DIV/0!")
    exp["errors"].append(err("error-value", loc))


PLANTS4 += [
    ("q55", "d20", plant_bad_month, None),
    ("q56", "d20", plant_row_wo_kode, None),
    ("q57", "d01", plant_formula_sub, None),
    ("q58", "d09", plant_div0, None),
]


# ---------------------------------------------------------------- sixth wave
def pmv(s):
    return s["pagu"] * 108 // 100 // 1000 * 1000


def dpa_sipd_pm(m, idx, fname):
    """SIPD rincian, full codes, rekening lines; Prakiraan Maju only on program/kegiatan/sub rows."""
    sh = Sheet("Rincian Belanja")
    y = m["tahun"]
    title(sh, ["RINCIAN BELANJA SUB KEGIATAN", m["instansi"], f"Tahun Anggaran {y}"])
    sh.line(["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Kode Rekening", "Uraian",
             f"Anggaran {y}", f"Prakiraan Maju {y + 1}"])
    for p in m["progs"]:
        r = sh.line([p["kode"], None, None, None, p["nama"], sum_prog(p),
                     sum(pmv(s) for k in p["keg"] for s in k["sub"])])
        for k in p["keg"]:
            r = sh.line([p["kode"], k["kode"], None, None, k["nama"], sum_keg(k), sum(pmv(s) for s in k["sub"])])
            idx[("dpa_keg_pm", k["kode"])] = (fname, sh.name, addr(r, 7))
            for s in k["sub"]:
                r = sh.line([p["kode"], k["kode"], s["kode"], None, s["nama"], s["pagu"], pmv(s)])
                idx[("dpa_sub_pm", s["kode"])] = (fname, sh.name, addr(r, 7))
                for rk, nm, a in s["rek"]:
                    sh.line([p["kode"], k["kode"], s["kode"], rk, nm, a, None])
    r = sh.line([None, None, None, None, "JUMLAH", sum(s["pagu"] for _, _, s in subs(m)),
                 sum(pmv(s) for _, _, s in subs(m))])
    return sh


def dpa_onecol_rek(m, idx, fname):
    """Single Kode column mixing sub kegiatan codes, akun rows (5, 5.1, 5.1.02) and rekening codes."""
    sh = Sheet("DPA SKPD")
    title(sh, ["DPA SKPD", m["instansi"], f"TA {m['tahun']}"])
    sh.line(["Kode", "Uraian", "Jumlah (Rp)"])
    names = {"5": "BELANJA DAERAH", "5.1": "BELANJA OPERASI", "5.2": "BELANJA MODAL",
             "5.1.01": "Belanja Pegawai", "5.1.02": "Belanja Barang dan Jasa", "5.2.02": "Belanja Modal Peralatan dan Mesin"}
    for p in m["progs"]:
        sh.line([p["kode"], p["nama"], sum_prog(p)])
        for k in p["keg"]:
            sh.line([k["kode"], k["nama"], sum_keg(k)])
            for s in k["sub"]:
                r = sh.line([s["kode"], s["nama"], s["pagu"]])
                idx[("dpa_sub", s["kode"])] = (fname, sh.name, addr(r, 3))
                groups = {}
                for rk, nm, a in s["rek"]:
                    for pre in ("5", rk[:3], rk[:6]):
                        groups[pre] = groups.get(pre, 0) + a
                done = set()
                for rk, nm, a in s["rek"]:
                    for pre in ("5", rk[:3], rk[:6]):
                        if pre not in done:
                            done.add(pre)
                            sh.line([pre, names[pre], groups[pre]])
                    rr = sh.line([rk, nm, a])
                    idx.setdefault(("rek", s["kode"]), []).append((fname, sh.name, addr(rr, 3)))
    r = sh.line(["JUMLAH", None, sum(s["pagu"] for _, _, s in subs(m))])
    idx[("dpa_total",)] = (fname, sh.name, addr(r, 3))
    return sh


def real_keu_fisik(m, idx, files):
    mo = m["bulan"]
    fname = f"RFK {BULAN[mo - 1]} {m['tahun']}.xlsx"
    sh = Sheet("Realisasi")
    title(sh, ["LAPORAN REALISASI", m["instansi"], f"s.d. {BULAN[mo - 1]} {m['tahun']}"])
    r = sh.line(["Kode", "Sub Kegiatan", "Pagu", "Realisasi", None])
    sh.merge(r, 1, r + 1, 1); sh.merge(r, 2, r + 1, 2); sh.merge(r, 3, r + 1, 3); sh.merge(r, 4, r, 5)
    sh.line([None, None, None, "Keuangan (Rp)", "Fisik (%)"])
    for p, k, s in subs(m):
        rr = sh.line([s["kode"], s["nama"], s["pagu"], s["cum"][mo - 1], float(min(100, 10 * mo))])
        idx[("real", s["kode"], mo)] = (fname, sh.name, addr(rr, 4))
    r = sh.line(["JUMLAH", None, sum(s["pagu"] for _, _, s in subs(m)), sum(s["cum"][mo - 1] for _, _, s in subs(m))])
    files[fname] = [sh]


def plant_pm_sub(m, idx, files, exp):
    s = first_sub(m, 0)
    setcell(files, idx[("dpa_sub_pm", s["kode"])], pmv(s) + 5_000_000)
    for p, k, x in subs(m):
        if x is s:
            loc = idx[("dpa_keg_pm", k["kode"])]
    exp["errors"].append(err("subtotal-mismatch", loc))
    exp["_cell_alt"] = idx[("dpa_sub_pm", s["kode"])][2]


def plant_onecol_rek(m, idx, files, exp):
    s = first_sub(m, 2)
    loc = idx[("rek", s["kode"])][-1]
    setcell(files, loc, s["rek"][-1][2] + 2_000_000)
    exp["errors"].append(err("subtotal-mismatch", idx[("dpa_sub", s["kode"])]))
    exp["_cell_alt"] = loc[2]
    exp["pagu"] += 2_000_000


CONFIGS4 += [
    ("d27", 61, "dinkes", "Dinas Kesehatan Kab Blora", 2025, 10, "sipd_pm", "keu_fisik", "simple", None, {}),
    ("d28", 62, "kec", "Kecamatan Kradenan", 2025, 12, "onecol_rek", "monthly", "simple", None, {}),
]
PLANTS4 += [
    ("q59", "d27", plant_pm_sub, None),
    ("q60", "d28", plant_onecol_rek, None),
]


def plant_sub_typo(m, idx, files, exp):
    # one sub kegiatan pagu typed wrong; kegiatan/program/JUMLAH, realisasi Anggaran and kas all agree on the old value
    s = first_sub(m, 1)
    loc = idx[("dpa_sub", s["kode"])]
    setcell(files, loc, s["pagu"] + 10_000_000)
    exp["errors"].append(err("subtotal-mismatch", loc))
    exp["pagu"] += 10_000_000
    exp["_note"] = "ideal: one finding naming the sub kegiatan cell; tool's pagu choice = sum of sub lines"
    if "rfk" in exp:
        rf = exp["rfk"]
        rf["deviasi"] = f"{r2(Decimal(rf['realisasi']) / exp['pagu'] * 100) - r2(Decimal(rf['rencana']) / exp['pagu'] * 100):.2f}"


PLANTS4 += [("q61", "d01", plant_sub_typo, None)]


CONFIGS += CONFIGS2 + CONFIGS3 + CONFIGS4
PLANTS += PLANTS2 + PLANTS3 + PLANTS4


def main():
    os.makedirs(OFFICES, exist_ok=True)
    os.makedirs(EXPECTED, exist_ok=True)
    for cfg in CONFIGS:
        m, idx, files, toml, exp = make_office(cfg)
        write_office(cfg[0], files, toml, exp, junk=cfg[10].get("junk", False))
    for name, base, fn, model in PLANTS:
        cfg = cfg_of(base)
        m, idx, files, toml, exp = make_office(cfg, {"model": model} if model else None)
        fn(m, idx, files, exp)
        extra = exp.pop("_copy", None)
        exp["base"] = base
        write_office(name, files, toml, exp, extra, junk=cfg[10].get("junk", False))


if __name__ == "__main__":
    main()
