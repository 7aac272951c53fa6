#!/usr/bin/env python3
"""Deterministic generator of LKjIP office folders for outsider testing of lkjip-xl.

Writes /work/outsider/offices/<folder>/ (inputs read by the tool) and
/work/outsider/expected/<folder>.json (what a correct tool must report).

Only the public contract (CONTRACT.md) and the seed report were used to design these.
"""
import copy
import csv
import json
import os
import random
import shutil
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.abspath(__file__))
OFFICES = os.path.join(ROOT, "offices")
EXPECTED = os.path.join(ROOT, "expected")

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# ----------------------------------------------------------------------------------
# helpers: numbers, percentages, predikat


def q2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def capaian(t, r, polaritas="positif"):
    t, r = Decimal(str(t)), Decimal(str(r))
    if polaritas == "negatif":
        return q2((2 * t - r) / t * 100)
    return q2(r / t * 100)


def predikat(c):
    c = Decimal(c)
    if c > 100:
        return "Sangat Baik"
    if c >= 85:
        return "Baik"
    if c >= 65:
        return "Cukup"
    if c >= 50:
        return "Kurang"
    return "Sangat Kurang"


def rp_text(n, style=0):
    """Indonesian money text."""
    s = f"{n:,}".replace(",", ".")
    if n < 0:
        s = f"({f'{-n:,}'.replace(',', '.')})"
        return s
    if style == 0:
        return f"Rp. {s},-"
    if style == 1:
        return s
    return f"Rp {s}"


def id_dec(d, nd=2):
    """Decimal -> Indonesian decimal text, e.g. 89,50"""
    return f"{Decimal(d):.{nd}f}".replace(".", ",")


# ----------------------------------------------------------------------------------
# budget data model

KEC_TREE = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [
        ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
            ("7.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"),
        ]),
        ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", [
            ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN"),
            ("7.01.01.2.02.0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"),
        ]),
        ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah", [
            ("7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"),
            ("7.01.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor"),
            ("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor"),
            ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
        ]),
        ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
            ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
            ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor"),
        ]),
        ("7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", [
            ("7.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional atau Lapangan"),
        ]),
    ]),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", [
        ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", [
            ("7.01.02.2.01.0001", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait"),
        ]),
        ("7.01.02.2.02", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", [
            ("7.01.02.2.02.0001", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Pelayanan Perizinan Non Usaha"),
            ("7.01.02.2.02.0003", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Kewenangan Lain yang Dilimpahkan"),
        ]),
    ]),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", [
        ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", [
            ("7.01.03.2.01.0002", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa"),
        ]),
        ("7.01.03.2.02", "Kegiatan Pemberdayaan Kelurahan", [
            ("7.01.03.2.02.0002", "Pembangunan Sarana dan Prasarana Kelurahan"),
            ("7.01.03.2.02.0003", "Pemberdayaan Masyarakat di Kelurahan"),
        ]),
    ]),
    ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", [
        ("7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", [
            ("7.01.04.2.01.0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan"),
            ("7.01.04.2.01.0002", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat"),
        ]),
    ]),
    ("7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", [
        ("7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah", [
            ("7.01.05.2.01.0006", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan"),
        ]),
    ]),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", [
        ("7.01.06.2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", [
            ("7.01.06.2.01.0005", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa"),
        ]),
    ]),
]


def penunjang(ux):
    return (f"{ux}.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [
        (f"{ux}.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            (f"{ux}.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
            (f"{ux}.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
        ]),
        (f"{ux}.01.2.02", "Administrasi Keuangan Perangkat Daerah", [
            (f"{ux}.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN"),
        ]),
        (f"{ux}.01.2.06", "Administrasi Umum Perangkat Daerah", [
            (f"{ux}.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor"),
            (f"{ux}.01.2.06.0004", "Penyediaan Bahan Logistik Kantor"),
        ]),
        (f"{ux}.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
            (f"{ux}.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
        ]),
    ])


DLH_TREE = [
    penunjang("2.11"),
    ("2.11.02", "PROGRAM PERENCANAAN LINGKUNGAN HIDUP", [
        ("2.11.02.2.01", "Rencana Perlindungan dan Pengelolaan Lingkungan Hidup (RPPLH) Kabupaten/Kota", [
            ("2.11.02.2.01.0002", "Penyusunan Materi Muatan Lingkungan Hidup pada RPPLH Kabupaten/Kota"),
        ]),
        ("2.11.02.2.02", "Penyelenggaraan Kajian Lingkungan Hidup Strategis (KLHS) Kabupaten/Kota", [
            ("2.11.02.2.02.0002", "Pelaksanaan KLHS untuk KRP yang Berpotensi Menimbulkan Dampak dan/atau Risiko Lingkungan Hidup"),
        ]),
    ]),
    ("2.11.03", "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP", [
        ("2.11.03.2.01", "Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup", [
            ("2.11.03.2.01.0001", "Pemantauan Kualitas Lingkungan Hidup"),
            ("2.11.03.2.01.0003", "Pengendalian Pencemaran Air"),
        ]),
    ]),
    ("2.11.11", "PROGRAM PENGELOLAAN PERSAMPAHAN", [
        ("2.11.11.2.01", "Pengelolaan Sampah", [
            ("2.11.11.2.01.0002", "Penanganan Sampah dengan Melakukan Pemilahan, Pengumpulan, Pengangkutan, Pengolahan, dan Pemrosesan Akhir"),
            ("2.11.11.2.01.0008", "Penyediaan Sarana dan Prasarana Pengelolaan Sampah"),
        ]),
    ]),
]

KOMINFO_TREE = [
    penunjang("2.16"),
    ("2.16.02", "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK", [
        ("2.16.02.2.01", "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota", [
            ("2.16.02.2.01.0002", "Pengelolaan Konten dan Perencanaan Media Komunikasi Publik"),
            ("2.16.02.2.01.0005", "Layanan Hubungan Media"),
        ]),
    ]),
    ("2.16.03", "PROGRAM APLIKASI INFORMATIKA", [
        ("2.16.03.2.02", "Pengelolaan e-Government di Lingkup Pemerintah Daerah Kabupaten/Kota", [
            ("2.16.03.2.02.0002", "Pengelolaan Sistem Penghubung Layanan Pemerintah"),
            ("2.16.03.2.02.0014", "Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik"),
        ]),
    ]),
]

DISHUB_TREE = [
    penunjang("2.15"),
    ("2.15.02", "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)", [
        ("2.15.02.2.01", "Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota", [
            ("2.15.02.2.01.0001", "Penyusunan Rencana Induk Jaringan LLAJ Kabupaten/Kota"),
        ]),
        ("2.15.02.2.02", "Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota", [
            ("2.15.02.2.02.0002", "Pengadaan Perlengkapan Jalan"),
            ("2.15.02.2.02.0003", "Rehabilitasi dan Pemeliharaan Perlengkapan Jalan"),
        ]),
        ("2.15.02.2.07", "Pengujian Berkala Kendaraan Bermotor", [
            ("2.15.02.2.07.0001", "Pengujian Berkala Kendaraan Bermotor"),
        ]),
    ]),
]

REKENING = {
    "gaji": [("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"),
             ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS"),
             ("5.1.01.01.05.0001", "Belanja Tunjangan Fungsional Umum PNS")],
    "other": [("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
              ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"),
              ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat"),
              ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi"),
              ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
              ("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya")],
}


class Sub:
    def __init__(self, kode, nama, pagu, nxt, final_frac, rng, profile=None):
        self.kode, self.nama, self.pagu, self.next = kode, nama, pagu, nxt
        final = int(pagu * final_frac)
        # cumulative realisasi per month 1..12, monotone non-decreasing, <= final
        if profile is None:
            pts = sorted(rng.uniform(0.0, 1.0) for _ in range(11))
            profile = [p * (0.35 + 0.65 * (i + 1) / 11) for i, p in enumerate(pts)]
            profile = sorted(profile) + [1.0]
        self.cum = [int(final * p) for p in profile]
        for i in range(1, 12):
            self.cum[i] = max(self.cum[i], self.cum[i - 1])
        self.rek = []

    def bulan_ini(self, m):
        return self.cum[m - 1] - (self.cum[m - 2] if m >= 2 else 0)


def build_tree(tree, seed, keep=None, special=None):
    """tree -> list of programs [(kode, nama, [(kkode, knama, [Sub])])]"""
    rng = random.Random(seed)
    special = special or {}
    progs = []
    for pk, pn, kegs in tree:
        kl = []
        for kk, kn, subs in kegs:
            sl = []
            for sk, sn in subs:
                if keep and sk not in keep:
                    continue
                if "Gaji" in sn:
                    pagu = rng.randrange(2_000, 9_000) * 1_000_000
                elif "Sarana dan Prasarana" in sn or "Pengadaan" in sn:
                    pagu = rng.randrange(300, 3_000) * 1_000_000
                else:
                    pagu = rng.randrange(2_000, 400_000) * 1_000 + rng.choice([0, 0, 0, 400, 500, 600])
                nxt = int(pagu * rng.uniform(0.85, 1.2)) // 1000 * 1000
                sp = special.get(sk, {})
                pagu = sp.get("pagu", pagu)
                nxt = sp.get("next", nxt)
                s = Sub(sk, sn, pagu, nxt, sp.get("frac", rng.uniform(0.90, 0.998)), rng,
                        sp.get("profile"))
                # rekening split
                pool = REKENING["gaji"] if "Gaji" in sn else REKENING["other"]
                n = rng.randrange(2, 4)
                chosen = rng.sample(pool, n)
                rest = pagu
                for i, (rk, rn) in enumerate(chosen):
                    if i == n - 1:
                        amt = rest
                    else:
                        amt = int(rest * rng.uniform(0.3, 0.6)) // 100 * 100
                    rest -= amt
                    s.rek.append((rk, rn, amt))
                sl.append(s)
            if sl:
                kl.append((kk, kn, sl))
        if kl:
            progs.append((pk, pn, kl))
    return progs


def subs_of(progs):
    return [s for _, _, kl in progs for _, _, sl in kl for s in sl]


def psum(kl, attr="pagu"):
    return sum(getattr(s, attr) for _, _, sl in kl for s in sl)


def ksum(sl, attr="pagu"):
    return sum(getattr(s, attr) for s in sl)


# ----------------------------------------------------------------------------------
# sheet writing helpers


class W:
    """Row-cursor writer over an openpyxl worksheet."""

    def __init__(self, ws):
        self.ws = ws
        self.r = 1

    def cell(self, r, c, v, fmt=None, bold=False, border=False, wrap=False):
        ce = self.ws.cell(row=r, column=c, value=v)
        if fmt:
            ce.number_format = fmt
        if bold:
            ce.font = Font(bold=True)
        if border:
            ce.border = BOX
        if wrap:
            ce.alignment = Alignment(wrap_text=True, vertical="top")
        return ce

    def title(self, lines, ncols):
        for t in lines:
            if t is not None:
                self.cell(self.r, 1, t, bold=True)
                if ncols > 1:
                    self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=ncols)
                self.ws.cell(row=self.r, column=1).alignment = Alignment(horizontal="center")
            self.r += 1

    def header(self, spec):
        """spec: list of str or (group, [subs]). Returns list of leaf column names. Two rows if any group."""
        two = any(isinstance(x, tuple) for x in spec)
        c = 1
        leaves = []
        for x in spec:
            if isinstance(x, tuple):
                g, subs = x
                self.cell(self.r, c, g, bold=True, border=True)
                self.ws.merge_cells(start_row=self.r, start_column=c, end_row=self.r, end_column=c + len(subs) - 1)
                for i, s in enumerate(subs):
                    self.cell(self.r + 1, c + i, s, bold=True, border=True)
                    leaves.append(s)
                c += len(subs)
            else:
                self.cell(self.r, c, x, bold=True, border=True, wrap=True)
                if two:
                    self.ws.merge_cells(start_row=self.r, start_column=c, end_row=self.r + 1, end_column=c)
                leaves.append(x)
                c += 1
        self.r += 2 if two else 1
        return leaves

    def numbers_row(self, n, style="int"):
        for i in range(1, n + 1):
            v = i if style == "int" else (f"({i})" if style == "paren" else str(i))
            self.cell(self.r, i, v, border=True)
        self.r += 1

    def row(self, values, fmts=None):
        for i, v in enumerate(values):
            if v is None:
                continue
            f = fmts[i] if fmts and i < len(fmts) else None
            self.cell(self.r, i + 1, v, fmt=f, border=True)
        r = self.r
        self.r += 1
        return r

    def merge(self, r1, c1, r2, c2):
        self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    def signature(self, col, place, jabatan, nama, nip):
        self.r += 1
        for t in [place, jabatan, None, None, nama, nip]:
            if t:
                self.cell(self.r, col, t)
            self.r += 1


def addr(r, c):
    return f"{get_column_letter(c)}{r}"


def widths(ws, ws_list):
    for i, w in enumerate(ws_list):
        ws.column_dimensions[get_column_letter(i + 1)].width = w


# ----------------------------------------------------------------------------------
# indicators

def ind(sasaran, nama, satuan, pol, years, tujuan=None, sumber="Laporan internal"):
    """years: {year: (target, realisasi)}"""
    d = dict(sasaran=sasaran, nama=nama, satuan=satuan, pol=pol, years=years,
             tujuan=tujuan or sasaran, sumber=sumber)
    d["cap"] = {y: capaian(t, r, pol) for y, (t, r) in years.items()}
    d["pred"] = {y: predikat(c) for y, c in d["cap"].items()}
    return d


def check_inds(inds):
    for i in inds:
        for y, c in i["cap"].items():
            for b in (Decimal(50), Decimal(65), Decimal(85), Decimal(100)):
                if abs(c - b) < Decimal("0.05") and c != b:
                    raise SystemExit(f"capaian too close to a band edge: {i['nama']} {y} {c}")


def fmt_val(v):
    """target/realisasi values as Python numbers (int when integral)."""
    d = Decimal(str(v))
    return int(d) if d == d.to_integral() else float(d)


# ----------------------------------------------------------------------------------
# offices

class Office:
    def __init__(self, folder, instansi, tahun, progs, inds, prog_inds, bulan):
        self.folder, self.instansi, self.tahun = folder, instansi, tahun
        self.progs, self.inds, self.prog_inds, self.bulan = progs, inds, prog_inds, bulan
        self.cells = {}  # key -> (file, sheet, cell)
        self.dir = os.path.join(OFFICES, folder)

    @property
    def pagu(self):
        return sum(s.pagu for s in subs_of(self.progs))

    @property
    def realisasi(self):
        return sum(s.cum[self.bulan - 1] for s in subs_of(self.progs))

    def path(self, name):
        return os.path.join(self.dir, name)


def prog_indikator_rows(o, sasaran_of):
    rows = []
    for i, (pk, pn, _) in enumerate(o.progs):
        t, r = o.prog_inds[i]
        rows.append((sasaran_of(i), pk, pn, f"Persentase capaian sasaran {pn.title()[8:60]}", "%", t, r,
                     capaian(t, r)))
    return rows


def write_indikator_program(o, wb, sheetname="Indikator Program", title_rows=3, sas_num=False):
    ws = wb.create_sheet(sheetname)
    w = W(ws)
    w.title(["INDIKATOR KINERJA PROGRAM", o.instansi.upper(), f"TAHUN {o.tahun}"][:title_rows], 9)
    w.r += 1
    w.header(["No", "Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target",
              "Realisasi", "Capaian %"])
    sas = [i["sasaran"] for i in o.inds]

    def sasaran_of(i):
        return sas[i % len(sas)]

    for n, (sasaran, pk, pn, indn, sat, t, r, c) in enumerate(prog_indikator_rows(o, sasaran_of), 1):
        w.row([n, sasaran, pk, pn, indn, sat, fmt_val(t), fmt_val(r), float(c)])
    widths(ws, [5, 40, 12, 45, 45, 8, 10, 10, 10])


# ---------------- Office A: Kecamatan Tunjungan 2024 -------------------------------

def dpa_A(o, name, tahun=None, progs=None):
    tahun = tahun or o.tahun
    progs = progs or o.progs
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DPA"
    w = W(ws)
    w.title(["DOKUMEN PELAKSANAAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
             o.instansi.upper() + " KABUPATEN BLORA", f"TAHUN ANGGARAN {tahun}"], 8)
    w.r += 1
    w.header(["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Satuan",
              ("Anggaran (Rp)", [f"Tahun {tahun}", f"Prakiraan Maju {tahun + 1}"])])
    w.numbers_row(8, "int")
    money = "#,##0"
    for n, (pk, pn, kl) in enumerate(progs, 1):
        r = w.row([n, pk, pn, "Persentase capaian program", 100, "%", psum(kl), psum(kl, "next")],
                  [None] * 6 + [money, money])
        o.cells[("A.dpa", pk, "pagu")] = (name, "DPA", addr(r, 7))
        for kk, kn, sl in kl:
            r = w.row([None, kk, kn, "Persentase capaian kegiatan", 100, "%", ksum(sl), ksum(sl, "next")],
                      [None] * 6 + [money, money])
            o.cells[("A.dpa", kk, "pagu")] = (name, "DPA", addr(r, 7))
            for s in sl:
                nxt = "-" if s.next == 0 else s.next
                r = w.row([None, s.kode, s.nama, "Jumlah dokumen/layanan", 12, "Bulan", s.pagu, nxt],
                          [None] * 6 + [money, money])
                o.cells[("A.dpa", s.kode, "pagu")] = (name, "DPA", addr(r, 7))
    allsubs = [s for _, _, kl in progs for _, _, sl in kl for s in sl]
    r = w.row([None, "JUMLAH", None, None, None, None, sum(s.pagu for s in allsubs),
               sum(s.next for s in allsubs)], [None] * 6 + [money, money])
    o.cells[("A.dpa", "JUMLAH", "pagu")] = (name, "DPA", addr(r, 7))
    w.r += 1
    w.cell(w.r, 2, "Catatan: Anggaran sesuai Perda APBD dan Perbup Penjabaran APBD.")
    w.r += 1
    w.signature(6, f"Tunjungan, 2 Januari {tahun}", "CAMAT TUNJUNGAN", "Drs. BUDI SANTOSO, M.Si",
                "NIP. 19700101 199003 1 005")
    widths(ws, [5, 20, 55, 30, 8, 8, 18, 18])
    wb.save(o.path(name))


def realisasi_A(o):
    for m in (10, 11, 12):
        name = f"Realisasi {o.tahun}-{m:02d}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Realisasi"
        w = W(ws)
        w.title(["LAPORAN REALISASI ANGGARAN", o.instansi.upper(), f"s.d. Bulan {MONTHS[m - 1]} {o.tahun}"], 6)
        w.header(["Kode", "Uraian", "Anggaran", "Realisasi Bulan Ini", "Realisasi s.d. Bulan Ini", "Serapan (%)"])
        subs = subs_of(o.progs)
        for s in subs:
            r = w.row([s.kode, s.nama, s.pagu, s.bulan_ini(m), s.cum[m - 1],
                       float(q2(Decimal(s.cum[m - 1]) * 100 / s.pagu))], [None, None, "#,##0", "#,##0", "#,##0", "0.00"])
            o.cells[("A.real", m, s.kode)] = (name, "Realisasi", addr(r, 5))
        tot = sum(s.cum[m - 1] for s in subs)
        r = w.row(["JUMLAH", None, sum(s.pagu for s in subs), sum(s.bulan_ini(m) for s in subs), tot,
                   float(q2(Decimal(tot) * 100 / sum(s.pagu for s in subs)))])
        w.merge(r, 1, r, 2)
        widths(ws, [20, 60, 18, 18, 18, 10])
        wb.save(o.path(name))


def iku_groups(o, name, years, sheet="IKU", polar_words=False, kategori=True, title=None,
               extra_tail=True, renstra=None, example_row=False, prog_sheet=True):
    """Template-like IKU: year groups over Target | Realisasi | Capaian %."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    w = W(ws)
    y = o.tahun
    ncol = 6 + 3 * len(years) + (1 if kategori else 0) + (4 if extra_tail else 1)
    w.title(title or ["PENGUKURAN INDIKATOR KINERJA UTAMA", o.instansi.upper(), f"TAHUN {y}"], ncol)
    spec = ["No", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis"]
    spec += [(str(yy), ["Target", "Realisasi", "Capaian %"]) for yy in years]
    if kategori:
        spec.append(f"Kategori {y}")
    spec += [f"Target Akhir {renstra[-1] if renstra else y + 1}", "Sumber Data"]
    if extra_tail:
        spec += ["Analisis", "Solusi"]
    w.header(spec)
    if example_row:
        r = w.row([1, "Meningkatnya kepuasan masyarakat terhadap pelayanan Kecamatan", "Indeks Kepuasan Masyarakat",
                   "Indeks", "positif", "nilai akhir", 95, 85.93, 90.45, 95, 86.34, 90.88, 95, 89.5, 94.21, "Baik", 95,
                   "e-SKM", "Pelayanan telah sesuai dengan SOP", "Meningkatkan kualitas sarana dan prasarana pelayanan"])
        o.cells[("iku", "example")] = (name, sheet, addr(r, 1))
    for n, i in enumerate(o.inds, 1):
        pol = i["pol"]
        if polar_words:
            pol = "semakin tinggi semakin baik" if pol == "positif" else "semakin rendah semakin baik"
        vals = [n, i["sasaran"], i["nama"], i["satuan"], pol, "nilai akhir"]
        for yy in years:
            t, rr = i["years"][yy]
            vals += [fmt_val(t), fmt_val(rr), float(i["cap"][yy])]
        if kategori:
            vals.append(i["pred"][y])
        vals += [fmt_val(i["renstra"][renstra[-1]]) if renstra else fmt_val(i["years"][y][0]), i["sumber"]]
        if extra_tail:
            vals += ["Capaian sesuai rencana kerja", "Mempertahankan kinerja"]
        r = w.row(vals)
        base = 7
        for k, yy in enumerate(years):
            o.cells[("iku", i["nama"], yy, "target")] = (name, sheet, addr(r, base + 3 * k))
            o.cells[("iku", i["nama"], yy, "realisasi")] = (name, sheet, addr(r, base + 3 * k + 1))
            o.cells[("iku", i["nama"], yy, "capaian")] = (name, sheet, addr(r, base + 3 * k + 2))
        if kategori:
            o.cells[("iku", i["nama"], y, "predikat")] = (name, sheet, addr(r, base + 3 * len(years)))
    widths(ws, [5, 40, 40, 8, 12, 10] + [9] * (3 * len(years)) + [12, 10, 14, 30, 30])
    if renstra:
        rs = wb.create_sheet("Renstra")
        w = W(rs)
        w.title([f"RENCANA STRATEGIS (RENSTRA) {renstra[0]} - {renstra[-1]}", o.instansi.upper()], 5 + len(renstra))
        w.r += 1
        w.header(["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Satuan",
                  ("Target Kinerja pada Tahun", [str(x) for x in renstra])])
        for n, i in enumerate(o.inds, 1):
            r = w.row([n, i["tujuan"], i["sasaran"], i["nama"], i["satuan"]] + [fmt_val(i["renstra"][x]) for x in renstra])
            for k, x in enumerate(renstra):
                o.cells[("renstra", i["nama"], x)] = (name, "Renstra", addr(r, 6 + k))
    if prog_sheet:
        write_indikator_program(o, wb)
    wb.save(o.path(name))


def with_renstra(inds, years_all):
    for i in inds:
        i["renstra"] = {}
        for y in years_all:
            if y in i["years"]:
                i["renstra"][y] = i["years"][y][0]
            else:
                i["renstra"][y] = i["years"][max(i["years"])][0]
    return inds


def office_A():
    progs = build_tree(KEC_TREE, seed=101)
    inds = [
        ind("Meningkatnya kepuasan masyarakat terhadap pelayanan Kecamatan", "Indeks Kepuasan Masyarakat", "Indeks",
            "positif", {2022: (82, 83.1), 2023: (83, 84.25), 2024: (84, 86.4)}, sumber="e-SKM"),
        ind("Terwujudnya birokrasi yang bersih dan akuntabel", "Nilai SAKIP Kecamatan", "Nilai", "positif",
            {2022: (65, 61.2), 2023: (66, 66.0), 2024: (70, 68.35)}, sumber="Evaluasi Inspektorat"),
        ind("Meningkatnya ketentraman dan ketertiban umum", "Persentase gangguan trantibum yang tidak tertangani",
            "%", "negatif", {2022: (10, 8), 2023: (9, 9.5), 2024: (8, 7.2)}, sumber="Seksi Trantib"),
    ]
    with_renstra(inds, [2022, 2023, 2024, 2025, 2026])
    check_inds(inds)
    o = Office("kec-tunjungan-2024", "Kecamatan Tunjungan", 2024, progs, inds,
               [(100, 100), (100, 97.5), (100, 95), (100, 100), (100, 100), (100, 92)], bulan=12)
    os.makedirs(o.dir, exist_ok=True)
    dpa_A(o, "DPA Kecamatan Tunjungan 2024.xlsx")
    realisasi_A(o)
    iku_groups(o, "IKU Kecamatan Tunjungan 2024.xlsx", [2022, 2023, 2024], sheet="IKU 2022-2024",
               renstra=[2022, 2023, 2024, 2025, 2026])
    return o


# ---------------- Office B: Kecamatan Todanan 2025 (SIPD flattened, full parent codes) ----

def office_B():
    keep = {"7.01.01.2.01.0001", "7.01.01.2.02.0001", "7.01.01.2.06.0002", "7.01.01.2.06.0004",
            "7.01.01.2.08.0002", "7.01.02.2.01.0001", "7.01.02.2.02.0001", "7.01.03.2.01.0002",
            "7.01.04.2.01.0002", "7.01.06.2.01.0005"}
    progs = build_tree(KEC_TREE, seed=202, keep=keep)
    inds = [
        ind("Meningkatnya kepuasan masyarakat terhadap pelayanan Kecamatan", "Indeks Kepuasan Masyarakat", "Indeks",
            "positif", {2024: (85, 88.12), 2025: (86, 88.4)}, sumber="e-SKM"),
        ind("Terwujudnya birokrasi yang bersih dan akuntabel", "Nilai SAKIP Kecamatan", "Nilai", "positif",
            {2024: (70, 60.5), 2025: (72, 71.1)}, sumber="Evaluasi Inspektorat"),
        ind("Meningkatnya partisipasi masyarakat dalam pembangunan", "Persentase desa yang melaksanakan musrenbangdes tepat waktu",
            "%", "positif", {2024: (100, 93.75), 2025: (100, 100)}, sumber="Seksi Pembangunan"),
    ]
    with_renstra(inds, [2021, 2022, 2023, 2024, 2025, 2026])
    check_inds(inds)
    o = Office("kec-todanan-2025", "Kecamatan Todanan", 2025, progs, inds,
               [(100, 99), (100, 100), (100, 100), (100, 100), (100, 96)], bulan=6)
    os.makedirs(o.dir, exist_ok=True)
    # DPA: flattened SIPD export, rekening-level, header on row 1
    name = "DPA SIPD Todanan 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rincian DPA"
    w = W(ws)
    w.header(["Kode Urusan", "Kode Bidang", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
              "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Pagu"])
    for pk, pn, kl in o.progs:
        for kk, kn, sl in kl:
            for s in sl:
                for rk, rn, amt in s.rek:
                    r = w.row(["7", "7.01", pk, kk, s.kode, s.nama, rk, rn, amt], [None] * 8 + ["#,##0"])
    r = w.row([None, None, None, None, None, "TOTAL", None, None, o.pagu], [None] * 8 + ["#,##0"])
    widths(ws, [8, 8, 10, 14, 20, 55, 20, 45, 16])
    wb.save(o.path(name))
    # Realisasi: one long file with a Bulan column merged down over each month's block
    name = f"Realisasi {o.tahun}.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi Bulanan"
    w = W(ws)
    w.title(["REALISASI ANGGARAN PER BULAN", o.instansi.upper(), f"TAHUN ANGGARAN {o.tahun}"], 5)
    w.r += 1
    w.header(["Bulan", "Kode", "Uraian", "Realisasi Bulan Ini", "Realisasi s.d. Bulan Ini"])
    subs = subs_of(o.progs)
    for m in range(1, o.bulan + 1):
        start = w.r
        for s in subs:
            r = w.row([MONTHS[m - 1] if s is subs[0] else None, s.kode, s.nama, s.bulan_ini(m), s.cum[m - 1]],
                      [None, None, None, "#,##0", "#,##0"])
            o.cells[("B.real", m, s.kode)] = (name, "Realisasi Bulanan", addr(r, 5))
        w.merge(start, 1, w.r - 1, 1)
        ws.cell(row=start, column=1).alignment = Alignment(vertical="center")
    widths(ws, [12, 20, 60, 18, 18])
    wb.save(o.path(name))
    # IKU with Target YYYY / Realisasi YYYY columns + Renstra + Indikator Program
    name = "IKU.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "IKU"
    w = W(ws)
    w.title(["INDIKATOR KINERJA UTAMA (IKU)", o.instansi.upper() + " KABUPATEN BLORA"], 12)
    w.r += 2
    w.header(["No", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target 2024", "Realisasi 2024",
              "Capaian 2024 (%)", "Target 2025", "Realisasi 2025", "Capaian 2025 (%)", "Predikat 2025"])
    for n, i in enumerate(o.inds, 1):
        vals = [n, i["sasaran"], i["nama"], i["satuan"], i["pol"]]
        for yy in (2024, 2025):
            t, rr = i["years"][yy]
            vals += [fmt_val(t), fmt_val(rr), float(i["cap"][yy])]
        vals.append(i["pred"][2025])
        r = w.row(vals)
        o.cells[("iku", i["nama"], 2025, "capaian")] = (name, "IKU", addr(r, 11))
        o.cells[("iku", i["nama"], 2024, "capaian")] = (name, "IKU", addr(r, 8))
    widths(ws, [5, 40, 45, 8, 10, 10, 10, 10, 10, 10, 10, 14])
    rs = wb.create_sheet("Renstra")
    w = W(rs)
    w.title(["TARGET RENSTRA 2021-2026", o.instansi.upper()], 10)
    w.header(["No", "Tujuan", "Sasaran", "Indikator Kinerja", ("Target Kinerja pada Tahun", [str(x) for x in range(2021, 2027)])])
    for n, i in enumerate(o.inds, 1):
        r = w.row([n, i["tujuan"], i["sasaran"], i["nama"]] + [fmt_val(i["renstra"][x]) for x in range(2021, 2027)])
        for k, x in enumerate(range(2021, 2027)):
            o.cells[("renstra", i["nama"], x)] = (name, "Renstra", addr(r, 5 + k))
    write_indikator_program(o, wb)
    wb.save(o.path(name))
    return o


# ---------------- Office C: Dinas Lingkungan Hidup 2025 (one segment per merged Kode column) ----

def office_C():
    progs = build_tree(DLH_TREE, seed=303)
    inds = [
        ind("Meningkatnya kualitas lingkungan hidup", "Indeks Kualitas Lingkungan Hidup", "Indeks", "positif",
            {2023: (58, 57.1), 2024: (59, 60.02), 2025: (60, 61.3)}, sumber="KLHK"),
        ind("Meningkatnya kualitas lingkungan hidup", "Persentase sampah yang tidak terkelola", "%", "negatif",
            {2023: (35, 33), 2024: (32, 30.4), 2025: (30, 27)}, sumber="Bidang Persampahan"),
        ind("Terwujudnya tata kelola perangkat daerah yang akuntabel", "Nilai SAKIP Dinas", "Nilai", "positif",
            {2023: (65, 63.4), 2024: (67, 66.8), 2025: (70, 71.25)}, sumber="Evaluasi Inspektorat"),
    ]
    check_inds(inds)
    o = Office("dinas-lh-2025", "Dinas Lingkungan Hidup", 2025, progs, inds,
               [(100, 100), (100, 95), (100, 90), (100, 98)], bulan=6)
    os.makedirs(o.dir, exist_ok=True)
    name = "DPA DLH 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DPA SKPD"
    w = W(ws)
    w.title(["PEMERINTAH KABUPATEN BLORA", "DOKUMEN PELAKSANAAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
             "Urusan Pemerintahan : 2.11 - URUSAN PEMERINTAHAN BIDANG LINGKUNGAN HIDUP",
             "Organisasi : 2.11.0.00.0.00.01.0000 - DINAS LINGKUNGAN HIDUP", None], 9)
    # header: merged Kode over 6 columns (one segment each), Uraian, Anggaran over 2025 | 2026
    r0 = w.r
    w.cell(r0, 1, "Kode", bold=True, border=True)
    w.merge(r0, 1, r0 + 1, 6)
    w.cell(r0, 7, "Uraian", bold=True, border=True)
    w.merge(r0, 7, r0 + 1, 7)
    w.cell(r0, 8, "Anggaran", bold=True, border=True)
    w.merge(r0, 8, r0, 9)
    w.cell(r0 + 1, 8, "2025", bold=True, border=True)
    w.cell(r0 + 1, 9, "2026", bold=True, border=True)
    w.r += 2
    # column numbers as text "(1)".. ; the Kode block is column (1) merged
    w.cell(w.r, 1, "(1)")
    w.merge(w.r, 1, w.r, 6)
    w.cell(w.r, 7, "(2)")
    w.cell(w.r, 8, "(3)")
    w.cell(w.r, 9, "(4)")
    w.r += 1
    money = "#,##0"
    for pk, pn, kl in o.progs:
        seg = pk.split(".")
        r = w.row(seg + [None, None, None, pn, psum(kl), psum(kl, "next")], [None] * 7 + [money, money])
        o.cells[("C.dpa", pk)] = (name, "DPA SKPD", addr(r, 8))
        for kk, kn, sl in kl:
            seg = kk.split(".")
            r = w.row(seg + [None, kn, ksum(sl), ksum(sl, "next")], [None] * 7 + [money, money])
            for s in sl:
                r = w.row(s.kode.split(".") + [s.nama, s.pagu, s.next], [None] * 7 + [money, money])
                o.cells[("C.dpa", s.kode)] = (name, "DPA SKPD", addr(r, 8))
    r = w.row(["JUMLAH", None, None, None, None, None, None, o.pagu, sum(s.next for s in subs_of(o.progs))],
              [None] * 7 + [money, money])
    w.merge(r, 1, r, 7)
    w.signature(8, "Blora, 2 Januari 2025", "Kepala Dinas Lingkungan Hidup", "Ir. SITI RAHAYU, M.T.",
                "NIP. 19720315 199803 2 004")
    widths(ws, [4, 4, 4, 4, 4, 6, 60, 18, 18])
    wb.save(o.path(name))
    # realisasi monthly files with two-row Realisasi over Bulan Ini | s.d. Bulan Ini
    for m in (4, 5, 6):
        name = f"Realisasi {o.tahun}-{m:02d}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Realisasi"
        w = W(ws)
        w.title(["LAPORAN REALISASI ANGGARAN", "DINAS LINGKUNGAN HIDUP KABUPATEN BLORA",
                 f"Periode s.d. Bulan {MONTHS[m - 1]} {o.tahun}"], 5)
        w.r += 1
        w.header(["Kode", "Uraian", "Pagu", ("Realisasi", ["Bulan Ini", "s.d. Bulan Ini"])])
        for s in subs_of(o.progs):
            r = w.row([s.kode, s.nama, s.pagu, s.bulan_ini(m), s.cum[m - 1]], [None, None, "#,##0", "#,##0", "#,##0"])
            o.cells[("C.real", m, s.kode)] = (name, "Realisasi", addr(r, 5))
        subs = subs_of(o.progs)
        r = w.row(["TOTAL", None, o.pagu, sum(s.bulan_ini(m) for s in subs), sum(s.cum[m - 1] for s in subs)])
        widths(ws, [20, 60, 18, 18, 18])
        wb.save(o.path(name))
    # IKU long format with Tahun column, Sasaran merged down
    name = "IKU DLH 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "IKU"
    w = W(ws)
    w.title(["INDIKATOR KINERJA UTAMA", "DINAS LINGKUNGAN HIDUP", "TAHUN 2023 - 2025"], 10)
    w.r += 1
    w.header(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Tahun", "Target", "Realisasi",
              "Capaian %", "Predikat"])
    n = 0
    sas_start = {}
    last_sas = None
    for i in o.inds:
        for yy in (2023, 2024, 2025):
            t, rr = i["years"][yy]
            first = i["sasaran"] != last_sas
            if first:
                n += 1
            r = w.row([n if first else None, i["sasaran"] if first else None, i["nama"], i["satuan"], i["pol"], yy,
                       fmt_val(t), fmt_val(rr), float(i["cap"][yy]), i["pred"][yy]])
            if first:
                if last_sas is not None:
                    s0 = sas_start[last_sas]
                    w.merge(s0, 2, r - 1, 2)
                    w.merge(s0, 1, r - 1, 1)
                sas_start[i["sasaran"]] = r
            last_sas = i["sasaran"]
            o.cells[("iku", i["nama"], yy, "capaian")] = (name, "IKU", addr(r, 9))
            o.cells[("iku", i["nama"], yy, "predikat")] = (name, "IKU", addr(r, 10))
    s0 = sas_start[last_sas]
    w.merge(s0, 2, w.r - 1, 2)
    w.merge(s0, 1, w.r - 1, 1)
    w.r += 1
    w.cell(w.r, 2, "Keterangan: capaian polaritas negatif = (2 x Target - Realisasi) / Target x 100")
    widths(ws, [5, 40, 45, 8, 10, 8, 10, 10, 10, 14])
    wb.save(o.path(name))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    write_indikator_program(o, wb, title_rows=2)
    wb.save(o.path("Indikator Program DLH 2025.xlsx"))
    return o


# ---------------- Office D: Dinas Kominfo 2024 (DPPA, amounts as text) ---------------------

def office_D():
    progs = build_tree(KOMINFO_TREE, seed=404)
    rng = random.Random(4040)
    for s in subs_of(progs):  # before/after shift; pagu = after
        s.before = s.pagu + rng.choice([-1, 1]) * rng.randrange(0, 40) * 500_000
        if s.before <= 0:
            s.before = s.pagu
    inds = [
        ind("Meningkatnya keterbukaan informasi publik", "Indeks Keterbukaan Informasi Publik", "Indeks", "positif",
            {2024: (80, 82.35)}, sumber="Komisi Informasi"),
        ind("Meningkatnya penerapan SPBE", "Indeks SPBE", "Indeks", "positif", {2024: (2.6, 2.2)},
            sumber="KemenPANRB"),
        ind("Meningkatnya kualitas layanan aduan", "Persentase aduan masyarakat yang tidak ditindaklanjuti", "%",
            "negatif", {2024: (5, 6.5)}, sumber="SP4N-LAPOR"),
    ]
    check_inds(inds)
    o = Office("dinas-kominfo-2024", "Dinas Komunikasi dan Informatika", 2024, progs, inds,
               [(100, 100), (100, 94), (100, 88)], bulan=12)
    os.makedirs(o.dir, exist_ok=True)
    name = "DPPA Dinas Kominfo 2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DPPA"
    w = W(ws)
    w.title(["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA)", "DINAS KOMUNIKASI DAN INFORMATIKA",
             "TAHUN ANGGARAN 2024"], 5)
    w.header(["Kode", "Uraian", ("Jumlah (Rp)", ["Sebelum Pergeseran", "Setelah Pergeseran", "Bertambah/(Berkurang)"])])
    w.numbers_row(5, "paren")

    def amt(x):
        return rp_text(x, 0) if x >= 0 else rp_text(x)

    for pk, pn, kl in o.progs:
        b = sum(s.before for _, _, sl in kl for s in sl)
        a = psum(kl)
        r = w.row([pk, pn, amt(b), amt(a), amt(a - b)])
        o.cells[("D.dpa", pk)] = (name, "DPPA", addr(r, 4))
        for kk, kn, sl in kl:
            b = sum(s.before for s in sl)
            a = ksum(sl)
            w.row([kk, kn, amt(b), amt(a), amt(a - b)])
            for s in sl:
                r = w.row([s.kode, s.nama, amt(s.before), amt(s.pagu), amt(s.pagu - s.before) if s.pagu != s.before else "-"])
                o.cells[("D.dpa", s.kode)] = (name, "DPPA", addr(r, 4))
    subs = subs_of(o.progs)
    b = sum(s.before for s in subs)
    r = w.row(["JUMLAH", None, amt(b), amt(o.pagu), amt(o.pagu - b)])
    w.merge(r, 1, r, 2)
    o.cells[("D.dpa", "JUMLAH")] = (name, "DPPA", addr(r, 4))
    w.r += 1
    w.cell(w.r, 1, "Catatan:")
    w.cell(w.r + 1, 1, "Pergeseran anggaran berdasarkan Perbup Nomor 45 Tahun 2024.")
    w.r += 3
    w.signature(4, "Blora, 30 September 2024", "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "AGUS PRIYANTO, S.Kom, M.M.",
                "NIP. 19780210 200312 1 002")
    widths(ws, [20, 60, 22, 22, 22])
    wb.save(o.path(name))
    # LRA monthly with plain "Realisasi (Rp)" (cumulative by convention)
    for m in (11, 12):
        name = f"LRA {MONTHS[m - 1]} {o.tahun}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "LRA"
        w = W(ws)
        w.title(["LAPORAN REALISASI ANGGARAN", "DINAS KOMUNIKASI DAN INFORMATIKA",
                 f"Sampai Dengan Bulan {MONTHS[m - 1]} {o.tahun}"], 5)
        w.r += 1
        w.header(["Kode", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa Anggaran (Rp)"])
        for s in subs:
            r = w.row([s.kode, s.nama, s.pagu, s.cum[m - 1], s.pagu - s.cum[m - 1]], [None, None] + ["#,##0"] * 3)
            o.cells[("D.real", m, s.kode)] = (name, "LRA", addr(r, 4))
        tot = sum(s.cum[m - 1] for s in subs)
        r = w.row(["JUMLAH", None, o.pagu, tot, o.pagu - tot], [None, None] + ["#,##0"] * 3)
        w.merge(r, 1, r, 2)
        widths(ws, [20, 60, 18, 18, 18])
        wb.save(o.path(name))
    # PK 2024 with Indonesian text numbers
    name = "PK Kominfo 2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PK 2024"
    w = W(ws)
    w.title(["PENGUKURAN KINERJA TAHUN 2024", "DINAS KOMUNIKASI DAN INFORMATIKA"], 9)
    w.r += 1
    w.header(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi", "Capaian (%)",
              "Predikat"])
    for n, i in enumerate(o.inds, 1):
        t, rr = i["years"][2024]
        r = w.row([n, i["sasaran"], i["nama"], i["satuan"], i["pol"], id_dec(Decimal(str(t))),
                   id_dec(Decimal(str(rr))), id_dec(i["cap"][2024]) + " %", i["pred"][2024]])
        o.cells[("iku", i["nama"], 2024, "capaian")] = (name, "PK 2024", addr(r, 8))
    widths(ws, [5, 40, 45, 8, 10, 10, 10, 12, 14])
    write_indikator_program(o, wb)
    wb.save(o.path(name))
    return o


# ---------------- Office E: Kecamatan Cepu 2025 (rekening-level DPA, months as columns, Renja) --

def office_E():
    special = {"7.01.01.2.06.0001": {"pagu": 2_500_000, "next": 2_750_000}}
    progs = build_tree(KEC_TREE, seed=505, special=special)
    inds = [
        ind("Meningkatnya kepuasan masyarakat terhadap pelayanan Kecamatan", "Indeks Kepuasan Masyarakat", "Indeks",
            "positif", {2023: (84, 80.5), 2024: (85, 84.7), 2025: (86, 87.95)}, sumber="e-SKM"),
        ind("Terwujudnya birokrasi yang bersih dan akuntabel", "Nilai SAKIP Kecamatan", "Nilai", "positif",
            {2023: (66, 62.0), 2024: (68, 67.5), 2025: (70, 73.8)}, sumber="Evaluasi Inspektorat"),
        ind("Meningkatnya ketentraman dan ketertiban umum", "Jumlah kejadian gangguan trantibum", "Kejadian", "negatif",
            {2023: (20, 24), 2024: (18, 17), 2025: (16, 12)}, sumber="Seksi Trantib"),
    ]
    with_renstra(inds, [2021, 2022, 2023, 2024, 2025, 2026])
    check_inds(inds)
    o = Office("kec-cepu-2025", "Kecamatan Cepu", 2025, progs, inds,
               [(100, 100), (100, 98), (100, 96), (100, 100), (100, 90), (100, 100)], bulan=9)
    os.makedirs(o.dir, exist_ok=True)
    name = "DPA Kecamatan Cepu 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap DPA"
    w = W(ws)
    w.title(["REKAPITULASI DPA", o.instansi.upper(), "TAHUN ANGGARAN 2025"], 3)
    w.r += 1
    w.header(["Kode", "Uraian", "Pagu (Rp)"])
    money = "#,##0"
    for pk, pn, kl in o.progs:
        w.row([pk, pn, psum(kl)], [None, None, money])
        for kk, kn, sl in kl:
            w.row([kk, kn, ksum(sl)], [None, None, money])
            for s in sl:
                r = w.row([s.kode, s.nama, s.pagu], [None, None, money])
                o.cells[("E.rekap", s.kode)] = (name, "Rekap DPA", addr(r, 3))
    r = w.row(["JUMLAH TOTAL", None, o.pagu], [None, None, money])
    widths(ws, [20, 70, 18])
    # rekening-level sheet: rekening codes in the Kode column under their sub kegiatan
    ws = wb.create_sheet("DPA Rincian Belanja")
    w = W(ws)
    w.title(["RINCIAN BELANJA", o.instansi.upper(), "TAHUN ANGGARAN 2025", None, None], 3)
    w.header(["Kode", "Uraian", "Jumlah (Rp)"])
    wide = 0
    for pk, pn, kl in o.progs:
        w.row([pk, pn, psum(kl)], [None, None, money])
        for kk, kn, sl in kl:
            w.row([kk, kn, ksum(sl)], [None, None, money])
            for s in sl:
                w.row([s.kode, s.nama, s.pagu], [None, None, money])
                for rk, rn, amt in s.rek:
                    wide += 1
                    if wide % 3 == 0:  # the wider 5.1.02.01.001.00024 form
                        p = rk.split(".")
                        rk = ".".join(p[:4] + [p[4].zfill(3), p[5].zfill(5)])
                    w.row([rk, rn, amt], [None, None, money])
    r = w.row(["JUMLAH", None, o.pagu], [None, None, money])
    w.r += 1
    w.signature(3, "Cepu, 2 Januari 2025", "CAMAT CEPU", "SUGENG RIYADI, S.STP, M.Si", "NIP. 19800512 199912 1 001")
    widths(ws, [22, 70, 18])
    wb.save(o.path(name))
    # realisasi: months as columns (each month's own amount), Jan..Sep filled
    name = "Realisasi Bulanan Cepu 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi 2025"
    w = W(ws)
    w.title(["REALISASI ANGGARAN PER BULAN", o.instansi.upper(), "TAHUN ANGGARAN 2025"], 15)
    w.r += 1
    w.header(["Kode", "Uraian", "Pagu"] + MONTHS)
    for s in subs_of(o.progs):
        vals = [s.kode, s.nama, s.pagu] + [s.bulan_ini(m) for m in range(1, 10)] + [None, None, None]
        w.row(vals, [None, None] + ["#,##0"] * 13)
    widths(ws, [20, 60] + [16] * 13)
    wb.save(o.path(name))
    # Renja with the official long headers
    name = "Renja Kecamatan Cepu 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Renja 2025"
    w = W(ws)
    w.title(["RUMUSAN RENCANA PROGRAM DAN KEGIATAN PERANGKAT DAERAH TAHUN 2025",
             "DAN PRAKIRAAN MAJU TAHUN 2026", "KABUPATEN BLORA", "Nama Perangkat Daerah : KECAMATAN CEPU"], 10)
    w.r += 1
    w.header(["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
              "Indikator Kinerja Program/Kegiatan/Sub Kegiatan",
              ("Rencana Tahun 2025 (Tahun Rencana)", ["Lokasi", "Target Capaian Kinerja",
                                                     "Kebutuhan Dana/Pagu Indikatif (Rp)", "Sumber Dana"]),
              "Catatan Penting",
              ("Prakiraan Maju Rencana Tahun 2026", ["Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif (Rp)"])])
    w.numbers_row(10, "str")
    for pk, pn, kl in o.progs:
        w.row([pk, pn, "Persentase capaian program", "Kec. Cepu", "100%", psum(kl), "DAU", None, "100%",
               psum(kl, "next")], [None] * 5 + [money] + [None] * 3 + [money])
        for kk, kn, sl in kl:
            w.row([kk, kn, "Persentase capaian kegiatan", "Kec. Cepu", "100%", ksum(sl), "DAU", None, "100%",
                   ksum(sl, "next")], [None] * 5 + [money] + [None] * 3 + [money])
            for s in sl:
                w.row([s.kode, s.nama, "Jumlah laporan", "Kec. Cepu", "12 Laporan", s.pagu, "DAU", "-",
                       "12 Laporan", s.next], [None] * 5 + [money] + [None] * 3 + [money])
    w.row([None, "JUMLAH", None, None, None, o.pagu, None, None, None, sum(s.next for s in subs_of(o.progs))],
          [None] * 5 + [money] + [None] * 3 + [money])
    widths(ws, [20, 60, 40, 12, 12, 18, 10, 14, 12, 18])
    wb.save(o.path(name))
    iku_groups(o, "IKU Cepu 2025.xlsx", [2023, 2024, 2025], polar_words=True,
               title=["CAPAIAN INDIKATOR KINERJA UTAMA", "KECAMATAN CEPU", "TAHUN 2023 S.D. 2025", None, None],
               renstra=[2021, 2022, 2023, 2024, 2025, 2026])
    return o


# ---------------- Office F: Kecamatan Randublatung 2024 (.xls DPA + .csv realisasi) ----------

def office_F():
    import xlwt
    keep = {"7.01.01.2.01.0001", "7.01.01.2.02.0001", "7.01.01.2.06.0004", "7.01.01.2.06.0009",
            "7.01.01.2.08.0004", "7.01.02.2.02.0003", "7.01.03.2.02.0002", "7.01.03.2.02.0003",
            "7.01.05.2.01.0006"}
    progs = build_tree(KEC_TREE, seed=606, keep=keep)
    inds = [
        ind("Meningkatnya kepuasan masyarakat terhadap pelayanan Kecamatan", "Indeks Kepuasan Masyarakat", "Indeks",
            "positif", {2023: (85, 86.1), 2024: (86, 85.57)}, sumber="e-SKM"),
        ind("Terwujudnya birokrasi yang bersih dan akuntabel", "Nilai SAKIP Kecamatan", "Nilai", "positif",
            {2023: (67, 66.86), 2024: (70, 55.3)}, sumber="Evaluasi Inspektorat"),
        ind("Meningkatnya kualitas pelayanan administrasi", "Rata-rata waktu penyelesaian layanan administrasi",
            "Hari", "negatif", {2023: (3, 2.5), 2024: (3, 3.4)}, sumber="Seksi Pelayanan"),
    ]
    check_inds(inds)
    o = Office("kec-randublatung-2024", "Kecamatan Randublatung", 2024, progs, inds,
               [(100, 100), (100, 100), (100, 97), (100, 99)], bulan=12)
    os.makedirs(o.dir, exist_ok=True)
    name = "DPA Randublatung 2024.xls"
    wb = xlwt.Workbook()
    ws = wb.add_sheet("DPA")
    ws.write_merge(0, 0, 0, 3, "DPA KECAMATAN RANDUBLATUNG")
    ws.write_merge(1, 1, 0, 3, "TAHUN ANGGARAN 2024")
    hdr = ["Kode", "Nomenklatur", "Pagu", "Anggaran 2025"]
    for c, h in enumerate(hdr):
        ws.write(3, c, h)
    r = 4
    for pk, pn, kl in o.progs:
        ws.write(r, 0, pk); ws.write(r, 1, pn); ws.write(r, 2, psum(kl)); ws.write(r, 3, psum(kl, "next")); r += 1
        for kk, kn, sl in kl:
            ws.write(r, 0, kk); ws.write(r, 1, kn); ws.write(r, 2, ksum(sl)); ws.write(r, 3, ksum(sl, "next")); r += 1
            for s in sl:
                ws.write(r, 0, s.kode); ws.write(r, 1, s.nama); ws.write(r, 2, s.pagu); ws.write(r, 3, s.next)
                o.cells[("F.dpa", s.kode)] = (name, "DPA", addr(r + 1, 3))
                r += 1
    ws.write(r, 1, "JUMLAH TOTAL"); ws.write(r, 2, o.pagu); ws.write(r, 3, sum(s.next for s in subs_of(o.progs)))
    r += 3
    ws.write(r, 2, "Randublatung, 3 Januari 2024"); ws.write(r + 1, 2, "CAMAT RANDUBLATUNG")
    ws.write(r + 4, 2, "HENDRO WIBOWO, S.Sos"); ws.write(r + 5, 2, "NIP. 19750505 200003 1 003")
    wb.save(o.path(name))
    for m in (11, 12):
        name = f"LRA_{m:02d}_2024.csv"
        with open(o.path(name), "w", newline="", encoding="utf-8") as f:
            cw = csv.writer(f)
            cw.writerow(["Kode", "Uraian", "Anggaran", "Realisasi s.d. Bulan Ini"])
            for i, s in enumerate(subs_of(o.progs)):
                cw.writerow([s.kode, s.nama, s.pagu, s.cum[m - 1]])
                o.cells[("F.real", m, s.kode)] = (name, None, addr(i + 2, 4))
    name = "IKU Randublatung 2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kinerja"
    w = W(ws)
    w.title(["INDIKATOR KINERJA UTAMA KECAMATAN RANDUBLATUNG"], 12)
    w.r += 1
    w.header(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target 2023", "Realisasi 2023",
              "Capaian 2023 (%)", "Target 2024", "Realisasi 2024", "Capaian 2024 (%)", "Kategori 2024"])
    for n, i in enumerate(o.inds, 1):
        vals = [n, i["sasaran"], i["nama"], i["satuan"], i["pol"]]
        for yy in (2023, 2024):
            t, rr = i["years"][yy]
            vals += [fmt_val(t), fmt_val(rr), float(i["cap"][yy])]
        vals.append(i["pred"][2024])
        w.row(vals)
    widths(ws, [5, 40, 45, 8, 10] + [10] * 6 + [14])
    write_indikator_program(o, wb)
    wb.save(o.path(name))
    return o


# ---------------- Office G: Dinas Perhubungan 2025 (SIPD split, own segment only; AKB) --------

def office_G():
    progs = build_tree(DISHUB_TREE, seed=707)
    inds = [
        ind("Meningkatnya keselamatan lalu lintas", "Angka kecelakaan lalu lintas", "Kejadian", "negatif",
            {2025: (120, 100)}, sumber="Satlantas"),
        ind("Meningkatnya kelaikan kendaraan angkutan umum", "Persentase kendaraan wajib uji yang lulus uji berkala",
            "%", "positif", {2025: (90, 76.5)}, sumber="UPT PKB"),
        ind("Terwujudnya tata kelola perangkat daerah yang akuntabel", "Nilai SAKIP Dinas", "Nilai", "positif",
            {2025: (70, 42)}, sumber="Evaluasi Inspektorat"),
    ]
    check_inds(inds)
    o = Office("dinas-perhubungan-2025", "Dinas Perhubungan", 2025, progs, inds, [(100, 100), (100, 85)], bulan=6)
    os.makedirs(o.dir, exist_ok=True)
    name = "DPA Dishub 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DPA"
    w = W(ws)
    w.title(["DPA DINAS PERHUBUNGAN TAHUN 2025"], 8)
    w.r += 2
    w.header(["Kode Urusan", "Kode Bidang", "Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan",
              "Program/Kegiatan/Sub Kegiatan", "Pagu", "Prakiraan Maju"])
    money = "#,##0"
    for pk, pn, kl in o.progs:
        u, b, p = pk.split(".")
        r = w.row([u, b, p, None, None, pn, psum(kl), psum(kl, "next")], [None] * 6 + [money, money])
        for kk, kn, sl in kl:
            k = ".".join(kk.split(".")[3:])
            w.row([u, b, p, k, None, kn, ksum(sl), ksum(sl, "next")], [None] * 6 + [money, money])
            for s in sl:
                r = w.row([u, b, p, k, s.kode.split(".")[5], s.nama, s.pagu, s.next], [None] * 6 + [money, money])
                o.cells[("G.dpa", s.kode)] = (name, "DPA", addr(r, 7))
    w.row(["JUMLAH", None, None, None, None, None, o.pagu, sum(s.next for s in subs_of(o.progs))],
          [None] * 6 + [money, money])
    widths(ws, [8, 8, 8, 10, 10, 60, 18, 18])
    wb.save(o.path(name))
    # anggaran kas per triwulan (quarters), plan totals = pagu
    rng = random.Random(7070)
    name = "Anggaran Kas Dishub 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Anggaran Kas"
    w = W(ws)
    w.title(["ANGGARAN KAS SKPD", "DINAS PERHUBUNGAN", "TAHUN ANGGARAN 2025"], 7)
    w.r += 1
    w.header(["Kode", "Uraian", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Total"])
    tq = [0, 0, 0, 0]
    for s in subs_of(o.progs):
        q = []
        rest = s.pagu
        for i in range(3):
            a = int(s.pagu * rng.uniform(0.15, 0.3)) // 1000 * 1000
            q.append(a)
            rest -= a
        q.append(rest)
        tq = [x + y for x, y in zip(tq, q)]
        w.row([s.kode, s.nama] + q + [s.pagu], [None, None] + [money] * 5)
    w.row(["JUMLAH", None] + tq + [o.pagu], [None, None] + [money] * 5)
    widths(ws, [20, 60, 16, 16, 16, 16, 18])
    wb.save(o.path(name))
    name = "Realisasi Semester I 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    w = W(ws)
    w.title(["LAPORAN REALISASI FISIK DAN KEUANGAN", "DINAS PERHUBUNGAN KABUPATEN BLORA",
             "s.d. Bulan Juni 2025"], 6)
    w.r += 1
    w.header(["Kode", "Uraian", "Pagu", ("Realisasi", ["Bulan Ini", "s.d. Bulan Ini"]), "Realisasi Fisik (%)"])
    subs = subs_of(o.progs)
    for s in subs:
        fis = float(min(Decimal(100), q2(Decimal(s.cum[5]) * 100 / s.pagu + 3)))
        r = w.row([s.kode, s.nama, s.pagu, s.bulan_ini(6), s.cum[5], fis], [None, None] + [money] * 3 + ["0.00"])
        o.cells[("G.real", 6, s.kode)] = (name, "Realisasi", addr(r, 5))
    w.row(["JUMLAH", None, o.pagu, sum(s.bulan_ini(6) for s in subs), sum(s.cum[5] for s in subs), None],
          [None, None] + [money] * 3)
    widths(ws, [20, 60, 18, 18, 18, 12])
    wb.save(o.path(name))
    # PK with capaian as percent-formatted cells
    name = "IKU Dishub 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PK 2025"
    w = W(ws)
    w.title(["PERJANJIAN KINERJA DAN CAPAIAN 2025", "DINAS PERHUBUNGAN"], 9)
    w.r += 1
    w.header(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target", "Realisasi", "Capaian %",
              "Predikat"])
    for n, i in enumerate(o.inds, 1):
        t, rr = i["years"][2025]
        r = w.row([n, i["sasaran"], i["nama"], i["satuan"], i["pol"], fmt_val(t), fmt_val(rr),
                   float(i["cap"][2025] / 100), i["pred"][2025]], [None] * 7 + ["0.00%"])
        o.cells[("iku", i["nama"], 2025, "capaian")] = (name, "PK 2025", addr(r, 8))
    widths(ws, [5, 40, 45, 8, 10, 10, 10, 12, 14])
    write_indikator_program(o, wb)
    wb.save(o.path(name))
    return o


# ---------------- Office H: Kecamatan Kunduran 2025 (template-like files, plain Realisasi) ------

def office_H():
    keep = {"7.01.01.2.01.0001", "7.01.01.2.02.0001", "7.01.01.2.06.0002", "7.01.01.2.08.0002",
            "7.01.01.2.08.0004", "7.01.02.2.02.0001", "7.01.03.2.02.0002", "7.01.04.2.01.0001"}
    # Pembangunan sarpras kelurahan spent early: Jan 40 %, Feb 80 %, Mar 95 % -> summing months exceeds pagu
    early = [0.40 / 0.95, 0.80 / 0.95, 1.0] + [1.0] * 9
    special = {"7.01.03.2.02.0002": {"frac": 0.95, "profile": early}}
    progs = build_tree(KEC_TREE, seed=808, keep=keep, special=special)
    inds = [
        ind("Meningkatnya kualitas pelayanan publik Kecamatan", "Nilai IKM Pelayanan Kecamatan", "Indeks", "positif",
            {2023: (85, 85.85), 2024: (86, 86.0), 2025: (87, 88.2)}, sumber="e-SKM"),
        ind("Meningkatnya kualitas pelayanan publik Kecamatan", "Persentase layanan sesuai SOP", "%", "positif",
            {2023: (100, 96.5), 2024: (100, 98), 2025: (100, 100)}, sumber="Seksi Pelayanan"),
        ind("Terwujudnya birokrasi yang bersih dan akuntabel", "Nilai SAKIP Kecamatan", "Nilai", "positif",
            {2023: (65, 60.1), 2024: (68, 46.9), 2025: (70, 72.1)}, sumber="Evaluasi Inspektorat"),
    ]
    with_renstra(inds, [2021, 2022, 2023, 2024, 2025, 2026])
    check_inds(inds)
    o = Office("kec-kunduran-2025", "Kecamatan Kunduran", 2025, progs, inds,
               [(100, 100), (100, 100), (100, 90), (100, 100)], bulan=3)
    os.makedirs(o.dir, exist_ok=True)
    # make monthly cumulative for early months realistic for routine subs (about m/12)
    name = "Anggaran Kunduran 2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DPA"
    w = W(ws)
    w.title(["DOKUMEN PELAKSANAAN ANGGARAN", "KECAMATAN KUNDURAN", "TAHUN ANGGARAN 2025"], 9)
    w.header(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Satuan", "Kode Rekening",
              "Nama Rekening", "Anggaran 2025", "Anggaran 2026"])
    money = "#,##0"
    for pk, pn, kl in o.progs:
        r = w.row([pk, pn, "Persentase capaian program", 100, "%", None, None, psum(kl), psum(kl, "next")],
                  [None] * 7 + [money, money])
        o.cells[("H.dpa", pk)] = (name, "DPA", addr(r, 8))
        for kk, kn, sl in kl:
            w.row([kk, kn, "Persentase capaian kegiatan", 100, "%", None, None, ksum(sl), ksum(sl, "next")],
                  [None] * 7 + [money, money])
            for s in sl:
                r = w.row([s.kode, s.nama, "Jumlah layanan", 12, "Bulan", None, None, s.pagu, s.next],
                          [None] * 7 + [money, money])
                o.cells[("H.dpa", s.kode)] = (name, "DPA", addr(r, 8))
    w.row([None, "JUMLAH", None, None, None, None, None, o.pagu, sum(s.next for s in subs_of(o.progs))],
          [None] * 7 + [money, money])
    widths(ws, [20, 60, 30, 8, 8, 20, 30, 18, 18])
    wb.save(o.path(name))
    subs = subs_of(o.progs)
    for m in (1, 2, 3):
        name = f"LRA {MONTHS[m - 1]} {o.tahun}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "LRA"
        w = W(ws)
        w.title(["LAPORAN REALISASI ANGGARAN", "KECAMATAN KUNDURAN", f"Bulan {MONTHS[m - 1]} {o.tahun}"], 4)
        w.r += 1
        w.header(["Kode", "Uraian", "Anggaran", "Realisasi"])
        for s in subs:
            r = w.row([s.kode, s.nama, s.pagu, s.cum[m - 1]], [None, None, money, money])
            o.cells[("H.real", m, s.kode)] = (name, "LRA", addr(r, 4))
        w.row(["JUMLAH", None, o.pagu, sum(s.cum[m - 1] for s in subs)], [None, None, money, money])
        w.r += 1
        w.cell(w.r, 1, "Keterangan: realisasi adalah jumlah s.d. bulan laporan (kumulatif).")
        widths(ws, [20, 60, 18, 18])
        wb.save(o.path(name))
    iku_groups(o, "IKU Kunduran 2025.xlsx", [2023, 2024, 2025], renstra=[2021, 2022, 2023, 2024, 2025, 2026])
    return o


# ----------------------------------------------------------------------------------
# planted variants


def clone(o, what):
    p = copy.copy(o)
    p.cells = dict(o.cells)
    p.folder = f"{o.folder}-planted-{what}"
    p.dir = os.path.join(OFFICES, p.folder)
    if os.path.exists(p.dir):
        shutil.rmtree(p.dir)
    shutil.copytree(o.dir, p.dir)
    p.errors = []
    p.pagu_override = None
    p.real_override = None
    return p


def edit(p, file, sheet, cell, value, fmt=None):
    path = p.path(file)
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    ws[cell].value = value
    if fmt:
        ws[cell].number_format = fmt
    wb.save(path)


def planted(offices):
    A, B, C, D, E, F, G, H = offices
    out = []
    # 1. A: one wrong program subtotal
    p = clone(A, "subtotal")
    f, sh, ce = A.cells[("A.dpa", "7.01.02", "pagu")]
    progpagu = psum(A.progs[1][2])
    edit(p, f, sh, ce, progpagu + 10_000_000, "#,##0")
    p.errors.append(dict(code="subtotal-mismatch", file=f, sheet=sh, cell=ce))
    out.append(p)
    # 2. A: old-year DPA file added
    p = clone(A, "oldyear-dpa")
    old = build_tree(KEC_TREE, seed=9023)
    dpa_A(p, "DPA Kecamatan Tunjungan 2023.xlsx", tahun=2023, progs=old)
    p.errors.append(dict(code="tahun-mismatch", file="DPA Kecamatan Tunjungan 2023.xlsx", sheet=None, cell=None))
    out.append(p)
    # 3. B: capaian typed wrong (digits swapped, same band)
    p = clone(B, "capaian")
    f, sh, ce = B.cells[("iku", "Indeks Kepuasan Masyarakat", 2025, "capaian")]
    right = B.inds[0]["cap"][2025]  # 102.79
    edit(p, f, sh, ce, 102.97)
    p.errors.append(dict(code="capaian-mismatch", file=f, sheet=sh, cell=ce))
    p.note = f"capaian {right} typed as 102.97"
    out.append(p)
    # 4. B: copy of the IKU file with one value edited (Renstra target 2026)
    p = clone(B, "iku-copy")
    shutil.copy(p.path("IKU.xlsx"), p.path("IKU - Copy.xlsx"))
    f, sh, ce = B.cells[("renstra", "Nilai SAKIP Kecamatan", 2026)]
    edit(p, "IKU - Copy.xlsx", sh, ce, 75)
    p.errors.append(dict(code="indikator-mismatch", file="IKU - Copy.xlsx", alt_file="IKU.xlsx", sheet=sh, cell=ce))
    out.append(p)
    # 5. C: realisasi above pagu in the latest month
    p = clone(C, "over-budget")
    s = subs_of(C.progs)[5]
    f, sh, ce = C.cells[("C.real", 6, s.kode)]
    over = s.pagu + 1_250_000
    edit(p, f, sh, ce, over, "#,##0")
    # keep Bulan Ini and the TOTAL row consistent
    wb = openpyxl.load_workbook(p.path(f))
    ws = wb[sh]
    row = int(ce[1:])
    ws.cell(row=row, column=4).value = over - s.cum[4]
    last = ws.max_row
    for rr in range(row, last + 1):
        if ws.cell(row=rr, column=1).value == "TOTAL":
            ws.cell(row=rr, column=4).value += over - s.cum[5]
            ws.cell(row=rr, column=5).value += over - s.cum[5]
    wb.save(p.path(f))
    p.real_override = C.realisasi + (over - s.cum[5])
    p.errors.append(dict(code="over-budget", file=f, sheet=sh, cell=ce))
    out.append(p)
    # 6. D: wrong JUMLAH total (Setelah Pergeseran)
    p = clone(D, "jumlah")
    f, sh, ce = D.cells[("D.dpa", "JUMLAH")]
    edit(p, f, sh, ce, rp_text(D.pagu + 1_000_000, 0))
    p.errors.append(dict(code="total-mismatch", file=f, sheet=sh, cell=ce))
    out.append(p)
    # 7. E: pagu typed with letter O in the Rekap sheet (rekening sheet still right)
    p = clone(E, "letter-o")
    f, sh, ce = E.cells[("E.rekap", "7.01.01.2.06.0001")]
    edit(p, f, sh, ce, "2.5OO.000")
    p.errors.append(dict(code="bad-number", file=f, sheet=sh, cell=ce))
    out.append(p)
    # 8. H: predikat wrong (capaian exactly 100,00 is Baik, typed Sangat Baik)
    p = clone(H, "predikat")
    f, sh, ce = H.cells[("iku", "Persentase layanan sesuai SOP", 2025, "predikat")]
    edit(p, f, sh, ce, "Sangat Baik")
    p.errors.append(dict(code="predikat-mismatch", file=f, sheet=sh, cell=ce))
    out.append(p)
    # 9. H: the template's example row left in the IKU sheet
    p = clone(H, "example-row")
    os.remove(p.path("IKU Kunduran 2025.xlsx"))
    iku_groups(p, "IKU Kunduran 2025.xlsx", [2023, 2024, 2025], renstra=[2021, 2022, 2023, 2024, 2025, 2026],
               example_row=True)
    f, sh, ce = p.cells[("iku", "example")]
    p.errors.append(dict(code="example-row", file=f, sheet=sh, cell=ce, row_only=True))
    out.append(p)
    # 10. F: realisasi above pagu in the .csv of December
    p = clone(F, "csv-over-budget")
    s = subs_of(F.progs)[3]
    name = "LRA_12_2024.csv"
    rows = list(csv.reader(open(p.path(name), encoding="utf-8")))
    idx = [r[0] for r in rows].index(s.kode)
    over = s.pagu + 500_000
    rows[idx][3] = str(over)
    with open(p.path(name), "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    p.real_override = F.realisasi + (over - s.cum[11])
    p.errors.append(dict(code="over-budget", file=name, sheet=None, cell=f"D{idx + 1}"))
    out.append(p)
    return out


def write_expected(o, errors, pagu=None, real=None):
    os.makedirs(EXPECTED, exist_ok=True)
    d = {"tahun": o.tahun, "instansi": o.instansi, "pagu": pagu if pagu is not None else o.pagu,
         "realisasi": real if real is not None else o.realisasi, "bulan": o.bulan, "errors": errors}
    if getattr(o, "note", None):
        d["note"] = o.note
    with open(os.path.join(EXPECTED, o.folder + ".json"), "w") as f:
        json.dump(d, f, indent=1, ensure_ascii=False)


def main():
    if os.path.exists(OFFICES):
        shutil.rmtree(OFFICES)
    if os.path.exists(EXPECTED):
        shutil.rmtree(EXPECTED)
    os.makedirs(OFFICES)
    offices = [office_A(), office_B(), office_C(), office_D(), office_E(), office_F(), office_G(), office_H()]
    for o in offices:
        # sanity: realisasi <= pagu for every sub
        for s in subs_of(o.progs):
            assert s.cum[o.bulan - 1] <= s.pagu, (o.folder, s.kode)
            assert sum(a for _, _, a in s.rek) == s.pagu
        write_expected(o, [])
    for p in planted(offices):
        write_expected(p, p.errors, real=p.real_override)
    for name in sorted(os.listdir(OFFICES)):
        print(name)


if __name__ == "__main__":
    main()
